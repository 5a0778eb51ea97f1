"""A large invented story, built directly as a Dossier (no analysis run): for size and layout tests.

``synthetic_dossier(n_articles=300, n_outlets=50)`` makes articles of a few thousand characters each
(invented sentences about an invented flood, in several outlets), with time expressions, people,
roles, quote groups carried by many outlets, events with many sources, claims and comparisons, and
coverage. The shape follows what ``build_dossier`` produces for a real story of that size (one
event or quote carried by dozens of articles, a few hundred entities), so the renderers meet the
same load. Deterministic (seeded).
"""

from __future__ import annotations

import hashlib
import random

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

OUTLET_WORDS = ["Harbor", "Valley", "Summit", "Prairie", "Coastal", "Metro", "River", "Lakeside",
                "Northern", "Capital"]
OUTLET_KINDS = ["Gazette", "Ledger", "Times", "Courier", "Herald", "Daily News", "Observer"]
GIVEN = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Goran", "Hana", "Ivo", "Jun", "Kemal", "Lina"]
FAMILY = ["Arkwright", "Brennan", "Castell", "Dunmore", "Eskew", "Fairlie", "Gorski", "Holloway"]
ROLES = ["mayor", "fire chief", "river engineer", "county judge", "spokesperson", "volunteer"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _id(*parts: object) -> str:
    return hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()[:16]


def synthetic_dossier(n_articles: int = 300, n_outlets: int = 50, seed: int = 7) -> Dossier:
    rnd = random.Random(seed)
    outlets = [f"{OUTLET_WORDS[i % 10]} {OUTLET_KINDS[(i // 10) % 7]}"
               + (f" {i // 70 + 1}" if i >= 70 else "") for i in range(n_outlets)]
    people = [f"{GIVEN[i % 12]} {FAMILY[(i * 5) % 8]}{'' if i < 96 else i}" for i in range(60)]
    entities = [Entity(id=f"ent-{_id('p', i)[:10]}", name=p, type="PERSON", aliases=[p.split()[-1]])
                for i, p in enumerate(people)]
    n_events, n_quotes = 120, 150
    quote_texts = [f"We will rebuild the {['levee', 'bridge', 'school', 'market'][i % 4]} before "
                   f"the {['spring', 'summer', 'winter'][i % 3]} rains number {i}" for i in range(n_quotes)]

    analyses: list[ArticleAnalysis] = []
    ev_sources: dict[int, list[EventSource]] = {i: [] for i in range(n_events)}
    q_inst: dict[int, list[QuoteInstance]] = {i: [] for i in range(n_quotes)}
    claims: list[Claim] = []
    coverage: list[Coverage] = []
    for a in range(n_articles):
        aid = _id("a", a)
        who = rnd.sample(range(len(people)), 6)
        evs = rnd.sample(range(n_events), 8)
        qs = rnd.sample(range(n_quotes), 5)
        parts: list[str] = []
        spans: dict[str, tuple[int, int]] = {}

        def add(key: str, text: str, parts: list[str] = parts, spans: dict = spans) -> None:
            start = sum(len(p) for p in parts)
            parts.append(text)
            spans[key] = (start, start + len(text))

        add("lead", f"The river crested on {WEEKDAYS[a % 5]} as crews from {len(who)} towns worked "
                    "through the night. ")
        for e in evs:
            add(f"e{e}", f"Officials said event {e} happened in the lower district on March {e % 28 + 1}, "
                         f"according to {people[who[e % 6]]}. ")
        for q in qs:
            add(f"q{q}", f"“{quote_texts[q]},” {people[who[q % 6]]} said. ")
        add("claim", f"At least {40 + a % 7} people were rescued, and {people[who[0]]}, "
                     f"{30 + a % 40}, led the effort. ")
        add("tail", " ".join(f"Paragraph {k}: residents of street {k * 7 % 90} were told to boil water "
                             "until further notice, and volunteers handed out bottled water at the school "
                             "gym while engineers checked the pumps." for k in range(18)))
        text = "".join(parts)
        lead = spans["lead"]
        timexes = [TimeExpr(start=lead[0] + 21, end=lead[0] + 21 + len(WEEKDAYS[a % 5]),
                            text=WEEKDAYS[a % 5], type="DATE", value=f"XXXX-WXX-{a % 5 + 1}",
                            earliest="2025-03-01", latest="2025-03-31", anchor="publication",
                            resolved=False)]
        pub = (PubDate(f"2025-03-{a % 28 + 1:02d}", None, None, "metadata") if a % 3
               else PubDate(None, "2025-03-01", "2025-03-31", "inferred"))
        art = Article(id=aid, text=text, path=f"corpus/{outlets[a % n_outlets].lower().replace(' ', '-')}/"
                                             f"{a:04d}-a-rather-long-file-name-for-wrapping.html",
                      title=f"Flood update {a}: crews work through the night in the lower district",
                      outlet=outlets[a % n_outlets], byline=[people[who[1]]],
                      url=f"https://news.example.invalid/{a}/flood-update-with-a-very-long-slug-"
                          "that-never-ends-and-keeps-going-on-and-on", published=pub)
        analyses.append(ArticleAnalysis(article=art, timexes=timexes))
        for e in evs:
            s, t = spans[f"e{e}"]
            ev_sources[e].append(EventSource(aid, s, t, text[s:t], f"March {e % 28 + 1}"))
        for q in qs:
            s, t = spans[f"q{q}"]
            q_inst[q].append(QuoteInstance(aid, s + 1, s + 1 + len(quote_texts[q]), quote_texts[q],
                                           entities[who[q % 6]].id, people[who[q % 6]], "said", None, "full"))
        s, t = spans["claim"]
        n_rescued = 40 + a % 7
        said = f"At least {n_rescued} people"
        claims.append(Claim(f"{aid}:c0", "flood rescue", "measure:count|people|rescued", n_rescued, aid,
                            s, s + len(said), text[s:s + len(said)],
                            measure="number of people rescued", as_of=pub.date or pub.earliest))
        for ent_i in who:
            ent = entities[ent_i]
            if aid not in ent.articles:
                ent.articles.append(aid)
            ent.mentions.append(Span(aid, lead[0], lead[0] + 3, text[lead[0]:lead[0] + 3]))
        r = entities[who[2]]
        r.roles.append(Role(ROLES[who[2] % 6], [Span(aid, lead[0], lead[0] + 3, text[lead[0]:lead[0] + 3])],
                            as_of=pub.date or pub.earliest))
        coverage.append(Coverage(aid, unique=[], omits=[], voices={entities[who[q % 6]].id: 1 for q in qs},
                                 labels=[CoverageLabel("devastating", "reporter", 1,
                                                       [Span(aid, lead[0] + 4, lead[0] + 9,
                                                             text[lead[0] + 4:lead[0] + 9])])]))
    timeline = []
    for e in range(n_events):
        if not ev_sources[e]:
            continue
        day = f"2025-03-{e % 28 + 1:02d}"
        timeline.append(Event(f"ev{e:04d}", EventDate(day, day, day, "day"), ev_sources[e][0].text.strip(),
                              sources=ev_sources[e], entities=[entities[e % 60].id]))
    groups = []
    for q in range(n_quotes):
        if not q_inst[q]:
            continue
        arts = [i.article for i in q_inst[q]]
        first = q_inst[q][0]
        groups.append(QuoteGroup(f"qg{q:04d}", quote_texts[q], first.speaker, first.speaker_name,
                                 quotes=q_inst[q], variants=[QuoteVariant(quote_texts[q], arts)]))
    by_value: dict[int, list[Claim]] = {}
    for c in claims:
        by_value.setdefault(c.value, []).append(c)
    comparisons = [Comparison("cmp0001", "flood rescue", "measure:count|people|rescued", "conflict",
                              [ComparisonSide(v, [c.id for c in cs], [c.article for c in cs])
                               for v, cs in sorted(by_value.items())],
                              "Reports differ on the number of people rescued.")]
    for i, ent in enumerate(entities[:30]):
        comparisons.append(Comparison(f"cmp{i + 2:04d}", ent.id, "age", "single_source" if i % 2 else "agree",
                                      [ComparisonSide(30 + i, [], ent.articles[:3])], "Ages as given."))
    for cov in coverage:
        mine = [e.id for e in timeline if any(s.article == cov.article for s in e.sources)]
        cov.unique = mine[:1]
        cov.omits = [e.id for e in timeline[:2] if e.id not in mine]
    return Dossier(story_id=_id("story")[:12], story_title="River floods the lower district",
                   articles=analyses, entities=entities, timeline=timeline, quotes=groups, claims=claims,
                   comparisons=comparisons, coverage=coverage, generator="storyline (synthetic test)")
