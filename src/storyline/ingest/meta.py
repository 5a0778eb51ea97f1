"""Metadata that a plain-text article carries in its own text, found with general news conventions.

A copied news article usually keeps its furniture: a headline, a byline, a date line, a dateline and
wire tag at the start of the lede, and credits or copyright lines at the end. :func:`extract_text_meta`
finds them and returns the cleaned body plus the metadata.

What stays in the body and what leaves it (the body is ``Article.text``; every offset later stages
emit is into it):

* **Headline** — the first line, when it reads as a headline: short (at most
  ``IngestOptions.headline_words`` words) with no final period; or a single sentence that ends with a period
  but is followed directly by the article's furniture (a byline, a date line, or a lede that opens
  with a dateline/outlet tag), which marks it as a headline/dek rather than the lede. A Markdown
  ``# heading`` always counts. It goes to ``title`` and **out of the body**. When the format already
  gave a title (HTML, JSON), the first line is removed only if it repeats that title.
* **Byline** (parsed by :mod:`storyline.ingest.byline`) — ``By NAME``, ``By NAME and NAME``,
  ``By NAME, OUTLET``, ``By NAME | Title, Outlet``,
  ``By NAME, Staff Writer``, ``By the Associated Press``: names go to ``byline``, a named outlet to
  ``outlet``; the line leaves the body. Every comma/pipe-separated part must read as a name, a job
  title or an outlet, so a sentence that happens to start with "By" ("By the time police arrived, ...")
  is never taken. Signatures without "By" count too (``OUTLET Staff Report``, ``By Digital Desk``,
  ``NAME - Author``, ``Author: NAME``, ``OUTLET's NAME``), under the same rule.
* **Section label** — a line of at most ``IngestOptions.kicker_words`` words over a longer headline
  ("Local News") is a kicker: the headline below it is the title, the label goes to ``boilerplate``.
* **Date lines and markers** — ``date 2025-05-05``, ``Published May 5, 2025``,
  ``Updated 3:04 PM EDT, Tue May 6, 2025``, or a header line that is only a date: these are metadata,
  not prose, so they leave the body (also when printed at the start of the lede line), also with the
  update time after a comma (``May. 2 2024, Updated 3:57 p.m. ET``) or a widget label glued to the
  date (``todayMay 2, 2024``), or a marker with the month only (``date 2023-08``: ``published_month``,
  a month-long range). A published date gives ``published``; an "updated" date alone gives
  ``updated`` (see :func:`storyline.ingest.build.build_article` for how it dates the article).
  Each one is kept as printed in ``stamps`` (without a glued widget label): the time stage tags
  the time expressions in it (TimeML's document creation time is a time expression too).
* **Dateline and outlet tag** at the start of the lede — ``DENVER —``, ``COLORADO SPRINGS, Colo. (KRDO) –``,
  ``NEW YORK, Nov. 3 (Reuters) -``, ``(CNN) —``, ``(The Center Square) —``, and a tag whose opening
  parenthesis was lost in copying (``The Center Square) President ...``), a dateline in parentheses
  (``(BALTIMORE) —``: capitals, longer than a call sign) and an agency glued to the dateline
  (``Associated PressCHICAGO —``) — **stay in the body**: they are part of the printed lede. They are
  recorded in ``dateline``/``outlet`` with their body spans. A full ``PLACE (Agency) —`` opening is
  looked for below a few lines of page furniture too.
* **Credit lines** — ``This story by NAME appeared on OUTLET on DATE.``, ``Originally published by
  OUTLET``: the original publisher, author and date; the line goes to ``boilerplate``.
* **Boilerplate** — "READ MORE:"/"RELATED:" lines and advertisement markers anywhere; copyright
  lines, wire credits ("The-CNN-Wire"), contributor credits ("Associated Press writer X contributed"),
  Reuters reporting/editing credits and similar trailer lines at the end: removed from the body and
  kept, in order, in ``boilerplate``.

The outlet is, most explicit first: the lede's tag, a credit line, the byline, the copyright line
(``Copyright © 2024, OUTLET.``), then the outlet the text names as itself in reporting phrases
(``told OUTLET``, ``OUTLET has not confirmed``; see :func:`self_reference`). Outlet names are kept
as printed (``CNN``, ``AP``, ``The Center Square``), and when two sources name one outlet short and
long (``(AP)`` and ``By …, Associated Press``) the long form is kept. Everything here is pure string work on
normalized text (see :mod:`storyline.ingest.textio`); regular expressions are written by hand because
these are layout conventions of copied news text, which no maintained library models.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storyline.ingest.byline import parse_byline, parse_signature, split_names
from storyline.ingest.dates import DATE_EXPR, DATE_RE, MARKER_RE, MONTH, MONTH_MARKER_RE, parse_date, parse_month
from storyline.ingest.outlets import is_known_outlet, looks_like_outlet, outlet_key, outlet_name
from storyline.lexicon.en.names import MINOR_WORDS
from storyline.lexicon.en.press import LEDE_LABELS, OUTLET_WORDS
from storyline.options import IngestOptions

_LEDE_OPENING = re.compile(
    r"(?:The|A|An|In|On|At|By|For|From|With|Without|During|Despite|Amid|Under|Until|Through|When|While"
    r"|After|Before|If|As|Since|It|Its|This|That|These|Those"
    r"|There|Here|He|She|They|We|I|You|Today|Yesterday|Last|Earlier|Later)\b")
_LEDE_WORDS = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|this week"
    r"|last week|said|told|announced|reported|according)\b", re.I)
_PERSONAL = re.compile(r"\b(?:I|we|We|you|You|my|My|our|Our|your|Your|us|me)\b")

_UP = "A-ZÀ-ÖØ-Þ"
_DASH = r"(?:—|–|‒|―|--|-)"

# ---------------------------------------------------------------------------- lede: dateline, tag
_PLACE_WORD = rf"[{_UP}][{_UP}'’.&-]+"
_PLACE = rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}"
_REGION = r"[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Z][A-Za-z.'’-]*){0,2}"
_LEDE_RE = re.compile(
    rf"(?P<dateline>{_PLACE}(?:,[ \t]*(?!{MONTH}[ \t]+\d){_REGION})?)?"
    rf"(?:,[ \t]*(?P<ddate>{MONTH}[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?))?"
    rf"[ \t]*(?:\((?P<tag>[^()\n]{{2,40}})\))?"
    rf"(?P<dash>[ \t]*{_DASH})?[ \t]+")
_TAG_WORD = r"[A-Z0-9][\w&'’.-]*"
_LOST_TAG_RE = re.compile(
    rf"(?P<tag>{_TAG_WORD}(?:[ \t]+(?:{_TAG_WORD}|of|the|and|&|de|del|la)){{0,4}})\)"
    rf"(?:[ \t]*{_DASH})?[ \t]+(?=\S)")

# ---------------------------------------------------------------------------- boilerplate
# Lines that are boilerplate wherever they appear.
_ANYWHERE_RES = [
    re.compile(r"(?i:read\s+more|related(?:\s+(?:stories|story|coverage|articles?|content|reading))?"
               r"|also\s+read|see\s+also|recommended(?:\s+reading)?|more\s+on\s+this\s+story)\s*:\s*\S.*"),
    re.compile(r"(?:WATCH|LISTEN|MORE|READ|RELATED|PHOTOS|VIDEO)\s*:\s*\S.*"),
    re.compile(r"(?i:advertisement|(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?advertisement)?"
               r"|skip\s+advertisement|continue\s+reading(?:\s+the\s+main\s+story)?"
               r"|advertisement\W+scroll\s+to\s+continue(?:\s+with\s+content)?"
               r"|scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?)\W*"),
    # widget menus and breadcrumbs: "Home » News » Local", "Go to Admin » Appearance » Widgets ..."
    re.compile(r"(?:[^»›\n]{1,80}[»›]){2,}[^»›\n]{0,120}"),
    # share / follow / subscribe rows: lines made only of sharing words
    re.compile(r"(?i:(?:share(?:\s+(?:this|on|via)(?:\s+(?:article|story|page|post))?)?|tweet|e-?mail|print"
               r"|copy\s+(?:the\s+)?link|link\s+copied|save(?:\s+article)?|comments?|facebook|twitter|x"
               r"|whatsapp|linkedin|reddit|pinterest|telegram|flipboard|messenger|subscribe(?:\s+now)?"
               r"|follow(?:\s+us)?(?:\s+on)?|gift\s+(?:this\s+)?article|listen)[\s|/·•,:]*)+"),
    # photo credits standing on their own line
    re.compile(r"\(?(?i:(?:photo|image|picture|photograph|video|graphic)s?\s*(?:by|:|credit\s*:)"
               r"|credit\s*:)[^\n]{0,120}"),
    re.compile(r"[^\n]{0,80}/\s*(?:Getty Images|AFP via Getty Images|Shutterstock|AP Photo|Reuters)\)?\.?"),
    # reading-time and audio widgets: "3 minute read", "5 min read", "Listen to this article · 4 min"
    re.compile(r"(?i:(?:\d+\s*-?\s*min(?:ute)?s?\s+read)|listen\s+to\s+this\s+(?:article|story)(?:\W+\d+\s*min\w*)?)\W*"),
]
# Credit lines naming where and when a republished story first appeared:
# "This story by Jane Doe appeared on Example Newsline on May 2, 2024.",
# "This article was originally published by The Example Times.", "Republished with permission of X."
_CREDIT_RE = re.compile(
    r"\(?(?:(?:This|The)\s+(?:story|article|report|piece|post)(?:\s+by\s+(?P<names>[^,.]+?(?:\s+[A-Z]\.)?[^,.]*?))?"
    r"(?:,)?\s+(?:(?:originally|first)\s+)?(?:appeared|ran|was\s+(?:originally\s+|first\s+)?"
    r"(?:published|posted|produced))"
    r"|(?:Originally|First)\s+(?:published|appeared|posted)"
    r"|Republished\s+with\s+permission)"
    r"\s+(?:on|in|by|at|from|of|with)\s+(?P<outlet>(?:the\s+)?[A-Z0-9][\w&'’.-]*(?:\s+(?:[A-Z0-9][\w&'’.-]*"
    r"|of|the|and|&|for|on|at))*?)"
    r"(?:\s+(?:on\s+)?(?P<date>" + DATE_EXPR + r"))?(?:\s+and\s+is\s+.*?|,\s+.*?)?[.)]*\s*")
# Lines that are boilerplate at the end of an article (the trailer).
_TRAILER_RES = [
    # "™ & © 2025 ...", "© 2025 ...", "(c) 2025 ...", "Copyright 2025 ...", "... All rights reserved."
    re.compile(r"(?:[™®]\s*(?:&\s*)?)?(?:©|\([cC]\)\s*\d{4}|Copyright\b|COPYRIGHT\b).*"),
    re.compile(r".*\ball rights reserved\b.*", re.I),
    re.compile(r"(?:The-)?[A-Z][\w]*(?:-[\w]+)*-Wire\.?"),  # "The-CNN-Wire"
    # contributor credits: "... contributed to this report.", "... contributed reporting.",
    # "Associated Press writer Jane Doe contributed."
    re.compile(r"\(?.{0,250}\bcontributed\s+(?:additional\s+)?reporting\b.*"),
    re.compile(r"\(?.{0,250}\bcontributed\s+(?:to|for)\s+(?:this|the)\s+(?:report|story|article|piece)\W*"),
    re.compile(r"(?:[\w’'.-]+\s+){0,4}(?:writers?|reporters?|correspondents?|journalists?|staff)\b"
               r".{0,200}\bcontributed\W*"),
    re.compile(r"\(?(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Produced)\s+by\b.*", re.I),
    re.compile(r"Our Standards:.*"),
    re.compile(r"(?:This|The)\s+(?:story|article|report)\s+(?:has\s+been|was)\s+(?:updated|corrected)\b.*",
               re.I),
    re.compile(r"This material may not be published, broadcast, rewritten,? or redistributed\.?", re.I),
    re.compile(r"(?:Follow|Contact|Reach|Email)\s+.{1,80}(?:\bon\s+(?:Twitter|X|Facebook|Instagram|Bluesky"
               r"|Threads|LinkedIn)\b|\S+@\S+\.\w+).*"),
    re.compile(r"(?i:sign\s+up\s+for\s+.{0,80}newsletter).*"),
]


@dataclass(slots=True)
class TextMeta:
    """The cleaned body and the metadata found in a plain-text article."""

    body: str
    title: str | None = None
    byline: list[str] = field(default_factory=list)
    byline_outlet: str | None = None  # outlet named in the byline ("By NAME, OUTLET")
    tag_outlet: str | None = None  # outlet tag at the lede ("(CNN) —")
    credit_outlet: str | None = None  # "This story ... appeared on OUTLET ..." (the original publisher)
    copyright_outlet: str | None = None  # "Copyright © 2024, OUTLET. All rights reserved."
    # the outlet the text speaks of as itself ("told OUTLET", "OUTLET has not confirmed")
    self_outlet: str | None = None
    page_outlet: str | None = None  # the site named after the headline in a pasted page title
    dateline: str | None = None
    published: str | None = None  # ISO date stated in the text
    published_month: str | None = None  # YYYY-MM of a date marker that gives the month only
    updated: str | None = None  # ISO date of an "Updated ..." marker
    original_date: str | None = None  # date a credit line gives for the first publication
    boilerplate: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)  # date lines/markers taken out, as printed
    dateline_span: tuple[int, int] | None = None  # into body
    tag_span: tuple[int, int] | None = None  # into body, the tag text without parentheses

    @property
    def outlet(self) -> str | None:
        """The outlet the text names, most explicit first: the tag printed at the lede, a credit line
        naming the original publisher, the byline, the copyright line, then the outlet the text
        refers to as itself."""
        found = [o for o in (self.tag_outlet, self.credit_outlet, self.byline_outlet, self.copyright_outlet,
                             self.page_outlet, self.self_outlet) if o]
        if not found:
            return None
        # the same outlet printed short and long ("(AP)" and "By ..., Associated Press"): the long form
        same = [o for o in found if outlet_key(o) == outlet_key(found[0])]
        return max(same, key=len)


def extract_text_meta(text: str, *, known_title: str | None = None, markdown: bool = False,
                      options: IngestOptions | None = None) -> TextMeta:
    """Split a normalized article text into body and metadata (see the module docstring); the
    thresholds are ``options`` (``IngestOptions()`` when not given)."""
    opts = options or IngestOptions()
    lines: list[str | None] = list(text.split("\n"))
    meta = TextMeta(body="")
    boiler: dict[int, str] = {}

    for i, line in enumerate(lines):
        if line is not None and (_is_anywhere_boilerplate(line.strip()) or _take_credit(line.strip(), meta)):
            boiler[i] = line.strip()
            lines[i] = None
    _strip_trailer(lines, boiler, meta)
    wrapped = is_hard_wrapped(lines)
    _strip_header(lines, meta, boiler, known_title=known_title, markdown=markdown, wrapped=wrapped, opts=opts)
    meta.boilerplate = [boiler[i] for i in sorted(boiler)]
    if wrapped:
        _unwrap(lines)

    body, starts = _join(lines)
    meta.body = body
    _find_lede(body, starts, lines, meta, opts)
    meta.self_outlet = self_reference(body, opts.min_self_reference)
    return meta


# ----------------------------------------------------------------------------- header


def _strip_header(lines: list[str | None], meta: TextMeta, boiler: dict[int, str], *,
                  known_title: str | None, markdown: bool, wrapped: bool, opts: IngestOptions) -> None:
    """Remove headline, byline and date furniture from the top; stop at the first line of prose."""
    seen = 0
    title_at: int | None = None
    for i, raw in enumerate(lines):
        if raw is None or not raw.strip():
            continue
        seen += 1
        if seen > opts.header_lines:
            return
        line = _unmarkdown(raw.strip()) if markdown else raw.strip()
        if _take_segments(line, meta, opts.max_byline_words):
            meta.stamps.append(line)
            lines[i] = None
            continue
        rest = _take_date_markers(line, meta)
        if rest is not None and rest != line:
            if not rest:  # the whole line was date markers
                lines[i] = None
                continue
            lines[i] = rest  # markers printed before the lede: remove them, the rest is prose
            line = rest
            if _take_byline(line, meta, opts.max_byline_words):
                lines[i] = None
                continue
            return
        glued = _GLUED_LABEL.match(line)  # "todayMay 2, 2024": a widget label glued to the date
        if _is_bare_date(line) or (glued and _is_bare_date(line[glued.end():])):
            meta.published = meta.published or parse_date(line[glued.end():] if glued else line)
            meta.stamps.append(line[glued.end():] if glued else line)
            lines[i] = None
            continue
        if _take_byline(line, meta, opts.max_byline_words):
            lines[i] = None
            continue
        if lede_match(line) is not None:
            return
        nxt = _next_nonempty(lines, i)
        if meta.title is None and nxt is not None and _page_title_of(line, nxt.strip(), opts.headline_chars):
            # "Headline – Site" over "Headline": the page's <title> pasted with the page
            head, site = _page_title_of(line, nxt.strip(), opts.headline_chars)  # type: ignore[misc]
            meta.page_outlet = meta.page_outlet or outlet_name(site)
            boiler[i] = line
            lines[i] = None
            continue
        if (meta.title is None and title_at is None and seen == 1 and len(line.split()) == 1
                and nxt is not None and not _ends_sentence(line)
                and _is_headline(nxt.strip(), nxt.strip(), lines, lines.index(nxt, i + 1), known_title,
                                 markdown, wrapped, opts)):
            boiler[i] = line  # a lone word over the headline: a widget or section label
            lines[i] = None
            continue
        if meta.title is None and _is_headline(raw.strip(), line, lines, i, known_title, markdown, wrapped, opts):
            if known_title is None:
                meta.title = _clean_title(line)
                title_at = i
            lines[i] = None
            continue
        if (title_at is not None and meta.title and len(meta.title.split()) <= opts.kicker_words
                and len(line.split()) > len(meta.title.split())
                and _is_headline(raw.strip(), line, lines, i, None, markdown, wrapped, opts)):
            # "National News" over the real headline: the first line was a section label (kicker)
            boiler[title_at] = meta.title
            meta.title = _clean_title(line)
            title_at = i
            lines[i] = None
            continue
        return


_GLUED_LABEL = re.compile(r"[a-z]{2,12}(?=[A-Z])")
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def _page_title_of(line: str, nxt: str, headline_chars: int) -> tuple[str, str] | None:
    """("Headline", "Site") when ``line`` is ``nxt`` followed (or preceded) by a site name after a
    bar or dash, as a page's <title> reads."""
    parts = _TITLE_SEPARATOR.split(line)
    if len(parts) < 2 or len(line) > headline_chars + 60:
        return None
    for head, site in ((" ".join(parts[:-1]), parts[-1]), (" ".join(parts[1:]), parts[0])):
        if _squash(head) == _squash(nxt) and 0 < len(site.split()) <= 5 and _titled_words(site):
            return head, site
    return None


def _titled_words(text: str) -> bool:
    words = text.split()
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in MINOR_WORDS for w in words)


def _take_date_markers(line: str, meta: TextMeta) -> str | None:
    """Consume ``Published ...``/``Updated ...``/``date ...`` markers at the start of ``line``.

    Returns the rest of the line (``""`` when the line was only markers), or None when it has none.
    """
    pos = 0
    found = False
    while True:
        m = MARKER_RE.match(line, pos)
        if not m or parse_date(m["date"]) is None:
            month = MONTH_MARKER_RE.match(line, pos)
            if month is None or parse_month(month["month"]) is None:
                break
            if not any(w in month["kind"].lower() for w in ("updated", "modified")):
                meta.published_month = meta.published_month or parse_month(month["month"])
            found = True
            meta.stamps.append(line[month.start():month.end("month")])
            pos = month.end()
            continue
        iso = parse_date(m["date"])
        if iso is None:
            break
        kind = m["kind"].lower()
        if "updated" in kind or "modified" in kind:
            meta.updated = meta.updated or iso
        else:
            meta.published = meta.published or iso
        found = True
        meta.stamps.append(line[m.start():m.end("date")])
        pos = m.end()
    return line[pos:].strip() if found else None


_SEGMENT_SPLIT = re.compile(r"\s+[|/·•]\s+|,\s+(?=(?i:updated|published|posted|modified)\b)")
_CLOCK = re.compile(r"(?:(?i:updated|published|posted|modified)\s*:?\s*(?:at\s+)?)?"
                    r"(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)(?:\s+[A-Z]{2,4})?"
                    r"|\d{1,2}:\d{2}(?:\s+[A-Z]{2,4})?)")


def _take_segments(line: str, meta: TextMeta, max_words: int) -> bool:
    """A header line of date, time and outlet segments ("May 6, 2025 / 3:04 PM / CBS News")."""
    segments = _SEGMENT_SPLIT.split(line.strip())
    if len(segments) < 2 or len(line.split()) > max_words:
        return False
    date = updated = outlet = None
    for seg in segments:
        seg = seg.strip(" .")
        marker = MARKER_RE.fullmatch(seg + " ")
        if marker and parse_date(marker["date"]):
            if "updated" in marker["kind"].lower() or "modified" in marker["kind"].lower():
                updated = updated or parse_date(marker["date"])
            else:
                date = date or parse_date(marker["date"])
        elif _is_bare_date(seg):
            date = date or parse_date(seg)
        elif _CLOCK.fullmatch(seg):
            continue
        elif looks_like_outlet(seg) and outlet is None:
            outlet = seg
        else:
            return False
    if not (date or updated):
        return False
    meta.published = meta.published or date
    meta.updated = meta.updated or updated
    meta.byline_outlet = meta.byline_outlet or outlet_name(outlet)
    return True


def _is_bare_date(line: str) -> bool:
    return DATE_RE.fullmatch(line.strip(" .|")) is not None and parse_date(line.strip(" .|")) is not None


def _is_headline(raw: str, line: str, lines: list[str | None], i: int, known_title: str | None,
                 markdown: bool, wrapped: bool, opts: IngestOptions) -> bool:
    nxt = _next_nonempty(lines, i)
    if nxt is None:  # a lone line is the article, not its headline
        return False
    nxt_line = nxt.strip()
    glued = _GLUED_LABEL.match(nxt_line)
    if nxt_line[:1].islower() and not (glued and _is_bare_date(nxt_line[glued.end():])):
        return False  # the sentence goes on: a wrapped line, not a headline
    furniture_next = (parse_byline(nxt_line, opts.max_byline_words) is not None or parse_signature(nxt_line) is not None
                      or _take_date_markers(nxt_line, TextMeta(body="")) is not None
                      or _is_bare_date(nxt_line)
                      or (glued is not None and _is_bare_date(nxt_line[glued.end():]))
                      or lede_match(nxt_line) is not None)
    directly_followed = i + 1 < len(lines) and bool((lines[i + 1] or "").strip())
    if wrapped and directly_followed and not furniture_next and not (markdown and raw.startswith("#")):
        return False  # in hard-wrapped text a headline stands apart (blank line) or before furniture
    if known_title is not None:
        return _squash(_clean_title(line)) == _squash(known_title)
    if markdown and raw.startswith("#"):
        return True
    words = line.split()
    if len(words) > opts.headline_words or len(line) > opts.headline_chars or len(words) < 2:
        return False
    if line.rstrip("”\"’')]")[-1:] in (",", ":", ";") or line[0].islower() or line[0] in "([":
        return False
    title_case = _is_title_case(line)
    if _sentence_count(line) > 1 and not title_case:
        return False  # two sentences of prose
    if not _ends_sentence(line):
        return True
    # A line ending with a period: a headline or dek if the furniture that opens an article
    # (byline, date line, dateline/outlet tag) follows it, if it is set in Title Case (ledes never
    # are), or if it stands alone as a short paragraph that reads as headlinese rather than as a lede.
    if furniture_next or title_case:
        return True
    return not directly_followed and _reads_as_headline(line, opts.short_headline_words)


def _is_title_case(line: str) -> bool:
    """Every word of four letters or more capitalized (one exception allowed in long headlines)."""
    words = [w.strip("“”\"‘’'()[],.:;!?") for w in line.split()[1:]]
    long = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    lower = sum(1 for w in long if not w[:1].isupper())
    return len(long) >= 2 and lower <= (1 if len(long) >= 6 else 0)


def _reads_as_headline(line: str, max_words: int) -> bool:
    """A short sentence-case line that lacks the marks of a lede: ledes open with an article,
    preposition or pronoun, say when ("on Tuesday") and who said so ("said", "told"), or address the
    reader ("I", "you"); headlines drop articles and use the present tense."""
    words = line.split()
    if len(words) > max_words:
        return False
    return not (_LEDE_OPENING.match(line) or _LEDE_WORDS.search(line) or _PERSONAL.search(line))


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip("”\"’')]")
    return stripped.endswith((".", "…")) and not stripped.endswith("...")


def _sentence_count(line: str) -> int:
    # Sentence ends: ". " followed by a capital, skipping initials and common abbreviations.
    ends = re.findall(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bGov)(?<!\bSen)"
                      r"(?<!\bRep)(?<!\bGen)(?<!\bU\.S)[.!?][”\"’']?\s+[A-Z“\"]", line)
    return len(ends) + 1


def _next_nonempty(lines: list[str | None], i: int) -> str | None:
    for line in lines[i + 1:]:
        if line is not None and line.strip():
            return line
    return None


def _unmarkdown(line: str) -> str:
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"^(\*\*|__|\*|_)(.+)\1$", r"\2", line)
    return line.strip()


def _clean_title(line: str) -> str:
    return " ".join(line.split())


def _squash(s: str) -> str:
    return re.sub(r"\W+", "", s.casefold())


# ----------------------------------------------------------------------------- bylines


def _take_byline(line: str, meta: TextMeta, max_words: int) -> bool:
    parsed = parse_byline(line, max_words) or parse_signature(line)
    if parsed is None:
        return False
    meta.byline.extend(n for n in parsed.names if n not in meta.byline)
    meta.byline_outlet = meta.byline_outlet or outlet_name(parsed.outlet)
    if parsed.date:
        meta.published = meta.published or parsed.date
    return True


def _take_credit(line: str, meta: TextMeta) -> bool:
    """A credit line naming where (and when, by whom) a republished story first appeared."""
    if not line or len(line.split()) > 40:
        return False
    m = _CREDIT_RE.fullmatch(line)
    if not m or not looks_like_outlet(m["outlet"].strip()) and not _titled(m["outlet"]):
        return False
    meta.credit_outlet = meta.credit_outlet or outlet_name(re.sub(r"^the\s+", "The ", m["outlet"]))
    if m["names"]:
        names = split_names(m["names"].strip())
        if names:
            meta.byline.extend(n for n in names if n not in meta.byline)
    if m["date"]:
        meta.original_date = meta.original_date or parse_date(m["date"])
    return True


def _titled(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in MINOR_WORDS
                                       for w in words)


_COPYRIGHT_RE = re.compile(
    r"(?:[™®]\s*(?:&\s*)?)?(?:Copyright|COPYRIGHT|©|\([cC]\))(?:\s*(?:©|\([cC]\)))?\s*"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:by\s+)?(?P<owner>[^.,;|©]+?)\s*(?:[.,;|]\s*(?:Inc\.?|LLC|Ltd\.?)?)?"
    r"\s*(?:All\s+rights\s+reserved\b.*)?")


def copyright_owner(line: str) -> str | None:
    """The publisher a copyright line names ("Copyright © 2024, Example Audio. All rights reserved.")."""
    m = _COPYRIGHT_RE.fullmatch(line.strip())
    if not m:
        return None
    owner = re.sub(r"^(?:the\s+)", "The ", m["owner"].strip())
    if not _titled(owner) or re.search(r"\d|(?i:rights|reserved|copyright)", owner):
        return None
    return outlet_name(owner)


# "told Example News", "shared with Example News", "contacted ... by Example News",
# "Example News has not confirmed": the outlet speaking of itself in the third person.
_OUTLET_NAME = r"(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|and|&)){0,3}"
_SELF_BEFORE = re.compile(
    r"\b(?:told|tells|telling|said\s+to|confirmed\s+to|explained\s+to|shared\s+with|provided\s+to|sent\s+to"
    r"|(?:in\s+)?a\s+statement\s+to|in\s+an\s+interview\s+with|spoke\s+(?:to|with)|(?:was|were)\s+"
    r"(?:contacted|reached|asked|interviewed)(?:\s+\w+){0,5}?\s+by|(?:when|after|before)\s+"
    r"(?:contacted|reached|asked)(?:\s+\w+){0,5}?\s+by)\s+(?P<o>" + _OUTLET_NAME + r")")
_SELF_AFTER = re.compile(
    r"(?P<o>" + _OUTLET_NAME + r")\s+(?:has|had|could|was|is)\s+"
    r"(?:not\s+|been\s+|unable\s+to\s+|able\s+to\s+)?"
    r"(?:independently\s+)?(?:confirm(?:ed)?|verif(?:y|ied)|reach(?:ed)?\s+out|contact(?:ed)?|obtain(?:ed)?"
    r"|review(?:ed)?|reached|requested)\b")


# "told OUTLET" alone is as often a citation of another outlet's interview as the outlet's own
# reporting, so it weighs 1; contact and verification phrases ("contacted by", "shared with", "has
# not confirmed") weigh 2; IngestOptions.min_self_reference points are needed.
_TOLD = re.compile(r"^\s*(?:told|tells|telling|said\s+to)\b")


def self_reference(body: str, min_points: int = IngestOptions().min_self_reference) -> str | None:
    """The outlet a text refers to as itself, as a reporter does ("told Example News", "Example
    News has not independently verified"), or None.

    Only names that are plainly outlets count (a known outlet, or a name ending in a newspaper or
    broadcast word such as "News", "Times", "Insider"): "told the FBI" is not an outlet. When several
    outlets are named so, the most frequent wins; a tie means nothing is known.
    """
    counts: dict[str, int] = {}
    for rx in (_SELF_BEFORE, _SELF_AFTER):
        for m in rx.finditer(body):
            name = _trim_outlet(m["o"])
            if name:
                weight = 1 if _TOLD.match(m[0]) else 2
                counts[name] = counts.get(name, 0) + weight
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < min_points or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return outlet_name(ranked[0][0])


def _trim_outlet(name: str) -> str | None:
    """The longest leading part of ``name`` that is plainly an outlet ("Example News on Friday" →
    "Example News"), or None."""
    name = re.sub(r"^the\s+", "The ", name.strip())
    name = re.split(r"['’]s\b", name)[0]  # "CNN’s Wolf Blitzer" → "CNN"
    words = name.split()
    for k in range(len(words), 0, -1):
        part = " ".join(words[:k]).rstrip(".,'’")
        bare = part.removeprefix("The ")
        if is_known_outlet(part) or is_known_outlet(bare):
            return part
        if k >= 2 and bare.split() and bare.split()[-1].lower() in OUTLET_WORDS and len(bare.split()) >= 2:
            return part
    return None


# ----------------------------------------------------------------------------- lede


@dataclass(slots=True)
class Lede:
    """The dateline/outlet tag printed at the start of a lede; offsets are into the line."""

    end: int  # where the prose starts
    dateline: tuple[int, int] | None = None
    tag: tuple[int, int] | None = None


def lede_match(line: str) -> Lede | None:
    """The dateline and/or outlet tag opening ``line`` ("DENVER —", "WASHINGTON (Reuters) -",
    "(CNN) —", "The Center Square) ..."), or None."""
    glued = _glued_agency(line)
    if glued is not None:
        return glued
    m = _LEDE_RE.match(line)
    if m and m["tag"] and not m["dateline"] and m["dash"] and _is_parenthesized_place(m["tag"]):
        return Lede(end=m.end(), dateline=m.span("tag"))  # "(BALTIMORE) —": a dateline in parentheses
    if m and (m["dateline"] or m["tag"]) and (m["dash"] or m["tag"]):
        dateline = m.span("dateline") if m["dateline"] else None
        if dateline and m["dateline"].split(",")[0].strip().lower() in LEDE_LABELS:
            dateline = None
        tag = m.span("tag") if m["tag"] and _is_tag(m["tag"]) else None
        if m["tag"] and tag is None:
            return None
        if dateline and not m["dash"] and not tag:
            return None
        if dateline and is_known_outlet(m["dateline"]):  # "CNN — ..." names an outlet, not a place
            dateline = None
        if dateline or tag:
            if tag and dateline is None and m["dateline"]:
                return None  # "(Something) ..." preceded by words that are not a place
            return Lede(end=m.end(), dateline=dateline, tag=tag)
    lost = _LOST_TAG_RE.match(line)
    if lost and _is_tag(lost["tag"]) and looks_like_outlet(lost["tag"]):
        return Lede(end=lost.end(), tag=lost.span("tag"))
    return None


def _is_parenthesized_place(tag: str) -> bool:
    """"(BALTIMORE)", "(NEW YORK)": a place in capitals, not a call sign or acronym ("(KRDO)",
    "(WBAL-TV)", "(CNN)"), which are short or carry digits or hyphens."""
    words = tag.replace(",", " ").split()
    if not words or is_known_outlet(tag) or words[-1].lower() in OUTLET_WORDS:
        return False
    if not all(re.fullmatch(r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’]*", w) for w in words):
        return False
    return len(words) >= 2 or len(words[0].strip(".")) >= 5


_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z]{2})")


def _glued_agency(line: str) -> Lede | None:
    """"Associated PressCHICAGO — ...": an agency name glued to the dateline when copied."""
    m = _GLUED.search(line, 0, 50)
    if m is None:
        return None
    k = m.start()
    agency = line[:k]
    if not (is_known_outlet(agency) or looks_like_outlet(agency)):
        return None
    rest = _LEDE_RE.match(line, k)
    if rest is None or not rest["dateline"] or not rest["dash"] or rest["tag"]:
        return None
    return Lede(end=rest.end(), dateline=rest.span("dateline"), tag=(0, k))


def _is_tag(tag: str) -> bool:
    tag = tag.strip()
    words = tag.split()
    if not words or len(words) > 6 or not (tag[0].isupper() or tag[0].isdigit()):
        return False
    if DATE_RE.search(tag) or re.search(r"\d{4}", tag):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in MINOR_WORDS for w in words)


def _find_lede(body: str, starts: dict[int, int], lines: list[str | None], meta: TextMeta,
               opts: IngestOptions) -> None:
    """Record the dateline/outlet tag of the first paragraphs of the body (they stay in the body)."""
    searched = 0
    for i, line in enumerate(lines):
        if line is None or not line.strip() or i not in starts:
            continue
        searched += 1
        if searched > opts.strong_lede_search:
            return
        lead = len(line) - len(line.lstrip())
        line = line[lead:]
        lede = lede_match(line)
        if lede is None or searched > opts.lede_search and not (lede.dateline and lede.tag):
            continue  # below the first paragraphs only a full "PLACE (Agency) —" opening counts
        offset = starts[i] + lead
        if lede.dateline:
            s, e = lede.dateline
            meta.dateline = line[s:e].strip()
            meta.dateline_span = (offset + s, offset + s + len(line[s:e].rstrip()))
        if lede.tag:
            s, e = lede.tag
            meta.tag_outlet = outlet_name(line[s:e])
            meta.tag_span = (offset + s, offset + e)
        return


# ----------------------------------------------------------------------------- boilerplate


def _is_anywhere_boilerplate(line: str) -> bool:
    return bool(line) and any(r.fullmatch(line) for r in _ANYWHERE_RES)


def _strip_trailer(lines: list[str | None], boiler: dict[int, str], meta: TextMeta) -> None:
    """Remove boilerplate (and date) lines from the end, stopping at the first line of prose."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line is None or not line.strip():
            continue
        s = line.strip()
        if len(s.split()) <= 60 and any(r.fullmatch(s) for r in _TRAILER_RES):
            boiler[i] = s
            meta.copyright_outlet = meta.copyright_outlet or copyright_owner(s)
            lines[i] = None
            continue
        taken = len(meta.stamps)
        rest = _take_date_markers(s, meta)
        if rest == "":
            lines[i] = None
            continue
        del meta.stamps[taken:]  # the line stays in the body: so do its dates
        return


# ----------------------------------------------------------------------------- body

_LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)])\s+")


def is_hard_wrapped(lines: list[str | None]) -> bool:
    """True when paragraphs are broken into lines of a fixed width (e-mail, wire copy, terminals):
    most lines that continue a paragraph come close to the widest typical line."""
    kept = [line.rstrip() for line in lines if line is not None]
    nonempty = [line for line in kept if line.strip()]
    if len(nonempty) < 4:
        return False
    lengths = sorted(len(line) for line in nonempty)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > 100 or width < 30:
        return False
    inner = [a for a, b in zip(kept, kept[1:], strict=False) if a.strip() and b.strip()]
    if len(inner) < 0.5 * len(nonempty):
        return False
    return sum(len(a) >= 0.6 * width for a in inner) >= 0.8 * len(inner)


def _unwrap(lines: list[str | None]) -> None:
    """Join the lines of each paragraph of hard-wrapped text with spaces (list items stay apart)."""
    current: int | None = None
    for i, line in enumerate(lines):
        if line is None or not line.strip():
            current = None
            continue
        if current is not None and not _LIST_ITEM.match(line):
            lines[current] = f"{lines[current]} {line.strip()}"
            lines[i] = None
        else:
            current = i


def _join(lines: list[str | None]) -> tuple[str, dict[int, int]]:
    """Join the kept lines, with at most one blank line in a row and none at either end.

    Returns the body and, for every kept line index, its start offset in the body.
    """
    out: list[str] = []
    starts: dict[int, int] = {}
    pos = 0
    pending_blank = False
    for i, line in enumerate(lines):
        if line is None:
            continue
        if not line.strip():
            pending_blank = bool(out)
            continue
        if out:
            sep = "\n\n" if pending_blank else "\n"
            out.append(sep)
            pos += len(sep)
        pending_blank = False
        starts[i] = pos
        out.append(line)
        pos += len(line)
    return "".join(out), starts
