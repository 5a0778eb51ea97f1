"""Raw article text + the metadata a format provides → :class:`Article` (shared by every reader).

Precedence, most trusted first: the ``--meta`` sidecar (applied later, by ``iter_articles``), the
metadata the format carries (HTML meta tags, JSON fields, feed items), then what the text itself
prints (headline, byline, outlet tag, dateline, stated date; see :mod:`storyline.ingest.meta`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from storyline.errors import IngestError
from storyline.ingest.dates import later_than_url, weekday_year_conflict
from storyline.ingest.meta import extract_text_meta
from storyline.ingest.outlets import outlet_from_domain, outlet_from_url, outlet_name
from storyline.ingest.textio import content_id, normalize, too_short
from storyline.model import Article, PubDate
from storyline.options import IngestOptions


@dataclass(slots=True)
class Fields:
    """Metadata a format provides alongside the text (all optional; ``published`` is an ISO date)."""

    title: str | None = None
    outlet: str | None = None
    byline: list[str] = field(default_factory=list)
    byline_source: str | None = None  # where the format found ``byline`` (an HTML page: jsonld, meta:NAME ...)
    dateline: str | None = None
    url: str | None = None
    published: str | None = None
    updated: str | None = None  # ISO date the page declares as modified (never the publication date)
    language: str | None = None


def build_article(text: str, *, path: str, source_format: str, fields: Fields | None = None,
                  markdown: bool = False, options: IngestOptions | None = None) -> Article:
    """Clean ``text``, find the metadata it prints, merge with ``fields``; raise IngestError if no
    body text is left."""
    fields = fields or Fields()
    opts = options or IngestOptions()
    cleaned = normalize(text)
    if not cleaned:
        raise IngestError(path, "no text (only whitespace)")
    found = extract_text_meta(cleaned, known_title=_clean(fields.title), markdown=markdown, options=options)
    body = found.body
    if not body:
        raise IngestError(path, "no article text left after removing headline, byline and boilerplate")
    short = too_short(body, opts.min_article_words)
    if short:
        raise IngestError(path, short)
    stated = found.original_date or found.published
    if fields.published:
        published = metadata_date(fields.published)
    elif stated:  # a credit line's first-publication date beats the republishing page's own
        published = PubDate(date=stated, earliest=stated, latest=stated, basis="text")
    elif found.updated:
        # Only an "Updated ..." stamp: published on or before it (``latest``; ``earliest`` stays
        # unknown). Its day is the best single estimate of the date (news pages that print only an
        # update stamp mostly update the day they publish), so relative dates are anchored on it.
        published = PubDate(date=found.updated, latest=found.updated, basis="text")
    elif found.published_month:  # "date 2023-08": the month; the time stage narrows it from the content
        year, month = (int(x) for x in found.published_month.split("-"))
        last = calendar.monthrange(year, month)[1]
        published = PubDate(earliest=f"{found.published_month}-01", latest=f"{found.published_month}-{last:02d}",
                            basis="text")
    else:
        published = PubDate()  # the time stage infers a range from the content
    url = _clean(fields.url)
    published = check_against_url(published, url, opts)
    if published.basis == "text":
        published = check_against_weekdays(published, body, opts)
    return Article(
        id=content_id(body),
        text=body,
        path=path,
        title=_clean(fields.title) or found.title,
        outlet=(outlet_name(fields.outlet) or found.outlet or outlet_from_url(fields.url)
                or outlet_from_domain(fields.url)),
        byline=[b for b in (_clean(x) for x in fields.byline) if b] or found.byline,
        dateline=_clean(fields.dateline) or found.dateline,
        url=url,
        published=published,
        updated=fields.updated or found.updated,
        language=fields.language or "en",
        boilerplate=found.boilerplate,
        source_format=source_format,
        stamps=found.stamps,
    )


def metadata_date(iso: str) -> PubDate:
    return PubDate(date=iso, earliest=iso, latest=iso, basis="metadata")


def check_against_url(published: PubDate, url: str | None, options: IngestOptions | None = None) -> PubDate:
    """``published`` unless its date is later than the date in the article's own URL
    (:func:`storyline.ingest.dates.later_than_url`); then the URL's day (or month) with a ``note``
    saying why: a page that copies or re-posts an article prints its own, later date, while the
    address keeps the day the article first appeared."""
    bounds = later_than_url(published.date or published.earliest, url,
                            (options or IngestOptions()).url_date_slack_days)
    if bounds is None:
        return published
    lo, hi = bounds
    stated = published.date or published.earliest
    where = "the page's metadata" if published.basis == "metadata" else "the text"
    note = (f"{where} gives {stated}, later than the date in the article's own URL "
            f"({lo if lo == hi else lo[:7]}): a copy's or re-post's date, not trusted")
    return PubDate(date=lo if lo == hi else None, earliest=lo, latest=hi, basis="metadata", note=note)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalize(str(value)).split())
    return value or None


def check_against_weekdays(published: PubDate, body: str, options: IngestOptions | None = None) -> PubDate:
    """``published`` unless the article's own days ("on Tuesday, Aug. 8") fall on those weekdays
    only in an earlier year (:func:`storyline.ingest.dates.weekday_year_conflict`): then the stated
    date is a later copy's, and the date is left to the time stage (basis ``unknown``, with a
    ``note``)."""
    conflict = weekday_year_conflict(published.date, body, (options or IngestOptions()).min_weekday_conflicts)
    if conflict is None:
        return published
    stated_year, fits = conflict
    return PubDate(note=f"the text gives {published.date}, but the weekdays it names with its own dates "
                        f"fit {fits}, not {stated_year}: a copy's date, not trusted")
