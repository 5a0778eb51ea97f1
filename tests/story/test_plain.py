"""The plain-language check itself: it must catch what a reader should never see."""

from __future__ import annotations

from storyline.story.plain import jargon_in_comparisons


def test_catches_ids_codes_and_headlines():
    bad = [{"id": "1", "explanation": "Ana Ruiz (ent-3fa2b19c0d) differs."},
           {"id": "2", "explanation": "Said in 41c8f787d6efd069 and elsewhere."},
           {"id": "3", "explanation": "Dated XXXX-WXX-4 by one report."},
           {"id": "4", "explanation": "The sentence_length differs."},
           {"id": "5", "explanation": "Reported by “Mayor Wins Second Term In…” only."}]
    found = jargon_in_comparisons(bad, ["Mayor Wins Second Term In Landslide"])
    assert [p.split(":")[0] for p in found] == ["1", "2", "3", "4", "5"]


def test_plain_sentences_pass():
    ok = [{"id": "1", "explanation": "Reports differ on the number of people rescued: '14 people' "
                                     "(Harbor Gazette) versus 'at least 17 people' (Coast Times)."}]
    assert jargon_in_comparisons(ok, ["Dozens Rescued As Floods Hit Coast"]) == []
