"""Dates relative to another event of the story: "a day after the touchdown", "two days before the
vote", "the day after the final", "hours after the collapse", "a week after he was fired".

The time layer reads "a day" as a duration (P1D) and the sentence stays undated: its anchor is a
happening, not the publication date. Once the story's reports are merged, the anchor can be looked
up on the timeline: the entries with a report whose predicate is of the anchor's class (the verb,
or its event noun: ``lexicon.en.events`` PREDICATE_CLASSES and NOMINALIZATIONS), whose reports
share the participants the anchor phrase names, all on one day, at least one of them dated by a
time expression of its own (not only by narrative time). The sentence is then dated that day plus
or minus the offset, with the basis recorded (``dated from the touchdown (2023-08-23)``).

Never a guess: an offset with no number ("days after"), one in months or years, an anchor word
outside the lexicon ("the disaster"), no matching entry, or matching entries on different days
leave the sentence undated. Only undated sentences are read (a sentence with a date of its own
keeps it), and only one such phrase per sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.analyze.time import REF_VALUES
from storyline.model import ArticleAnalysis, EventMention, TimeExpr

__all__ = ["AnchoredPhrase", "anchored_phrase", "sentence_phrases"]

# a duration the time layer found, then the direction and the anchor phrase
_AFTER = re.compile(r"\s+(?P<dir>after|before)\s+(?P<anchor>[^,;:.!?()\"“”]{2,80})")
# "the day after the final": a day-sized offset the time layer does not tag
_THE_DAY = re.compile(r"\b(?:the|a) (?:day|night|morning|evening)\s+(?P<dir>after|before)\s+"
                      r"(?P<anchor>[^,;:.!?()\"“”]{2,80})", re.IGNORECASE)
# P1D, P2W, PT3H, PTXH: a whole number of days, weeks or hours (X: hours of unknown count)
_OFFSET = re.compile(r"^P(?:(?P<d>\d+)D|(?P<w>\d+)W|T(?P<h>\d+|X)H)$")
# the anchor phrase ends at a clause boundary
_CLAUSE_END = re.compile(r"\s(?:and|but|as|when|while|which|who|that|so|because|where)\s", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True, slots=True)
class AnchoredPhrase:
    """An offset from another event: ``days`` (lo, hi) after it (negative: before), the phrase's
    span in the article, its text, and the words of the anchor phrase ("the touchdown on the moon")."""

    start: int
    end: int
    text: str
    days: tuple[int, int]
    anchor: str
    words: tuple[str, ...]

    def dates(self, day: date) -> tuple[date, date]:
        return day + timedelta(days=self.days[0]), day + timedelta(days=self.days[1])


def _offset_days(value: str) -> tuple[int, int] | None:
    m = _OFFSET.match(value)
    if m is None:
        return None
    if m["d"]:
        return int(m["d"]), int(m["d"])
    if m["w"]:
        return 7 * int(m["w"]), 7 * int(m["w"])
    hours = 24 if m["h"] == "X" else int(m["h"])  # "hours after": the same day or the next
    return 0, -(-hours // 24)


def _anchor_text(raw: str, max_words: int) -> str:
    cut = _CLAUSE_END.search(raw)
    text = raw[: cut.start()] if cut else raw
    words = text.split()[:max_words]
    return " ".join(words)


def anchored_phrase(text: str, timexes: Sequence[TimeExpr], ev: EventMention,
                    max_words: int = 8) -> AnchoredPhrase | None:
    """The one event-anchored offset in the sentence of ``ev`` (``text``: its article's body), else
    None (none, two of them, or an offset that is not a whole number of days, weeks or hours).
    ``max_words``: the anchor phrase's length at most (``TimelineOptions.anchor_words``)."""
    inside = [t for t in timexes if t.part == "text" and ev.start <= t.start and t.end <= ev.end]
    if any(t.type in ("DATE", "TIME") and t.earliest and t.value not in REF_VALUES for t in inside):
        return None  # the sentence has a date of its own (or the anchor phrase names one; "now" is none)
    found: list[AnchoredPhrase] = []
    for t in inside:
        if t.type != "DURATION":
            continue
        days = _offset_days(t.value)
        m = _AFTER.match(text, t.end, ev.end)
        if days is None or m is None:
            continue
        found.append(_phrase(text, t.start, m, days, max_words))
    for m in _THE_DAY.finditer(text, ev.start, ev.end):
        if any(t.start < m.end() and m.start() < t.end for t in inside):
            continue
        found.append(_phrase(text, m.start(), m, (1, 1), max_words))
    if len(found) != 1:
        return None
    return found[0]


def _phrase(text: str, start: int, m: re.Match[str], days: tuple[int, int], max_words: int) -> AnchoredPhrase:
    anchor = _anchor_text(m["anchor"], max_words)
    end = m.start("anchor") + len(anchor)
    sign = 1 if m["dir"].lower() == "after" else -1
    lo, hi = sorted((sign * days[0], sign * days[1]))
    words = tuple(w.lower().strip("'’") for w in _WORD.findall(anchor))
    return AnchoredPhrase(start=start, end=end, text=text[start:end], days=(lo, hi), anchor=anchor, words=words)


def sentence_phrases(analyses: Sequence[ArticleAnalysis],
                     max_words: int = 8) -> dict[tuple[str, int, int], AnchoredPhrase]:
    """Every undated event mention's anchored phrase, keyed by (article, mention start, end)."""
    out: dict[tuple[str, int, int], AnchoredPhrase] = {}
    for a in analyses:
        for ev in a.events:
            if ev.timex >= 0:
                continue
            ph = anchored_phrase(a.article.text, a.timexes, ev, max_words)
            if ph is not None:
                out[(a.article.id, ev.start, ev.end)] = ph
    return out
