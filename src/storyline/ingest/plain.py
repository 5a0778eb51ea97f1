"""``.txt`` / ``.md`` files: one article per file, metadata found in the text itself.

A Markdown file may open with a front-matter block (``---`` … ``---``, as static-site generators and
note apps write it); its flat ``key: value`` lines give metadata (``title``, ``date``/``published``,
``author``/``byline``, ``source``/``outlet``/``publisher``, ``url``/``link``, ``dateline``) and the block
is not part of the article text. Front matter here is flat metadata, so a YAML library (and the
dependency) is not needed: nested values are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from storyline.errors import IngestError
from storyline.ingest.build import Fields, build_article
from storyline.ingest.dates import as_iso_date, date_problem
from storyline.ingest.textio import decode
from storyline.model import Article
from storyline.options import IngestOptions

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<block>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_KEYS = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "pubdate": "published", "published_at": "published",
    "author": "byline", "authors": "byline", "byline": "byline",
    "source": "outlet", "outlet": "outlet", "publisher": "outlet", "site_name": "outlet",
    "url": "url", "link": "url", "canonical_url": "url", "source_url": "url",
    "dateline": "dateline",
}


def read_plain(path: str, file: Path, options: IngestOptions | None = None) -> Iterator[Article | IngestError]:
    """Read one plain-text (or Markdown) article."""
    try:
        text = decode(file.read_bytes(), path)
        markdown = file.name.lower().endswith((".md", ".markdown"))
        fields = None
        if markdown:
            text, fields = split_front_matter(text, path)
        yield build_article(text, path=path, source_format="md" if markdown else "txt",
                            fields=fields, markdown=markdown, options=options)
    except IngestError as exc:
        yield exc


def split_front_matter(text: str, path: str) -> tuple[str, Fields | None]:
    """(text without the front-matter block, the metadata it gives) — or (text, None) without one."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, None
    fields = Fields()
    for line in m["block"].splitlines():
        key, sep, value = line.partition(":")
        name = _KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if not sep or name is None or not value or line[:1].isspace():
            continue
        if name == "published":
            problem = date_problem(value)
            if problem:
                raise IngestError(path, f"front matter: {problem}")
            fields.published = as_iso_date(value)
        elif name == "byline":
            names = value.strip("[]")
            fields.byline = [n.strip().strip("\"'") for n in re.split(r"\s*[,;]\s*|\s+and\s+", names)
                             if n.strip().strip("\"'")]
        else:
            setattr(fields, name, value)
    return text[m.end():], fields
