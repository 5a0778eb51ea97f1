"""The map streams its input: articles are read as the workers need them, and the copies are found
after the map from the texts read back from the store (issue 10: memory flat as the corpus grows)."""

from __future__ import annotations

import storyline.ingest
import storyline.run

TOWNS = ["Alderbrook", "Bexley Falls", "Corran", "Dunmere", "Eastwick Bay", "Fallowmere", "Glenhart",
         "Harrowgate", "Islington Ford", "Juniper Creek", "Kestrel Point", "Larkspur"]
TOPICS = [
    "The council approved a new budget of {n} million dollars for road repairs on Monday.",
    "A magnitude {n} earthquake shook the valley early on Tuesday, officials said.",
    "The local football club won its {n}th match of the season on Saturday.",
    "Researchers at the university published a study of {n} patients on Wednesday.",
]
WIRE = ("Firefighters in Marlow Heights contained a warehouse blaze on Thursday after a nine-hour fight, "
        "the fire chief said. No one was hurt, but the building, which stored paper goods for three "
        "grocery chains, was destroyed. Investigators from the state fire marshal's office will look "
        "for the cause on Friday, and the county warned residents downwind to keep their windows "
        "closed until the smoke cleared. The owner, Halvorsen Storage, said it would pay its forty "
        "workers while the site is rebuilt and thanked the crews who came from four towns.")


def _texts() -> list[str]:
    out = [f"{town}. " + topic.format(n=i + 3) for i, (town, topic) in
           enumerate((t, p) for t in TOWNS for p in TOPICS[:2])]
    return out + [WIRE, "MARLOW HEIGHTS (Tri-County Wire) — " + WIRE + " The Wire contributed to this report."]


def test_the_map_reads_its_input_as_it_goes_and_marks_copies_from_the_store(tmp_path, monkeypatch):
    from storyline.model import Article
    from storyline.store import Store

    texts = _texts()
    read: list[int] = []

    def articles(paths, meta_file=None, *, exclude=(), options=None):
        for i, text in enumerate(texts):
            read.append(i)
            yield Article(id=f"{i:016x}", text=text, path=f"a{i}.txt",
                          title=text.split(".")[0], source_format="txt")

    monkeypatch.setattr(storyline.ingest, "iter_articles", articles)
    monkeypatch.setattr(storyline.run, "READ_AHEAD", 2)
    read_when_stored: list[int] = []
    with Store(f"sqlite:///{tmp_path / 's.db'}") as store:
        save = store.save_analysis
        monkeypatch.setattr(store, "save_analysis",
                            lambda a, **kw: read_when_stored.append(len(read)) or save(a, **kw))
        result = storyline.run.run_stories(["unused"], store=store, workers=1)
        copies = {a["id"]: a["duplicate_of"] for a in store.list_articles() if a.get("duplicate_of")}
    assert len(read_when_stored) == len(texts) and not result.problems
    assert read_when_stored[0] < len(texts) // 2  # the first analysis was stored long before the end
    wire, syndicated = f"{len(texts) - 2:016x}", f"{len(texts) - 1:016x}"
    assert copies == {syndicated: wire}
    dossier = next(d for d in result.dossiers if any(a.article.id == wire for a in d.articles))
    marked = {a.article.id: a.article.duplicate_of for a in dossier.articles}
    assert marked[syndicated] == wire and marked[wire] is None
