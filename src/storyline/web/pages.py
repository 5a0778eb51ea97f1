"""The HTML pages of the web app (the dossier page itself comes from ``render.html``).

Small Jinja2 templates kept in this module (autoescaped), so the package needs no extra data files.
Every page has the same header (the app's name, back to the story list, search, API docs, log in)
and a footer without anything about the server (no database path). Pages are plain HTML with inline
CSS; a few lines of JS make the upload forms show the job's progress. Without JS the forms still
post and land on the job's page, which reloads itself until the job is done.

The stored HTML dossier gets the same header injected (:func:`story_bar`): back to the list, the
downloads, and the story's own page for adding articles, renaming and deleting.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from jinja2 import DictLoader, Environment, select_autoescape
from markupsafe import Markup

__all__ = ["DOWNLOADS", "SCRIPTS", "ago_label", "render_page", "story_bar"]

# file name → (label, media type); served at /stories/{id}/{file name}
DOWNLOADS = {
    "dossier.json": ("JSON", "application/json"),
    "dossier.md": ("Markdown", "text/markdown; charset=utf-8"),
    "dossier.html": ("HTML (one file, works offline)", "text/html; charset=utf-8"),
    "claims.csv": ("claims (CSV)", "text/csv; charset=utf-8"),
    "quotes.csv": ("quotes (CSV)", "text/csv; charset=utf-8"),
    "timeline.csv": ("timeline (CSV)", "text/csv; charset=utf-8"),
}

_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:64rem;margin:0 auto;padding:0 1rem 1rem;color:#222}
.appbar{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:baseline;padding:.7rem 0;
  border-bottom:1px solid #ddd;margin-bottom:1rem}
.appbar a{color:#0b57d0;text-decoration:none} .appbar .brand{font-weight:700;font-size:1.15rem;color:#222}
.appbar .grow{flex:1}
table{border-collapse:collapse;width:100%} td,th{text-align:left;padding:.4rem .5rem;
  border-bottom:1px solid #ddd;vertical-align:top} th{background:#f4f5f7}
form.box{margin:1rem 0;padding:1rem;background:#f5f5f2;border-radius:6px}
.muted{color:#666;font-size:.9em} .problems{color:#a40} mark{background:#fe6}
.conflict{color:#c62828;font-weight:600} td.num{text-align:right;white-space:nowrap}
code{overflow-wrap:anywhere} progress{width:min(30rem,100%)} td{overflow-wrap:anywhere}
input[type=text],input[type=search],input[type=password],textarea{max-width:100%;box-sizing:border-box}
.danger{color:#b3261e} footer{margin-top:2rem;border-top:1px solid #ddd;padding-top:.5rem}
@media (max-width:40rem){ .hide-phone{display:none} td,th{padding:.35rem .3rem} h1{font-size:1.5rem} }
"""

_BASE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}storyline{% endblock %}</title>
<style>""" + _CSS + """</style></head>
<body>
<header class="appbar"><a class="brand" href="/">storyline</a><a href="/">All stories</a>
<form action="/search" method="get" role="search" style="margin:0">
<input type="search" name="q" value="{{ q or '' }}" placeholder="Search articles" aria-label="Search articles">
</form><span class="grow"></span><a href="/docs">API</a>
{% if not csrf %}<a href="/login">Log in</a>{% endif %}</header>
<main>
{% block body %}{% endblock %}
</main>
<footer class="muted">storyline {{ version }} · <a href="/docs">API reference</a> ·
every line of a dossier is taken from the source articles</footer>
</body></html>"""

# The pages' scripts are constants (no template values inside), so the Content-Security-Policy can
# allow exactly them by hash (storyline.web.security); values reach them through data attributes.
UPLOAD_JS = """
document.querySelectorAll("form.upload").forEach((form) => form.addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const status = form.querySelector(".status"), list = form.querySelector(".problems");
  const show = (items) => {
    list.innerHTML = "";
    for (const p of items) { const li = document.createElement("li"); li.textContent = p; list.append(li); }
  };
  status.textContent = "uploading…"; show([]);
  try {
    const resp = await fetch(form.dataset.action, {method: "POST", body: new FormData(form),
                                                    headers: {"X-CSRF-Token": form.dataset.csrf}});
    const body = await resp.json();
    if (!body.ok) { status.textContent = "failed: " + body.error; show(body.errors || []); return; }
    window.location = body.data.links.page;
  } catch (err) { status.textContent = "failed: " + err; }
}));
"""

JOB_JS = """
(async () => {
  const box = document.getElementById("job");
  if (!box || box.dataset.final === "1") return;
  const status = document.getElementById("status"), bar = document.getElementById("bar");
  const stages = {analyze: "analysing articles", stories: "grouping", reduce: "building the dossier"};
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const job = (await (await fetch("/api/jobs/" + box.dataset.job)).json()).data;
    if (!job) { status.textContent = "unknown job"; return; }
    const p = job.progress || {};
    if (job.status === "done" || job.status === "failed") {
      if (job.status === "done" && !job.problems.length) { window.location = job.links.html; return; }
      window.location.reload(); return;
    }
    status.textContent = job.status === "queued" ? "waiting for the analyser…"
      : !p.stage ? "starting the analyser (loading the language model)…"
      : (stages[p.stage] || p.stage) + (p.total ? " " + p.done + " of " + p.total : "");
    if (p.total) { bar.max = p.total; bar.value = p.done; }
  }
})();
"""

SCRIPTS = f"<script>{UPLOAD_JS}</script><script>{JOB_JS}</script>"

_UPLOAD_FORM = """
<form class="box upload" id="{{ form_id }}" action="{{ action }}?csrf_token={{ csrf }}" method="post"
      enctype="multipart/form-data" data-action="{{ action }}" data-csrf="{{ csrf }}">
  <p><label>Article files (.txt .md .html .json .jsonl) <input type="file" name="files" multiple></label></p>
  <p><label>or article URLs, one a line<br><textarea name="urls" rows="3" style="width:100%"
     placeholder="https://…"></textarea></label></p>
  {% if with_title %}<p><label>Story title (optional) <input type="text" name="title" size="40"></label></p>{% endif %}
  <p><button type="submit">{{ button }}</button> <span class="status muted"></span></p>
  <ul class="problems"></ul>
</form>
<script>""" + UPLOAD_JS + """</script>"""

_INDEX = """{% extends "base.html" %}
{% block body %}
<h1>Stories</h1>
{% if stories %}
<table>
<tr><th>Story</th><th class="hide-phone">Outlets</th><th>Published</th><th class="num">Articles</th>
<th class="num">Conflicts</th><th class="hide-phone">Updated</th></tr>
{% for s in stories %}
<tr><td><a href="/stories/{{ s.id }}">{{ s.title or "Untitled story" }}</a>
{% if s.version > 1 %}<div class="muted">version {{ s.version }}</div>{% endif %}</td>
<td class="hide-phone">{{ s.outlets[:4]|join(", ") or "—" }}{% if s.outlets|length > 4 %} and
{{ s.outlets|length - 4 }} more{% endif %}</td>
<td>{{ s.dates or "date unknown" }}{% if s.dates and s.dated < s.articles %}
<div class="muted">{{ s.dated }} of {{ s.articles }} dated</div>{% endif %}</td><td class="num">{{ s.articles }}</td>
<td class="num{% if s.conflicts %} conflict{% endif %}">{{ s.conflicts }}</td>
<td class="hide-phone muted">{{ s.updated_label }}</td></tr>
{% endfor %}</table>
{% if more %}<p class="muted">Showing the {{ stories|length }} most recently updated of {{ total }}
stories.</p>{% endif %}
{% else %}<p class="muted">No stories yet.</p>{% endif %}
<h2>New story</h2>
<p>Upload the articles of one story or give their URLs, and get an evidence-backed dossier.
Fetched pages are archived (WARC) beside the store.</p>
{% if csrf %}
{% with action="/api/analyze", button="Analyse", with_title=True, form_id="upload" %}""" + _UPLOAD_FORM + """
{% endwith %}
{% else %}
<p class="muted"><a href="/login">Log in with the write token</a> to upload articles
(it is printed when <code>storyline serve</code> starts).</p>
{% endif %}
{% endblock %}"""

_STORY = """{% extends "base.html" %}
{% block title %}{{ s.title or "Untitled story" }} · storyline{% endblock %}
{% block body %}
<p><a href="/">← All stories</a></p>
<h1>{{ s.title or "Untitled story" }}</h1>
<p>{{ s.articles }} article(s) from {{ s.outlets|length }} outlet(s)
{%- if s.dates %}, published {{ s.dates }}{% if s.dated < s.articles %} ({{ s.dated }} of them
dated){% endif %}{% endif %};
{{ s.conflicts }} conflict(s); version {{ s.version }}, updated {{ s.updated_label }}.</p>
<p><a href="/stories/{{ s.id }}"><strong>Open the dossier</strong></a></p>
<h2>Downloads</h2>
<ul>{% for name, (label, _) in downloads %}<li><a href="/stories/{{ s.id }}/{{ name }}" download>{{ label }}</a>
<span class="muted">{{ name }}</span></li>{% endfor %}</ul>
{% if csrf %}
<h2>Add articles</h2>
<p class="muted">New reports of the same story: the story keeps its address and gets a new version
that lists what changed.</p>
{% with action=add_action, button="Add", with_title=False, form_id="add" %}""" + _UPLOAD_FORM + """{% endwith %}
<h2>Rename</h2>
<form class="box" action="/stories/{{ s.id }}/rename?csrf_token={{ csrf }}" method="post">
<label>Title <input type="text" name="title" value="{{ s.title }}" size="50" required></label>
<button type="submit">Rename</button></form>
<h2>Delete</h2>
<form class="box" action="/stories/{{ s.id }}/delete?csrf_token={{ csrf }}" method="post">
<p>Deletes the story, its dossier, and its articles that no other story has.</p>
<label><input type="checkbox" name="confirm" value="yes" required> yes, delete this story</label>
<button type="submit" class="danger">Delete</button></form>
{% else %}
<p class="muted"><a href="/login">Log in with the write token</a> to add articles, rename or delete.</p>
{% endif %}
{% endblock %}"""

_LOGIN = """{% extends "base.html" %}
{% block title %}Log in · storyline{% endblock %}
{% block body %}
<h1>Log in</h1>
<form class="box" action="/login" method="post">
  <p><label>Write token <input type="password" name="token" size="40" required autofocus></label>
  <button type="submit">Log in</button></p>
  {% if failed %}<p class="problems">That is not the write token.</p>{% endif %}
  <p class="muted">The token is printed when <code>storyline serve</code> starts (or set with
  <code>--token</code> / <code>STORYLINE_TOKEN</code>).</p>
</form>
{% endblock %}"""

_JOB = """{% extends "base.html" %}
{% block title %}Upload {{ job.status }} · storyline{% endblock %}
{% block body %}
<p><a href="/">← All stories</a></p>
<div id="job" data-job="{{ job.id }}" data-final="{{ 1 if final else 0 }}">
{% if job.status == "done" %}
<h1>Upload done</h1>
<p>{{ job.articles }} article(s) {% if job.into %}now in{% else %}in{% endif %} the story
<a href="{{ job.links.html }}"><strong>{{ job.story.title or "Untitled story" }}</strong></a>
({{ job.stored_new }} new to the store).</p>
<p><a href="{{ job.links.html }}">Open the dossier</a> · <a href="/stories/{{ job.story.id }}/about">Story page
and downloads</a></p>
{% elif job.status == "failed" %}
<h1>Upload failed</h1>
<p class="problems">{{ job.error.error }}</p>
{% else %}
<h1>Analysing…</h1>
<p><progress id="bar"{% if job.progress.total %} max="{{ job.progress.total }}"
  value="{{ job.progress.done }}"{% endif %}></progress></p>
<p id="status">{{ job.status }}</p>
<noscript><meta http-equiv="refresh" content="2"></noscript>
{% endif %}
{% set skipped = job.problems or (job.error.errors if job.error else []) %}
{% if skipped %}
<h2>{{ skipped|length }} file(s) skipped</h2>
<table><tr><th>File</th><th>Why</th></tr>
{% for p in skipped %}{% set name, why = split(p) %}
<tr><td><code>{{ name }}</code></td><td>{{ why }}</td></tr>{% endfor %}
</table>
{% elif job.status == "done" %}<p class="muted">Every file was read.</p>{% endif %}
</div>
<script>""" + JOB_JS + """</script>
{% endblock %}"""

_SEARCH = """{% extends "base.html" %}
{% block title %}{{ q }} · storyline search{% endblock %}
{% block body %}
<h1>Search</h1>
<form action="/search" method="get">
  <label>Words or "a phrase" <input type="search" name="q" value="{{ q }}" required></label>
  <button type="submit">Search</button>
</form>
<p>{{ total }} article(s) contain {{ q }}
{%- if total > hits|length and hits %} ({{ offset + 1 }} to {{ offset + hits|length }} shown){% endif %}.</p>
{% for h in hits %}
<div><h3>{{ h.title or "Untitled article" }}</h3>
<p class="muted">{{ h.outlet or "outlet unknown" }}{% if h.published %} · {{ h.published|day }}{% endif %}
{% for s in h.stories %} · <a href="/stories/{{ s }}">in {{ titles.get(s) or "a story" }}</a>{% endfor %}</p>
<p>{{ h.snippet }}</p></div>
{% endfor %}
<p>{% if offset > 0 %}<a href="/search?q={{ q|urlencode }}&amp;offset={{ [offset - page, 0]|max }}">← previous
{{ page }}</a> {% endif %}{% if offset + page < total %}<a
href="/search?q={{ q|urlencode }}&amp;offset={{ offset + page }}">next {{ [page, total - offset - page]|min }} →</a>
{%- endif %}</p>
{% endblock %}"""

_env = Environment(loader=DictLoader({"base.html": _BASE, "index.html": _INDEX, "search.html": _SEARCH,
                                      "login.html": _LOGIN, "job.html": _JOB, "story.html": _STORY}),
                   autoescape=select_autoescape(default=True, default_for_string=True))


def _split_problem(line: str) -> tuple[str, str]:
    """``"name: why"`` → (name, why); a line without a file name is all "why"."""
    name, sep, why = line.partition(": ")
    if sep and name and "\n" not in name and len(name) < 250:
        return name, why
    return "—", line


_env.globals["split"] = _split_problem


def _day(iso: str | None) -> str:
    """An ISO day in words ("5 May 2025"), as the dossier writes it."""
    from storyline.render.dates import day_label

    try:
        return day_label(dt.date.fromisoformat((iso or "")[:10]))
    except ValueError:
        return iso or ""


_env.filters["day"] = _day


def render_page(name: str, **context: Any) -> str:
    """Render one of the app's pages (``index.html``, ``search.html``, ``story.html``, …)."""
    return _env.get_template(name).render(**context)


def ago_label(iso: str | None, now: dt.datetime | None = None) -> str:
    """A stored timestamp in plain words: "just now", "12 minutes ago", "today at 14:05",
    "yesterday", "3 Nov 2025"."""
    if not iso:
        return "unknown"
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    secs = (now - when).total_seconds()
    if secs < 60:
        return "just now"
    if secs < 3600:
        n = int(secs // 60)
        return f"{n} minute{'s' if n != 1 else ''} ago"
    if when.date() == now.date():
        return f"today at {when:%H:%M} UTC"
    if (now.date() - when.date()).days == 1:
        return f"yesterday at {when:%H:%M} UTC"
    return f"{when.day} {when:%b %Y}"


_BAR = """<nav class="storyline-appbar" style="display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:baseline;
padding:.5rem 1.25rem;border-bottom:1px solid #d9dce1;background:#f4f5f7;font:14px/1.5 system-ui,sans-serif">
<a href="/" style="font-weight:700;color:#1d1d1f;text-decoration:none">storyline</a>
<a href="/">← All stories</a>
<span>Download: {links}</span>
<a href="/stories/{sid}/about">Add articles, rename, delete</a></nav>"""


def story_bar(html: str, story_id: str) -> str:
    """The stored HTML dossier with the app's navigation bar right after ``<body>``."""
    links = " · ".join(f'<a href="/stories/{story_id}/{name}" download>{label.split(" (")[0]}</a>'
                       if not name.endswith(".csv") else
                       f'<a href="/stories/{story_id}/{name}" download>{name}</a>'
                       for name, (label, _) in DOWNLOADS.items())
    bar = Markup(_BAR).format(links=Markup(links), sid=story_id)
    m = re.search(r"<body[^>]*>", html)
    if m is None:
        return str(bar) + html
    return html[:m.end()] + str(bar) + html[m.end():]
