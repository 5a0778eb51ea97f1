"""The dossier as Markdown, for pasting into notes: the HTML's content, with plain-text citations.

Every piece of evidence is cited as ``[A<n>:start-end]``: article number ``n`` as listed under
"Articles" (``articles[n-1]`` in the JSON), characters ``start``..``end`` of its text, so it can be
found again without showing a reader a hash. Text taken from the articles is escaped for Markdown
(so a ``*`` or a ``<tag>`` in a headline stays literal) and kept on one line inside lists and tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.model import Dossier
from storyline.render.dates import iso_day_label
from storyline.render.phrases import status_label
from storyline.render.view import (
    DossierView,
    entity_type,
    format_event_date,
    format_pubdate,
    word_diff,
)

__all__ = ["cite", "md_escape", "render_markdown"]

# Characters that start inline Markdown (emphasis, code, links, inline HTML, table cells) anywhere in a
# line; escaping them keeps source text literal. Line-start constructs (#, +, 1.) cannot occur because
# source text never starts a line here.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def md_escape(text: str | None) -> str:
    """Article text made literal in Markdown, on one line (newlines become spaces)."""
    if not text:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def cite(article: str, start: int, end: int, numbers: dict[str, int] | None = None) -> str:
    """A plain-text citation of a span: ``[A2:120-180]`` (article number 2), or ``[<id>:120-180]``
    when no numbering is given."""
    n = (numbers or {}).get(article)
    return f"[A{n}:{start}-{end}]" if n else f"[{article}:{start}-{end}]"


_cite = cite

MAX_MATRIX_COLUMNS = 12  # wider coverage tables are unreadable in Markdown: listed per item instead


def _heading(title: str, items: Sequence[object], empty: str) -> list[str]:
    """A section's heading, and the line that says it is empty when it has no items."""
    return [f"## {title}", ""] + ([empty, ""] if not items else [])


def _diff_md(a: str, b: str) -> str:
    """Wording ``b`` against ``a`` word by word: deleted words struck through, new words in bold."""
    if a == b:
        return md_escape(b)
    parts = []
    for op, text in word_diff(a, b):
        words = md_escape(text)
        if not words:
            continue
        parts.append(words if op == "equal" else f"~~{words}~~" if op == "delete" else f"**{words}**")
    return " ".join(parts)


def render_markdown(d: Dossier) -> str:
    """The whole dossier as one Markdown document."""
    v = DossierView(d)
    numbers = {a.article.id: i for i, a in enumerate(d.articles, 1)}

    def cite(article: str, start: int, end: int) -> str:  # noqa: F811 - numbered for this dossier
        return _cite(article, start, end, numbers)

    out: list[str] = [f"# {md_escape(d.story_title) or 'Untitled story'}", "",
                      f"storyline dossier · story `{d.story_id}` · {len(d.articles)} article(s) · "
                      f"schema {d.schema_version} · {md_escape(d.generator)}", ""]

    multi_events = sum(1 for e in d.timeline if len({s.article for s in e.sources}) > 1)
    multi_quotes = sum(1 for g in d.quotes if len({q.article for q in g.quotes}) > 1)
    reworded = sum(1 for g in d.quotes if len(g.variants) > 1)
    statuses = ", ".join(f"{n} {status_label(k)}" for k, n in v.status_counts().items())
    out += ["## At a glance", "",
            f"- {len(d.articles)} article(s): "
            + ", ".join(md_escape(v.label(a.article.id)) for a in d.articles),
            f"- {len(d.timeline)} timeline event(s); {multi_events} reported by more than one article",
            f"- {len(d.quotes)} quotation group(s); {multi_quotes} carried by more than one article, "
            f"{reworded} in more than one wording",
            f"- {len(d.comparisons)} compared fact(s)" + (f": {statuses}" if statuses else "")]
    conflicts = [f"{md_escape(v.subject_name(c.subject))} · {md_escape(v.comparison_attr(c))}"
                 for c in v.conflicts()]
    if conflicts:
        out.append("- conflicts: " + "; ".join(conflicts))
    out.append("")

    out += ["## Articles", "", "A citation in brackets such as “A2:120-180” points to article A2 below, "
            "characters 120 to 180 of its text.", ""]
    for a in d.articles:
        art = a.article
        headline = md_escape(art.title) or "(no headline)"
        out.append(f"- A{numbers[art.id]} **{md_escape(v.label(art.id))}**: {headline}")
        details = [f"by {md_escape(', '.join(art.byline))}" if art.byline else "no byline"]
        if art.dateline:
            details.append(f"dateline {md_escape(art.dateline)}")
        details.append(f"published {md_escape(format_pubdate(art.published))}")
        if art.updated:
            details.append(f"updated {iso_day_label(art.updated)}")
        if art.published.note:
            details.append(md_escape(art.published.note))
        if art.duplicate_of:
            details.append(f"republished copy of {md_escape(v.label(art.duplicate_of))}"
                           + (f" (A{numbers[art.duplicate_of]})" if art.duplicate_of in numbers else ""))
        copies = [md_escape(v.label(c.article.id)) for c in d.articles if c.article.duplicate_of == art.id]
        if copies:
            details.append(f"republished by {', '.join(copies)}")
        out.append(f"  - {'; '.join(details)}")
        if art.url:
            out.append(f"  - URL: <{art.url}>")
        if art.path:
            out.append(f"  - file: `{art.path}`")
    out.append("")

    out += _heading("Timeline", d.timeline, "No dated events were found.")
    for e in d.timeline:
        out.append(f"- **{md_escape(format_event_date(e.date))}**: {md_escape(e.summary)}")
        for s in e.sources:
            dated_by = f" (dated by “{md_escape(s.time_text)}”)" if s.time_text else ""
            out.append(f"  - {md_escape(v.label(s.article))} {cite(s.article, s.start, s.end)}{dated_by}")
    out.append("")

    out += _heading("Quotes", d.quotes, "No quotations were found.")
    for g in d.quotes:
        who = g.speaker_name or v.entity_name(g.speaker_entity)
        out.append(f"- **{md_escape(who)}**: “{md_escape(g.text)}”")
        for q in g.quotes:
            how = "; ".join(x for x in (f"cue: {md_escape(q.cue)}" if q.cue else "",
                                        f"medium: {md_escape(q.medium)}" if q.medium else "", q.kind) if x)
            named = f", named as “{md_escape(q.speaker_text)}”" if q.speaker_text else ""
            out.append(f"  - {md_escape(v.label(q.article))} {cite(q.article, q.start, q.end)} "
                       f"({how}{named})")
        if len(g.variants) > 1:
            out.append("  - wordings (against the one above: ~~missing~~, **added or changed**):")
            for var in g.variants:
                arts = ", ".join(md_escape(v.label(x)) for x in var.articles)
                out.append(f"    - “{_diff_md(g.text, var.text)}” — {arts}")
    out.append("")

    out += _heading("People and organizations", d.entities, "No entities were resolved.")
    for ent in d.entities:
        aka = f" (also: {md_escape(', '.join(ent.aliases))})" if ent.aliases else ""
        out.append(f"- **{md_escape(ent.name)}**, {entity_type(ent.type)}{aka}")
        for r in ent.roles:
            qual = f"{md_escape(r.qualifier)} " if r.qualifier else ""
            when = v.as_of(r.as_of, r.spans[0].article if r.spans else None)
            as_of = f" ({when})" if when else ""
            cites = " ".join(cite(s.article, s.start, s.end) for s in r.spans)
            quoted = " (in a quote)" if r.voice == "quoted" else ""
            out.append(f"  - {qual}{md_escape(r.title)}{quoted}{as_of} {cites}".rstrip())
    out.append("")

    out += _heading("Where the outlets agree and differ", d.comparisons, "No claims could be compared.")
    for c in v.comparisons_by_status():
        out.append(f"- **{status_label(c.status)}**: {md_escape(v.subject_name(c.subject))} · "
                   f"{md_escape(v.comparison_attr(c))}"
                   + (f" — {md_escape(c.explanation)}" if c.explanation else ""))
        for side in c.sides:
            out.append(f"  - {md_escape(v.value_text(side.value))}:")
            for cid in side.claims:
                cl = v.claims.get(cid)
                if cl is None:
                    continue
                voice = "" if cl.voice == "reporter" else f", voice: {md_escape(v.voice_name(cl.voice))}"
                hedge = ", hedged" if cl.hedged else ""
                out.append(f"    - “{md_escape(cl.text)}” — {md_escape(v.label(cl.article))} "
                           f"{cite(cl.article, cl.start, cl.end)}{voice}{hedge}")
            cited = {v.claims[cid].article for cid in side.claims if cid in v.claims}
            rest = [md_escape(v.label(x)) for x in side.articles if x not in cited]
            if rest:
                out.append(f"    - also: {', '.join(rest)}")
    out.append("")

    out += _heading("Claims", d.claims, "No claims were extracted.")
    if d.claims:
        out += ["| subject | what | value | voice | source |", "|---|---|---|---|---|"]
        for cl in d.claims:
            when = v.as_of(cl.as_of, cl.article)
            value = v.value_text(cl.value, cl.unit) + (f" ({when})" if when else "")
            voice = v.voice_name(cl.voice) + (" (hedged)" if cl.hedged else "")
            out.append(f"| {md_escape(v.subject_name(cl.subject))} | {md_escape(v.claim_attr(cl))} | "
                       f"{md_escape(value)} | "
                       f"{md_escape(voice)} | {md_escape(v.label(cl.article))} "
                       f"{cite(cl.article, cl.start, cl.end)} |")
        out.append("")

    out += ["## Coverage", ""]
    items = v.items()
    if items and len(d.articles) > MAX_MATRIX_COLUMNS:
        out += ["Which articles carry which item (only: no other article has it).", ""]
        for it in items:
            label = it.label if len(it.label) <= 100 else it.label[:99] + "…"
            carriers = [aid for aid in numbers if aid in it.articles]
            names = ", ".join(f"{md_escape(v.label(x))} (A{numbers[x]})" for x in carriers[:8])
            more = f" and {len(carriers) - 8} more" if len(carriers) > 8 else ""
            out.append(f"- {it.kind}: {md_escape(label)} — {len(carriers)} article(s): {names}{more}")
        out.append("")
    elif items:
        cols = [a.article.id for a in d.articles]
        out += ["Which article carries which item (● carries it; only: no other article has it; "
                "omits: most others carry it, this one does not).", ""]
        out.append("| item | " + " | ".join(md_escape(v.label(x)) for x in cols) + " |")
        out.append("|---|" + "---|" * len(cols))
        for it in items:
            marks = {"unique": "only", "omits": "omits", "has": "●", "": ""}
            cells = [marks[v.cell(it, aid)] for aid in cols]
            label = it.label if len(it.label) <= 100 else it.label[:99] + "…"
            out.append(f"| {it.kind}: {md_escape(label)} | " + " | ".join(cells) + " |")
        out.append("")
    for cov in d.coverage:
        voices = ", ".join(f"{md_escape(v.entity_name(k))} ({n})" for k, n in cov.voices.items()) or "none"
        out.append(f"- **{md_escape(v.label(cov.article))}**: voices quoted: {voices}")
        for title, ids in (("only here", cov.unique), ("omits", cov.omits)):
            for kind, label, _ in (v.describe(x) for x in ids):
                short = label if len(label) <= 100 else label[:99] + "…"
                out.append(f"  - {title}: {kind} {md_escape(short)}")
        for lb in cov.labels:
            who = {"reporter": "own voice", "quoted": "in a quote"}.get(lb.voice, lb.voice)
            cites = " ".join(cite(s.article, s.start, s.end) for s in lb.spans)
            out.append(f"  - label “{md_escape(lb.term)}” ({md_escape(who)}) ×{lb.count} {cites}".rstrip())
    out.append("")
    return "\n".join(out).rstrip() + "\n"
