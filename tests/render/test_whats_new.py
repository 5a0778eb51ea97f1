"""'What's new' at the top of the HTML dossier of a story that grew (render/changes.py)."""

from __future__ import annotations

import dataclasses
import re

from storyline.render.changes import whats_new
from storyline.render.html import render_html
from storyline.render.view import DossierView


def _grown(dossier):
    a_new = dossier.articles[-1].article.id
    return dataclasses.replace(dossier, version=3, changes={
        "since_version": 2, "new_articles": [a_new], "new_events": ["T1"], "updated_events": ["T2"],
        "new_conflicts": ["K1"], "resolved_conflicts": ["K-gone"], "new_quotes": ["Q2"],
        "changed_values": ["K2"]})


def _section(page: str) -> str:
    m = re.search(r'<section id="whats-new".*?</section>', page, re.S)
    assert m, "no What's new section"
    return m.group(0)


def test_first_version_has_no_whats_new(dossier):
    assert whats_new(dossier, DossierView(dossier)) is None
    assert 'id="whats-new"' not in render_html(dossier)


def test_whats_new_links_every_change_to_its_entry(dossier):
    grown = _grown(dossier)
    page = render_html(grown)
    section = _section(page)
    assert page.index('id="whats-new"') < page.index('id="glance"')  # at the top
    assert "version 3" in section and "Since version 2" in section
    targets = re.findall(r'href="#([^"]+)"', section)
    assert f"art-{grown.articles[-1].article.id}" in targets
    assert {"ev-t1", "ev-t2", "c-k1", "c-k2", "q-q2"} <= {t.lower() for t in targets}
    for t in targets:  # every link lands on an entry of the page
        assert f'id="{t}"' in page
    assert "Conflicts resolved (1)" in section and "1 no longer on this page" in section
    assert "Owen Pratt" in section  # the new quotation, described by its speaker


def test_whats_new_escapes_article_text(dossier):
    grown = _grown(dossier)
    grown.articles[-1].article.outlet = "<b>Outlet</b>"
    section = _section(render_html(grown))
    assert "<b>Outlet</b>" not in section
