""""What's new": a developing story's ``changes`` (story/versions.py) as links into the dossier.

Shown at the top of the HTML dossier when the story has grown (``version`` > 1). Every item the
changes name is described the way the coverage section describes items (:meth:`DossierView.describe`)
and links to its entry on the page; a resolved conflict that has no entry any more is counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.model import Dossier
from storyline.render.view import DossierView

__all__ = ["ChangeGroup", "WhatsNew", "whats_new"]

# (key in ``changes``, heading) in the order shown
GROUPS = (
    ("new_events", "New timeline events"),
    ("updated_events", "Timeline events with new sources or dates"),
    ("new_conflicts", "New conflicts"),
    ("resolved_conflicts", "Conflicts resolved"),
    ("changed_values", "Compared facts with changed values"),
    ("new_quotes", "New quotations"),
)


@dataclass(slots=True)
class ChangeGroup:
    heading: str
    items: list[tuple[str, str | None]] = field(default_factory=list)  # (label, anchor or None)
    unnamed: int = 0  # items with no entry on the page any more


@dataclass(slots=True)
class WhatsNew:
    version: int
    since_version: int
    articles: list[tuple[str, str]]  # (label, anchor) of the new articles
    groups: list[ChangeGroup]


def whats_new(d: Dossier, view: DossierView) -> WhatsNew | None:
    """What the latest version added, or None for a first version (or a dossier without changes)."""
    changes = d.changes or {}
    if d.version <= 1 or not changes:
        return None
    articles = [(view.label(aid), f"art-{aid}") for aid in changes.get("new_articles", [])
                if aid in view.articles]
    groups: list[ChangeGroup] = []
    for key, heading in GROUPS:
        ids = changes.get(key) or []
        if not ids:
            continue
        group = ChangeGroup(heading)
        for item_id in ids:
            _kind, label, anchor = view.describe(str(item_id))
            if anchor is None:
                group.unnamed += 1
            else:
                group.items.append((label, anchor))
        groups.append(group)
    return WhatsNew(version=d.version, since_version=int(changes.get("since_version") or d.version - 1),
                    articles=articles, groups=groups)
