"""Bylines: "By NAME", "By NAME and NAME", "By NAME, OUTLET", "By NAME | Title, Outlet", "By the
Associated Press", "By NAME | May 5, 2025".

A byline is accepted only when every comma- or pipe-separated part of it reads as a person's name, a
job title, an outlet or a date; a sentence that happens to start with "By" ("By the time police
arrived, ...") has parts that are none of these and is left alone. Hand-written patterns: bylines
are a layout convention of copied news text that no maintained library parses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.ingest.dates import DATE_RE, MARKER_RE, parse_date
from storyline.ingest.outlets import is_known_or_call_sign, is_known_outlet, looks_like_outlet
from storyline.lexicon.en.press import BYLINE_ROLE_WORDS, NAME_CONNECTORS
from storyline.options import IngestOptions

_UP = "A-ZÀ-ÖØ-Þ"  # upper-case letters, Latin-1 accented ones included
_BYLINE_RE = re.compile(r"(?:By|BY|Written by|Story by|Words by|Reporting by)[ \t]+(?P<rest>\S.*)")
_NAME_WORD = rf"(?:[{_UP}][\w'’.-]*|[{_UP}]\.)"
_NAME_PARTICLE = r"(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|al|el|ibn|dos|das)"
_NAME_RE = re.compile(
    rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|{_NAME_PARTICLE}))*?[ \t]+{_NAME_WORD}"
    r"(?:,?[ \t]+(?:Jr\.|Sr\.|II|III|IV))?")


@dataclass(slots=True)
class Byline:
    """What a byline line says: the names, and an outlet, job title or date when it gives them."""

    names: list[str]
    outlet: str | None = None
    title: str | None = None
    date: str | None = None


def parse_byline(line: str, max_words: int = IngestOptions().max_byline_words) -> Byline | None:
    """Read a byline line, or None when any part of it reads as prose rather than names/titles/outlets
    (or it has more than ``max_words`` words)."""
    m = _BYLINE_RE.fullmatch(line.strip())
    if not m or len(line.split()) > max_words:
        return None
    segments = [s.strip() for s in re.split(r"\s+[|•·]\s+|\s+[—–]\s+", m["rest"]) if s.strip()]
    result = Byline(names=[])
    first = segments[0].rstrip(".") if not re.search(r"\b[A-Z]\.$|Jr\.$|Sr\.$", segments[0]) else segments[0]
    parts = [p.strip() for p in first.split(",") if p.strip()]
    # "By JANE DOE Associated Press": an outlet glued to the names without a comma.
    if parts:
        head, tail = _split_trailing_outlet(parts[0])
        if tail:
            parts[0:1] = [head, tail] if head else [tail]
    for k, part in enumerate(parts):
        kind = _classify_byline_part(part, first=(k == 0))
        if kind == "names":
            names = split_names(part)
            if names is None:
                return None
            result.names.extend(names)
        elif kind == "outlet":
            result.outlet = result.outlet or re.sub(r"^(?i:the)\s+(?=[A-Z]{2,}\b|Associated)", "", part)
            result.outlet = re.sub(r"\s+(?i:staff(?:\s+reports?)?)$", "", result.outlet)
        elif kind == "role":
            result.title = result.title or part
        elif kind == "suffix":
            if not result.names:
                return None
            result.names[-1] += ", " + part
        else:
            return None
    for seg in segments[1:]:
        seg = seg.strip(" .")
        iso = parse_date(seg) if DATE_RE.search(seg) else None
        if iso:
            result.date = iso
            continue
        rest = MARKER_RE.match(seg)
        if rest and parse_date(rest["date"]):
            if "updated" not in rest["kind"].lower():
                result.date = parse_date(rest["date"])
            continue
        for part in (p.strip() for p in seg.split(",") if p.strip()):
            kind = _classify_byline_part(part, first=False)
            if kind == "outlet":
                result.outlet = result.outlet or part
            elif kind == "role":
                result.title = result.title or part
            else:
                return None
    if not result.names and not result.outlet:
        return None
    return result


def _classify_byline_part(part: str, *, first: bool) -> str | None:
    words = [w.strip(".,") for w in part.split()]
    lower = [w.lower() for w in words]
    if re.fullmatch(r"Jr\.?|Sr\.?|II|III|IV", part):
        return "suffix"
    staff = re.search(r"\s+(?i:staff(?:\s+reports?)?)$", part) is not None  # "Valley Courier Staff"
    # In the names position a title-case pair is a person ("By Emily Post") unless the outlet is
    # known, an all-caps call sign, "The ..." or signed "... Staff".
    if looks_like_outlet(part) and (not first or staff or is_known_or_call_sign(part)
                                  or re.match(r"(?i:the)\s", part)):
        return "outlet"
    if lower and lower[-1] in BYLINE_ROLE_WORDS or (lower and lower[0] in BYLINE_ROLE_WORDS):
        if all(w[:1].isupper() or w.lower() in NAME_CONNECTORS or w.lower() in BYLINE_ROLE_WORDS for w in words):
            return "role"
    if split_names(part) is not None:
        return "names"
    return None


def _split_trailing_outlet(part: str) -> tuple[str, str | None]:
    """``"JANE DOE Associated Press"`` → (``"JANE DOE"``, ``"Associated Press"``) for known outlets."""
    words = part.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if is_known_outlet(tail) and split_names(" ".join(words[:k])) is not None:
            return " ".join(words[:k]), tail
    return part, None


def split_names(part: str) -> list[str] | None:
    """``"Jane Doe and John Roe"`` → both names; None unless every piece reads as a person's name."""
    pieces = [p.strip() for p in re.split(r"\s*(?:,|\band\b|&)\s*", part) if p.strip()]
    if not pieces:
        return None
    for p in pieces:
        if not _NAME_RE.fullmatch(p) or len(p.split()) > 5:
            return None
        if any(w.lower().strip(".") in BYLINE_ROLE_WORDS for w in p.split()) or p.split()[0] in ("The", "THE"):
            return None
    return pieces


# Header lines that sign an article without "By":
# "Gulf Coast Herald Staff Report", "Example Weekly Web Desk" (an outlet's staff byline),
_STAFF_SUFFIX = (r"(?:Staff[ \t]+Reports?|Staff[ \t]+Writers?|Staff|News[ \t]+Desk|Web[ \t]+Desk"
                 r"|Web[ \t]+Team"
                 r"|Digital[ \t]+Desk|Online[ \t]+Desk|Desk|Bureau|Newsroom|News[ \t]+Service|Reports?)")
_STAFF_RE = re.compile(
    r"(?P<outlet>[A-Z0-9][\w&'’.-]*(?:[ \t]+(?:[A-Z0-9][\w&'’.-]*|of|the|and|&)){0,4}?)[ \t]+"
    rf"(?P<suffix>{_STAFF_SUFFIX})\.?")
# "Jane Doe - Author", "Jane Doe | Contributing Writer" (a name signed with a role),
_SIGNED_RE = re.compile(
    r"(?P<names>[^|–—-]+?)[ \t]*[|–—-][ \t]*(?P<role>(?:Senior[ \t]+|Staff[ \t]+|Contributing[ \t]+)?"
    r"(?:Author|Contributor|Writer|Reporter|Correspondent|Editor|Columnist))s?\.?")
# "Author: Jane Doe", "Written by: Jane Doe and Ken Roe",
_LABELLED_RE = re.compile(r"(?:Authors?|Byline|Written[ \t]+by|Reporter|Reporting)[ \t]*:[ \t]*(?P<names>.+)")
# "KXYZ's Ana Ruiz" / "Example News’ Tom Reed reports" (an outlet's reporter).
_POSSESSIVE_RE = re.compile(
    r"(?P<outlet>[A-Z0-9][\w&.-]*(?:[ \t]+[A-Z0-9][\w&.-]*){0,3})(?:['’]s|s['’])[ \t]+(?P<names>.+?)"
    r"(?:[ \t]+reports?(?:[ \t]+from[ \t]+.*)?)?\.?")


def parse_signature(line: str) -> Byline | None:
    """A header line that signs the article without "By" (see the patterns above), or None.

    The same rule as for bylines holds: the names must read as names and the outlet as an outlet,
    so a headline such as "Jobs Report" or "Mayor's Plan Stalls" is left alone.
    """
    line = line.strip()
    if not line or len(line.split()) > 12:
        return None
    if re.fullmatch(r"(?:By[ \t]+)?(?:the[ \t]+)?" + _STAFF_SUFFIX + r"\.?", line, re.I):
        return Byline(names=[], title=line)  # "By Digital Desk", "Staff Report": signed, nobody named
    line = re.sub(r"^(?:By|BY)[ \t]+", "", line)
    m = _STAFF_RE.fullmatch(line)
    if m and (looks_like_outlet(m["outlet"]) or " " in m["suffix"]
              or m["suffix"] in ("Desk", "Bureau", "Newsroom")):
        return Byline(names=[], outlet=m["outlet"])
    m = _SIGNED_RE.fullmatch(line)
    if m:
        names = split_names(m["names"].strip())
        if names:
            return Byline(names=names, title=m["role"])
    m = _LABELLED_RE.fullmatch(line)
    if m:
        names = split_names(m["names"].strip().rstrip("."))
        if names:
            return Byline(names=names)
    m = _POSSESSIVE_RE.fullmatch(line)
    if m and looks_like_outlet(m["outlet"]):
        names = split_names(m["names"].strip())
        if names:
            return Byline(names=names, outlet=m["outlet"])
    return None
