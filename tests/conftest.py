"""Shared fixtures. Tests must pass without ../shared (no dataset files here)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
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
