"""The HTML dossier in a real browser (Debian's Chromium through Playwright): search and filters,
the phone layout, and a 300-article story's size and time to interactive.

Same rules as tests/web/test_browser.py: the system's /usr/bin/chromium only (skipped with the
reason without it or without the ``playwright`` package), and every request other than the file
itself is aborted and fails the test.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from storyline.render.html import render_html

from .conftest import build_dossier
from .synthetic import synthetic_dossier


def _page(browser: Any, guard: Any, width: int = 1200, height: int = 800) -> tuple[Any, Any, list[str]]:
    """A page that may load only file: URLs; returns (context, page, problems)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(20_000)
    page = context.new_page()
    problems = guard(page, lambda url: urlsplit(url).scheme in ("file", "data", "about"))
    return context, page, problems


@pytest.fixture(scope="module")
def small_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "dossier.html"
    path.write_text(render_html(build_dossier()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "dossier.html"
    path.write_text(render_html(synthetic_dossier(300, 50)), encoding="utf-8")
    return path


def _visible(page: Any, selector: str) -> list[str]:
    return page.evaluate("""(sel) => [...document.querySelectorAll(sel)]
        .filter(e => e.offsetParent !== null).map(e => e.id)""", selector)


def test_search_and_filters_narrow_every_section(browser: Any, page_guard: Any, small_file: Path) -> None:
    context, page, problems = _page(browser, page_guard)
    try:
        page.goto(small_file.as_uri(), wait_until="load")
        assert _visible(page, "#quotes .card") == ["q-Q1", "q-Q2", "q-Q3"]
        page.fill("#q", "boondoggle")
        assert _visible(page, "#quotes .card") == ["q-Q3"]
        assert "of" in page.inner_text("#f-count") and "shown" in page.inner_text("#quotes h2")
        page.fill("#q", '"wait another winter"')  # a quoted phrase matches as a phrase
        assert _visible(page, "#quotes .card") == ["q-Q1"]
        page.fill("#q", '"winter another"')
        assert _visible(page, "#quotes .card") == []
        page.fill("#q", "")
        page.select_option("#f-outlet", label="Valley Post & Courier (1)")
        assert _visible(page, "#articles .card") == ["art-bbbb2222"]
        assert _visible(page, "#quotes .card") == ["q-Q1", "q-Q3"]
        page.select_option("#f-outlet", value="")
        page.select_option("#f-person", label="Owen Pratt (2)")
        assert _visible(page, "#quotes .card") == ["q-Q2", "q-Q3"]
        page.select_option("#f-person", value="")
        page.select_option("#f-status", value="agree")
        assert _visible(page, "#comparisons .card") == ["c-K2"]
        page.select_option("#f-status", value="")
        page.check("#f-conflicts")
        assert _visible(page, "#comparisons .card") == ["c-K1", "c-K4"]
        assert _visible(page, "#quotes .card") == ["q-Q1"]  # the quotation a conflict is about
        assert _visible(page, "#articles .card") != []  # articles are not narrowed by it
        page.click("#f-reset")
        assert len(_visible(page, "#comparisons .card")) == 4 and page.inner_text("#f-count") == ""
        assert problems == []
    finally:
        context.close()


def test_date_range_narrows_articles_and_events(browser: Any, page_guard: Any, small_file: Path) -> None:
    context, page, problems = _page(browser, page_guard)
    try:
        page.goto(small_file.as_uri(), wait_until="load")
        page.fill("#f-since", "2024-03-13")
        page.fill("#f-until", "2024-03-14")
        # published on the 14th; inferred 12-20 March (overlaps); unknown date (hidden)
        assert _visible(page, "#articles .card") == ["art-aaaa1111", "art-bbbb2222"]
        assert _visible(page, "#timeline .ev") == []  # 12 March, June, and an undated one
        page.fill("#f-since", "2024-06-01")
        page.fill("#f-until", "")
        assert _visible(page, "#timeline .ev") == ["ev-T2"]
        assert "of" in page.inner_text("#f-count")
        page.click("#f-reset")
        assert page.input_value("#f-since") == "" and len(_visible(page, "#timeline .ev")) == 3
        assert page.locator("#charts svg.chart").count() == 3  # the charts are there, offline
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("which", ["small", "big"])
def test_no_horizontal_scroll_on_a_phone(browser: Any, page_guard: Any, small_file: Path, big_file: Path, which: str,
                                         tmp_path: Path) -> None:
    path = small_file if which == "small" else big_file
    context, page, problems = _page(browser, page_guard, width=390, height=844)
    try:
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        wide = page.evaluate("""() => [...document.querySelectorAll('main *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                         && !e.closest('.scroll, .axis') && e.offsetParent !== null)
            .slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40))""")
        assert width <= 390, wide
        assert wide == []
        if which == "small":
            page.screenshot(path=str(tmp_path / "phone.png"), full_page=False)
        assert problems == []
    finally:
        context.close()


def test_a_300_article_dossier_is_small_and_quick(browser: Any, page_guard: Any, big_file: Path) -> None:
    size = big_file.stat().st_size
    assert size < 3_000_000, f"{size / 1e6:.2f} MB"
    context, page, problems = _page(browser, page_guard)
    try:
        start = time.perf_counter()
        page.goto(big_file.as_uri(), wait_until="load")
        page.fill("#q", "levee")  # interactive: the search answers
        page.wait_for_function("() => document.getElementById('f-count').textContent !== ''")
        elapsed = time.perf_counter() - start
        assert elapsed < 8.0, f"{elapsed:.1f} s to load and answer a search"
        # time to interactive as the browser measures it: the document parsed and its script run
        # (the handlers are attached), from the start of the navigation
        tti = page.evaluate("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
        assert tti < 2000, f"{tti:.0f} ms to interactive"
        # a citation into a collapsed source text opens it and highlights the span
        page.click("#f-reset")
        link = page.locator("#timeline a.cite").first
        target = (link.get_attribute("href") or "#")[1:]
        link.click()
        page.wait_for_function("(id) => document.querySelector('.seg.on') !== null", arg=target)
        assert page.evaluate("(id) => document.getElementById(id).closest('details').open", target)
        text = page.evaluate("() => [...document.querySelectorAll('.seg.on')]"
                             ".map(e => e.textContent).join('')")
        assert text.strip() and text.strip() in page.inner_text("#timeline")  # the cited sentence
        # the outlet table sorts by a column
        page.click("table.outlets th:has-text('Omits')")
        omits = page.evaluate("() => [...document.querySelectorAll('table.outlets tr')].slice(1)"
                              ".map(r => +r.cells[4].textContent)")
        assert omits == sorted(omits, reverse=True) and len(omits) == 50
        print(f"300 articles: {size / 1e6:.2f} MB, interactive after {tti:.0f} ms, "
              f"load + first search {elapsed:.2f} s")
        assert problems == []
    finally:
        context.close()
