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
# Ingest constants not moved yet (format limits and rules outside meta.py / dedupe.py); a new one
# must go into IngestOptions instead of this list.
INGEST_LEFT = {"byline.py: MAX_BYLINE_WORDS", "dates.py: URL_DATE_SLACK_DAYS", "dates.py: MIN_WEEKDAY_CONFLICTS",
               "html.py: MIN_WORDS", "pagemeta.py: EARLIEST_YEAR", "pagemeta.py: MAX_NAME_CHARS",
               "textio.py: SNIFF_BYTES",
               "textio.py: MAX_CONTROL_SHARE", "textio.py: MIN_WORDS", "warc.py: MAX_EXPANSION"}


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
    assert set(found) - INGEST_LEFT == set(), "thresholds belong in storyline.options.IngestOptions"


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
