"""ECB+ loader: documents, gold mentions and gold coreference clusters (CAT/CROMER XML).

The dataset folder is given by the caller (``…/datasets/ecbplus`` or ``…/datasets``); nothing from it
is stored in the repository. Layout and conventions follow the dataset's README:

* ``ECB+/<topic>/<topic>_<n>ecb[plus].xml``: tokens (``t_id``, ``sentence``, ``number``), markables
  (a mention is a markable with ``token_anchor`` children) and relations;
* a mention's gold cluster is the ``note`` (instance id) of the ``CROSS_DOC_COREF`` relation that has
  it as a source, else ``(doc, target m_id)`` of its ``INTRA_DOC_COREF`` chain, else it is a singleton;
* ``ECBplus_coreference_sentences.csv`` lists the sentences that were checked for coreference; as in
  the standard evaluations, only mentions in those sentences are kept (``validated_only``).

Splits (Cybulska & Vossen 2015; Barhom et al. 2019): dev topics 2, 5, 12, 18, 21, 23, 34, 35; test
topics 36–45; train = the other topics of 1–35.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from storyline.errors import DatasetError

DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
TEST_TOPICS = tuple(range(36, 46))
TRAIN_TOPICS = tuple(t for t in range(1, 36) if t not in DEV_TOPICS and t not in (15, 17))
SPLITS = {"dev": DEV_TOPICS, "test": TEST_TOPICS, "train": TRAIN_TOPICS}

EVENT_PREFIXES = ("ACTION", "NEG_ACTION")
ENTITY_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC", "TIME")
PERSON_ORG_TAGS = ("HUMAN_PART_PER", "HUMAN_PART_ORG")


@dataclass(slots=True)
class EcbToken:
    t_id: int
    sentence: int
    number: int
    text: str


@dataclass(slots=True)
class EcbMention:
    doc: str  # document file name, e.g. "36_1ecb.xml"
    m_id: str
    tag: str  # ACTION_OCCURRENCE, HUMAN_PART_PER, ...
    token_ids: list[int]  # t_id values, sorted
    sentence: int
    cluster: str = ""  # gold cluster id

    @property
    def kind(self) -> str:
        """``event``, ``entity`` or ``other``."""
        if self.tag.startswith(EVENT_PREFIXES):
            return "event"
        if self.tag.startswith(ENTITY_PREFIXES):
            return "entity"
        return "other"


@dataclass(slots=True)
class EcbDoc:
    name: str
    topic: int
    subtopic: str  # "ecb" (seminal event A) or "ecbplus" (event B)
    tokens: list[EcbToken] = field(default_factory=list)
    mentions: list[EcbMention] = field(default_factory=list)


_DOC_RE = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")


def find_root(path: Path) -> Path:
    """The ``ecbplus`` folder: ``path`` itself or ``path/ecbplus`` (the shared datasets folder)."""
    for cand in (path, path / "ecbplus"):
        if (cand / "ECB+").is_dir():
            return cand
    raise DatasetError(f"{path}: not an ECB+ folder (expected ECB+/<topic>/*.xml, or ecbplus/ECB+/...)")


def load_validated_sentences(root: Path) -> dict[str, set[int]] | None:
    """doc file name → sentence numbers checked for coreference (None when the csv is absent)."""
    csv_path = root / "ECBplus_coreference_sentences.csv"
    if not csv_path.is_file():
        return None
    out: dict[str, set[int]] = {}
    try:
        with csv_path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                name = f"{row['Topic'].strip()}_{row['File'].strip()}.xml"
                out.setdefault(name, set()).add(int(row["Sentence Number"]))
    except (KeyError, ValueError, csv.Error) as exc:
        raise DatasetError(f"{csv_path}: unreadable sentence list ({exc})") from None
    return out


def parse_doc(path: Path, topic: int) -> EcbDoc:
    """One CAT XML file → tokens, mentions and gold clusters."""
    m = _DOC_RE.match(path.name)
    subtopic = m.group(3) if m else "ecb"
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DatasetError(f"{path}: malformed XML ({exc})") from None
    doc = EcbDoc(name=path.name, topic=topic, subtopic=subtopic)
    sent_of: dict[int, int] = {}
    for tok in root.iter("token"):
        t = EcbToken(int(tok.get("t_id", "0")), int(tok.get("sentence", "0")),
                     int(tok.get("number", "0")), tok.text or "")
        doc.tokens.append(t)
        sent_of[t.t_id] = t.sentence
    doc.tokens.sort(key=lambda t: t.t_id)
    mentions: dict[str, EcbMention] = {}
    markables = root.find("Markables")
    for el in (list(markables) if markables is not None else []):
        anchors = sorted(int(a.get("t_id", "0")) for a in el.findall("token_anchor"))
        if not anchors:
            continue  # an instance descriptor, not a mention
        m_id = el.get("m_id", "")
        mentions[m_id] = EcbMention(doc=path.name, m_id=m_id, tag=el.tag, token_ids=anchors,
                                    sentence=sent_of.get(anchors[0], -1))
    relations = root.find("Relations")
    intra: dict[str, str] = {}
    cross: dict[str, str] = {}
    for rel in (list(relations) if relations is not None else []):
        sources = [s.get("m_id", "") for s in rel.findall("source")]
        if rel.tag == "CROSS_DOC_COREF":
            note = rel.get("note", "")
            for s in sources:
                cross[s] = f"{topic}:{note}"
        elif rel.tag == "INTRA_DOC_COREF":
            target = rel.find("target")
            tid = target.get("m_id", "") if target is not None else rel.get("r_id", "")
            for s in sources:
                intra[s] = f"{path.name}:{tid}"
    for m_id, men in mentions.items():
        men.cluster = cross.get(m_id) or intra.get(m_id) or f"{path.name}:{m_id}:single"
    doc.mentions = sorted(mentions.values(), key=lambda x: (x.token_ids[0], x.m_id))
    return doc


def load_split(path: Path, split: str = "test", *, limit: int | None = None,
               validated_only: bool = True) -> list[EcbDoc]:
    """Documents of one split (``dev``, ``test``, ``train``), sorted by topic and name.

    ``limit`` keeps only the first N topics of the split (for quick runs).
    """
    if split not in SPLITS:
        raise DatasetError(f"{path}: unknown split {split!r} (choose from: {', '.join(SPLITS)})")
    root = find_root(path)
    validated = load_validated_sentences(root) if validated_only else None
    topics = SPLITS[split][:limit] if limit else SPLITS[split]
    docs: list[EcbDoc] = []
    for topic in topics:
        folder = root / "ECB+" / str(topic)
        if not folder.is_dir():
            raise DatasetError(f"{folder}: topic folder missing")
        for f in sorted(folder.glob("*.xml")):
            doc = parse_doc(f, topic)
            if validated is not None:
                keep = validated.get(doc.name, set())
                doc.mentions = [m for m in doc.mentions if m.sentence in keep]
            docs.append(doc)
    if not docs:
        raise DatasetError(f"{root}: no ECB+ documents found for split {split!r}")
    return docs
