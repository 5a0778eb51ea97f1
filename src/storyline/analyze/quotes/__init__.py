"""Direct quotations: the quotation marks of a text, and each quotation with its speaker, cue and
medium.

Modules: :mod:`.marks` (quotation-mark regions of a text), :mod:`.extract` (quotations of one
parsed article; the medium a speech verb names), :mod:`.speakers` (who said it).
"""

from __future__ import annotations

from storyline.analyze.quotes.extract import extract_quotes, speech_medium
from storyline.analyze.quotes.marks import QuoteRegion, find_quote_regions, quote_regions

__all__ = ["QuoteRegion", "extract_quotes", "find_quote_regions", "quote_regions", "speech_medium"]
