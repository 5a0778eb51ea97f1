"""Shared fixtures. Tests must pass without ../shared (no dataset files here)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "tina-peters"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole test session."""
    from storyline.analyze.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


# The browser tests drive the system's Chromium (Debian package; .ci/run installs it), never a
# Playwright-downloaded build, with no sandbox, no GPU and no background traffic.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_missing() -> str | None:
    """Why the browser tests cannot run here (None when they can)."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (Debian package 'chromium'; .ci/run installs it)"
    if importlib.util.find_spec("playwright") is None:
        return "the 'playwright' package is not installed (dev extra)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium per module; the test is skipped with the reason without one."""
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
                               timeout=30_000)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def page_guard() -> Callable[[Any, Callable[[str], bool]], list[str]]:
    """``guard(page, allowed)``: every request of a Playwright page whose URL ``allowed`` refuses is
    aborted; those requests, page errors and console errors go into the returned list, which a
    browser test asserts empty (one guard for the dossier's and the web app's browser tests)."""

    def guard(page: Any, allowed: Callable[[str], bool]) -> list[str]:
        problems: list[str] = []

        def route(r: Any) -> None:
            if allowed(r.request.url):
                r.continue_()
            else:
                problems.append(f"request: {r.request.url}")
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda exc: problems.append(f"pageerror: {exc}"))
        page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
        return problems

    return guard
