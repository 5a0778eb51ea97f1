"""The public API of each analyze subpackage, pinned (as httpx's tests/test_exported_members.py
does): what a package exports is a decision, so adding or removing a name changes this test."""

from __future__ import annotations

import importlib
import types

import pytest

PUBLIC = {
    "storyline.analyze.time": [
        "REF_VALUES", "analyze_time", "candidate_at", "fmt_num", "furniture_timexes",
        "governing_verb", "granularity", "iso", "mask_values", "parse_iso", "parse_num", "post_signature", "post_times",
        "reresolve",
        "resolve_at",
        "speech_times", "value_bounds", "verb_tense",
    ],
    "storyline.analyze.quotes": [
        "QuoteRegion", "extract_quotes", "find_quote_regions", "quote_regions", "speech_medium",
    ],
    "storyline.analyze.entities": [
        "expand_title_words", "extract_entities", "fullest_name", "given_name_gender", "given_variants",
        "gpe_key", "is_given_name", "is_given_name_form", "link_orgs", "name_tokens", "norp_key", "person_compatible",
        "person_core", "storm_name", "surname",
    ],
    "storyline.analyze.claims": [
        "Quantity", "extract_claims", "extract_measures", "interval_of", "normalize_title", "number_value",
        "written_precision",
    ],
}


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_exported_members(name: str) -> None:
    package = importlib.import_module(name)
    exported = set(package.__all__)
    seen = {m for m in dir(package) if not m.startswith("_")
            and not isinstance(getattr(package, m), types.ModuleType) and m != "annotations"}
    assert exported == set(PUBLIC[name])
    assert seen == exported, "every public name of the package is in __all__, and only those"
