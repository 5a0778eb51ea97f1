"""The dossier's inline SVG charts: what they count, what they say, and that they stay small."""

from __future__ import annotations

import datetime as dt
import re

from storyline.model import Dossier
from storyline.render.charts import (
    MAX_COLUMNS,
    _buckets,
    charts,
    outlet_time_chart,
    quoted_by_chart,
    timeline_sources_chart,
)
from storyline.render.html import render_html
from storyline.render.view import DossierView

from .conftest import build_dossier
from .synthetic import synthetic_dossier


def _titles(svg: str) -> list[str]:
    return re.findall(r"<title>(.*?)</title>", svg)


def test_articles_per_outlet_count_each_article_once() -> None:
    d = build_dossier()
    svg = str(outlet_time_chart(d, DossierView(d)))
    assert svg.startswith("<svg") and 'viewBox="0 0' in svg
    tips = _titles(svg)
    # two articles of one outlet: one on a known day, one whose day is unknown; an inferred range
    # is not a day either
    assert "Riverside Ledger: 1 article on 14 Mar 2024" in tips
    assert "Riverside Ledger: 1 article whose day is not known" in tips
    assert "Valley Post &amp; Courier: 1 article whose day is not known" in tips  # escaped


def test_timeline_chart_links_each_event_to_its_entry() -> None:
    d = build_dossier()
    svg = str(timeline_sources_chart(d, DossierView(d)))
    dated = [e for e in d.timeline if e.date.earliest or e.date.latest]
    assert svg.count('<a href="#ev-') == len(dated)
    assert any(t.startswith("12 Mar 2024: ") and "report" in t for t in _titles(svg))


def test_quoted_by_counts_quotations_per_speaker_and_outlet() -> None:
    d = build_dossier()
    svg = str(quoted_by_chart(d, DossierView(d)))
    expected = sum(len(g.quotes) for g in d.quotes if g.speaker_name or g.speaker_entity)
    counted = sum(int(m) for m in re.findall(r"quotes .*? (\d+) times?<", svg))
    assert counted == expected


def test_nothing_to_draw_gives_no_chart() -> None:
    empty = Dossier(story_id="s", story_title="t", articles=[], entities=[], timeline=[], quotes=[],
                    claims=[], comparisons=[], coverage=[])
    assert charts(empty, DossierView(empty)) == []
    assert 'id="charts"' not in render_html(empty)


def test_time_buckets_stay_few() -> None:
    lo = dt.date(2025, 3, 1)
    for days, unit in ((1, "day"), (MAX_COLUMNS, "day"), (200, "month"), (40 * 366, "year")):
        got, cols = _buckets(lo, lo + dt.timedelta(days=days - 1))
        assert got == unit and len(cols) <= MAX_COLUMNS
        assert cols[0][0] <= lo and cols[-1][1] >= lo + dt.timedelta(days=days - 1)
    assert len(_buckets(dt.date(9998, 1, 1), dt.date(9999, 12, 31))[1]) == 24  # the calendar's end


def test_big_story_charts_are_small_and_bounded() -> None:
    d = synthetic_dossier(300, 50)
    made = charts(d, DossierView(d))
    assert [k for k, _, _ in made] == ["chart-outlets", "chart-sources", "chart-quoted"]
    total = sum(len(str(svg)) for _, _, svg in made)
    assert total < 90_000, total
    for _, _, svg in made:
        labels = re.findall(r'class="ch-label"><title>', str(svg))
        assert len(labels) <= 15  # rows beyond that are summed in one
    assert "http" not in "".join(str(s) for _, _, s in made)


def test_articles_without_an_outlet_share_one_row_not_their_headlines() -> None:
    d = build_dossier()
    for a in d.articles:  # no article names its outlet; one has a web address
        a.article.outlet = None
    d.articles[0].article.url = "https://www.harbor-gazette.example/2024/03/14/ferry"
    view = DossierView(d)
    svg = str(outlet_time_chart(d, view))
    rows = {t.split(":")[0] for t in _titles(svg)}
    assert "harbor-gazette.example" in rows and "no outlet named" in rows
    headlines = {a.article.title for a in d.articles if a.article.title}
    assert headlines and not any(h.split(":")[0] in rows for h in headlines)
