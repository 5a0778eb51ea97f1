"""Hand-built parses for rule tests: a spaCy Doc made from words, tags, heads and labels written
in the test (as spaCy's own tests build them), so a model update cannot change what a rule test
means. No trained model is loaded: the vocabulary is blank English (its lexical attributes, such
as ``lower_`` and ``is_stop``, are rules of the language, not of a model). The ``article`` fixture
gives such a parse its article, published on one fixed day (``HAND_DAY``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyline.model import Article, PubDate

# The publication day of a hand-parsed article: a Wednesday, so a weekday name can fall on either side
HAND_DAY = "2025-06-04"

# (word, tag, pos, dep, head index, lemma)
Row = tuple[str, str, str, str, int, str]

_NO_SPACE_BEFORE = {",", ".", "”", "'s", ":", ";", "?", "!"}
_NO_SPACE_AFTER = {"“", "$"}


@cache
def _vocab() -> Vocab:
    return spacy.blank("en").vocab


def hand_parse(rows: Sequence[Row], ents: Sequence[str] | None = None) -> Doc:
    """A parsed Doc from rows; ``ents``: one IOB tag per token ("B-PERSON", "I-PERSON", "O")."""
    words = [r[0] for r in rows]
    spaces = [not (i + 1 == len(words) or words[i + 1] in _NO_SPACE_BEFORE or w in _NO_SPACE_AFTER)
              for i, w in enumerate(words)]
    return Doc(_vocab(), words=words, spaces=spaces, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows], lemmas=[r[5] for r in rows],
               ents=list(ents) if ents is not None else None)


@pytest.fixture
def parse() -> Callable[..., Doc]:
    return hand_parse


def hand_article(doc: Doc) -> Article:
    """The article of a hand-built parse: its text, published (metadata) on ``HAND_DAY``."""
    return Article(id="a1", text=doc.text,
                   published=PubDate(date=HAND_DAY, earliest=HAND_DAY, latest=HAND_DAY, basis="metadata"))


@pytest.fixture
def article() -> Callable[[Doc], Article]:
    return hand_article
