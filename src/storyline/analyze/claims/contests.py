"""Who beat whom at a named stage of a contest (``opponent:<stage>`` claims).

"Norland's quarter-final win over Estavia", "Norland beat Estavia in the semifinal": the team (or
candidate) that won, the stage that names the one contest ("semifinal", "final", "runoff"), and
the opponent as written. Two reports naming different opponents for the same winner at the same
stage contradict each other. A win without a named stage is not a claim (a team wins many
matches); the word lists are in :mod:`storyline.lexicon.en.claims`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.lexicon.en.claims import CONTEST_STAGES, WIN_NOUNS, WIN_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from storyline.analyze.claims.context import ClaimAdder

__all__ = ["opponent_claims"]


def opponent_claims(b: ClaimAdder, doc: Doc) -> None:
    for tok in doc:
        lemma = tok.lemma_.lower()
        found: tuple[Token, Token, str, list[Token]] | None = None
        if tok.pos_ == "NOUN" and lemma in WIN_NOUNS:
            found = _noun_win(tok)
        elif tok.pos_ == "VERB" and lemma in WIN_VERBS and not any(c.dep_ == "neg" for c in tok.children):
            found = _verb_win(tok)
        if found is None:
            continue
        winner, loser, stage, extra = found
        if winner.pos_ != "PROPN" or loser.pos_ != "PROPN":
            continue
        subject = b.ctx.who(winner)
        if subject not in b.ctx.entity_type:
            continue  # the winner must be a named entity of the article, not a stray word
        name = " ".join(t.text for t in sorted(loser.subtree, key=lambda t: t.i)
                        if t.pos_ == "PROPN" or t.dep_ in ("compound", "flat"))
        b.add(subject=subject, attribute=f"opponent:{stage}", value=name,
              tokens=[winner, tok, loser, *extra], anchor=tok)


def _stage(words: list[Token]) -> str:
    """The stage the words name, with what qualifies it ("semi-final" → "semifinal", "the
    Democratic primary" → "democratic primary"); "" when the last word names no stage."""
    kept = [t for t in sorted(words, key=lambda t: t.i) if not t.like_num and t.pos_ != "DET"]
    text = " ".join(t.lower_ for t in kept)
    text = re.sub(r"\s*[-–]\s*", "", text)  # "semi - final" → "semifinal"
    parts = text.split()
    return text if parts and parts[-1] in CONTEST_STAGES else ""


def _noun_win(win: Token) -> tuple[Token, Token, str, list[Token]] | None:
    winner = next((c for c in win.children if c.dep_ == "poss"), None)
    loser = next((p for c in win.children if c.dep_ == "prep" and c.lower_ in ("over", "against")
                  for p in c.children if p.dep_ == "pobj"), None)
    mods = [t for c in win.children if c.dep_ in ("amod", "compound") and c.i < win.i
            for t in c.subtree]  # "quarter - final": the parts of a hyphenated stage
    stage = _stage(mods)
    if winner is None or loser is None or not stage:
        return None
    return winner, loser, stage, mods


def _verb_win(verb: Token) -> tuple[Token, Token, str, list[Token]] | None:
    winner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    loser = next((c for c in verb.children if c.dep_ == "dobj"), None)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj":
                    stage = _stage([p, *[m for m in p.children if m.dep_ in ("amod", "compound")]])
                    if stage and winner is not None and loser is not None:
                        return winner, loser, stage, [c, p]
    return None
