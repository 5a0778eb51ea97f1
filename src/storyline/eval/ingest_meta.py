"""Measure the plain-text furniture detection (headline, dateline) on real news text.

Usage::

    python -m storyline.ingest.evaluate polnear /work/shared/datasets/polnear dev
    python -m storyline.ingest.evaluate te3 /work/shared/datasets/te3_platinum

Two questions, asked of every article:

* **headline kept apart** — the article as printed (headline first): is the first line taken as the
  title? (recall)
* **lede kept in the body** — the same article with its headline removed: is the lede wrongly taken
  as a title? (false positives; each one would remove the lede from the body)

Datelines found at the start of the lede are counted and, with ``-v``, listed for inspection. The
dataset folder is an argument; nothing from it is stored. Tune on PolNeAR ``dev``, report ``test``.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

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


def evaluate(samples: Iterator[Sample]) -> Report:
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", choices=["polnear", "te3"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("split", nargs="?", default="dev")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: no such folder", file=sys.stderr)
        return 2
    samples = polnear_samples(args.folder, args.split) if args.dataset == "polnear" else te3_samples(args.folder)
    r = evaluate(samples)
    if not r.n:
        print(f"{args.folder}: no articles found", file=sys.stderr)
        return 2
    print(f"articles: {r.n}")
    print(f"headline taken as title: {r.titled}/{r.n} ({r.titled / r.n:.1%})")
    print(f"lede wrongly taken as title: {len(r.false_titles)}/{r.n} ({len(r.false_titles) / r.n:.1%})")
    print(f"datelines found: {len(r.datelines)}")
    if args.verbose:
        for name, line in r.missed:
            print(f"  missed headline  {name}: {line}")
        for name, line in r.false_titles:
            print(f"  lede as title    {name}: {line}")
        for name, line in r.datelines:
            print(f"  dateline         {name}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
