"""The web app's guard (issue 12): Host allow-list, write token (Bearer; cookie + CSRF for the
form), Origin check, request-size limit, security headers on every response, file-name errors as
400, background jobs, and reads that stay fast while an analysis runs in a worker process."""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_web_app import ART1, ART2, ERROR_KEYS, TOKEN, fake_pipeline, make_client

from storyline.web import create_app

HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")


@pytest.fixture
def app(tmp_path: Path):
    return create_app(f"sqlite:///{tmp_path / 'sec.db'}", pipeline=fake_pipeline, token=TOKEN,
                      allowed_hosts=["news.example.org"], max_request_bytes=200_000)


@pytest.fixture
def anon(app) -> TestClient:
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture
def authed(app) -> TestClient:
    with make_client(app) as c:
        yield c


def files(*items: tuple[str, bytes]):
    return [("files", (n, b, "text/plain")) for n, b in items]


def error(resp, status: int, contains: str = "") -> dict:
    body = resp.json()
    assert resp.status_code == status, resp.text
    assert set(body) == ERROR_KEYS and body["status"] == status and contains in body["error"], body
    return body


def test_unknown_host_is_refused(app) -> None:
    for base in ("http://evil.example", "http://127.0.0.1.evil.example:8000"):
        with TestClient(app, base_url=base) as c:
            error(c.get("/api/health"), 400, "unknown Host")
            error(c.get("/"), 400, "unknown Host")
    for base in ("http://localhost:8000", "http://127.0.0.1", "http://[::1]:8000", "http://news.example.org"):
        with TestClient(app, base_url=base) as c:
            assert c.get("/api/health").status_code == 200, base


def test_writes_need_the_token(anon: TestClient) -> None:
    error(anon.post("/api/analyze", files=files(("a.txt", ART1))), 401, "write token")
    error(anon.post("/api/analyze", files=files(("a.txt", ART1)),
                    headers={"Authorization": "Bearer wrong"}), 401, "invalid write token")
    error(anon.delete("/api/stories"), 401)
    assert anon.get("/api/stories").status_code == 200  # reads need no token
    ok = anon.post("/api/analyze?wait=30", files=files(("a.txt", ART1)),
                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200, ok.text


def test_writes_from_another_origin_are_refused_even_with_the_token(authed: TestClient) -> None:
    for origin in ("http://evil.example", "null", "https://127.0.0.1.evil.example"):
        error(authed.post("/api/analyze", files=files(("a.txt", ART1)), headers={"Origin": origin}),
              403, "another origin")
    error(authed.post("/api/analyze", files=files(("a.txt", ART1)),
                      headers={"Sec-Fetch-Site": "cross-site"}), 403, "another site")
    same = authed.post("/api/analyze?wait=30", files=files(("a.txt", ART1)),
                       headers={"Origin": "http://127.0.0.1:8000"})
    assert same.status_code == 200


def test_browser_session_needs_login_and_csrf(anon: TestClient) -> None:
    assert 'id="upload"' not in anon.get("/").text  # no form before logging in
    assert anon.post("/login", data={"token": "guess"}).status_code == 401
    resp = anon.post("/login", data={"token": TOKEN}, follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"] == "/"
    cookie = resp.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    page = anon.get("/").text
    csrf = re.search(r'data-csrf="([^"]+)"', page)[1]
    error(anon.post("/api/analyze", files=files(("a.txt", ART1))), 403, "CSRF")
    error(anon.post("/api/analyze", files=files(("a.txt", ART1)), headers={"X-CSRF-Token": "x" * 32}),
          403, "CSRF")
    ok = anon.post("/api/analyze?wait=30", files=files(("a.txt", ART1)), headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 200, ok.text
    # the form's own action carries the token in its query string (works without JavaScript)
    ok = anon.post(f"/api/analyze?wait=30&csrf_token={csrf}", files=files(("b.txt", ART2)))
    assert ok.status_code == 200, ok.text
    anon.cookies.clear()
    error(anon.post("/api/analyze", files=files(("a.txt", ART1)), headers={"X-CSRF-Token": csrf}), 401)


def test_every_response_carries_the_security_headers(authed: TestClient, app) -> None:
    sid = authed.post("/api/analyze?wait=30", files=files(("a.txt", ART1))).json()["data"]["story"]["id"]
    responses = [authed.get(u) for u in ("/", "/login", "/api/health", f"/api/stories/{sid}",
                                          f"/stories/{sid}", "/search?q=flood", "/api/nope",
                                          "/stories/nope", "/docs", "/openapi.json")]
    responses.append(authed.post("/api/analyze", files=files(("x" * 300 + ".txt", ART1))))
    responses.append(authed.post("/api/analyze", content=b"x" * 300_000,
                                 headers={"content-type": "multipart/form-data; boundary=x"}))
    with TestClient(app, base_url="http://evil.example") as other:
        responses.append(other.get("/"))
    with TestClient(app, base_url="http://127.0.0.1") as anon:
        responses.append(anon.post("/api/analyze"))
    for resp in responses:
        missing = [h for h in HEADERS if h not in resp.headers]
        assert not missing, (resp.request.url, resp.status_code, missing)
        assert resp.headers["x-frame-options"] == "DENY"
        assert resp.headers["x-content-type-options"] == "nosniff"
        script_src = re.search(r"script-src([^;]*)", resp.headers["content-security-policy"])
        if resp.request.url.path != "/docs" and script_src:
            assert "'unsafe-inline'" not in script_src[1], resp.request.url


def test_csp_allows_exactly_our_scripts(authed: TestClient) -> None:
    import base64
    import hashlib

    page = authed.get("/").text
    csp = authed.get("/").headers["content-security-policy"]
    for body in re.findall(r"<script>(.*?)</script>", page, re.S):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "script-src 'sha256-" in csp and "frame-ancestors 'none'" in csp


def test_request_size_is_enforced_while_reading(authed: TestClient) -> None:
    error(authed.post("/api/analyze", files=files(("big.txt", b"x" * 300_000))), 413, "too large")

    def chunks():  # no Content-Length: the limit is found while the body is read
        for _ in range(40):
            yield b"y" * 10_000

    resp = authed.post("/api/analyze", content=chunks(),
                       headers={"content-type": "multipart/form-data; boundary=zzz"})
    error(resp, 413, "too large")


def test_file_name_errors_are_400(authed: TestClient) -> None:
    error(authed.post("/api/analyze", files=files(("x" * 300 + ".txt", ART1))), 400, "file name too long")
    from storyline.web.api import _safe_name
    from storyline.web.errors import ApiError

    with pytest.raises(ApiError, match="control characters"):
        _safe_name("bad\x01name.txt", 0)


def test_a_files_field_without_a_file_name_is_400(authed: TestClient) -> None:
    body = (b"--b\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nnot a file\r\n--b--\r\n")
    resp = authed.post("/api/analyze", content=body,
                       headers={"content-type": "multipart/form-data; boundary=b"})
    body = error(resp, 400, "files[0]: not a file")
    assert "pydantic" not in body["error"].lower() and "UploadFile" not in body["error"]


def test_upload_is_a_job_with_a_progress_page(authed: TestClient) -> None:
    resp = authed.post("/api/analyze", files=files(("a.txt", ART1), ("b.txt", ART2)))
    assert resp.status_code == 202
    job = resp.json()["data"]
    assert job["links"] == {"self": f"/api/jobs/{job['id']}", "page": f"/jobs/{job['id']}"}
    deadline = time.monotonic() + 30
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.05)
        job = authed.get(job["links"]["self"]).json()["data"]
    assert job["status"] == "done" and job["links"]["html"].startswith("/stories/")
    page = authed.get(f"/jobs/{job['id']}")
    assert page.status_code == 200 and job["id"] in page.text
    error(authed.get("/api/jobs/nope"), 404, "no job")
    # a form posted without JavaScript lands on the job page
    resp = authed.post("/api/analyze", files=files(("c.txt", ART1 + b"x")), headers={"accept": "text/html"},
                       follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"].startswith("/jobs/")


def test_health_stays_fast_while_an_analysis_runs(tmp_path: Path, nlp) -> None:
    """A real analysis in a worker process (model load + 12 articles): reads keep answering."""
    app = create_app(f"sqlite:///{tmp_path / 'slow.db'}", token=TOKEN)
    para = ("Rescue crews from Port Avel reached the flooded valley on Tuesday, officials said. "
            "\"We found 14 families on the roofs,\" said Captain Lena Morrow of the coast guard. ") * 12
    uploads = files(*[(f"a{i}.txt", f"Flood report {i}\n\n{para} Report {i}.".encode()) for i in range(12)])
    with make_client(app) as c:
        job = c.post("/api/analyze", files=uploads).json()["data"]
        times = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            t0 = time.perf_counter()
            assert c.get("/api/health").status_code == 200
            times.append(time.perf_counter() - t0)
            job = c.get(job["links"]["self"]).json()["data"]
            if job["status"] not in ("queued", "running"):
                break
            time.sleep(0.05)
        assert job["status"] == "done", job
    times.sort()
    assert len(times) >= 10
    assert times[int(0.99 * (len(times) - 1))] < 1.0, times[-5:]
    assert statistics.median(times) < 0.25, statistics.median(times)


def test_story_articles_come_a_page_at_a_time(authed: TestClient) -> None:
    resp = authed.post("/api/analyze?wait=30", files=files(("a.txt", ART1), ("b.txt", ART2)))
    sid = resp.json()["data"]["story"]["id"]
    first = authed.get(f"/api/stories/{sid}/articles", params={"limit": 1}).json()["data"]
    second = authed.get(f"/api/stories/{sid}/articles", params={"offset": 1, "limit": 1}).json()["data"]
    assert [a["path"] for a in first + second] == ["a.txt", "b.txt"]
    error(authed.get(f"/api/stories/{sid}/articles", params={"limit": 501}), 400, "limit")
