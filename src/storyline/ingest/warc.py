"""``.warc`` / ``.warc.gz`` web archives (warcio): every HTML response record → one article.

Records that are not successful (2xx) HTTP responses with an HTML body (requests, metadata,
redirects, images, scripts, robots.txt) are skipped silently; an HTML response with no main text, a
truncated record (fewer bytes than its ``Content-Length``) or a page past :data:`MAX_RECORD_BYTES` is
reported with its record number and URL. Decompression has a byte budget (:data:`MAX_EXPANSION`
times the file's size): a gzip bomb is reported and the rest of the archive left unread, with memory
bounded by one page.
The article's ``url`` is the record's ``WARC-Target-URI`` unless the page names a canonical URL.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from storyline.errors import IngestError
from storyline.ingest.html import decode_html, html_article
from storyline.model import Article
from storyline.options import IngestOptions

# One HTML page larger than this (decompressed) is not an article page: reported and skipped.
MAX_RECORD_BYTES = 32 * 2**20
# Decompression budget for a whole archive: the records' declared sizes may add up to this many times
# the file's size on disk, or MIN_BUDGET_BYTES for small files; past it the rest is not read (a
# gzip bomb — 1 GiB of zeros fits in 1 MB — stops here instead of filling memory).
MAX_EXPANSION = 100
MIN_BUDGET_BYTES = 64 * 2**20
# warcio buffers a header line whole, and its line reader is quadratic: a "line" (a run without a
# newline) longer than this is not part of a WARC file (even minified pages stay well below it).
MAX_LINE_BYTES = 8 * 2**20


def read_warc(path: str, file: Path, options: IngestOptions | None = None) -> Iterator[Article | IngestError]:
    """Read the HTML responses of a WARC file (plain or gzip-compressed)."""
    from warcio.archiveiterator import ArchiveIterator

    size = file.stat().st_size
    if size == 0:
        yield IngestError(path, "empty file")
        return
    problem = _check_magic(file)
    if problem:
        yield IngestError(path, problem)
        return
    budget = max(MAX_EXPANSION * size, MIN_BUDGET_BYTES)
    declared_total = 0
    found = 0
    try:
        with file.open("rb") as raw:
            stream = _BudgetedGunzip(raw, budget) if _is_gzip(file) else raw
            for number, record in enumerate(ArchiveIterator(stream), 1):
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"record {number} ({url})" if url else f"record {number}"
                declared = _declared_length(record)
                declared_total += declared
                if declared_total > budget:
                    yield IngestError(path, f"{where}: the archive expands past {budget // 2**20} MB "
                                            f"(more than {MAX_EXPANSION}x its size); the rest is not read")
                    return
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = (record.http_headers.get_statuscode() or "200").strip()
                if not status.startswith("2"):  # redirects and errors archived beside the page
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                found += 1
                if declared > MAX_RECORD_BYTES:
                    yield IngestError(path, f"{where}: page larger than {MAX_RECORD_BYTES // 2**20} MB; "
                                            "skipped")
                    continue
                body = record.content_stream().read(MAX_RECORD_BYTES + 1)
                missing = getattr(record.raw_stream, "limit", 0) or 0
                if len(body) > MAX_RECORD_BYTES:
                    yield IngestError(path, f"{where}: page larger than {MAX_RECORD_BYTES // 2**20} MB "
                                            "once decoded; skipped")
                    return  # the stream is mid-record: nothing after it can be trusted
                if missing > 0:
                    yield IngestError(path, f"{where}: truncated record ({missing} of {declared} bytes "
                                            "missing); skipped")
                    continue
                try:
                    html = _decode_body(body, ctype, path)
                    yield html_article(html, path=path, url=url, source_format="warc", options=options)
                except IngestError as exc:
                    yield IngestError(path, f"{where}: {exc.problem}")
    except DecompressionBudget as exc:
        yield IngestError(path, str(exc))
        return
    except Exception as exc:  # warcio raises ArchiveLoadFailed / zlib / IO errors on a bad archive
        yield IngestError(path, f"not a readable WARC file ({type(exc).__name__}: {exc})")
        return
    if not found:
        yield IngestError(path, "no HTML response records in the WARC file")


class DecompressionBudget(Exception):
    """The archive decompresses to more than its budget (a gzip bomb, or a line that never ends)."""


def _is_gzip(file: Path) -> bool:
    with file.open("rb") as f:
        return f.read(2) == b"\x1f\x8b"


class _BudgetedGunzip(io.RawIOBase):
    """Multi-member gzip decompression that counts what it produces: past ``budget`` bytes in all,
    or a single line longer than :data:`MAX_LINE_BYTES` (which warcio would buffer whole), it
    raises :class:`DecompressionBudget`; compressed data that ends mid-member raises ``EOFError``."""

    CHUNK = 64 * 1024

    def __init__(self, raw: BinaryIO, budget: int) -> None:
        super().__init__()
        self.raw, self.budget = raw, budget
        self.inflate = zlib.decompressobj(wbits=31)
        self.pending = b""
        self.total = self.run = 0
        self.started = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        want = len(buffer)
        while True:
            if self.inflate.eof:  # one gzip member done (WARC: one member per record)
                self.pending = self.inflate.unused_data + self.pending
                self.inflate = zlib.decompressobj(wbits=31)
                self.started = False
            src = self.inflate.unconsumed_tail
            if not src:
                src, self.pending = self.pending or self.raw.read(self.CHUNK), b""
            if not src:
                if self.started:
                    raise EOFError("the compressed data ends in the middle of a record (truncated file)")
                return 0
            self.started = True
            out = self.inflate.decompress(src, want)
            if out:
                self._count(out)
                buffer[:len(out)] = out
                return len(out)

    def _count(self, out: bytes) -> None:
        self.total += len(out)
        if self.total > self.budget:
            raise DecompressionBudget(f"decompresses to more than {self.budget // 2**20} MB (over "
                                      f"{MAX_EXPANSION}x its size); the rest of the archive is not read")
        newline = out.rfind(b"\n")
        self.run = self.run + len(out) if newline < 0 else len(out) - newline - 1
        if self.run > MAX_LINE_BYTES:
            raise DecompressionBudget(f"a line longer than {MAX_LINE_BYTES // 2**20} MB once "
                                      "decompressed (not a WARC record); the rest is not read")


def _declared_length(record: object) -> int:
    try:
        return max(0, int(record.rec_headers.get_header("Content-Length") or 0))  # type: ignore[attr-defined]
    except ValueError:
        return 0


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
