"""The dossier as JSON: the public contract of storyline, its schema and its span check.

``dossier_to_dict`` is a *view* of :class:`~storyline.model.Dossier`, written field by field rather than
with ``dataclasses.asdict`` because the public names differ from the model in places (``story{id,title}``,
``speaker{entity,name}``, ``articles[]`` flattening ``ArticleAnalysis``) and because the key order must be
fixed so that two runs on the same input give byte-identical files. Names here are a contract (issue 2):
extend, don't rename.

``validate_dossier`` checks a dict against ``dossier.schema.json`` (shipped next to this module);
``check_spans`` checks that every span-like object anywhere in the dict points at the exact text it
quotes, ``article.text[start:end] == text``.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeGuard

from storyline.model import (
    ArticleAnalysis,
    Claim,
    Comparison,
    ComparisonSide,
    Coverage,
    Dossier,
    Entity,
    Event,
    QuoteGroup,
    Role,
    Span,
    TimeExpr,
)
from storyline.render.dates import pubdate_label, timex_label

__all__ = [
    "check_spans",
    "dossier_json",
    "dossier_schema",
    "dossier_to_dict",
    "json_text",
    "plain",
    "validate_dossier",
    "write_json",
    "write_text_atomic",
]


# ----------------------------------------------------------------------------- model → dict


def plain(value: Any) -> Any:
    """A JSON-safe form of a free-form value (claim values, comparison sides, claim parts).

    Dataclasses become dicts, tuples/lists become lists, sets become sorted lists, mappings keep their
    insertion order with string keys; non-finite floats (NaN, inf) become ``None`` because JSON has no
    spelling for them; anything else unknown becomes its ``str``.
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return str(value)


def _span(s: Span) -> dict[str, Any]:
    return {"article": s.article, "start": s.start, "end": s.end, "text": s.text}


def _timex(t: TimeExpr) -> dict[str, Any]:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
            "resolved": t.resolved, "earliest": t.earliest, "latest": t.latest, "anchor": t.anchor,
            "kind": t.kind, "part": t.part, "function": t.function,
            "label": timex_label(t.value, type=t.type, earliest=t.earliest, latest=t.latest, kind=t.kind)}


def _article(a: ArticleAnalysis) -> dict[str, Any]:
    art = a.article
    pub = art.published
    return {
        "id": art.id,
        "path": art.path,
        "title": art.title,
        "outlet": art.outlet,
        "byline": list(art.byline),
        "dateline": art.dateline,
        "url": art.url,
        "published": {"date": pub.date, "earliest": pub.earliest, "latest": pub.latest,
                      "basis": pub.basis,
                      "label": pubdate_label(pub.date, pub.earliest, pub.latest, pub.basis),
                      **({"note": pub.note} if pub.note else {})},
        "updated": art.updated,
        "language": art.language,
        "source_format": art.source_format,
        "duplicate_of": art.duplicate_of,
        "text": art.text,
        "boilerplate": list(art.boilerplate),
        "stamps": list(art.stamps),
        "timexes": [_timex(t) for t in a.timexes] + [_timex(t) for t in a.furniture_timexes],
    }


def _role(r: Role) -> dict[str, Any]:
    return {"title": r.title, "spans": [_span(s) for s in r.spans], "as_of": r.as_of,
            "qualifier": r.qualifier, "voice": r.voice}


def _entity(e: Entity) -> dict[str, Any]:
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
            "roles": [_role(r) for r in e.roles], "articles": list(e.articles),
            "mentions": [_span(s) for s in e.mentions]}


def _quote_group(g: QuoteGroup) -> dict[str, Any]:
    return {
        "id": g.id,
        "text": g.text,
        "speaker": {"entity": g.speaker_entity, "name": g.speaker_name},
        "quotes": [{"article": q.article, "start": q.start, "end": q.end, "text": q.text,
                    "speaker": q.speaker, "speaker_text": q.speaker_text,
                    "speaker_name": q.speaker_name, "cue": q.cue,
                    "medium": q.medium, "kind": q.kind} for q in g.quotes],
        "variants": [{"text": v.text, "articles": list(v.articles)} for v in g.variants],
    }


def _event(e: Event) -> dict[str, Any]:
    d = e.date
    return {
        "id": e.id,
        "date": {"value": d.value, "earliest": d.earliest, "latest": d.latest,
                 "granularity": d.granularity, "approximate": d.approximate,
                 "label": timex_label(d.value, earliest=d.earliest, latest=d.latest,
                                      approximate=d.approximate)},
        "summary": e.summary,
        "predicate": e.predicate,
        "sources": [{"article": s.article, "start": s.start, "end": s.end, "text": s.text,
                     "time_text": s.time_text, "time_start": s.time_start, "time_end": s.time_end,
                     "dated_by": s.dated_by}
                    for s in e.sources],
        "entities": list(e.entities),
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {"id": c.id, "subject": c.subject, "attribute": c.attribute, "value": plain(c.value),
            "unit": c.unit, "as_of": c.as_of, "article": c.article, "start": c.start, "end": c.end,
            "text": c.text, "voice": c.voice, "hedged": c.hedged, "parts": plain(c.parts),
            "qualifier": c.qualifier, "low": c.low, "high": c.high, "measure": c.measure}


def _comparison(c: Comparison) -> dict[str, Any]:
    return {"id": c.id, "subject": c.subject, "attribute": c.attribute, "status": c.status,
            "sides": [_side(s) for s in c.sides],
            "explanation": c.explanation, "confidence": c.confidence, "scope": c.scope}


def _side(s: ComparisonSide) -> dict[str, Any]:
    out: dict[str, Any] = {"value": plain(s.value), "claims": list(s.claims), "articles": list(s.articles)}
    if s.text:
        out["text"] = s.text
    return out


def _coverage(c: Coverage) -> dict[str, Any]:
    return {"article": c.article, "unique": list(c.unique), "omits": list(c.omits),
            "voices": {str(k): v for k, v in c.voices.items()},
            "labels": [{"term": lb.term, "voice": lb.voice, "count": lb.count,
                        "spans": [_span(s) for s in lb.spans]} for lb in c.labels]}


def dossier_to_dict(d: Dossier) -> dict[str, Any]:
    """The public JSON form of a dossier (plain dicts and lists, fixed key order)."""
    return {
        "schema_version": d.schema_version,
        "generator": d.generator,
        "story": {"id": d.story_id, "title": d.story_title, "version": d.version},
        "articles": [_article(a) for a in d.articles],
        "entities": [_entity(e) for e in d.entities],
        "timeline": [_event(e) for e in d.timeline],
        "quotes": [_quote_group(g) for g in d.quotes],
        "claims": [_claim(c) for c in d.claims],
        "comparisons": [_comparison(c) for c in d.comparisons],
        "coverage": [_coverage(c) for c in d.coverage],
        "changes": plain(d.changes),
    }


def dossier_json(d: Dossier) -> str:
    """The dossier as a JSON document (UTF-8 text, two-space indent, trailing newline)."""
    return json_text(dossier_to_dict(d))


def json_text(data: dict[str, Any]) -> str:
    """A dossier dict (from :func:`dossier_to_dict`) as the JSON document :func:`dossier_json` writes."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def write_json(d: Dossier, path: str | Path) -> None:
    """Write the dossier JSON atomically (a half-written file never replaces a good one)."""
    write_text_atomic(path, dossier_json(d))


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) so that a half-written file never replaces a good one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


# ----------------------------------------------------------------------------- schema


@lru_cache(maxsize=1)
def dossier_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the dossier, as shipped in the package."""
    text = resources.files("storyline.render").joinpath("dossier.schema.json").read_text("utf-8")
    return json.loads(text)


def validate_dossier(data: Mapping[str, Any]) -> list[str]:
    """Every schema violation in ``data``, one line each (``path: message``); empty when valid."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(dossier_schema())
    problems = []
    for err in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        where = "/".join(str(p) for p in err.absolute_path) or "(root)"
        problems.append(f"{where}: {err.message}")
    return problems


# ----------------------------------------------------------------------------- span check


def _iter_spans(node: Any, where: str, article: str | None
                ) -> Iterator[tuple[str, str | None, int, int, str]]:
    """Every span-like object under ``node``: (json path, article id, start, end, text).

    Span-like is recognized by shape, not by a list of places, so that sections added later are
    checked too: a dict with integer ``start``/``end`` and a string ``text`` (and an ``article`` key,
    or the article it sits in, for ``articles[].timexes``), and every prefixed triple
    ``<p>_start``/``<p>_end``/``<p>_text`` in the same dict (``time_start``/``time_end``/``time_text``).
    """
    if isinstance(node, Mapping):
        own = node.get("article")
        here: str | None = own if isinstance(own, str) else article
        start, end, text = node.get("start"), node.get("end"), node.get("text")
        if _is_int(start) and _is_int(end) and isinstance(text, str):
            yield where, here, start, end, text
        for key, value in node.items():
            if isinstance(key, str) and key.endswith("_start") and _is_int(value):
                prefix = key[: -len("_start")]
                p_end, p_text = node.get(prefix + "_end"), node.get(prefix + "_text")
                if _is_int(p_end) and isinstance(p_text, str):
                    yield f"{where}.{prefix}", here, value, p_end, p_text
        for key, value in node.items():
            if isinstance(value, (Mapping, list)):
                yield from _iter_spans(value, f"{where}.{key}", here)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _iter_spans(item, f"{where}[{i}]", article)


def _is_int(v: Any) -> TypeGuard[int]:
    return isinstance(v, int) and not isinstance(v, bool)


def check_spans(data: Mapping[str, Any]) -> list[str]:
    """Every span in the dossier whose text is not ``article.text[start:end]``, one line each.

    Checks timexes, role spans, entity mentions, quotes, timeline sources (and their time
    expressions), claims, coverage label spans and any span-shaped object added later.
    """
    texts: dict[str, str] = {}
    problems: list[str] = []
    for art in data.get("articles") or []:
        if isinstance(art, Mapping) and isinstance(art.get("id"), str) and isinstance(art.get("text"), str):
            texts[art["id"]] = art["text"]
    for i, art in enumerate(data.get("articles") or []):
        if not isinstance(art, Mapping):
            continue
        # Only the article's own nested records are spans into it (the article itself has "text"
        # but no start/end, so it is not mistaken for one).
        own = {k: v for k, v in art.items() if k != "text"}
        timexes = own.get("timexes")
        if isinstance(timexes, list):  # expressions outside the body: checked in their own part
            body_timexes = []
            for j, t in enumerate(timexes):
                if isinstance(t, Mapping) and t.get("part", "text") != "text":
                    problems.extend(_check_part(f"articles[{i}].timexes[{j}]", art, t))
                else:
                    body_timexes.append(t)
            own["timexes"] = body_timexes
        for where, aid, start, end, text in _iter_spans(own, f"articles[{i}]", art.get("id")):
            problems.extend(_check_one(where, aid, start, end, text, texts))
    for key, value in data.items():
        if key == "articles" or not isinstance(value, (Mapping, list)):
            continue
        for where, aid, start, end, text in _iter_spans(value, key, None):
            problems.extend(_check_one(where, aid, start, end, text, texts))
    return problems


def _check_part(where: str, art: Mapping[str, Any], t: Mapping[str, Any]) -> list[str]:
    """A time expression outside the body: ``part`` names the string (``title``, ``stamps/N``,
    ``boilerplate/N``) that ``start``/``end`` point into."""
    part = str(t.get("part"))
    name, _, index = part.partition("/")
    value = art.get(name)
    if index:
        items = value if isinstance(value, list) else []
        value = items[int(index)] if index.isdigit() and int(index) < len(items) else None
    if not isinstance(value, str):
        return [f"{where}: part {part!r} is not in article {art.get('id')}"]
    start, end, text = t.get("start"), t.get("end"), t.get("text")
    if not (_is_int(start) and _is_int(end) and 0 <= start <= end <= len(value)) or value[start:end] != text:
        return [f"{where}: {part} [{start}:{end}] of article {art.get('id')} does not read {text!r}"]
    return []


def _check_one(where: str, aid: str | None, start: int, end: int, text: str,
               texts: Mapping[str, str]) -> list[str]:
    if aid is None:
        return [f"{where}: span has no article"]
    if aid not in texts:
        return [f"{where}: span points at unknown article {aid!r}"]
    body = texts[aid]
    if not 0 <= start <= end <= len(body):
        return [f"{where}: span [{start}:{end}] is outside article {aid} (length {len(body)})"]
    if body[start:end] != text:
        return [f"{where}: article {aid} text[{start}:{end}] is {body[start:end]!r}, span says {text!r}"]
    return []
