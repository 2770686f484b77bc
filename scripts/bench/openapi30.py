#!/usr/bin/env python3
"""Converts docs/openapi.yaml (3.1) into a copy connexion's mock mode accepts: openapi 3.0.3,
no info.summary, only 2xx responses (one content type each), nullable instead of type lists,
and an example on the responses the benchmark asks for so the mock answers non-null bodies.

    python3 scripts/bench/openapi30.py docs/openapi.yaml /tmp/openapi30.yaml [examples.json]
"""
import json
import sys

import yaml


def fix_schema(node):
    """3.1 `type: [string, 'null']` -> 3.0 `type: string, nullable: true`; drop 3.1-only keys."""
    if isinstance(node, dict):
        t = node.get("type")
        if isinstance(t, list):
            others = [x for x in t if x != "null"]
            node["type"] = others[0] if others else "string"
            if "null" in t:
                node["nullable"] = True
        for key in ("const", "$schema", "examples", "contentMediaType", "unevaluatedProperties"):
            node.pop(key, None)
        for value in node.values():
            fix_schema(value)
    elif isinstance(node, list):
        for value in node:
            fix_schema(value)


def main():
    source, target = sys.argv[1], sys.argv[2]
    examples = json.load(open(sys.argv[3])) if len(sys.argv) > 3 else {}
    spec = yaml.safe_load(open(source))
    spec["openapi"] = "3.0.3"
    spec["info"].pop("summary", None)
    spec.get("info", {}).pop("license", None)
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            op["responses"] = {code: r for code, r in op["responses"].items() if str(code).startswith("2")}
            for code, response in op["responses"].items():
                content = response.get("content")
                if content:
                    kind = "application/json" if "application/json" in content else next(iter(content))
                    response["content"] = {kind: content[kind]}
                    example = examples.get(op.get("operationId"))
                    if example is not None:
                        response["content"][kind]["example"] = example
    fix_schema(spec)
    yaml.safe_dump(spec, open(target, "w"), sort_keys=False)


if __name__ == "__main__":
    main()
