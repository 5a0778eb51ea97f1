"""One typed Options for the story level's tuning: passed down, never module globals."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import storyline
from storyline.options import Options, QuoteOptions, TimelineOptions
from storyline.story.quotes import same_utterance

STORY = Path(storyline.__file__).parent / "story"


def test_options_are_frozen_and_nested_by_stage():
    opts = Options()
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.timeline = TimelineOptions()  # type: ignore[misc]
    assert dataclasses.replace(opts, timeline=TimelineOptions(window_days=7)).timeline.window_days == 7
    assert Options().timeline == TimelineOptions()


def test_no_story_module_keeps_a_numeric_threshold_of_its_own():
    found = []
    for path in sorted(STORY.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else \
                node.target if isinstance(node, ast.AnnAssign) else None
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            if isinstance(target, ast.Name) and target.id.isupper() and isinstance(value, ast.Constant) \
                    and isinstance(value.value, (int, float)) and not isinstance(value.value, bool):
                found.append(f"{path.name}: {target.id}")
    assert not found, f"thresholds belong in storyline.options: {found}"


def test_the_options_passed_are_the_ones_used():
    said = "We will not release her, and no federal agency can make us."
    reworded = "We will not free her, and no federal agency can make us."
    assert same_utterance(said, reworded)
    strict = QuoteOptions(fuzzy_ratio=100, partial_ratio=100)
    assert not same_utterance(said, reworded, strict)
