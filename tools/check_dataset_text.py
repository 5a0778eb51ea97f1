"""List lines of the repository that share text with the evaluation datasets.

The datasets' rule: no text from them in the repository — no sentences, no names, in code, tests,
fixtures, comments or docs. This tool finds candidates for a human to judge. It prints the
*repository* side only (file:line, the shared words, which data set holds them); it never prints
dataset text beyond the shared words themselves, and it reads test splits only to compare.

Two checks, on every text file under src/, tests/, docs/ and README.md:

* a run of N words (default 6, case and punctuation ignored) that also occurs in a dataset text;
* a two-word capitalized name ("Given Surname") that occurs in a dataset text.

Only matches found in exactly one data set are printed unless ``--all``: a phrase or name that
several independent sets share ("said in a statement", "White House") is common English, not a
copied passage. Exit status 1 when something is printed.

    python tools/check_dataset_text.py ../shared/datasets            # from the repository root
    python tools/check_dataset_text.py ../shared/datasets --words 5 --all
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import defaultdict
from pathlib import Path

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")
SKIP_SUFFIXES = {".pdf", ".ann", ".csv", ".tsv", ".json"}  # annotations and gold files, not texts
REPO_SUFFIXES = {".py", ".md", ".json", ".txt", ".html", ".j2", ".jsonl", ".csv", ".toml"}


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def _group(root: Path, path: Path) -> str:
    rel = path.relative_to(root).parts
    if rel[0] == "polnear" and len(rel) > 1:
        return f"polnear-{rel[1]}"
    return rel[0]


def _dataset_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="ignore")
    if path.suffix in (".xml", ".tml", ".TENinput", ".html"):
        tokens = re.findall(r"<token[^>]*>([^<]*)</token>", text)
        if tokens:
            return " ".join(tokens)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


def index(datasets: Path, n: int) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    shingles: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for path in sorted(datasets.rglob("*")):
        if not path.is_file() or path.suffix in SKIP_SUFFIXES or path.name == "README.md" \
                or path.name.upper().startswith(("LICENSE", "COPYING")) or path.suffix == ".py":
            continue
        group = _group(datasets, path)
        text = _dataset_text(path)
        ws = _words(text)
        for i in range(len(ws) - n + 1):
            shingles[" ".join(ws[i:i + n])].add(group)
        for m in NAME.finditer(text):
            names[m.group(0)].add(group)
    return shingles, names


def repo_files(repo: Path) -> list[Path]:
    out = []
    for sub in ("src", "tests", "docs"):
        out += [p for p in sorted((repo / sub).rglob("*"))
                if p.is_file() and p.suffix in REPO_SUFFIXES]
    if (repo / "README.md").is_file():
        out.append(repo / "README.md")
    return out


def check(repo: Path, datasets: Path, n: int, show_all: bool) -> list[str]:
    shingles, names = index(datasets, n)
    report = []
    for path in repo_files(repo):
        rel = path.relative_to(repo)
        for ln, line in enumerate(path.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
            ws = _words(line)
            hits = {}
            for i in range(len(ws) - n + 1):
                s = " ".join(ws[i:i + n])
                if s in shingles and (show_all or len(shingles[s]) == 1):
                    hits[s] = shingles[s]
            for m in NAME.finditer(line):
                if m.group(0) in names and (show_all or len(names[m.group(0)]) == 1):
                    hits[m.group(0)] = names[m.group(0)]
            for s, groups in hits.items():
                report.append(f"{rel}:{ln} [{','.join(sorted(groups))}] {s}")
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("datasets", type=Path, help="the shared datasets folder")
    ap.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--words", type=int, default=6, help="length of a shared word run (default 6)")
    ap.add_argument("--all", action="store_true", help="also matches found in several data sets")
    args = ap.parse_args()
    if not args.datasets.is_dir():
        print(f"{args.datasets}: not a folder", file=sys.stderr)
        return 2
    report = check(args.repo, args.datasets, args.words, args.all)
    print("\n".join(report))
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
