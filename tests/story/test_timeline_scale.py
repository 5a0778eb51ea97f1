"""The timeline's merge of undated reports stays linear in the size of the story (blocking).

A synthetic story, no parse: every event is told by two outlets, without a date of its own, in
articles published on one day (so every narrative time is compatible with every other) and with
predicates of a few classes (so a class alone proposes many candidates). Only the two reports of
one event share participants. Four times the articles must cost about four times the content
comparisons, not sixteen times.
"""

from __future__ import annotations

import pytest

import storyline.story.timeline as tl
from storyline.model import Article, ArticleAnalysis, EventMention, PubDate, TimeExpr
from storyline.options import TimelineOptions

# (one outlet's verb, the other's): a lexicon class each, so the two reports of an event merge
VERBS = [("collapse", "topple"), ("rescue", "save"), ("sentence", "jail"), ("sign", "ink"),
         ("launch", "lift off")]


def synthetic_story(n_articles: int) -> list[ArticleAnalysis]:
    out = []
    for i in range(n_articles):
        p, side = divmod(i, 2)
        verb = VERBS[p % len(VERBS)][side]
        # invented participants of event p, and one word every report shares
        keys = sorted({verb.split(" ")[0], f"depot{p}", f"foreman{p}", f"crane{p}", "official"})
        lead = f"Shift {p} ended on Sunday. "
        said = f"Officials said the foreman {p} saw it {verb} at depot {p} by crane {p}."
        text = lead + said
        aid = f"art{i:04d}"
        article = Article(id=aid, text=text, path=f"{aid}.txt",
                          published=PubDate(date="2026-05-04", earliest="2026-05-04",
                                            latest="2026-05-04", basis="metadata"))
        # the lead date (no predicate of a known kind: it merges with nothing) dates the report
        sunday = TimeExpr(lead.index("Sunday"), lead.index("Sunday") + 6, "Sunday", "DATE",
                          "2026-05-03", "2026-05-03", "2026-05-03", anchor="publication")
        dated = EventMention(article=aid, start=0, end=len(lead) - 1, text=lead.strip(), timex=0,
                             keys=[f"shift{p}"])
        mention = EventMention(article=aid, start=len(lead), end=len(text), text=said, timex=-1,
                               predicate=verb, entities=[], keys=keys)
        out.append(ArticleAnalysis(article=article, timexes=[sunday], events=[dated, mention]))
    return out


def comparisons(monkeypatch: pytest.MonkeyPatch, n_articles: int) -> tuple[int, int, list]:
    counts = {"units": 0, "content": 0}
    best, content = tl._best_match, tl._content_match

    def count_best(*args):  # type: ignore[no-untyped-def]
        counts["units"] += 1
        return best(*args)

    def count_content(*args):  # type: ignore[no-untyped-def]
        counts["content"] += 1
        return content(*args)

    monkeypatch.setattr(tl, "_best_match", count_best)
    monkeypatch.setattr(tl, "_content_match", count_content)
    events, _ = tl.build_timeline(synthetic_story(n_articles), {})
    return counts["units"], counts["content"], events


def test_undated_merge_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    small_units, small_content, small = comparisons(monkeypatch, 40)
    large_units, large_content, large = comparisons(monkeypatch, 160)
    # the result: each event one entry with both outlets' reports, nothing merged across events
    for events, n in ((small, 40), (large, 160)):
        merged = [e for e in events if e.predicate is not None]
        assert len(merged) == n // 2
        assert all(len(e.sources) == 2 for e in merged)
        assert all(int(e.sources[0].article[3:]) // 2 == int(e.sources[1].article[3:]) // 2
                   for e in merged)
    assert small_content > 0 and small_units > 0
    # about 4× (all pairs of one predicate class would be about 16×)
    assert large_units <= 5 * small_units
    assert large_content <= 5 * small_content


def test_blocking_proposes_the_nearest_in_date_of_a_large_bucket() -> None:
    """A key in more than ``block_nearest`` units (but not in most of the story) proposes the units
    nearest in date; a key in most units ("hail" here, like a story's subject) proposes none."""
    from datetime import date, timedelta

    units = []
    for d in range(200):
        day = date(2026, 1, 1) + timedelta(days=d)
        tx = TimeExpr(0, 3, "day", "DATE", day.isoformat(), day.isoformat(), day.isoformat())
        keys = ["hail", f"town{d}"] + (["storm"] if d % 5 == 0 else [])
        ev = EventMention(article=f"a{d}", start=0, end=3, text="x", timex=0, predicate="strike",
                          keys=keys)
        units.append([tl._Item(f"a{d}", ev, tx, day, day, frozenset(), "", frozenset(keys))])
    opts = TimelineOptions()
    blocks = tl._Blocks(units, opts)
    u_ev = EventMention(article="u", start=0, end=3, text="x", timex=-1, predicate="strike",
                        keys=["hail", "storm"])
    day = date(2026, 3, 1)
    u = tl._Item("u", u_ev, None, day, day, frozenset(), "", frozenset(u_ev.keys),  # type: ignore[arg-type]
                 undated=True)
    found = blocks.candidates(u, len(units), len(units))
    storm = [i for i in range(200) if i % 5 == 0]
    nearest = sorted(storm, key=lambda i: (abs((units[i][0].lo - day).days), i))  # type: ignore[operator]
    assert len(found) == opts.block_nearest < len(storm)
    assert set(found) == set(nearest[: opts.block_nearest])
