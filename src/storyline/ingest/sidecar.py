"""The ``--meta`` sidecar: metadata set or overridden per input file, from CSV or JSON.

CSV: a header row with a key column (``file``, ``path`` or ``name``) and any of the fields
``title, outlet, byline, dateline, url, published``. JSON: either an object mapping keys to field
objects (``{"a.txt": {"outlet": "KRDO"}}``) or a list of objects each with a ``file``/``path`` key.
A key is a file name (``a.txt``) or a path (``news/a.txt``, as given or relative to the folder given).
``byline`` is a list (JSON) or names separated by ";" (CSV).

:func:`load_meta` checks everything up front and raises :class:`MetaError` (one line naming the file,
the row or key, and the problem) so that the run stops before anything is read or stored.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

from storyline.errors import MetaError
from storyline.ingest.build import check_against_url, metadata_date
from storyline.ingest.dates import as_iso_date, date_problem
from storyline.ingest.textio import not_regular
from storyline.model import Article

FIELDS = ("title", "outlet", "byline", "dateline", "url", "published")
KEY_COLUMNS = ("file", "path", "name")

Meta = dict[str, dict[str, Any]]


def load_meta(path: str) -> Meta:
    """Read and check a sidecar: ``{key: {field: value}}`` with ``published`` as an ISO date and
    ``byline`` as a list of names. Raises MetaError for any problem."""
    file = Path(path)
    problem = not_regular(file) if file.exists() else None
    if problem:
        raise MetaError(path, f"metadata file {problem}")
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise MetaError(path, "metadata file not found") from None
    except OSError as exc:
        raise MetaError(path, f"metadata file cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MetaError(path, f"metadata file is not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise MetaError(path, "metadata file is empty")
    suffix = file.suffix.lower()
    if suffix == ".csv":
        entries = _csv_entries(text, path)
    elif suffix == ".json":
        entries = _json_entries(text, path)
    else:
        raise MetaError(path, f"unknown metadata file type {suffix or '(none)'!r} (expected .csv or .json)")
    meta: Meta = {}
    for where, key, values in entries:
        if key in meta:
            raise MetaError(path, f"{where}: key {key!r} appears twice")
        meta[key] = _check(values, path, where, key)
    return meta


def _csv_entries(text: str, path: str) -> list[tuple[str, str, dict[str, Any]]]:
    try:
        reader = csv.DictReader(text.splitlines())
        header = [h.strip() for h in (reader.fieldnames or [])]
        rows = list(reader)
    except csv.Error as exc:
        raise MetaError(path, f"malformed CSV ({exc})") from None
    key_col = next((c for c in KEY_COLUMNS if c in header), None)
    if key_col is None:
        raise MetaError(path, f"no key column (one of {', '.join(KEY_COLUMNS)}) in the CSV header")
    unknown = [h for h in header if h not in FIELDS and h != key_col and h]
    if unknown:
        raise MetaError(path, f"unknown column {unknown[0]!r} (known: {', '.join(FIELDS)})")
    entries = []
    for n, row in enumerate(rows, 2):  # row 1 is the header
        if None in row:  # csv.DictReader puts surplus values under the key None
            raise MetaError(path, f"row {n}: more values than header columns")
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        key = row.get(key_col) or ""
        if not key:
            raise MetaError(path, f"row {n}: empty {key_col!r}")
        values = {k: v for k, v in row.items() if k in FIELDS and v not in (None, "")}
        if "byline" in values:
            values["byline"] = [b.strip() for b in values["byline"].split(";") if b.strip()]
        entries.append((f"row {n}", key, values))
    return entries


def _json_entries(text: str, path: str) -> list[tuple[str, str, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MetaError(path, f"malformed JSON ({exc.msg}, line {exc.lineno} column {exc.colno})") from None
    entries = []
    if isinstance(data, dict):
        for key, values in data.items():
            if not isinstance(values, dict):
                raise MetaError(path, f"key {key!r}: expected an object of fields")
            entries.append((f"key {key!r}", key, dict(values)))
    elif isinstance(data, list):
        for k, obj in enumerate(data):
            if not isinstance(obj, dict):
                raise MetaError(path, f"item {k}: expected an object")
            key_col = next((c for c in KEY_COLUMNS if obj.get(c)), None)
            if key_col is None:
                raise MetaError(path, f"item {k}: no key field ({', '.join(KEY_COLUMNS)})")
            values = {f: v for f, v in obj.items() if f != key_col}
            entries.append((f"item {k}", str(obj[key_col]), values))
    else:
        raise MetaError(path, "expected a JSON object or a list of objects")
    return entries


def _check(values: dict[str, Any], path: str, where: str, key: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in FIELDS:
            raise MetaError(path, f"{where}: unknown field {name!r} (known: {', '.join(FIELDS)})")
        if value in (None, "", []):
            continue
        if name == "published":
            problem = date_problem(value)
            if problem:
                raise MetaError(path, f"{where} ({key}): {problem}")
            out[name] = as_iso_date(value)
        elif name == "byline":
            if isinstance(value, list):
                bad = next((v for v in value if not isinstance(v, str)), None)
                if bad is not None:
                    raise MetaError(path, f"{where} ({key}): field 'byline' must be a string or a "
                                          f"list of strings, found a {type(bad).__name__} in the list")
                names = value
            elif isinstance(value, str):
                names = value.split(";")
            else:
                raise MetaError(path, f"{where} ({key}): field 'byline' must be a string or a list "
                                      f"of strings, found {type(value).__name__}")
            out[name] = [n.strip() for n in names if n.strip()]
        else:
            if not isinstance(value, str):
                raise MetaError(path, f"{where} ({key}): field {name!r} must be a string, "
                                      f"found {type(value).__name__}")
            out[name] = value.strip()
    return out


def meta_for(meta: Meta, path: str, root: str | None = None) -> dict[str, Any] | None:
    """The sidecar entry for an input file: by the path as given, the path relative to the folder
    it was found in (``root``), the normalized or absolute path, or the file name (most specific first)."""
    if not meta:
        return None
    candidates = [path, os.path.normpath(path)]
    if root is not None:
        candidates.append(Path(os.path.relpath(path, root)).as_posix())
    candidates += [os.path.abspath(path), Path(path).as_posix(), os.path.basename(path)]
    for cand in candidates:
        if cand in meta:
            return meta[cand]
    absolute = os.path.abspath(path)
    for key, values in meta.items():  # keys given as paths in another form (./a.txt, ../x/a.txt)
        if os.sep in key or "/" in key:
            if os.path.abspath(key) == absolute:
                return values
    return None


def apply_meta(article: Article, values: dict[str, Any]) -> Article:
    """Set/override the article's metadata from a sidecar entry (published → basis ``metadata``)."""
    for name in ("title", "outlet", "dateline", "url"):
        if values.get(name):
            setattr(article, name, values[name])
    if values.get("byline"):
        article.byline = list(values["byline"])
    if values.get("published"):
        article.published = metadata_date(values["published"])
    elif values.get("url"):  # the text's own date, checked against the address the sidecar gives
        article.published = check_against_url(article.published, article.url)
    return article
