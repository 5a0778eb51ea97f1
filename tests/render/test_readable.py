"""No code in text a person reads: the example corpus's dossier as HTML, Markdown and terminal text.

What counts as visible in the HTML: text nodes and ``title`` tooltips, not tags, ``data-`` attributes,
ids, classes, links' targets, the style sheet or the script. Markdown is read as it is (escapes
removed). The checks are those of :mod:`storyline.story.plain`: entity ids, 16-hex article ids,
TIMEX3 codes, snake_case names.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from rich.console import Console

from storyline.render.html import render_html
from storyline.render.markdown import render_markdown
from storyline.render.terminal import render_summary
from storyline.story.plain import jargon_in_text


class _Visible(HTMLParser):
    """The text a reader sees (and the tooltips they can hover), nothing of the markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            if name in ("title", "placeholder", "aria-label") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    p = _Visible()
    p.feed(page)
    return "\n".join(p.parts)


def terminal_text(dossier, width: int = 200) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    render_summary(dossier, console)
    return console.export_text()


@pytest.fixture(scope="module")
def example_dossier(examples_dir, tmp_path_factory):
    from storyline.run import run_story
    from storyline.store import Store

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('readable') / 'story.db'}")
    result = run_story([str(examples_dir)], store=store, workers=1)
    assert result.dossier is not None
    return result.dossier


def _source_free(dossier) -> set[str]:
    """Tokens the articles' own text contains: they may be shown as quoted (an article may itself
    print a snake_case handle); the check is about what storyline writes."""
    return {w for a in dossier.articles for w in re.findall(r"[\w-]+", a.article.text)}


def _problems(text: str, where: str, allowed: set[str]) -> list[str]:
    return [p for p in jargon_in_text(text, where) if p.split("'")[1] not in allowed]


def test_example_html_has_no_code_in_visible_text(example_dossier):
    text = visible_text(render_html(example_dossier))
    assert "Timeline" in text and len(text) > 10_000
    assert _problems(text, "html", _source_free(example_dossier)) == []


def test_example_markdown_has_no_code(example_dossier):
    md = render_markdown(example_dossier).replace("\\", "")
    assert _problems(md, "markdown", _source_free(example_dossier)) == []


def test_example_terminal_summary_has_no_code(example_dossier):
    for width in (80, 200):
        text = terminal_text(example_dossier, width)
        assert _problems(text, "terminal", _source_free(example_dossier)) == []


def test_the_check_catches_what_it_should():
    page = ('<p title="time: XXXX-WXX-4">x</p><div data-s="a-41c8f787d6efd069-1-2">'
            "<span>convicted_by</span> ent-3fa2b19c0d P25Y 41c8f787d6efd069</div>"
            "<script>var x = 'PRESENT_REF';</script>")
    found = " ".join(jargon_in_text(visible_text(page)))
    for needle in ("XXXX-WXX", "convicted_by", "ent-3fa2b19c0d", "P25Y", "41c8f787d6efd069"):
        assert needle in found
    assert "PRESENT_REF" not in found and "a-41c8" not in found


def test_a_generated_300_article_story_has_no_code_either():
    from .synthetic import synthetic_dossier

    d = synthetic_dossier(300, 50)
    allowed = _source_free(d)
    assert _problems(visible_text(render_html(d)), "html", allowed) == []
    assert _problems(render_markdown(d).replace("\\", ""), "markdown", allowed) == []
    assert _problems(terminal_text(d, 120), "terminal", allowed) == []
    out = terminal_text(d, 100)
    assert len(out.splitlines()) <= 60  # one screen, not one row per article


def test_example_web_pages_have_no_code(example_dossier, tmp_path):
    """The web app's pages about the example story: list, story page, dossier with the app's bar,
    search, API reference (docs describe the API: its own field names are allowed there only)."""
    from fastapi.testclient import TestClient

    from storyline.render.json import dossier_to_dict
    from storyline.store import Store
    from storyline.web import create_app

    url = f"sqlite:///{tmp_path / 'web.db'}"
    store = Store(url)
    for a in example_dossier.articles:
        store.save_analysis(a)
    ids = [a.article.id for a in example_dossier.articles]
    store.save_dossier(example_dossier.story_id, example_dossier.story_title, ids,
                       dossier_to_dict(example_dossier), html=render_html(example_dossier))
    store.close()
    app = create_app(url, pipeline=lambda *a, **k: None, token="t")
    allowed = _source_free(example_dossier)
    sid = example_dossier.story_id
    with TestClient(app, base_url="http://127.0.0.1") as client:
        for path in ("/", f"/stories/{sid}/about", f"/stories/{sid}", "/search?q=judge"):
            page = client.get(path)
            assert page.status_code == 200, path
            text = visible_text(page.text)
            assert _problems(text, path, allowed) == [], path
            assert sid not in text, path  # the story's id is in links, not in what is read
