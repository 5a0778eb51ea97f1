"""Whole-dossier evaluation on multi-outlet stories (``stories-dev``), with the dataset's own scorer.

Each story folder holds ``articles/*.txt``, an optional ``meta.json`` sidecar and ``gold.json``; the
dataset folder holds ``score.py``. For every story this module builds the dossier exactly as
``storyline analyze`` does (in-process, no store), writes it to a temporary JSON file and runs
``score.py DOSSIER --gold STORY/gold.json [--with-meta]`` in a subprocess — the scorer is called,
never copied, so the numbers are the dataset's own. One row per story and the mean.

    from storyline.eval.stories import evaluate_stories
    print(evaluate_stories(Path("../shared/datasets/stories-dev"), with_meta=True).to_markdown())
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from storyline.errors import DatasetError
from storyline.eval import EvalReport
from storyline.story.plain import jargon_in_comparisons

# The scorer's metrics shown in the table (it prints more; all of them go into the JSON details).
COLUMNS = ("conflicts_found", "core_conflicts_found", "apparent_flagged_as_conflict",
           "unexplained_conflicts", "event_r", "event_merge", "speaker_acc", "timex_value_acc",
           "timex_value_p", "person_found", "outlet_acc", "pubdate_acc", "jargon")
SHORT = {"conflicts_found": "conflicts", "core_conflicts_found": "core", "apparent_flagged_as_conflict":
         "apparent", "unexplained_conflicts": "unexpl.", "event_r": "event_r", "event_merge": "merge",
         "speaker_acc": "speaker", "timex_value_acc": "tx_val", "timex_value_p": "tx_val_p",
         "person_found": "people", "outlet_acc": "outlet", "pubdate_acc": "pubdate",
         "jargon": "jargon"}


def _dataset_root(path: Path) -> Path:
    for cand in (path, path / "stories-dev"):
        if (cand / "score.py").is_file():
            return cand
    raise DatasetError(f"{path}: no score.py here or in stories-dev/ (expected the stories-dev folder)")


def story_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "gold.json").is_file() and (p / "articles").is_dir())


def parse_scores(text: str) -> dict[str, float]:
    """``name: value`` lines of score.py's output as numbers (other lines ignored)."""
    out: dict[str, float] = {}
    for line in text.splitlines():
        name, sep, value = line.partition(": ")
        if sep:
            try:
                out[name.strip()] = float(value)
            except ValueError:
                continue
    return out


def build_story_dossier(story: Path, *, with_meta: bool, model: str | None = None) -> dict[str, Any]:
    from storyline.render.json import dossier_to_dict
    from storyline.run import run_story

    meta = story / "meta.json"
    meta_file = str(meta) if with_meta and meta.is_file() else None
    result = run_story([str(story / "articles")], meta_file=meta_file, workers=1, model=model)
    if result.dossier is None:
        raise DatasetError(f"{story}: no article could be analysed")
    for line in result.problems:  # a failed article would silently lower the scores
        print(f"storyline: {line}", file=sys.stderr)
    return dossier_to_dict(result.dossier)


def score_story(root: Path, story: Path, dossier: dict[str, Any], *, with_meta: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dossier.json"
        out.write_text(json.dumps(dossier), encoding="utf-8")
        cmd = [sys.executable, str(root / "score.py"), str(out), "--gold", str(story / "gold.json")]
        if with_meta:
            cmd.append("--with-meta")
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise DatasetError(f"{story}: score.py failed: {(done.stderr or done.stdout).strip()[:200]}")
    return parse_scores(done.stdout)


def evaluate_stories(path: Path, *, with_meta: bool = False, limit: int | None = None,
                     keep: Path | None = None, model: str | None = None) -> EvalReport:
    root = _dataset_root(path)
    stories = story_folders(root)[:limit]
    if not stories:
        raise DatasetError(f"{root}: no story folders (each needs gold.json and articles/)")
    rows: list[list[Any]] = []
    per_story: dict[str, dict[str, float]] = {}
    for story in stories:
        dossier = build_story_dossier(story, with_meta=with_meta, model=model)
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"{story.name}.json").write_text(json.dumps(dossier, indent=1), encoding="utf-8")
        scores = score_story(root, story, dossier, with_meta=with_meta)
        jargon = jargon_in_comparisons(dossier["comparisons"],
                                       [a["title"] for a in dossier["articles"] if a.get("title")])
        scores["jargon"] = float(len(jargon))
        for line in jargon:
            print(f"storyline: {story.name}: {line}", file=sys.stderr)
        per_story[story.name] = scores
        rows.append([story.name] + [scores.get(c, float("nan")) for c in COLUMNS])
    mean = [sum(r[i + 1] for r in rows) / len(rows) for i in range(len(COLUMNS))]
    rows.append(["**mean**"] + mean)
    sidecar = "with the meta.json sidecar" if with_meta else "text only (no sidecar)"
    return EvalReport(
        title=f"stories-dev: whole dossiers scored by the dataset's score.py ({sidecar})",
        columns=["story"] + [SHORT[c] for c in COLUMNS], rows=rows,
        notes=["conflicts = real conflicts found (share), core = C01-C03 found, apparent = apparent "
               "conflicts flagged as conflicts (count), unexpl. = conflicts matching no gold (count)",
               "event_r = dated gold events found, merge = multi-outlet events merged, tx_val = resolvable "
               "timex values right (over gold), tx_val_p = over the ones found",
               "jargon = comparison explanations showing an id, a TIMEX code, a snake_case name or a "
               "headline as an outlet (count; storyline's own check, not score.py's)"],
        details={"scores": per_story})
