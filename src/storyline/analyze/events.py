"""Event mentions: sentences reporting something that happened (timeline candidates).

An event is a predicate (its lemma, with a particle or predicative adjective: "step down", "find
guilty") with its participants (story entities and content lemmas: ``keys``) and, when the sentence
has one, the time expression that anchors it through the dependency parse ("A federal judge on
Monday *refused* ...", "She *was sentenced* ... last October"). A past-tense statement without a
time expression of its own ("Three hikers were found near the ridge") is kept too, undated
(``timex = -1``): the story level dates it from other outlets' reports of the same event or from the
article's narrative time.

Not events:

* metadata and furniture lines: credit lines ("This story ... appeared on ..."), update and posting
  stamps ("Updated on <date> at 2:30 p.m."), photo captions and credits
  (``_METADATA_LINE_PATTERNS`` below);
* durations and sets ("a nine-year sentence", "every Monday") — they say how long or how often,
  not when;
* vague references with no calendar bound ("recently", "now": PRESENT_REF/PAST_REF);
* time expressions that only modify a noun ("the 2020 election", "her 69-year-old mother") or sit
  in an appositive description of one ("the walkout, the longest since 2011, began ..."): the
  sentence is not reported as happening then;
* appositive background ("Peters, 70, ...") carries no time expression and so never anchors, and a
  present-tense relative clause ("Weiser, who is seeking the nomination in 2026, ...") is a
  standing description, not an event;
* undated sentences whose predicate is a state ("be", "have", "remain":
  ``storyline.lexicon.en.events.STATIVE_PREDICATES``), in the
  present or future tense, inside a quotation (somebody's words, not the report), or questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.analyze.quotes import quote_regions, speech_medium
from storyline.analyze.time import REF_VALUES, fmt_num, governing_verb, parse_num, post_signature, verb_tense
from storyline.lexicon.en.events import STATIVE_PREDICATES
from storyline.lexicon.en.quotes import SPEECH_VERBS
from storyline.lexicon.en.time import UNITS
from storyline.model import Article, EventMention, Mention, Quote, TimeExpr
from storyline.spans import line_bounds, trim_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["extract_events", "is_metadata_line", "predicate_phrase"]

# Metadata and furniture lines (credits, update stamps, posting stamps, photo captions and credits),
# from the page furniture of English news sites in general: one pattern per kind, each matched at
# the start of a line (case-insensitive).
_METADATA_LINE_PATTERNS: tuple[str, ...] = (
    r"(?:this|the)\s+(?:story|article|report|piece|post)\s+(?:by\b.{0,120}?\s+)?(?:was\s+)?(?:first\s+|originally\s+)?(?:appeared|published|posted|ran)\b",
    r"(?:last\s+)?(?:updated|posted|published|first\s+published|modified|edited)\b\s*(?:on|at|:)?\s*"
    r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b"
    r"|today|yesterday|\w+\s+ago)",
    r"(?:photo|image|picture|video|file\s+photo|caption)s?\b\s*(?::|\(|by\b|credit\b|courtesy\b)",
    r"(?:\(?(?:photo|image)\s+)?(?:credit|courtesy|source)s?\s*:",
    r"(?:read|see|watch|listen)\s+(?:more|also|next)\b",
    r"copyright\b|©",
)

# Posting stamps found anywhere in a line (case-insensitive): a live page's "… published at 16:16
# GMT 28 March" glued to its heading, or a "Published On: <date>" label after other page furniture.
_STAMP_PATTERNS: tuple[str, ...] = (
    r"(?:published|updated|posted)\s+at\s+\d{1,2}[:.]\d{2}[^.!?\n]*$",
    r"\b(?:published|updated|posted)\s+on\s*:",
)

# Photo and picture credits found anywhere in a line: the line is a caption, not a report.
_PHOTO_CREDIT_PATTERNS: tuple[str, ...] = (
    r"\((?:[A-Z][\w.&-]*\s+){0,3}(?:Photo|Image|Pool Photo|File Photo)s?\b",
    r"\b(?:Getty Images|via Reuters|via AP|AFP via Getty)\b",
    r"/(?:AP|AFP|Reuters|EPA|Getty)\)",
)

_METADATA = re.compile("|".join(f"(?:{p})" for p in _METADATA_LINE_PATTERNS), re.IGNORECASE)
_CREDIT = re.compile("|".join(f"(?:{p})" for p in _PHOTO_CREDIT_PATTERNS))
_STAMP = re.compile("|".join(f"(?:{p})" for p in _STAMP_PATTERNS), re.IGNORECASE)
_KEY_POS = ("NOUN", "PROPN", "VERB", "NUM")


def is_metadata_line(line: str) -> bool:
    """A credit line, update/posting stamp, photo caption or credit: never an event."""
    line = line.strip()
    return bool(_METADATA.match(line) or _CREDIT.search(line) or _STAMP.search(line))


def _sentence_bounds(text: str, sent: Span, at: int) -> tuple[int, int]:
    """The sentence around character ``at``, cut to its line (spaCy sometimes runs a sentence
    across a paragraph break or a leftover headline), without surrounding whitespace."""
    start, end = sent.start_char, sent.end_char
    nl = text.rfind("\n", start, at)
    if nl != -1:
        start = nl + 1
    nl = text.find("\n", at, end)
    if nl != -1:
        end = nl
    return trim_span(text, start, end)


def _line_of(text: str, at: int) -> str:
    a, b = line_bounds(text, at)
    return text[a:b]


def _modifies_noun(doc: Doc, tx: TimeExpr) -> bool:
    """True when the expression is a noun modifier ("the 2020 election", "a 2024 trial")."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.head.lemma_.lower() in UNITS or root.head.lower_ in UNITS:
        return False  # the noun is the calendar unit itself: "in the year 1962", "the day 12"
    # (prepositional phrases are not excluded: the parser often hangs "on Nov. 10" on a nearby
    # noun when it belongs to the verb)
    return root.dep_ in ("compound", "nummod", "amod", "poss", "nmod") and \
        root.head.pos_ in ("NOUN", "PROPN")


def _in_apposition(tok: Token, verb: Token, time_spans: Sequence[tuple[int, int]]) -> bool:
    """True when the way up from ``tok`` to ``verb`` passes an appositive: the expression belongs
    to a description of a noun set off by commas ("the walkout, the longest since 2011,"; "Lee,
    the mayor since 2019, said"), not to the verb's clause. A date in apposition to a date ("on
    Sunday, 20 August") is the date written twice, not a description."""
    def timed(t: Token) -> bool:
        return any(a <= t.idx < b for a, b in time_spans)
    for _ in range(10):
        if tok is verb or tok.head is tok:
            return False
        if tok.dep_ == "appos" and not timed(tok) and not timed(tok.head):
            # set off by commas on both sides: the parser's other "appos" arcs are mostly slips
            first, last = tok.left_edge.i, tok.right_edge.i
            doc = tok.doc
            return first > 0 and doc[first - 1].text == "," and last + 1 < len(doc) and doc[last + 1].text == ","
        tok = tok.head
    return False


def predicate_phrase(verb: Token) -> str | None:
    """The verb's lemma with its particle or predicative adjective: "pull out", "find guilty";
    a speech verb used on a social platform or in a post is a post ("said on X", "wrote in a post"
    → "post": :func:`storyline.analyze.quotes.speech_medium`)."""
    if verb.lemma_.lower() in SPEECH_VERBS and speech_medium(verb) == "post":
        return "post"
    words = [verb.lemma_.lower()]
    for c in verb.children:
        # a particle: "prt", or tagged RP right after the verb but attached as "advmod" (a parser
        # slip: "the ferry went down late on Wednesday")
        if c.dep_ == "prt" or (c.tag_ == "RP" and c.dep_ == "advmod" and c.i == verb.i + 1) or \
                (c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ"):
            words.append(c.lower_)
    return " ".join(words) or None


def content_keys(doc: Doc, start: int, end: int, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Content lemmas of ``doc`` between two character offsets (nouns, names, verbs, numbers;
    numbers as digits: "two" = "2"), leaving out stop words and the characters in ``skip``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    keys: set[str] = set()
    for t in span:
        if t.is_punct or t.is_space or any(a <= t.idx < b for a, b in skip):
            continue
        if re.fullmatch(r"\d+(?:st|nd|rd|th)", t.lower_):
            keys.add(t.lower_)  # an ordinal: "the 29th minute", "the 3rd round"
        elif t.like_num and t.pos_ in ("NUM", "NOUN", "PROPN"):
            # before the stop-word test: spaCy lists "two", "twelve" as stop words
            n = parse_num(t.lower_)
            if n is not None:
                keys.add(fmt_num(n))
        elif not t.is_stop and t.pos_ in _KEY_POS and t.lemma_.strip():
            keys.add(t.lemma_.lower())
    return sorted(keys)


def _reported(verb: Token, span: Span) -> Token | None:
    """The verb of the clause a speech verb reports ("said *the talks ended*"), if any."""
    return next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis")
                 and c.pos_ in ("VERB", "AUX") and span.start <= c.i < span.end), None)


def _main_predicate(span: Span) -> tuple[Token, Token] | None:
    """(content verb, verb whose tense counts) of one sentence: the root, or for a report
    ("Three were found, officials said"; "She said the talks ended") the reported verb, timed by
    the saying. A present-tense saying of a past happening ("Police say the man fled") is timed
    by the happening. A sentence the parser hangs on its subject noun ("The mayor, a former
    judge, posted that she regretted ...": the speech verb parsed as a participle modifying the
    noun, with a reported clause of its own) counts as that saying."""
    roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    root = next((t for t in roots if t.pos_ in ("VERB", "AUX")), None)
    if root is None:
        noun = next((t for t in roots if t.pos_ in ("NOUN", "PROPN")), None)
        root = None if noun is None else next(
            (c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")
             and c.lemma_.lower() in SPEECH_VERBS and _reported(c, span) is not None), None)
        if root is None:
            return None
    if root.lemma_.lower() in SPEECH_VERBS:
        content = _reported(root, span)
        if content is not None:
            if verb_tense(root) == "present" and verb_tense(content) == "past":
                return content, content
            return content, root
    return root, root


def _able(verb: Token) -> Token:
    """The verb of "were able to *pull* two people out": what the ability was used for (the
    past tense of "be able to" reports that it happened)."""
    if verb.lemma_.lower() != "be":
        return verb
    able = next((c for c in verb.children if c.dep_ == "acomp" and c.lower_ == "able"), None)
    if able is None:
        return verb
    return next((c for c in able.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), verb)


def _undated(doc: Doc, text: str, start: int, end: int,
             quotes: list[tuple[int, int]]) -> tuple[str, str] | None:
    """(predicate, tense) of a sentence without an anchoring time expression when it reports
    something that happened; None for states, plans, questions, quotations, fragments."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 5 or text[start:end].rstrip("”\"’' ").endswith("?"):
        return None
    found = _main_predicate(span)
    if found is None:
        return None
    verb, timed = found
    if any(a <= verb.idx < b for a, b in quotes):
        if any(a <= timed.idx < b for a, b in quotes):
            return None  # somebody's words, not the report
        verb = timed  # "“We are on the Moon,” the agency chief said": the statement is the event
    verb = _able(verb)
    lemma = verb.lemma_.lower()
    if lemma in STATIVE_PREDICATES and not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if verb.pos_ == "AUX" and not any(c.dep_ in ("acomp", "attr", "xcomp") for c in verb.children):
        return None
    tense = verb_tense(timed)
    if tense != "past":
        return None
    if verb is not timed and verb_tense(verb) == "future" and lemma in STATIVE_PREDICATES:
        return None
    return predicate_phrase(verb) or lemma, tense


def _attributions(doc: Doc, text: str, quotes: Sequence[Quote], regions: list[tuple[int, int]],
                  taken: list[tuple[int, int]]) -> list[tuple[int, int, Token]]:
    """(start, end, cue verb) of the attribution sentences of ``quotes`` that no mention covers:
    the saying of a quotation whose sentence the parser did not give a verb root ("“…”, the
    minister posted on X." parsed as a noun phrase). The cue must be a past form outside the
    quotation marks; the piece is the sentence around the speaker, cut to its line."""
    out: list[tuple[int, int, Token]] = []
    for q in quotes:
        if not q.cue or q.speaker_start is None or q.speaker_end is None or q.kind != "full" \
                or q.speaker_start < q.end:
            continue  # only "“…,” the minister said": a reported statement is the sentence's own
        at = q.speaker_start
        if any(s <= at < e for s, e in taken) or any(s <= at < e for s, e, _v in out):
            continue
        span = doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
        if span is None:
            continue
        start, end = _sentence_bounds(text, span.sent, at)
        if is_metadata_line(_line_of(text, at)):
            continue
        cue = next((t for t in span.sent if start <= t.idx < end and t.lemma_.lower() == q.cue
                    and t.tag_ in ("VBD", "VBN") and verb_tense(t) == "past"
                    and not any(a <= t.idx < b for a, b in regions)), None)
        if cue is not None:
            out.append((start, end, cue))
    return out


def extract_events(doc: Doc, article: Article, timexes: list[TimeExpr],
                   mentions: list[Mention], quotes: Sequence[Quote] = ()) -> list[EventMention]:
    """One EventMention per (sentence, anchoring date) pair, and one undated EventMention per
    past-tense sentence without a date of its own, or per attributed quotation (``quotes``, from
    the quote extractor) whose saying no sentence yields; see the module doc for what is left
    out."""
    text = article.text
    events: list[EventMention] = []
    seen: set[tuple[int, int, int]] = set()
    dated_sentences: set[tuple[int, int]] = set()

    def entities_in(start: int, end: int) -> list[str]:
        ents: list[str] = []
        for m in mentions:
            if start <= m.start and m.end <= end and m.entity and m.entity not in ents:
                ents.append(m.entity)
        return ents

    time_spans = [(t.start, t.end) for t in timexes]
    for i, tx in enumerate(timexes):
        if tx.type not in ("DATE", "TIME") or tx.value in REF_VALUES:
            continue
        if tx.earliest is None and tx.latest is None and tx.anchor != "publication" \
                and not any(ch.isdigit() for ch in tx.value):
            continue  # nothing known and not relative to publication: cannot be placed or dated
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        if is_metadata_line(_line_of(text, tx.start)):
            continue
        line_start, line_end = line_bounds(text, tx.start, tx.end)
        if post_signature(text, tx.start, tx.end):
            # an embedded social-media post: "<post text> — Name (@handle) March 3, 2025"; the
            # post is the event, made on its signature's date
            start, end = trim_span(text, line_start, line_end)
            if (start, end, i) not in seen:
                seen.add((start, end, i))
                dated_sentences.add((start, end))
                events.append(EventMention(article=article.id, start=start, end=end, text=text[start:end],
                                           timex=i, predicate="post", entities=entities_in(start, end),
                                           keys=content_keys(doc, start, end, time_spans)))
            continue
        if _modifies_noun(doc, tx):
            continue
        verb = governing_verb(doc, tx.start, tx.end)
        if verb is None:
            continue  # a headline fragment or a list item, not a statement
        if _in_apposition(span.root, verb, time_spans):
            continue  # describes a noun: "The walkout, the longest since 2011, began on May 4"
        if not line_start <= verb.idx < line_end:
            continue  # a dateline on its own line, parsed into the next sentence
        if verb.dep_ in ("relcl", "acl") and verb_tense(verb) in ("present", "future"):
            continue  # background: "Weiser, who is seeking the nomination in 2026, ..."
        start, end = _sentence_bounds(text, span.sent, tx.start)
        key = (start, end, i)
        if key in seen:
            continue
        seen.add(key)
        dated_sentences.add((start, end))
        events.append(EventMention(article=article.id, start=start, end=end, text=text[start:end],
                                   timex=i, predicate=predicate_phrase(verb),
                                   entities=entities_in(start, end),
                                   keys=content_keys(doc, start, end, time_spans)))

    regions = [(r.start, r.end) for r in quote_regions(text)]
    for sent in doc.sents:
        at = sent.start_char
        while at < sent.end_char:
            # one sentence may run over a line break: each line piece on its own
            nl = text.find("\n", at, sent.end_char)
            piece_end = sent.end_char if nl == -1 else nl
            start, end = at, piece_end
            at = piece_end + 1
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start or (start, end) in dated_sentences or \
                    any(s <= start and end <= e for s, e in dated_sentences):
                continue
            if is_metadata_line(_line_of(text, start)):
                continue
            found = _undated(doc, text, start, end, regions)
            if found is None:
                continue
            events.append(EventMention(article=article.id, start=start, end=end,
                                       text=text[start:end], timex=-1, predicate=found[0],
                                       entities=entities_in(start, end),
                                       keys=content_keys(doc, start, end, time_spans)))
    taken = [(e.start, e.end) for e in events]
    for start, end, cue in _attributions(doc, text, quotes, regions, taken):
        events.append(EventMention(article=article.id, start=start, end=end, text=text[start:end],
                                   timex=-1, predicate=predicate_phrase(cue),
                                   entities=entities_in(start, end),
                                   keys=content_keys(doc, start, end, time_spans)))
    events.sort(key=lambda e: (e.start, e.timex))
    return events
