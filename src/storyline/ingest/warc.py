"""``.warc`` / ``.warc.gz`` web archives (warcio): every HTML response record → one article.

Records that are not successful (2xx) HTTP responses with an HTML body (requests, metadata,
redirects, images, scripts, robots.txt) are skipped silently; an HTML response with no main text is reported with its record number and URL.
The article's ``url`` is the record's ``WARC-Target-URI`` unless the page names a canonical URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from storyline.errors import IngestError
from storyline.ingest.html import decode_html, html_article
from storyline.model import Article


def read_warc(path: str, file: Path) -> Iterator[Article | IngestError]:
    """Read the HTML responses of a WARC file (plain or gzip-compressed)."""
    from warcio.archiveiterator import ArchiveIterator

    if file.stat().st_size == 0:
        yield IngestError(path, "empty file")
        return
    problem = _check_magic(file)
    if problem:
        yield IngestError(path, problem)
        return
    found = 0
    try:
        with file.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = (record.http_headers.get_statuscode() or "200").strip()
                if not status.startswith("2"):  # redirects and errors archived beside the page
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                found += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"record {number} ({url})" if url else f"record {number}"
                body = record.content_stream().read()
                try:
                    html = _decode_body(body, ctype, path)
                    yield html_article(html, path=path, url=url, source_format="warc")
                except IngestError as exc:
                    yield IngestError(path, f"{where}: {exc.problem}")
    except Exception as exc:  # warcio raises ArchiveLoadFailed / zlib / IO errors on a bad archive
        yield IngestError(path, f"not a readable WARC file ({type(exc).__name__}: {exc})")
        return
    if not found:
        yield IngestError(path, "no HTML response records in the WARC file")


def _check_magic(file: Path) -> str | None:
    """A WARC file starts with ``WARC/`` (inside the first gzip member when compressed); warcio
    itself would read any text as a legacy ARC file."""
    import gzip
    import zlib

    with file.open("rb") as stream:
        head = stream.read(2)
        stream.seek(0)
        try:
            if head == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=stream) as gz:
                    head = gz.read(5)
            else:
                head = stream.read(5)
        except (OSError, EOFError, zlib.error) as exc:
            return f"not a readable WARC file (broken gzip data: {exc})"
    if head != b"WARC/":
        return "not a WARC file (it does not start with a 'WARC/' record header)"
    return None


def _decode_body(body: bytes, content_type: str, path: str) -> str:
    """Decode with the charset the HTTP header or the page declares, else as any text file."""
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I)
    return decode_html(body, path, declared=m[1] if m else None)
