"""A developing story: ids stay, versions count up, changes list what the new reports add."""

from __future__ import annotations

import json

import corpus_three_events as corpus
from typer.testing import CliRunner

from storyline.story.versions import dossier_changes

# Two more flood reports, dated, so that the grown story has timeline events old and new, and a new
# quotation: the later one repeats the dam event (an updated event) and adds the schools (a new one).
FLOOD_DAM = """Marrowvale opens dam gates as Tessin rises

MARROWVALE, March 3, 2031 — Engineers opened the gates of the Marrowvale dam on March 2, 2031, to
ease pressure from the swollen Tessin river, Mayor Ilse Brandvold said. "We had no other choice,"
Brandvold said. About 1,200 residents of the lower town were evacuated.
"""

FLOOD_SCHOOLS = """Marrowvale reopens schools after Tessin flood

MARROWVALE, March 9, 2031 — Schools in Marrowvale reopened on March 8, 2031, after the Tessin river
fell back below its banks, Mayor Ilse Brandvold said. Engineers had opened the gates of the
Marrowvale dam on March 2, 2031, to ease pressure from the river. "The town has shown remarkable
patience," Brandvold said.
"""


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
    (first / "flood-dam.txt").write_text(FLOOD_DAM, encoding="utf-8")  # dated: events on the timeline
    (later / "flood-schools.txt").write_text(FLOOD_SCHOOLS, encoding="utf-8")
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
    assert len(new_ids) == 3 and sorted(grown["changes"]["new_articles"]) == sorted(new_ids)
    for sid, data in before.items():  # the other stories: same ids, same dossiers
        if sid != flood_id:
            assert store.get_dossier(sid) == data
            assert not (tmp_path / "out2" / sid).exists()  # and not rewritten
    assert len(store.list_stories()) == 3
    _changes_are_the_new_articles(before[flood_id], grown, new_ids)
    page = (tmp_path / "out2" / flood_id / "dossier.html").read_text(encoding="utf-8")
    assert 'id="whats-new"' in page and "What's new in version 2" in page


def _changes_are_the_new_articles(old, new, new_ids):
    """The grown story's changes name what the new articles brought, and nothing else."""
    changes = new["changes"]
    listed = set(changes["new_events"]) | set(changes["updated_events"])

    def arts(items):
        return {s["article"] for s in items}

    def spans(items):
        return {(s["article"], s["start"], s["end"]) for s in items}

    old_spans = {span: e["date"]["value"] for e in old["timeline"] for span in spans(e["sources"])}
    assert changes["new_events"] and changes["updated_events"]
    for e in new["timeline"]:
        if arts(e["sources"]) <= new_ids:  # told only by the new reports: new
            assert e["id"] in changes["new_events"]
        elif arts(e["sources"]) & new_ids:  # an old event a new report also tells: listed
            assert e["id"] in listed
        elif all(old_spans.get(sp) == e["date"]["value"] for sp in spans(e["sources"])):
            assert e["id"] not in listed  # untouched by the new reports: not listed
    for e in new["timeline"]:
        if e["id"] in listed:
            assert arts(e["sources"]) & new_ids
    quotes_new = {g["id"] for g in new["quotes"] if arts(g["quotes"]) <= new_ids}
    assert quotes_new and set(changes["new_quotes"]) == quotes_new
    for c in new["comparisons"]:
        if c["id"] in changes["new_conflicts"]:
            assert {a for side in c["sides"] for a in side.get("articles", [])} & new_ids
