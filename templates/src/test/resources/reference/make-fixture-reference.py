#!/usr/bin/env python3
"""Writes fixture-templates.jsonl: every template of testdata/chat x every conversation of
conversations.jsonl (written by conversations.py), add_generation_prompt false and true, and
continue_final_message when the last message is a non-empty assistant message, rendered by the
reference renderer testdata/chat/render-chat.py with the special tokens of SPECIAL below and the
clock frozen at 2025-03-05T09:07:02. Run from this folder: python3 conversations.py &&
python3 make-fixture-reference.py (needs python3-jinja2)."""
import glob
import importlib.machinery
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
chat = os.path.join(here, "../../../../../testdata/chat")
ref = importlib.machinery.SourceFileLoader("render_chat", os.path.join(chat, "render-chat.py")).load_module()
ref.set_now("2025-03-05T09:07:02")
SPECIAL = {"bos_token": "<s>", "eos_token": "</s>", "additional_special_tokens": ["<x>"], "pad_token": {"content": "<pad>"}}
convs = [json.loads(l) for l in open(os.path.join(here, "conversations.jsonl"), encoding="utf-8")]
with open(os.path.join(here, "fixture-templates.jsonl"), "w", encoding="utf-8") as out:
    for path in sorted(glob.glob(os.path.join(chat, "templates", "*.jinja"))):
        template = open(path, encoding="utf-8", newline="").read()
        for c in convs:
            options = [{"add_generation_prompt": False, "continue_final_message": False},
                       {"add_generation_prompt": True, "continue_final_message": False}]
            last = c["messages"][-1]
            if last.get("role") == "assistant" and last.get("content"):
                options.append({"add_generation_prompt": False, "continue_final_message": True})
            for o in options:
                line = {"template_id": os.path.basename(path)[:-len(".jinja")], "conversation_id": c["id"],
                        "options": o, **ref.render_case(template, c, o, SPECIAL)}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
