"""The dossier's filters over its JSON, for the API (the HTML dossier filters the same way in the page).

:class:`DossierFilter` holds what ``/api/stories/{id}`` and its sections take as query parameters:
``outlet`` (one or more outlet names), ``person`` (an entity id, or words of a name or alias),
``status`` (a comparison status), ``since``/``until`` (ISO days, both inclusive) and ``conflicts``
(only what is part of a conflict). :func:`filter_dossier` returns a narrowed copy of a dossier dict:

* articles of the chosen outlets published in the date range (an article whose date is unknown is
  kept only when no range is given; a range overlapping an inferred one keeps it);
* timeline events with a source in those articles, dated within the range, naming the person;
* quote groups with a quotation in those articles (only those quotations), spoken by the person;
  (``status`` and ``conflicts`` are about comparisons: with either, no events or quotes are left)
* claims in those articles about the person; comparisons of the status, about the person, with a
  side from those articles; entities: the person's, or those in the remaining articles;
* coverage rows of the remaining articles.

:func:`story_summary` is the one line of the story list (outlets, date span, counts, conflicts) and
:func:`story_articles` the article list without texts, with the dates exactly as the dossier has them.
Pure: dicts in, dicts out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from storyline.render.dates import day_label, pubdate_label

__all__ = ["DossierFilter", "SECTIONS", "filter_dossier", "story_articles", "story_summary"]

# The list-valued parts of a dossier that the API pages through.
SECTIONS = ("articles", "entities", "timeline", "quotes", "claims", "comparisons", "coverage")
STATUSES = ("agree", "conflict", "consistent_over_time", "single_source")


@dataclass(frozen=True, slots=True)
class DossierFilter:
    outlet: tuple[str, ...] = ()
    person: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    conflicts: bool = False

    def active(self) -> bool:
        return bool(self.outlet or self.person or self.status or self.since or self.until
                    or self.conflicts)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.outlet:
            out["outlet"] = list(self.outlet)
        for key in ("person", "status", "since", "until"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.conflicts:
            out["conflicts"] = True
        return out


def _overlaps(lo: str | None, hi: str | None, f: DossierFilter) -> bool:
    """Whether a date range [lo, hi] (ISO days or prefixes; None = unknown) meets the filter's."""
    if not (f.since or f.until):
        return True
    if not lo and not hi:
        return False
    lo, hi = (lo or hi or "")[:10], (hi or lo or "")[:10]
    if f.since and hi < f.since:
        return False
    return not (f.until and lo[:len(f.until)] > f.until)


def _pub_range(a: Mapping[str, Any]) -> tuple[str | None, str | None]:
    pub = a.get("published") or {}
    if pub.get("date"):
        return pub["date"], pub["date"]
    return pub.get("earliest"), pub.get("latest")


def _people(data: Mapping[str, Any], person: str | None) -> set[str] | None:
    """The ids of the entities ``person`` names (its id, or every word found in a name or alias)."""
    if not person:
        return None
    want = person.strip().lower()
    ids = set()
    for e in data.get("entities", []):
        names = [str(e.get("name") or "")] + [str(x) for x in e.get("aliases", [])]
        if str(e.get("id")) == person or any(want in n.lower() for n in names):
            ids.add(str(e.get("id")))
    return ids


def filter_dossier(data: Mapping[str, Any], f: DossierFilter) -> dict[str, Any]:
    """A copy of the dossier dict narrowed by ``f`` (see the module docstring)."""
    out = dict(data)
    if not f.active():
        return out
    outlets = {o.lower() for o in f.outlet}
    articles = [a for a in data.get("articles", [])
                if (not outlets or str(a.get("outlet") or "").lower() in outlets)
                and _overlaps(*_pub_range(a), f)]
    keep = {a["id"] for a in articles}
    people = _people(data, f.person)
    conflict_claims: set[str] = set()
    for c in data.get("comparisons", []):
        if c.get("status") == "conflict":
            for side in c.get("sides", []):
                conflict_claims.update(side.get("claims", []))

    def named(ids: Iterable[Any]) -> bool:
        return people is None or bool(people & {str(i) for i in ids if i})

    out["articles"] = articles
    out["timeline"] = [e for e in data.get("timeline", [])
                       if any(s.get("article") in keep for s in e.get("sources", []))
                       and _overlaps((e.get("date") or {}).get("earliest"),
                                     (e.get("date") or {}).get("latest"), f)
                       and named(e.get("entities", []))
                       and not f.conflicts and not f.status]
    quotes = []
    for g in data.get("quotes", []):
        mine = [q for q in g.get("quotes", []) if q.get("article") in keep]
        speaker = (g.get("speaker") or {}).get("entity")
        if mine and named([speaker]) and not f.conflicts and not f.status:
            quotes.append({**g, "quotes": mine})
    out["quotes"] = quotes
    out["claims"] = [c for c in data.get("claims", [])
                     if c.get("article") in keep and named([c.get("subject")])
                     and (not f.conflicts or c.get("id") in conflict_claims)]
    status = "conflict" if f.conflicts else f.status
    out["comparisons"] = [c for c in data.get("comparisons", [])
                          if (not status or c.get("status") == status) and named([c.get("subject")])
                          and any(set(s.get("articles", [])) & keep for s in c.get("sides", []))]
    if people is not None:
        out["entities"] = [e for e in data.get("entities", []) if str(e.get("id")) in people]
    else:
        out["entities"] = [e for e in data.get("entities", [])
                           if not e.get("articles") or set(e.get("articles", [])) & keep]
    out["coverage"] = [c for c in data.get("coverage", []) if c.get("article") in keep]
    return out


def story_articles(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The dossier's articles without their texts and time expressions: the metadata, with the
    publication date (and its plain label) exactly as the dossier shows it."""
    return [{k: v for k, v in a.items() if k not in ("text", "boilerplate", "timexes")}
            for a in data.get("articles", [])]


def _day(iso: str | None) -> str | None:
    import datetime as dt

    if not iso:
        return None
    try:
        return day_label(dt.date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def story_summary(data: Mapping[str, Any] | None, row: Mapping[str, Any]) -> dict[str, Any]:
    """One story of the story list: the stored row (id, title, created, updated, articles) and, from
    its dossier, the outlets, the span of publication dates, the conflicts and the version."""
    info: dict[str, Any] = {"id": row["id"], "title": row.get("title") or "", "created": row.get("created"),
                            "updated": row.get("updated"), "articles": int(row.get("articles") or 0),
                            "outlets": [], "first_published": None, "last_published": None,
                            "dates": None, "dated": 0, "conflicts": 0, "version": 1}
    if not data:
        return info
    arts = data.get("articles", [])
    info["outlets"] = sorted({str(a["outlet"]) for a in arts if a.get("outlet")}, key=str.lower)
    days = sorted(d for a in arts if (d := (a.get("published") or {}).get("date")))
    info["dated"] = len(days)
    if days:
        info["first_published"], info["last_published"] = days[0], days[-1]
        first, last = _day(days[0]), _day(days[-1])
        info["dates"] = first if first == last else f"{first} – {last}"
    elif arts:
        p = arts[0].get("published") or {}
        info["dates"] = pubdate_label(p.get("date"), p.get("earliest"), p.get("latest"),
                                      str(p.get("basis") or "unknown"))
    info["conflicts"] = sum(1 for c in data.get("comparisons", []) if c.get("status") == "conflict")
    info["version"] = int((data.get("story") or {}).get("version") or 1)
    return info
