"""The web app's URL field: pages fetched (no network: httpx MockTransport and a fake resolver),
archived as WARC beside the store, handed to the pipeline; non-public addresses refused."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from storyline.ingest import iter_articles
from storyline.model import Article
from storyline.store import Store
from storyline.web import create_app
from storyline.web.pipeline import Upload, UploadResult

PAGE = ("<html><head><title>Ferry fares rise in June | Bay Herald</title>"
        '<meta property="og:site_name" content="Bay Herald"></head><body><article>'
        "<h1>Ferry fares rise in June</h1><p>PORT ELLIS — Ferry fares will rise by 8 percent on "
        "June 1, the island transport board said Tuesday, the first increase in four years.</p>"
        "<p>Commuters who buy monthly passes will pay $12 more, board chair Rosa Lindqvist said "
        "after the vote, which passed 5-2.</p></article></body></html>")


def resolver(host: str, port: int) -> list[str]:
    return {"news.example": ["93.184.215.14"], "intranet.example": ["10.0.0.8"]}.get(host, [host])


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/robots.txt":
        return httpx.Response(404)
    if str(request.url) == "https://news.example/ferry":
        return httpx.Response(200, html=PAGE)
    return httpx.Response(404)


@pytest.fixture()
def seen() -> list[Upload]:
    return []


@pytest.fixture()
def client(tmp_path: Path, seen: list[Upload]):
    def pipeline(uploads: Sequence[Upload], store: Store, title: str | None) -> UploadResult:
        seen.extend(uploads)
        arts = [a for u in uploads for a in iter_articles([str(u.path)]) if isinstance(a, Article)]
        if not arts:
            return UploadResult(problems=["nothing"])
        return UploadResult(story_id="s1", title=arts[0].title or "", article_ids=[a.id for a in arts],
                            dossier={"articles": [{"title": a.title, "url": a.url} for a in arts]})

    app = create_app(f"sqlite:///{tmp_path / 'web.db'}", pipeline=pipeline, resolver=resolver,
                     transport=httpx.MockTransport(handler), token="t")
    with TestClient(app, base_url="http://127.0.0.1", headers={"Authorization": "Bearer t"}) as c:
        yield c


def test_url_field_fetches_archives_and_analyses(client, seen, tmp_path):
    resp = client.post("/api/analyze?wait=30", data={"urls": "https://news.example/ferry\n"})
    assert resp.status_code == 200, resp.text
    [upload] = seen
    assert upload.path.parent == tmp_path / "web-archive" and upload.path.name.endswith(".warc.gz")
    assert resp.json()["data"]["dossier"]["articles"] == [{"title": "Ferry fares rise in June",
                                                    "url": "https://news.example/ferry"}]


def test_url_to_a_private_address_is_refused(client, seen):
    resp = client.post("/api/analyze?wait=30", data={"urls": "http://intranet.example/admin"})
    assert resp.status_code == 400
    assert any("refused" in e for e in resp.json()["errors"])
    assert seen == []


def test_index_has_a_url_field(client):
    client.post("/login", data={"token": "t"})  # the upload form is shown to a logged-in browser
    assert 'name="urls"' in client.get("/").text
