"""A developing story: ids stay, versions count up, changes list what the new reports add."""

from __future__ import annotations

import json

import corpus_three_events as corpus
from typer.testing import CliRunner

from storyline.story.versions import dossier_changes


def _event(eid, article, start, end, value="2031-03-02"):
    return {"id": eid, "date": {"value": value},
            "sources": [{"article": article, "start": start, "end": end}]}


def test_changes_by_hand():
    old = {"story": {"version": 2}, "articles": [{"id": "a"}],
           "timeline": [_event("e1", "a", 0, 10), _event("e2", "a", 20, 30)],
           "comparisons": [{"id": "c1", "subject": "s", "attribute": "age", "status": "conflict",
                            "sides": [{"value": 40}, {"value": 41}]},
                           {"id": "c2", "subject": "s", "attribute": "toll", "status": "agree",
                            "sides": [{"value": 3}]}],
           "quotes": [{"id": "q1", "quotes": [{"article": "a", "start": 40, "end": 50}]}]}
    new = {"articles": [{"id": "a"}, {"id": "b"}],
           "timeline": [_event("e1", "a", 0, 10),
                        {**_event("e2", "a", 20, 30), "sources": [
                            {"article": "a", "start": 20, "end": 30},
                            {"article": "b", "start": 5, "end": 9}]},
                        _event("e3", "b", 50, 60)],
           "comparisons": [{"id": "c1", "subject": "s", "attribute": "age", "status": "agree",
                            "sides": [{"value": 41}]},
                           {"id": "c2", "subject": "s", "attribute": "toll", "status": "conflict",
                            "sides": [{"value": 3}, {"value": 5}]}],
           "quotes": [{"id": "q1", "quotes": [{"article": "a", "start": 40, "end": 50},
                                              {"article": "b", "start": 1, "end": 4}]},
                      {"id": "q2", "quotes": [{"article": "b", "start": 70, "end": 80}]}]}
    ch = dossier_changes(old, new)
    assert ch["since_version"] == 2
    assert ch["new_articles"] == ["b"]
    assert ch["new_events"] == ["e3"] and ch["updated_events"] == ["e2"]
    assert ch["new_conflicts"] == ["c2"] and ch["resolved_conflicts"] == ["c1"]
    assert ch["new_quotes"] == ["q2"]
    assert sorted(ch["changed_values"]) == ["c1", "c2"]
    assert dossier_changes(new, new)["new_articles"] == []


def test_adding_one_storys_articles_keeps_ids_and_leaves_the_others_untouched(tmp_path):
    from storyline.cli import app
    from storyline.store import Store

    runner = CliRunner()
    first, later = tmp_path / "day1", tmp_path / "day2"
    first.mkdir()
    later.mkdir()
    for name, text in corpus.FILES.items():
        folder = later if name in ("flood-2.txt", "flood-copy.txt") else first
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    args = ["--db", str(db), "--workers", "1", "-q"]
    result = runner.invoke(app, ["analyze", str(first), "--out", str(tmp_path / "out1"), *args])
    assert result.exit_code == 0, result.output
    index1 = json.loads((tmp_path / "out1" / "index.json").read_text(encoding="utf-8"))
    assert len(index1["stories"]) == 3
    store = Store(f"sqlite:///{db}")
    before = {s["id"]: store.get_dossier(s["id"]) for s in index1["stories"]}
    flood_id = next(s["id"] for s in index1["stories"]
                    if any(a["path"].endswith("flood-1.txt") for a in s["articles"]))
    assert before[flood_id]["story"]["version"] == 1 and before[flood_id]["changes"] == {}

    result = runner.invoke(app, ["analyze", str(later), "--out", str(tmp_path / "out2"), *args])
    assert result.exit_code == 0, result.output
    index2 = json.loads((tmp_path / "out2" / "index.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in index2["stories"]] == [flood_id]  # only the story that grew
    grown = store.get_dossier(flood_id)
    assert grown["story"]["version"] == 2
    new_ids = {a["id"] for a in grown["articles"]} - {a["id"] for a in before[flood_id]["articles"]}
    assert len(new_ids) == 2 and sorted(grown["changes"]["new_articles"]) == sorted(new_ids)
    for sid, data in before.items():  # the other stories: same ids, same dossiers
        if sid != flood_id:
            assert store.get_dossier(sid) == data
    assert len(store.list_stories()) == 3
