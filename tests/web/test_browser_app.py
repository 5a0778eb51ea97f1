"""The web app in Debian's Chromium, with the small fake pipeline of test_web_api.py (no spaCy, so
these stay fast): a partly bad upload through the form and its result page, the downloads, adding
articles to a story, rename and delete, /docs offline, and the phone layout of every page.

Every page may reach the test server only; anything else is aborted and fails the test. Skipped
with the reason when /usr/bin/chromium or the playwright package is missing (tests/conftest.py).
"""

from __future__ import annotations

import importlib.util
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TIMEOUT_MS = 10_000
TOKEN = "browser-app-token"
API_TESTS = Path(__file__).resolve().parent / "test_web_api.py"


def _fake_pipeline() -> Any:
    spec = importlib.util.spec_from_file_location("_storyline_web_api_tests", API_TESTS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.fake_pipeline


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    import uvicorn

    from storyline.web import create_app

    app = create_app(f"sqlite:///{tmp_path / 'app.db'}", pipeline=_fake_pipeline(), token=TOKEN)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=15)
        sock.close()


@pytest.fixture()
def app_page(browser: Any, server: str, page_guard: Any) -> Iterator[tuple[Any, list[str]]]:
    """A logged-in page that may reach the test server only; ``problems`` collects the rest."""
    context = browser.new_context(viewport={"width": 1200, "height": 800}, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems = page_guard(page, lambda url: url.startswith(server + "/"))
    page.goto(server + "/login", wait_until="load")
    page.fill("input[name=token]", TOKEN)
    page.click("button[type=submit]")
    page.wait_for_url(server + "/")
    try:
        yield page, problems
    finally:
        context.close()


def _files(tmp_path: Path, *names: str) -> list[str]:
    out = []
    for name in names:
        path = tmp_path / name
        path.write_text("an article", encoding="utf-8")
        out.append(str(path))
    return out


def _upload(page: Any, form: str, files: list[str]) -> str:
    """Upload through a form; the job page shows the result, or, when every file was read, may
    open the dossier at once. Returns the story's path (``/stories/<id>``)."""
    page.set_input_files(f"{form} input[name=files]", files)
    page.click(f"{form} button[type=submit]")
    page.wait_for_function(r"""() => /^\/stories\/[0-9a-f]+$/.test(location.pathname)
        || (/^\/jobs\//.test(location.pathname)
            && document.querySelector('h1').textContent.startsWith('Upload '))""")
    if page.url.rsplit("/", 2)[-2] == "stories":
        return "/stories/" + page.url.rsplit("/", 1)[1]
    return str(page.get_attribute("text=Open the dossier", "href"))


def test_partly_bad_upload_shows_every_skipped_file(app_page: tuple[Any, list[str]], server: str,
                                                     tmp_path: Path) -> None:
    page, problems = app_page
    _upload(page, "#upload", _files(tmp_path, "a1.txt", "a2.txt", "minutes.xyz", "notes.bin"))
    assert page.inner_text("h1") == "Upload done"
    skipped = page.locator("#job table tr td:first-child").all_inner_texts()
    assert skipped == ["minutes.xyz", "notes.bin"]
    assert "2 file(s) skipped" in page.inner_text("#job")
    page.click("text=Open the dossier")
    page.wait_for_url(re.compile(r"/stories/[0-9a-f]+$"))
    page.click("text=← All stories")
    page.wait_for_url(server + "/")
    row = page.inner_text("table tr:nth-child(2)")
    assert "Port strike" in row and "Harbor Times, Valley Post" in row and "just now" in row
    assert problems == []


def test_downloads_add_rename_delete(app_page: tuple[Any, list[str]], server: str, tmp_path: Path) -> None:
    page, problems = app_page
    story = _upload(page, "#upload", _files(tmp_path, "a1.txt", "a2.txt"))
    assert story.startswith("/stories/")
    page.goto(server + story + "/about", wait_until="load")
    for name in ("dossier.json", "claims.csv", "quotes.csv", "timeline.csv", "dossier.html"):
        with page.expect_download() as dl:
            page.click(f"a[href='{story}/{name}']")
        saved = tmp_path / f"got-{name}"
        dl.value.save_as(saved)
        assert dl.value.suggested_filename.endswith(name) and saved.stat().st_size > 0, name
    assert "Mara Quint" in (tmp_path / "got-quotes.csv").read_text(encoding="utf-8")

    # add an article: same story, version 2
    assert _upload(page, "#add", _files(tmp_path, "a3.txt")) == story
    page.goto(server + story + "/about", wait_until="load")
    assert "3 article(s)" in page.inner_text("main") and "version 2" in page.inner_text("main")

    page.fill("form[action*='/rename'] input[name=title]", "Dock strike")
    with page.expect_navigation():
        page.click("form[action*='/rename'] button")
    assert page.inner_text("h1") == "Dock strike"
    page.check("form[action*='/delete'] input[name=confirm]")
    page.click("form[action*='/delete'] button")
    page.wait_for_url(server + "/")
    assert "No stories yet" in page.inner_text("main")
    assert problems == []


def test_docs_work_offline_and_every_page_fits_a_phone(browser: Any, app_page: tuple[Any, list[str]],
                                                       server: str, tmp_path: Path) -> None:
    page, problems = app_page
    page.goto(server + "/docs", wait_until="load")
    assert "/api/stories/{story_id}" in page.inner_text("body")
    assert page.locator(".op").count() >= 10  # every operation described, nothing fetched
    page.goto(server + "/", wait_until="load")
    story = _upload(page, "#upload", _files(tmp_path, "a1.txt", "a2.txt", "junk.bin"))
    job = page.url  # a skipped file: the job page stays
    page.set_viewport_size({"width": 390, "height": 844})
    for url in (server + "/", server + "/docs", job, server + story + "/about",
                server + "/search?q=strike", server + story):
        page.goto(url, wait_until="load")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, (url, width)
    assert problems == []
