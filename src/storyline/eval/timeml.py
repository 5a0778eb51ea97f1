"""Loaders for time-annotated corpora: TimeML (TempEval-3) and CAT XML (MEANTIME).

Both are turned into :class:`GoldDoc` records: plain text, the document creation time (DCT) and the
gold TIMEX3 annotations as character spans into that text, so a scorer can run our own extractor on
``text`` and compare spans and values. Nothing here is specific to storyline's model.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import DatasetError


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(slots=True)
class GoldDoc:
    """One annotated document: text, DCT (ISO date) and gold time expressions.

    ``scored`` lists the character ranges the annotation covers (MEANTIME annotates only the title
    and first sentences); system output outside them is ignored. Empty means the whole text.
    """

    id: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)
    scored: list[tuple[int, int]] = field(default_factory=list)
    # CAT only: tokens per sentence index, as (start, end, text) character spans into ``text``
    tokens: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)


def _dct_date(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


# ----------------------------------------------------------------------------- TimeML (TempEval-3)


def load_timeml(path: Path) -> GoldDoc:
    """Parse one TimeML ``.tml`` file: the TEXT element's character data with inline TIMEX3 tags."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise DatasetError(f"{path}: not a readable TimeML file ({exc})") from None
    dct_el = root.find("DCT/TIMEX3")
    dct = _dct_date(dct_el.get("value") if dct_el is not None else None)
    text_el = root.find("TEXT")
    if text_el is None:
        raise DatasetError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3" and el is not text_el:
            covered = "".join(parts)[start:pos]
            timexes.append(GoldTimex(start, pos, covered, el.get("type", ""), el.get("value", "")))

    walk(text_el)
    text = "".join(parts)
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    return GoldDoc(doc_id, text, dct, timexes)


# ----------------------------------------------------------------------------- CAT XML (MEANTIME)

_NO_SPACE_BEFORE = {",", ".", ":", ";", "?", "!", "%", ")", "]", "'s", "'", "n't", "'re", "'ve",
                    "'ll", "'d", "'m", "''"}
_NO_SPACE_AFTER = {"(", "[", "$", "``", "#"}


def load_cat(path: Path, *, max_sentence: int | None = 5) -> GoldDoc:
    """Parse one MEANTIME CAT file; tokens are detokenized into readable text (one line a sentence).

    Only sentences ``<= max_sentence`` are kept (the intra-document annotation covers the title and
    the first five sentences); the DCT is the TIMEX3 with ``functionInDocument="CREATION_TIME"``.
    """
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise DatasetError(f"{path}: not a readable CAT XML file ({exc})") from None
    offsets: dict[str, tuple[int, int]] = {}
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    parts: list[str] = []
    pos = 0
    prev_sentence: str | None = None
    prev_tok = ""
    for tok in root.iter("token"):
        sent = tok.get("sentence", "0")
        if max_sentence is not None and int(sent) > max_sentence:
            continue
        word = tok.text or ""
        if prev_sentence is None:
            sep = ""
        elif sent != prev_sentence:
            sep = "\n"
        elif word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep + word)
        pos += len(sep)
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        by_sentence.setdefault(int(sent), []).append((pos, pos + len(word), word))
        pos += len(word)
        prev_sentence, prev_tok = sent, word
    text = "".join(parts)
    dct = None
    timexes: list[GoldTimex] = []
    markables = root.find("Markables")
    for tx in (markables.iter("TIMEX3") if markables is not None else []):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = _dct_date(tx.get("value"))
        ids = [a.get("t_id", "") for a in tx.findall("token_anchor")]
        spans = [offsets[i] for i in ids if i in offsets]
        if not spans or len(spans) != len(ids):
            continue  # implicit timex, or outside the kept sentences
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        timexes.append(GoldTimex(start, end, text[start:end], tx.get("type", ""), tx.get("value", "")))
    timexes.sort(key=lambda t: (t.start, t.end))
    doc_id = root.get("doc_id") or path.stem
    return GoldDoc(doc_id, text, dct, timexes, tokens=by_sentence)


def find_dataset(path: Path, name: str, marker: str) -> Path:
    """``path`` itself when it holds ``marker``, else ``path/name`` (the shared datasets folder)."""
    for cand in (path, path / name):
        if (cand / marker).exists():
            return cand
    raise DatasetError(f"{path}: no {name} dataset here (expected {name}/{marker})")


def load_te3_platinum(path: Path) -> list[GoldDoc]:
    root = find_dataset(path, "te3_platinum", "gold")
    files = sorted((root / "gold").glob("*.tml"))
    if not files:
        raise DatasetError(f"{root / 'gold'}: no .tml files")
    return [load_timeml(f) for f in files]


def load_meantime(path: Path) -> list[GoldDoc]:
    root = find_dataset(path, "meantime_en", "intra-doc_annotation")
    files = sorted((root / "intra-doc_annotation").glob("*/*.xml"))
    if not files:
        raise DatasetError(f"{root / 'intra-doc_annotation'}: no CAT .xml files")
    return [load_cat(f) for f in files]
