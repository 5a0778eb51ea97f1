"""RSS / Atom feeds (``.rss``, ``.atom``, and ``.xml`` files that are feeds): one article per item.

feedparser reads every RSS and Atom dialect; each item's full content (``content:encoded`` / Atom
``content``) is used when present, else its summary. Item metadata: title, link, author(s), and the
published (else updated) date as printed, in the time zone printed. The outlet is the well-known
name of the link's domain, else the feed's title up to a section suffix ("Site - Local News").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from storyline.errors import IngestError
from storyline.ingest.build import Fields, build_article
from storyline.ingest.dates import parse_date
from storyline.ingest.outlets import outlet_from_url
from storyline.model import Article
from storyline.options import IngestOptions


def is_feed(data: bytes) -> bool:
    """True when ``data`` parses as an RSS or Atom feed."""
    import feedparser

    return bool(feedparser.parse(data).get("version"))


def read_feed(path: str, file: Path, options: IngestOptions | None = None) -> Iterator[Article | IngestError]:
    """Read every item of a feed."""
    import feedparser

    data = file.read_bytes()
    if not data.strip():
        yield IngestError(path, "empty file")
        return
    parsed = feedparser.parse(data)
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        yield IngestError(path, "not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
        return
    entries = parsed.get("entries") or []
    if not entries:
        yield IngestError(path, "feed has no items")
        return
    feed_title = _site_name((parsed.get("feed") or {}).get("title"))
    for k, entry in enumerate(entries, 1):
        yield _entry(entry, feed_title, path, k, options)


def _entry(entry: Any, feed_title: str | None, path: str, k: int,
           options: IngestOptions | None) -> Article | IngestError:
    where = f"item {k}" + (f" ({entry.get('title')})" if entry.get("title") else "")
    html = ""
    for content in entry.get("content") or []:
        if content.get("value") and len(content["value"]) > len(html):
            html = content["value"]
    html = html or entry.get("summary") or ""
    text = html_to_text(html)
    if not text.strip():
        return IngestError(path, f"{where}: no content or summary text")
    link = entry.get("link")
    authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
    if not authors and entry.get("author"):
        authors = [entry["author"]]
    published = None
    for key in ("published", "updated"):
        if entry.get(key):
            published = parse_date(entry[key])
            if published:
                break
    fields = Fields(title=entry.get("title"), url=link, byline=authors, published=published,
                    outlet=outlet_from_url(link) or feed_title)
    try:
        return build_article(text, path=path, source_format="feed", fields=fields, options=options)
    except IngestError as exc:
        return IngestError(path, f"{where}: {exc.problem}")


def _site_name(feed_title: str | None) -> str | None:
    """The site part of a feed title: "Valley Courier - Local News" → "Valley Courier"."""
    if not feed_title:
        return None
    return re.split(r"\s+[-–—|:»]\s+", feed_title.strip(), maxsplit=1)[0] or None


class _TextCollector(HTMLParser):
    """Text of an HTML fragment with paragraph breaks kept. Written with the standard library's
    parser because feed fragments are small and already sanitized by feedparser; trafilatura's
    main-text extraction is for whole pages and drops short fragments, and its ``html2txt`` joins
    paragraphs into one line."""

    BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
              "table", "tr", "section", "article", "figure", "figcaption", "header", "footer"}
    SKIP = {"script", "style", "noscript"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (or the text itself when it has no markup)."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    text = "".join(collector.parts)
    # Collapse runs of spaces inside paragraphs, keep paragraph breaks.
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
