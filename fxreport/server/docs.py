"""The API documentation page, rendered from ``/openapi.json`` by the server itself.

FastAPI's own docs pages load Swagger UI from a CDN that an intranet cannot
reach; this page is plain HTML with the page's stylesheet: every operation,
its form fields or parameters, its answers, and the schemas they refer to.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _text(value: object) -> str:
    """Escaped prose, with `code` spans as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(value))


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#schema-{_e(name)}">{_e(name)}</a>'
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    kind = schema.get("type", "any")
    if schema.get("contentMediaType") == "application/octet-stream":
        return "file"
    if kind == "array":
        return f"array of {_type(schema.get('items', {}))}"
    text = _e(kind)
    if "format" in schema:
        text += f" ({_e(schema['format'])})"
    if "enum" in schema:
        text += ": " + ", ".join(f"<code>{_e(json.dumps(v))}</code>" for v in schema["enum"])
    if "const" in schema:
        text += f": <code>{_e(json.dumps(schema['const']))}</code>"
    return text


def _properties(schema: dict[str, Any]) -> str:
    props = schema.get("properties", {})
    if not props:
        return f"<p>{_type(schema)}</p>"
    required = set(schema.get("required", []))
    rows = "".join(
        f"<tr><td><code>{_e(name)}</code>{' <small>(required)</small>' if name in required else ''}</td>"
        f"<td>{_type(p)}</td><td>{_text(p.get('description', ''))}</td></tr>"
        for name, p in props.items())
    return ('<div class="table-wrap"><table class="files"><thead><tr><th scope="col">name</th>'
            f'<th scope="col">type</th><th scope="col">meaning</th></tr></thead><tbody>{rows}'
            "</tbody></table></div>")


def _operation(path: str, method: str, op: dict[str, Any]) -> list[str]:
    """One route: what it does, its parameters, its request body and its answers."""
    out = [f'<section class="file op"><header><h2 id="{_e(op.get("operationId", path))}">'
           f'<code>{_e(method.upper())} {_e(path)}</code></h2>'
           f"<p>{_text(op.get('summary', ''))}</p></header><div class=\"op-body\">"]
    if op.get("description"):
        out.append("".join(f"<p>{_text(p)}</p>" for p in op["description"].split("\n\n")))
    params = op.get("parameters", [])
    if params:
        out.append("<h3>Parameters</h3>" + _properties({
            "properties": {p["name"]: {**p.get("schema", {}),
                                       "description": p.get("description", "")}
                           for p in params},
            "required": [p["name"] for p in params if p.get("required")]}))
    for media, content in op.get("requestBody", {}).get("content", {}).items():
        out.append(f"<h3>Request body: <code>{_e(media)}</code></h3>")
        out.append(_properties(content.get("schema", {})))
    out.append("<h3>Answers</h3><ul>")
    for status, resp in op.get("responses", {}).items():
        kinds = [f"<code>{_e(media)}</code> {_type(content.get('schema', {}))}"
                 for media, content in resp.get("content", {}).items()]
        out.append(f"<li><strong>{_e(status)}</strong> {_text(resp.get('description', ''))}"
                   f"{': ' + ', '.join(kinds) if kinds else ''}</li>")
    out.append("</ul></div></section>")
    return out


def render_docs(spec: dict[str, Any], base_url: str = "http://127.0.0.1:8000/") -> str:
    info = spec.get("info", {})
    out = ['<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<link rel="icon" href="data:,">',
           f"<title>{_e(info.get('title', 'API'))} API</title>",
           '<link rel="stylesheet" href="/static/report.css">',
           '<link rel="stylesheet" href="/static/page.css"></head><body>',
           '<main class="report docs">',
           f"<h1>{_e(info.get('title', ''))} {_e(info.get('version', ''))}: the HTTP API</h1>",
           f"<p>{_text(info.get('summary', ''))}</p><p>{_text(info.get('description', ''))}</p>",
           '<p><a href="/openapi.json">openapi.json</a> (OpenAPI '
           f"{_e(spec.get('openapi', ''))}) \u00b7 <a href=\"/\">the checker page</a></p>",
           "<h2>Example</h2><pre class=\"example\">curl -F files=@ABP1209.txt -F previous=@ABP1208.txt "
           f"-F lang=en {_e(base_url)}api/check</pre>"]
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            out += _operation(path, method, op)
    schemas = spec.get("components", {}).get("schemas", {})
    if schemas:
        out.append("<h2>Schemas</h2>")
        for name, schema in schemas.items():
            out.append(f'<section class="file op"><header><h3 id="schema-{_e(name)}">{_e(name)}</h3>'
                       f"<p>{_text(schema.get('description', ''))}</p></header>"
                       f'<div class="op-body">{_properties(schema)}</div></section>')
    out.append("</main></body></html>\n")
    return "\n".join(out)
