"""The dossier JSON: contract names, schema validation, span check, determinism."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from storyline.model import Dossier
from storyline.render.json import (
    check_spans,
    dossier_json,
    dossier_schema,
    dossier_to_dict,
    plain,
    validate_dossier,
    write_json,
)


def test_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(dossier_schema())
    assert dossier_schema()["$schema"].endswith("2020-12/schema")


def test_hand_built_dossier_validates_and_every_span_matches(dossier):
    data = dossier_to_dict(dossier)
    assert validate_dossier(data) == []
    assert check_spans(data) == []


def test_contract_names_and_order(dossier):
    data = dossier_to_dict(dossier)
    assert list(data) == ["schema_version", "generator", "story", "articles", "entities", "timeline",
                          "quotes", "claims", "comparisons", "coverage", "changes"]
    assert data["story"] == {"id": "story0001", "title": "Millbrook bridge <vote>", "version": 1}
    assert data["changes"] == {}  # a first version
    art = data["articles"][1]
    for key in ("id", "path", "title", "outlet", "byline", "dateline", "url", "published", "text",
                "timexes", "duplicate_of"):
        assert key in art
    assert art["published"] == {"date": None, "earliest": "2024-03-12", "latest": "2024-03-20",
                                "basis": "inferred",
                                "label": "between 12 Mar 2024 and 20 Mar 2024 (inferred, not stated)"}
    assert set(art["timexes"][0]) >= {"start", "end", "text", "type", "value", "resolved",
                                      "earliest", "latest", "anchor"}
    assert data["articles"][2]["duplicate_of"] == "aaaa1111"
    ent = data["entities"][0]
    assert set(ent) >= {"id", "name", "type", "aliases", "roles"}
    assert set(ent["roles"][0]) >= {"title", "spans", "as_of", "qualifier"}
    group = data["quotes"][0]
    assert group["speaker"] == {"entity": "E1", "name": "Dana Whitfield"}
    assert set(group["quotes"][0]) >= {"article", "start", "end", "text", "speaker_text", "cue",
                                       "medium", "kind"}
    assert group["variants"][1] == {"text": "We can not wait one more winter,", "articles": ["bbbb2222"]}
    event = data["timeline"][0]
    assert set(event["date"]) == {"value", "earliest", "latest", "granularity", "approximate", "label"}
    assert event["date"]["value"] == "2024-03-12" and event["date"]["label"] == "12 Mar 2024"
    assert all("label" in t and "X" not in t["label"] for a in data["articles"] for t in a["timexes"])
    assert set(event["sources"][0]) >= {"article", "start", "end", "text", "time_text"}
    claim = data["claims"][2]
    assert set(claim) >= {"id", "subject", "attribute", "value", "as_of", "article", "start", "end",
                          "text", "voice", "hedged", "unit", "parts"}
    assert claim["value"] == 12_000_000.0
    comp = data["comparisons"][0]
    assert comp["status"] == "conflict" and comp["sides"][0] == {"value": "5-2", "claims": ["C1"],
                                                                 "articles": ["aaaa1111"]}
    cov = data["coverage"][1]
    assert cov["voices"] == {"E1": 1, "E2": 1} and cov["labels"][0]["term"] == "boondoggle"


def test_json_is_deterministic_and_round_trips(dossier, tmp_path):
    text = dossier_json(dossier)
    assert text == dossier_json(copy.deepcopy(dossier))
    path = tmp_path / "out" / "dossier.json"
    write_json(dossier, path)
    assert path.read_text(encoding="utf-8") == text
    assert json.loads(text) == dossier_to_dict(dossier)
    assert not list(path.parent.glob("*.tmp"))


def test_empty_dossier_is_valid():
    data = dossier_to_dict(Dossier(story_id="s", story_title="", articles=[]))
    assert validate_dossier(data) == []
    assert check_spans(data) == []


def test_plain_makes_free_form_values_json_safe():
    assert plain(float("nan")) is None
    assert plain({3, 1, 2}) == [1, 2, 3]
    assert plain((1, "a")) == [1, "a"]
    assert plain({1: object}) == {"1": str(object)}


def test_non_finite_claim_values_become_null(dossier):
    dossier.claims[0].value = float("inf")
    assert json.loads(dossier_json(dossier))["claims"][0]["value"] is None


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["articles"][1].update(published={**d["articles"][1]["published"], "basis": "guessed"}),
     "articles/1/published/basis"),
    (lambda d: d["comparisons"][0].update(status="maybe"), "comparisons/0/status"),
    (lambda d: d["quotes"][0]["quotes"][0].update(kind="paraphrase"), "quotes/0/quotes/0/kind"),
    (lambda d: d["articles"][0]["timexes"][0].update(type="AGE"), "articles/0/timexes/0/type"),
    (lambda d: d["claims"][0].pop("voice"), "claims/0"),
    (lambda d: d["timeline"][0]["sources"][0].update(start="10"), "timeline/0/sources/0/start"),
    (lambda d: d.pop("coverage"), "(root)"),
])
def test_schema_rejects_bad_values(dossier, mutate, expected):
    data = dossier_to_dict(dossier)
    mutate(data)
    problems = validate_dossier(data)
    assert problems and any(p.startswith(expected + ":") for p in problems), problems


def test_schema_allows_extensions(dossier):
    data = dossier_to_dict(dossier)
    data["articles"][0]["sentiment"] = {"anything": 1}
    data["timeline"][0]["new_field"] = []
    data["extra_section"] = []
    assert validate_dossier(data) == []


@pytest.mark.parametrize("path", [
    ("articles", 0, "timexes", 0),
    ("entities", 0, "roles", 0, "spans", 1),
    ("entities", 1, "mentions", 0),
    ("quotes", 0, "quotes", 1),
    ("timeline", 0, "sources", 1),
    ("claims", 3),
    ("coverage", 1, "labels", 0, "spans", 0),
])
def test_check_spans_catches_a_broken_span_anywhere(dossier, path):
    data = dossier_to_dict(dossier)
    node = data
    for key in path:
        node = node[key]
    node["start"] += 1
    problems = check_spans(data)
    assert len(problems) == 1, problems


def test_check_spans_checks_prefixed_spans_and_bad_references(dossier):
    data = dossier_to_dict(dossier)
    data["timeline"][0]["sources"][0]["time_end"] += 2
    data["claims"][0]["article"] = "nope"
    data["quotes"][0]["quotes"][0]["end"] = 10**6
    problems = check_spans(data)
    assert len(problems) == 3
    assert any("time" in p and "timeline[0].sources[0]" in p for p in problems)
    assert any("unknown article 'nope'" in p for p in problems)
    assert any("outside article" in p for p in problems)


def test_time_expressions_outside_the_body_are_checked_in_their_part(dossier):
    from storyline.model import TimeExpr

    a = dossier.articles[0]
    a.article.stamps = ["Published March 14, 2024"]
    a.furniture_timexes = [
        TimeExpr(10, 24, "March 14, 2024", "DATE", "2024-03-14", part="stamps/0", function="CREATION_TIME"),
        TimeExpr(2, 6, "2024", "DATE", "2024", part="boilerplate/0"),
    ]
    data = dossier_to_dict(dossier)
    assert validate_dossier(data) == []
    assert check_spans(data) == []
    assert data["articles"][0]["timexes"][-2]["function"] == "CREATION_TIME"
    data["articles"][0]["timexes"][-1]["start"] += 1
    data["articles"][0]["timexes"][-2]["part"] = "stamps/3"
    problems = check_spans(data)
    assert len(problems) == 2 and any("'stamps/3' is not in article" in p for p in problems), problems
