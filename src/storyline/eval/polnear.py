"""PolNeAR loader (political news attribution relations, brat standoff) and its direct quotations.

Layout (see the dataset's README): ``<split>/text/<name>.txt`` and
``<split>/attributions/<name>_<annotator>.ann``; when an article has several annotators' files we take
the first in sorted order. Attributions include paraphrase and indirect speech; the *direct quotations*
are the stretches inside quotation marks within an attribution's Content, with the attribution's Source
as speaker. Nothing from the dataset is copied anywhere: the folder is read at evaluation time only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import DatasetError
from storyline.spans import line_bounds, trim_span

SPLITS = ("dev", "test")
OPEN_MARKS = ("“", "``", "«", '"', "''")
CLOSE_MARKS = ("”", "''", "»", '"')
_ANN_NAME = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]+)\.ann$")

Spans = list[tuple[int, int]]


@dataclass(slots=True)
class Attribution:
    content: Spans
    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)


@dataclass(slots=True)
class GoldQuote:
    """One quoted stretch (inside the marks) of an attribution's Content, with its Source."""

    start: int
    end: int
    kind: str  # "full" when the quotation is the whole content piece, else "fragment"
    source: Spans


@dataclass(slots=True)
class PolnearDoc:
    name: str
    text: str
    attributions: list[Attribution]

    def direct_quotes(self) -> list[GoldQuote]:
        return gold_direct_quotes(self.text, self.attributions)


def dataset_dir(path: Path) -> Path:
    """Accept the shared datasets folder or the PolNeAR folder itself."""
    path = Path(path)
    if (path / "polnear").is_dir():
        path = path / "polnear"
    if not path.is_dir():
        raise DatasetError(f"{path}: not a folder")
    if not any((path / s / "text").is_dir() for s in SPLITS):
        raise DatasetError(f"{path}: not a PolNeAR folder (expected dev/text and test/text inside)")
    return path


def load_split(path: Path, split: str = "test", limit: int | None = None) -> list[PolnearDoc]:
    """The annotated articles of one split, sorted by name."""
    if split not in SPLITS:
        raise DatasetError(f"{path}: unknown split {split!r} (available: {', '.join(SPLITS)})")
    root = dataset_dir(path) / split
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise DatasetError(f"{root}: missing text/ or attributions/ folder")
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        m = _ANN_NAME.match(ann.name)
        if m and m["name"] not in anns:
            anns[m["name"]] = ann
    docs = []
    for name in sorted(anns):
        txt = text_dir / f"{name}.txt"
        if not txt.is_file():
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append(PolnearDoc(name=name, text=text, attributions=parse_ann(anns[name], text)))
        if limit is not None and len(docs) >= limit:
            break
    if not docs:
        raise DatasetError(f"{root}: no annotated articles found")
    return docs


def _spans(field_text: str) -> Spans:
    out = []
    for part in field_text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return sorted(out)


def parse_ann(path: Path, text: str) -> list[Attribution]:
    """Attributions of one brat file (Content required; Source and Cue when annotated)."""
    spans: dict[str, Spans] = {}
    relations: list[dict[str, str]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot read ({exc})") from exc
    for line in lines:
        parts = line.split("\t")
        if not parts or not parts[0]:
            continue
        try:
            if parts[0].startswith("T"):
                _label, offsets = parts[1].split(" ", 1)
                spans[parts[0]] = _spans(offsets)
            elif parts[0].startswith("E"):
                roles = dict(item.split(":", 1) for item in parts[1].split())
                relations.append(roles)
        except (IndexError, ValueError) as exc:
            raise DatasetError(f"{path}: malformed line {line[:60]!r}") from exc
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if not content:
            continue
        content = [(a, b) for a, b in content if 0 <= a < b <= len(text)]
        out.append(Attribution(content=content, source=spans.get(rel.get("Source", ""), []),
                               cue=spans.get(rel.get("Cue", ""), [])))
    return out


def _quoted_stretches(text: str, lo: int, hi: int) -> Spans:
    """Inner spans of quotation marks within ``text[lo:hi]`` (one paragraph): a simple left-to-right
    pairing, deliberately independent of the extractor's scanner so the gold is not shaped by it."""
    out: Spans = []
    i, open_at = lo, None
    while i < hi:
        if open_at is None:
            mark = next((m for m in OPEN_MARKS if text.startswith(m, i)), None)
            if mark and (mark in ("“", "``", "«") or i == lo or not text[i - 1].isalnum()):
                open_at = i + len(mark)
                i += len(mark)
                continue
        else:
            mark = next((m for m in CLOSE_MARKS if text.startswith(m, i)), None)
            if mark and (i + len(mark) >= hi or not text[i + len(mark)].isalnum()):
                out.append((open_at, i))
                open_at = None
                i += len(mark)
                continue
        i += 1
    if open_at is not None:
        out.append((open_at, hi))
    return out


def gold_direct_quotes(text: str, attributions: list[Attribution]) -> list[GoldQuote]:
    """Direct quotations: quoted stretches inside Content pieces (marks just outside count too)."""
    found: dict[tuple[int, int], GoldQuote] = {}
    for att in attributions:
        for a, b in att.content:
            # widen the piece to the quotation marks around it, within its line
            line_lo, line_hi = line_bounds(text, a, b)
            a2 = max(line_lo, a - 2)
            b2 = min(line_hi, b + 2)
            pos = a2
            for para in text[a2:b2].split("\n"):
                lo, hi = pos, pos + len(para)
                pos = hi + 1
                stretches = [(qa, qb) for qa, qb in _quoted_stretches(text, lo, hi)
                             if qb > a and qa < b]
                # the piece is "full" quotation when nothing but quotes, source and cue is left
                left = set(range(max(a, lo), min(b, hi)))
                for x, y in stretches + att.source + att.cue:
                    left.difference_update(range(x, y))
                full = not any(text[c].isalnum() for c in left)
                for qa, qb in stretches:
                    qa, qb = trim_span(text, qa, qb)
                    if qb <= qa or not any(c.isalnum() for c in text[qa:qb]):
                        continue
                    if (qa, qb) not in found:
                        found[(qa, qb)] = GoldQuote(qa, qb, "full" if full else "fragment",
                                                    list(att.source))
    return [found[k] for k in sorted(found)]
