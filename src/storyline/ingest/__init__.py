"""storyline.ingest: files and folders → :class:`~storyline.model.Article` records.

:func:`iter_articles` walks the paths given (folders recursively, in sorted order), picks a reader by
file extension, and yields one ``Article`` per article found, or an :class:`IngestError` value for a
file (or a line, item or record of a file) that cannot be used: one bad file never stops a run.

Readers, one module each:

=====================  ================================================  ==================
extension              reader                                             module
=====================  ================================================  ==================
.txt .md .markdown     plain text; metadata found in the text             ``plain``, ``meta``
.html .htm .xhtml      trafilatura main text + page metadata              ``html``
.jsonl .ndjson .json   one object per line / an object or a list          ``jsonfmt``
.warc .warc.gz         HTML response records (warcio)                     ``warc``
.rss .atom .xml        feed items (feedparser); .xml only if a feed       ``feed``
=====================  ================================================  ==================

Shared steps: ``textio`` (decoding, charset detection, NFC, line endings, content-hash id), ``build``
(text + format metadata → Article), ``sidecar`` (the ``--meta`` CSV/JSON), ``dedupe`` (syndicated and
near-duplicate copies, MinHash LSH).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.errors import IngestError
from storyline.ingest.sidecar import Meta, apply_meta, load_meta, meta_for
from storyline.ingest.textio import not_regular, word_count
from storyline.model import Article
from storyline.options import IngestOptions

if TYPE_CHECKING:
    from storyline.ingest.dedupe import mark_duplicates as mark_duplicates

__all__ = ["iter_articles", "load_meta", "mark_duplicates", "reader_for", "word_count", "SUPPORTED"]

Reader = Callable[[str, Path, IngestOptions], Iterator[Article | IngestError]]


def _lazy(module: str, func: str) -> Reader:
    """A reader whose module is imported on first use: trafilatura, warcio and feedparser are slow
    to import, and a run over plain-text files should not pay for them."""

    def read(path: str, file: Path, options: IngestOptions) -> Iterator[Article | IngestError]:
        reader: Reader = getattr(importlib.import_module(f"storyline.ingest.{module}"), func)
        return reader(path, file, options)

    read.__name__ = func
    return read


_plain = _lazy("plain", "read_plain")
_html = _lazy("html", "read_html")
_jsonl = _lazy("jsonfmt", "read_jsonl")
_json = _lazy("jsonfmt", "read_json")
_warc = _lazy("warc", "read_warc")
_feed = _lazy("feed", "read_feed")


def _xml(path: str, file: Path, options: IngestOptions) -> Iterator[Article | IngestError]:
    from storyline.ingest.feed import is_feed, read_feed

    data = file.read_bytes()
    if not data.strip():
        return iter([IngestError(path, "empty file")])
    if not is_feed(data):
        return iter([IngestError(path, "XML file that is not an RSS or Atom feed (unsupported)")])
    return read_feed(path, file, options)


# Longest suffix first: ".warc.gz" before ".gz".
READERS: dict[str, Reader] = {
    ".warc.gz": _warc, ".warc": _warc,
    ".txt": _plain, ".md": _plain, ".markdown": _plain,
    ".html": _html, ".htm": _html, ".xhtml": _html,
    ".jsonl": _jsonl, ".ndjson": _jsonl, ".json": _json,
    ".rss": _feed, ".atom": _feed, ".xml": _xml,
}
SUPPORTED = tuple(READERS)


def reader_for(name: str) -> Reader | None:
    """The reader for a file name, by extension (case-insensitive), or None."""
    lower = name.lower()
    for suffix, reader in READERS.items():
        if lower.endswith(suffix):
            return reader
    return None


def iter_articles(paths: Sequence[str], meta_file: str | None = None, *,
                  exclude: Sequence[str] = (),
                  options: IngestOptions | None = None) -> Iterator[Article | IngestError]:
    """Every article under ``paths`` (files, or folders read recursively in sorted order).

    ``Article.path`` is the path as given (for a file found in a folder: the folder as given joined
    with the file's relative path). Problems come back as ``IngestError`` values, one per bad file,
    line, item or record. ``meta_file`` (the ``--meta`` sidecar) is loaded *now*, before any file is
    read, so a bad sidecar raises :class:`~storyline.errors.MetaError` from this call.

    ``exclude``: files never read as input even when found in a folder given (the ``--db`` store
    file and its journals). Only regular files are read: a FIFO, socket or device is refused at once
    (opening a FIFO would block the run). A sidecar entry that matches no file read is reported.
    ``options``: the thresholds of the metadata found in the text (``IngestOptions()`` when not given).
    """
    if isinstance(paths, (str, os.PathLike)):  # one path given bare, not a list of characters
        paths = [paths]
    meta = load_meta(os.fspath(meta_file)) if meta_file else {}
    skip = {os.path.abspath(meta_file)} if meta_file else set()
    skip |= {os.path.abspath(x) for x in exclude}
    return _iterate([os.fspath(p) for p in paths], meta, skip, os.fspath(meta_file or ""),
                    options or IngestOptions())


def _iterate(paths: list[str], meta: Meta, skip: set[str], meta_file: str,
             options: IngestOptions) -> Iterator[Article | IngestError]:
    used: set[int] = set()
    for given in paths:
        p = Path(given)
        if not p.exists():
            yield IngestError(given, "no such file or folder")
        elif p.is_dir():
            files = _walk(p)
            if not files:
                yield IngestError(given, "folder contains no files")
            for rel in files:
                if os.path.abspath(p / rel) in skip:  # the --meta sidecar or the store file
                    continue
                yield from _read_file(os.path.join(given, rel), p / rel, meta, given, used, options)
        elif os.path.abspath(given) in skip:
            yield IngestError(given, "is the --meta or --db file, not an article; skipped")
        else:
            yield from _read_file(given, p, meta, None, used, options)
    for key, values in meta.items():
        if id(values) not in used:
            yield IngestError(meta_file, f"entry {key!r} matches no input file")


def _walk(folder: Path) -> list[str]:
    """Relative paths of the files under ``folder``, sorted, hidden files and folders skipped."""
    found: list[tuple[str, ...]] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel_dir = Path(dirpath).relative_to(folder).parts
        found.extend((*rel_dir, f) for f in filenames if not f.startswith("."))
    return [os.path.join(*parts) for parts in sorted(found)]


def _read_file(path: str, file: Path, meta: Meta, root: str | None,
               used: set[int], options: IngestOptions) -> Iterator[Article | IngestError]:
    overrides = meta_for(meta, path, root)
    if overrides is not None:
        used.add(id(overrides))
    problem = not_regular(file)
    if problem:
        yield IngestError(path, problem)
        return
    reader = reader_for(file.name)
    if reader is None:
        suffix = "".join(file.suffixes[-1:]) or "(none)"
        yield IngestError(path, f"unknown file type {suffix!r} (supported: {', '.join(SUPPORTED)})")
        return
    limit = MAX_FILE_BYTES if reader in (_jsonl, _json, _feed, _xml) else MAX_ARTICLE_FILE_BYTES
    size = file.stat().st_size
    if reader is not _warc and size > limit:  # WARC files are streamed, record by record
        yield IngestError(path, f"file too large ({size / 2**20:.0f} MB; at most {limit // 2**20} MB "
                                "for this format)")
        return
    try:
        for item in reader(path, file, options):
            if isinstance(item, Article) and overrides:
                apply_meta(item, overrides)
            yield item
    except IsADirectoryError:
        yield IngestError(path, "is a folder, not a file")
    except OSError as exc:
        yield IngestError(path, f"cannot be read ({exc.strerror or exc})")
    except Exception as exc:  # a reader bug must not stop the run; name it so it can be reported
        yield IngestError(path, f"could not be read ({type(exc).__name__}: {exc})")


# Files read whole: one article's file (text, HTML) at most this big, a file of many articles
# (JSON lines, feeds) at most MAX_FILE_BYTES. WARC archives are streamed with their own budget.
MAX_ARTICLE_FILE_BYTES = 64 * 2**20
MAX_FILE_BYTES = 512 * 2**20
def __getattr__(name: str) -> Any:
    if name == "mark_duplicates":  # datasketch (numpy) is imported only when deduplication runs
        from storyline.ingest.dedupe import mark_duplicates

        return mark_duplicates
    raise AttributeError(name)
