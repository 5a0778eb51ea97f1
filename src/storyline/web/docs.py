"""``/docs``: the API reference as one plain HTML page made from the app's OpenAPI description.

FastAPI's own ``/docs`` loads Swagger UI from a CDN, so it is blank offline and needs the CSP opened
to a third party. This page is rendered on the server from ``app.openapi()`` (no script, no network):
each operation with its parameters, request body and responses, and the schemas they name. The
machine-readable description stays at ``/openapi.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jinja2 import Environment, select_autoescape

__all__ = ["render_docs"]

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API · storyline</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:62rem;margin:0 auto;padding:0 1rem 2rem;color:#222}
header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap;border-bottom:1px solid #ddd;padding:.8rem 0}
header a{color:inherit} .brand{font-weight:700;font-size:1.2rem;text-decoration:none}
code,pre{font:13px/1.4 ui-monospace,monospace;overflow-wrap:anywhere;white-space:pre-wrap}
.op{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.6rem .9rem}
.m{display:inline-block;min-width:4.2rem;font-weight:700;color:#fff;border-radius:4px;text-align:center;
   padding:0 .3rem;margin-right:.5rem} .get{background:#2a7ab0}.post{background:#2f8f46}
.patch{background:#a06a00}.delete{background:#b3261e}.put{background:#6a3fb0}
table{border-collapse:collapse;width:100%;font-size:.92em;table-layout:fixed}
td,th{text-align:left;padding:.25rem .4rem;
border-bottom:1px solid #eee;vertical-align:top;overflow-wrap:anywhere} .muted{color:#666}
nav.toc{display:flex;flex-wrap:wrap;gap:.2rem .9rem}
</style></head><body>
<header><a class="brand" href="/">storyline</a><a href="/">Stories</a><strong>API</strong>
<a href="/openapi.json">openapi.json</a></header>
<h1>{{ info.title }} API <span class="muted">{{ info.version }}</span></h1>
<p>{{ info.description }}</p>
<p>Every successful answer is <code>{"ok": true, "data": …, "meta": {…}}</code>; lists come a page
at a time (<code>offset</code>, <code>limit</code>; <code>meta.total</code> counts all matches and
<code>meta.next</code> is the next page's URL). Errors are <code>{"ok": false, "error", "status",
"errors"}</code>. Writes (POST, PATCH, DELETE) need the write token:
<code>Authorization: Bearer &lt;token&gt;</code>.</p>
<nav class="toc">{% for tag in tags %}<a href="#tag-{{ tag }}">{{ tag }}</a>{% endfor %}</nav>
{% for tag, ops in by_tag %}
<h2 id="tag-{{ tag }}">{{ tag }}</h2>
{% for op in ops %}
<div class="op" id="{{ op.id }}">
<p><span class="m {{ op.method }}">{{ op.method|upper }}</span><code>{{ op.path }}</code>
<strong>{{ op.summary }}</strong></p>
{% for para in op.description %}<p>{{ para }}</p>{% endfor %}
{% if op.params %}<table><tr><th>Parameter</th><th>In</th><th>Type</th><th>Description</th></tr>
{% for p in op.params %}<tr><td><code>{{ p.name }}</code>{% if p.required %} *{% endif %}</td><td>{{ p.in }}</td>
<td>{{ p.type }}</td><td>{{ p.description }}</td></tr>{% endfor %}</table>{% endif %}
{% if op.body %}<p>Request body: {{ op.body }}</p>{% endif %}
<table><tr><th>Status</th><th>Answer</th></tr>{% for code, text in op.responses %}
<tr><td>{{ code }}</td><td>{{ text }}</td></tr>{% endfor %}</table>
</div>
{% endfor %}
{% endfor %}
<h2 id="schemas">Schemas</h2>
{% for name, props in schemas %}
<div class="op" id="schema-{{ name }}"><p><strong>{{ name }}</strong></p>
{% if props %}<table>{% for pname, ptype in props %}<tr><td><code>{{ pname }}</code></td><td>{{ ptype }}</td></tr>
{% endfor %}</table>{% endif %}</div>
{% endfor %}
</body></html>"""

_env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))


def _type(schema: Mapping[str, Any] | None) -> str:
    if not schema:
        return "any"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            return " or ".join(_type(s) for s in schema[key])
    kind = schema.get("type")
    if kind == "array":
        return f"list of {_type(schema.get('items'))}"
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    out = str(kind or "object")
    if schema.get("format"):
        out += f" ({schema['format']})"
    return out


def _body(op: Mapping[str, Any]) -> str:
    body = op.get("requestBody")
    if not body:
        return ""
    parts = []
    for media, content in body.get("content", {}).items():
        schema = content.get("schema") or {}
        props = schema.get("properties")
        if props:
            fields = ", ".join(f"{k}: {_type(v)}" for k, v in props.items())
            parts.append(f"{media} ({fields})")
        else:
            parts.append(f"{media} ({_type(schema)})")
    return "; ".join(parts)


def _paragraphs(text: str) -> list[str]:
    """A docstring as paragraphs of plain text (reST ``literals`` lose their backquotes)."""
    return [" ".join(p.replace("``", "").split()) for p in text.split("\n\n") if p.strip()]


def render_docs(spec: Mapping[str, Any]) -> str:
    """The reference page for an OpenAPI description (the dict ``app.openapi()`` returns)."""
    by_tag: dict[str, list[dict[str, Any]]] = {}
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            params = [{"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                       "type": _type(p.get("schema")),
                       "description": p.get("description") or (p.get("schema") or {}).get("description", "")}
                      for p in op.get("parameters", [])]
            responses = []
            for code, r in op.get("responses", {}).items():
                schema = ((r.get("content") or {}).get("application/json") or {}).get("schema")
                text = r.get("description", "")
                if schema:
                    text += f" ({_type(schema)})"
                responses.append((code, text))
            tag = (op.get("tags") or ["other"])[0]
            by_tag.setdefault(tag, []).append({
                "method": method, "path": path, "summary": op.get("summary", ""),
                "description": _paragraphs(op.get("description", "")), "params": params, "body": _body(op),
                "responses": responses, "id": op.get("operationId", f"{method}-{path}")})
    schemas = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        props = [(k, _type(v)) for k, v in (schema.get("properties") or {}).items()]
        schemas.append((name, props))
    return _env.from_string(_TEMPLATE).render(info=spec.get("info", {}), tags=list(by_tag),
                                              by_tag=list(by_tag.items()), schemas=schemas)
