"""Event mentions: sentence-level statements anchored to a time expression (timeline candidates).

An event is a sentence whose time expression attaches, through the dependency parse, to a verb
("A federal judge on Monday *refused* ...", "She *was sentenced* ... last October"). Not events:

* durations and sets ("a nine-year sentence", "every Monday") — they say how long or how often,
  not when;
* vague references with no calendar bound ("recently", "now": PRESENT_REF/PAST_REF);
* time expressions that only modify a noun ("the 2020 election", "her 69-year-old mother"): the
  sentence is not reported as happening then;
* appositive background ("Peters, 70, ...") carries no time expression and so never anchors, and a
  present-tense relative clause ("Weiser, who is seeking the nomination in 2026, ...") is a
  standing description, not an event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.analyze.timex import governing_verb, verb_tense
from storyline.analyze.timex_calendar import REF_VALUES
from storyline.model import Article, EventMention, Mention, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _modifies_noun(doc: Doc, tx: TimeExpr) -> bool:
    """True when the expression is a noun modifier ("the 2020 election", "a 2024 trial")."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # (prepositional phrases are not excluded: the parser often hangs "on Nov. 10" on a nearby
    # noun when it belongs to the verb)
    return root.dep_ in ("compound", "nummod", "amod", "poss", "nmod") and \
        root.head.pos_ in ("NOUN", "PROPN")


def predicate_phrase(verb: Token) -> str | None:
    """The verb's lemma with its particle or predicative adjective: "pull out", "find guilty"."""
    words = [verb.lemma_.lower()]
    for c in verb.children:
        if c.dep_ == "prt" or (c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ"):
            words.append(c.lower_)
    return " ".join(words) or None


def extract_events(doc: Doc, article: Article, timexes: list[TimeExpr],
                   mentions: list[Mention]) -> list[EventMention]:
    """One EventMention per (sentence, anchoring date) pair; see the module doc for what is left out."""
    text = article.text
    events: list[EventMention] = []
    seen: set[tuple[int, int, int]] = set()
    for i, tx in enumerate(timexes):
        if tx.type not in ("DATE", "TIME") or tx.value in REF_VALUES:
            continue
        if tx.earliest is None and tx.latest is None and tx.anchor != "publication" \
                and not any(ch.isdigit() for ch in tx.value):
            continue  # nothing known and not relative to publication: cannot be placed or dated
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        if _modifies_noun(doc, tx):
            continue
        verb = governing_verb(doc, tx.start, tx.end)
        if verb is None:
            continue  # a headline fragment or a list item, not a statement
        line_start = text.rfind("\n", 0, tx.start) + 1
        line_end = text.find("\n", tx.end)
        line_end = len(text) if line_end == -1 else line_end
        if not line_start <= verb.idx < line_end:
            continue  # a dateline on its own line, parsed into the next sentence
        if verb.dep_ in ("relcl", "acl") and verb_tense(verb) in ("present", "future"):
            continue  # background: "Weiser, who is seeking the nomination in 2026, ..."
        start, end = _sentence_bounds(text, span.sent, tx.start)
        key = (start, end, i)
        if key in seen:
            continue
        seen.add(key)
        predicate = predicate_phrase(verb)
        ents: list[str] = []
        for m in mentions:
            if start <= m.start and m.end <= end and m.entity and m.entity not in ents:
                ents.append(m.entity)
        events.append(EventMention(article=article.id, start=start, end=end, text=text[start:end],
                                   timex=i, predicate=predicate, entities=ents))
    return events
