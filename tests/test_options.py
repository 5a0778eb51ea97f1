"""One typed Options for the story level's and ingest's tuning: passed down, never module globals."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import storyline
from storyline.ingest.meta import extract_text_meta
from storyline.options import IngestOptions, Options, QuoteOptions, TimelineOptions
from storyline.story.quotes import same_utterance

STORY = Path(storyline.__file__).parent / "story"
INGEST = Path(storyline.__file__).parent / "ingest"
# Limits of what a file or a page can be, not thresholds of a rule anyone tunes: how many bytes are
# sniffed for NUL bytes, the share of control characters that makes a file binary, how far a
# compressed WARC record may expand, the earliest year a page's metadata date can be, the longest
# author name (characters, words) a page can declare and the longest text of a byline element. A
# threshold of a reading rule goes into IngestOptions instead.
INGEST_LIMITS = {"textio.py: SNIFF_BYTES", "textio.py: MAX_CONTROL_SHARE", "warc.py: MAX_EXPANSION",
                 "pagemeta.py: EARLIEST_YEAR", "byline.py: MAX_NAME_CHARS", "byline.py: MAX_NAME_WORDS",
                 "pagemeta.py: MAX_BYLINE_CHARS"}
ENTITIES = Path(storyline.__file__).parent / "analyze" / "entities"


def test_options_are_frozen_and_nested_by_stage():
    opts = Options()
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.timeline = TimelineOptions()  # type: ignore[misc]
    assert dataclasses.replace(opts, timeline=TimelineOptions(window_days=7)).timeline.window_days == 7
    assert Options().timeline == TimelineOptions()


def _numeric_globals(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else \
                node.target if isinstance(node, ast.AnnAssign) else None
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            if isinstance(target, ast.Name) and target.id.lstrip("_").isupper() and isinstance(value, ast.Constant) \
                    and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
                found.append(f"{path.name}: {target.id.lstrip('_')}")
    return found


def test_no_story_module_keeps_a_numeric_threshold_of_its_own():
    found = _numeric_globals(STORY)
    assert not found, f"thresholds belong in storyline.options: {found}"


def test_no_ingest_module_keeps_a_new_numeric_threshold():
    found = _numeric_globals(INGEST)
    assert not any(name.startswith(("meta.py", "dedupe.py")) for name in found), found
    assert set(found) - INGEST_LIMITS == set(), "thresholds belong in storyline.options.IngestOptions"


def test_no_entity_module_keeps_a_numeric_threshold_of_its_own():
    found = _numeric_globals(ENTITIES)
    assert not found, f"thresholds belong in storyline.options.EntityOptions: {found}"


def test_the_options_passed_are_the_ones_used():
    said = "We will not release her, and no federal agency can make us."
    reworded = "We will not free her, and no federal agency can make us."
    assert same_utterance(said, reworded)
    strict = QuoteOptions(fuzzy_ratio=100, partial_ratio=100)
    assert not same_utterance(said, reworded, strict)


def test_the_ingest_options_passed_are_the_ones_used():
    text = ("Harbor Ferry Service Resumes After Three Weeks of Repairs\n\n"
            "The ferry between the two islands carried its first passengers on Monday, the operator said.\n\n"
            "Crews replaced the engine and the ramp, and the crossing now takes forty minutes.")
    assert extract_text_meta(text).title == "Harbor Ferry Service Resumes After Three Weeks of Repairs"
    assert extract_text_meta(text, options=IngestOptions(headline_words=6)).title is None
    assert Options().ingest == IngestOptions()


def test_the_format_thresholds_passed_are_the_ones_used():
    from storyline.errors import IngestError
    from storyline.ingest.build import build_article
    from storyline.ingest.byline import parse_byline
    from storyline.ingest.dates import later_than_url, weekday_year_conflict

    assert parse_byline("By Ana Ruiz and Tom Okafor") is not None
    assert parse_byline("By Ana Ruiz and Tom Okafor", max_words=4) is None
    url = "https://news.example.org/2024/03/04/river-levels-fall/"
    assert later_than_url("2024-03-06", url) == ("2024-03-04", "2024-03-04")
    assert later_than_url("2024-03-06", url, slack_days=2) is None
    # 2023-08-08 was a Tuesday and 2023-08-10 a Thursday; in 2024 neither fits
    days = "Crews arrived on Tuesday, Aug. 8, and left on Thursday, Aug. 10, the county said."
    assert weekday_year_conflict("2024-08-20", days) == (2024, 2023)
    assert weekday_year_conflict("2024-08-20", days, min_conflicts=3) is None
    with pytest.raises(IngestError, match="at least 5"):
        build_article("The bridge reopened today.", path="brief.txt", source_format="text",
                      options=IngestOptions(min_article_words=5))
    assert build_article("The bridge reopened today.", path="brief.txt", source_format="text").text


def test_the_given_name_shares_passed_are_the_ones_used():
    from storyline.analyze.entities import given_name_gender
    from storyline.options import EntityOptions

    assert given_name_gender("Maria") == "f"
    assert given_name_gender("Maria", EntityOptions(female_share=1.01)) is None
    assert given_name_gender("Thomas", EntityOptions(male_share=-0.01)) is None
