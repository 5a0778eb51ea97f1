"""``.html`` / ``.htm`` pages: main text and page metadata with trafilatura.

trafilatura's ``bare_extraction`` removes navigation, comments and footers, and reads title, author,
date (htmldate, here without its free-text guessing: ``extensive_search=False``, so a date comes from
the page's metadata or markup), site name and canonical URL. The extracted paragraphs are joined with
blank lines, as in plain-text articles, and the text then goes through the same cleaning and
furniture detection as plain text (a headline repeated at the top of the text is removed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from storyline.errors import IngestError
from storyline.ingest.build import Fields, build_article
from storyline.ingest.dates import as_iso_date
from storyline.ingest.textio import decode
from storyline.model import Article

MIN_WORDS = 10  # below this, what trafilatura returns is page furniture, not an article


_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def read_html(path: str, file: Path) -> Iterator[Article | IngestError]:
    """Read one HTML page as one article."""
    try:
        yield html_article(decode_html(file.read_bytes(), path), path=path)
    except IngestError as exc:
        yield exc


def decode_html(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode an HTML page: UTF-8 if it is valid UTF-8, else the charset the HTTP header
    (``declared``) or the page's ``<meta charset>`` names, else charset detection."""
    if data.strip() and b"\x00" not in data[:8192]:  # empty and binary files: decode() says so
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        meta = _DECLARED.search(data[:4096])
        for charset in (declared, meta[1].decode("ascii", "ignore") if meta else None):
            if charset:
                try:
                    return data.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    continue
    return decode(data, path)


def html_article(html: str, *, path: str, url: str | None = None,
                 source_format: str = "html") -> Article:
    """The main text and metadata of one HTML document (raises IngestError when it has none)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on broken markup
        raise IngestError(path, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise IngestError(path, "no main text found in the HTML page")
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    words = sum(len(p.split()) for p in paragraphs)
    if words < MIN_WORDS:  # navigation or a caption that trafilatura kept for want of anything else
        raise IngestError(path, f"no main text found in the HTML page (only {words} words)")
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    fields = Fields(
        title=doc.title or None,
        outlet=doc.sitename or None,
        byline=authors,
        url=doc.url or url or None,
        published=as_iso_date(doc.date) if doc.date else None,
        language=doc.language or None,
    )
    return build_article("\n\n".join(paragraphs), path=path, source_format=source_format, fields=fields)
