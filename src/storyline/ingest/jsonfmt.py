"""``.jsonl`` / ``.json``: articles as JSON objects with ``text`` and optional metadata fields.

``.jsonl``: one object per line (blank lines are skipped). ``.json``: one object, or a list of
objects. Fields: ``text`` (required), ``title``, ``url``, ``outlet``, ``published``, ``byline``
(a string, names separated by ";" or " and ", or a list), ``dateline``. A few common synonyms
(``body``/``content``, ``author``/``authors``, ``source``/``site_name``, ``date``) are read too.
A bad line or item is reported with its line number / index and the rest of the file goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.errors import IngestError
from storyline.ingest.build import Fields, build_article
from storyline.ingest.dates import as_iso_date, date_problem
from storyline.ingest.textio import decode
from storyline.model import Article
from storyline.options import IngestOptions

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher"),
    "published": ("published", "date", "published_at", "pubdate"),
    "byline": ("byline", "author", "authors"),
    "dateline": ("dateline",),
}


def read_jsonl(path: str, file: Path, options: IngestOptions | None = None) -> Iterator[Article | IngestError]:
    """One article per line; a malformed line is reported with its number."""
    try:
        text = decode(file.read_bytes(), path)
    except IngestError as exc:
        yield exc
        return
    seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        seen = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(path, f"line {lineno}: malformed JSON ({exc.msg}, column {exc.colno})")
            continue
        yield _item(obj, path, f"line {lineno}", options)
    if not seen:
        yield IngestError(path, "empty file (no JSON lines)")


def read_json(path: str, file: Path, options: IngestOptions | None = None) -> Iterator[Article | IngestError]:
    """One object or a list of objects."""
    try:
        text = decode(file.read_bytes(), path)
    except IngestError as exc:
        yield exc
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestError(path, f"malformed JSON ({exc.msg}, line {exc.lineno} column {exc.colno})")
        return
    if isinstance(data, dict):
        yield _item(data, path, "object", options)
    elif isinstance(data, list):
        if not data:
            yield IngestError(path, "empty JSON list (no articles)")
        for k, obj in enumerate(data):
            yield _item(obj, path, f"item {k}", options)
    else:
        yield IngestError(path, f"expected a JSON object or list of objects, found {type(data).__name__}")


def _item(obj: Any, path: str, where: str, options: IngestOptions | None) -> Article | IngestError:
    if not isinstance(obj, dict):
        return IngestError(path, f"{where}: expected a JSON object, found {type(obj).__name__}")
    values = {key: _first(obj, names) for key, names in _SYNONYMS.items()}
    text = values["text"]
    if text is not None and not isinstance(text, str):
        return IngestError(path, f"{where}: field 'text' must be a string, found {_kind(text)}")
    if not isinstance(text, str) or not text.strip():
        return IngestError(path, f"{where}: no 'text' field (a non-empty string is required)")
    for key in ("title", "outlet", "url", "dateline", "published"):
        if values[key] is not None and not isinstance(values[key], str):
            return IngestError(path, f"{where}: field {key!r} must be a string, found {_kind(values[key])}")
    byline = values["byline"]
    if byline is not None and not (isinstance(byline, str) or (
            isinstance(byline, list) and all(isinstance(b, str) for b in byline))):
        return IngestError(path, f"{where}: field 'byline' must be a string or a list of strings, "
                                 f"found {_kind(byline)}")
    published = None
    if values["published"] not in (None, ""):
        problem = date_problem(values["published"])
        if problem:
            return IngestError(path, f"{where}: {problem}")
        published = as_iso_date(values["published"])
    fields = Fields(
        title=_str(values["title"]), outlet=_str(values["outlet"]), url=_str(values["url"]),
        byline=_names(values["byline"]), dateline=_str(values["dateline"]), published=published,
    )
    try:
        return build_article(text, path=path, source_format="json", fields=fields, options=options)
    except IngestError as exc:
        return IngestError(path, f"{where}: {exc.problem}")


def _kind(value: Any) -> str:
    return {"list": "a list", "dict": "an object", "bool": "true/false", "int": "a number",
            "float": "a number"}.get(type(value).__name__, type(value).__name__)


def _first(obj: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if obj.get(name) not in (None, "", []):
            return obj[name]
    return None


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _names(value: Any) -> list[str]:
    """A byline value → names: a list, or one string with ';' / ' and ' / '&' between names."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = re.sub(r"^(?:By|BY)\s+", "", str(value).strip())
    return [n.strip() for n in re.split(r"\s*(?:;|\band\b|&)\s*", text) if n.strip()]
