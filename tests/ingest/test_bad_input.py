"""Bad input: one clear ``path: problem`` line each, and the good files of the run still come through."""

from __future__ import annotations

import gzip
import json

import pytest

from storyline.errors import IngestError, MetaError
from storyline.ingest import iter_articles, load_meta
from storyline.model import Article

GOOD = "The county approved a new jail budget on Tuesday after a two-hour debate."


def run(paths, meta_file=None):
    items = list(iter_articles([str(p) for p in paths], meta_file))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(articles) + len(errors) == len(items)
    return articles, errors


def one_error(write, name, content) -> str:
    good = write("good.txt", GOOD)
    bad = write(name, content)
    articles, errors = run([bad, good])
    assert [a.path for a in articles] == [good]  # the rest of the run goes on
    [err] = errors
    assert err.path == bad
    line = str(err)
    assert "\n" not in line and line.startswith(f"{bad}: ")
    return err.problem


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.json", "empty.jsonl", "empty.rss"])
def test_empty_files(write, name):
    assert one_error(write, name, b"").startswith("empty file")


def test_whitespace_only_file_is_empty(write):
    assert one_error(write, "blank.txt", "  \n\n\t \r\n") == "empty file"


def test_binary_file(write):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    assert one_error(write, "photo.txt", png) == "binary file (contains NUL bytes), not text"


def test_gzip_renamed_to_txt_is_binary(write):
    assert "binary file" in one_error(write, "story.txt", gzip.compress(GOOD.encode() * 20))


def test_undecodable_bytes(write):
    problem = one_error(write, "garbled.txt", bytes(range(128, 256)) * 20)
    assert problem.startswith("undecodable bytes: not UTF-8 (invalid byte at offset 0)")


def test_latin1_is_rescued_by_charset_detection(write):
    text = ("The café owner, José Núñez, said the fiesta would go on. “We’re not going anywhere,” "
            "he told reporters — adding that the señora’s recipe was “non-negotiable.”\n"
            "Officials in São Paulo and Zürich declined to comment on the naïve plan.")
    path = write("cp1252.txt", text.encode("cp1252"))
    [a], errors = run([path])
    assert errors == []
    assert a.text == text
    latin = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-")
    [b], _ = run([write("latin1.txt", latin.encode("latin-1"))])
    assert b.text == latin


def test_utf16_with_bom(write):
    [a], errors = run([write("utf16.txt", GOOD.encode("utf-16"))])
    assert errors == [] and a.text == GOOD


def test_malformed_jsonl_line_names_the_line(write):
    lines = [json.dumps({"text": GOOD}), '{"text": "broken line, no closing brace"',
             json.dumps({"title": "no text field"}), json.dumps({"text": GOOD + " Again."}),
             json.dumps({"text": "Another story.", "published": "around lunchtime"}), "[1, 2]"]
    path = write("feed.jsonl", "\n".join(lines))
    articles, errors = run([path])
    assert len(articles) == 2
    assert [str(e) for e in errors] == [
        f"{path}: line 2: malformed JSON (Expecting ',' delimiter, column 41)",
        f"{path}: line 3: no 'text' field (a non-empty string is required)",
        f"{path}: line 5: unparsable published date 'around lunchtime'"
        " (no year; relative dates are not accepted)",
        f"{path}: line 6: expected a JSON object, found list",
    ]


def test_malformed_json_file(write):
    problem = one_error(write, "bad.json", '{"text": "unterminated')
    assert problem.startswith("malformed JSON (Unterminated string")


def test_unknown_extension(write):
    problem = one_error(write, "report.docx", b"PK\x03\x04 not really a docx")
    assert problem.startswith("unknown file type '.docx' (supported: .warc.gz, .warc, .txt")


def test_file_without_extension(write):
    assert one_error(write, "README", GOOD).startswith("unknown file type '(none)'")


def test_missing_path(write, tmp_path):
    good = write("good.txt", GOOD)
    missing = str(tmp_path / "nope" / "missing.txt")
    articles, [err] = run([missing, good])
    assert str(err) == f"{missing}: no such file or folder"
    assert len(articles) == 1


def test_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    _, [err] = run([tmp_path / "empty"])
    assert err.problem == "folder contains no files"


def test_only_boilerplate_left(write):
    assert one_error(write, "credits.txt", "READ MORE: Other story\n\n© 2025 Some Media Inc.") == \
        "no article text left after removing headline, byline and boilerplate"


def test_unreadable_file(write, tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = write("locked.txt", GOOD)
    os.chmod(path, 0)
    _, [err] = run([path])
    assert err.problem.startswith("cannot be read")


# ----------------------------------------------------------------------------- --meta sidecar


def test_bad_meta_date_stops_before_anything_is_read(write):
    meta = write("meta.csv", "file,published,outlet\na.txt,2025-05-05,KRDO\nb.txt,someday soon,CNN\n")
    with pytest.raises(MetaError) as info:
        iter_articles([write("a.txt", GOOD)], meta)  # raised by the call, before iteration
    assert str(info.value) == (f"{meta}: row 3 (b.txt): unparsable published date 'someday soon'"
                                " (no year; relative dates are not accepted)")


@pytest.mark.parametrize("name, content, problem", [
    ("meta.json", '{"a.txt": {"published": "31/31/2025"}}',
     "key 'a.txt' (a.txt): unparsable published date '31/31/2025'"),
    ("meta.json", '{"a.txt": {"publisher": "KRDO"}}',
     "key 'a.txt': unknown field 'publisher' (known: title, outlet, byline, dateline, url, published)"),
    ("meta.json", '{"a.txt": {"title": "x"', "malformed JSON (Expecting ',' delimiter, line 1 column 24)"),
    ("meta.json", '[{"outlet": "KRDO"}]', "item 0: no key field (file, path, name)"),
    ("meta.csv", "title,outlet\nx,y\n", "no key column (one of file, path, name) in the CSV header"),
    ("meta.csv", "file,author\na.txt,x\n",
     "unknown column 'author' (known: title, outlet, byline, dateline, url, published)"),
    ("meta.csv", "file,outlet\na.txt,KRDO,extra\n", "row 2: more values than header columns"),
    ("meta.csv", "file,outlet\na.txt,KRDO\na.txt,CNN\n", "row 3: key 'a.txt' appears twice"),
    ("meta.csv", "", "metadata file is empty"),
    ("meta.yaml", "a.txt: {}", "unknown metadata file type '.yaml' (expected .csv or .json)"),
])
def test_meta_file_problems(write, name, content, problem):
    path = write(name, content)
    with pytest.raises(MetaError) as info:
        load_meta(path)
    assert str(info.value) == f"{path}: {problem}"


def test_missing_meta_file(tmp_path):
    path = str(tmp_path / "meta.csv")
    with pytest.raises(MetaError, match="metadata file not found"):
        load_meta(path)


def test_utf8_with_stray_cp1252_bytes_keeps_both(write):
    text = "The mayor’s plan — approved Tuesday — costs €4 million, officials said. “We’re ready,” she said."
    data = text.encode("utf-8") + b" Caf\xe9 owners cheered \x93loudly\x94."
    [a], errors = run([write("mixed.txt", data)])
    assert errors == []
    assert a.text == text + " Café owners cheered “loudly”."
