"""Fixtures for the store tests: a hand-built analysis that uses every part of the model, and
hypothesis strategies for every model dataclass."""

from __future__ import annotations

import dataclasses
import types
import typing

import pytest
from hypothesis import strategies as st

from storyline import model as m

TEXT = ('Flood waters rose overnight in Riverton, officials said. "We are not leaving," said Ana Ruiz, '
        "62, who has lived on Mill Street since 1998.")


def _span(text: str, piece: str, article: str = "a1") -> m.Span:
    start = text.index(piece)
    return m.Span(article, start, start + len(piece), piece)


@pytest.fixture
def sample_analysis() -> m.ArticleAnalysis:
    """A fresh, fully populated ArticleAnalysis (every list non-empty, spans true to the text)."""
    t = TEXT
    art = m.Article(id="a1", text=t, path="in/flood.txt", title="Riverton floods", outlet="Valley News",
                    byline=["Sam Lee", "Kim Ode"], dateline="RIVERTON", url="https://example.org/x",
                    published=m.PubDate(None, "2024-03-01", "2024-03-09", "inferred"),
                    boilerplate=["© 2024 Valley News"], source_format="html")
    q_start = t.index("We are")
    q = m.Quote(q_start, q_start + len("We are not leaving,"), "We are not leaving,", speaker="a1:0",
                speaker_text="Ana Ruiz", speaker_start=t.index("Ana"),
                speaker_end=t.index("Ana") + len("Ana Ruiz"), cue="said", kind="full")
    ent = m.LocalEntity("a1:0", "Ana Ruiz", "PERSON",
                        mentions=[m.Mention(t.index("Ana"), t.index("Ana") + 8, "Ana Ruiz", "PERSON",
                                            "a1:0")],
                        roles=[m.Role("resident", [_span(t, "lived")], as_of="2024-03-01", qualifier=None)])
    tx = m.TimeExpr(t.index("1998"), t.index("1998") + 4, "1998", "DATE", "1998", "1998-01-01",
                    "1998-12-31", "absolute", True)
    claim = m.Claim("c1", "a1:0", "age", 62, "a1", t.index("62"), t.index("62") + 2, "62", unit="years",
                    as_of="2024-03-01", voice="reporter", hedged=False, parts=[{"n": 1}, 2.5, "x"])
    ev = m.EventMention("a1", 0, t.index(".") + 1, t[:t.index(".") + 1], 0, predicate="rise",
                        entities=["a1:0"])
    lab = m.Label("not leaving", q_start + 7, q_start + 18, "not leaving", voice="quoted")
    return m.ArticleAnalysis(article=art, sentences=[m.Sentence(0, t.index(".") + 1)],
                             mentions=list(ent.mentions), entities=[ent], timexes=[tx], quotes=[q],
                             claims=[claim], events=[ev], labels=[lab])


def build_strategy(tp: typing.Any) -> st.SearchStrategy[typing.Any]:
    """A hypothesis strategy for a model type, built from its type hints like the codec reads them."""
    json_scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                            st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8))
    if tp is typing.Any:
        return st.one_of(json_scalar, st.lists(json_scalar, max_size=3))
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[st.none() if a is type(None) else build_strategy(a) for a in args])
    if origin is list:
        return st.lists(build_strategy(args[0]), max_size=2)
    if origin is dict:
        return st.dictionaries(st.text(max_size=5), build_strategy(args[1]), max_size=2)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return st.builds(tp, **{f.name: st.deferred(lambda h=hints[f.name]: build_strategy(h))
                                for f in dataclasses.fields(tp)})
    return {str: st.text(max_size=12), int: st.integers(-10**6, 10**6), bool: st.booleans(),
            float: st.floats(allow_nan=False, allow_infinity=False)}[tp]


@pytest.fixture(scope="session")
def model_strategy() -> typing.Callable[[typing.Any], st.SearchStrategy[typing.Any]]:
    """``model_strategy(SomeModelType)``: a hypothesis strategy for that type."""
    return build_strategy
