"""The webpages-meta scorer's comparisons and error kinds (invented names and titles only)."""

from __future__ import annotations

import pytest

from storyline.eval.metadata_web import author_error, date_error, same_authors, title_error


def test_authors_compare_as_folded_sets():
    assert same_authors("Ana Lind; Tom Roe", ["tom roe", "Ana  Lind"])
    assert not same_authors("Ana Lind; Tom Roe", ["Ana Lind"])


@pytest.mark.parametrize("gold, found, kind", [
    ("Ana Lind", ["Ana Lind"], "right"),
    ("Ana Lind", [], "found none"),
    ("Ana Lind; Tom Roe", ["Ana Lind"], "some names missing"),
    ("Ana Lind", ["Ana Lind", "Tom Roe"], "extra names"),
    ("Ana Maria Lind", ["Ana Lind Maria"], "other names"),
    ("Ana Maria Lind", ["Maria Lind"], "name cut short"),
    ("Ana Lind", ["Ana Lind Staff"], "name with extra words"),
])
def test_author_error_kinds(gold, found, kind):
    assert author_error(gold, found) == kind


@pytest.mark.parametrize("gold, found, kind", [
    ("Dam opens", "Dam opens", "right"),
    ("Dam opens", None, "found none"),
    ("Dam opens", "Dam opens | Valley Post", "extra text (site name, section, date)"),
    ("Dam opens after delay", "Dam opens", "cut short"),
    ("Dam opens", "Bridge closes", "other title"),
])
def test_title_error_kinds(gold, found, kind):
    assert title_error(gold, found) == kind


@pytest.mark.parametrize("found, kind", [
    ("2023-08-10", "right"), (None, "found none"), ("2023-08-11", "a day off"),
    ("2023-09-01", "later (an update or a copy?)"), ("2025-01-01", "over a year later"),
    ("2023-07-01", "earlier"), ("2020-01-01", "over a year earlier"),
])
def test_date_error_kinds(found, kind):
    assert date_error("2023-08-10", found) == kind


def test_joined_names_diagnostic_splits_both_sides_but_the_score_does_not():
    from storyline.eval.metadata_web import same_names_joined_apart

    assert not same_authors("Ana Lind and Tom Roe", ["Ana Lind", "Tom Roe"])
    assert same_names_joined_apart("Ana Lind and Tom Roe", ["Ana Lind", "Tom Roe"])
    assert same_names_joined_apart("Ana Lind; Tom Roe", ["Tom Roe, Ana Lind"])
    assert not same_names_joined_apart("Ana Lind and Tom Roe", ["Ana Lind"])
