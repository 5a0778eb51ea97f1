"""Atomic, checkable claims (and evaluative labels) from one parsed article.

A claim is (subject, canonical attribute, normalized value) plus the exact source span, who asserts
it (``voice``), whether the text hedges it, and when it is said to hold (``as_of``):

* quantities — ``sentence_length`` (9, "year"), ``charge_count`` (7), ``count:<charge>`` (3),
  ``amount:<what>`` (1400000, "USD"), ``age`` (70);
  a list of counts ("three counts of X, two counts of Y") is a ``charge_count`` claim whose value is
  the sum and whose ``parts`` are the items (``qualifier="list"``), so it can be checked against a
  total stated elsewhere;
* dates of named events — ``date_of:convicted`` … with the ISO value of the attached time expression;
* agents of key acts — ``convicted_by``, ``indicted_by``, ``prosecuted_by`` … (passive ``by`` agent
  or active subject);
* places and institutions — ``held_at`` (a named prison), ``court``;
* titles — ``title`` (core office, e.g. "clerk", with ``qualifier`` former/then/past).

Everything is read off the spaCy dependency parse; the word lists are in ``claims_lexicon``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from storyline.analyze.claims.contests import opponent_claims
from storyline.analyze.claims.context import (
    Context,
    char_span,
    claim_subject,
    is_hedged,
    noun_phrase,
    patient_of,
    plain_label,
    span_of,
)
from storyline.analyze.claims.groups import membership_claims
from storyline.analyze.claims.measures import extract_measures
from storyline.analyze.claims.modes import mode_claims
from storyline.analyze.claims.numbers import (
    currency_of,
    number_runs,
    number_value,
    qualifier_before,
    tidy,
)
from storyline.analyze.claims.relative import relative_date_claims
from storyline.analyze.claims.titles import normalize_title, title_claims
from storyline.analyze.labels import extract_labels
from storyline.lexicon.en.claims import (
    AGENT_EVENTS,
    ASPECT_VERBS,
    ATTRIBUTION_VERBS,
    CHARGE_NOUNS,
    DETENTION_PLACE_WORDS,
    EVENT_LEMMAS,
    EVENT_NOUNS,
    MODAL_VERBS,
    PRISON_WORDS,
    RELATIVE_TIME_WORDS,
    SENTENCE_NOUNS,
    SENTENCE_VERBS,
    SERVE_VERBS,
    SO_FAR,
    TIME_UNITS,
)
from storyline.lexicon.en.measures import NOUN_CLASSES
from storyline.model import Article, Claim, LocalEntity, Mention, Quote, TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_claims", "extract_labels"]

_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


class ClaimBuilder:
    """Collects claims for one article, filling voice/hedge/as_of the same way for all of them."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.claims: list[Claim] = []

    def add(self, *, subject: str, attribute: str, value: Any, tokens: list[Token],
            anchor: Token, unit: str | None = None, qualifier: str | None = None,
            parts: list[Any] | None = None, as_of: str | None = None,
            timeless: bool = False) -> Claim | None:
        """Add one claim; ``as_of`` defaults to the publication date unless ``timeless`` (a past
        state with no stated time, "was the clerk")."""
        if not subject or value is None or value == "":
            return None
        start, end = span_of(tokens)
        text = self.ctx.article.text[start:end]
        claim = Claim(id="", subject=subject, attribute=attribute, value=value,
                      article=self.ctx.article.id, start=start, end=end, text=text, unit=unit,
                      as_of=as_of or (None if timeless else self.ctx.as_of),
                      voice=self.ctx.voice(anchor, start, end),
                      hedged=is_hedged(anchor), parts=list(parts or []), qualifier=qualifier)
        self.claims.append(claim)
        return claim


def extract_claims(doc: Doc, article: Article, mentions: list[Mention],
                   entities: list[LocalEntity], timexes: list[TimeExpr],
                   quotes: list[Quote]) -> list[Claim]:
    """All claims of one article, ordered by position, with ids ``<article id>:c<n>``."""
    ctx = Context(doc, article, mentions, entities, timexes, quotes)
    b = ClaimBuilder(ctx)
    _quantity_claims(b, doc)
    _money_claims(b, doc)
    _date_claims(b, doc)
    _agent_claims(b, doc)
    _place_claims(b, doc)
    title_claims(b, doc)
    mode_claims(b, doc)
    relative_date_claims(b, doc)
    opponent_claims(b, doc)
    membership_claims(b, doc)
    b.claims.extend(extract_measures(doc, ctx))
    _subjects_from_titles(ctx, b.claims)
    # an age is a person's: one whose description named no titled person of the article is dropped
    claims = [c for c in b.claims if c.attribute != "age" or c.subject in ctx.entity_type
              or normalize_title(c.subject.split())[0] is None]
    return _finalize(article, claims)


def _subjects_from_titles(ctx: Context, claims: list[Claim]) -> None:
    """A subject that is only a description ("the former county clerk") is the one entity of the
    article given that title, when exactly one is."""
    holders: dict[str, set[str]] = {}
    for c in claims:
        if c.attribute == "title" and c.subject in ctx.entity_type:
            holders.setdefault(str(c.value), set()).add(c.subject)
    for c in claims:
        if c.subject in ctx.entity_type or c.attribute == "title":
            continue
        core, _ = normalize_title(c.subject.split())
        keys = holders.get(core or "", set())
        if len(keys) == 1:
            c.subject = next(iter(keys))


def _finalize(article: Article, claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[Any, ...]] = set()
    out: list[Claim] = []
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.attribute, str(c.value))):
        key = (c.subject, c.attribute, str(c.value), c.start, c.end)
        if key in seen:
            continue
        seen.add(key)
        if article.text[c.start:c.end] != c.text:
            continue  # the parse was made from other text: never emit a span that does not match
        c.id = f"{article.id}:c{len(out)}"
        out.append(c)
    return out


# ----------------------------------------------------------------------------- quantities


def _so_far(tok: Token) -> bool:
    sent = tok.sent.text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", sent) for w in SO_FAR if w != "yet")


def _ancestor_lemmas(tok: Token, limit: int = 4) -> list[str]:
    out = []
    for i, anc in enumerate(tok.ancestors):
        if i >= limit:
            break
        out.append(anc.lemma_.lower())
    return out


def _quantity_claims(b: ClaimBuilder, doc: Doc) -> None:
    money_tokens = {t.i for ent in doc.ents if ent.label_ == "MONEY" for t in ent}
    count_items: dict[int, list[_Item]] = {}  # sentence start -> listed charges
    totals: dict[int, list[Claim]] = {}
    for run in number_runs(doc):
        if run[0].i in money_tokens:
            continue
        value = number_value(run)
        if value is None:
            continue
        num = run[-1]
        qualifier, q_start = qualifier_before(doc, run[0].i)
        head = num.head if num.dep_ in ("nummod", "compound", "quantmod", "amod") else None
        sent_start = num.sent.start
        if _age_claim(b, doc, run, value, head):
            continue
        if head is None:
            continue
        lemma = head.lemma_.lower()
        if lemma in TIME_UNITS:
            _sentence_claim(b, doc, run, value, head, qualifier, q_start)
        elif lemma in CHARGE_NOUNS and float(value).is_integer():
            claim, more = _charge_claim(b, doc, run, int(value), head, qualifier, q_start)
            if claim is None:
                continue
            if claim.attribute.startswith("count:"):
                listed = count_items.setdefault(sent_start, [])
                listed.append((claim.attribute[len("count:"):], int(value), claim.start,
                               claim.end, claim))
                listed.extend((name, n, s, e, claim) for name, n, s, e in more)
            else:
                totals.setdefault(sent_start, []).append(claim)
    _lists_and_totals(b, count_items, totals)


def _age_claim(b: ClaimBuilder, doc: Doc, run: list[Token], value: float, head: Token | None) -> bool:
    if not float(value).is_integer() or not 0 < value < 125:
        return False
    num = run[-1]
    person: Token | None = None
    tokens = list(run)
    if head is not None and head.lemma_.lower() == "year" and head.head.lemma_.lower() == "old":
        old = head.head  # "69-year-old mother", "70 years old"
        tokens += [head, old]
        if old.dep_ == "amod":
            person = old.head
        elif old.dep_ == "acomp":
            person = next((c for c in old.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif old.dep_ in ("nsubj", "nsubjpass", "appos", "dobj", "pobj"):
            person = old
    elif num.dep_ in ("appos", "npadvmod", "amod") and num.head.pos_ == "PROPN" and \
            len(run) == 1 and num.text.isdigit() and not any(True for _ in num.children):
        # "Peters, 70, ...": news style writes ages in figures, so "one of ..." is no age
        person = num.head  # (checked to be a person below)
    elif num.dep_ == "attr" and num.head.lemma_ == "be" and num.head.dep_ == "relcl" and \
            num.head.head.pos_ == "PROPN" and any(c.dep_ == "nsubj" and c.lower_ == "who"
                                                   for c in num.head.children):
        person = num.head.head  # "Olga Brisk, who is 47, …"
    elif num.head.lower_ in ("aged", "age") and num.head.head.i != num.head.i:
        tokens.append(num.head)
        person = num.head.head if num.head.dep_ in ("acl", "amod", "appos") else None
    if person is None:
        return False
    subject = b.ctx.who(person)
    kind = b.ctx.entity_type.get(subject)
    named = _through_appos(person).pos_ == "PROPN"
    # "the 61-year-old mayor": an office title is a person, the one the article gives that title
    # (resolved by _subjects_from_titles; dropped when no one or several hold it)
    titled = kind is None and not named and person.pos_ == "NOUN" and \
        normalize_title(subject.split())[0] is not None
    if kind not in (None, "PERSON") or kind is None and not named and not titled:
        return False  # an age needs a person; a bare noun ("mother") without a name is no claim
    b.add(subject=subject, attribute="age", value=int(value), unit="year", tokens=tokens,
          anchor=num)
    return True


def _through_appos(tok: Token) -> Token:
    while tok.dep_ == "appos" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_sentence_noun(tok: Token) -> bool:
    cur = tok
    for _ in range(3):
        if cur.lemma_.lower() in SENTENCE_NOUNS:
            return True
        if cur.dep_ not in ("compound", "amod", "nmod", "nummod") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return cur.lemma_.lower() in SENTENCE_NOUNS


def _sentence_claim(b: ClaimBuilder, doc: Doc, run: list[Token], value: float, unit_tok: Token,
                    qualifier: str | None, q_start: int) -> None:
    if any(c.lower_ in RELATIVE_TIME_WORDS for c in unit_tok.children):
        return  # "two years ago", "a year later"
    ancestors = _ancestor_lemmas(unit_tok)
    in_prison = any(c.lower_ in ("in", "behind") and any(g.lemma_.lower() in PRISON_WORDS
                                                         for g in c.children)
                    for c in unit_tok.children) or \
        any(c.dep_ == "prep" and c.lower_ == "behind" for c in unit_tok.head.children)
    is_sentence = _is_sentence_noun(unit_tok.head) if unit_tok.dep_ != "ROOT" else False
    if not is_sentence and unit_tok.dep_ in ("pobj", "dobj", "npadvmod", "attr"):
        if any(a in SENTENCE_VERBS for a in ancestors[:3]):
            is_sentence = True
        elif in_prison and any(a in SERVE_VERBS for a in ancestors[:3]):
            is_sentence = True
    if not is_sentence or unit_tok.dep_ == "attr" and "into" in ancestors:
        return
    anchor = unit_tok.head if _is_sentence_noun(unit_tok.head) else unit_tok
    subj = claim_subject(anchor)
    if subj is None:
        return
    tokens = [*doc[q_start:run[0].i], *run, unit_tok]
    if anchor.i != unit_tok.i:
        tokens.append(anchor)
    b.add(subject=b.ctx.who(subj), attribute="sentence_length", value=tidy(value),
          unit=TIME_UNITS[unit_tok.lemma_.lower()], tokens=tokens, anchor=anchor,
          qualifier=qualifier)


def _label_words(toks: list[Token]) -> str:
    return " ".join(t.lemma_.lower() for t in toks if t.dep_ not in ("det", "poss"))


def _trim(toks: list[Token]) -> list[Token]:
    while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
        toks = toks[:-1]
    while toks and (toks[0].dep_ == "cc" or toks[0].is_punct):
        toks = toks[1:]
    return toks


def _charge_label(noun: Token, stop: set[int]
                  ) -> tuple[str, list[Token], list[tuple[str, list[Token]]]] | None:
    """The charge named by "count(s) of X", cut before the next list item.

    Also returns the unnumbered charges that continue a comma list after it ("three counts of X,
    Y, Z and W": Y, Z and W are one count each) — only when the list has a comma, so "counts of
    theft of cars and trucks" stays one charge."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if prep is None:
        return None
    toks = sorted(prep.subtree, key=lambda t: t.i)[1:]
    end = len(toks)
    for k, t in enumerate(toks):
        if t.i in stop:
            end = k
            break
    toks = toks[:end]
    # conjuncts that start further items: nouns joined by "conj" inside the object
    starts = [t for t in toks if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN")
              and t.head.i in {x.i for x in toks}]
    has_comma = any(t.text == "," and t.i < (starts[-1].i if starts else -1) for t in toks)
    cut_points = sorted(min(x.i for x in s.subtree if x.i >= s.head.i + 1 and x.i <= s.i)
                        for s in starts) if starts and has_comma else []
    items: list[list[Token]] = []
    cur: list[Token] = []
    for t in toks:
        if t.i in cut_points and cur:
            items.append(cur)
            cur = []
        cur.append(t)
    if cur:
        items.append(cur)
    items = [it for it in (_trim(x) for x in items) if it]
    if not items:
        return None
    first = items[0]
    extra = [(_label_words(it), it) for it in items[1:]
             if not any(x.tag_ in ("VBD", "VBZ", "VBP") for x in it)]  # a clause is no charge
    return _label_words(first), first, extra


def _charge_claim(b: ClaimBuilder, doc: Doc, run: list[Token], value: int, noun: Token,
                  qualifier: str | None, q_start: int
                  ) -> tuple[Claim | None, list[tuple[str, int, int, int]]]:
    """A ``count:<charge>`` or ``charge_count`` claim, and unnumbered list items that follow it."""
    subj = claim_subject(noun)
    subject = b.ctx.who(subj) if subj is not None else None
    if subject is None:
        return None, []
    # the numbers of the other numbered charge nouns start the next list item
    stop = {c.i for t in noun.sent if t.i != noun.i and t.lemma_.lower() in CHARGE_NOUNS
            for c in t.children if c.dep_ == "nummod"}
    tokens = [*doc[q_start:run[0].i], *run, noun]
    label = _charge_label(noun, stop) if noun.lemma_.lower() == "count" else None
    if label is not None:
        name, label_toks, extra = label
        claim = b.add(subject=subject, attribute=f"count:{name}", value=value, unit="count",
                      tokens=tokens + label_toks, anchor=noun, qualifier=qualifier)
        more = [(n, 1, *span_of(toks)) for n, toks in extra]
        return claim, more
    qual = qualifier or ("so_far" if _so_far(noun) else None)
    return b.add(subject=subject, attribute="charge_count", value=value, unit="count",
                 tokens=tokens, anchor=noun, qualifier=qual), []


# (label, value, start, end) of one listed charge, with the claim that carries the subject/voice
_Item = tuple[str, int, int, int, Claim]


def _lists_and_totals(b: ClaimBuilder, items: dict[int, list[_Item]],
                      totals: dict[int, list[Claim]]) -> None:
    """Counts listed in one sentence: parts of the total stated there, or a list claim of their own."""
    for sent_start, listed in items.items():
        by_subject: dict[str, list[_Item]] = {}
        for item in listed:
            by_subject.setdefault(item[4].subject, []).append(item)
        for subject, group in by_subject.items():
            group.sort(key=lambda it: it[2])
            parts = [{"item": name, "value": n} for name, n, _, _, _ in group]
            sent_totals = [t for t in totals.get(sent_start, []) if t.subject == subject]
            if sent_totals:
                sent_totals[0].parts = parts
                continue
            if len(group) < 2:
                continue
            first = group[0][4]
            start, end = group[0][2], max(it[3] for it in group)
            start = min(start, first.start)
            claim = Claim(id="", subject=subject, attribute="charge_count",
                          value=sum(it[1] for it in group), article=first.article, start=start,
                          end=end, text=b.ctx.article.text[start:end], unit="count",
                          as_of=first.as_of, voice=first.voice, hedged=first.hedged,
                          parts=parts, qualifier="list")
            b.claims.append(claim)


# ----------------------------------------------------------------------------- money


def _money_claims(b: ClaimBuilder, doc: Doc) -> None:
    for ent in doc.ents:
        if ent.label_ != "MONEY":
            continue
        # the entity may start with its bound ("more than $2.3 million"): skip to the amount
        first = next((t.i for t in ent if t.text in ("$", "€", "£") or t.like_num), ent.start)
        if first > 0 and doc[first - 1].text in ("$", "€", "£"):
            first -= 1  # the currency sign left outside the entity
        toks = [t for t in doc[first:ent.end] if not t.is_punct]
        in_range = next((k for k, t in enumerate(toks) if t.lower_ in ("to", "and")), None)
        if in_range is not None:  # "$200,000 to $300,000" in one entity: keep the lower bound
            toks = toks[:in_range]
        value = number_value([t for t in toks if t.text not in ("$", "€", "£")])
        if value is None:
            continue
        if ent.end < len(doc) and doc[ent.end].text == "-":
            continue  # a rate inside a hyphenated modifier ("$12-an-hour workers")
        root = ent.root
        what = _money_what(root)
        if what == "be":  # "the bill is $40,000": the subject names the amount
            subj_tok = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
            if subj_tok is None or subj_tok.pos_ != "NOUN":
                continue
            what = subj_tok.lemma_.lower()
        qualifier, q_start = qualifier_before(doc, first)
        qualifier = qualifier or ("at_least" if in_range is not None else None) or \
            _range_bound(doc, first, ent.end)
        subj = claim_subject(root)
        if subj is None:
            continue
        b.add(subject=b.ctx.who(subj), attribute=f"amount:{what}", value=tidy(value),
              unit=currency_of(list(doc[first:ent.end])) or "USD",
              tokens=[*doc[q_start:first], *doc[first:ent.end]],
              anchor=root, qualifier=qualifier)


# known lemmatizer slips of en_core_web_sm ("fined" → "fin")
_LEMMA_FIXES = {"fin": "fine"}


def _range_bound(doc: Doc, start: int, end: int) -> str | None:
    """"$200,000 to $300,000": the first amount is a lower bound, the second an upper bound."""
    def amount_at(i: int) -> bool:
        return 0 <= i < len(doc) and (doc[i].text in ("$", "€", "£") or doc[i].like_num)
    if end + 1 < len(doc) and doc[end].lower_ in ("to", "-", "–") and amount_at(end + 1):
        return "at_least"
    if start >= 2 and doc[start - 1].lower_ in ("to", "-", "–") and amount_at(start - 2):
        return "at_most"
    return None


def _money_what(root: Token) -> str:
    what = _money_head(root)
    return _LEMMA_FIXES.get(what, what)


def _money_head(root: Token) -> str:
    for c in root.children:  # "$1.4 million in damages"
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ == "NOUN":
                    return p.lemma_.lower()
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "NOUN"):
        return head.head.lemma_.lower()
    if root.dep_ in ("nummod", "compound", "amod") and head.pos_ == "NOUN":
        return head.lemma_.lower()
    if root.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower()
    return "total"


# ----------------------------------------------------------------------------- dates of events


def _event_of(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "prt" for c in tok.children):
        return None  # a phrasal verb means something else ("fired back", "ruled out")
    if lemma == "find" and any(c.lower_ == "guilty" for c in tok.children):
        return "convicted"
    if lemma == "plead" and any(c.lower_ == "guilty" for c in tok.subtree):
        return "pleaded_guilty"
    if tok.pos_ == "VERB" or tok.pos_ == "NOUN" and lemma in EVENT_NOUNS:
        name = EVENT_LEMMAS.get(lemma)
        if name is not None and not (tok.pos_ == "NOUN" and lemma in ("sentence", "charge")):
            return name
    return None


def _activity_of(b: ClaimBuilder, verb: Token) -> Token | None:
    """The activity a verb of beginning or ending is about, when a common noun names it: its object
    ("started its recall"), else its subject ("the recall began"); never a person or a named thing
    ("Lee started on Monday" says nothing of what started), nor a verb's own clause ("began
    recalling")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ASPECT_VERBS or \
            any(c.dep_ in ("prt", "xcomp", "ccomp") for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    nouns = objects or [c for c in verb.children if c.dep_ == "nsubj"]
    noun = nouns[0] if len(nouns) == 1 else None
    if noun is None or noun.pos_ != "NOUN" or b.ctx.entity_of(noun) or \
            NOUN_CLASSES.get(noun.lemma_.lower()) in ("person", "child", "job"):
        return None
    return noun


def _date_claims(b: ClaimBuilder, doc: Doc) -> None:
    for tx in b.ctx.timexes:
        if tx.type != "DATE" or not _ISO.match(tx.value or ""):
            continue
        span = char_span(doc, tx.start, tx.end)
        if span is None:
            continue
        root = span.root
        event_tok: Token | None = None
        prev = root
        for steps, anc in enumerate(root.ancestors):
            if steps >= 5 or prev.dep_ in ("relcl", "acl", "ccomp", "appos"):
                break  # a date inside a relative or reported clause dates that clause only
            if _event_of(anc) or _activity_of(b, anc) is not None:
                event_tok = anc
                break
            if anc.lemma_.lower() in ATTRIBUTION_VERBS:
                break
            prev = anc
        if event_tok is None or _irrealis(event_tok):
            continue
        activity = _activity_of(b, event_tok)
        if activity is not None:  # "the recall began on June 4": the recall's start, whoever runs it
            b.add(subject=activity.lemma_.lower(), value=tx.value, tokens=[*span, event_tok, activity],
                  attribute=f"date_of:{ASPECT_VERBS[event_tok.lemma_.lower()]}", anchor=event_tok)
            continue
        event = _event_of(event_tok) or ""
        if event_tok.pos_ == "NOUN":
            subj = next((c for c in event_tok.children if c.dep_ == "poss"), None)
            if subj is None:
                for c in event_tok.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        subj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if subj is None:
                subj = claim_subject(event_tok)
        else:
            subj = patient_of(event_tok)
        if subj is None:
            continue
        tokens = [*span, event_tok]
        b.add(subject=b.ctx.who(subj), attribute=f"date_of:{event}", value=tx.value,
              tokens=tokens, anchor=event_tok)


# ----------------------------------------------------------------------------- agents

_MODALS = MODAL_VERBS | {"would"}


def _irrealis(verb: Token) -> bool:
    """A negated or modal act ("cannot pardon", "was not convicted") states no fact."""
    return any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _agent_claims(b: ClaimBuilder, doc: Doc) -> None:
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        event = _event_of(tok)
        if event not in AGENT_EVENTS or _irrealis(tok):
            continue
        agent: Token | None = None
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        for c in tok.children:
            if c.dep_ == "agent":
                agent = next((p for p in c.children if p.dep_ == "pobj"), None)
        patient: Token | None
        if agent is None and not passive:
            agent = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            patient = patient_of(tok)
            if patient is not None and patient.dep_ == "nsubj" and patient.head.i == tok.i:
                patient = None  # the active subject is the agent, not the patient
        else:
            patient = patient_of(tok)
        if agent is None or patient is None or agent.lower_ in ("it", "this", "that"):
            continue
        if agent.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
            agent = tok.head
        key = b.ctx.entity_of(agent)
        if agent.pos_ == "PRON" and key is None:
            continue
        value = key or plain_label(noun_phrase(agent))
        np = noun_phrase(agent)
        b.add(subject=b.ctx.who(patient), attribute=f"{event}_by", value=value,
              tokens=[tok, *np], anchor=tok)


# ----------------------------------------------------------------------------- places


def _named_place(ent_tokens: list[Token]) -> bool:
    words = {t.lower_ for t in ent_tokens}
    return bool(words & DETENTION_PLACE_WORDS) and any(t.pos_ == "PROPN" for t in ent_tokens)


def _place_claims(b: ClaimBuilder, doc: Doc) -> None:
    for ent in doc.ents:
        toks = [t for t in ent if t.lower_ != "the"]
        if not toks:
            continue
        lower = ent.text.lower()
        if ent.label_ in ("FAC", "ORG", "GPE") and _named_place(toks):
            attribute = "held_at"
        elif ent.label_ == "ORG" and re.search(r"\bcourt\b", lower):
            attribute = "court"
        else:
            continue
        subj = claim_subject(ent.root)
        if subj is None:
            continue
        subject = b.ctx.who(subj)
        if b.ctx.entity_type.get(subject) != "PERSON":
            continue
        b.add(subject=subject, attribute=attribute,
              value=re.sub(r"\s+", " ", " ".join(t.text for t in toks)).lower(),
              tokens=toks, anchor=ent.root)
