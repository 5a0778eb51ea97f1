"""Atomic claims of one article: quantities (measures), titles and roles, and the statements
around them.

Modules: :mod:`.extract` (claims of one parsed article), :mod:`.measures` (quantity claims),
:mod:`.modes` (how an act came about: plea or verdict, resigned or removed), :mod:`.relative`
(years read through another event: "a year after X"), :mod:`.contests` (who beat whom at a
named stage), :mod:`.groups` (one group counted within or beside another), :mod:`.numbers`
(number words and runs), :mod:`.titles` (office titles), :mod:`.context` (what a sentence says
about its claims: hedges, speakers, negation).
"""

from __future__ import annotations

from storyline.analyze.claims.extract import extract_claims
from storyline.analyze.claims.measures import Quantity, extract_measures, interval_of, written_precision
from storyline.analyze.claims.numbers import number_value
from storyline.analyze.claims.titles import normalize_title

__all__ = [
    "Quantity",
    "extract_claims",
    "extract_measures",
    "interval_of",
    "normalize_title",
    "number_value",
    "written_precision",
]
