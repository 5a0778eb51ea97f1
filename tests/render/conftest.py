"""A small, fully filled Dossier built by hand for the renderer tests.

The story is invented (a city council vote on a bridge, reported by two outlets plus a syndicated
copy); every span is computed from the text with ``find`` so ``text[start:end] == span text`` holds
by construction. The renderers must not depend on the analysis stages, so nothing here calls them.
"""

from __future__ import annotations

import pytest

from storyline.model import (
    Article,
    ArticleAnalysis,
    Claim,
    Comparison,
    ComparisonSide,
    Coverage,
    CoverageLabel,
    Dossier,
    Entity,
    Event,
    EventDate,
    EventSource,
    PubDate,
    QuoteGroup,
    QuoteInstance,
    QuoteVariant,
    Role,
    Span,
    TimeExpr,
)

TEXT_A = (
    "MILLBROOK — The Millbrook City Council voted 5-2 on Tuesday to approve a $12 million plan to "
    "replace the Harlan Street bridge.\n\n"
    "Mayor Dana Whitfield, 58, called the plan \"a long-overdue fix.\"\n\n"
    "\"We cannot wait another winter,\" Whitfield said in a statement.\n\n"
    "Council member Owen Pratt said the city had \"ignored cheaper options.\"\n\n"
    "Construction is expected to begin in June 2024."
)

TEXT_B = (
    "The Millbrook council approved the bridge replacement on March 12 by a 4-3 vote, according to "
    "city records.\n\n"
    "\"We can not wait one more winter,\" Mayor Dana Whitfield told reporters.\n\n"
    "The plan will cost about $12 million. <script>alert('x')</script> & <b>not bold</b>\n\n"
    "Pratt called the project a \"boondoggle.\""
)

TEXT_C = TEXT_A  # a syndicated copy, linked by duplicate_of

A, B, C = "aaaa1111", "bbbb2222", "cccc3333"


def sp(article: str, text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text`` (fails loudly when absent)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(article, start, start + len(needle), needle)


def timex(text: str, needle: str, **kw) -> TimeExpr:
    s = sp("", text, needle)
    return TimeExpr(start=s.start, end=s.end, text=s.text, **kw)


def build_dossier() -> Dossier:
    art_a = Article(id=A, text=TEXT_A, path="news/ledger.txt", title="Council backs <new> bridge",
                    outlet="Riverside Ledger", byline=["Jane Roe", "Sam Poe"], dateline="MILLBROOK",
                    url="https://example.invalid/ledger/bridge",
                    published=PubDate("2024-03-14", "2024-03-14", "2024-03-14", "metadata"),
                    boilerplate=["© 2024 Riverside Ledger. All rights reserved."])
    art_b = Article(id=B, text=TEXT_B, path="news/post.html", title="Bridge plan passes",
                    outlet="Valley Post & Courier",
                    published=PubDate(None, "2024-03-12", "2024-03-20", "inferred"),
                    source_format="html")
    art_c = Article(id=C, text=TEXT_C, path="news/wire.txt", title="Council backs <new> bridge",
                    outlet="Riverside Ledger", duplicate_of=A,
                    published=PubDate(None, None, None, "unknown"))

    an_a = ArticleAnalysis(article=art_a, timexes=[
        timex(TEXT_A, "Tuesday", type="DATE", value="2024-03-12", earliest="2024-03-12",
              latest="2024-03-12", anchor="publication"),
        timex(TEXT_A, "June 2024", type="DATE", value="2024-06", earliest="2024-06-01",
              latest="2024-06-30"),
        timex(TEXT_A, "58", type="DURATION", value="P58Y", earliest=None, latest=None, anchor="none"),
    ])
    an_b = ArticleAnalysis(article=art_b, timexes=[
        timex(TEXT_B, "March 12", type="DATE", value="2024-03-12", earliest="2024-03-12",
              latest="2024-03-12", anchor="publication", resolved=False),
    ])
    an_c = ArticleAnalysis(article=art_c)

    mayor = Entity(id="E1", name="Dana Whitfield", type="PERSON",
                   aliases=["Whitfield", "Mayor Dana Whitfield"],
                   roles=[Role("Mayor", [sp(A, TEXT_A, "Mayor"), sp(B, TEXT_B, "Mayor")],
                               as_of="2024-03-14")],
                   mentions=[sp(A, TEXT_A, "Dana Whitfield"), sp(B, TEXT_B, "Dana Whitfield")],
                   articles=[A, B])
    pratt = Entity(id="E2", name="Owen Pratt", type="PERSON", aliases=["Pratt"],
                   roles=[Role("Council member", [sp(A, TEXT_A, "Council member")], as_of="2024-03-14",
                               qualifier="current")],
                   mentions=[sp(A, TEXT_A, "Owen Pratt"), sp(B, TEXT_B, "Pratt")], articles=[A, B])
    council = Entity(id="E3", name="Millbrook City Council", type="ORG", aliases=["Millbrook council"],
                     mentions=[sp(A, TEXT_A, "Millbrook City Council")], articles=[A, B])

    q_a = sp(A, TEXT_A, "We cannot wait another winter,")
    q_b = sp(B, TEXT_B, "We can not wait one more winter,")
    q_p = sp(A, TEXT_A, "ignored cheaper options.")
    q_bd = sp(B, TEXT_B, "boondoggle.")
    groups = [
        QuoteGroup("Q1", "We cannot wait another winter,", "E1", "Dana Whitfield", quotes=[
            QuoteInstance(A, q_a.start, q_a.end, q_a.text, "E1", "Whitfield", "said", "statement", "full"),
            QuoteInstance(B, q_b.start, q_b.end, q_b.text, "E1", "Mayor Dana Whitfield", "told", None,
                          "full"),
        ], variants=[QuoteVariant(q_a.text, [A]), QuoteVariant(q_b.text, [B])]),
        QuoteGroup("Q2", "ignored cheaper options.", "E2", "Owen Pratt", quotes=[
            QuoteInstance(A, q_p.start, q_p.end, q_p.text, "E2", "Owen Pratt", "said", None, "fragment"),
        ], variants=[QuoteVariant(q_p.text, [A])]),
        QuoteGroup("Q3", "boondoggle.", "E2", "Owen Pratt", quotes=[
            QuoteInstance(B, q_bd.start, q_bd.end, q_bd.text, "E2", "Pratt", "called", None, "fragment"),
        ], variants=[QuoteVariant(q_bd.text, [B])]),
    ]

    s_vote_a = sp(A, TEXT_A, TEXT_A[: TEXT_A.index("\n")])
    s_vote_b = sp(B, TEXT_B, TEXT_B[: TEXT_B.index("\n")])
    s_build = sp(A, TEXT_A, "Construction is expected to begin in June 2024.")
    t_tue, t_mar, t_jun = sp(A, TEXT_A, "Tuesday"), sp(B, TEXT_B, "March 12"), sp(A, TEXT_A, "June 2024")
    timeline = [
        Event("T1", EventDate("2024-03-12", "2024-03-12", "2024-03-12", "day"),
              "The Millbrook City Council voted 5-2 on Tuesday to approve a $12 million plan",
              sources=[EventSource(A, s_vote_a.start, s_vote_a.end, s_vote_a.text, "Tuesday",
                                   t_tue.start, t_tue.end),
                       EventSource(B, s_vote_b.start, s_vote_b.end, s_vote_b.text, "March 12",
                                   t_mar.start, t_mar.end)],
              entities=["E3"], predicate="vote"),
        Event("T2", EventDate("2024-06", "2024-06-01", "2024-06-30", "month", approximate=True),
              s_build.text, sources=[EventSource(A, s_build.start, s_build.end, s_build.text, "June 2024",
                                                 t_jun.start, t_jun.end)]),
        Event("T3", EventDate("PAST_REF", None, None, "unknown", approximate=True),
              "Pratt called the project a \"boondoggle.\"",
              sources=[EventSource(B, *_se(sp(B, TEXT_B, "Pratt called the project a \"boondoggle.\"")),
                                   time_text="")]),
    ]

    c1, c2 = sp(A, TEXT_A, "voted 5-2"), sp(B, TEXT_B, "by a 4-3 vote")
    c3, c4 = sp(A, TEXT_A, "$12 million", 0), sp(B, TEXT_B, "about $12 million")
    c5 = sp(A, TEXT_A, "58")
    claims = [
        Claim("C1", "E3", "vote_count", "5-2", A, c1.start, c1.end, c1.text, as_of="2024-03-12"),
        Claim("C2", "E3", "vote_count", "4-3", B, c2.start, c2.end, c2.text, voice="reporter",
              as_of="2024-03-12", parts=[4, 3]),
        Claim("C3", "bridge plan", "amount:cost", 12_000_000.0, A, c3.start, c3.end, c3.text, unit="USD"),
        Claim("C4", "bridge plan", "amount:cost", 12_000_000.0, B, c4.start, c4.end, c4.text, unit="USD",
              hedged=True),
        Claim("C5", "E1", "age", 58, A, c5.start, c5.end, c5.text, unit="years", as_of="2024-03-14"),
    ]
    comparisons = [
        Comparison("K1", "E3", "vote_count", "conflict",
                   [ComparisonSide("5-2", ["C1"], [A]), ComparisonSide("4-3", ["C2"], [B])],
                   "Riverside Ledger gives 5-2; Valley Post & Courier gives 4-3."),
        Comparison("K2", "bridge plan", "amount:cost", "agree",
                   [ComparisonSide(12_000_000.0, ["C3", "C4"], [A, B])], "Both give $12 million."),
        Comparison("K3", "E1", "age", "single_source", [ComparisonSide(58, ["C5"], [A])], "Only one source."),
        Comparison("K4", "Q1", "medium", "conflict",
                   [ComparisonSide("statement", [], [A]), ComparisonSide("spoken", [], [B])],
                   "Given as a statement by one outlet and as spoken by the other."),
    ]
    label = sp(B, TEXT_B, "boondoggle")
    coverage = [
        Coverage(A, unique=["C5", "Q2", "T2"], omits=[], voices={"E1": 1, "E2": 1}),
        Coverage(B, unique=["Q3"], omits=["T2"], voices={"E1": 1, "E2": 1},
                 labels=[CoverageLabel("boondoggle", "quoted", 1, [label])]),
        Coverage(C, unique=[], omits=["T1"], voices={}),
    ]
    return Dossier(story_id="story0001", story_title="Millbrook bridge <vote>", articles=[an_a, an_b, an_c],
                   entities=[mayor, pratt, council], timeline=timeline, quotes=groups, claims=claims,
                   comparisons=comparisons, coverage=coverage, generator="storyline 0.1.0 (test)")


def _se(s: Span) -> tuple[int, int, str]:
    return s.start, s.end, s.text


@pytest.fixture()
def dossier() -> Dossier:
    return build_dossier()
