"""The API's envelope, pagination, dossier filters, downloads, rename/delete, add-to-story and /docs.

A hand-written dossier (invented port-strike story) stands in for a real one, so these tests check
the web layer on its own; test_web_e2e.py runs the real pipeline.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.model import Article, ArticleAnalysis, PubDate, Sentence
from storyline.store import Store, search_terms
from storyline.web import create_app
from storyline.web.filters import DossierFilter, filter_dossier, story_summary
from storyline.web.pipeline import Upload, UploadResult

TOKEN = "api-test-token"

ARTICLES = [
    ("a1", "Harbor Times", "Dock workers walk out", "2025-03-01",
     "Dock workers walked out on Monday. \"We will not load a single ship,\" said Mara Quint."),
    ("a2", "Valley Post", "Port strike enters second day", "2025-03-05",
     "The strike entered its second day. About 400 workers joined, Mara Quint said."),
    ("a3", "Harbor Times", "Port authority answers", None,
     "The Delta Port Authority said 250 workers joined the strike."),
]


def _dossier(story_id: str, title: str, ids: Sequence[str], version: int = 1) -> dict[str, Any]:
    arts = []
    for aid in ids:
        _, outlet, headline, day, text = next(a for a in ARTICLES if a[0] == aid)
        arts.append({"id": aid, "path": f"{aid}.txt", "title": headline, "outlet": outlet,
                     "published": {"date": day, "earliest": day, "latest": day,
                                   "basis": "metadata" if day else "unknown",
                                   "label": day or "date unknown"},
                     "text": text, "timexes": []})
    return {
        "story": {"id": story_id, "title": title, "version": version},
        "articles": arts,
        "entities": [{"id": "E1", "name": "Mara Quint", "type": "PERSON", "aliases": ["Quint"],
                      "articles": ["a1", "a2"]},
                     {"id": "E2", "name": "Delta Port Authority", "type": "ORG", "aliases": [],
                      "articles": ["a3"]}],
        "timeline": [{"id": "ev1", "date": {"value": "2025-03-03", "earliest": "2025-03-03",
                                            "latest": "2025-03-03", "label": "3 Mar 2025"},
                      "summary": "Dock workers walked out on Monday.", "entities": [],
                      "sources": [{"article": "a1", "start": 0, "end": 35,
                                   "text": "Dock workers walked out on Monday.", "time_text": "Monday"}]},
                     {"id": "ev2", "date": {"value": "2025-03-05", "earliest": "2025-03-05",
                                            "latest": "2025-03-05", "label": "5 Mar 2025"},
                      "summary": "The strike entered its second day.", "entities": ["E1"],
                      "sources": [{"article": "a2", "start": 0, "end": 34,
                                   "text": "The strike entered its second day.", "time_text": None}]}],
        "quotes": [{"id": "q1", "text": "We will not load a single ship,",
                    "speaker": {"entity": "E1", "name": "Mara Quint"},
                    "quotes": [{"article": "a1", "start": 37, "end": 68, "text": "We will not load a single ship,",
                                "speaker_name": "Mara Quint", "cue": "said", "medium": None, "kind": "full"}]}],
        "claims": [{"id": "c1", "subject": "strike", "attribute": "count:workers", "value": 400, "unit": None,
                    "article": "a2", "start": 35, "end": 55, "text": "About 400 workers joined",
                    "voice": "E1", "hedged": True},
                   {"id": "c2", "subject": "strike", "attribute": "count:workers", "value": 250, "unit": None,
                    "article": "a3", "start": 0, "end": 60, "text": "The Delta Port Authority said 250 workers",
                    "voice": "E2", "hedged": False}],
        "comparisons": [{"id": "k1", "subject": "strike", "attribute": "count:workers", "status": "conflict",
                         "sides": [{"value": 400, "claims": ["c1"], "articles": ["a2"]},
                                   {"value": 250, "claims": ["c2"], "articles": ["a3"]}]}],
        "coverage": [{"article": aid} for aid in ids],
        "changes": {},
    }


def fake_pipeline(uploads: Sequence[Upload], store: Store, title: str | None, *,
                  into: str | None = None) -> UploadResult:
    """A file named after an article id (a1.txt …) is that article; anything else is skipped."""
    known = {a[0]: a for a in ARTICLES}
    problems, ids = [], []
    for u in uploads:
        aid = Path(u.name).stem
        if aid not in known:
            problems.append(f"{u.name}: not an article this test knows")
            continue
        _, outlet, headline, day, text = known[aid]
        pub = PubDate(date=day, basis="metadata") if day else PubDate()
        art = Article(id=aid, text=text, path=u.name, title=headline, outlet=outlet, published=pub)
        store.save_analysis(ArticleAnalysis(article=art, sentences=[Sentence(0, len(text))]))
        ids.append(aid)
    if not ids:
        return UploadResult(problems=problems)
    version = 1
    if into is not None:
        story = store.get_story(into)
        assert story is not None
        ids = list(dict.fromkeys(story["article_ids"] + ids))
        version = int(store.get_dossier(into)["story"]["version"]) + 1
        story_id, story_title = into, story["title"]
    else:
        story_id = hashlib.sha256(" ".join(sorted(ids)).encode()).hexdigest()[:12]
        story_title = title or "Port strike"
    data = _dossier(story_id, story_title, ids, version)
    store.save_dossier(story_id, story_title, ids, data, html=f"<html><body><h1>{story_title}</h1></body></html>")
    return UploadResult(story_id=story_id, title=story_title, article_ids=ids, dossier=data, problems=problems)


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    app = create_app(f"sqlite:///{tmp_path / 'api.db'}", pipeline=fake_pipeline, token=TOKEN)
    with TestClient(app, base_url="http://127.0.0.1", headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c


def upload(client: TestClient, *names: str, url: str = "/api/analyze", title: str | None = None) -> Any:
    files = [("files", (n, b"text", "text/plain")) for n in names]
    return client.post(url + "?wait=30", files=files, data={"title": title} if title else {})


def test_every_answer_is_in_the_envelope_with_totals_and_next(client: TestClient) -> None:
    sid = upload(client, "a1.txt", "a2.txt", "a3.txt").json()["data"]["story"]["id"]
    for url in ("/api/stories", f"/api/stories/{sid}", f"/api/stories/{sid}/articles", "/api/health",
                "/api/search?q=strike", "/api/articles/a1"):
        body = client.get(url).json()
        assert set(body) == {"ok", "data", "meta"} and body["ok"] is True, url
    first = client.get(f"/api/stories/{sid}/articles", params={"limit": 2}).json()
    assert first["meta"]["total"] == 3 and first["meta"]["count"] == 2
    second = client.get(first["meta"]["next"]).json()
    assert [a["id"] for a in first["data"] + second["data"]] == ["a1", "a2", "a3"]
    assert second["meta"]["next"] is None


def test_story_articles_have_the_dossiers_dates(client: TestClient) -> None:
    sid = upload(client, "a1.txt", "a2.txt").json()["data"]["story"]["id"]
    store: Store = client.app.state.store
    data = store.get_dossier(sid)
    data["articles"][0]["published"] = {"date": "2025-02-28", "earliest": "2025-02-28", "latest": "2025-02-28",
                                        "basis": "text", "label": "28 Feb 2025 (stated in the text)"}
    story = store.get_story(sid)
    store.save_dossier(sid, story["title"], story["article_ids"], data)
    listed = client.get(f"/api/stories/{sid}/articles").json()["data"]
    assert listed[0]["published"] == data["articles"][0]["published"]
    assert "text" not in listed[0]


def test_story_list_says_outlets_dates_and_conflicts(client: TestClient) -> None:
    upload(client, "a1.txt", "a2.txt", "a3.txt")
    (info,) = client.get("/api/stories").json()["data"]
    assert info["outlets"] == ["Harbor Times", "Valley Post"]
    assert info["dates"] == "1 Mar 2025 – 5 Mar 2025" and info["conflicts"] == 1 and info["articles"] == 3
    page = client.get("/").text
    assert "Harbor Times, Valley Post" in page and "1 Mar 2025 – 5 Mar 2025" in page
    assert "just now" in page
    assert "sqlite" not in page and "api.db" not in page  # the footer says nothing about the server


@pytest.mark.parametrize("params, expect", [
    ({"outlet": "Valley Post"}, {"articles": ["a2"], "timeline": ["ev2"], "quotes": [], "comparisons": ["k1"]}),
    ({"person": "quint"}, {"articles": ["a1", "a2", "a3"], "timeline": ["ev2"], "quotes": ["q1"],
                           "entities": ["E1"]}),
    ({"since": "2025-03-02", "until": "2025-03-31"}, {"articles": ["a2"], "timeline": ["ev2"]}),
    ({"conflicts": "true"}, {"timeline": [], "claims": ["c1", "c2"], "comparisons": ["k1"]}),
    ({"status": "agree"}, {"comparisons": []}),
])
def test_dossier_filters_as_query_parameters(client: TestClient, params: dict[str, str],
                                             expect: dict[str, list[str]]) -> None:
    sid = upload(client, "a1.txt", "a2.txt", "a3.txt").json()["data"]["story"]["id"]
    body = client.get(f"/api/stories/{sid}", params=params).json()
    assert body["meta"]["filters"]
    for section, ids in expect.items():
        key = "article" if section == "coverage" else "id"
        assert [x[key] for x in body["data"][section]] == ids, section
    section = client.get(f"/api/stories/{sid}/timeline", params=params).json()
    assert [e["id"] for e in section["data"]] == [e["id"] for e in body["data"]["timeline"]]


def test_bad_filter_values_are_400(client: TestClient) -> None:
    sid = upload(client, "a1.txt").json()["data"]["story"]["id"]
    assert client.get(f"/api/stories/{sid}", params={"since": "March"}).status_code == 400
    assert client.get(f"/api/stories/{sid}", params={"status": "maybe"}).status_code == 400
    assert client.get(f"/api/stories/{sid}/nothing").status_code == 404


def test_filter_keeps_undated_articles_only_without_a_range() -> None:
    data = _dossier("s", "t", ["a1", "a3"])
    assert [a["id"] for a in filter_dossier(data, DossierFilter(outlet=("harbor times",)))["articles"]] == ["a1", "a3"]
    assert [a["id"] for a in filter_dossier(data, DossierFilter(since="2025-01-01"))["articles"]] == ["a1"]
    assert story_summary(data, {"id": "s", "title": "t", "articles": 2})["dates"] == "1 Mar 2025"


def test_search_counts_every_hit_and_takes_phrases(client: TestClient) -> None:
    store: Store = client.app.state.store
    for i in range(60):
        text = f"Harbor pilots met on day {i}. The pilots union voted."
        art = Article(id=f"p{i:02d}", text=text, path=f"p{i}.txt", title=f"Pilots {i}")
        store.save_analysis(ArticleAnalysis(article=art, sentences=[Sentence(0, len(text))]))
    body = client.get("/api/search", params={"q": "pilots", "limit": 50}).json()
    assert body["meta"]["total"] == 60 and len(body["data"]) == 50 and body["meta"]["next"]
    rest = client.get(body["meta"]["next"]).json()
    assert len(rest["data"]) == 10
    assert {h["id"] for h in body["data"]} | {h["id"] for h in rest["data"]} == {f"p{i:02d}" for i in range(60)}
    assert client.get("/api/search", params={"q": '"pilots union"'}).json()["meta"]["total"] == 60
    assert client.get("/api/search", params={"q": '"union pilots"'}).json()["meta"]["total"] == 0
    page = client.get("/search", params={"q": "pilots"}).text
    assert "60 article(s)" in page and "1 to 50 shown" in page and "offset=50" in page
    rest_page = client.get("/search", params={"q": "pilots", "offset": 50}).text
    assert "51 to 60 shown" in rest_page and rest_page.count("<h3>") == 10
    assert search_terms('a "b  c" "d') == ["a", "b c", "d"]


def test_downloads(client: TestClient) -> None:
    sid = upload(client, "a1.txt", "a2.txt", "a3.txt").json()["data"]["story"]["id"]
    got = client.get(f"/stories/{sid}/dossier.json")
    assert got.status_code == 200 and "attachment" in got.headers["content-disposition"]
    assert got.json()["story"]["id"] == sid
    claims = list(csv.DictReader(io.StringIO(client.get(f"/stories/{sid}/claims.csv").text)))
    assert [(c["value"], c["what"], c["voice"], c["comparison"]) for c in claims] == [
        ("400", "number of counts of workers", "Mara Quint", "conflict"),
        ("250", "number of counts of workers", "Delta Port Authority", "conflict")]
    quotes = list(csv.DictReader(io.StringIO(client.get(f"/stories/{sid}/quotes.csv").text)))
    assert quotes[0]["speaker"] == "Mara Quint" and quotes[0]["outlet"] == "Harbor Times"
    timeline = list(csv.DictReader(io.StringIO(client.get(f"/stories/{sid}/timeline.csv").text)))
    assert [t["when"] for t in timeline] == ["3 Mar 2025", "5 Mar 2025"]
    html = client.get(f"/stories/{sid}/dossier.html")
    assert html.status_code == 200 and "<h1>Port strike</h1>" in html.text
    assert client.get(f"/stories/{sid}/secrets.txt").status_code == 404


def test_add_articles_keeps_the_story_and_bumps_its_version(client: TestClient) -> None:
    sid = upload(client, "a1.txt", "a2.txt").json()["data"]["story"]["id"]
    added = upload(client, "a3.txt", "junk.bin", url=f"/api/stories/{sid}/articles").json()["data"]
    assert added["story"]["id"] == sid and added["dossier"]["story"]["version"] == 2
    assert added["problems"] == ["junk.bin: not an article this test knows"]
    (info,) = client.get("/api/stories").json()["data"]
    assert info["articles"] == 3 and info["version"] == 2
    assert client.post("/api/stories/nope/articles", files=[("files", ("a3.txt", b"x"))]).status_code == 404


def test_rename_and_delete_need_the_token(client: TestClient, tmp_path: Path) -> None:
    sid = upload(client, "a1.txt", "a2.txt").json()["data"]["story"]["id"]
    anon = TestClient(client.app, base_url="http://127.0.0.1")
    assert anon.patch(f"/api/stories/{sid}", json={"title": "x"}).status_code == 401
    assert anon.delete(f"/api/stories/{sid}").status_code == 401
    renamed = client.patch(f"/api/stories/{sid}", json={"title": "  Dock strike  "}).json()["data"]
    assert renamed["title"] == "Dock strike"
    assert client.get(f"/api/stories/{sid}").json()["data"]["story"]["title"] == "Dock strike"
    assert client.delete(f"/api/stories/{sid}").json()["data"] == {"deleted": sid}
    assert client.get("/api/stories").json()["meta"]["total"] == 0
    assert client.get(f"/api/stories/{sid}").status_code == 404
    assert client.get("/api/health").json()["data"]["counts"]["articles"] == 0


def test_job_page_lists_every_skipped_file(client: TestClient) -> None:
    resp = client.post("/api/analyze", files=[("files", (n, b"x", "text/plain"))
                                              for n in ("a1.txt", "notes.xyz", "empty.txt")])
    job = resp.json()["data"]
    deadline = time.monotonic() + 120  # a deadline, not a number of polls: a loaded machine is slow
    while client.get(job["links"]["self"]).json()["data"]["status"] != "done" and time.monotonic() < deadline:
        time.sleep(0.05)
    page = client.get(job["links"]["page"]).text
    assert "Upload done" in page and "2 file(s) skipped" in page
    assert "<code>notes.xyz</code>" in page and "<code>empty.txt</code>" in page


def test_docs_are_served_without_any_other_site(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/api/stories/{story_id}" in page.text and "GET" in page.text
    assert not re.search(r"(src|href)=\"https?://", page.text)
    assert "<script" not in page.text
    csp = page.headers["content-security-policy"]
    assert "cdn" not in csp and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
