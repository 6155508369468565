#!/usr/bin/env python3
"""Writes reference.jsonl: each template of cases.py rendered by the reference renderer
testdata/chat/render-chat.py (Jinja2 3.1.x as transformers configures it), with the
conversation and special tokens of cases.py, add_generation_prompt false, and the clock frozen
at 2025-03-05T09:07:02. Run from this folder: python3 make-reference.py (needs python3-jinja2)."""
import importlib.machinery
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
ref = importlib.machinery.SourceFileLoader(
    "render_chat", os.path.join(here, "../../../../../testdata/chat/render-chat.py")).load_module()
import cases  # noqa: E402

ref.set_now("2025-03-05T09:07:02")
with open(os.path.join(here, "reference.jsonl"), "w", encoding="utf-8") as out:
    for template in cases.TEMPLATES:
        result = ref.render_case(template, cases.CONVERSATION, {"add_generation_prompt": False},
                                 cases.SPECIAL)
        line = {"template": template, "special_tokens": cases.SPECIAL, **cases.CONVERSATION, **result}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    for template, kwargs in cases.KWARG_CASES:
        conversation = {**cases.CONVERSATION, "kwargs": kwargs}
        result = ref.render_case(template, conversation, {"add_generation_prompt": False}, cases.SPECIAL)
        line = {"template": template, "special_tokens": cases.SPECIAL, **conversation, **result}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
