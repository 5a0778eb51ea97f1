"""The metadata an HTML page states about its own article: headline, authors, dates, site name.

Read in the order a publisher's own declarations are most trustworthy:

1. schema.org JSON-LD (``<script type="application/ld+json">``): the ``NewsArticle``/``Article``
   family (``headline``, ``author``, ``datePublished``, ``dateModified``, ``publisher``), objects in
   ``@graph`` and ``@id`` references resolved;
2. OpenGraph and ``article:*`` meta (``og:title``, ``og:site_name``, ``article:published_time``,
   ``article:modified_time``, ``article:author``), and the other common meta names (Dublin Core,
   Parse.ly, Sailthru, ``author``, ``byl``, ``pubdate``…);
3. microdata (``itemprop="datePublished"``/``"author"``/``"headline"``), ``<time datetime>`` marked
   as the publication time, ``rel="author"`` links;
4. ``<h1>`` and ``<title>`` for the headline.

What is left unknown here is filled by trafilatura/htmldate in :mod:`storyline.ingest.html`.
Published and modified dates are kept apart: a page's ``dateModified`` never becomes its
publication date.

extruct (scrapinghub) reads JSON-LD, microdata and OpenGraph too, but brings rdflib, pyRdfa3,
mf2py, html-text, w3lib and jstyleson for formats we do not use (RDFa, microformats); the few
fields needed here are a walk over lxml's tree, which trafilatura already depends on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice
from typing import Any

from storyline.ingest.byline import dedupe_names, parse_byline, split_author_names
from storyline.ingest.dates import parse_date
from storyline.ingest.outlets import domain_of
from storyline.lexicon.en.time import MONTH_NAMES

# schema.org types whose ``headline``/``author``/``datePublished`` describe the page's own article.
ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
    "liveblogposting", "socialmediaposting", "discussionforumposting", "techarticle", "scholarlyarticle",
    "report", "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle", "review",
    "pressrelease", "newsmediaorganization-article",
}
PAGE_TYPES = {"webpage", "itempage", "aboutpage", "collectionpage", "profilepage", "qapage", "faqpage"}
PERSON_TYPES = {"person"}  # the credited people themselves, not works that credit them
ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "localbusiness", "ngo",
             "educationalorganization", "governmentorganization", "website"}

# Meta names and properties, most specific first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "published_time", "publish_date", "publish-date", "publishdate", "pubdate",
    "publication_date", "original-publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dcterms.created", "dc.date.created", "citation_publication_date",
    "citation_date", "article:published", "date", "dc.date", "dcterms.date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "article.updated",
                 "dcterms.modified", "last-modified", "lastmod")
# (``twitter:creator`` is a handle, not a name; ``article:author`` is meant to be a profile URL,
# which is skipped: a URL's slug is no documented form of a name)
AUTHOR_META = ("article:author", "og:article:author", "author", "parsely-author", "sailthru.author", "byl",
               "dc.creator", "dc:creator", "dcterms.creator", "dcterms:creator", "citation_author",
               "twitter:creator:name", "authors")
TITLE_META = ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "headline",
              "citation_title")
SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site:name")

# Separators between a headline and the site name in <title> and og:title.
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/|:)\s+")
_EARLIEST_YEAR = 1990


@dataclass(slots=True)
class PageMeta:
    """What the page says about its article (None/empty where it says nothing)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date
    modified: str | None = None  # ISO date
    site_name: str | None = None
    url: str | None = None
    date_source: str | None = None  # where ``published`` came from (jsonld, meta:NAME, time, ...)
    published_raw: str | None = None  # the value as declared (to tell a UTC instant from a local day)
    title_source: str | None = None
    author_source: str | None = None
    # organizations a JSON-LD ``author`` credits (not the site's own): the byline when no person is
    # found anywhere (a wire service's article on a partner site)
    organization_authors: list[str] = field(default_factory=list)


def page_metadata(html: str, *, url: str | None = None, today: date | None = None) -> PageMeta:
    """Read the metadata an HTML page declares about its own article (pure; never fetches)."""
    import lxml.html

    try:
        # bytes with the encoding named: lxml would read undeclared bytes as Latin-1
        tree = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, TypeError, lxml.etree.ParserError):
        return PageMeta()
    today = today or date.today()
    meta = _meta_tags(tree)
    ld = list(_jsonld_objects(tree))
    by_id = {o["@id"]: o for o in ld if isinstance(o.get("@id"), str)}
    articles = [o for o in ld if _types(o) & ARTICLE_TYPES]
    pages = [o for o in ld if _types(o) & PAGE_TYPES]
    out = PageMeta()

    canonical = tree.xpath("//link[@rel='canonical']/@href")
    out.url = _first_str(canonical) or _first(meta, ("og:url",)) or url
    if len(articles) > 1:  # a page listing related articles: its own comes first
        articles.sort(key=lambda o: not _is_own(o, out.url, by_id))

    # ---- site name
    site = _first(meta, SITE_META)
    if site is None:
        for o in articles + pages:
            pub = _resolve(o.get("publisher"), by_id)
            name = _name_of(pub)
            if name:
                site = name
                break
    if site is None:
        for o in ld:
            if "website" in _types(o) and _name_of(o):
                site = _name_of(o)
                break
    out.site_name = normalize_site_name(site) if site else None

    # ---- dates
    declared_dates = list(_published_candidates(tree, meta, articles + pages))
    chosen = _choose_date(declared_dates, today)
    if chosen:
        out.published, out.date_source = chosen
        out.published_raw = next((raw for raw, src in declared_dates
                                   if src == chosen[1] and _iso(raw, today) == chosen[0]), None)
    for o in articles + pages:
        iso = _iso(o.get("dateModified"), today)
        if iso:
            out.modified = iso
            break
    if out.modified is None:
        out.modified = next((iso for name in MODIFIED_META
                             if (iso := _iso(_first(meta, (name,)), today))), None)

    # ---- authors
    publishers = [n for o in articles + pages if (n := _name_of(_resolve(o.get("publisher"), by_id)))]
    not_names = {_squash(n) for n in [out.site_name or "", *meta.get("og:site_name", []), *publishers]} - {""}
    out.authors, out.author_source = page_authors(tree, meta, ld, articles, by_id, not_names)
    out.organization_authors = [n for o in articles for n in _organization_names(o.get("author"), by_id)
                                if _squash(n) not in not_names]

    # ---- headline
    candidates: list[tuple[str, str]] = []
    for o in articles:
        if isinstance(o.get("headline"), str):
            candidates.append((o["headline"], "jsonld"))
    for el in tree.xpath("//*[@itemprop='headline']")[:1]:  # microdata headline
        candidates.append((el.get("content") or el.text_content(), "microdata"))
    for name in TITLE_META:
        if value := _first(meta, (name,)):
            candidates.append((value, f"meta:{name}"))
    titles = tree.xpath("//title")
    if titles:
        candidates.append((titles[0].text_content(), "title"))
    out.title, out.title_source = _choose_title(candidates, _headings(tree),
                                                _site_names(out.site_name, meta, out.url))
    return out


# ----------------------------------------------------------------------------- dates

_UTC = re.compile(r"(?:Z|[+-]00:?00|\s*(?:UTC|GMT))$", re.I)


def _published_candidates(tree: Any, meta: dict[str, list[str]],
                          objects: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """(raw value, source) of every publication date the page declares, most trusted first."""
    for o in objects:
        for key in ("datePublished", "dateCreated"):
            value = o.get(key)
            if isinstance(value, list):
                value = value[0] if value else None
            if isinstance(value, str):
                yield value.strip(), "jsonld"
    for name in PUBLISHED_META:
        for value in meta.get(name, []):
            yield value, f"meta:{name}"
    for xp, src in (("//time[@itemprop='datePublished']/@datetime", "time:itemprop"),
                    ("//*[@itemprop='datePublished']/@content", "microdata"),
                    ("//time[@pubdate]/@datetime", "time:pubdate"),
                    ("//time[contains(@class,'publish')]/@datetime", "time:class")):
        for value in tree.xpath(xp)[:2]:
            if isinstance(value, str):
                yield value.strip(), src


def _choose_date(candidates: list[tuple[str, str]], today: date) -> tuple[str, str] | None:
    """The most trusted plausible date; but a timestamp given in UTC gives way to the same moment
    declared elsewhere with the publisher's own offset, whose calendar day is the one the page
    prints (an article published at 9 p.m. in New York is dated the next day in UTC)."""
    parsed = [(iso, raw, src) for raw, src in candidates if (iso := _iso(raw, today))]
    if not parsed:
        return None
    iso, raw, src = parsed[0]
    first = _instant(raw)
    if first is not None and _UTC.search(raw):
        for other_iso, other_raw, other_src in parsed[1:]:
            other = _instant(other_raw)
            if other is None or _UTC.search(other_raw) or other_iso == iso:
                continue
            # the same moment written in local time: a naive clock time within a time zone of it,
            # or a timestamp with the publisher's own offset
            shift = abs((first.replace(tzinfo=None) - other.replace(tzinfo=None)).total_seconds())
            if (other.tzinfo is None and shift <= 14 * 3600 and shift % 900 == 0) or \
                    (other.tzinfo is not None and other == first):
                return other_iso, other_src
    return iso, src


def _instant(raw: str) -> datetime | None:
    """A full ISO timestamp (date and clock time, with or without an offset), else None."""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?"
                     r"\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?", raw.strip())
    if not m:
        return None
    zone = m[3] or ""
    if zone in ("Z", "UTC", "GMT"):
        zone = "+00:00"
    elif zone and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    try:
        dt = datetime.fromisoformat(f"{m[1]}T{m[2]}{zone}")
    except ValueError:
        return None
    return dt if zone else dt.replace(tzinfo=None)


def is_utc_timestamp(raw: str | None) -> bool:
    """True for a timestamp written in UTC ("...Z", "+00:00"): an instant, whose calendar day may
    be the day after the one the publisher prints."""
    return raw is not None and _instant(raw) is not None and _UTC.search(raw.strip()) is not None


# ----------------------------------------------------------------------------- names


def normalize_site_name(name: str) -> str | None:
    """A site's display name from what the page gives: "DW.COM" → "DW", "axios.com" → "Axios",
    "www.example-news.org" → "Example-News"; names that are not domains pass through."""
    name = " ".join(name.split()).strip(" |-–—")
    if not name:
        return None
    if name.startswith("@"):  # a twitter handle
        name = name[1:]
    host = re.fullmatch(r"(?:https?://)?(?:www\.)?([\w-]+)(?:\.[a-z]{2,12}){1,2}/?", name, re.I)
    if host:
        label = host[1]
        if label.isupper() or len(label) <= 3:
            return label.upper()
        return label[:1].upper() + label[1:] if label.islower() else label
    return name


# ----------------------------------------------------------------------------- authors
#
# The page's own structured data first (JSON-LD, microdata, RDFa), then its meta tags, then the
# byline readers see; trafilatura's author search is the fallback after all of these
# (:mod:`storyline.ingest.html`). Each value is cleaned by :func:`storyline.ingest.byline.split_author_names`;
# a name that is the site's or the publisher's own name is the outlet, not an author, unless a
# JSON-LD ``Person`` says otherwise.

# Tokens of class/id/itemprop/rel/data-* attributes that mark a byline or an author's name
# (hCard/hAtom ``author``, WordPress ``byline``/``posted-by``, ``author-name``, ``contributor``).
_AUTHOR_ATTR = re.compile(r"by-?line|author(?!ity|iz)|contributor|writer|posted-?by|submitted-?by|journalist",
                          re.I)
# Page parts whose bylines credit other texts: comments, teasers of related stories, sidebars. A
# class token counts when it starts with one of these words ("comments", "sidebar-primary",
# "related-posts") or ends in one after a dash ("post-comments", "jp-relatedposts"); layout tokens
# that only mention them ("content-sidebar-wrap", "has-sidebar", "no-comments") and page-builder
# "widget" wrappers, which hold the article too, do not.
_OTHER_TEXT_WORDS = (r"comments?|commentlist|related\w*|recommend\w*|sidebar|newsletter|popular|trending|read-?next"
                     r"|more-?(?:from|stories|news)|teasers?|promo|most-?read|you-?may-?also-?like")
_OTHER_TEXT_START = re.compile(rf"(?:{_OTHER_TEXT_WORDS})(?:[-_].*)?", re.I)
_OTHER_TEXT_END = re.compile(rf"(?P<head>.*?)(?P<modifier>[a-z]*)[-_]+(?:{_OTHER_TEXT_WORDS})", re.I)
_LAYOUT_MODIFIERS = {"has", "no", "with", "without", "show", "hide", "is"}  # "has-sidebar", "wrapper__with-sidebar"


def _other_text_class(attrs: str) -> bool:
    for token in attrs.split():
        if _OTHER_TEXT_START.fullmatch(token):
            return True
        m = _OTHER_TEXT_END.fullmatch(token)
        if m and m["modifier"].lower() not in _LAYOUT_MODIFIERS:
            return True
    return False


# A visible line that credits the article: "By Ines Vahl", "Posted by ...", "Posted on May 2, 2024 by
# ...", "Von ...", "Por ..." (not "Photo by": a credit for a picture).
_BY_LINE = re.compile(r"^(?:(?:written|posted|published|submitted|story|words|reporting|text)\b[^.!?|]{0,60}?\s)?"
                      r"(?:by|von|por)\s*:?\s+(?P<rest>\S.*)", re.I)
_BY_START = re.compile(r"(?i)(?:written|posted|published|submitted|story|words|reporting|text|by|von|por)\b")
# Links to an author's page, a common CMS convention (``/author/ines-vahl``, ``/people/...``).
_AUTHOR_HREF = ("/author", "/people/", "/staff/", "/profile", "/journalist", "/writers/", "/contributors/",
                "/autor")
MAX_BYLINE_CHARS = 250  # the text of a byline element; longer is an author's bio or page text


def page_authors(tree: Any, meta: dict[str, list[str]], ld: list[dict[str, Any]],
                 articles: list[dict[str, Any]], by_id: dict[str, dict[str, Any]],
                 not_names: set[str]) -> tuple[list[str], str | None]:
    """The article's authors and where they were found (``jsonld``, ``microdata``, ``rdfa``,
    ``jsonld:other``, ``meta:NAME``, ``byline``), or ([], None)."""
    def keep(names: list[str], strict: bool) -> list[str]:
        return dedupe_names([n for n in names if not strict or not is_site_credit(n, not_names)])

    for o in articles:
        names = keep(_person_names(o.get("author"), by_id) or _person_names(o.get("creator"), by_id), False)
        if names:
            return names, "jsonld"
    for names, src in ((_microdata_authors(tree), "microdata"), (_rdfa_authors(tree), "rdfa")):
        if names := keep(names, True):
            return names, src
    # any other schema.org CreativeWork the page describes (WebPage, BlogPosting's Blog, Recipe,
    # VideoObject, HowTo ...) whose author is a person: one author for the page
    names = keep([n for o in ld if o not in articles and not _types(o) & (PERSON_TYPES | ORG_TYPES)
                  for n in _person_names(o.get("author"), by_id)], False)
    if names and len(names) <= 4:
        return names, "jsonld:other"
    for name in AUTHOR_META:
        if names := keep([n for v in meta.get(name, []) for n in split_author_names(v, min_words=1)], True):
            return names, f"meta:{name}"
    names, source = visible_byline(tree, not_names)
    return names, source


def is_site_credit(name: str, site_keys: set[str]) -> bool:
    """``name`` is the site's or the publisher's own name (``site_keys``: their squashed forms) and
    reads as an outlet's, not a person's: one word ("Examplenews"), or an outlet-like name ("The
    Harbor Gazette", "Coastline News"). A personal site named after its author ("Ines Vahl") keeps
    the author."""
    from storyline.ingest.outlets import looks_like_outlet

    return _squash(name) in site_keys and (len(name.split()) == 1 or looks_like_outlet(name))


def _person_names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """The people a JSON-LD ``author``/``creator`` value names: strings, Person objects (by value
    or by ``@id``), lists of either; organizations are left out (the publisher credited as author)."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = _resolve(item, by_id)
        if isinstance(item, str):
            if not item.startswith(("http", "/", "#")):
                names += split_author_names(item, min_words=1)
        elif isinstance(item, dict):
            if _types(item) & ORG_TYPES:
                continue  # an organisation credited as author is not a byline
            name = _name_of(item)
            if name:  # a Person: one name, or several a CMS joined into one ("A and B")
                names += split_author_names(name, min_words=1)
    return dedupe_names(names)


def _organization_names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """The organizations a JSON-LD ``author`` value credits (a wire service on a partner's page)."""
    out = []
    for item in value if isinstance(value, list) else [value]:
        item = _resolve(item, by_id)
        if isinstance(item, dict) and _types(item) & ORG_TYPES and (name := _name_of(item)):
            out.append(name)
    return out


def _skipped(el: Any) -> bool:
    """Inside a part of the page that credits other texts (comments, related stories, sidebars)."""
    for anc in el.iterancestors():
        if not isinstance(anc.tag, str) or anc.tag in ("body", "html"):
            continue
        if anc.tag == "nav" or (anc.tag in ("aside", "footer") and not any(
                a.tag == "article" for a in anc.iterancestors())):
            return True
        attrs = " ".join(anc.get(k) or "" for k in ("class", "id", "itemtype"))
        if attrs and _other_text_class(attrs):
            return True
    return False


def _microdata_authors(tree: Any) -> list[str]:
    """schema.org microdata: ``itemprop="author"`` with an ``itemprop="name"`` inside, or its own
    ``content``/text, outside comments and teasers."""
    names: list[str] = []
    for el in tree.xpath("//*[contains(concat(' ',normalize-space(@itemprop),' '),' author ') or "
                         "contains(concat(' ',normalize-space(@itemprop),' '),' creator ')]")[:6]:
        if _skipped(el) or el.get("itemtype", "").rstrip("/").lower().endswith("organization"):
            continue
        inner = el.xpath(".//*[@itemprop='name']")
        values = [i.get("content") or _text(i) for i in inner[:1]] or [el.get("content") or _text(el)]
        for v in values:
            if len(v) <= MAX_BYLINE_CHARS:
                names += split_author_names(v, min_words=1)
    return dedupe_names(names)


def _rdfa_authors(tree: Any) -> list[str]:
    """RDFa on visible elements: ``property="author"``/``"schema:author"``/``"dc:creator"`` (with a
    ``property="name"`` inside when it is a Person)."""
    names: list[str] = []
    for el in tree.xpath("//*[not(self::meta)][@property]")[:400]:
        props = {p.rsplit(":", 1)[-1].rsplit("/", 1)[-1].lower() for p in (el.get("property") or "").split()}
        if not props & {"author", "creator"} or _skipped(el):
            continue
        inner = el.xpath(".//*[@property='name' or @property='schema:name' or @property='foaf:name']")
        value = (inner[0].get("content") or _text(inner[0])) if inner else (el.get("content") or _text(el))
        if len(value) <= MAX_BYLINE_CHARS:
            names += split_author_names(value, min_words=1)
    return dedupe_names(names)


def visible_byline(tree: Any, not_names: set[str] | None = None) -> tuple[list[str], str | None]:
    """The byline readers see, and its kind (``rel-author`` or ``byline``).

    First ``rel="author"`` links (the HTML link type for the article's author), then the first
    element after the ``<h1>`` that is marked as a byline or an author (``class``/``id``/
    ``itemprop``/``data-*``: hCard and hAtom ``author``, ``byline``, ``author-name``,
    ``contributor``; or a link to an author page) or whose text is a "By ..." line ("By Ines Vahl",
    "Posted on May 2, 2024 by Ines Vahl"), with its neighbours that credit the same article ("By
    <a>A</a> and <a>B</a>"). Comments, sidebars and related-story teasers are skipped, and so are
    the site's own name (see :func:`is_site_credit`). Without an ``<h1>`` the search keeps to
    ``<article>``/``<main>`` if the page has one."""
    banned = not_names or set()

    def allowed(names: list[str]) -> list[str]:
        return [n for n in names if not is_site_credit(n, banned)]

    names = dedupe_names(allowed([n for el in tree.xpath("//a[@rel='author'] | //link[@rel='author'][@title]")[:4]
                                  if not _skipped(el)
                                  for n in split_author_names(el.get("title") if el.tag == "link" else _text(el),
                                                              min_words=1)]))
    if names:
        return names, "rel-author"
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    order = {el: i for i, el in enumerate(elements)}
    h1s = [el for el in elements if el.tag == "h1" and not _skipped(el)]
    start = order[h1s[0]] if h1s else None
    scope = tree.xpath("//article | //main | //*[@role='main']")[:2]
    for el in elements[start or 0:]:
        if start is None and scope and not any(el is s or s in el.iterancestors() for s in scope):
            continue
        names = allowed(_credited(el))
        if not names or _skipped(el):
            continue
        # the neighbours in the same short block ("By <a>A</a>, <a>B</a> and <a>C</a>")
        block = el
        for _ in range(3):
            parent = block.getparent()
            if parent is None or len(_text(parent)) > MAX_BYLINE_CHARS:
                break
            block = parent
        for other in block.iter():
            if isinstance(other.tag, str) and order.get(other, 0) > order[el] \
                    and not any(a is el for a in other.iterancestors()):
                names += allowed(_credited(other))
        return dedupe_names(names), "byline"
    return [], None


def _credited(el: Any) -> list[str]:
    """The names ``el`` credits as a byline element (see :func:`visible_byline`), else []."""
    if el.tag in ("script", "style", "noscript", "template", "time", "img", "figure", "figcaption", "h1"):
        return []
    attrs = " ".join(v for k, v in el.attrib.items() if k in ("class", "id", "itemprop", "rel", "name")
                     or k.startswith("data-"))
    href = (el.get("href") or "").lower()
    # (an <address> inside an <article> is its author's contact information, in HTML's own terms)
    marked = bool(_AUTHOR_ATTR.search(attrs)) or (el.tag == "a" and any(h in href for h in _AUTHOR_HREF)) \
        or (el.tag == "address" and any(a.tag == "article" for a in el.iterancestors()))
    if not marked and not _BY_START.match(" ".join("".join(islice(el.itertext(), 3)).split())):
        return []  # (a cheap look at the first words before the element's whole text)
    text = _text(el)
    if not text or len(text) > MAX_BYLINE_CHARS:
        return []
    if marked:
        # the names inside, when the element marks them (author links, itemprop/class "name")
        inner = [i for i in el.iterdescendants() if isinstance(i.tag, str) and (
            (i.tag == "a" and any(h in (i.get("href") or "").lower() for h in _AUTHOR_HREF))
            or i.get("itemprop") == "name" or re.search(r"(?:^|[\s_-])(?:fn|name)(?:$|[\s_-])", i.get("class") or ""))]
        if inner:
            return dedupe_names([n for i in inner for n in split_author_names(_text(i), min_words=1)])
        m = _BY_LINE.search(text)
        return split_author_names(m["rest"] if m else text, min_words=1)
    m = _BY_LINE.search(text)
    if m and len(text.split()) <= 20 and not any(
            isinstance(c.tag, str) and len(_text(c)) == len(text) for c in el):  # the innermost element
        parsed = parse_byline("By " + m["rest"])
        if parsed and parsed.names:
            return parsed.names
        # a line the strict byline reader does not take ("By Ines Vahl on May 2, 2024 in Local"):
        # names as printed (capitalized, two words or more), not a sentence ("By noon, crews ...")
        if m["rest"][:1].isupper() and not re.search(r"[a-z]{2}[.!?]$", text):
            names = split_author_names(m["rest"], min_words=2)
            if not names and len(text.split()) <= 8:  # a short credit line: "By Kestrel", "By Kestrel | May 2"
                # a month alone ("By March, ...") is a date, not a name
                names = [n for n in split_author_names(m["rest"], min_words=1) if n.casefold() not in MONTH_NAMES]
            return names
    return []


def _text(el: Any) -> str:
    """An element's text, with a space where child elements meet ("<b>Ines Vahl</b><time>May 2</time>")."""
    parts = el.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")
    return re.sub(r"\s+([,;.])", r"\1", " ".join(" ".join(str(p) for p in parts).split()))


def _name_of(obj: Any) -> str | None:
    if isinstance(obj, list):
        obj = obj[0] if obj else None
    if isinstance(obj, dict):
        name = obj.get("name")
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip():
            return " ".join(name.split())
        parts = [obj.get(k) for k in ("givenName", "additionalName", "familyName")]
        if isinstance(parts[0], str) and isinstance(parts[2], str):
            return " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    if isinstance(obj, str) and obj.strip() and not obj.startswith(("http", "/")):
        return obj.strip()
    return None


def _is_own(obj: dict[str, Any], url: str | None, by_id: dict[str, dict[str, Any]]) -> bool:
    """The JSON-LD article is the page's own: its ``url``/``mainEntityOfPage``/``@id`` is the page's
    address (fragments and trailing slashes aside)."""
    if not url:
        return False
    want = _url_key(url)
    for key in ("url", "mainEntityOfPage", "@id"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and _url_key(value) == want:
            return True
    return False


def _url_key(url: str) -> str:
    return re.sub(r"^https?://(?:www\.)?|[#?].*$|/+$", "", url.strip()).lower()


def _resolve(obj: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    if isinstance(obj, dict) and set(obj) <= {"@id", "@type"} and obj.get("@id") in by_id:
        return by_id[obj["@id"]]
    return obj


# ----------------------------------------------------------------------------- titles


def _site_names(site: str | None, meta: dict[str, list[str]], url: str | None) -> set[str]:
    names = {_squash(site)} if site else set()
    for key in SITE_META + ("og:site_name",):
        names |= {_squash(v) for v in meta.get(key, [])}
    host = domain_of(url)
    if host:
        names.add(_squash(host))
        names.add(_squash(host.split(".")[0]))
    return {n for n in names if n}


@dataclass(slots=True)
class Heading:
    """A visible heading that may be the article's headline."""

    text: str
    level: int  # 1 for <h1>, 2 for <h2>
    marked: bool  # marked as the headline: itemprop=headline, hAtom ``entry-title``, a "headline"/"title"
    # class, or inside <article>/<main>


_HEADLINE_CLASS = re.compile(r"entry-title|headline|(?:^|[\s_-])(?:post|article|story|page)?[_-]?title\b", re.I)


def _headings(tree: Any) -> list[Heading]:
    out = []
    for level in (1, 2):
        for el in tree.xpath(f"//h{level}")[:6]:
            text = " ".join(el.text_content().split())
            if not text:
                continue
            marked = el.get("itemprop") == "headline" or bool(_HEADLINE_CLASS.search(el.get("class") or "")) \
                or bool(el.xpath("ancestor::article or ancestor::main or ancestor::*[@role='main']"))
            out.append(Heading(text, level, marked))
    return out


def _choose_title(candidates: list[tuple[str, str]], headings: list[Heading],
                  sites: set[str]) -> tuple[str | None, str | None]:
    """The headline, from the page's declared titles and its visible headings.

    Declared titles (JSON-LD ``headline``, microdata, ``og:title`` and the other meta titles,
    ``<title>``) lose a site name, section or date before or after a separator. The visible
    ``<h1>`` is the headline readers see (one ``<h1>`` per page is the HTML and SEO convention), but
    an ``<h1>`` may also be a logo or a section name, so it is taken when a declared title confirms
    it, or when it is the only ``<h1>`` and marked as the headline (itemprop, hAtom ``entry-title``,
    a headline class, or inside ``<article>``/``<main>``). Where the two differ only by text around
    the same words, the cleaner one wins: an ``<h1>`` that adds a kicker, a label or a date around
    the declared title gives way to it; a declared title that adds text after a separator (an
    unknown site name) gives way to the ``<h1>``. Without a usable ``<h1>`` the declared titles vote:
    each gets one vote from every other that reads the same, ties going to the more trusted source.
    """
    h1s = [h.text for h in headings if h.level == 1]
    anchors = h1s or [h.text for h in headings if h.level == 2][:3]
    pool: list[tuple[str, str]] = []
    for raw, source in candidates:
        title = " ".join(raw.split())
        if not _usable_title(title, sites):
            continue
        title = strip_site_name(title, sites, anchors)
        if title and _usable_title(title, sites):
            pool.append((title, source))
    visible = [h for h in headings if h.level == 1 and _usable_title(h.text, sites)
               and not _is_site(h.text, sites)][:3]
    for h1 in visible:
        for title, source in pool:
            pick = _pick_between(title, source, h1.text)
            if pick is not None:
                return pick
    if len(visible) == 1 and len(h1s) == 1 and visible[0].marked and len(visible[0].text.split()) >= 3:
        return visible[0].text, "h1"
    if not pool:
        return (visible[0].text, "h1") if visible else (None, None)
    keys = [_squash(t) for t, _ in pool]
    votes = [sum(1 for j, k in enumerate(keys) if k == key and j != i) for i, key in enumerate(keys)]
    best = max(range(len(pool)), key=lambda i: (votes[i], -i))
    return pool[best]


def _pick_between(declared: str, source: str, h1: str) -> tuple[str, str] | None:
    """The headline when a declared title and an ``<h1>`` confirm each other, else None."""
    a, b = _squash(declared), _squash(h1)
    if not a or not b:
        return None
    if a == b:
        return h1, "h1"
    if a in b and len(a) >= 0.5 * len(b):  # the <h1> adds a kicker, label or date
        return declared, source
    if b in a and len(b) >= 0.4 * len(a):
        # the declared title adds text: after a separator that is a name the page did not declare
        # (keep the <h1>); run on without one, the <h1> is a shortened form (keep the declared)
        rest = declared.casefold().replace(h1.casefold(), "\x00", 1)
        if "\x00" in rest and _SEPARATORS.search(rest.replace("\x00", " x ")):
            return h1, "h1"
        return declared, source
    if _confirms(declared, h1):
        return h1, "h1"
    return None


def _confirms(declared: str, h1: str) -> bool:
    wa, wb = set(re.findall(r"\w+", declared.casefold())), set(re.findall(r"\w+", h1.casefold()))
    return len(wa & wb) / max(1, len(wa | wb)) >= 0.6


def _usable_title(title: str, sites: set[str]) -> bool:
    """Not empty, not the site's own name, not a single lower-case token (a CMS or template name)."""
    if not title or _squash(title) in sites:
        return False
    words = title.split()
    return not (len(words) == 1 and (title.islower() or len(title) < 4))


def strip_site_name(title: str, sites: set[str], h1s: list[str] | None = None) -> str:
    """"Headline | Site", "Site - Headline", "Headline | Section | Site | 19.01.2020" → "Headline"."""
    parts = _SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    squashed_h1 = {_squash(h) for h in h1s or []}
    # an <h1> that is the title's first (or last) parts: the headline itself
    for k in range(len(parts) - 1, 0, -1):
        head = _join_parts(title, parts[:k])
        if _squash(head) in squashed_h1:
            return head
    for k in range(1, len(parts)):
        tail = _join_parts(title, parts[k:], from_end=True)
        if _squash(tail) in squashed_h1:
            return tail
    # otherwise drop parts at either end that are the site's name, a date, or a short section label
    # after the site's name
    keep = list(parts)
    while len(keep) > 1 and (_is_site(keep[-1], sites) or parse_date(keep[-1]) or _is_date_like(keep[-1])):
        keep.pop()
    while len(keep) > 1 and _is_site(keep[0], sites):
        keep.pop(0)
    if len(keep) == len(parts):
        return title
    return _join_parts(title, keep) if keep else title


def _join_parts(title: str, parts: list[str], from_end: bool = False) -> str:
    """The span of ``title`` from the first to the last of ``parts`` (separators as printed)."""
    start = title.find(parts[0]) if not from_end else title.rfind(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)


def _is_site(part: str, sites: set[str]) -> bool:
    key = _squash(part)
    return bool(key) and any(key == s or (len(s) >= 3 and (key.startswith(s) or s.startswith(key)))
                             for s in sites)


def _is_date_like(part: str) -> bool:
    return re.fullmatch(r"[\d./-]{6,10}", part.strip()) is not None


# ----------------------------------------------------------------------------- low level


def _squash(s: str) -> str:
    return re.sub(r"\W+", "", s.casefold())


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    values = t if isinstance(t, list) else [t]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def _jsonld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.xpath("//script[contains(translate(@type,'LDJSON','ldjson'),'ld+json')]"):
        text = (script.text or "").strip()
        if not text:
            continue
        data = _loads(text)
        if data is not None:
            yield from _walk(data, depth=0)


def _loads(text: str) -> Any:
    text = re.sub(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$", "", text)
    for attempt in (text, re.sub(r",\s*([}\]])", r"\1", text).rstrip(";")):
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return None


def _walk(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                yield from _walk(data[key], depth + 1)


def _meta_tags(tree: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for el in tree.xpath("//meta[@content]"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = " ".join((el.get("content") or "").split())
        if key and value:
            out.setdefault(key, []).append(value)
    return out


def _first(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        for value in meta.get(key, []):
            if value:
                return value
    return None


def _first_str(values: list[Any]) -> str | None:
    for v in values:
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def _iso(value: Any, today: date) -> str | None:
    """An ISO day from a metadata date value, if it is a plausible publication date."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    value = value.strip()
    iso = None
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ]|$)", value)
    if m:
        try:
            iso = date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    elif re.search(r"[A-Za-z]{3}|\d{1,2}/\d{1,2}/\d{4}", value):
        iso = parse_date(value)
    if iso is None:
        return None
    year = int(iso[:4])
    return iso if _EARLIEST_YEAR <= year and iso <= today.isoformat() else None
