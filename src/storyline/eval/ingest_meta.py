"""Measure the plain-text furniture detection (headline, dateline) on real news text.

Usage: ``storyline eval metadata ../shared/datasets --split test`` (PolNeAR ``test`` split and the
TempEval-3 gold documents; ``--split dev`` for PolNeAR dev, where the rules were tuned).

Two questions, asked of every article:

* **headline kept apart** — the article as printed (headline first): is the first line taken as the
  title? (recall)
* **lede kept in the body** — the same article with its headline removed: is the lede wrongly taken
  as a title? (false positives; each one would remove the lede from the body)

Datelines found at the start of the lede are counted (listed in the report details for inspection).
The dataset folder is an argument; nothing from it is stored.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import DatasetError
from storyline.eval import EvalReport
from storyline.ingest.meta import extract_text_meta
from storyline.ingest.textio import normalize


@dataclass
class Sample:
    name: str
    headline: str  # the printed headline (first line)
    text: str  # the article without its headline


@dataclass
class Report:
    n: int = 0
    titled: int = 0  # headline taken as title (with headline)
    false_titles: list[tuple[str, str]] = field(default_factory=list)  # lede taken as title
    missed: list[tuple[str, str]] = field(default_factory=list)
    datelines: list[tuple[str, str]] = field(default_factory=list)


def polnear_samples(folder: Path, split: str) -> Iterator[Sample]:
    """PolNeAR texts open with the headline (one line, sometimes a dek line under it); NYT texts then
    carry ABSTRACT./FULL TEXT. sections, which are dropped with the headline."""
    for path in sorted((folder / split / "text").glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8"))
        paragraphs = re.split(r"\n\s*\n", text)
        headline = paragraphs[0].split("\n")[0]
        rest = paragraphs[1:]
        if "FULL TEXT." in rest:
            rest = rest[rest.index("FULL TEXT.") + 1:]
        yield Sample(path.stem, headline, "\n\n".join(rest))


def te3_samples(folder: Path) -> Iterator[Sample]:
    for path in sorted((folder / "gold").glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if not title or not body:
            continue
        text = normalize(html.unescape(re.sub(r"<[^>]+>", "", body.group(1))))
        yield Sample(path.stem, " ".join(html.unescape(title.group(1)).split()), text)


def score(samples: Iterator[Sample]) -> Report:
    report = Report()
    for s in samples:
        if not s.text.strip():
            continue
        report.n += 1
        with_headline = extract_text_meta(normalize(f"{s.headline}\n\n{s.text}"))
        if with_headline.title == " ".join(s.headline.split()):
            report.titled += 1
        else:
            report.missed.append((s.name, s.headline))
        without = extract_text_meta(normalize(s.text))
        if without.title is not None:
            report.false_titles.append((s.name, without.title))
        if without.dateline:
            report.datelines.append((s.name, without.dateline))
    return report


def _folder(path: Path, name: str) -> Path:
    for cand in (path / name, path):
        if cand.name == name and cand.is_dir():
            return cand
    if (path / name).is_dir():
        return path / name
    raise DatasetError(f"{path}: no {name}/ dataset folder here")


def evaluate(path: Path, *, split: str = "test", limit: int | None = None) -> EvalReport:
    """Headline and dateline detection on PolNeAR (``split``) and the TempEval-3 gold documents."""
    rows = []
    details: dict[str, object] = {}
    sources = [(f"PolNeAR {split}", lambda: polnear_samples(_folder(path, "polnear"), split)),
               ("TempEval-3 gold", lambda: te3_samples(_folder(path, "te3_platinum")))]
    for name, samples in sources:
        items = list(samples())[:limit] if limit else list(samples())
        r = score(iter(items))
        if not r.n:
            raise DatasetError(f"{path}: no articles found for {name}")
        rows.append([name, r.n, f"{r.titled}/{r.n}", 100 * r.titled / r.n,
                     len(r.false_titles), len(r.datelines)])
        details[name] = {"missed": r.missed, "false_titles": r.false_titles, "datelines": r.datelines}
    return EvalReport(
        title="Plain-text metadata: headline and dateline detection",
        columns=["data", "articles", "headline = title", "%", "lede taken as title", "datelines"],
        rows=rows,
        notes=["headline = title: the printed first line is recognised as the headline",
               "lede taken as title: with the headline removed, the lede is wrongly taken as one",
               "tuned on PolNeAR dev only"],
        details=details)
