"""Time expressions: found, normalized against the publication date, and their calendar values.

Modules: :mod:`.expressions` (find and resolve the expressions of one article, infer a
publication range), :mod:`.rules` (the pattern rules that propose candidates), :mod:`.calendar`
(TIMEX3-style values: bounds, granularity, ISO days).
"""

from __future__ import annotations

from storyline.analyze.time.calendar import REF_VALUES, granularity, iso, mask_values, parse_iso, value_bounds
from storyline.analyze.time.expressions import (
    analyze_time,
    candidate_at,
    furniture_timexes,
    governing_verb,
    post_signature,
    post_times,
    reresolve,
    resolve_at,
    speech_times,
    verb_tense,
)
from storyline.analyze.time.rules import fmt_num, parse_num

__all__ = [
    "REF_VALUES",
    "analyze_time",
    "candidate_at",
    "fmt_num",
    "furniture_timexes",
    "governing_verb",
    "granularity",
    "iso",
    "mask_values",
    "parse_iso",
    "parse_num",
    "post_signature",
    "post_times",
    "reresolve",
    "resolve_at",
    "speech_times",
    "value_bounds",
    "verb_tense",
]
