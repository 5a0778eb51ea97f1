"""A story's downloads as tables: claims, quotes and the timeline as CSV, from the dossier JSON.

One row per claim, per quotation and per event source, with the names a reader knows (the
speaker's and subject's names, the outlet and headline of the article, plain-language dates and
attribute phrases), plus the ids and offsets a program needs to find the span again. Pure: the
dossier dict in, CSV text out (UTF-8, ``\\r\\n`` line ends as the csv module writes them).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from storyline.render.phrases import attribute_label

__all__ = ["CSV_TABLES", "claims_csv", "quotes_csv", "timeline_csv"]


def _write(header: list[str], rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def _articles(data: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {a["id"]: a for a in data.get("articles", [])}


def _names(data: Mapping[str, Any]) -> dict[str, str]:
    return {str(e["id"]): str(e.get("name") or "") for e in data.get("entities", [])}


def _value(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and "name" in value:
        return str(value["name"])
    return json.dumps(value, ensure_ascii=False)


def claims_csv(data: Mapping[str, Any]) -> str:
    arts, names = _articles(data), _names(data)
    status = {}
    for c in data.get("comparisons", []):
        for side in c.get("sides", []):
            for cid in side.get("claims", []):
                status[cid] = c.get("status")
    rows = []
    for c in data.get("claims", []):
        a = arts.get(c.get("article"), {})
        voice = c.get("voice")
        rows.append([c.get("id"), names.get(str(c.get("subject")), c.get("subject")),
                     attribute_label(str(c.get("attribute") or ""), c.get("measure")),
                     _value(c.get("value")), c.get("unit"), c.get("as_of"),
                     "reporter" if voice in (None, "reporter") else names.get(str(voice), voice),
                     "yes" if c.get("hedged") else "no", status.get(c.get("id"), ""),
                     a.get("outlet"), a.get("title"), c.get("text"), c.get("article"),
                     c.get("start"), c.get("end")])
    return _write(["id", "subject", "what", "value", "unit", "as_of", "voice", "hedged",
                   "comparison", "outlet", "headline", "sentence", "article", "start", "end"], rows)


def quotes_csv(data: Mapping[str, Any]) -> str:
    arts = _articles(data)
    rows = []
    for g in data.get("quotes", []):
        speaker = (g.get("speaker") or {}).get("name")
        for q in g.get("quotes", []):
            a = arts.get(q.get("article"), {})
            rows.append([g.get("id"), q.get("speaker_name") or speaker, q.get("text"), q.get("cue"),
                         q.get("medium"), q.get("kind"), a.get("outlet"), a.get("title"),
                         (a.get("published") or {}).get("label"), q.get("article"), q.get("start"),
                         q.get("end")])
    return _write(["group", "speaker", "quote", "verb", "medium", "kind", "outlet", "headline",
                   "published", "article", "start", "end"], rows)


def timeline_csv(data: Mapping[str, Any]) -> str:
    arts = _articles(data)
    rows = []
    for e in data.get("timeline", []):
        date = e.get("date") or {}
        for s in e.get("sources", []):
            a = arts.get(s.get("article"), {})
            rows.append([e.get("id"), date.get("label") or date.get("value"), date.get("earliest"),
                         date.get("latest"), e.get("summary"), s.get("text"), s.get("time_text"),
                         a.get("outlet"), a.get("title"), s.get("article"), s.get("start"), s.get("end")])
    return _write(["event", "when", "earliest", "latest", "summary", "source sentence", "time words",
                   "outlet", "headline", "article", "start", "end"], rows)


CSV_TABLES = {"claims": claims_csv, "quotes": quotes_csv, "timeline": timeline_csv}
