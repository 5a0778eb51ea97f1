"""A developing story: what changed between two versions of its dossier.

:func:`dossier_changes` compares the previous dossier JSON of a story (as stored) with the new one and
lists, by the new dossier's ids (the previous one's for what went away):

* ``new_articles`` — articles the story did not have;
* ``new_events`` — timeline events none of whose source sentences were in the previous timeline;
  ``updated_events`` — events that were there (a source sentence in common) and now have another
  source or another date;
* ``new_conflicts`` — comparisons in conflict whose subject and attribute were not in conflict
  before; ``resolved_conflicts`` — previous conflicts (their old ids) no longer in conflict;
* ``new_quotes`` — quote groups none of whose quotations was in the previous version;
* ``changed_values`` — comparisons of a subject and attribute compared before whose set of values
  changed.

Pure: two dicts in, one dict out. Spans (article, start, end) identify sentences and quotations
across versions: articles are content-hashed and their text never changes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = ["dossier_changes"]


def _spans(items: list[dict[str, Any]]) -> set[tuple[str, int, int]]:
    return {(s["article"], s["start"], s["end"]) for s in items}


def _comparison_key(c: Mapping[str, Any]) -> tuple[str, str]:
    return (str(c.get("subject")), str(c.get("attribute")))


def _values(c: Mapping[str, Any]) -> set[str]:
    return {json.dumps(s.get("value"), sort_keys=True) for s in c.get("sides", [])}


def dossier_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """What ``new`` (a dossier JSON) adds to or changes in ``old`` (the previous version's)."""
    old_articles = {a["id"] for a in old.get("articles", [])}
    new_articles = [a["id"] for a in new.get("articles", []) if a["id"] not in old_articles]

    old_events = {}
    for e in old.get("timeline", []):
        for span in _spans(e.get("sources", [])):
            old_events[span] = e
    new_events, updated_events = [], []
    for e in new.get("timeline", []):
        spans = _spans(e.get("sources", []))
        before = [old_events[s] for s in spans if s in old_events]
        if not before:
            new_events.append(e["id"])
            continue
        old_spans = set().union(*(_spans(b.get("sources", [])) for b in before))
        old_dates = {b["date"]["value"] for b in before}
        if spans - old_spans or e["date"]["value"] not in old_dates:
            updated_events.append(e["id"])

    old_cmp = {_comparison_key(c): c for c in old.get("comparisons", [])}
    new_cmp = {_comparison_key(c): c for c in new.get("comparisons", [])}
    old_conflicts = {k for k, c in old_cmp.items() if c.get("status") == "conflict"}
    new_conflicts = [c["id"] for k, c in new_cmp.items()
                     if c.get("status") == "conflict" and k not in old_conflicts]
    resolved = [old_cmp[k]["id"] for k in sorted(old_conflicts)
                if new_cmp.get(k, {}).get("status") != "conflict"]
    changed_values = [c["id"] for k, c in new_cmp.items()
                      if k in old_cmp and _values(c) != _values(old_cmp[k])]

    old_quotes = set().union(*(_spans(g.get("quotes", [])) for g in old.get("quotes", [])))
    new_quotes = [g["id"] for g in new.get("quotes", [])
                  if not _spans(g.get("quotes", [])) & old_quotes]

    return {"since_version": int(old.get("story", {}).get("version") or 1),
            "new_articles": new_articles, "new_events": new_events,
            "updated_events": updated_events, "new_conflicts": new_conflicts,
            "resolved_conflicts": resolved, "new_quotes": new_quotes,
            "changed_values": changed_values}
