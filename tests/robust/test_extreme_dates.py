"""Extreme dates mixed into ordinary sentences, through analysis, reduce and every renderer.

A Hypothesis strategy builds short articles from sentences written for this test (several domains)
with date expressions at the calendar's edges spliced in (years 0001 and 9999, impossible days,
relative words next to absolute edge dates), and publication dates at the edges too. Every example
must analyse, reduce and render without an exception, and every span must spell its text.

The default run is modest (``STORYLINE_FUZZ_EXAMPLES``, default 200); the acceptance run is
``STORYLINE_FUZZ_EXAMPLES=4000 pytest tests/robust/test_extreme_dates.py``.
"""

from __future__ import annotations

import io
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest.build import Fields, build_article

EXAMPLES = int(os.environ.get("STORYLINE_FUZZ_EXAMPLES", "200"))

SENTENCES = [
    "The city council voted {d} to fund a new flood wall.",
    "Rescue crews reached the village {d}, officials said.",
    "Shares of Harwick Foods fell 4 percent {d} after the report.",
    "The Kestrel United striker scored twice {d}.",
    "Researchers at the Lindqvist Institute published the study {d}.",
    "\"We will appeal,\" defense lawyer Mara Ostrow said {d}.",
    "Polls close {d} in the governor's race, election officials said.",
    "The clinic began offering the vaccine {d}.",
    "Judge Tobias Renner sentenced the former clerk {d}.",
    "The storm made landfall {d} near Port Avel.",
    "Orla Fenwick, 52, was convicted of fraud {d} and sentenced to 9 years.",
    "The company was founded {d} and employs 1,200 people.",
    "The bridge opened to traffic {d}, according to the transport agency.",
    "Voters approved the measure {d} by a margin of 12 points.",
]
EDGE_DATES = [
    "on 9999-12-31", "on 0001-01-01", "9999-12-31 next week", "Sept. 31 0001-01-01",
    "on Dec. 31, 9999", "on January 1, 0001", "in 9999", "in the year 0001", "in 10000",
    "on 31 December 9999", "two years ago", "yesterday", "next week", "in 9999 days",
    "9999 years ago", "in 9,999 years", "on Feb. 29, 9999", "on 0000-00-00", "on 9999-99-99",
    "in December 9999", "last year", "on Monday", "since 0001", "by the end of 9999",
    "on 1/1/0001", "on 12/31/9999", "the 99th century", "tomorrow", "in the 1st century",
    "between 0001 and 9999", "on 2025-05-05", "last month",
]
PUBLISHED = [None, "0001-01-01", "9999-12-31", "2025-05-05", "0001-12-31", "9999-01-01"]

article_text = st.lists(
    st.tuples(st.sampled_from(SENTENCES), st.sampled_from(EDGE_DATES)), min_size=1, max_size=4,
).map(lambda parts: " ".join(s.format(d=d) for s, d in parts))


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(article_text, st.sampled_from(PUBLISHED)), min_size=1, max_size=3))
def test_extreme_dates_analyse_reduce_and_render(nlp, articles):
    from rich.console import Console

    from storyline.analyze import analyze_article
    from storyline.render.html import render_html
    from storyline.render.json import check_spans, dossier_to_dict, validate_dossier
    from storyline.render.markdown import render_markdown
    from storyline.render.terminal import render_summary
    from storyline.story import build_dossier

    analyses = []
    for i, (text, published) in enumerate(articles):
        art = build_article(text, path=f"a{i}.txt", source_format="txt",
                            fields=Fields(outlet=f"Outlet {i}", published=published))
        analyses.append(analyze_article(art, nlp))
    dossier = build_dossier(analyses)
    data = dossier_to_dict(dossier)
    assert check_spans(data) == []
    assert validate_dossier(data) == []
    render_html(dossier)
    render_markdown(dossier)
    render_summary(dossier, Console(file=io.StringIO(), width=100))
