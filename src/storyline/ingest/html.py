"""``.html`` / ``.htm`` pages: main text with trafilatura, metadata from the page's own declarations.

Metadata is read in order of trust (:mod:`storyline.ingest.pagemeta`): schema.org JSON-LD, then
OpenGraph/``article:*`` and other meta tags, microdata and ``<time>``, then ``<h1>``/``<title>``.
Only what the page does not declare is taken from trafilatura's own metadata, and the publication
date last from htmldate's extensive search (``extensive_search=True, original_date=True``: dates in
the URL, in the visible text and in markup, preferring the original over an update). The page's
``dateModified`` is never taken as its publication date.

The extracted paragraphs are joined with blank lines, as in plain-text articles, and the text then
goes through the same cleaning and furniture detection as plain text (a headline repeated at the top
of the text is removed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from storyline.errors import IngestError
from storyline.ingest.build import Fields, build_article
from storyline.ingest.dates import as_iso_date
from storyline.ingest.pagemeta import PageMeta
from storyline.ingest.textio import decode
from storyline.model import Article
from storyline.options import IngestOptions

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def read_html(path: str, file: Path, options: IngestOptions | None = None) -> Iterator[Article | IngestError]:
    """Read one HTML page as one article."""
    try:
        yield html_article(decode_html(file.read_bytes(), path), path=path, options=options)
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
                 source_format: str = "html", options: IngestOptions | None = None) -> Article:
    """The main text and metadata of one HTML document (raises IngestError when it has none)."""
    fields, paragraphs = read_page(html, path=path, url=url)
    if not paragraphs:
        raise IngestError(path, "no main text found in the HTML page")
    words = sum(len(p.split()) for p in paragraphs)
    # navigation or a caption that trafilatura kept for want of anything else
    if words < (options or IngestOptions()).min_page_words:
        raise IngestError(path, f"no main text found in the HTML page (only {words} words)")
    return build_article("\n\n".join(paragraphs), path=path, source_format=source_format, fields=fields,
                         options=options)


def read_page(html: str, *, path: str, url: str | None = None) -> tuple[Fields, list[str]]:
    """The page's metadata (see the module docstring) and its main-text paragraphs (maybe none).

    Raises IngestError only when the markup cannot be parsed at all.
    """
    import trafilatura

    from storyline.ingest.pagemeta import is_utc_timestamp, normalize_site_name, page_metadata

    declared = page_metadata(html, url=url)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": declared.published is None, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on broken markup
        raise IngestError(path, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if doc is None or isinstance(doc, dict):  # no main text (a dict comes only with as_dict=True)
        byline, source = _byline(declared, None)
        return Fields(title=declared.title, outlet=declared.site_name, byline=byline, byline_source=source,
                      url=declared.url or url, updated=declared.modified,
                      published=declared.published or _htmldate(html, url)), paragraphs
    published = declared.published
    if published and is_utc_timestamp(declared.published_raw):
        # Declared only as a UTC instant: when the page itself prints the day before (htmldate
        # reads the visible text, URL and markup), that is the publisher's calendar day.
        printed = _htmldate(html, url)
        gap = date.fromisoformat(published).toordinal() - date.fromisoformat(printed).toordinal() \
            if printed else 0
        if gap == 1:
            published = printed
    authors, source = _byline(declared, doc.author)
    fields = Fields(
        title=declared.title or doc.title or None,
        outlet=declared.site_name or (normalize_site_name(doc.sitename) if doc.sitename else None),
        byline=authors,
        byline_source=source,
        url=declared.url or doc.url or url or None,
        published=published or (as_iso_date(doc.date) if doc.date else None),
        updated=declared.modified,
        language=doc.language or None,
    )
    return fields, paragraphs


def _byline(declared: PageMeta, found: str | None) -> tuple[list[str], str | None]:
    """The page's authors and their source: what the page declares or prints (see
    :func:`storyline.ingest.pagemeta.page_authors`), else trafilatura's author search (its names
    cleaned the same way), else an organization a JSON-LD ``author`` credits."""
    from storyline.ingest.byline import dedupe_names, split_author_names
    from storyline.ingest.pagemeta import is_site_credit

    if declared.authors:
        return declared.authors, declared.author_source
    site = {"".join(ch for ch in (declared.site_name or "").casefold() if ch.isalnum())}
    names = dedupe_names([n for a in (found or "").split(";") for n in split_author_names(a, min_words=1)
                          if not is_site_credit(n, site)])
    if names:
        return names, "trafilatura"
    if declared.organization_authors:
        return declared.organization_authors[:1], "jsonld:organization"
    return [], None


def _htmldate(html: str, url: str | None) -> str | None:
    from htmldate import find_date

    try:
        found = find_date(html, url=url, extensive_search=True, original_date=True)
    except Exception:  # htmldate raises assorted parser errors on broken markup; no date then
        return None
    return as_iso_date(found) if found else None
