"""Open-domain quantity claims: a number, what it counts or measures, and the event it belongs to.

For every number in an article (digits, number words, "1.4 million", "eight and a half", ranges
"40 to 50") and every clock time the time tagger found, read off the dependency parse:

* the **unit** — a physical unit (feet, km, kg, mph, acres …, converted to SI by pint), a unit of
  time, a currency, a percentage — or else the **counted noun** ("14 *people*", "1,000 *buildings*");
* the **measured thing** — for a physical dimension, the object it is the length/mass/… of ("the
  600-foot-long *tanker*", "the *tanker* is about 610 feet long"); for a count, the event predicate the
  counted noun takes part in ("people *rescued*", "buildings *destroyed*", "fans *attended*"), its
  lemma folded into a synonym class (``EVENT_CLASSES``); for a clock time, the event it dates
  ("landed at 4:15 pm");
* the **interval** the written value covers: its precision (a number covers what rounding to the
  digits it is written with allows: "3 km" = 2.5–3.5 km, "1,000 buildings" = 500–1,500, "14 people"
  = exactly 14) widened by its approximation words ("about", "nearly", "more than", "upwards of",
  "up to").

The result is a :class:`~storyline.model.Claim` with ``attribute = "measure:<key>"``, ``value`` in
the canonical unit, ``low``/``high`` the interval and ``measure`` a plain-language name of what is
measured. The key never names a domain: it is built from the parse (dimension or counted noun +
predicate class), so a disaster, a match or a launch yield claims the same way a trial does.

Written by hand on purpose: quantulum3 finds units and values but not what a number counts or which
event it belongs to, averages ranges ("40 to 50" → 45), reads "9:41 a.m." as "41 a" (years) and
drops the approximation words the interval needs (docs/benchmarks.md, "Libraries judged"); pint is
used for the unit arithmetic.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from storyline.analyze.claims.context import Context, char_span, is_hedged, span_of
from storyline.analyze.claims.numbers import GLUED, GLUED_SCALE, number_runs, number_value, tidy
from storyline.analyze.claims.wording import clock_label, count_label, duration_label, participle, past, plural
from storyline.lexicon.en.claims import (
    CHARGE_NOUNS,
    CURRENCY_NAMES,
    CURRENCY_SIGNS,
    MODAL_VERBS,
    RELATIVE_TIME_WORDS,
    SCALE_WORDS,
    SO_FAR,
)
from storyline.lexicon.en.measures import (
    APPROX_WORDS,
    CARRY_VERBS,
    CHANGE_DIRECTIONS,
    CHANGE_VERBS,
    CHILD_NOUNS,
    DIMENSION_WORDS,
    EQUITY_NOUNS,
    EVENT_CLASSES,
    GENERIC_PREDICATES,
    HARM_PARTICIPLES,
    HOME_NOUNS,
    HOSPITAL_NOUNS,
    KIN_NOUNS,
    LOWER_BOUND_WORDS,
    MARGIN_NOUNS,
    MARGIN_VERBS,
    MAXIMUM_WORDS,
    NEARLY_WORDS,
    NOUN_CLASSES,
    PERSON_ACT_NOUNS,
    PHYSICAL_UNITS,
    PRICE_VERBS,
    PROPOSAL_VERBS,
    RATE_ADVERBS,
    REMOVAL_VERBS,
    RISK_VERBS,
    SCALE_NAMES,
    SCALE_THINGS,
    SCOPE_VERBS,
    TIME_UNITS_SECONDS,
    TOLL_NOUNS,
    UPPER_BOUND_WORDS,
    VENUE_NOUNS,
    ZONE_OFFSETS,
)
from storyline.model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Quantity", "extract_measures", "interval_of", "written_precision"]

_CLOCK = re.compile(r"T(\d{2}):(\d{2})")
_DIGITS = re.compile(r"^[\d,]*\.?\d+$")


@dataclass(slots=True, frozen=True)
class Quantity:
    """A number as written: its value, the step it is written to, and its approximation word."""

    value: float
    precision: float
    bound: str | None = None  # about | nearly | at_least | at_most
    high: float | None = None  # the upper end of a written range ("40 to 50")


def written_precision(tokens: list[str], value: float, *, discrete: bool) -> float:
    """The rounding step a number is written to: "3" → 1, "2.57" → 0.01, "1,700" → 100,
    "1.4 million" → 100,000, "two million" → 1,000,000. Small counts ("20 people", "14 people")
    are exact (step 0): a count under 100 is read as counted, not rounded."""
    scale = 1.0
    digits = ""
    for w in tokens:
        w = w.lower().replace(",", "")
        glued = GLUED.match(w)
        if glued:
            digits, w = glued.group(1), glued.group(2)
            scale *= GLUED_SCALE[w]
            continue
        if _DIGITS.match(w):
            digits = w
        elif SCALE_WORDS.get(w, 0) >= 1000:  # thousand, k, million, m, billion, bn, trillion
            scale *= SCALE_WORDS[w]
    if digits and "." in digits:
        return 10 ** -len(digits.split(".")[1]) * scale
    if scale > 1:
        return scale  # "two million", "10 billion": the step of the word before the scale
    n = int(abs(value)) if value == int(value) else 0
    if n < 1000:  # "110 years", "40 people": figures under a thousand are read as written
        return 0.0 if discrete else 1.0
    zeros = 0
    m = n
    while m and m % 10 == 0 and zeros < 12:
        m //= 10
        zeros += 1
    # round thousands ("1,000 buildings", "42,000 homes") and round hundreds of large figures
    # ("12,500") are rounded; "1,200 feet" or "1,700 buildings" are read as written
    if zeros >= 3 or zeros >= 2 and n >= 10_000:
        return float(10 ** zeros)
    return 0.0 if discrete else 1.0


def interval_of(q: Quantity) -> tuple[float, float]:
    """The values a written quantity covers (the gold-standard rounding rule: "3 km" covers
    2.5–3.5 km; "about" widens by one step or 2 %; "nearly" is just below; bounds are open-ended)."""
    v, step = q.value, q.precision
    if q.high is not None:
        return v - step / 2, q.high + step / 2
    if q.bound == "at_least":
        return v, math.inf
    if q.bound == "at_most":
        return 0.0 if v >= 0 else -math.inf, v
    if q.bound == "nearly":
        return v - max(step, 0.1 * abs(v)), v
    if q.bound == "about":
        width = max(step, 0.02 * abs(v), 1.0 if step == 0 else 0.0)
        return v - width, v + width
    return v - step / 2, v + step / 2


def _bound_before(doc: Doc, first: int) -> tuple[str | None, int]:
    """An approximation or bound written right before the number: (kind, first token index)."""
    for size in (3, 2, 1):
        lo = first - size
        if lo < 0:
            continue
        words = " ".join(t.lower_ for t in doc[lo:first])
        for table, kind in ((LOWER_BOUND_WORDS, "at_least"), (UPPER_BOUND_WORDS, "at_most"),
                            (NEARLY_WORDS, "nearly"), (APPROX_WORDS, "about")):
            if words in table:
                return kind, lo
    return None, first


def _quantity(doc: Doc, run: list[Token], *, discrete: bool) -> tuple[Quantity, int, int] | None:
    """The quantity of a number run with its bound word and range end: (quantity, start, end)."""
    value = number_value(run)
    if value is None:
        return None
    words = [t.text for t in run]
    # "eight and a half": spaCy splits it; the tokenizer keeps "and a half" outside the run
    end = run[-1].i + 1
    if end + 2 < len(doc) and [t.lower_ for t in doc[end:end + 3]] == ["and", "a", "half"]:
        value += 0.5
        end += 3
    bound, start = _bound_before(doc, run[0].i)
    high = None
    # a range "40 to 50", "40-50", "between 40 and 50"
    if end + 1 < len(doc) and doc[end].lower_ in ("to", "-", "–") and doc[end + 1].like_num:
        nxt = [doc[end + 1]]
        k = end + 2
        while k < len(doc) and doc[k].lower_ in ("thousand", "million", "billion"):
            nxt.append(doc[k])
            k += 1
        hv = number_value(nxt)
        if hv is not None and hv > value:
            high, end = hv, k
            if len(nxt) > 1 and value < hv / 1000:  # "40 to 50 million": the scale is shared
                value *= hv / number_value(nxt[:1])  # type: ignore[operator]
    precision = written_precision(words, value, discrete=discrete)
    return Quantity(value=value, precision=precision, bound=bound, high=high), start, end


# ----------------------------------------------------------------------------- parse helpers


def _lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return "fine" if lemma == "fin" else lemma  # the model's lemma of "fined"


def _event_class(tok: Token) -> str | None:
    """The synonym class of an event predicate ("pull" → "rescue"), or its own lemma."""
    lemma = _lemma(tok)
    if tok.pos_ not in ("VERB", "NOUN", "ADJ"):
        return None
    if lemma == "enter" and any(c.dep_ == "dobj" and _lemma(c) in VENUE_NOUNS for c in tok.children):
        return "attend"  # "people entering stadiums": spectators, not arrivals
    if lemma == "claim" and any(c.dep_ == "dobj" and _lemma(c) == "life" for c in tok.children):
        return "kill"  # "the blaze claimed 15 lives"
    if lemma in CARRY_VERBS | REMOVAL_VERBS and tok.pos_ == "VERB":
        goal = {(p.lower_, _lemma(o)) for p in tok.children if p.dep_ in ("prep", "dative")
                for o in p.children if o.dep_ == "pobj"}
        if lemma in CARRY_VERBS and any(w in ("to", "into", "in") and n in HOSPITAL_NOUNS for w, n in goal):
            return "hospitalize"  # "admitted to hospital", "taken to a clinic"
        if lemma in REMOVAL_VERBS and any(w in ("from", "of") and n in HOME_NOUNS for w, n in goal):
            return "displace"  # "forced 4,000 people from their homes"
    if lemma in GENERIC_PREDICATES:
        return None
    return EVENT_CLASSES.get(lemma, lemma)


_TOTAL_NOUNS = frozenset({"total", "tally", "sum"})


def _predicate_of(noun: Token) -> Token | None:
    """The event predicate a counted noun takes part in: its verb as subject or object, a
    participle modifying it ("buildings destroyed"), or the verb of a partitive ("14 of them")."""
    tok = noun
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "agent") and \
                tok.head.pos_ in ("VERB", "AUX", "ADP"):
            head = tok.head
            if head.pos_ == "ADP":  # "rescued 40 of the people", "among the 22 crew"
                head = head.head
                if head.pos_ == "NOUN" and _lemma(head) in _TOTAL_NOUNS:
                    tok = head  # "a total of 1,500 fans attended": the total's verb
                    continue
            act = _act_in_scope(head, tok)
            if act is not None:
                return act  # "the recall covers 220,000 bottles": bottles recalled
            harm = _harm_complement(head) if tok.dep_ == "dobj" else None
            if harm is not None:
                return harm  # "left 16 people dead"
            if head.pos_ in ("VERB", "ADJ") and _event_class(head):
                return head
            if head.pos_ == "AUX" or _lemma(head) == "be":
                # "six people were missing", "the toll is 41": the predicate adjective or noun
                comp = next((c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")
                             and c.i != tok.i), None)
                return comp if comp is not None and _event_class(comp) else None
            return None
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        break
    for c in noun.children:  # "buildings destroyed", "people killed in the blaze"
        if c.dep_ in ("acl", "relcl", "amod") and c.pos_ in ("VERB", "ADJ") and _event_class(c):
            return c
    return None


def _harm_complement(verb: Token) -> Token | None:
    """The adjective of harm a verb puts its object in ("left 16 dead", "left 40 people injured")."""
    return next((c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") and c.pos_ in ("ADJ", "VERB")
                 and _event_class(c) in HARM_PARTICIPLES), None)


def _toll_claim(out: _Out, doc: Doc, run: list[Token]) -> bool:
    """A number of the dead written without a counted noun: "the death toll rose to 15", "a death
    toll of 30", "the toll stands at 41", "the toll is 41", "the storm left 16 dead"."""
    num = run[-1]
    head = num.head
    cls: str | None = None
    toll: Token | None = None
    verb: Token | None = None
    if num.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in TOLL_NOUNS:
        toll = head.head
    elif num.dep_ == "pobj" and head.lower_ in ("to", "at") and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    elif num.dep_ in ("attr", "dobj") and head.pos_ in ("VERB", "AUX"):
        verb = head
        harm = _harm_complement(verb) if num.dep_ == "dobj" else None
        if harm is not None:
            cls = _event_class(harm)
            toll = harm
    if verb is not None and toll is None:
        if _lemma(verb) not in CHANGE_VERBS and _lemma(verb) != "be":
            return False
        for subj in (c for c in verb.children if c.dep_ == "nsubj"):
            if _lemma(subj) in TOLL_NOUNS:
                toll = subj
            elif _lemma(subj) == "number":  # "the number of dead rose to 40"
                of = next((p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj"), None)
                if of is not None and _event_class(of) in HARM_PARTICIPLES:
                    toll, cls = subj, _event_class(of)
    if toll is None:
        return False
    if cls is None:  # "death toll", "injury toll"; a bare toll counts the dead
        kinds = [_event_class(c) for c in toll.children if c.dep_ in ("compound", "amod")]
        cls = next((k for k in kinds if k in HARM_PARTICIPLES), "kill" if not kinds else None)
    if cls is None:
        return False
    got = _quantity(doc, run, discrete=True)
    if got is None:
        return False
    q, start, end = got
    if q.value != int(q.value) or q.value < 0:
        return False
    when = _other_year(out, doc, verb or toll)
    tokens = [t for t in (toll, verb) if t is not None and abs(t.i - num.i) <= 4] + list(doc[start:end])
    out.add(key=f"count|person|{cls}" + (f"|in {when}" if when else ""),
            measure=f"number of people {HARM_PARTICIPLES[cls]}" + (f" in {when}" if when else ""),
            q=q, factor=1.0, unit=None, tokens=tokens, anchor=verb or toll, discrete=True)
    return True


def _act_in_scope(verb: Token, counted: Token) -> Token | None:
    """The act a verb of scope ("cover", "affect", "involve") extends to the counted noun when a
    common noun names it as the subject ("the recall covers …", "the strike affected …"), also
    through a verb it is coordinated with ("the recall began on June 4 and covers …"), or as the
    agent of the passive ("900 flights were affected by the strike")."""
    if verb.pos_ != "VERB" or _lemma(verb) not in SCOPE_VERBS:
        return None
    if counted.dep_ == "nsubjpass":
        agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children
                      if p.dep_ == "pobj"), None)
        if agent is not None and agent.pos_ == "NOUN" and _event_class(agent) and \
                NOUN_CLASSES.get(_lemma(agent)) is None:
            return agent
        return None
    if counted.dep_ != "dobj":
        return None
    cur = verb
    for _ in range(2):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.pos_ == "NOUN" and _event_class(subj) and NOUN_CLASSES.get(_lemma(subj)) is None:
                return subj
            return None
        if cur.dep_ != "conj":
            break
        cur = cur.head
    return None


def _object_of_dimension(num: Token, unit: Token) -> Token | None:
    """What a length/mass/… describes: "the 600-foot-long tanker", "the tanker is 610 feet long",
    "a ship weighing 2,000 kg", "the ship's length of 300 m"."""
    cur = unit
    for _ in range(4):
        if cur.dep_ == "appos" and cur.head.pos_ in ("NOUN", "PROPN"):
            return cur.head  # "the bridge, a 1,200-foot span": the appositive's head
        if cur.dep_ in ("amod", "compound", "nmod") and cur.head.pos_ in ("NOUN", "PROPN"):
            head = cur.head
            if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                return head.head  # "the main bridge, a 1,200-foot span": the same object
            if _lemma(head) not in DIMENSION_WORDS:
                return head
            cur = head
            continue
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ == "NOUN" and \
                _lemma(cur.head.head) not in DIMENSION_WORDS:
            return cur.head.head  # "winds of up to 80 mph", "a tower of 300 metres"
        if cur.dep_ in ("acomp", "npadvmod", "attr", "dobj") and cur.head.pos_ in ("AUX", "VERB", "ADJ"):
            verb = cur.head
            while verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "amod", "advmod") and verb.head.i != verb.i:
                if verb.dep_ == "amod" and verb.head.pos_ in ("NOUN", "PROPN"):
                    return verb.head
                verb = verb.head
            if verb.dep_ in ("acl",) and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head  # "a rover weighing 26 kg"
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subj
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep" and _lemma(cur.head.head) in DIMENSION_WORDS:
            dim = cur.head.head  # "a length of 300 m": the thing owning the length
            owner = next((c for c in dim.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
            cur = dim
            continue
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def _members(obj: Token) -> list[Token]:
    """The things a measure is of, when it names them as nouns: "the mass of the barge" → the
    barge; "the combined weight of the barge and tug", "the barge and the tug together weigh"
    → both (a whole made of parts). Empty when the object is no common noun."""
    def common(t: Token) -> bool:
        return t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.is_lower

    conj = [c for c in obj.children if c.dep_ == "conj" and common(c)]
    if _lemma(obj) in DIMENSION_WORDS:
        of = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"), None)
        if of is None or not common(of):
            return []
        # the parser hangs the second part on the dimension noun, on the first part, or makes
        # it a second subject of the verb ("the mass of A and B is …")
        also = [c for c in obj.head.children if c.dep_ == obj.dep_ == "nsubj" and c.i > obj.i
                and common(c)] if obj.head.i != obj.i else []
        return [of, *[c for c in of.conjuncts if common(c)], *conj, *also]
    if not common(obj):
        return []
    return [obj, *[c for c in obj.conjuncts if common(c)]]


def _dimension_name(tokens: list[Token], unit_dim: str) -> str:
    """length / width / height / depth … from the adjective or noun written with the number."""
    for t in tokens:
        name = DIMENSION_WORDS.get(_lemma(t)) or DIMENSION_WORDS.get(t.lower_)
        if name:
            return name
    return unit_dim


def _noun_key(tok: Token) -> str:
    lemma = _lemma(tok)
    return NOUN_CLASSES.get(lemma, lemma)


@cache
def _ureg() -> Any:
    import pint

    return pint.UnitRegistry()


def _physical(unit_word: str) -> tuple[str, float, str] | None:
    """(dimension, factor to SI, SI unit) of a unit word, via pint; None for other words."""
    name = PHYSICAL_UNITS.get(unit_word.lower())
    if name is None:
        return None
    q = _ureg().Quantity(1.0, name).to_base_units()
    dim = {"[length]": "length", "[mass]": "mass", "[length] / [time]": "speed",
           "[length] ** 2": "area", "[length] ** 3": "volume"}.get(str(q.dimensionality))
    if dim is None:
        return None
    return dim, float(q.magnitude), str(q.units)


# ----------------------------------------------------------------------------- extraction


class _Out:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.claims: list[Claim] = []
        self.anchors: list[int] = []  # token index of each claim's anchor (parts of one act)

    def add(self, *, key: str, measure: str, q: Quantity, factor: float, unit: str | None,
            tokens: list[Token], anchor: Token, subject: str = "", start: int | None = None,
            end: int | None = None, discrete: bool = False,
            interval: tuple[float, float] | None = None) -> Claim | None:
        if _irrealis(anchor):
            return None  # "could face 20 years", "did not kill anyone": no measured fact
        s, e = span_of(_with_clause(tokens, anchor))
        if start is not None:
            s = min(s, start)
        if end is not None:
            e = max(e, end)
        text = self.ctx.article.text[s:e]
        low, high = interval or interval_of(q)
        running = discrete and not q.bound and _running(anchor)
        if running:  # "53 deaths thus far": at least that many, the count may still grow
            high = math.inf
        self.anchors.append(anchor.i)
        claim = Claim(
            id="", subject=subject, attribute=f"measure:{key}", value=tidy(q.value * factor),
            article=self.ctx.article.id, start=s, end=e, text=text, unit=unit,
            as_of=self.ctx.as_of, voice=self.ctx.voice(anchor, s, e), hedged=is_hedged(anchor),
            qualifier=q.bound or ("range" if q.high is not None else "so_far" if running else None),
            low=_finite(low * factor), high=_finite(high * factor), measure=measure,
            discrete=discrete)
        self.claims.append(claim)
        return claim


_SO_FAR = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in SO_FAR if w != "yet") + r")\b")


def _running(anchor: Token) -> bool:
    """A count its sentence calls provisional ("so far", "thus far", "to date")."""
    return bool(_SO_FAR.search(anchor.sent.text.lower()))


# "would" stays out: in news it mostly reports a future ("officials said repairs would cost …")


def _irrealis(tok: Token) -> bool:
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for _ in range(2):
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODAL_VERBS for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    return False


MAX_CLAIM_TOKENS = 24


def _with_clause(tokens: list[Token], anchor: Token) -> list[Token]:
    """The figure with the words that say what it is: the event verb and its subject ("a federal
    panel had recommended 40 years", "crews pulled 23 people"), its agent ("recommended by the
    panel") and its source ("took $10 million from customers") — each only while the span stays
    within one sentence and ``MAX_CLAIM_TOKENS``."""
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else None
    if verb is None and anchor.head.pos_ == "VERB" and anchor.dep_ in ("dobj", "nsubjpass", "nsubj"):
        verb = anchor.head
    if verb is None:
        return tokens
    out = list(tokens)
    sent = tokens[0].sent

    def fits(extra: list[Token]) -> bool:
        idx = [t.i for t in out + extra]
        return max(idx) - min(idx) + 1 <= MAX_CLAIM_TOKENS and \
            all(sent.start <= i < sent.end for i in idx)

    doc = verb.doc
    pieces: list[list[Token]] = [[verb]]
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "ccomp" and verb.head.pos_ == "VERB":
        # "whose neighbours say [she] has four sons": who says so frames the figure
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.i < verb.i:
        pieces.append([doc[subj.left_edge.i], subj])
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:  # "requested by the state's prosecutors"
        pieces.append([doc[agent.right_edge.i]])
    source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                   and c.i > max(t.i for t in tokens)), None)
    if source is not None:  # "drained $4 million from pensions", "lifted 9 hikers off the ridge"
        obj = next((p for p in source.children if p.dep_ == "pobj"), None)
        if obj is not None:
            pieces.append([obj])
    for piece in pieces:
        if fits(piece):
            out += piece
    return out


def _finite(x: float) -> float | None:
    return None if math.isinf(x) else round(x, 6)


def extract_measures(doc: Doc, ctx: Context) -> list[Claim]:
    """Quantity and clock-time claims of one parsed article (unordered; ids set by the caller)."""
    out = _Out(ctx)
    money = {t.i for ent in doc.ents if ent.label_ == "MONEY" for t in ent}
    dates = {t.i for ent in doc.ents if ent.label_ in ("DATE", "TIME") for t in ent}
    for run in number_runs(doc):
        if run[0].i in money:
            continue  # money has its own claims
        if any(t.i in dates for t in run):
            unit, _ = _unit_after(doc, run)
            if unit is None or _lemma(unit) not in TIME_UNITS_SECONDS:
                continue  # a year or a day of the month is a time expression, not a quantity
        _number_claim(out, doc, run)
    _clock_claims(out, doc)
    _match_minute_claims(out, doc)
    _money_claims(out, doc)
    return _totals_of_parts(out)


def _totals_of_parts(out: _Out) -> list[Claim]:
    """Durations of one act written as parts ("four and a half years in prison and six months of
    home detention") are one claim: their sum, with the parts listed, so a report of the whole
    ("a five-year sentence") agrees with it instead of clashing with a part."""
    groups: dict[tuple[str, int], list[int]] = {}
    for k, c in enumerate(out.claims):
        if c.attribute.startswith("measure:duration|"):
            groups.setdefault((c.attribute, out.anchors[k]), []).append(k)
    drop: set[int] = set()
    for idxs in groups.values():
        if len(idxs) < 2:
            continue
        parts = [out.claims[k] for k in idxs]
        first = parts[0]
        lows = [p.low for p in parts]
        highs = [p.high for p in parts]
        start, end = min(p.start for p in parts), max(p.end for p in parts)
        total = Claim(
            id="", subject=first.subject, attribute=first.attribute,
            value=tidy(sum(float(p.value) for p in parts)), article=first.article, start=start,
            end=end, text=out.ctx.article.text[start:end], unit=first.unit, as_of=first.as_of,
            voice=first.voice, hedged=first.hedged, qualifier="sum",
            parts=[{"item": p.text, "value": p.value} for p in parts],
            low=None if None in lows else round(sum(x for x in lows if x is not None), 6),
            high=None if None in highs else round(sum(x for x in highs if x is not None), 6),
            measure=first.measure)
        out.claims.append(total)
        drop.update(idxs)
    return [c for k, c in enumerate(out.claims) if k not in drop]


_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)




def _money_claims(out: _Out, doc: Doc) -> None:
    """"lost about $3 billion", "a loss of $8 billion", "$12 million a year for five years": an
    amount with the act it is the object of (folded into an event class), per unit of time when
    it is a rate — and the total a rate makes over a stated number of years."""
    from storyline.analyze.claims.numbers import currency_of

    for ent in doc.ents:
        if ent.label_ != "MONEY":
            continue
        toks = list(ent)
        first = next((t.i for t in toks if t.text in CURRENCY_SIGNS or t.like_num), None)
        if first is None:
            continue
        bound, start = _bound_before(doc, first)
        if start > ent.start and doc[start - 1].text in CURRENCY_SIGNS:
            bound, start = _bound_before(doc, first - 1)
        run = [t for t in doc[first:ent.end] if t.text not in CURRENCY_SIGNS and not t.is_punct
               and t.lower_ not in CURRENCY_NAMES and t.lower_ != "us"]
        cut = next((k for k, t in enumerate(run) if t.lower_ in ("to", "and", "-", "–")), None)
        if cut is not None:
            continue  # a range of amounts: left to the court lexicon's money claims
        value = number_value(run)
        if value is None or value <= 0:
            continue
        currency = currency_of(list(doc[max(0, first - 1):ent.end])) or "USD"
        root = ent.root
        pred: Token | None = None
        if root.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and root.head.pos_ == "VERB":
            pred = root.head
        elif root.dep_ == "pobj" and root.head.dep_ == "prep":
            head = root.head.head
            if head.pos_ == "NOUN" and root.head.lower_ == "of" or head.pos_ == "VERB":
                pred = head  # "a loss of $8 billion", "paid for $3 million"
        elif root.dep_ in ("compound", "nmod", "amod", "nummod") and root.head.pos_ == "NOUN" and \
                root.head.i >= ent.end:
            pred = root.head  # "a $5.3 million fine", "the $2bn loss"
        if root.dep_ == "pobj" and root.head.lower_ == "from" and pred is not None and \
                _lemma(pred) in CHANGE_VERBS:
            continue  # "fell to $2 million from $3 million": the earlier value
        if pred is not None and _lemma(pred) in CHANGE_VERBS:
            # "profit fell to $212 million", "revenue reached $4bn": the amount of the subject
            named = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if named is None or named.pos_ != "NOUN":
                continue
            _money_value_of(out, doc, named, pred, root, value, currency, bound, start, ent.end,
                            run)
            continue
        if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.pos_ == "VERB":
            head = root.head.head
            if _lemma(head) in CHANGE_VERBS:
                named = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if named is not None and named.pos_ == "NOUN":
                    _money_value_of(out, doc, named, head, root, value, currency, bound, start,
                                    ent.end, run)
            continue
        if pred is None or not _event_class(pred):
            continue
        nxt = [t.lower_ for t in doc[ent.end:ent.end + 2]]
        per = ""
        if nxt[:1] and nxt[0] in RATE_ADVERBS:
            per = RATE_ADVERBS[nxt[0]]
        elif len(nxt) == 2 and nxt[0] in ("a", "an", "per", "each", "every") and \
                nxt[1] in ("year", "month", "week", "day", "hour"):
            per = nxt[1]
        words = [t.text for t in run]
        q = Quantity(value=value, precision=written_precision(words, value, discrete=False),
                     bound=bound)
        cls = _event_class(pred) or _lemma(pred)
        each = None if per else _per_item(doc, ent.end)
        if each is not None:  # "$48 a share": the price of one share, whoever pays or receives it
            price = "price" if _lemma(pred) in PRICE_VERBS else cls
            out.add(key=f"money|{price}|per_{_lemma(each)}", measure=f"{'price' if price == 'price' else 'amount'}"
                    f" per {each.lower_}", q=q, factor=1.0, unit=currency,
                    tokens=[*doc[start:ent.end], *doc[ent.end:each.i + 1]], anchor=pred)
            continue
        # no agent in the key: "investors lost" and "a loss by investors" are one measure; the
        # comparison only sets amounts of one order of magnitude against each other
        key = f"money|{cls}"
        tokens = [*doc[start:ent.end], pred]
        what = "cost" if _lemma(pred) == "cost" else f"amount {participle(pred)}" if pred.pos_ == "VERB" \
            else f"amount of the {pred.lower_}"
        if per:
            out.add(key=f"{key}|per_{per}", measure=f"{what} per {per}", q=q, factor=1.0,
                    unit=currency, tokens=[*tokens, *doc[ent.end:ent.end + 2]], anchor=pred)
            years = _for_years(pred) if per == "year" else None
            if years is not None:
                n, span_end = years
                lo, hi = interval_of(q)
                total = Quantity(value=value * n, precision=0.0, bound=bound)
                claim = out.add(key=key, measure=what, q=total, factor=1.0, unit=currency,
                                tokens=[*tokens, doc[span_end]], anchor=pred,
                                interval=(lo * n, hi * n))
                if claim is not None:
                    claim.qualifier = "computed"
                    claim.parts = [{"item": f"{per}ly amount", "value": tidy(value)},
                                   {"item": "years", "value": tidy(n)}]
            continue
        out.add(key=key, measure=what, q=q, factor=1.0, unit=currency, tokens=tokens, anchor=pred)


def _per_item(doc: Doc, end: int) -> Token | None:
    """The item an amount is per when the words after it say so: "a share", "per barrel", "for each
    share", "an ounce" (a time unit makes a rate, read elsewhere)."""
    words = list(doc[end:end + 3])
    if words[:1] and words[0].lower_ == "for" and len(words) > 2 and words[1].lower_ in ("each", "every"):
        noun = words[2]
    elif len(words) > 1 and words[0].lower_ in ("a", "an", "per", "each", "every"):
        noun = words[1]
    else:
        return None
    if noun.pos_ != "NOUN" or _lemma(noun) in TIME_UNITS_SECONDS or noun.tag_ != "NN":
        return None
    return noun


def _money_value_of(out: _Out, doc: Doc, named: Token, verb: Token, root: Token, value: float,
                    currency: str, bound: str | None, start: int, end: int,
                    run: list[Token]) -> None:
    words = [t.text for t in run]
    q = Quantity(value=value, precision=written_precision(words, value, discrete=False),
                 bound=bound)
    noun = _noun_key(named)
    out.add(key=f"money|{noun}", measure=f"amount of the {named.lower_}", q=q, factor=1.0,
            unit=currency, tokens=[named, verb, *doc[start:end]], anchor=verb)


def _for_years(verb: Token) -> tuple[float, int] | None:
    """"… for five years": the number of years a rate runs, and the index of "years"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "over"):
            for p in c.children:
                if p.dep_ == "pobj" and _lemma(p) == "year":
                    num = [t for t in p.children if t.dep_ == "nummod"]
                    n = number_value(num) if num else None
                    if n:
                        return n, p.i
    return None


def _antecedent_of_wh(verb: Token) -> Token | None:
    """Whom "who" stands for: the noun a relative clause modifies ("Ortiz, who scored"), or the
    focus of a cleft ("it was Ortiz who scored")."""
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "ccomp" and _lemma(verb.head) == "be":
        return next((c for c in verb.head.children if c.dep_ == "attr"), None)
    return None


def _match_minute_claims(out: _Out, doc: Doc) -> None:
    """"Ortiz's 29th-minute goal", "Ortiz scored in the 75th minute": the minute of a player's
    act in a match. Only with a named player, and the match named when the text names one
    ("in the 81st minute of the semifinal"), so two acts are never set against each other."""
    for tok in doc:
        m = _ORDINAL.match(tok.text)
        if m is None:
            continue
        k = tok.i + 1
        while k < len(doc) and doc[k].text in ("-", "–"):
            k += 1
        if k >= len(doc) or _lemma(doc[k]) != "minute":
            continue
        minute = doc[k]
        act: Token | None = None
        player: Token | None = None
        if minute.dep_ in ("compound", "amod", "nmod") and minute.head.pos_ == "NOUN":
            act = minute.head  # "29th-minute strike"
            player = next((c for c in act.children if c.dep_ == "poss"), None)
        elif minute.dep_ == "pobj" and minute.head.dep_ == "prep":
            act = minute.head.head
            if act.pos_ == "VERB":
                player = next((c for c in act.children if c.dep_ == "nsubj"), None)
                if player is not None and player.lower_ in ("who", "that"):
                    player = _antecedent_of_wh(act)
            elif act.pos_ == "NOUN":
                player = next((c for c in act.children if c.dep_ == "poss"), None)
        if act is None or player is None or player.pos_ != "PROPN":
            continue
        subject = out.ctx.who(player)
        if out.ctx.entity_type.get(subject) in ("ORG", "NORP", "DATE", "TIME"):
            continue  # a team or a date is no player; a name the model typed as a place is
            # decided in the reduce, where the story's mentions vote (story/measures.py)
        match = next((p for c in minute.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        key = "minute" + (f"|{_noun_key(match)}" if match is not None else "")
        q = Quantity(value=float(m.group(1)), precision=0.0)
        out.add(key=key, measure="match minute", q=q, factor=1.0, unit="minute of play",
                tokens=[tok, minute, act], anchor=act, subject=subject, discrete=True)
    return None


def _unit_after(doc: Doc, run: list[Token]) -> tuple[Token | None, list[Token]]:
    """The unit or counted noun a number is written with, and the tokens between ("600-foot-long")."""
    num = run[-1]
    k = num.i + 1
    between: list[Token] = []
    while k < len(doc) and doc[k].text in ("-", "–"):
        between.append(doc[k])
        k += 1
    if k < len(doc) and (_physical(doc[k].lower_) or _lemma(doc[k]) in TIME_UNITS_SECONDS or
                         doc[k].lower_ in ("%", "percent", "per")):
        return doc[k], between
    if num.dep_ in ("nummod", "quantmod", "compound", "amod") and num.head.i > num.i:
        head = num.head
        if head.pos_ in ("NOUN", "PROPN") or _physical(head.lower_):
            return head, between
    return None, between


def _scale_reading(out: _Out, doc: Doc, run: list[Token]) -> bool:
    """A reading on a named scale: "a magnitude 6.8 earthquake", "the 6.6-magnitude quake", "a quake
    with a magnitude of 6.8", "it measured 6.7 on the Richter scale", "a Category 4 hurricane" —
    keyed by the scale and the thing read, so an aftershock's magnitude is not the quake's."""
    first, num = run[0], run[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after = [t for t in doc[num.i + 1:num.i + 3]]
    scale: Token | None = None
    thing: Token | None = None
    if before is not None and before.lower_ in SCALE_NAMES:
        scale = before  # "magnitude 6.8 earthquake", "Category 4 hurricane"
        thing = num.head if num.head.pos_ == "NOUN" and num.head.i > num.i else None
    elif len(after) == 2 and after[0].text in ("-", "–") and after[1].lower_ in SCALE_NAMES:
        scale = after[1]  # "the 6.6-magnitude quake"
        thing = scale.head if scale.head.pos_ == "NOUN" and scale.head.i > scale.i else None
    elif num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.lower_ in SCALE_NAMES:
        scale = num.head.head  # "a magnitude of 6.8"
        owner = scale.head
        if owner.pos_ == "VERB":
            owner = next((c for c in owner.children if c.dep_ == "nsubj"), owner)
        elif owner.lower_ == "with":
            owner = owner.head
        thing = owner if owner.pos_ == "NOUN" else None
    elif num.dep_ == "dobj" and _lemma(num.head) == "measure" and \
            any(t.lower_ in ("richter", "magnitude") for t in num.sent):
        scale = next(t for t in num.sent if t.lower_ in ("richter", "magnitude"))
        thing = next((c for c in num.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if scale is None or thing is None:
        return False
    name = "magnitude" if scale.lower_ == "richter" else scale.lower_
    got = _quantity(doc, run, discrete=False)
    if got is None:
        return False
    q, start, end = got
    what = SCALE_THINGS.get(_lemma(thing), _lemma(thing))
    out.add(key=f"{name}|{what}", measure=f"{name} of the {thing.lower_}", q=q, factor=1.0, unit=None,
            tokens=[*([scale] if abs(scale.i - num.i) <= 3 else []), *doc[start:end]], anchor=thing)
    return True


def _number_claim(out: _Out, doc: Doc, run: list[Token]) -> None:
    if _scale_reading(out, doc, run):
        return
    unit, between = _unit_after(doc, run)
    num = run[-1]
    if unit is None:
        if not _toll_claim(out, doc, run):
            _kin_claim(out, doc, run)
        return
    word = unit.lower_
    phys = _physical(word)
    if phys is not None:
        got = _quantity(doc, run, discrete=False)
        if got is None:
            return
        q, start, end = got
        dim_unit, factor, si = phys
        tail: list[Token] = []
        for t in doc[unit.i + 1:unit.i + 3]:  # "-long", "long": only right after the unit
            if t.text not in ("-", "–") and _lemma(t) not in DIMENSION_WORDS:
                break
            tail.append(t)
        if tail and tail[-1].text in ("-", "–"):
            tail.pop()  # "26 kg six-wheeled": the hyphen belongs to the next word
        tokens = [*doc[start:end], *between, unit, *tail]
        dim = _dimension_name([*tail, *unit.children, unit.head], dim_unit)
        obj = _object_of_dimension(num, tail[-1] if tail and tail[-1].dep_ != "punct" else unit)
        if obj is None:
            return  # a length of nothing we can name is no comparable claim
        members = _members(obj)
        if len(members) > 1:  # "the combined weight of the barge and the tug": one sum
            names = sorted({_noun_key(m) for m in members})
            said = " and the ".join(m.lower_ for m in members)
            out.add(key=f"{dim}|{'+'.join(names)}", measure=f"total {dim} of the {said}", q=q,
                    factor=factor, unit=si, tokens=tokens, anchor=num, subject="")
            return
        if members:
            obj = members[0]  # "the weight of the barge is …": the barge's mass
        subject = out.ctx.who(obj) if obj.pos_ == "PROPN" else ""
        thing = _noun_key(obj) if obj.pos_ == "NOUN" else ("it" if obj.pos_ == "PRON" else "")
        out.add(key=f"{dim}|{thing}", measure=f"{dim} of the {obj.lower_}" if obj.pos_ == "NOUN" else dim,
                q=q, factor=factor, unit=si, tokens=tokens, anchor=num, subject=subject)
        return
    lemma = _lemma(unit)
    if lemma in TIME_UNITS_SECONDS:
        _duration_claim(out, doc, run, unit, between)
        return
    if word in ("%", "percent", "per"):
        _percent_claim(out, doc, run, unit)
        return
    if unit.pos_ != "NOUN" or lemma in CHARGE_NOUNS:
        return  # charges and counts of an indictment have their own claims (claims.py)
    if lemma in MARGIN_NOUNS:
        return  # "won by a 2-1 margin": a score, not a count of margins
    margin = _margin_of(unit)
    if margin is not None:
        _margin_claim(out, doc, run, unit, margin)
        return
    # "17 deaths", "12 injuries", "there were 17 fatalities": the noun itself says who, the dead
    pred: Token | None = unit if EVENT_CLASSES.get(lemma) in PERSON_ACT_NOUNS else _predicate_of(unit)
    if pred is None and lemma in CHILD_NOUNS and unit.dep_ == "dobj" and _lemma(unit.head) == "have":
        pred = unit.head  # "she has four children": a kin count, though "have" is generic
        _kin_count(out, doc, run, unit, pred)
        return
    workforce = pred is None and NOUN_CLASSES.get(lemma) == "job" and unit.dep_ == "dobj" and \
        _lemma(unit.head) == "have"
    if workforce:
        pred = unit.head  # "the group will have 14,000 employees": its workforce, as "employ"
    if pred is None:
        if _whole_set(run, unit):
            _whole_set_claim(out, doc, run, unit)
        return
    got = _whole_count(doc, run, above=0)
    if got is None:
        return
    q, start, end = got
    noun = _noun_key(unit)
    cls = "employ" if workforce else _event_class(pred) or _lemma(pred)
    if cls in ("employ", "cut") and noun == "person":
        noun = "job"  # "employs 12,000 people", "laid off 900 people": places of work, as "jobs"
    # the doer is no part of what is counted ("Acme cut 900 jobs" = "900 jobs were cut"); the
    # year is, when the act is not of the report's own time
    when = _other_year(out, doc, pred)
    tokens = [*doc[start:end], unit] + ([pred] if abs(pred.i - unit.i) <= 3 else [])
    scoped = _act_in_scope(unit.head, unit) is pred
    done = f"{plural(unit)} in the {pred.lower_}" if scoped else count_label(unit, pred)
    what = f"number of {plural(unit)}" if workforce else f"number of {done}"
    if pred.i == unit.i:  # "17 deaths": people killed
        noun, what = "person", f"number of people {PERSON_ACT_NOUNS[cls]}"
    what += f" in {when}" if when else ""
    out.add(key=f"count|{noun}|{cls}" + (f"|in {when}" if when else ""),
            measure=what, q=q, factor=1.0, unit=None, tokens=tokens, anchor=pred, discrete=True)


def _in_score(run: list[Token]) -> bool:
    """A number written as one side of a score or a range ("a 2-1 victory", "3-5 days")."""
    doc = run[0].doc
    before = doc[run[0].i - 1].text if run[0].i > 0 else ""
    after = doc[run[-1].i + 1].text if run[-1].i + 1 < len(doc) else ""
    return before in ("-", "–") or after in ("-", "–")


def _whole_set(run: list[Token], unit: Token) -> bool:
    """A count that says how many there are in all, with no act: "all 312 precincts", "the city's
    321 precincts", "its 14 plants" (a person's kin have their own claims)."""
    if _lemma(unit) in CHILD_NOUNS or NOUN_CLASSES.get(_lemma(unit)) in ("person", "child"):
        return False
    return not _in_score(run) and any(c.dep_ in ("det", "predet") and c.lower_ == "all" or
               c.dep_ == "poss" and (c.pos_ in ("NOUN", "PROPN") or c.lower_ in ("its", "their"))
               for c in unit.children)


def _whole_count(doc: Doc, run: list[Token], above: int) -> tuple[Quantity, int, int] | None:
    """The count ``run`` writes (quantity, token start, token end) when it is a whole number
    greater than ``above``; None for fractions, zero and a missing number."""
    got = _quantity(doc, run, discrete=True)
    if got is None or got[0].value != int(got[0].value) or got[0].value <= above:
        return None
    return got


def _whole_set_claim(out: _Out, doc: Doc, run: list[Token], unit: Token) -> None:
    got = _whole_count(doc, run, above=1)  # "all 1 precincts" is no set
    if got is None:
        return
    q, start, end = got
    owner = [c for c in unit.children if c.dep_ in ("det", "predet", "poss") and c.i < unit.i]
    tokens = [*owner, *doc[start:end], unit]
    out.add(key=f"count|{_noun_key(unit)}|all", measure=f"number of {plural(unit)} in all", q=q,
            factor=1.0, unit=None, tokens=tokens, anchor=unit, discrete=True)


def _margin_of(unit: Token) -> Token | None:
    """The word that makes a count a difference between two sides: the verb of winning or losing
    whose "by" phrase holds it ("won by 1,214 votes", "trails by three points") or a noun naming the
    difference ("a margin of 12 seats", "a 3,000-vote lead")."""
    head = unit.head
    if unit.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB" and \
            _lemma(head.head) in MARGIN_VERBS:
        return head.head
    if unit.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in MARGIN_NOUNS:
        return head.head
    if unit.dep_ in ("compound", "amod", "nmod") and _lemma(head) in MARGIN_NOUNS:
        return head
    return None


def _margin_claim(out: _Out, doc: Doc, run: list[Token], unit: Token, anchor: Token) -> None:
    """A winning margin: one measure whichever side the sentence takes ("Lee won by 40 votes" and
    "Park lost by 40 votes" tell the same difference)."""
    got = _quantity(doc, run, discrete=True)
    if got is None:
        return
    q, start, end = got
    if q.value != int(q.value) or q.value <= 0:
        return
    tokens = [*doc[start:end], unit] + ([anchor] if abs(anchor.i - unit.i) <= 3 else [])
    out.add(key=f"count|{_noun_key(unit)}|margin", measure=f"margin in {plural(unit)}", q=q, factor=1.0,
            unit=None, tokens=tokens, anchor=anchor, discrete=True)


def _other_year(out: _Out, doc: Doc, pred: Token) -> str:
    """The year an act is dated to when it is not the report's own ("a flood that killed 40 people
    in 1987"): a count of another year's event is another measure."""
    own = (out.ctx.as_of or "")[:4]
    # the event a relative clause describes: "the 1987 flood, which killed 40 people"
    antecedent: Token | None = None
    cur = pred
    for _ in range(3):
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN"):
            antecedent = cur.head
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    for tx in out.ctx.timexes:
        if tx.type != "DATE" or not re.match(r"^\d{4}", tx.value or ""):
            continue
        span = char_span(doc, tx.start, tx.end)
        if span is None or span.root.sent.start != pred.sent.start or tx.value[:4] == own:
            continue
        verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.i == pred.i:
            return tx.value[:4]  # ("founded in 1994, employs 30,000": the year is founding's)
        if antecedent is not None and span.root.head.i == antecedent.i and span.root.i < antecedent.i:
            return tx.value[:4]  # the year written on the noun the clause describes
    return ""


def _duration_claim(out: _Out, doc: Doc, run: list[Token], unit: Token, between: list[Token]) -> None:
    """"sentenced to 25 years", "a 24.25-year sentence", "a five-year contract": the length of
    what the duration belongs to. Relative uses ("two years ago", "a year later", "70 years
    old", "two hours into the flight") are time expressions, not durations of a thing."""
    if any(c.dep_ in ("amod", "compound") and not c.like_num and c.text not in ("-", "–")
           for c in unit.children if c.i < unit.i):
        return  # "14 Earth days", "two lunar days", "five business days": another calendar
    if any(c.lower_ in RELATIVE_TIME_WORDS for c in unit.children) or unit.head.lower_ in RELATIVE_TIME_WORDS or \
            any(t.lower_ in RELATIVE_TIME_WORDS for t in doc[unit.i + 1:unit.i + 3]):
        return
    if unit.dep_ in ("nsubj", "nsubjpass", "attr") or unit.dep_ == "npadvmod" and not (
            unit.head.pos_ == "VERB" and _lemma(unit.head) in PROPOSAL_VERBS):
        return  # "two years passed", "it was five years": no thing the duration belongs to
    thing = ""
    anchor = unit
    nxt = doc[unit.i + 1] if unit.i + 1 < len(doc) else None
    rel = next((c for c in unit.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"
                and _event_class(c)), None)
    if unit.dep_ in ("compound", "amod", "nmod") and unit.head.pos_ == "NOUN":
        anchor = unit.head  # "a 24.25-year sentence", "a five-year deal"
        thing = _noun_key(anchor)
    elif nxt is not None and nxt.text in ("-", "–") and nxt.head.pos_ == "NOUN":
        anchor = nxt.head
        thing = _noun_key(anchor)
    elif rel is not None:  # "the 40 years the panel recommended"
        anchor = rel
        thing = _event_class(rel) or ""
    elif unit.dep_ == "pobj" and unit.head.lower_ == "of" and unit.head.head.pos_ == "NOUN":
        anchor = unit.head.head  # "a maximum penalty of 20 years", "a term of six years"
        thing = _noun_key(anchor)
    else:
        verb = unit.head.head if unit.dep_ == "pobj" else unit.head
        if verb.pos_ == "VERB" and _event_class(verb):
            anchor = verb
            thing = _event_class(verb) or ""
    if not thing:
        return
    wording = duration_label(anchor, thing, unit)
    # what was asked for, proposed or risked is a different measure from what happened; the
    # most that can be imposed ("faces up to 20 years", "a maximum penalty of 20 years") another
    gov = anchor.head if anchor.dep_ in ("dobj", "pobj", "attr") else anchor
    if gov.dep_ == "prep":
        gov = gov.head
    bound, _ = _bound_before(doc, run[0].i)
    risked = _lemma(anchor) in RISK_VERBS or _lemma(gov) in RISK_VERBS
    if any(_lemma(c) in MAXIMUM_WORDS for c in anchor.children) or risked and bound == "at_most":
        thing = "maximum"
    elif _lemma(gov) in PROPOSAL_VERBS or _lemma(anchor) in PROPOSAL_VERBS:
        verb = anchor if _lemma(anchor) in PROPOSAL_VERBS else gov
        who = _proposer(verb)
        thing = f"{thing} proposed" + (f" by {who}" if who else "")
        wording = f"term {participle(verb, unit)}" + (f" by the {who}" if who else "")
    got = _quantity(doc, run, discrete=False)
    if got is None:
        return
    q, start, end = got
    if thing == "maximum" and q.bound == "at_most":  # "up to 20 years" is the maximum, exactly
        q = Quantity(value=q.value, precision=q.precision)
    factor = TIME_UNITS_SECONDS[_lemma(unit)] / TIME_UNITS_SECONDS["year"] \
        if TIME_UNITS_SECONDS[_lemma(unit)] >= TIME_UNITS_SECONDS["month"] else \
        TIME_UNITS_SECONDS[_lemma(unit)] / TIME_UNITS_SECONDS["hour"]
    unit_name = "year" if TIME_UNITS_SECONDS[_lemma(unit)] >= TIME_UNITS_SECONDS["month"] else "hour"
    # a year count is written to the year: "25 years" covers 24.5-25.5, "24.25" its two decimals
    tokens = [*doc[start:end], *between, unit] + ([anchor] if 0 < anchor.i - unit.i <= 2 else [])
    out.add(key=f"duration|{thing.replace(' ', '_')}|{unit_name}",
            measure="maximum term" if thing == "maximum" else wording, q=q, factor=factor,
            unit=unit_name, tokens=tokens, anchor=anchor, subject=_named_patient(out, anchor))


def _proposer(verb: Token) -> str:
    """Who asks for or recommends a figure ("prosecutors sought", "recommended by the panel"):
    two proposers' figures are two measures, not a disagreement."""
    for c in verb.children:
        if c.dep_ == "agent":
            c = next((g for g in c.children if g.dep_ == "pobj"), c)
            return _noun_key(c) if c.pos_ == "NOUN" else c.lower_
        if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN"):
            return _noun_key(c) if c.pos_ == "NOUN" else c.lower_
    return ""


def _named_patient(out: _Out, anchor: Token) -> str:
    """Whom a duration is about when the text names them: the passive subject or object of the
    event verb ("Ortiz was sentenced to", "sentenced Ortiz to"), the possessor of the noun
    ("Ortiz's six-year sentence"). Empty when unnamed: the claim is then about the story's event."""
    deps = ("poss",) if anchor.pos_ == "NOUN" else ("nsubjpass", "dobj")
    for c in anchor.children:
        if c.dep_ in deps and c.pos_ in ("PROPN", "PRON"):
            return out.ctx.who(c)
    return ""




def _common(tok: Token) -> bool:
    """A common noun — also one the tagger calls a name only because it opens the sentence."""
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.i == tok.sent.start and not tok.ent_type_


def _percent_claim(out: _Out, doc: Doc, run: list[Token], unit: Token) -> None:
    """A share with its base: "51.2% of the vote", "6% of its workforce", "turnout was 47%",
    "shares rose 4%". The holder of the share is part of the measure — a named one (an entity) or
    the noun that names it ("the challenger") — so two candidates' shares are never set against
    each other."""
    if unit.lower_ == "per":
        if unit.i + 1 >= len(doc) or doc[unit.i + 1].lower_ != "cent":
            return
        unit = doc[unit.i + 1]
    base = next((p for c in unit.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), None)
    verb = unit.head if unit.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "pobj") else None
    prep = ""
    if verb is not None and verb.pos_ == "ADP":
        prep = verb.lower_
        verb = verb.head
    changed = verb is not None and (_lemma(verb) in CHANGE_VERBS or _lemma(verb) in CHANGE_DIRECTIONS)
    if changed and prep == "from":
        return  # "fell to 4.1% from 4.4%": the earlier value
    holder: Token | None = None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        holder = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != unit.i), None)
        if holder is None and verb.dep_ == "advcl":  # "won the race, taking 51% of the vote"
            holder = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if base is not None:
        what = _noun_key(base)
        label = f"share of the {base.lower_}"
    elif verb is not None and changed and prep in ("to", "at") and holder is not None and _common(holder):
        # "unemployment fell to 4.1%", "the rate stands at 4.4%": the level reached, not the change
        what, label = _noun_key(holder), f"{holder.lower_} rate"
        holder = None
    elif verb is not None and changed and holder is not None and _common(holder):
        lemma = _lemma(verb)
        thing = "stock" if _lemma(holder) in EQUITY_NOUNS else _noun_key(holder)
        what = f"{thing}|{CHANGE_DIRECTIONS.get(lemma) or EVENT_CLASSES.get(lemma, lemma)}"
        label = f"change in the {holder.lower_} ({past(verb)})"
        holder = None
    elif verb is not None and _lemma(verb) == "be" and holder is not None and _common(holder):
        state = next((c for c in unit.children if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"), None)
        # "the fire was 40% contained": the share of the fire in that state, not a "fire rate"
        what, label = _noun_key(holder), f"share of the {holder.lower_} {participle(state)}" if state is not None \
            else f"{holder.lower_} rate"
        holder = None
    elif (named := _percent_noun(unit)) is not None:
        # "a 29% premium", "a premium of 31 percent": the share the noun names, of its owner if said
        what, label = _noun_key(named), f"{named.lower_} in percent"
        verb = named
        holder = next((c for c in named.children if c.dep_ == "poss"), None)
        if holder is not None and holder.pos_ not in ("PROPN", "NOUN"):
            return  # "its 10% stake": whose is not said here
    else:
        return
    got = _quantity(doc, run, discrete=False)
    if got is None:
        return
    q, start, end = got
    subject = ""
    if holder is not None:
        named = next((c for c in holder.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        holder = named or holder  # "the challenger, Ana Ruiz, won 51%": Ana Ruiz
        if holder.pos_ == "PROPN":
            subject = out.ctx.who(holder)
        elif holder.pos_ == "NOUN":
            what = f"{what}|{_noun_key(holder)}"  # "the challenger won 51%": the challenger's share
        else:
            return  # "it", "they": whose share is not said
    out.add(key=f"percent|{what}", measure=label, q=q, factor=1.0, unit="percent",
            tokens=[*doc[start:end], unit, *([base] if base is not None else [])],
            anchor=verb if verb is not None else unit, subject=subject)


def _percent_noun(unit: Token) -> Token | None:
    """The common noun a percentage describes: "a 29% premium" (the percent modifies it), "a
    premium of 31 percent" (it is the noun's "of" object); never a change or a share with its own
    base, which have their own keys."""
    if unit.dep_ in ("compound", "nmod", "amod", "nummod") and unit.head.pos_ == "NOUN" and unit.head.i > unit.i:
        noun = unit.head
    elif unit.dep_ == "pobj" and unit.head.lower_ == "of" and unit.head.head.pos_ == "NOUN":
        noun = unit.head.head
    else:
        return None
    if _lemma(noun) in ("percent", "percentage", "%") or not noun.is_alpha:
        return None
    return noun


def _kin_count(out: _Out, doc: Doc, run: list[Token], unit: Token, verb: Token) -> None:
    """"she has four children": the kin count of the subject of "have"."""
    holder = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    _children(out, doc, run, holder, anchor=verb, extra=[unit], after=True)


def _children(out: _Out, doc: Doc, run: list[Token], holder: Token | None, *, anchor: Token,
              extra: list[Token], after: bool) -> None:
    """One claim of a person's number of children (named or a pronoun; else the story's)."""
    got = _quantity(doc, run, discrete=True)
    if got is None:
        return
    q, start, end = got
    subject = out.ctx.who(holder) if holder is not None and holder.pos_ in ("PROPN", "PRON") else ""
    figure = list(doc[start:end])
    out.add(key="count|child|have", measure="number of children", q=q, factor=1.0, unit=None,
            tokens=[*figure, *extra] if after else [*extra, *figure], anchor=anchor,
            subject=subject, discrete=True)


def _kin_claim(out: _Out, doc: Doc, run: list[Token]) -> None:
    """"a mother of five", "father of two": the number of children of the person described."""
    num = run[-1]
    if num.dep_ != "pobj" or num.head.lower_ != "of":
        return
    kin = num.head.head
    if _lemma(kin) not in KIN_NOUNS:
        return
    holder = kin
    while holder.dep_ in ("attr", "appos", "conj") and holder.head.i != holder.i:
        holder = holder.head
        if holder.pos_ in ("AUX", "VERB"):
            holder = next((c for c in holder.children if c.dep_ == "nsubj"), holder)
            break
    _children(out, doc, run, holder, anchor=kin, extra=[kin], after=False)


_CLOCK_TEXT = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)


def _clock_times(out: _Out, doc: Doc) -> list[tuple[int, int, int, str]]:
    """(start, end, minutes of the day, text) of every clock time: the time tagger's TIME values,
    and written times it left out ("7.50 p.m." with a full stop between hours and minutes)."""
    found: list[tuple[int, int, int, str]] = []
    for tx in out.ctx.timexes:
        m = _CLOCK.search(tx.value or "")
        if tx.type == "TIME" and m is not None:
            minutes = int(m.group(1)) * 60 + int(m.group(2))
            if not re.search(r"[ap]\.?\s?m\b|\d{2}:\d{2}\s*(?:gmt|utc|hrs|h\b)|\b(?:1[3-9]|2[0-3]|0\d):",
                             out.ctx.article.text[tx.start:tx.end + 6], re.IGNORECASE):
                minutes %= 720  # "at 9:17" without a.m./p.m.: the half of the day is not written
                minutes += 10000  # marks a time known only modulo twelve hours
            found.append((tx.start, tx.end, minutes, tx.text))
    text = out.ctx.article.text
    for m in _CLOCK_TEXT.finditer(text):
        if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _, _ in found):
            continue
        hour, minute = int(m.group(1)) % 12, int(m.group(2) or 0)
        if minute > 59:
            continue
        found.append((m.start(), m.end(), (hour + (12 if m.group(3).lower() == "p" else 0)) * 60
                      + minute, m.group(0)))
    return found


def _clock_claims(out: _Out, doc: Doc) -> None:
    """"landed at 4:15 pm": the time of day of the event the clock time dates."""
    for t_start, t_end, minutes, written in _clock_times(out, doc):
        span = char_span(doc, t_start, t_end)
        if span is None:
            continue
        pred = _clock_predicate(span.root)
        if pred is None:
            continue
        pred = _attendant_event(pred) or pred
        half_day = minutes >= 10000
        minutes %= 10000
        has_minutes = bool(re.search(r"\d[:.]\d{2}", written))
        bound, start = _bound_before(doc, span.start)
        # written to the minute: exact; to the hour ("1 am"): the hour around it; "about 4:15"
        # (a round five minutes): to the nearest five minutes
        half = 0.5 if has_minutes else 30.0
        if bound == "about" and has_minutes and minutes % 5 == 0:
            half = 5.0  # a written minute that is not round is meant as that minute
        low, high = minutes - half, minutes + half
        if bound == "at_least":
            high = math.inf
        elif bound == "at_most":
            low = 0.0
        q = Quantity(value=float(minutes), precision=2 * half, bound=bound)
        zone = _zone(written + " " + doc[span.end:span.end + 3].text)
        cls = _event_class(pred) or _lemma(pred)
        obj = _aspect_object(pred)
        key = f"clock|{cls}" + (f"|{obj}" if obj else "")
        out.add(key=key, measure=clock_label(pred, obj), q=q, factor=1.0,
                unit=f"minute of {'half-' if half_day else ''}day{' ' + zone if zone else ''}",
                tokens=[*span, pred], anchor=pred,
                start=doc[start].idx if start < span.start else None, interval=(low, high))


def _clock_predicate(root: Token) -> Token | None:
    """The event a clock time dates: the nearest verb above it (or an event noun of a known
    class: "the landing at 6 pm"), never a reporting or light verb."""
    for anc in root.ancestors:
        if anc.pos_ == "VERB":
            return anc if _event_class(anc) else None
        if anc.pos_ == "NOUN" and _lemma(anc) in EVENT_CLASSES:
            return anc
    return None


def _attendant_event(pred: Token) -> Token | None:
    """The event a "with" clause puts at the moment something begins or ends: "ended at 4:31 pm
    with the rover rolling out" dates the roll-out, not an unnamed ending."""
    if EVENT_CLASSES.get(_lemma(pred)) not in ("begin", "end") or _aspect_object(pred):
        return None
    for prep in pred.children:
        if prep.dep_ != "prep" or prep.lower_ != "with":
            continue
        for obj in prep.children:
            verbs = [obj] if obj.pos_ == "VERB" else [c for c in obj.children
                                                      if c.dep_ == "acl" and c.pos_ == "VERB"]
            for v in verbs:
                if _event_class(v) and EVENT_CLASSES.get(_lemma(v)) not in ("begin", "end"):
                    return v
    return None


_ZONE = re.compile(rf"\b({'|'.join(sorted(ZONE_OFFSETS, key=len, reverse=True))})\b")


def _zone(text: str) -> str:
    m = _ZONE.search(text)
    return m.group(1) if m else ""


def _aspect_object(pred: Token) -> str:
    """For begin/end-type predicates, the event that begins or ends ("the descent began",
    "started the descent") — the predicate alone says nothing about which event it dates."""
    if EVENT_CLASSES.get(_lemma(pred)) not in ("begin", "end"):
        return ""
    for dep in ("dobj", "nsubjpass", "nsubj"):
        for c in pred.children:
            if c.dep_ == dep and c.pos_ == "NOUN":
                return _noun_key(c)
            if c.dep_ == dep and c.lower_ in ("that", "which") and pred.dep_ == "relcl" and \
                    pred.head.pos_ == "NOUN":
                return _noun_key(pred.head)  # "a call that began at 8:30": the call
    return ""
