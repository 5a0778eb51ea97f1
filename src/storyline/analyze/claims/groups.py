"""Whether one group is counted within another (``member_of:<group>|<part>`` claims).

"The crew members, including the two engineers" counts the engineers among the crew; "the
18-member crew and the two engineers" lists them in addition to it. Two reports that relate the
same two groups both ways give different totals for the same people (a possible conflict: a list
can be loose). Coordination counts only when both groups carry a number — a listing of counts is
what sets them apart; with "including", the part is a counted plural ("including the two engineers").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.analyze.claims.context import ClaimAdder

__all__ = ["AMONG", "IN_ADDITION", "membership_claims"]

AMONG = "counted among them"
IN_ADDITION = "listed in addition"


def _group(noun: Token) -> str:
    """The group a noun names: "crew members" → crew, "engineers" → engineer."""
    lemma = noun.lemma_.lower()
    if lemma == "member":
        comp = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                     and c.lemma_.lower() != "member"), None)
        if comp is not None:
            return comp.lemma_.lower()
    return lemma


def _name(noun: Token) -> list[Token]:
    """The noun with its compounds ("crew members")."""
    return [*[c for c in noun.children if c.dep_ == "compound"], noun]


def _counted(noun: Token) -> bool:
    """A number is written with the group ("two engineers", "the 18-member crew")."""
    for c in noun.children:
        if c.dep_ == "nummod":
            return True
        if c.dep_ in ("compound", "amod") and any(g.dep_ == "nummod" for g in c.children):
            return True
    return False


def membership_claims(b: ClaimAdder, doc: Doc) -> None:
    for noun in doc:
        if noun.pos_ != "NOUN":
            continue
        whole = _group(noun)
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "including":
                if noun.tag_ != "NNS":
                    continue  # a group is plural ("the crew members"; "the trial, including …" is no group)
                for part in (p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"
                             and p.tag_ == "NNS" and _counted(p)):
                    for p in (part, *[c for c in part.conjuncts if c.pos_ == "NOUN"]):
                        if _group(p) != whole:
                            b.add(subject=whole, attribute=f"member_of:{whole}|{_group(p)}", value=AMONG,
                                  tokens=[*_name(noun), prep, p], anchor=noun)
        if noun.dep_ == "conj" or not _counted(noun):
            continue
        for other in (c for c in noun.conjuncts if c.pos_ == "NOUN" and c.i > noun.i and _counted(c)):
            if _group(other) != whole:
                b.add(subject=whole, attribute=f"member_of:{whole}|{_group(other)}", value=IN_ADDITION,
                      tokens=[*noun.subtree][:1] + [noun, other], anchor=noun)
