"""Near-duplicate / syndicated copies: marked against the earliest copy, via an LSH index."""

from __future__ import annotations

import random

import pytest

from storyline.ingest import dedupe
from storyline.ingest.dedupe import mark_duplicates
from storyline.ingest.textio import content_id
from storyline.model import Article, PubDate
from storyline.options import IngestOptions

WIRE = (
    "A federal judge on Thursday blocked the state from enforcing a law that would have required "
    "voters to show proof of citizenship when registering for presidential elections. The ruling "
    "came after a two-day hearing in which lawyers for civil rights groups argued that the measure "
    "would keep tens of thousands of eligible voters off the rolls. Judge Maria Ortega wrote that "
    "the state had not shown that noncitizen voting was more than a rare occurrence, and that the "
    "burden on eligible voters outweighed the interest the state asserted. The attorney general said "
    "her office would appeal the decision to the circuit court as soon as possible. Supporters of the "
    "law said it was needed to restore confidence in elections, while county officials said they had "
    "already spent more than two million dollars preparing to enforce it before the court stepped in. "
    "The law was passed last spring on a party-line vote and signed by the governor in June."
)

OTHER_TAKE = (
    "County election officials said Friday they were relieved by a court order that halted the new "
    "citizenship rule, which they had warned would be impossible to carry out before the primary. "
    "Clerks in three rural counties said they had hired temporary staff and bought scanners. The "
    "attorney general said her office would appeal the decision to the circuit court as soon as "
    "possible. Voting rights groups urged residents who had been told to bring documents to register "
    "anyway, and a hotline will open next week for anyone who was turned away in recent months."
)


def art(text: str, date: str | None = None) -> Article:
    pub = PubDate(date=date, earliest=date, latest=date, basis="metadata") if date else PubDate()
    return Article(id=content_id(text), text=text, published=pub)


def syndicated(text: str) -> str:
    """A copy as a partner outlet prints it: its own tag, a word changed, a credit line added."""
    return ("PHOENIX (KNXV) — " + text.replace("two-day hearing", "two day hearing")
            .replace("as soon as possible", "quickly") + "\n\nThe Associated Press contributed to this report.")


def test_syndicated_copy_points_to_the_earliest():
    later = art(syndicated(WIRE), "2025-06-13")
    original = art(WIRE, "2025-06-12")
    other = art(OTHER_TAKE, "2025-06-13")
    articles = [later, other, original]
    mark_duplicates(articles)
    assert later.duplicate_of == original.id
    assert original.duplicate_of is None
    assert other.duplicate_of is None  # same story, different report


def test_exact_copy_modulo_case_and_spacing():
    a = art(WIRE, "2025-06-12")
    b = art(WIRE.upper().replace(". ", ".\n\n"), "2025-06-14")
    mark_duplicates([b, a])
    assert b.duplicate_of == a.id and a.duplicate_of is None


def test_without_dates_the_smallest_id_is_the_original():
    a, b = art(WIRE), art(syndicated(WIRE))
    mark_duplicates([a, b])
    original, copy = sorted([a, b], key=lambda x: x.id)
    assert copy.duplicate_of == original.id and original.duplicate_of is None


def test_a_dated_copy_comes_before_undated_ones():
    undated, dated = art(WIRE), art(syndicated(WIRE), "2025-06-20")
    mark_duplicates([undated, dated])
    assert undated.duplicate_of == dated.id


def test_chains_are_closed_to_the_earliest():
    first = art(WIRE, "2025-06-01")
    second = art(syndicated(WIRE), "2025-06-02")
    third = art(syndicated(WIRE).replace("Judge Maria Ortega", "U.S. District Judge Maria Ortega"), "2025-06-03")
    mark_duplicates([third, second, first])
    assert second.duplicate_of == first.id and third.duplicate_of == first.id


def test_thresholds_control_what_counts():
    half = WIRE[: len(WIRE) // 2].replace("enforcing", "applying").replace("lawyers", "attorneys")
    a, b = art(WIRE, "2025-06-01"), art(half, "2025-06-02")
    shared = dedupe.containment(dedupe.shingles(a.text), dedupe.shingles(b.text))
    assert 0.6 < shared < 0.95
    mark_duplicates([a, b], IngestOptions(copy_jaccard=0.9, containment=0.95))
    assert b.duplicate_of is None
    mark_duplicates([a, b], IngestOptions(copy_jaccard=0.9))  # a copy cut short: contained in the original
    assert b.duplicate_of == a.id
    mark_duplicates([a, b], IngestOptions(copy_jaccard=0.3, containment=1.0))  # Jaccard alone, lowered
    assert b.duplicate_of == a.id
    with pytest.raises(ValueError):
        mark_duplicates([a, b], IngestOptions(copy_jaccard=0))
    with pytest.raises(ValueError):
        mark_duplicates([a, b], IngestOptions(containment=0))


def test_same_id_objects_are_not_self_references():
    a, b = art(WIRE), art(WIRE)
    mark_duplicates([a, b])
    assert a.duplicate_of is None and b.duplicate_of is None


def test_does_not_compare_all_pairs(monkeypatch):
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)]
    articles = [art(" ".join(rng.choice(vocab) for _ in range(150))) for _ in range(80)]
    articles.append(art(articles[5].text + " extra words at the end"))
    calls = []
    real = dedupe.jaccard
    monkeypatch.setattr(dedupe, "jaccard", lambda a, b: calls.append(1) or real(a, b))
    mark_duplicates(articles)
    assert len(calls) < 20  # all pairs would be 81 * 80 / 2 = 3240
    assert articles[-1].duplicate_of == articles[5].id or articles[5].duplicate_of == articles[-1].id
    assert sum(a.duplicate_of is not None for a in articles) == 1


def test_copy_cut_short_is_linked_by_containment():
    original = art(WIRE, "2025-06-12")
    cut = art(" ".join(WIRE.split()[:70]) + ".", "2025-06-14")  # the first half only
    other = art(OTHER_TAKE, "2025-06-13")
    mark_duplicates([cut, other, original])
    assert dedupe.jaccard(dedupe.shingles(cut.text), dedupe.shingles(original.text)) < 0.8
    assert cut.duplicate_of == original.id and other.duplicate_of is None


def test_copy_with_a_new_first_paragraph_and_two_republications():
    intro = ("Editor's note: this report is republished from a partner newsroom under a content-sharing "
             "agreement with our readers in the valley, who asked us to follow the case closely.\n\n")
    original = art(WIRE, "2025-06-12")
    a = art(intro + WIRE.rsplit(".", 3)[0] + ".", "2025-06-13")
    b = art("(KXTV) — " + WIRE.split(". ", 2)[2], "2025-06-15")
    assert dedupe.jaccard(dedupe.shingles(a.text), dedupe.shingles(b.text)) < 0.8
    mark_duplicates([b, a, original])
    assert a.duplicate_of == original.id and b.duplicate_of == original.id


def test_reports_sharing_a_quote_are_not_copies():
    quote = (" “We will appeal this decision to the circuit court as soon as possible,” the attorney "
             "general said in a statement on Thursday evening.")
    one = art("Clerks in four counties stopped asking for documents on Friday." + quote)
    two = art("Voting groups opened a hotline for residents turned away in recent months." + quote)
    mark_duplicates([one, two])
    assert one.duplicate_of is None and two.duplicate_of is None


def test_the_incremental_deduper_keeps_no_text_and_reads_back_only_candidates():
    """What a run holds while it deduplicates a corpus: ids, hashes and signatures, never the
    texts; an earlier article's text is asked for only when the index proposes it."""
    original, copy, other = art(WIRE, "2025-06-12"), art(syndicated(WIRE), "2025-06-13"), art(OTHER_TAKE)
    texts = {a.id: a.text for a in (original, copy, other)}
    asked: list[str] = []

    def read_back(ids):
        asked.extend(ids)
        return {i: texts[i] for i in ids}

    found = dedupe.Deduper(read_back)
    for a in (copy, other, original):
        found.add(a.id, a.text, dedupe.order_key(a))
    assert found.originals() == {copy.id: original.id}
    assert asked == [copy.id]  # the original's candidate; the unrelated report proposed nothing
    held = [v for v in vars(found).values() if isinstance(v, (list, dict))]
    assert not any(isinstance(x, str) and len(x) > 64 for v in held for x in (v if isinstance(v, list) else v.values()))


def test_the_incremental_deduper_finds_the_same_groups_in_any_order():
    first = art(WIRE, "2025-06-01")
    second = art(syndicated(WIRE), "2025-06-02")
    third = art(" ".join(WIRE.split()[:70]) + ".", "2025-06-03")
    other = art(OTHER_TAKE, "2025-06-02")
    texts = {a.id: a.text for a in (first, second, third, other)}
    results = []
    for order in ([first, second, third, other], [other, third, second, first], [second, other, first, third]):
        found = dedupe.Deduper(lambda ids: {i: texts[i] for i in ids})
        for a in order:
            found.add(a.id, a.text, dedupe.order_key(a))
        results.append(found.originals())
    assert results[0] == results[1] == results[2] == {second.id: first.id, third.id: first.id}
