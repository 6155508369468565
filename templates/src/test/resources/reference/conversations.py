# Extra conversations for make-fixture-reference.py: tool calls with None content and string
# arguments, two system messages, whitespace, content parts, numbers, documents, many turns,
# Jinja-looking text. Writes conversations.jsonl.
import os
import json
C = [
 {"id": "x-none-content", "messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": None, "tool_calls": [{"id": "call_abcdefghi", "type": "function", "function": {"name": "lookup", "arguments": "{\"q\": \"x\"}"}}]}, {"role": "tool", "tool_call_id": "call_abcdefghi", "name": "lookup", "content": "42"}, {"role": "assistant", "content": "It is 42."}], "tools": [{"type": "function", "function": {"name": "lookup", "description": "Look up.", "parameters": {"type": "object", "properties": {"q": {"type": "string", "enum": ["x", "y"]}, "n": {"type": "number", "minimum": 0.5}}, "required": ["q"]}}}]},
 {"id": "x-two-systems", "messages": [{"role": "system", "content": "A"}, {"role": "system", "content": "B"}, {"role": "user", "content": "C"}]},
 {"id": "x-whitespace", "messages": [{"role": "user", "content": "\n\n  padded \t\n"}, {"role": "assistant", "content": "  <think>\nhmm\n</think>\n\nanswer  "}, {"role": "user", "content": "next\u00a0\u2028q"}]},
 {"id": "x-parts", "messages": [{"role": "system", "content": [{"type": "text", "text": "sys part"}]}, {"role": "user", "content": [{"type": "image", "url": "http://x"}, {"type": "text", "text": "what is this?"}, {"type": "text", "text": "and this"}]}]},
 {"id": "x-numbers", "messages": [{"role": "user", "content": "n"}, {"role": "assistant", "content": "ok", "tool_calls": [{"id": "abcdefghi01", "type": "function", "function": {"name": "calc", "arguments": {"x": 1.5, "y": -2, "z": 1e-07, "big": 12345678901234, "flag": False, "nested": {"k": [1.0, 2.25, None]}}}}]}, {"role": "tool", "tool_call_id": "abcdefghi01", "content": {"result": 0.1}}], "tools": [{"type": "function", "function": {"name": "calc", "description": "Calc \"quoted\" \\ back", "parameters": {"type": "object", "properties": {}}}}]},
 {"id": "x-docs", "messages": [{"role": "user", "content": "Summarize."}], "documents": [{"title": "T1", "text": "Body one."}, {"title": "T\u00e9 2", "text": "Body \"two\"."}]},
 {"id": "x-long", "messages": [{"role": "user" if i % 2 == 0 else "assistant", "content": "turn %d %s" % (i, "\u00e9" * (i % 3))} for i in range(12)]},
 {"id": "x-jinja-text", "messages": [{"role": "user", "content": "{% raw %}{{ x }}{% endraw %} {#- c -#} %} }} {{"}]},
]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "conversations.jsonl"), "w") as f:
    for c in C: f.write(json.dumps(c) + "\n")
