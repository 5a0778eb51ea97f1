"""Every comparison of the stories-dev dossiers reads as plain language with outlet names, and every
conflict says how sure it is. Runs on the development set when it is next to the repository
(``../shared/datasets/stories-dev``, or ``STORYLINE_STORIES_DEV``); skipped elsewhere (the suite
needs no dataset)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.eval.stories import build_story_dossier, story_folders
from storyline.story.plain import jargon_in_comparisons

DEV = Path(os.environ.get("STORYLINE_STORIES_DEV") or
           Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "stories-dev")


@pytest.mark.skipif(not DEV.is_dir(), reason="stories-dev is not next to the repository")
def test_stories_dev_comparisons_read_as_plain_language():
    for story in story_folders(DEV):
        d = build_story_dossier(story, with_meta=True)
        headlines = [a["title"] for a in d["articles"] if a.get("title")]
        assert jargon_in_comparisons(d["comparisons"], headlines) == [], story.name
        outlets = {a["outlet"] for a in d["articles"] if a.get("outlet")}
        for c in d["comparisons"]:
            if c["status"] == "conflict":
                assert c.get("confidence") in ("real", "possible"), (story.name, c["id"])
            if c["sides"] and c["status"] != "single_source" and len(outlets) > 1:
                assert any(o in c["explanation"] for o in outlets), (story.name, c["explanation"])
