"""The few HTML pages of the web app (the dossier page itself comes from ``render.html``).

Small Jinja2 templates kept in this module (autoescaped), so the package needs no extra data files.
Pages are plain HTML with inline CSS and a few lines of JS that make the upload form show the job's
progress and open the new dossier; without JS the form still posts and lands on the job's page.
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

# The pages' scripts are constants (no template values inside), so the Content-Security-Policy can
# allow exactly them by hash (storyline.web.security); values reach them through data attributes.
UPLOAD_JS = """
document.getElementById("upload").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const form = ev.target, status = document.getElementById("status");
  const list = document.getElementById("problems");
  const show = (items) => {
    list.innerHTML = "";
    for (const p of items) { const li = document.createElement("li"); li.textContent = p; list.append(li); }
  };
  status.textContent = "uploading…"; show([]);
  try {
    const resp = await fetch("/api/analyze", {method: "POST", body: new FormData(form),
                                              headers: {"X-CSRF-Token": form.dataset.csrf}});
    const data = await resp.json();
    if (!data.ok) { status.textContent = "failed"; show([data.error].concat(data.errors || [])); return; }
    let job = data.job;
    while (job.status === "queued" || job.status === "running") {
      const p = job.progress || {};
      status.textContent = job.status === "queued" ? "waiting…"
        : "analysing… " + (p.total ? p.done + "/" + p.total + " " + p.stage : "");
      await new Promise((r) => setTimeout(r, 400));
      job = (await (await fetch(job.links.self)).json()).job;
    }
    if (job.status === "done") { status.textContent = "done"; show(job.problems); window.location = job.links.html; }
    else { status.textContent = "failed"; show([job.error.error].concat(job.error.errors || [])); }
  } catch (err) { status.textContent = "failed: " + err; }
});
"""

JOB_JS = """
(async () => {
  const box = document.getElementById("job"), status = document.getElementById("status");
  const list = document.getElementById("problems");
  for (;;) {
    const job = (await (await fetch("/api/jobs/" + box.dataset.job)).json()).job;
    if (!job) { status.textContent = "unknown job"; return; }
    const p = job.progress || {};
    status.textContent = job.status + (p.total ? " " + p.done + "/" + p.total + " " + p.stage : "");
    if (job.status === "done") { window.location = job.links.html; return; }
    if (job.status === "failed") {
      for (const e of [job.error.error].concat(job.error.errors || [])) {
        const li = document.createElement("li"); li.textContent = e; list.append(li);
      }
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
})();
"""

SCRIPTS = f"<script>{UPLOAD_JS}</script><script>{JOB_JS}</script>"

_INDEX = """{% extends "base.html" %}
{% block body %}
<p>One story, many reports: upload the articles of one story (.txt .md .html .json .jsonl) or give
their URLs, and get an evidence-backed dossier. Fetched pages are archived (WARC) beside the store.</p>
{% if csrf %}
<form id="upload" action="/api/analyze?csrf_token={{ csrf }}" method="post" enctype="multipart/form-data"
      data-csrf="{{ csrf }}">
  <p><label>Articles <input type="file" name="files" multiple></label></p>
  <p><label>or article URLs, one a line<br><textarea name="urls" rows="3" cols="60"
     placeholder="https://…"></textarea></label></p>
  <p><label>Story title (optional) <input type="text" name="title" size="40"></label></p>
  <p><button type="submit">Analyse</button> <span id="status" class="muted"></span></p>
  <ul id="problems" class="problems"></ul>
</form>
<script>""" + UPLOAD_JS + """</script>
{% else %}
<p class="muted"><a href="/login">Log in with the write token</a> to upload articles
(it is printed when <code>storyline serve</code> starts).</p>
{% endif %}
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
{% endblock %}"""

_LOGIN = """{% extends "base.html" %}
{% block title %}Log in · storyline{% endblock %}
{% block body %}
<form action="/login" method="post">
  <p><label>Write token <input type="password" name="token" size="40" required autofocus></label>
  <button type="submit">Log in</button></p>
  {% if failed %}<p class="problems">That is not the write token.</p>{% endif %}
  <p class="muted">The token is printed when <code>storyline serve</code> starts (or set with
  <code>--token</code> / <code>STORYLINE_TOKEN</code>).</p>
</form>
{% endblock %}"""

_JOB = """{% extends "base.html" %}
{% block title %}Analysis {{ job.id }} · storyline{% endblock %}
{% block body %}
<div id="job" data-job="{{ job.id }}">
<p>Analysis <code>{{ job.id }}</code>: <span id="status">{{ job.status }}</span></p>
<ul id="problems" class="problems">{% for p in job.problems %}<li>{{ p }}</li>{% endfor %}</ul>
<noscript><p>Reload this page to see the progress; the dossier will be linked here.</p>
{% if job.links.html %}<p><a href="{{ job.links.html }}">Open the dossier</a></p>{% endif %}</noscript>
</div>
<script>""" + JOB_JS + """</script>
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

_env = Environment(loader=DictLoader({"base.html": _BASE, "index.html": _INDEX, "search.html": _SEARCH,
                                      "login.html": _LOGIN, "job.html": _JOB}),
                   autoescape=select_autoescape(default=True, default_for_string=True))


def render_page(name: str, **context: Any) -> str:
    """Render one of the app's pages (``index.html``, ``search.html``)."""
    return _env.get_template(name).render(**context)
