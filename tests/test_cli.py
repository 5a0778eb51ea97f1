"""The command line: outputs, exit status and one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

GOOD = """Council approves budget after long debate

SPRINGFIELD — The city council on Tuesday approved a $12 million budget, Mayor Ann Lee said.
"This is a fair plan," Lee said at the meeting.
"""


def _write_bad_inputs(folder):
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not an article")


def test_analyze_writes_outputs_and_names_each_bad_file(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _write_bad_inputs(src)
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(src), str(tmp_path / "missing.txt"),
                                 "--db", str(tmp_path / "s.db"), "--json", str(out / "d.json"),
                                 "--html", str(out / "d.html"), "--md", str(out / "d.md"), "-q"])
    assert result.exit_code == 1, result.output
    err = result.stderr
    for name in ("empty.txt", "image.txt", "notes.docx", "missing.txt"):
        lines = [line for line in err.splitlines() if name in line]
        assert len(lines) == 1, (name, err)
    assert "Traceback" not in err
    data = json.loads((out / "d.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in data["articles"]] == ["Council approves budget after long debate"]
    assert (out / "d.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "Council approves budget" in (out / "d.md").read_text(encoding="utf-8")


def test_bad_meta_date_stops_before_anything_is_stored(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published\ngood.txt,the day after tomorrow-ish\n", encoding="utf-8")
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["analyze", str(tmp_path / "good.txt"), "--meta", str(meta),
                                 "--db", str(db), "-q"])
    assert result.exit_code == 2
    assert "meta.csv" in result.stderr and "Traceback" not in result.stderr
    from storyline.store import Store

    assert Store(f"sqlite:///{db}").list_articles() == []


def test_python_dash_m_is_the_same_command():
    done = subprocess.run([sys.executable, "-m", "storyline", "--help"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0
    for command in ("analyze", "eval", "bench", "serve"):
        assert command in done.stdout


def test_eval_on_a_folder_without_the_dataset_is_one_line(tmp_path):
    for task in ("time", "quotes", "entities", "claims", "metadata", "timelines"):
        result = runner.invoke(app, ["eval", task, str(tmp_path), "--split", "test"])
        assert result.exit_code == 2, (task, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(tmp_path) in lines[0], (task, result.stderr)


def test_version_and_clean_help():
    from storyline import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"storyline {__version__}"
    for args in ([], ["analyze"], ["serve"], ["bench"], ["eval"], ["eval", "stories"], ["eval", "time"]):
        out = runner.invoke(app, [*args, "--help"], terminal_width=100).output
        assert "Usage:" in out, args
        for noise in ("<bool>", "<list[str]>", "<path>", "<int>", "<str>"):
            assert noise not in out, (args, noise, out)
    analyze_help = runner.invoke(app, ["analyze", "--help"], terminal_width=100).output
    assert "--json FILE" in analyze_help and "--workers N" in analyze_help and "[PATH]..." in analyze_help


def test_analyze_says_what_to_open_next(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    db = str(tmp_path / "out" / "s.db")
    result = runner.invoke(app, ["analyze", str(src), "--db", db, "--html", str(tmp_path / "d.html")])
    assert result.exit_code == 0, result.output
    text = " ".join((result.output + result.stderr).split())
    assert f"Next: open {tmp_path / 'd.html'} in a browser" in text
    assert f"storyline serve --db {db}" in text


def test_readme_commands_match_what_make_demo_writes():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    make = (root / "Makefile").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    [db] = [w for w in make.split() if w.endswith(".db") and w.startswith("out/")]
    assert f"serve --db {db}" in readme
    assert "serve --db storyline.db" not in readme
    for field in ("title", "outlet", "byline", "dateline", "url", "published"):
        assert f"`{field}`" in readme  # the --meta sidecar's fields are documented
