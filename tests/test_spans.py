from storyline.spans import trim_span


def test_trim_span():
    text = "  The ferry sailed.\n"
    assert trim_span(text, 0, len(text)) == (2, 19)
    assert text[slice(*trim_span(text, 0, len(text)))] == "The ferry sailed."
    assert trim_span("   ", 0, 3) == (3, 3)
    assert trim_span("a b", 1, 2) == (2, 2)
