"""Real-browser tests (Playwright driving Debian's Chromium) of the HTML dossier and the web app.

What only a browser can show: that the dossier file loads nothing from the network, that its script
runs without errors, that a citation link scrolls to its span in the source text and highlights
exactly that span, that hovering shows the cited words; and that the upload form of the web app,
served by a real uvicorn on loopback, takes two article files and opens their dossier.

The browser is the system's ``/usr/bin/chromium`` (Debian package; CI installs it, see ``.ci/run``),
never a Playwright-downloaded build. Without it, or without the ``playwright`` package, every test
here is skipped with the reason. Every page gets a request recorder (``page.route``) that lets only
``file:``/``data:`` URLs (and, for the web app, the test server's own origin) through and aborts
anything else, so a test can never reach the network and a stray request fails it.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

TIMEOUT_MS = 10_000  # any single browser action or wait
UPLOAD_TIMEOUT_MS = 90_000  # the upload runs the whole analysis (spaCy) on two short articles
RENDER_FIXTURE = Path(__file__).resolve().parent.parent / "render" / "conftest.py"





# ----------------------------------------------------------------------------- browser fixtures




@dataclass
class PageLog:
    """What a page did: every request it made, what was blocked, console errors, dialogs."""

    allow: Callable[[str], bool]
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _local_only(url: str) -> bool:
    return urlsplit(url).scheme in ("file", "data", "about")


@pytest.fixture()
def page_log(browser: Any) -> Iterator[tuple[Any, PageLog]]:
    """A page in a fresh context, with every request recorded and any non-allowed one aborted.

    A test may replace ``log.allow`` before it navigates (the web app test allows its own origin).
    """
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    log = PageLog(allow=_local_only)

    def route(r: Any) -> None:
        url = r.request.url
        log.requests.append(url)
        if log.allow(url):
            r.continue_()
        else:
            log.blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.on("request", lambda req: log.requests.append(req.url))  # also what routing does not see
    page.on("console", lambda m: log.errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda exc: log.errors.append(f"pageerror: {exc}"))

    def dialog(d: Any) -> None:
        log.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    try:
        yield page, log
    finally:
        context.close()


# ----------------------------------------------------------------------------- the dossier file


def _load_render_fixture() -> Any:
    """The hand-built test dossier of tests/render/conftest.py (loaded by path: tests are no package)."""
    spec = importlib.util.spec_from_file_location("_storyline_render_test_dossier", RENDER_FIXTURE)
    if spec is None or spec.loader is None:
        pytest.skip(f"{RENDER_FIXTURE} cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_dossier()


@pytest.fixture(scope="module")
def dossier() -> Any:
    return _load_render_fixture()


@pytest.fixture(scope="module")
def dossier_file(dossier: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storyline.render.html import render_html

    path = tmp_path_factory.mktemp("dossier") / "dossier.html"
    path.write_text(render_html(dossier), encoding="utf-8")
    return path


def _span_text(dossier: Any, anchor: str) -> str:
    """The article text an anchor id ``a-<article>-<start>-<end>`` points at, from the dossier itself."""
    m = re.fullmatch(r"a-(.+)-(\d+)-(\d+)", anchor)
    assert m, anchor
    texts = {a.article.id: a.article.text for a in dossier.articles}
    return texts[m.group(1)][int(m.group(2)):int(m.group(3))]


def _highlighted(page: Any) -> str:
    """The text of every highlighted segment, in document order (a span may be cut into several)."""
    return page.evaluate("() => [...document.querySelectorAll('.seg.on')].map(e => e.textContent).join('')")


def _in_viewport(page: Any, element_id: str) -> bool:
    return page.evaluate("""(id) => {
        const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
    }""", element_id)


def _open(page: Any, path: Path, fragment: str = "") -> None:
    page.goto(path.as_uri() + fragment, wait_until="load")


def test_recorder_catches_a_remote_request(page_log: tuple[Any, PageLog], tmp_path: Path) -> None:
    """The recorder itself works: a page that loads an image over http is seen and blocked."""
    page, log = page_log
    probe = tmp_path / "probe.html"
    probe.write_text('<!doctype html><img src="http://192.0.2.1/pixel.png"><p>probe</p>', encoding="utf-8")
    _open(page, probe)
    assert log.blocked == ["http://192.0.2.1/pixel.png"]


def test_dossier_is_self_contained_and_error_free(page_log: tuple[Any, PageLog], dossier_file: Path,
                                                  dossier: Any) -> None:
    page, log = page_log
    _open(page, dossier_file)
    page.wait_for_load_state("networkidle")
    assert log.blocked == []
    assert {unquote(u) for u in log.requests} == {unquote(dossier_file.as_uri())}
    # Nothing in the page refers to another resource to load (scripts, styles, images, frames).
    loaders = page.evaluate("""() => [...document.querySelectorAll(
        'script[src], link[href], img, iframe, object, embed, video, audio, source')]
        .map(e => e.outerHTML)""")
    assert loaders == []
    # Article text with markup in it stays text: shown literally, never run.
    body_text = page.inner_text("#sources")
    assert "<script>alert('x')</script>" in body_text
    assert log.dialogs == []
    # Clicking around (a citation, a passage, a legend swatch) raises no script error.
    page.locator("a.cite:visible").first.click()
    page.locator("#sources .seg[data-s]").first.click()
    page.locator(".legend .seg").first.click()
    assert log.errors == []
    assert page.title().startswith(dossier.story_title)  # the escaped title, shown as text


def test_every_internal_link_has_a_target(page_log: tuple[Any, PageLog], dossier_file: Path) -> None:
    page, _ = page_log
    _open(page, dossier_file)
    dangling = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
        .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
        .filter(id => id && !document.getElementById(id))""")
    assert dangling == []


def test_citation_click_scrolls_to_and_highlights_the_span(page_log: tuple[Any, PageLog],
                                                           dossier_file: Path, dossier: Any) -> None:
    page, log = page_log
    _open(page, dossier_file)
    cites = page.locator("a.cite:visible")
    targets = cites.evaluate_all("els => els.map(e => e.getAttribute('href').slice(1))")
    assert len(set(targets)) >= 10, targets  # the test dossier cites many distinct spans
    seen: set[str] = set()
    for i, target in enumerate(targets):
        if target in seen:
            continue
        seen.add(target)
        page.evaluate("() => window.scrollTo(0, 0)")
        assert not _in_viewport(page, target), f"{target} already on screen: the scroll check means nothing"
        link = cites.nth(i)
        assert link.get_attribute("href") == f"#{target}"
        link.click()
        page.wait_for_function("(t) => location.hash === '#' + t", arg=target)
        page.mouse.move(0, 0)  # leave the link: the hover preview gives way to the clicked span
        expected = _span_text(dossier, target)
        assert _highlighted(page) == expected, target
        assert _in_viewport(page, target), f"{target} not scrolled into view"
        first_on = page.locator(".seg.on").first
        assert first_on.is_visible()
        ids = first_on.get_attribute("data-s") or ""
        assert target in ids.split()
    assert log.errors == []


def test_hover_shows_the_cited_words(page_log: tuple[Any, PageLog], dossier_file: Path,
                                     dossier: Any) -> None:
    page, log = page_log
    _open(page, dossier_file)
    cites = page.locator("a.cite:visible")
    for i in range(min(cites.count(), 8)):
        link = cites.nth(i)
        target = (link.get_attribute("href") or "#")[1:]
        expected = _span_text(dossier, target)
        link.hover()
        assert link.get_attribute("title") == expected  # the tooltip is the span's text
        assert _highlighted(page) == expected  # and the span is highlighted while hovering
        page.mouse.move(0, 0)
        assert _highlighted(page) == ""  # leaving restores the (empty) selection
    # A highlighted passage in the source text says what cites it.
    quote = page.locator("article.source .seg.k-quote").first
    quote.hover()
    assert "quote" in (quote.get_attribute("title") or "")
    assert log.errors == []


def test_opening_with_a_fragment_highlights_that_span(page_log: tuple[Any, PageLog],
                                                       dossier_file: Path, dossier: Any) -> None:
    page, log = page_log
    _open(page, dossier_file)
    target = (page.locator("a.cite").last.get_attribute("href") or "#")[1:]
    _open(page, dossier_file, f"#{target}")
    page.wait_for_function("() => document.querySelector('.seg.on') !== null")
    assert _highlighted(page) == _span_text(dossier, target)
    assert _in_viewport(page, target)
    assert log.errors == []


def test_clicking_a_passage_selects_its_innermost_span(page_log: tuple[Any, PageLog],
                                                        dossier_file: Path, dossier: Any) -> None:
    page, log = page_log
    _open(page, dossier_file)
    nested = page.locator("#sources .seg[data-s*=' ']").first  # a piece inside two or more spans
    ids = (nested.get_attribute("data-s") or "").split()
    nested.click()
    innermost = ids[-1]
    page.wait_for_function("(t) => location.hash === '#' + t", arg=innermost)
    text = _highlighted(page)
    assert text == _span_text(dossier, innermost)
    assert all(len(text) <= len(_span_text(dossier, i)) for i in ids)
    assert log.errors == []


# ----------------------------------------------------------------------------- the web app


ARTICLE_ONE = """---
title: Hartwell water board approves first rate increase since 2021
outlet: Hartwell Gazette
date: 2026-03-03
author: Maria Lindqvist
---
HARTWELL — The Hartwell Water Board voted 4-1 on Monday to raise residential water rates by 8 percent
starting July 1, the first increase since 2021.

"Our pipes are older than most of the people in this room," board chair Lena Okafor said after the
vote. "We can pay a little now or a lot later."

The increase will add about $6 a month to a typical household bill, according to a staff report.

Board member Victor Hale, who cast the only vote against the plan, said residents had not been given
enough notice. The board will hold a public hearing on March 18.
"""

ARTICLE_TWO = """---
title: Water rates to rise 8% in Hartwell after split vote
outlet: Valley Record
date: 2026-03-04
---
The Hartwell Water Board on March 2 approved an 8 percent rate increase, with one member opposed.

Chair Lena Okafor defended the plan, telling reporters: "We can pay a little now or a lot later."

Victor Hale, the lone dissenter, said the board "rushed this through without asking anyone." He said
he would ask for the vote to be reconsidered at the next meeting in April.

Customers will see the new rates on bills mailed after July 1.
"""


def _pipeline_missing() -> str | None:
    for name in ("storyline.run", "storyline.ingest", "storyline.story", "storyline.render.json"):
        try:
            importlib.import_module(name)
        except ImportError as exc:
            return f"pipeline not ready: {name}: {exc}"
    return None


@dataclass
class LiveServer:
    url: str
    server: Any
    thread: threading.Thread


@pytest.fixture()
def live_server(tmp_path: Path, nlp: Any) -> Iterator[LiveServer]:
    """The web app in a real uvicorn on 127.0.0.1 (a free port), over a temporary SQLite store.

    ``nlp`` loads the spaCy model once for the session before the server needs it.
    """
    import uvicorn

    from storyline.web import create_app

    app = create_app(f"sqlite:///{tmp_path / 'browser.db'}", token=BROWSER_TOKEN)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # the OS picks a free port; the server serves on this very socket
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True,
                              name="uvicorn-browser-test")
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            pytest.fail("uvicorn did not start within 15 s")
        time.sleep(0.05)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", server, thread)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
        assert not thread.is_alive(), "uvicorn did not stop within 15 s"


BROWSER_TOKEN = "browser-test-write-token"


def _log_in(page: Any, origin: str) -> None:
    """Give the write token once on /login, as a user would: the session cookie does the rest."""
    page.goto(origin + "/login", wait_until="load")
    page.fill("input[name=token]", BROWSER_TOKEN)
    page.click("button[type=submit]")
    page.wait_for_url(origin + "/")


def _app_page(page_log: tuple[Any, PageLog], live_server: LiveServer) -> tuple[Any, PageLog, str]:
    """The page and its request log, allowed to reach the live server only (skips without a pipeline)."""
    missing = _pipeline_missing()
    if missing:
        pytest.skip(missing)
    page, log = page_log
    origin = live_server.url
    log.allow = lambda url: url == origin or url.startswith(origin + "/")
    return page, log, origin


def test_upload_form_opens_the_dossier_of_both_articles(page_log: tuple[Any, PageLog],
                                                         live_server: LiveServer,
                                                         tmp_path: Path) -> None:
    page, log, origin = _app_page(page_log, live_server)

    files = []
    for name, text in (("gazette-water-rates.md", ARTICLE_ONE), ("record-water-rates.md", ARTICLE_TWO)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        files.append(path)

    page.goto(origin + "/", wait_until="load")
    assert "Log in with the write token" in page.inner_text("body")  # no upload form without it
    _log_in(page, origin)
    assert "No stories yet" in page.inner_text("body")
    page.set_input_files("#upload input[name=files]", [str(f) for f in files])
    page.fill("#upload input[name=title]", "Hartwell water rates")
    page.click("#upload button[type=submit]")
    page.wait_for_url(re.compile(r"/stories/[^/?#]+$"), timeout=UPLOAD_TIMEOUT_MS)
    story_id = page.url.rsplit("/", 1)[1]

    # The dossier page: both articles, their source texts, working citations.
    assert page.title().startswith("Hartwell water rates")
    sources = page.locator("#sources article.source")
    assert sources.count() == 2
    headings = " | ".join(sources.locator("h3").all_inner_texts())
    assert "Hartwell Gazette" in headings and "Valley Record" in headings
    body = page.inner_text("#sources")
    assert "Our pipes are older than most of the people in this room" in body
    assert "rushed this through without asking anyone" in body
    cite = page.locator("a.cite:visible").first
    target = (cite.get_attribute("href") or "#")[1:]
    cite.click()
    page.wait_for_function("(t) => location.hash === '#' + t", arg=target)
    page.mouse.move(0, 0)
    assert _highlighted(page) == cite.get_attribute("title")

    # The JSON API lists the story with its two articles; the home page links it.
    resp = page.request.get(origin + "/api/stories", timeout=TIMEOUT_MS)
    assert resp.ok
    stories = json.loads(resp.text())["data"]
    assert [(s["id"], s["articles"], s["title"]) for s in stories] == [(story_id, 2, "Hartwell water rates")]
    page.goto(origin + "/", wait_until="load")
    assert page.locator(f"a[href='/stories/{story_id}']").inner_text() == "Hartwell water rates"

    assert log.blocked == []
    assert all(u.startswith(origin + "/") for u in log.requests), log.requests
    assert log.errors == []
    assert log.dialogs == []


def test_upload_form_lists_the_problems_when_nothing_can_be_read(page_log: tuple[Any, PageLog],
                                                                  live_server: LiveServer,
                                                                  tmp_path: Path) -> None:
    """A file no reader takes: the job's page says it failed and names the file; no story is made."""
    page, log, origin = _app_page(page_log, live_server)
    junk = tmp_path / "minutes.xyz"
    junk.write_bytes(b"\x00\x01 not an article format")

    _log_in(page, origin)
    page.set_input_files("#upload input[name=files]", [str(junk)])
    with page.expect_response(lambda r: r.url == origin + "/api/analyze") as answer:
        page.click("#upload button[type=submit]")
    assert answer.value.status == 202  # accepted as a job; the job then fails
    page.wait_for_url(re.compile(r"/jobs/[0-9a-f]+$"), timeout=TIMEOUT_MS)
    page.wait_for_function("() => document.querySelector('h1').textContent === 'Upload failed'",
                           timeout=UPLOAD_TIMEOUT_MS)  # the job runs in a worker process
    problems = page.locator("#job table td").all_inner_texts()
    assert problems and any("minutes.xyz" in p for p in problems), problems
    assert not any("storyline-upload-" in p for p in problems)  # never the server's temporary path
    stories = json.loads(page.request.get(origin + "/api/stories", timeout=TIMEOUT_MS).text())["data"]
    assert stories == []
    assert log.errors == []
    assert log.blocked == []
