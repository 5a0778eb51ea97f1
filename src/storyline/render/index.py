"""The list of stories of a corpus (``storyline analyze PATH... --out DIR``).

``DIR/index.json`` (:func:`story_index`), ``DIR/index.html`` (:func:`render_index_html`: one
self-contained page in the dossier's style) and one folder per story, ``DIR/<story id>/`` with its
``dossier.json``, ``dossier.html`` and ``dossier.md`` (:func:`write_story_folder`).

``index.json``::

    {"generator": "storyline", "stories": [
        {"id", "title", "dossier": "<id>/dossier.json", "html": "<id>/dossier.html",
         "markdown": "<id>/dossier.md", "articles": [{"id", "path", "title", "outlet",
         "published"}], "article_count", "outlets": [...], "first_published", "last_published",
         "conflicts", "version", "new_articles"}, ...]}

``version`` counts the reduces of a story that grew on the same store (1 = new); ``new_articles``
is how many articles the latest version added (the full ``changes`` are in the dossier JSON).

Stories are listed in the order the clustering gives them (earliest first).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined

from storyline.model import Dossier

__all__ = ["render_index_html", "story_entry", "story_folder", "story_index", "story_index_of",
           "write_story_folder"]

DOSSIER_FILES = {"dossier": "dossier.json", "html": "dossier.html", "markdown": "dossier.md"}


def story_folder(d: Dossier) -> str:
    """The folder of one story under ``--out``: its id (ids are hex hashes, safe as file names)."""
    return d.story_id


def story_entry(d: Dossier) -> dict[str, Any]:
    """One story's line of the index (paths relative to the index)."""
    folder = story_folder(d)
    articles = sorted(d.articles, key=lambda a: (_pub(a.article.published) or "9999", a.article.id))
    dates = [p for a in articles if (p := _pub(a.article.published))]
    outlets = sorted({a.article.outlet for a in articles if a.article.outlet})
    return {
        "id": d.story_id,
        "title": d.story_title,
        **{key: f"{folder}/{name}" for key, name in DOSSIER_FILES.items()},
        "articles": [{"id": a.article.id, "path": a.article.path, "title": a.article.title,
                      "outlet": a.article.outlet, "published": _pub(a.article.published)}
                     for a in articles],
        "article_count": len(articles),
        "outlets": outlets,
        "first_published": min(dates) if dates else None,
        "last_published": max(dates) if dates else None,
        "conflicts": sum(1 for c in d.comparisons if c.status == "conflict"),
        "version": d.version,
        "new_articles": len(d.changes.get("new_articles", [])),
    }


def _pub(p: Any) -> str | None:
    """The publication day when it is known (a range inferred from the text is not a date)."""
    return p.date


def story_index(dossiers: Sequence[Dossier]) -> dict[str, Any]:
    return story_index_of([story_entry(d) for d in dossiers])


def story_index_of(entries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The index from the stories' entries (:func:`story_entry`), kept as each story was written."""
    from storyline.model import SCHEMA_VERSION

    return {"generator": "storyline", "schema_version": SCHEMA_VERSION, "stories": list(entries)}


_INDEX_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="storyline">
<title>{{ stories|length }} stories — storyline</title>
<style>
:root { --fg:#1d1d1f; --muted:#5f6368; --line:#d9dce1; --soft:#f4f5f7; --conflict:#c62828; }
body { margin: 0; color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
       "Helvetica Neue", Arial, sans-serif; }
header, main { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.7rem; margin: .2rem 0 .4rem; }
a { color: #0b57d0; }
.muted { color: var(--muted); font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--soft); }
td.num { text-align: right; white-space: nowrap; }
.conflict { color: var(--conflict); font-weight: 600; }
</style>
</head>
<body>
<header>
<h1>{{ stories|length }} {{ "story" if stories|length == 1 else "stories" }}</h1>
<p class="muted">{{ articles }} article(s), grouped into stories by storyline. Each title opens that
story's dossier.</p>
</header>
<main>
<table>
<thead><tr><th>Story</th><th>Outlets</th><th>First published</th><th>Last published</th>
<th>Articles</th><th>Conflicts</th></tr></thead>
<tbody>
{% for s in stories %}
<tr>
<td><a href="{{ s.html }}">{{ s.title or "Untitled story" }}</a>
<div class="muted">
{%- if s.version > 1 %}version {{ s.version }}, {{ s.new_articles }} new article(s) · {% endif -%}
<a href="{{ s.dossier }}">JSON</a> · <a href="{{ s.markdown }}">Markdown</a></div></td>
<td>{{ s.outlets|join(", ") if s.outlets else "—" }}</td>
<td>{{ s.first_published|day }}</td>
<td>{{ s.last_published|day }}</td>
<td class="num">{{ s.article_count }}</td>
<td class="num{% if s.conflicts %} conflict{% endif %}">{{ s.conflicts }}</td>
</tr>
{% endfor %}
</tbody>
</table>
</main>
</body>
</html>
"""


def _day_text(iso: str | None) -> str:
    """An ISO day as the dossier writes it ("5 May 2025"); "unknown" when there is none."""
    import datetime as dt

    from storyline.render.dates import day_label

    if not iso:
        return "unknown"
    try:
        return day_label(dt.date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def render_index_html(index: dict[str, Any]) -> str:
    """The list of stories as one self-contained HTML page (autoescaped)."""
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["day"] = _day_text
    stories = index["stories"]
    return env.from_string(_INDEX_TEMPLATE).render(
        stories=stories, articles=sum(s["article_count"] for s in stories))


def write_story_folder(out: Path, d: Dossier, data: dict[str, Any], html: str) -> None:
    """``out/<story id>/dossier.json|.html|.md`` (each written atomically)."""
    from storyline.render.json import json_text, write_text_atomic
    from storyline.render.markdown import render_markdown

    folder = out / story_folder(d)
    write_text_atomic(folder / DOSSIER_FILES["dossier"], json_text(data))
    write_text_atomic(folder / DOSSIER_FILES["html"], html)
    write_text_atomic(folder / DOSSIER_FILES["markdown"], render_markdown(d))
