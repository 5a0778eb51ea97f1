"""Roles and titles around a name, read from the dependency parse (used by
:mod:`storyline.analyze.entities.extract`), and the small token helpers and candidate record it shares.

Titles in front of a name ("Colorado Attorney General Phil Weiser", "then-Attorney General Bill
Barr"), appositions in both directions, copular relative clauses and predicates ("X is the mayor",
"X serves as director of ..."), with "former"/"ex-"/"then-"/"now" as qualifiers.

A party or nationality in apposition ("X, a Democrat"; "X and Y, both Republicans") is an
affiliation, not a title: it gets the internal qualifier :data:`AFFILIATION`, is never emitted as a
:class:`~storyline.model.Role`, and only serves to link a later description ("the Democrat").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.analyze.entities.names import bare_word
from storyline.lexicon.en.names import AFFILIATION_NOUNS, HONORIFICS, OFFICE_WORDS, QUALIFIERS, ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.analyze.entities.casing import Casing

# Internal qualifier of an affiliation (see the module docstring).
AFFILIATION = "affiliation"
# Dependency labels of modifiers that can belong to a title in front of a name or role noun.
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod", "advmod", "punct"})
_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "PUNCT"})


@dataclass
class Candidate:
    """One mention candidate (a name or a description) before grouping."""

    i: int  # first token of the mention (doc index)
    j: int  # one past the last token
    start: int
    end: int
    text: str
    label: str
    person_evidence: bool = False
    # the type the name's context gives it ("in X" → GPE, "X chief executive" → ORG; see
    # :mod:`storyline.analyze.entities.context`), weighed in the group's vote
    type_evidence: str | None = None
    description: bool = False
    head_lemma: str | None = None  # descriptions: lemma of the role noun
    modifiers: tuple[str, ...] = ()  # descriptions: lower-cased modifier words
    roles: list[tuple[str, str | None, int, int]] = field(default_factory=list)  # title, qual, s, e


def is_title_word(tok: Token) -> bool:
    b = bare_word(tok.text)
    return b in HONORIFICS or b in OFFICE_WORDS


def title_head(title: str) -> str:
    """Lower-cased head word of a title: the word before "of"/"for", else the last word."""
    words = title.replace("-", " ").split()
    for k, w in enumerate(words):
        if k and w.lower() in ("of", "for", "at", "and"):
            return bare_word(words[k - 1])
    return bare_word(words[-1]) if words else ""


def is_possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or tok.text in ("'s", "\u2019s", "'", "\u2019", "'S", "\u2019S")


def _role_head_ok(tok: Token) -> bool:
    """Can this noun head a role/description ("clerk", "Attorney", "loyalist", "Democrat")?"""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    b = bare_word(tok.lemma_ if tok.pos_ == "NOUN" else tok.text)
    if b in ROLE_NOUNS or b in OFFICE_WORDS or bare_word(tok.text) in ROLE_NOUNS:
        return True
    if tok.ent_type_ == "NORP":
        return True
    return tok.pos_ == "NOUN" and tok.is_lower and b.endswith(("ist", "er", "or", "ian", "ant", "ent"))


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get("storyline.text")
    if text is None:
        text = doc.user_data["storyline.text"] = doc.text
    return text


# ----------------------------------------------------------------------------- roles


def left_modifiers(doc: Doc, first: int, last: int, stop_before: int = 0) -> int:
    """Walk left from token ``first`` over modifiers that attach inside [k+1, last]; returns the
    index of the leftmost modifier (== first when none)."""
    k = first - 1
    leftmost = first
    while k >= stop_before:
        tok = doc[k]
        if tok.dep_ not in _TITLE_DEPS or not (k < tok.head.i <= last):
            break
        if tok.pos_ not in _TITLE_POS and tok.lower_ not in QUALIFIERS:
            break  # "to spring activist X": a verb mis-attached as a modifier is not a title
        if tok.dep_ == "punct" and tok.tag_ != "HYPH":
            break
        if tok.dep_ == "nmod" and any(is_possessive(c) for c in tok.children):
            break  # "Trump's pardon attorney": the possessor is not part of the title
        if is_possessive(tok) or tok.dep_ in ("det", "poss", "case"):
            break
        leftmost = k
        k -= 1
    return leftmost


def split_qualifier(doc: Doc, a: int, b: int) -> tuple[int, str | None]:
    """Skip leading qualifier words ("former", "then-", "ex-", "now") of tokens [a, b)."""
    qual = None
    while a < b:
        tok = doc[a]
        q = QUALIFIERS.get(tok.lower_.strip("-"))
        if q and a + 1 < b:
            qual = qual or q
            a += 1
            continue
        if tok.tag_ == "HYPH" or tok.text == "-":
            a += 1
            continue
        break
    # "ex-" may be glued to the next word by the tokenizer ("ex-governor" as one token)
    return a, qual


def _make_role(doc: Doc, a: int, b: int, qual: str | None = None,
               head_i: int | None = None) -> tuple[str, str | None, int, int] | None:
    """A role from tokens [a, b) (qualifier words first), or None when it has no role head.
    ``head_i`` is the head noun (default: the last token)."""
    if b <= a:
        return None
    ta, q2 = split_qualifier(doc, a, b)
    qual = qual or q2
    if ta >= b or all(t.lower_.strip("-") in QUALIFIERS or t.is_punct for t in doc[ta:b]):
        return None
    head = doc[b - 1 if head_i is None else head_i]
    if bare_word(head.text) in HONORIFICS and b - ta == 1:
        return None  # "Ms." alone is not a role
    if not (_role_head_ok(head) or is_title_word(head) or (head.pos_ == "NOUN" and head.is_lower)):
        return None
    if head.ent_type_ == "NORP" or bare_word(head.text) in AFFILIATION_NOUNS:
        qual = AFFILIATION  # "X, a Democrat": kept for descriptions, not emitted as a title
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    title_start = doc[ta].idx
    title = " ".join(doc_text(doc)[title_start:end].split())
    if not title:
        return None
    return title, qual, start, end


def _glued_qualifier(doc: Doc, a: int) -> tuple[int, str | None]:
    """"ex-governor" / "then-senator" split by the tokenizer (and sometimes left out of the parse):
    extend the title start over the qualifier and its hyphen when they touch the title."""
    if a >= 2 and doc[a - 1].text == "-" and not doc[a - 1].whitespace_ and \
            not doc[a - 2].whitespace_ and doc[a - 2].lower_ in QUALIFIERS:
        return a - 2, QUALIFIERS[doc[a - 2].lower_]
    return a, None


def roles_before(doc: Doc, c: Candidate, title_start: int,
                  casing: Casing) -> list[tuple[str, str | None, int, int]]:
    """Title in front of the name: trimmed tokens inside the NER span plus parse modifiers left of it."""
    root_last = c.j - 1
    a = left_modifiers(doc, title_start, root_last)
    a = _trim_title_start(doc, a, c.i, casing)
    if a == c.i:
        return []
    a, glued = _glued_qualifier(doc, a)
    role = _make_role(doc, a, c.i, glued)
    if role:
        c.person_evidence = c.person_evidence or any(is_title_word(t) for t in doc[a:c.i])
        return [role]
    return []


# Words that take an infinitive ("a step to free ...", "moved to pardon ..."), as opposed to "to" as
# a preposition ("spoke to border czar ..."): a small closed class of control nouns and verbs.
_TAKES_INFINITIVE = frozenset("""step bid move effort push plan attempt campaign drive order decision
vow pledge promise motion petition offer deal way chance power authority need intent proposal
seek try want aim work fight hope decide agree refuse threaten rush scramble race act intend
prepare continue begin start fail urge help lobby rally mobilize vote sue appeal""".split())


def _infinitival(to: Token) -> bool:
    """Is this "to" an infinitive marker, judged by the word it hangs on (the parse itself may
    have read the verb after it as a noun and "to" as a preposition)?"""
    return to.dep_ == "aux" or to.head.lemma_.lower() in _TAKES_INFINITIVE


def _trim_title_start(doc: Doc, a: int, b: int, casing: Casing) -> int:
    """Drop words the parse wrongly put in front of a title:

    * a verb after infinitival "to" tagged as a noun ("a step to spring activist Jane Doe");
    * capitalized common words of an emphatic quotation or headline ("Radical Left Colorado
      Attorney General"), which are the speaker's epithets, not the office.
    """
    if a < b and a > 0 and doc[a - 1].lower_ == "to" and _infinitival(doc[a - 1]) and \
            doc[a].is_lower and doc[a].lower_ in casing.verbs and not is_title_word(doc[a]) and \
            bare_word(doc[a].text) not in ROLE_NOUNS and doc[a].lower_ not in QUALIFIERS:
        a += 1
    while a < b and casing.unreliable(a, b) and doc[a].text[:1].isupper() and \
            not is_title_word(doc[a]) and bare_word(doc[a].text) not in ROLE_NOUNS and \
            doc[a].ent_type_ not in ("GPE", "ORG", "NORP") and casing.common(doc[a]):
        a += 1
    return a


def _phrase(doc: Doc, head: Token, skip: set[int]) -> tuple[int, int, str | None]:
    """Token range of a role noun phrase: left modifiers (no determiner/possessor), the head, and
    right-hand ``of``/``for`` prepositional phrases and coordinated nouns ("clerk and recorder")."""
    a = left_modifiers(doc, head.i, head.i)
    qual = None
    for ch in head.children:
        if ch.i < a and ch.dep_ in ("advmod", "amod") and ch.lower_ in QUALIFIERS:
            qual = QUALIFIERS[ch.lower_]
    a, glued = _glued_qualifier(doc, a)
    qual = qual or glued
    # "Michigan's attorney general": a place or organization as possessor belongs to the title
    for ch in head.children:
        if ch.i == a - 2 and ch.dep_ == "poss" and ch.ent_type_ in ("GPE", "ORG", "NORP") and \
                is_possessive(doc[a - 1]) and ch.i not in skip:
            a = left_modifiers(doc, ch.i, ch.i)
    b = head.i + 1
    took_prep = False
    for ch in head.rights:
        if ch.i in skip:
            break
        sub = list(ch.subtree)
        right = max(t.i for t in sub)
        if any(t.i in skip for t in sub) or right - a > 14:
            break
        gap_ok = all(doc[x].dep_ == "cc" or doc[x].is_space for x in range(b, ch.i))
        if not gap_ok:
            break
        if ch.dep_ == "prep" and ch.lower_ in ("of", "for", "at") and not took_prep and \
                not any(t.dep_ == "pcomp" or t.pos_ == "VERB" for t in sub):
            took_prep = True
            b = right + 1
        elif ch.dep_ in ("cc", "conj"):
            b = right + 1
        else:
            break
    while b - 1 > head.i and (doc[b - 1].is_punct or doc[b - 1].dep_ == "cc"):
        b -= 1
    return a, b, qual


def predicate_roles(doc: Doc, c: Candidate, name_tokens_: set[int]) -> list[tuple[str, str | None, int, int]]:
    """Roles from appositions, copular relative clauses and predicates around a name."""
    out: list[tuple[str, str | None, int, int]] = []
    root = doc[c.j - 1]
    # the name's syntactic root: the token of the span whose head is outside the span
    for t in doc[c.i:c.j]:
        if not (c.i <= t.head.i < c.j) or t.head.i == t.i:
            root = t
            break

    own = set(range(c.i, c.j))

    def add(head: Token, qual: str | None = None) -> None:
        if head.i in name_tokens_ or not _role_head_ok(head):
            return
        a, b, q = _phrase(doc, head, own)
        role = _make_role(doc, a, b, qual or q, head.i)
        if role:
            out.append(role)

    def copular_children(tok: Token) -> None:
        for rc in tok.children:
            if rc.dep_ == "relcl" and rc.lemma_ == "be":
                adv = next((QUALIFIERS[x.lower_] for x in rc.children
                            if x.dep_ == "advmod" and x.lower_ in QUALIFIERS), None)
                for at in rc.children:
                    if at.dep_ == "attr":
                        add(at, adv)

    # "Ed Martin, a Trump loyalist, ..." — apposition to the right of the name
    for ch in root.children:
        if ch.dep_ == "appos" and ch.i >= c.j:
            add(ch)
            copular_children(ch)
    copular_children(root)
    # "the U.S. pardon attorney, Ed Martin" — the name is the apposition of a role noun
    if root.dep_ == "appos" and root.head.i < c.i:
        add(root.head)
    # "Peters is the former clerk" / "Martin serves as the director of ..."
    if root.dep_ in ("nsubj", "nsubjpass"):
        verb = root.head
        if verb.lemma_ == "be":
            for at in verb.children:
                if at.dep_ == "attr" and at.pos_ == "NOUN":
                    add(at)
        elif verb.lemma_ in ("serve", "work", "act"):
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            add(pobj)
    return out
