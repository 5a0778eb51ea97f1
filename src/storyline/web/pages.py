"""The few HTML pages of the web app (the dossier page itself comes from ``render.html``).

Small Jinja2 templates kept in this module (autoescaped), so the package needs no extra data files.
Pages are plain HTML with inline CSS and a few lines of JS that make the upload form show progress
and open the new dossier; without JS the form still posts and the API answers with JSON.
"""

from __future__ import annotations

from typing import Any

from jinja2 import DictLoader, Environment, select_autoescape

_BASE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}storyline{% endblock %}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1 a{color:inherit;text-decoration:none} table{border-collapse:collapse;width:100%}
td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
form{margin:1rem 0;padding:1rem;background:#f5f5f2;border-radius:6px}
.muted{color:#666;font-size:.9em} .problems{color:#a40} mark{background:#fe6}
</style></head>
<body><h1><a href="/">storyline</a></h1>
{% block body %}{% endblock %}
<p class="muted">storyline {{ version }} · <a href="/docs">API</a> · store: {{ store }}</p>
</body></html>"""

_INDEX = """{% extends "base.html" %}
{% block body %}
<p>One story, many reports: upload the articles of one story (.txt .md .html .json .jsonl) or give
their URLs, and get an evidence-backed dossier. Fetched pages are archived (WARC) beside the store.</p>
<form id="upload" action="/api/analyze" method="post" enctype="multipart/form-data">
  <p><label>Articles <input type="file" name="files" multiple></label></p>
  <p><label>or article URLs, one a line<br><textarea name="urls" rows="3" cols="60"
     placeholder="https://…"></textarea></label></p>
  <p><label>Story title (optional) <input type="text" name="title" size="40"></label></p>
  <p><button type="submit">Analyse</button> <span id="status" class="muted"></span></p>
  <ul id="problems" class="problems"></ul>
</form>
<form action="/search" method="get">
  <label>Search articles <input type="search" name="q" value="{{ q }}" required></label>
  <button type="submit">Search</button>
</form>
<h2>Stories</h2>
{% if stories %}
<table><tr><th>Story</th><th>Articles</th><th>Updated</th><th></th></tr>
{% for s in stories %}
<tr><td><a href="/stories/{{ s.id }}">{{ s.title or s.id }}</a></td><td>{{ s.articles }}</td>
<td class="muted">{{ s.updated }}</td><td><a href="/api/stories/{{ s.id }}">JSON</a></td></tr>
{% endfor %}</table>
{% else %}<p class="muted">No stories yet.</p>{% endif %}
<script>
document.getElementById("upload").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const status = document.getElementById("status"), list = document.getElementById("problems");
  status.textContent = "analysing…"; list.innerHTML = "";
  try {
    const resp = await fetch(ev.target.action, {method: "POST", body: new FormData(ev.target)});
    const data = await resp.json();
    const problems = data.ok ? data.problems : [data.error].concat(data.errors || []);
    for (const p of problems) {
      const li = document.createElement("li"); li.textContent = p; list.append(li);
    }
    if (data.ok) { status.textContent = "done"; window.location = data.links.html; }
    else { status.textContent = "failed"; }
  } catch (err) { status.textContent = "failed: " + err; }
});
</script>
{% endblock %}"""

_SEARCH = """{% extends "base.html" %}
{% block title %}{{ q }} · storyline search{% endblock %}
{% block body %}
<form action="/search" method="get">
  <label>Search articles <input type="search" name="q" value="{{ q }}" required></label>
  <button type="submit">Search</button>
</form>
<p>{{ hits|length }} article(s) contain {{ q }}.</p>
{% for h in hits %}
<div><h3>{{ h.title or h.path or h.id }}</h3>
<p class="muted">{{ h.outlet or "" }} {{ h.published or "" }} · {{ h.path }} ·
{% for s in h.stories %}<a href="/stories/{{ s }}">story {{ s }}</a> {% endfor %}</p>
<p>{{ h.snippet }}</p></div>
{% endfor %}
{% endblock %}"""

_env = Environment(loader=DictLoader({"base.html": _BASE, "index.html": _INDEX, "search.html": _SEARCH}),
                   autoescape=select_autoescape(default=True, default_for_string=True))


def render_page(name: str, **context: Any) -> str:
    """Render one of the app's pages (``index.html``, ``search.html``)."""
    return _env.get_template(name).render(**context)
