"""The labels eval on a tiny stories-dev-shaped folder written by the test (no dataset text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import DatasetError
from storyline.eval.labels import evaluate


def _write(root: Path) -> Path:
    articles = root / "stories-dev" / "harbor-strike-2025" / "articles"
    articles.mkdir(parents=True)
    (articles / "01_port-daily.txt").write_text(
        "Dockworkers walked out on Monday. The union leader called the offer a disgrace, and "
        "police said a riot broke out near the gates.\n", encoding="utf-8")
    (articles / "02_coast-news.txt").write_text(
        "The port reopened on Thursday after talks. Cargo volumes rose by 4 percent.\n",
        encoding="utf-8")
    return root


def test_counts_and_probe_recall(tmp_path):
    report = evaluate(_write(tmp_path), split="dev")
    (row,) = report.rows
    name, docs, _words, labels, _rate, _quoted, recall, top = row
    assert (name, docs, labels, recall) == ("stories-dev", 2, 2, "2/2")
    assert "disgrace 1" in top and "riot 1" in top
    assert {lab["term"] for lab in report.details["labels"]} == {"disgrace", "riot"}


def test_dev_only(tmp_path):
    with pytest.raises(DatasetError):
        evaluate(_write(tmp_path), split="test")
    with pytest.raises(DatasetError):
        evaluate(tmp_path / "nothing-here", split="dev")
