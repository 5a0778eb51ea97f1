"""A corpus of bad input, generated here, through the real command: one line per bad file, no
traceback, every good file in the same run analysed, exit status 1, and no run hangs.

Each entry of :func:`bad_inputs` is one kind of bad input (file name → content, or a special
object made on disk: a FIFO, a socket, a broken link). The good articles are written for the test.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.run.budget import time_budget

runner = CliRunner()

GOOD = {
    "flood.txt": "Council approves flood wall\n\nPORT AVEL — The city council voted 7-2 on Tuesday to "
                 "fund a $40 million flood wall, Mayor Ann Blick said.\n\"We cannot wait for the next "
                 "storm,\" Blick said after the vote.\n",
    "match.md": "# Kestrel United win the cup\n\nThe Kestrel United striker Joao Varga scored twice on "
                "Saturday as his side beat Harbor City 3-1 in the final.\n",
    "study.txt": "Researchers at the Lindqvist Institute said on Monday that a new malaria vaccine cut "
                 "infections by 61 percent in a two-year trial of 4,000 children.\n",
}
# Good files in unusual shape: still analysed.
UTF16 = ("The regional hospital opened a new cancer ward on Friday, its director Petra Holm said. "
         "The ward has 40 beds.\n")
MOJIBAKE = "The caf\u00c3\u00a9 owner, Ren\u00c3\u00a9e Dubois, said sales rose 12 percent in March.\n"
PARENS = "The court filing quoted " + "(" * 5000 + ")" * 5000 + " in full, the clerk said on Monday.\n"


def _warc_record(uri: str, html: bytes, declared: int | None = None) -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n") + html
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri.encode() +
            b"\r\nWARC-Record-ID: <urn:uuid:0>\r\nWARC-Date: 2025-05-05T00:00:00Z\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(declared or len(http)).encode() + b"\r\n\r\n")
    return head + http + b"\r\n\r\n"


PAGE = (b"<html><head><title>Harbor strike ends</title></head><body><article><p>"
        + b"Dock workers returned to work on Monday after a 12-day strike, the union said. " * 8
        + b"</p></article></body></html>")


PAGE2 = PAGE.replace(b"Dock workers", b"Crane operators").replace(b"12-day", b"9-day")


def _bomb(size: int) -> bytes:
    """A gzip WARC whose one record inflates to ``size`` bytes of spaces."""
    co = zlib.compressobj(9, zlib.DEFLATED, 31)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/b\r\n"
            b"Content-Length: " + str(len(http) + size).encode() + b"\r\n\r\n")
    out = [co.compress(head + http)]
    block = b" " * 2**20
    out += [co.compress(block) for _ in range(size // 2**20)]
    return b"".join(out) + co.flush()


def bad_inputs() -> dict[str, bytes | str]:
    jl = lambda *objs: "\n".join(json.dumps(o) for o in objs) + "\n"  # noqa: E731
    text = GOOD["study.txt"]
    two = gzip.compress(_warc_record("http://example.org/a", PAGE)) + gzip.compress(
        _warc_record("http://example.org/b", PAGE))
    return {
        "empty.txt": b"",
        "blank.txt": "  \n\t\n",
        "one-byte.txt": "x",
        "two-words.txt": "Hello there",
        "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "gzipped.txt": gzip.compress(text.encode() * 5),
        "undecodable.txt": bytes(range(128, 256)) * 20,
        "notes.docx": b"PK\x03\x04 not an article",
        "README": "no extension at all, so no reader",
        "empty.md": b"",
        "bad-front-matter.md": "---\ndate: sometime soon\n---\n" + text,
        "relative-front-matter.md": "---\ndate: yesterday\n---\n" + text,
        "placeholder-date.md": "---\ndate: 0001-01-01\n---\n" + text,
        "empty.html": b"",
        "no-text.html": "<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
        "binary.html": b"\x00\x01\x02\x03" * 100,
        "empty.json": b"",
        "malformed.json": '{"text": "unclosed',
        "number.json": "42",
        "empty-list.json": "[]",
        "text-list.json": json.dumps({"text": ["a", "b"]}),
        "title-list.json": json.dumps({"text": text, "title": ["a", "b"]}),
        "byline-object.json": json.dumps({"text": text, "byline": {"name": "x"}}),
        "outlet-number.json": json.dumps({"text": text, "outlet": 7}),
        "empty.jsonl": b"",
        "malformed.jsonl": '{"text": "The council met on Monday to vote."\n',
        "yesterday.jsonl": jl({"text": text, "published": "yesterday"}),
        "edge-date.jsonl": jl({"text": text, "published": "9999-12-31"}),
        "no-text.jsonl": jl({"title": "A headline only"}),
        "not-object.jsonl": "[1, 2, 3]\n",
        "short.jsonl": jl({"text": "Too short"}),
        "empty.warc": b"",
        "not-a-warc.warc": "just some text, not an archive",
        "broken-gzip.warc.gz": b"\x1f\x8b\x08\x00" + b"garbage" * 20,
        "truncated.warc.gz": two[:-60],
        "truncated.warc": (_warc_record("http://example.org/a", PAGE2) * 2)[:-400],
        "bomb.warc.gz": _bomb(12 * 2**20),  # the budget is lowered to 4 MB for this run
        "no-html.warc": _warc_record("http://example.org/a", b"x").replace(b"text/html", b"image/png"),
        "empty.rss": b"",
        "malformed.rss": "<rss><channel><item><title>unclosed",
        "not-a-feed.xml": "<?xml version='1.0'?><catalog><book>Title</book></catalog>",
        "flood2.txt": GOOD["flood.txt"],
    }


SPECIAL = ("fifo.txt", "socket.txt", "broken-link.txt")


def _make_corpus(folder: Path) -> None:
    for name, content in {**GOOD, **bad_inputs()}.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    (folder / "utf16.txt").write_bytes(UTF16.encode("utf-16-le"))
    (folder / "mojibake.txt").write_text(MOJIBAKE, encoding="utf-8")
    (folder / "parens.txt").write_text(PARENS, encoding="utf-8")
    os.mkfifo(folder / "fifo.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.txt"))
    sock.close()
    os.symlink(folder / "nowhere.txt", folder / "broken-link.txt")


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory, nlp):
    root = tmp_path_factory.mktemp("corpus")
    folder = root / "in"
    folder.mkdir()
    _make_corpus(folder)
    meta = root / "meta.json"
    meta.write_text(json.dumps({"flood.txt": {"outlet": "Port Avel Post"},
                                "missing-story.txt": {"outlet": "Nobody"}}), encoding="utf-8")
    db = folder / "store.db"  # the store inside the input folder: never read as input
    out = root / "dossier.json"
    with time_budget(240), pytest.MonkeyPatch.context() as mp:  # a hang fails the test, not the suite
        mp.setattr("storyline.ingest.warc.MIN_BUDGET_BYTES", 4 * 2**20)
        result = runner.invoke(app, ["analyze", str(folder), "--db", str(db), "--meta", str(meta),
                                     "--json", str(out), "-q", "--workers", "1", "--one-story"])
    return result, json.loads(out.read_text(encoding="utf-8")), meta


def test_every_bad_input_is_one_line_and_the_good_files_are_analysed(corpus_run):
    result, dossier, meta = corpus_run
    err = result.stderr
    assert result.exit_code == 1, err
    assert "Traceback" not in err and "Error:" not in err.split(":", 1)[0]
    lines = err.splitlines()
    for name in [*bad_inputs(), *SPECIAL]:
        mine = [line for line in lines if f"/{name}:" in line]
        assert len(mine) >= 1, (name, err)
        # one line per file (a WARC may name a record; still one line each)
        assert len(mine) == 1 or name.endswith((".warc", ".warc.gz")), (name, mine)
    assert any(line.startswith(f"{meta}: ") and "missing-story.txt" in line for line in lines)
    assert not any("store.db" in line for line in lines)
    analysed = sorted(Path(a["path"]).name for a in dossier["articles"])
    # the records of a truncated archive before the cut are read
    assert analysed == sorted([*GOOD, "utf16.txt", "mojibake.txt", "parens.txt", "truncated.warc",
                               "truncated.warc.gz"])


def test_problems_say_what_is_wrong(corpus_run):
    err = corpus_run[0].stderr

    def line(name: str) -> str:
        return next(x for x in err.splitlines() if f"/{name}:" in x)

    assert "named pipe" in line("fifo.txt")
    assert "socket" in line("socket.txt")
    assert "too short" in line("one-byte.txt") or "no article text" in line("one-byte.txt")
    assert "too short" in line("short.jsonl")
    assert "relative dates are not accepted" in line("yesterday.jsonl")
    assert "implausible published date 9999-12-31" in line("edge-date.jsonl")
    assert "'title' must be a string, found a list" in line("title-list.json")
    assert "truncated" in line("truncated.warc.gz") and "truncated" in line("truncated.warc")
    assert "expands past 4 MB" in line("bomb.warc.gz")
    assert "same text" in line("flood2.txt")


def test_repaired_inputs_read_as_written(corpus_run):
    dossier = corpus_run[1]
    by_name = {Path(a["path"]).name: a for a in dossier["articles"]}
    assert "café owner, Renée Dubois" in by_name["mojibake.txt"]["text"]
    assert by_name["utf16.txt"]["text"].startswith("The regional hospital")
    assert by_name["flood.txt"]["outlet"] == "Port Avel Post"


def test_a_fifo_as_meta_is_refused_at_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD["flood.txt"], encoding="utf-8")
    os.mkfifo(tmp_path / "meta.csv")
    with time_budget(60):
        result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--meta",
                                     str(tmp_path / "meta.csv"), "--db", str(tmp_path / "s.db"), "-q"])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert "meta.csv" in line and "named pipe" in line


def test_a_fifo_given_by_name_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    from storyline.ingest import iter_articles

    with time_budget(30):
        [err] = list(iter_articles([str(tmp_path / "pipe.txt")]))
    assert "named pipe" in str(err)
