"""The measure names a reader sees in comparisons read as English, in every domain: sentences
written for these tests with invented names, through the real parse and the claim extractor."""

from __future__ import annotations

import pytest
from claims_snippets import build_analysis


@pytest.mark.parametrize(("sentence", "label"), [
    # sports
    ("Nearly 4,000 fans attended the opening game at Kessler Park.", "number of fans who attended"),
    ("The Harriers have won 11 victories this season.", "number of victories won"),
    # business
    ("Orvane Motors cut 1,200 jobs after the merger.", "number of jobs cut"),
    ("The board appoints three new directors every spring.", "number of directors appointed"),
    ("Eighteen companies took part in the auction in Dellport.", "number of companies that took part"),
    ("The company paid out $4 million to the families.", "amount paid out"),
    ("Sales at Orvane Motors rise 12% as demand recovers.", "change in the sales (rose)"),
    # disasters
    ("At least 23 houses were destroyed by the landslide near Varnby.", "number of houses destroyed"),
    ("Road crews re-opened 40 bridges after the flood.", "number of bridges re-opened"),  # split at its hyphen
    ("Nine climbers were missing after the avalanche on Mount Ferrel.", "number of climbers missing"),
    ("Rescue teams searched for 11 miners trapped underground.", "number of miners searched for"),
    ("The wildfire near Varnby was 40% contained by Friday.", "share of the wildfire contained"),
    # elections
    ("Voters elected 14 councillors on Tuesday.", "number of councillors elected"),
    ("The polls were closed at 8 pm in Tallow County.", "time of day it was closed"),
    # health
    ("The outbreak has sickened 48 people in Pellham.", "number of people sickened"),
    ("Twelve patients were treated for smoke inhalation at Merrow General.", "number of patients treated"),
    # science
    ("The telescope discovered 12 moons around the planet.", "number of moons discovered"),
    ("The 31 mice used in the study were bred in the lab.", "number of mice bred"),
    ("The probe touched down at 3:12 pm on Friday.", "time of day it touched down"),
    # courts
    ("Prosecutors asked for 12 years in prison for Dena Holt.", "term asked for by the prosecutor"),
    ("Corvel was sentenced to eight years in prison on Monday.", "length of the sentence"),
])
def test_measure_names_read_as_english(nlp, sentence, label):
    analysis = build_analysis(nlp, sentence, article_id="m1", published="2026-05-04")
    assert [c.measure for c in analysis.claims if c.attribute.startswith("measure:")] == [label]
