"""The codec round-trips every model dataclass: hand-built objects and hypothesis-generated ones."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline import model as m
from storyline.store.codec import (
    CodecError,
    analysis_from_dict,
    analysis_to_dict,
    dossier_from_dict,
    dossier_to_model_dict,
    from_dict,
    to_dict,
)


def test_hand_built_analysis_round_trips_through_json(sample_analysis: m.ArticleAnalysis) -> None:
    a = sample_analysis
    d = analysis_to_dict(a)
    back = analysis_from_dict(json.loads(json.dumps(d)))
    assert back == a
    assert isinstance(back.article.published, m.PubDate)
    assert isinstance(back.entities[0].roles[0].spans[0], m.Span)
    assert back.claims[0].parts == [{"n": 1}, 2.5, "x"]


def test_dossier_round_trips(sample_analysis: m.ArticleAnalysis) -> None:
    a = sample_analysis
    d = m.Dossier(
        story_id="s1", story_title="Riverton floods", articles=[a],
        entities=[m.Entity("e1", "Ana Ruiz", "PERSON", aliases=["Ruiz"], articles=["a1"])],
        timeline=[m.Event("ev1", m.EventDate("1998", "1998-01-01", "1998-12-31", "year", True),
                          "summary", [m.EventSource("a1", 0, 5, "Flood", "1998", 3, 7)], ["e1"])],
        quotes=[m.QuoteGroup("q1", "We are not leaving,", "e1", "Ana Ruiz",
                             [m.QuoteInstance("a1", 1, 2, "x")], [m.QuoteVariant("x", ["a1"])])],
        comparisons=[m.Comparison("cmp1", "e1", "age", "single_source",
                                  [m.ComparisonSide(62, ["c1"], ["a1"])], "one source")],
        coverage=[m.Coverage("a1", ["ev1"], [], {"e1": 1},
                             [m.CoverageLabel("x", "reporter", 1, [m.Span("a1", 0, 5, "Flood")])])])
    assert dossier_from_dict(json.loads(json.dumps(dossier_to_model_dict(d)))) == d


def test_missing_optional_keys_take_defaults_and_unknown_keys_are_ignored() -> None:
    """Older stored data (fewer fields) and newer (extra fields) both still load."""
    d = {"article": {"id": "x", "text": "t", "from_the_future": 1}, "sentences": [{"start": 0, "end": 1}]}
    a = analysis_from_dict(d)
    assert a.article.published == m.PubDate()
    assert a.sentences == [m.Sentence(0, 1)]
    assert a.quotes == []


@pytest.mark.parametrize("bad, where", [
    ({"article": {"text": "t"}}, "ArticleAnalysis.article: missing required field 'id'"),
    ({"article": {"id": "x", "text": "t"}, "sentences": {"start": 0}}, "ArticleAnalysis.sentences"),
    ({"article": {"id": "x", "text": 5}}, "ArticleAnalysis.article.text: expected str"),
    ({"article": {"id": "x", "text": "t", "published": None}}, "ArticleAnalysis.article.published"),
])
def test_bad_data_names_the_field(bad: dict, where: str) -> None:
    with pytest.raises(CodecError, match=where.replace("[", r"\[").replace(".", r"\.")):
        analysis_from_dict(bad)


# ------------------------------------------------------------------ generated objects, every type

MODEL_TYPES = [obj for obj in vars(m).values()
               if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == m.__name__]


def test_every_model_dataclass_is_covered() -> None:
    assert m.ArticleAnalysis in MODEL_TYPES and m.Dossier in MODEL_TYPES
    assert len(MODEL_TYPES) >= 20


@pytest.mark.parametrize("cls", [c for c in MODEL_TYPES if c is not m.Dossier], ids=lambda c: c.__name__)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_objects_round_trip(cls: type, model_strategy, data: st.DataObject) -> None:
    obj = data.draw(model_strategy(cls))
    assert from_dict(cls, json.loads(json.dumps(to_dict(obj)))) == obj
