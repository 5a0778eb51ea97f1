"""``storyline bench --corpus``: the end-to-end and scale tables on a tiny invented corpus (a smoke
test of the machinery; the real numbers come from ECB+, docs/benchmarks.md)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

ARTICLES = {
    "quake-1.txt": "Quake shakes Vellmar coast\n\nA magnitude 6.1 earthquake struck off the Vellmar "
                   "coast on Tuesday, damaging harbour walls, the regional seismology office said.\n",
    "quake-2.txt": "Vellmar harbour damaged by earthquake\n\nHarbour walls in Vellmar cracked when a "
                   "6.1 magnitude earthquake hit the coast on Tuesday, the seismology office said.\n",
    "vote-1.txt": "Dorrin council approves new tram line\n\nThe Dorrin city council voted 9-4 on "
                  "Monday to build a tram line to the airport, at a cost of 310 million euros.\n",
}


def test_bench_corpus_tables(tmp_path: Path, nlp) -> None:  # nlp: loaded here, the forked runs inherit it
    from storyline.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    work = tmp_path / "work"
    result = CliRunner().invoke(app, ["bench", "--corpus", str(corpus), "--runners", "local",
                                      "--scale", "2", "--workers", "1", "--work", str(work)])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("| ")]
    assert rows[1].startswith("| local (1 worker) | 3 | 2 |")  # 3 articles, 2 stories
    assert float(rows[1].split(" | ")[6]) > 0  # CPU seconds counted
    assert [r.split(" | ")[0] for r in rows[3:]] == ["| ×1", "| ×2"]
    assert rows[4].startswith("| ×2 | 6 |")  # the corpus twice, fresh ids
    assert (work / "local.db").exists() and (work / "out-local" ).is_dir()

    again = CliRunner().invoke(app, ["bench", "--corpus", str(corpus), "--runners", "", "--scale", "2",
                                     "--cluster-scale", "3", "--work", str(work)])  # from the kept store
    assert again.exit_code == 0, again.output
    assert "| ×2 | 6 |" in again.output and "| local" not in again.output
    assert "| ×3 | 9 | 2 |" in again.output  # story detection alone: 9 profiles, still 2 stories


def test_bench_copies_are_distinct_files_that_the_deduplication_marks_as_copies(tmp_path: Path) -> None:
    from storyline.eval.bench import copy_text
    from storyline.run import load_corpus

    text = ("The harbor authority of Port Wendell reopened the north channel on Sunday after divers "
            "cleared a sunken barge.\nShipping lines said delays would ease by Wednesday.\n")
    for copy in range(3):
        (tmp_path / f"port-{copy}.txt").write_text(copy_text(text, copy), encoding="utf-8")
    articles, problems = load_corpus([str(tmp_path)])
    assert len(articles) == 3 and not problems  # three distinct ids: none skipped as the same text
    originals = {a.duplicate_of for a in articles if a.duplicate_of}
    assert len(originals) == 1 and sum(a.duplicate_of is None for a in articles) == 1
