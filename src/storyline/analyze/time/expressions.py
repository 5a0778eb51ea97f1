"""Time expressions of one article, normalized against its publication date (or an inferred range).

Order of work in :func:`analyze_time`:

1. candidates from the rules in :mod:`storyline.analyze.time.rules`, checked against the spaCy
   parse (a bare "2000" that spaCy calls CARDINAL/MONEY, or that counts a plural noun as in
   "2000 protesters", is a number) and reduced to a non-overlapping set;
2. the tense of the clause each expression sits in (spaCy morphology + auxiliaries): "in May" in a
   past-tense sentence is the May before publication, in a future-tense one the May after;
3. the anchor: the publication date when known; when the basis is ``unknown``, a range inferred
   from the content (not before the latest absolute date reported in the past tense, not after the
   earliest absolute date firmly announced in the future tense; dates that only modify a noun,
   "the 2028 election", do not count);
4. each relative expression is resolved at both ends of the anchor range; where the two differ it
   is ``resolved: False``, its value masked (``XXXX-05``) and its bounds span both; an open end
   leaves that bound ``None``. Context expressions ("two days later", "the next day") count from
   the date the text mentioned last.

At the story level, :func:`storyline.story.timeline.refine_publication` can narrow an undated
article's range from other outlets; :func:`reresolve` then resolves its expressions again.

:func:`furniture_timexes` tags the parts of the article that ingest took out of the body: the
headline, the date stamps (``date 2025-05-05``, ``Updated Oct. 9, 2025 at 2:05 PM ET``) and the
boilerplate lines (credit lines, copyright years). TimeML annotates the document creation time as
a TIMEX3 (``functionInDocument="CREATION_TIME"``), and a headline's "25 years" is as much the
article's as the lede's; their offsets point into the part named by ``TimeExpr.part``. With no
parse of these short strings, rules that need one are left out there (appositive ages; a bare year
only stands when no word follows it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from storyline.analyze.time.calendar import (
    REF_VALUES,
    granularity,
    iso,
    mask_values,
    parse_iso,
    value_bounds,
)
from storyline.analyze.time.rules import Cand, Resolved, find_candidates, select
from storyline.lexicon.en.time import FUTURATE_VERBS, FUTURE_AUXILIARIES, FUTURE_HEADS, SCHEDULING_VERBS
from storyline.model import Article, PubDate, Quote, TimeExpr, TimexAnchor
from storyline.safedate import DATE_ERRORS
from storyline.spans import line_bounds

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["analyze_time", "candidate_at", "clause_tense", "furniture_parts", "post_signature",
           "furniture_timexes", "governing_verb", "infer_publication", "post_times", "reresolve", "resolve_at",
           "resolve_candidates", "speech_times", "verb_tense"]

# The signature an embedded social-media post ends with, before its date (the embed markup of
# X/Twitter, Threads, Bluesky and Mastodon quotes pasted as text): "— Name (@handle)".
_POST_SIGNATURE = re.compile(r"[—–-]\s*[^—–\n]{1,80}?\(@\w{1,30}(?:@[\w.-]+)?\)\s*$")


def post_signature(text: str, start: int, end: int) -> re.Match[str] | None:
    """The signature of an embedded post ("— Dana Reyes (@danareyes)") that the date at
    ``start:end`` of ``text`` closes: the signature on the date's line before it, and nothing but
    closing punctuation after the date on that line; else None."""
    line_start, line_end = line_bounds(text, start, end)
    if text[end:line_end].strip(" .)"):
        return None
    return _POST_SIGNATURE.search(text, line_start, start)
_MONTH_DAY_UNKNOWN_YEAR = re.compile(r"^XXXX-(\d\d)-(\d\d)")
_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}


# ----------------------------------------------------------------------------- tense


def _span_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def verb_tense(v: Token, depth: int = 0) -> str:
    """past / present / future of one verb, from its tag and its auxiliaries."""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if aux_words & FUTURE_AUXILIARIES:
        return "future"
    if "going" in aux_words or (v.lower_ == "going" and any(c.dep_ == "xcomp" for c in v.children)):
        return "future"
    if v.tag_ == "VBN" and v.lemma_.lower() in SCHEDULING_VERBS and "had" not in aux_words \
            and any(a.dep_ == "auxpass" for a in auxes):
        return "future"  # "a hearing has been scheduled for June 3", "the vote is set for Monday"
    if any(a.tag_ == "VBD" for a in auxes) or {"has", "have", "'ve", "had", "did"} & aux_words:
        return "past"
    if v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBN" and "to" not in aux_words:  # ("to be held": the infinitive rules below)
        return "present" if {"is", "are", "am", "'s", "'re", "being"} & aux_words else "past"
    if v.tag_ in ("VB", "VBN") and "to" in aux_words and depth < 3 and v.head is not v:
        head = v.head
        if v.dep_ == "acl":  # "an event to be held on October 12"
            return "future"
        if head.lemma_.lower() in FUTURE_HEADS:
            return "future"
        if head.pos_ in ("VERB", "AUX"):
            return verb_tense(head, depth + 1)
    if v.tag_ == "VBG" and not auxes and v.dep_ in ("advcl", "acl", "xcomp", "conj") and depth < 3 \
            and v.head is not v and v.head.pos_ in ("VERB", "AUX"):
        return verb_tense(v.head, depth + 1)  # a participle clause ("…, calling it …") has no tense of its own
    if v.tag_ in ("VBZ", "VBP") and not auxes and v.lemma_.lower() in FUTURATE_VERBS:
        return "future"  # "the trial begins Monday": a planned event (lexicon/en/time.py)
    if v.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        if v.tag_ == "VBG" and {"was", "were"} & aux_words:
            return "past"
        return "present"
    if v.pos_ == "AUX" and v.tag_ == "VBD":
        return "past"
    return "past"


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb a time expression attaches to (walking up the dependency tree), if any."""
    span = _span_of(doc, start, end)
    if span is None:
        return None
    tok = span.root
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX") and not (tok.i >= span.start and tok.i < span.end):
            return tok
        if tok.head is tok:
            break
        tok = tok.head
    root = span.sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def clause_tense(doc: Doc, start: int, end: int) -> str:
    """Tense of the clause governing the characters ``start:end``: past, present or future."""
    verb = governing_verb(doc, start, end)
    if verb is not None:
        return verb_tense(verb)
    span = _span_of(doc, start, end)
    if span is None:
        return "past"
    tags = {t.tag_ for t in span.sent}
    return "past" if "VBD" in tags else "present" if tags & {"VBZ", "VBP"} else "past"


# ----------------------------------------------------------------------------- candidates


def _keep(doc: Doc | None, c: Cand) -> bool:
    """spaCy checks for rules that need them (see module doc)."""
    if doc is None or c.check is None:
        return True
    span = _span_of(doc, c.start, c.end)
    if span is None:
        return True
    if c.check == "year":
        # a bare four-digit number spaCy reads as a count or amount is not a year
        if any(t.ent_type_ in _NUMERIC_ENTS for t in span):
            return False
        # "2000 protesters": a number counting a plural noun (but "the 2020 results" is a year)
        root = span.root
        before = doc[span.start - 1] if span.start > 0 else None
        determined = before is not None and before.tag_ in ("DT", "PRP$", "POS")
        return not (root.dep_ == "nummod" and root.head.tag_ == "NNS" and not determined)
    if c.check == "age":
        # "Ruiz, 54, said": the number stands beside a name or a person noun
        # (not a list of places or numbers: "Riverton, 12, and Oakdale")
        before = doc[span.start - 2] if span.start >= 2 else None
        after = doc[span.end + 1] if span.end + 1 < len(doc) else None
        # (a list goes on after "and": of people named in full it is still ages, "Maria Rivera, 31,
        # and Tom Okafor, 29"; a lone name could be a town the model took for a person)
        full_name = before is not None and span.start >= 3 and before.ent_type_ == "PERSON" and \
            doc[span.start - 3].ent_type_ == "PERSON"
        return before is not None and before.pos_ in ("PROPN", "NOUN") and \
            before.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "MONEY", "CARDINAL", "NORP") and \
            (after is None or after.lower_ not in ("and", "or") or full_name)
    if c.check == "adverb":
        return span.root.pos_ != "ADJ" or span.root.dep_ not in ("amod",)
    return True


def candidates(doc: Doc | None, text: str) -> list[Cand]:
    return select([c for c in find_candidates(text) if _keep(doc, c)])


# ----------------------------------------------------------------------------- resolution


def _bounds(r: Resolved) -> tuple[date | None, date | None]:
    lo, hi = value_bounds(r.value)
    return (r.earliest or lo, r.latest or hi)


def _samples(earliest: date | None, latest: date | None) -> list[date]:
    """Anchor days to resolve at: both ends of the range, or (open range) days spread after it."""
    if earliest and latest:
        return [earliest, latest]
    base = earliest or latest or date(2000, 6, 15)
    spread = [0, 47, 131, 400, 1013]
    return [base + timedelta(days=d if earliest or not latest else -d) for d in spread]


def resolve_candidates(doc: Doc | None, text: str, cands: list[Cand], pub: PubDate,
                       tenses: list[str] | None = None) -> list[TimeExpr]:
    """Turn candidates into TimeExpr against the publication date or range in ``pub``."""
    e = parse_iso(pub.date) or parse_iso(pub.earliest)
    l_ = parse_iso(pub.date) or parse_iso(pub.latest)
    if tenses is None:
        tenses = [clause_tense(doc, c.start, c.end) if doc is not None else "past" for c in cands]
    out: list[TimeExpr] = []
    # context anchors: the day-level date and the date of any granularity mentioned last
    last_day: tuple[date, bool] | None = None
    last_any: tuple[date, bool] | None = None
    month_years: dict[int, int] = {}  # month -> year of the last absolute date in that month
    for i, (c, tense) in enumerate(zip(cands, tenses, strict=False)):
        span_text = text[c.start:c.end]
        if c.context and c.type == "TIME" and (after := _day_after(text, cands, tenses, i, pub)):
            last_day = last_any = after  # "at 7.15 pm, on June 4": the clock time is on the day after it
        if c.rel is None:  # absolute dates, durations, sets
            value = c.value or "XXXX"
            lo, hi = value_bounds(value) if c.type in ("DATE", "TIME") else (None, None)
            anchor: TimexAnchor = "absolute" if c.type in ("DATE", "TIME") else "none"
            te = TimeExpr(c.start, c.end, span_text, c.type, value, iso(lo), iso(hi), anchor, True,
                          tense, c.kind)
        else:
            ctx_anchor = last_any
            if c.context and ctx_anchor is not None and (
                    c.type == "TIME" or granularity(c.rel(ctx_anchor[0], tense).value) == "day"):
                ctx_anchor = last_day  # a day or a clock time needs a day to count from
            if c.context and ctx_anchor is not None:
                ctx, pinned = ctx_anchor
                anchor = "context"
                results = [c.rel(ctx, tense)]
            elif c.context and c.type == "DATE" and (e or l_):
                # "the next day" with no date before it to count from: say only what we know
                shape = c.rel(e or l_, tense).value  # type: ignore[arg-type]
                value = re.sub(r"\d", "X", shape)
                hi = l_ if tense == "past" else None
                out.append(TimeExpr(c.start, c.end, span_text, c.type, value, None, iso(hi),
                                    "context", False, tense))
                continue
            else:
                anchor = "publication"
                results = [c.rel(d, tense) for d in _samples(e, l_)]
                pinned = False
            values = [r.value for r in results]
            value = mask_values(values)
            los = [_bounds(r)[0] for r in results]
            his = [_bounds(r)[1] for r in results]
            if anchor == "context":
                resolved = pinned and value == values[0]
                lo, hi = los[0], his[0]
            else:
                resolved = len(set(values)) == 1 and e is not None and l_ is not None
                # an open end of the anchor range leaves that bound open
                known_los = [x for x in los if x is not None]
                known_his = [x for x in his if x is not None]
                lo = min(known_los) if e is not None and len(known_los) == len(los) else None
                hi = max(known_his) if l_ is not None and len(known_his) == len(his) else None
                if value in REF_VALUES:  # PAST_REF has no lower bound, FUTURE_REF no upper one
                    lo = lo if value != "PAST_REF" else None
                    hi = hi if value != "FUTURE_REF" else None
            if not resolved and c.template and value.startswith("XXXX-XX-XX"):
                value = c.template
            year_of = _MONTH_DAY_UNKNOWN_YEAR.match(value)
            if not resolved and year_of and int(year_of.group(1)) in month_years:
                # "in November 2022 ... filed on November 11": the year the text gave that month
                y, mo, dd = month_years[int(year_of.group(1))], int(year_of.group(1)), int(year_of.group(2))
                try:
                    day = date(y, mo, dd)
                except ValueError:
                    day = None
                if day is not None:
                    value = day.isoformat() + value[len("XXXX-MM-DD"):]
                    lo = hi = day
                    anchor, resolved = "context", True
            te = TimeExpr(c.start, c.end, span_text, c.type, value, iso(lo), iso(hi), anchor,
                          resolved, tense)
        out.append(te)
        if te.anchor == "absolute" and (m := re.match(r"^(\d{4})-(\d\d)(?:-\d\d)?$", te.value)):
            month_years[int(m.group(2))] = int(m.group(1))
        if te.type in ("DATE", "TIME") and te.earliest and te.latest:
            gran = granularity(te.value)
            if gran in ("day", "month", "year"):
                # the date the text mentioned last: "One year later" after "in 1984" is 1985
                last_any = (parse_iso(te.earliest), te.resolved)  # type: ignore[assignment]
            if gran == "day" and te.earliest == te.latest:
                last_day = (parse_iso(te.earliest), te.resolved)  # type: ignore[assignment]
    return out


_CLOCK_THEN_DAY = re.compile(r",?\s+(?:on\s+)?$")


def _day_after(text: str, cands: list[Cand], tenses: list[str], i: int,
               pub: PubDate) -> tuple[date, bool] | None:
    """The day given right after the clock time ``cands[i]`` ("7.15 pm, on June 4"), if any."""
    if i + 1 >= len(cands) or cands[i + 1].type != "DATE":
        return None
    nxt = cands[i + 1]
    if not _CLOCK_THEN_DAY.fullmatch(text[cands[i].end:nxt.start]) or nxt.context:
        return None
    te = resolve_candidates(None, text, [nxt], pub, [tenses[i + 1]])[0]
    if te.earliest is None or te.earliest != te.latest or granularity(te.value) != "day":
        return None
    return parse_iso(te.earliest), te.resolved  # type: ignore[return-value]


# ----------------------------------------------------------------------------- publication range


def _noun_modifier(doc: Doc | None, c: Cand) -> bool:
    """"the 2020 election", "a Nov. 13 filing": the date describes a noun, not the clause's time."""
    span = _span_of(doc, c.start, c.end) if doc is not None else None
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("compound", "nummod", "amod", "poss", "nmod") and \
        root.head.pos_ in ("NOUN", "PROPN")


def _firm_future(doc: Doc | None, c: Cand) -> bool:
    """The clause says outright that it is still to come ("will", "shall", "is scheduled for")."""
    verb = governing_verb(doc, c.start, c.end) if doc is not None else None
    if verb is None:
        return False
    aux = {a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")}
    return bool(aux & {"will", "'ll", "shall", "wo"}) or \
        (verb.tag_ == "VBN" and verb.lemma_.lower() in SCHEDULING_VERBS and
         bool(aux & {"is", "are", "'s", "'re", "has", "have"}))


# prepositions that point at a target or an end, not at when something happened
_TARGET_DATE = re.compile(r"(?i)\b(?:for|until|till|through|to|by|into|beyond|before|ahead\s+of)\s+(?:the\s+)?$")


def infer_publication(doc: Doc | None, text: str, cands: list[Cand], tenses: list[str],
                      given: PubDate) -> PubDate:
    """An honest publication range from the content: not before any absolute date the article
    reports in the past tense, not after any absolute date it firmly announces ("will ... on").
    Dates that only modify a noun ("the 2028 election") and targets or horizons ("approved a plan
    for 2031", "signed through 2030", a range "2031-40") say nothing about when it was written."""
    lo: date | None = parse_iso(given.earliest)
    hi: date | None = parse_iso(given.latest)
    for c, tense in zip(cands, tenses, strict=False):
        if c.rel is not None or c.type not in ("DATE", "TIME") or not c.value:
            continue
        a, b = value_bounds(c.value)
        if a is None or b is None or _noun_modifier(doc, c):
            continue
        if _TARGET_DATE.search(text[max(0, c.start - 16):c.start]) or \
                re.match(r"[-–]\d", text[c.end:c.end + 2]):
            continue  # a plan's or contract's horizon ("approved a plan for 2031", "2031-40")
        if tense == "past":
            lo = a if lo is None or a > lo else lo
        elif tense == "future" and _firm_future(doc, c):
            hi = b if hi is None or b < hi else hi
    if lo and hi and hi < lo:
        hi = None  # contradictory evidence: keep only the lower bound (what was reported happened)
    if lo is None and hi is None:
        return given
    if lo and hi and lo == hi:
        return PubDate(date=iso(lo), earliest=iso(lo), latest=iso(hi), basis="inferred")
    return PubDate(date=None, earliest=iso(lo), latest=iso(hi), basis="inferred")


def candidate_at(text: str, start: int, end: int) -> Cand | None:
    """The rule candidate for the expression at ``text[start:end]`` (to resolve it again against
    another anchor, e.g. a publication range refined from other articles)."""
    for c in find_candidates(text):
        if c.start == start and c.end == end:
            return c
    return None


def resolve_at(cand: Cand, anchor: date, tense: str) -> tuple[date | None, date | None]:
    """Bounds of a relative candidate resolved against one anchor day."""
    if cand.rel is None:
        return value_bounds(cand.value or "")
    return _bounds(cand.rel(anchor, tense))


def reresolve(article: Article, timexes: list[TimeExpr], pub: PubDate) -> list[TimeExpr]:
    """The same expressions resolved again against ``pub`` (a publication range narrowed at the
    story level), keeping each one's tense. No parse needed: spans and tenses are known.
    Expressions outside the body (``part`` other than ``text``) are resolved in their own part."""
    texts = dict(furniture_parts(article))
    texts["text"] = article.text
    out: list[TimeExpr] = []
    for part in dict.fromkeys(t.part for t in timexes):
        if part not in texts:  # a part the article no longer has: keep those as they were
            out.extend(t for t in timexes if t.part == part)
            continue
        for t in _reresolve_in(texts[part], [t for t in timexes if t.part == part], pub):
            t.part = part
            out.append(t)
    return out


def _reresolve_in(text: str, timexes: list[TimeExpr], pub: PubDate) -> list[TimeExpr]:
    index: dict[tuple[int, int], Cand] = {}
    for cand in find_candidates(text):
        index.setdefault((cand.start, cand.end), cand)
    out: list[TimeExpr] = []
    for t in timexes:
        c = index.get((t.start, t.end))
        if c is None:  # should not happen: every span came from the rules
            out.append(t)
            continue
        try:
            new = resolve_candidates(None, text, [c], pub, [t.tense or "past"])[0]
            new.function = t.function
            out.append(new)
        except DATE_ERRORS:  # the new anchor puts this one past the calendar's edge: keep it as was
            out.append(t)
    # context anchors follow the document order: resolve those again in sequence
    if any(t.anchor == "context" for t in out + timexes):
        cands = [index.get((t.start, t.end)) for t in timexes]
        if all(c is not None for c in cands):
            try:
                redone = resolve_candidates(None, text, cands, pub,  # type: ignore[arg-type]
                                            [t.tense or "past" for t in timexes])
                for new, t in zip(redone, timexes, strict=True):
                    new.function = t.function
                out = redone
            except DATE_ERRORS:
                pass
    return out


_UPDATE_STAMP = re.compile(r"(?i)\W*(?:last\s+)?(?:updated|modified)\b")


def furniture_parts(article: Article) -> list[tuple[str, str]]:
    """(part name, string) for every piece of ``article`` outside its body (see TimeExpr.part)."""
    parts = [("title", article.title)] if article.title else []
    parts += [(f"stamps/{i}", s) for i, s in enumerate(article.stamps)]
    parts += [(f"boilerplate/{i}", s) for i, s in enumerate(article.boilerplate)]
    return parts


def _keep_unparsed(string: str, c: Cand) -> bool:
    """Rule checks without a parse: a bare year stands only when no word follows it ("© 2024,
    Outlet" is a year, "2000 protesters" a count); ages and the like need the parse."""
    if c.check is None:
        return True
    return c.check == "year" and re.match(r"\s*[A-Za-z]", string[c.end:]) is None


def furniture_timexes(article: Article, pub: PubDate) -> list[TimeExpr]:
    """Time expressions in the headline, date stamps and boilerplate of ``article`` (see the module
    doc), resolved against ``pub``; a stamp's dates carry their TimeML function."""
    out: list[TimeExpr] = []
    for part, string in furniture_parts(article):
        cands = select([c for c in find_candidates(string) if _keep_unparsed(string, c)])
        function = None
        if part.startswith("stamps/"):
            function = "MODIFICATION_TIME" if _UPDATE_STAMP.match(string) else "CREATION_TIME"
        for t in resolve_guarded(None, string, cands, pub, ["past"] * len(cands)):
            t.part = part
            if function and t.type in ("DATE", "TIME"):
                t.function = function
            out.append(t)
    return out


def analyze_time(doc: Doc, article: Article) -> tuple[PubDate, list[TimeExpr]]:
    """Every time expression of ``article`` (spans into ``article.text``), and its publication date:
    unchanged when known from metadata or text, otherwise a range inferred from the content."""
    text = article.text
    cands = candidates(doc, text)
    tenses = [clause_tense(doc, c.start, c.end) for c in cands]
    pub = article.published
    # no day known (none at all, a range inferred earlier, or a month-only date line): infer within it
    if pub.date is None and pub.basis != "metadata":
        try:
            pub = infer_publication(doc, text, cands, tenses, pub)
        except DATE_ERRORS:  # an inference that leaves the calendar (year 0001/9999): none
            pass
    timexes = resolve_guarded(doc, text, cands, pub, tenses)
    return pub, timexes


def resolve_guarded(doc: Doc | None, text: str, cands: list[Cand], pub: PubDate,
                    tenses: list[str]) -> list[TimeExpr]:
    """:func:`resolve_candidates`, dropping the expressions whose value leaves the calendar
    (e.g. "next week" counted from 9999-12-31): the others are kept, in order."""
    try:
        return resolve_candidates(doc, text, cands, pub, tenses)
    except DATE_ERRORS:
        pass
    keep = []
    for c, tense in zip(cands, tenses, strict=False):
        try:
            resolve_candidates(doc, text, [c], pub, [tense])
            keep.append((c, tense))
        except DATE_ERRORS:
            continue
    try:
        return resolve_candidates(doc, text, [c for c, _ in keep], pub, [t for _, t in keep])
    except DATE_ERRORS:  # context chains that only overflow together: resolve each on its own
        return [te for c, tense in keep for te in resolve_candidates(doc, text, [c], pub, [tense])]


def speech_times(doc: Doc, article: Article, timexes: list[TimeExpr],
                 quotes: Sequence[Quote]) -> list[TimeExpr]:
    """Relative expressions inside a quotation resolved against the day the words were said.

    "'We reopen tomorrow,' the mayor said on Friday" in a Sunday article: "tomorrow" is the
    Saturday after that Friday, not Monday. The day of speech is a resolved day-level expression
    outside the quotation, in its sentence, that the quotation's cue verb governs ("said on
    Friday", "told reporters Tuesday"). Expressions counted from publication inside the quotation
    are resolved again against that day (``anchor = "context"``); the others stay.
    """
    out = list(timexes)
    text = article.text
    for q in quotes:
        if not q.cue:
            continue
        inside = [i for i, t in enumerate(out) if q.start <= t.start and t.end <= q.end
                  and t.anchor == "publication"]
        if not inside:
            continue
        day = _speech_day(doc, out, q)
        if day is None or day == (article.published.date or ""):
            continue
        pub = PubDate(date=day, earliest=day, latest=day, basis="text")
        for i in inside:
            out[i] = _counted_from(text, out[i], pub) or out[i]
    return out


def _counted_from(text: str, t: TimeExpr, pub: PubDate) -> TimeExpr | None:
    """``t`` (a relative expression) resolved again as counted from ``pub`` instead of the
    article's publication (``anchor = "context"``); None when it is not relative or does not
    resolve."""
    c = candidate_at(text, t.start, t.end)
    if c is None or c.rel is None or c.context:
        return None
    try:
        new = resolve_candidates(None, text, [c], pub, [t.tense or "past"])[0]
    except DATE_ERRORS:
        return None
    new.anchor = "context"
    return new


def post_times(article: Article, timexes: list[TimeExpr]) -> list[TimeExpr]:
    """Relative expressions inside an embedded post resolved against the post's own date.

    A post pasted into an article ends with its signature and date ("We lost power last night. —
    Dana Reyes (@danareyes) March 3, 2025"): its "last night" is the night before March 3, not
    before the article's publication. Expressions counted from publication in the post's text
    (the signature's line, before the signature) are resolved again against the signature's
    date when that date is one resolved day (``anchor = "context"``); the others stay.
    """
    out = list(timexes)
    text = article.text
    for i, t in enumerate(timexes):
        if t.part != "text" or not (t.resolved and t.type == "DATE" and t.earliest and t.earliest == t.latest):
            continue
        sig = post_signature(text, t.start, t.end)
        if sig is None or t.earliest == (article.published.date or ""):
            continue
        line_start = line_bounds(text, t.start)[0]
        pub = PubDate(date=t.earliest, earliest=t.earliest, latest=t.earliest, basis="text")
        for j, u in enumerate(out):
            if j == i or u.anchor != "publication" or not (line_start <= u.start and u.end <= sig.start()):
                continue
            out[j] = _counted_from(text, u, pub) or u
    return out


def _speech_day(doc: Doc, timexes: list[TimeExpr], q: Quote) -> str | None:
    """The resolved day of the cue verb of quotation ``q`` (see :func:`speech_times`)."""
    span = _span_of(doc, q.start, q.end)
    if span is None or not q.cue:
        return None
    cue = q.cue.lower()
    sent = span.sent
    for t in timexes:
        if not (sent.start_char <= t.start and t.end <= sent.end_char) or q.start <= t.start < q.end + 1:
            continue
        if not (t.resolved and t.type in ("DATE", "TIME") and t.earliest and t.earliest == t.latest):
            continue
        verb = governing_verb(doc, t.start, t.end)
        if verb is not None and cue in (verb.lower_, verb.lemma_.lower()) and \
                not (q.start <= verb.idx < q.end):
            return t.earliest
    return None
