"""Evaluative labels: the loaded words an article uses, and whose voice uses them.

The lexicon is general political-news vocabulary, grouped by what the word does. Criteria for a
term: it judges or frames a person, group, claim or event (rather than describing it neutrally),
and it recurs across US/UK political reporting and commentary — ideological placement, verdicts on
truth, moral/character framing, framing of legal status, allegiance, horse-race. The list was
written from general knowledge of style guides' "loaded language" warnings (AP Stylebook entries on
"far-right"/"extremist", "conspiracy theory", "falsely claimed"; media-bias glossaries), not picked
from any article in this project.

Matching uses spaCy's ``PhraseMatcher`` on the lower-cased words of a term, with its last word also
in the plural (so "election deniers" matches "election denier"); hyphenated terms match
with or without the hyphen ("far-right", "far right"). A label inside a quote span (or directly
between quote marks) has voice ``quoted``; otherwise ``reporter``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.model import Article, Label, Quote

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

LEXICON: dict[str, tuple[str, ...]] = {
    # ideological placement
    "placement": ("far-right", "far-left", "hard-right", "hard-left", "ultra-right", "alt-right",
                  "radical left", "radical right", "extremist", "extremists", "ultra-maga",
                  "maga extremist", "hardliner", "hard-line", "fringe", "militant",
                  "ultranationalist", "socialist", "communist", "marxist", "fascist", "woke"),
    # verdicts on truth
    "truth": ("false claim", "false claims", "unfounded", "baseless", "debunked", "unproven",
              "unsubstantiated", "conspiracy theory", "conspiracy theorist", "election denier",
              "election denial", "big lie", "misinformation", "disinformation", "hoax",
              "fake news", "falsely", "lies", "without evidence", "discredited", "bogus", "rigged",
              "stolen election"),
    # moral and character framing
    "character": ("hero", "heroine", "martyr", "villain", "charlatan", "traitor", "patriot",
                  "thug", "crook", "grifter", "con man", "zealot", "demagogue", "provocateur",
                  "firebrand", "scapegoat", "innocent"),
    # framing of legal status and process
    "legal": ("political prisoner", "hostage", "witch hunt", "persecution", "show trial",
              "lawfare", "weaponization", "political persecution", "kangaroo court",
              "railroaded", "cruel and unusual", "unjustly", "politically motivated"),
    # allegiance
    "allegiance": ("loyalist", "crony", "acolyte", "henchman", "sycophant",
                   "apologist", "mouthpiece", "stooge", "puppet"),
    # horse-race
    "race": ("longshot", "long shot", "long-shot", "underdog", "frontrunner", "front-runner",
             "dark horse", "spoiler"),
}

_QUOTE_CHARS = "\"“”‘’'«»"


@lru_cache(maxsize=1)
def _tokenizer():  # a blank English tokenizer splits the terms the way the model's tokenizer does
    import spacy

    return spacy.blank("en").tokenizer


def _plural(word: str) -> str:
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _forms(term: str) -> list[list[str]]:
    """The word sequences a term is matched as: as written, without its hyphens ("far right"),
    and with its last word in the plural ("election deniers")."""
    words = [t.text.lower() for t in _tokenizer()(term)]
    variants = [words]
    if "-" in words:  # "far-right" also as "far right"
        variants.append([w for w in words if w != "-"])
    out = []
    for ws in variants:
        out.append(ws)
        if len(ws[-1]) > 3 and ws[-1].isalpha() and not ws[-1].endswith("s"):
            out.append([*ws[:-1], _plural(ws[-1])])
    return out


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(vocab: Vocab) -> PhraseMatcher:
    # A PhraseMatcher on lower-cased words is several times faster than an equivalent token-pattern
    # Matcher (one hash lookup per token instead of a state machine per pattern).
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    key = id(vocab)
    if key not in _MATCHERS:
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for terms in LEXICON.values():
            for term in terms:
                matcher.add(term, [Doc(vocab, words=ws) for ws in _forms(term)])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def _quoted_by_marks(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start] if start > 0 else ""
    after = text[end:end + 1]
    return bool(before and before in _QUOTE_CHARS and after and after in _QUOTE_CHARS)


def extract_labels(doc: Doc, article: Article, quotes: list[Quote]) -> list[Label]:
    """Every lexicon term in the article with its exact span; overlapping matches keep the longest."""
    matches = _matcher(doc.vocab)(doc)
    spans = []
    for match_id, s, e in matches:
        spans.append((doc[s:e], doc.vocab.strings[match_id]))
    spans.sort(key=lambda x: (-(x[0].end_char - x[0].start_char), x[0].start_char))
    taken: list[tuple[int, int]] = []
    out: list[Label] = []
    for span, term in spans:
        a, b = span.start_char, span.end_char
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        inside = any(q.start <= a and b <= q.end for q in quotes) or \
            _quoted_by_marks(article.text, a, b)
        text = article.text[a:b]
        out.append(Label(term=term, start=a, end=b, text=text,
                         voice="quoted" if inside else "reporter"))
    out.sort(key=lambda lab: lab.start)
    return out
