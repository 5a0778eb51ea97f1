"""The web app with a tiny fake pipeline: routes, uploads, the one error shape, OpenAPI.

The fake pipeline stands in for ingest → analyze → dossier (which other modules provide) so these
tests check the web layer and the store on their own; test_web_e2e.py runs the real pipeline.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from storyline.errors import StoreError
from storyline.model import Article, ArticleAnalysis, Sentence
from storyline.store import Store, tables
from storyline.web import api as api_module
from storyline.web import app as app_module
from storyline.web import create_app
from storyline.web.pipeline import Upload, UploadResult

ERROR_KEYS = {"ok", "error", "status", "errors"}


def fake_pipeline(uploads: Sequence[Upload], store: Store, title: str | None) -> UploadResult:
    """Each non-empty file is one article (first line = title); the 'dossier' lists them."""
    problems, ids, articles = [], [], []
    stored_new = 0
    for u in uploads:
        text = u.path.read_bytes().decode("utf-8", errors="replace")
        if not text.strip():
            problems.append(f"{u.name}: empty file")
            continue
        art = Article(id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text, path=u.name,
                      title=text.splitlines()[0])
        stored_new += store.save_analysis(ArticleAnalysis(article=art, sentences=[Sentence(0, len(text))]))
        ids.append(art.id)
        articles.append({"id": art.id, "path": art.path, "title": art.title})
    if not ids:
        return UploadResult(problems=problems)
    story_id = hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:12]
    story_title = title or articles[0]["title"]
    dossier = {"story": {"id": story_id, "title": story_title}, "articles": articles}
    store.save_dossier(story_id, story_title, ids, dossier, html=f"<html><h1>{story_title}</h1></html>")
    return UploadResult(story_id=story_id, title=story_title, article_ids=ids, dossier=dossier,
                        problems=problems, stored_new=stored_new)


# STORYLINE_TEST_PG_URL runs these against PostgreSQL too (tables dropped before each test).
PG_URL = os.environ.get("STORYLINE_TEST_PG_URL")


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def db_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'web.db'}"
    engine = create_engine(PG_URL)
    tables.metadata.drop_all(engine)
    engine.dispose()
    return PG_URL


TOKEN = "test-write-token"


def make_client(app, **kw) -> TestClient:
    """A client on a loopback Host, sending the write token."""
    return TestClient(app, base_url="http://127.0.0.1", headers={"Authorization": f"Bearer {TOKEN}"}, **kw)


@pytest.fixture
def client(db_url: str) -> TestClient:
    with make_client(create_app(db_url, pipeline=fake_pipeline, token=TOKEN)) as c:
        yield c


def upload(client: TestClient, *files: tuple[str, bytes], title: str | None = None):
    """Upload and wait for the job (``?wait=``): the answer is the finished job's result."""
    data = {"title": title} if title is not None else {}
    return client.post("/api/analyze?wait=60", files=[("files", (n, b, "text/plain")) for n, b in files],
                       data=data)


ART1 = b"Council approves flood wall\nThe city council voted 7-2 on Tuesday to fund a flood wall.\n"
ART2 = b"Flood wall vote splits council\nTwo members said the cost was too high.\n"


def assert_error(resp, status: int, contains: str = "") -> dict:
    body = resp.json()
    assert resp.status_code == status
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and "\n" not in body["error"] and contains in body["error"]
    assert all(isinstance(e, str) for e in body["errors"])
    return body


def test_upload_stores_and_serves_the_story(client: TestClient) -> None:
    resp = upload(client, ("wall.txt", ART1), ("split.txt", ART2), ("empty.txt", b"  \n"))
    assert resp.status_code == 200, resp.text
    assert resp.json()["ok"] is True
    body = resp.json()["data"]
    assert body["stored_new"] == 2
    assert body["problems"] == ["empty.txt: empty file"]
    sid = body["story"]["id"]
    assert body["story"]["title"] == "Council approves flood wall"
    assert body["links"] == {"html": f"/stories/{sid}", "json": f"/api/stories/{sid}"}
    assert [a["path"] for a in body["dossier"]["articles"]] == ["wall.txt", "split.txt"]

    assert client.get(f"/api/stories/{sid}").json() == {"ok": True, "data": body["dossier"], "meta": {}}
    listed = client.get(f"/api/stories/{sid}/articles").json()
    assert listed["meta"] == {"total": 2, "offset": 0, "limit": 100, "count": 2, "next": None}
    assert [a["path"] for a in listed["data"]] == ["wall.txt", "split.txt"] and "text" not in listed["data"][0]
    stories = client.get("/api/stories").json()
    assert stories["ok"] is True and stories["meta"]["total"] == 1
    assert [(s["id"], s["articles"]) for s in stories["data"]] == [(sid, 2)]
    page = client.get(f"/stories/{sid}")
    assert page.status_code == 200 and "<h1>Council approves flood wall</h1>" in page.text
    assert 'href="/">← All stories</a>' in page.text  # the app's bar on the stored dossier
    assert "Council approves flood wall" in client.get("/").text

    # the same files again: nothing new, no duplicate story
    again = upload(client, ("wall.txt", ART1), ("split.txt", ART2)).json()["data"]
    assert again["stored_new"] == 0 and again["story"]["id"] == sid
    assert len(client.get("/api/stories").json()["data"]) == 1
    health = client.get("/api/health").json()["data"]
    assert health["database"] == "sqlite" or health["database"] == "postgresql"
    assert health["counts"] == {"articles": 2, "analyses": 2, "stories": 1, "dossiers": 1}


def test_title_field_is_used(client: TestClient) -> None:
    body = upload(client, ("wall.txt", ART1), title="  Flood wall  ").json()["data"]
    assert body["story"]["title"] == "Flood wall"


def test_search_api_and_page(client: TestClient) -> None:
    sid = upload(client, ("wall.txt", ART1), ("split.txt", ART2)).json()["data"]["story"]["id"]
    res = client.get("/api/search", params={"q": "cost high"}).json()
    assert res["ok"] is True and res["meta"]["total"] == 1
    (hit,) = res["data"]
    assert hit["path"] == "split.txt" and hit["stories"] == [sid]
    article = client.get(f"/api/articles/{hit['id']}").json()["data"]
    assert article["text"][hit["start"]:hit["end"]] == hit["match"]
    assert client.get("/api/search", params={"q": "nowhere"}).json()["meta"]["total"] == 0
    # a quoted phrase matches those words in that order only
    assert client.get("/api/search", params={"q": '"cost was too high"'}).json()["meta"]["total"] == 1
    assert client.get("/api/search", params={"q": '"high cost"'}).json()["meta"]["total"] == 0
    page = client.get("/search", params={"q": "flood"})
    assert page.status_code == 200 and "2 article(s)" in page.text


def test_file_names_cannot_escape_the_upload_folder(db_url: str) -> None:
    seen: list[Upload] = []

    def spy(uploads, store, title):
        seen.extend(uploads)
        return fake_pipeline(uploads, store, title)

    with make_client(create_app(db_url, pipeline=spy, token=TOKEN)) as c:
        resp = upload(c, ("../../etc/evil.txt", ART1), ("C:\\docs\\win.txt", ART2), ("..", b"y\n"))
    assert resp.status_code == 200
    assert [u.name for u in seen] == ["evil.txt", "win.txt", "upload-2"]
    root = seen[0].path.parent.parent
    assert all(root in u.path.parents for u in seen)
    assert not root.exists()  # the temporary folder is gone once the job is done


def test_nothing_analysable_is_a_400_listing_each_file(client: TestClient) -> None:
    body = assert_error(upload(client, ("a.txt", b""), ("b.txt", b"\n")), 400, "no article could be analysed")
    assert body["errors"] == ["a.txt: empty file", "b.txt: empty file"]
    assert client.get("/api/stories").json()["data"] == []


@pytest.mark.parametrize("method, url, status, contains", [
    ("get", "/api/stories/nope", 404, "no dossier for story 'nope'"),
    ("get", "/api/articles/nope", 404, "no article 'nope'"),
    ("get", "/api/stories/nope/articles", 404, "no story 'nope'"),
    ("get", "/stories/nope", 404, "no story 'nope'"),
    ("get", "/api/search", 400, "q: Field required"),
    ("get", "/api/search?q=", 400, "q"),
    ("get", "/api/search?q=%20%20", 400, "at least one word"),
    ("get", "/api/search?q=x&limit=0", 400, "limit"),
    ("post", "/api/analyze", 400, "files"),
    ("get", "/api/no-such-route", 404, "Not Found"),
    ("delete", "/api/stories", 405, "Method Not Allowed"),
])
def test_error_shape(client: TestClient, method: str, url: str, status: int, contains: str) -> None:
    assert_error(getattr(client, method)(url), status, contains)


def test_browser_gets_an_html_error_page(client: TestClient) -> None:
    resp = client.get("/stories/nope", headers={"accept": "text/html,application/xhtml+xml"})
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    assert "<p>no story &#x27;nope&#x27; in the store</p>" in resp.text  # escaped
    # the API stays JSON whatever the client accepts
    api = client.get("/api/stories/nope", headers={"accept": "text/html"})
    assert_error(api, 404)


def test_too_large_upload_is_413(client: TestClient, monkeypatch) -> None:
    monkeypatch.setattr(api_module, "MAX_FILE_BYTES", 10)
    assert_error(upload(client, ("big.txt", ART1)), 413, "big.txt: file too large")


def test_unexpected_error_is_a_500_without_traceback(db_url: str) -> None:
    def broken(uploads, store, title):
        raise RuntimeError("secret internal detail")

    with make_client(create_app(db_url, pipeline=broken, token=TOKEN), raise_server_exceptions=False) as c:
        body = assert_error(upload(c, ("a.txt", ART1)), 500, "internal error (RuntimeError)")
    assert "secret" not in body["error"] and "Traceback" not in body["error"]


def test_store_error_is_a_503(db_url: str) -> None:
    def db_down(uploads, store, title):
        raise StoreError("postgresql://u:***@db/x: cannot save article a1: connection refused")

    with make_client(create_app(db_url, pipeline=db_down, token=TOKEN)) as c:
        assert_error(upload(c, ("a.txt", ART1)), 503, "connection refused")


def test_story_page_rebuilds_html_when_none_was_stored(client: TestClient, monkeypatch) -> None:
    """Stories stored by the CLI carry no HTML: the page is rebuilt from the analyses and cached."""
    sid = upload(client, ("wall.txt", ART1)).json()["data"]["story"]["id"]
    store: Store = client.app.state.store
    story = store.get_story(sid)
    store.save_dossier(sid, story["title"], story["article_ids"], {"v": 1})  # no html
    calls = []

    def fake_rebuild(store_, story_id, article_ids, title):
        calls.append(story_id)
        return f"<html>rebuilt {len(store_.load_analyses(article_ids))}</html>"

    monkeypatch.setattr(app_module, "rebuild_html", fake_rebuild)
    assert client.get(f"/stories/{sid}").text.endswith("rebuilt 1</html>")
    assert client.get(f"/stories/{sid}").text.endswith("rebuilt 1</html>")
    assert calls == [sid]  # the second request was served from the store


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/analyze", "/api/stories", "/api/stories/{story_id}", "/api/search",
                 "/api/health", "/api/articles/{article_id}"):
        assert path in spec["paths"], path
    assert "ErrorBody" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 200


def test_bad_database_url_fails_at_creation() -> None:
    with pytest.raises(StoreError, match=r"nosuch://u:\*\*\*@h/db"):
        create_app("nosuch://u:pw@h/db")
