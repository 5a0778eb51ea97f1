"""Upload through the real pipeline (ingest → analyze → store → dossier → HTML), end to end.

Skipped while a pipeline module does not import yet (they are written in parallel).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

PIPELINE_MODULES = ("storyline.ingest", "storyline.ingest.dedupe", "storyline.analyze.entities",
                    "storyline.analyze.time", "storyline.analyze.quotes", "storyline.analyze.claims",
                    "storyline.analyze.events", "storyline.story.resolve", "storyline.story.timeline",
                    "storyline.story.quotes", "storyline.story.compare", "storyline.story.coverage",
                    "storyline.render.json")


def _missing() -> str | None:
    for name in PIPELINE_MODULES:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            return f"{name}: {exc}"
    from storyline.ingest import iter_articles  # noqa: F401  (the entry point run_story uses)
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=f"pipeline not ready: {_missing()}")


def test_real_upload_end_to_end(nlp, examples_dir: Path, tmp_path: Path) -> None:
    from storyline.web import create_app

    files = sorted(examples_dir.glob("*.txt"))[:1]  # one article: the model is the slow part
    payload = [("files", (f.name, f.read_bytes(), "text/plain")) for f in files]
    payload += [("files", ("empty.txt", b"", "text/plain")),
                ("files", ("notes.xyz", b"what format is this", "application/octet-stream"))]
    app = create_app(f"sqlite:///{tmp_path / 'e2e.db'}")  # analyses in a worker process
    with TestClient(app, base_url="http://127.0.0.1",
                    headers={"Authorization": f"Bearer {app.state.token}"}) as client:
        resp = client.post("/api/analyze?wait=120", files=payload)
        assert resp.status_code == 200, resp.text
        body = resp.json()["data"]
        assert body["stored_new"] == 1
        # each bad file is named by the name it was uploaded under, never the temporary path
        problems = " | ".join(body["problems"])
        assert "empty.txt" in problems and "notes.xyz" in problems
        assert "storyline-upload-" not in problems
        dossier = body["dossier"]
        assert sorted(a["path"] for a in dossier["articles"]) == sorted(f.name for f in files)
        from storyline.render.json import check_spans, validate_dossier

        assert validate_dossier(dossier) == []  # what the API returns is the schema'd dossier
        assert check_spans(dossier) == []

        sid = body["story"]["id"]
        assert client.get(f"/api/stories/{sid}").json()["data"] == dossier
        # the dossier can be rebuilt from the store alone, identical to the one stored
        from storyline.render.json import dossier_to_dict
        from storyline.story import build_dossier

        store = client.app.state.store
        story = store.get_story(sid)
        rebuilt = build_dossier(store.load_analyses(story["article_ids"]), title=story["title"])
        assert dossier_to_dict(rebuilt) == dossier
        page = client.get(f"/stories/{sid}")
        assert page.status_code in (200, 503), page.text[:300]  # 503 only while render.html is missing
        if page.status_code == 200:
            assert "<html" in page.text.lower()

        word = max(dossier["articles"][0]["text"].split(), key=len).strip(".,;:\"'()")
        hits = client.get("/api/search", params={"q": word}).json()["data"]
        assert dossier["articles"][0]["id"] in [h["id"] for h in hits]

        again = client.post("/api/analyze?wait=120", files=payload[:1]).json()["data"]
        assert again["stored_new"] == 0 and again["story"]["id"] == sid
        assert client.get("/api/health").json()["data"]["counts"]["articles"] == 1


def test_adding_articles_to_a_story_keeps_its_id_and_bumps_its_version(nlp, tmp_path: Path) -> None:
    """Two invented reports make a story; a third added through the story's endpoint joins it:
    same id, version 2, the new article and its events listed as changes, dates refined again."""
    from storyline.web import create_app

    one = ("Harbor Times\n\nDock workers in Port Avel walked out on Monday, March 3, 2025, the union said.\n"
           "\"We will not load a single ship,\" said union leader Mara Quint.\n")
    two = ("Valley Post\n\nThe dock strike in Port Avel entered its second day on Tuesday, March 4, 2025.\n"
           "About 400 workers joined the strike, Mara Quint said.\n")
    three = ("Coast Ledger\n\nThe Port Avel dock strike ended on Friday, March 7, 2025, after talks.\n"
             "\"The ships will sail tomorrow,\" Mara Quint told reporters.\n")
    app = create_app(f"sqlite:///{tmp_path / 'grow.db'}", job_processes=0)  # in this process: model loaded
    with TestClient(app, base_url="http://127.0.0.1",
                    headers={"Authorization": f"Bearer {app.state.token}"}) as client:
        first = client.post("/api/analyze?wait=120", files=[("files", ("one.txt", one.encode())),
                                                            ("files", ("two.txt", two.encode()))])
        assert first.status_code == 200, first.text
        sid = first.json()["data"]["story"]["id"]
        added = client.post(f"/api/stories/{sid}/articles?wait=120", files=[("files", ("three.txt", three.encode()))])
        assert added.status_code == 200, added.text
        body = added.json()["data"]
        assert body["story"]["id"] == sid
        dossier = body["dossier"]
        assert dossier["story"]["version"] == 2 and len(dossier["articles"]) == 3
        (new,) = dossier["changes"]["new_articles"]
        assert {a["id"]: a["path"] for a in dossier["articles"]}[new] == "three.txt"
        (info,) = client.get("/api/stories").json()["data"]
        assert info["articles"] == 3 and info["version"] == 2
        listed = client.get(f"/api/stories/{sid}/articles").json()["data"]
        assert [a["published"] for a in listed] == [a["published"] for a in dossier["articles"]]
        page = client.get(f"/stories/{sid}")
        assert page.status_code == 200 and 'id="whats-new"' in page.text  # the grown story says so
        md = client.get(f"/stories/{sid}/dossier.md")
        assert md.status_code == 200 and "Coast Ledger" in md.text
