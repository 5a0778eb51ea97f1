"""The time scorer on tiny hand-written TimeML / CAT files (no dataset text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import DatasetError
from storyline.eval.time import Counts, evaluate
from storyline.eval.timeml import GoldDoc, GoldTimex, load_cat, load_timeml
from storyline.model import TimeExpr

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo_1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2021-06-09">June 9, 2021</TIMEX3></DCT>
<TEXT>
The mayor <EVENT eid="e1">resigned</EVENT> <TIMEX3 tid="t1" type="DATE" value="2021-06-07">Monday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P6Y">six years</TIMEX3> in office. The council will vote <TIMEX3 tid="t3" type="DATE" value="2021-07">next month</TIMEX3>.
</TEXT>
</TimeML>
"""

CAT = """<?xml version="1.0" ?><Document doc_id="42" doc_name="demo" lang="en">
<token t_id="1" sentence="0" number="0">Mayor</token>
<token t_id="2" sentence="0" number="1">resigns</token>
<token t_id="3" sentence="1" number="2">June</token>
<token t_id="4" sentence="1" number="3">9</token>
<token t_id="5" sentence="1" number="4">,</token>
<token t_id="6" sentence="1" number="5">2021</token>
<token t_id="7" sentence="2" number="6">She</token>
<token t_id="8" sentence="2" number="7">quit</token>
<token t_id="9" sentence="2" number="8">yesterday</token>
<token t_id="10" sentence="2" number="9">.</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2021-06-09" functionInDocument="CREATION_TIME"><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2021-06-08"><token_anchor t_id="9"/></TIMEX3>
<TIMEX3 m_id="3" type="DATE" value="2021-06-01" anchorTimeID="1"/>
</Markables>
</Document>
"""


def test_load_timeml(tmp_path: Path):
    f = tmp_path / "demo.tml"
    f.write_text(TML)
    doc = load_timeml(f)
    assert doc.dct == "2021-06-09" and doc.id == "demo_1"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Monday", "DATE", "2021-06-07"), ("six years", "DURATION", "P6Y"),
        ("next month", "DATE", "2021-07")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


def test_load_cat_detokenizes_and_skips_implicit(tmp_path: Path):
    f = tmp_path / "demo.xml"
    f.write_text(CAT)
    doc = load_cat(f)
    assert doc.text == "Mayor resigns\nJune 9, 2021\nShe quit yesterday."
    assert doc.dct == "2021-06-09"
    assert [(t.text, t.value) for t in doc.timexes] == [("June 9, 2021", "2021-06-09"),
                                                        ("yesterday", "2021-06-08")]


def test_counts_strict_relaxed_value():
    doc = GoldDoc("d", "x" * 50, "2021-06-09", [GoldTimex(0, 10, "x" * 10, "DATE", "2021"),
                                                 GoldTimex(20, 25, "x" * 5, "DURATION", "P1Y")])
    system = [TimeExpr(0, 10, "x" * 10, "DATE", "2021"),  # strict, right value
              TimeExpr(21, 25, "x" * 4, "DATE", "P1Y"),  # relaxed, right value, wrong type
              TimeExpr(30, 35, "x" * 5, "DATE", "2020")]  # spurious
    c = Counts()
    c.add(doc, system)
    s = c.scores()
    assert s["strict_p"] == pytest.approx(100 / 3) and s["strict_r"] == 50
    assert s["relaxed_p"] == pytest.approx(200 / 3) and s["relaxed_r"] == 100
    assert s["value_p"] == pytest.approx(200 / 3) and s["value_r"] == 100
    assert s["type_acc"] == 50


def test_evaluate_on_a_tiny_test_split(tmp_path: Path, nlp):
    gold = tmp_path / "te3_platinum" / "gold"
    gold.mkdir(parents=True)
    (gold / "demo.tml").write_text(TML)
    report = evaluate(tmp_path, split="test")
    row = report.rows[0]
    assert row[0] == "storyline"
    assert row[2] == 100.0  # relaxed F1: all three found
    assert row[3] == 100.0  # value F1
    assert "HeidelTime" in report.to_markdown()


def test_bad_folder_is_one_line_error(tmp_path: Path):
    with pytest.raises(DatasetError) as err:
        evaluate(tmp_path, split="test")
    assert "te3_platinum" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(DatasetError):
        evaluate(tmp_path, split="nope")


def test_timeline_date_matching():
    from storyline.eval.timelines import date_matches

    assert date_matches("2008-07-15", "2008-07-15")
    assert date_matches("2008-07-XX", "2008-07-15")
    assert date_matches("2008-07", "2008-07")
    assert date_matches("2008", "2008-07-15")
    assert not date_matches("2008-07-15", "2008-07")  # coarser than gold
    assert not date_matches("2008-07-15", "XXXX-07-15")
    assert not date_matches("2008", None)


def test_timeline_files_are_read_once_per_event(tmp_path: Path):
    from storyline.eval.timelines import _load_timelines

    a = tmp_path / "a.txt"
    a.write_text("Acme\n1\t2008-07-15\t42-3-sold\t43-1-sale\n0\tXXXX-XX-XX\t42-5-said\n")
    b = tmp_path / "b.txt"
    b.write_text("Acme Corp\n1\t2008-07-15\t42-3-sold\n")
    events = _load_timelines([a, b])
    assert [(e.doc, e.sentence, e.token, e.date) for e in events] == [
        ("42", 3, "sold", "2008-07-15"), ("42", 5, "said", "XXXX-XX-XX"), ("43", 1, "sale", "2008-07-15")]
