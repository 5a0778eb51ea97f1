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
from storyline.lexicon.en.names import MINOR_WORDS
from storyline.lexicon.en.press import BYLINE_ROLE_NOUNS, BYLINE_ROLE_WORDS
from storyline.lexicon.en.time import MONTH_PREFIXES, WEEKDAYS
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
        if all(w[:1].isupper() or w.lower() in MINOR_WORDS or w.lower() in BYLINE_ROLE_WORDS for w in words):
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


# ----------------------------------------------------------------------------- names in page markup
#
# An author value from a page's markup (a JSON-LD ``author`` name, a ``<meta name="author">``, the
# text of a byline element) is cleaned to the names it credits. The conventions handled, all of
# them general: a "By"/"Written by"/"Von"/"Por"/"Par" prefix or an "Author:" label; several names
# joined by "and", "&", ";" or commas; a job title, outlet or date after a bar, a dash, a slash or
# a comma ("Ines Vahl | Metro Writer", "Ines Vahl, Reuters", "Ines Vahl - May 2, 2024"); e-mail
# addresses, links and social handles glued to the name; the library form "Vahl, Ines"; credentials
# and generational suffixes. What is not a person is dropped: a desk or CMS account ("Web Desk",
# "admin"), an organization ("Example Media Group"), a lone word (a user name, a surname without its
# given name), anything with digits.

MAX_NAME_CHARS = 80  # a person's name as printed; longer values are page text, not a name
MAX_NAME_WORDS = 5

_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|submitted|story|words|reporting|report|photos?|text|article|compiled)"
    r"\s+)?(?:by|von|por|par)\b\s*:?\s*"
    r"|^(?:authors?|byline|writers?|reporters?|reporting|words|text|autor(?:in)?|auteur|autore)\s*:\s*", re.I)
_MONTHS = "|".join(MONTH_PREFIXES)
# Page text run on after the name: an e-mail address, a link, a handle, a date stamp.
_NOISE = re.compile(
    r"\S+@\S+\.\w+|https?://\S+|www\.\S+|(?<!\w)@\w+|"
    r"(?i:\b(?:updated|published|posted|last\s+(?:modified|updated)|on)\b\s*:?\s*(?=[\w,]*\s*\d).*$)|"
    r"(?i:\b(?:updated|published|posted|last\s+modified)\b.*$)|"
    rf"(?i:\b(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}\b.*$)|"
    rf"\b\d{{1,2}}\s+(?i:{_MONTHS})[a-z]*\.?\s+\d{{4}}\b.*$|"
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b.*$|\b\d{4}-\d{2}-\d{2}\b.*$|\b\d{1,2}:\d{2}\b.*$")
# Where a name ends: a bar, slash, bullet or spaced dash (a title, outlet or date follows), a
# parenthesis, or a phrase that starts describing the person ("is a", "writes", "for Example News").
_PIECE_CUT = re.compile(r"\s+(?:[|/•·]|[-–—]|\b(?:is|was)\s+an?\b|\bwrites\b|\bcontributed\b|\breports?\s+for\b"
                        r"|\bfor\s+(?=[A-Z]))\s*|\s*[(\[]")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|co|uk|de|io|info|news|gov|edu)\b", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:;|\band\b|&|\bund\b|\+)\s*", re.I)
_INITIAL = re.compile(rf"[{_UP}]\.(?:-?[{_UP}]\.)*")


def _key(word: str) -> str:
    return word.lower().strip(".,:;")


def clean_author(value: str, *, min_words: int = 2) -> str | None:
    """One author as printed, cleaned to the name: "By Ines Vahl" → "Ines Vahl", "Ines Vahl - Staff
    Writer", "Ines Vahl (@ivahl)", "Ines Vahl | May 2, 2024", "Ines Vahl Senior Reporter",
    "ines@example.org Ines Vahl", "Ines Vahl, PhD" → "Ines Vahl"; a desk, a role or an organization
    without a person's name ("Metro Writer", "Newsroom", "Example Media Group") → None. A single
    word passes only with ``min_words=1`` (where the markup says it is a person's name: a user name,
    a pen name, a name in a script without spaces)."""
    from storyline.lexicon.en.bylines import CREDENTIALS, NAME_PARTICLES, NAME_SUFFIXES, NOT_A_PERSON_WORDS

    value = " ".join(str(value).split())
    value = _strip_prefix(value)
    value = _NOISE.sub(" ", value)
    value = _PIECE_CUT.split(value, maxsplit=1)[0]
    value = re.sub(r"\s*,\s*(?=(?:Jr|Sr|II|III|IV)\b)", " ", value)  # "Ines Vahl, Jr."
    credential = re.search(r",?\s+([A-Z][A-Za-z.]{1,5})$", value.strip())
    if credential and _key(credential[1]) in CREDENTIALS:  # "Ines Vahl, PhD": kept as printed, after the checks
        value, credential_text = value.strip()[:credential.start()], credential[0]
    else:
        credential_text = ""
    words = [w for w in value.strip(" .,:;-–—'\"“”‘’").split() if w.strip(".,")]
    words = [w.rstrip(";:") for w in words]
    # a job title after the name ("Ines Vahl Metro Writer") or before it ("Senior Reporter Ines Vahl")
    words = _drop_role(words)
    words = _drop_role(words[::-1])[::-1]
    if words and words[-1].lower().strip(".") in BYLINE_ROLE_NOUNS:
        return None  # a job title without a name ("Transit Reporter")
    # the name ends before the first lower-case word that is no name particle ("Ines Vahl writes about")
    if any(w[:1].isupper() for w in words):
        for k, w in enumerate(words):
            if w[:1].islower() and _key(w) not in NAME_PARTICLES and k >= 1:
                words = words[:k]
                break
    if words and len(words) <= 3 and all(w.replace("-", "").isalpha() for w in words):
        # a name typed in lower case into a CMS ("ines vahl", "Ines vahl")
        words = [w[:1].upper() + w[1:] if _key(w) not in NAME_PARTICLES or k == 0 else w
                 for k, w in enumerate(words)]
    piece = " ".join(words).strip(" .,:;-–—")
    words = piece.split()
    if not piece or len(words) < min_words or len(words) > MAX_NAME_WORDS or len(piece) > MAX_NAME_CHARS \
            or max(len(w) for w in words) > 30 or re.search(r"\d|@|https?:|www\.", piece) or _DOMAIN.search(piece):
        return None
    keys = [_key(w) for w in words]
    if set(keys) & NOT_A_PERSON_WORDS or not _is_org_free(words) or is_known_outlet(piece) \
            or keys[0] == "the" or keys[0] in WEEKDAYS or (len(words) == 1 and (piece.isupper() or len(piece) < 3)):
        return None  # (a lone all-caps word is a CMS account or an acronym: "WEB", "ADMIN", "PTI")
    for w, key in zip(words, keys, strict=True):
        if not (w[:1].isupper() or (w[:1].isalpha() and not w[:1].islower()) or key in NAME_PARTICLES
                or key in NAME_SUFFIXES or _INITIAL.fullmatch(w)
                or w[:2] in ("d'", "d’", "O'", "O’") or re.match(r"(?:al|el|ben|bin|ibn)-", w)):
            return None
    return piece + credential_text


def _strip_prefix(value: str) -> str:
    """``value`` without a "By"/"Von"/"Por" prefix or an "Author:" label, when a name is left
    ("Von Brandt" is a name, "Von Ines Vahl" a German byline)."""
    m = _PREFIX.match(value)
    if m and len(value[m.end():].split()) >= (1 if m[0].lower().startswith(("by", "written")) or ":" in m[0]
                                                else 2):
        return value[m.end():]
    return value


def _is_org_free(words: list[str]) -> bool:
    from storyline.lexicon.en.names import ORG_HEADS

    return _key(words[-1]) not in ORG_HEADS


def _drop_role(words: list[str]) -> list[str]:
    """``words`` without the job title at their end, when it holds a role noun ("Metro Writer",
    "Senior Reporter") and two name words stay (a surname such as "Guest" or "Lead" stays)."""
    k = len(words)
    while k and _key(words[k - 1]) in BYLINE_ROLE_WORDS:
        k -= 1
    tail = {_key(w) for w in words[k:]}
    return words[:k] if tail & BYLINE_ROLE_NOUNS and k >= 2 else words


def split_author_names(value: str | None, *, min_words: int = 2) -> list[str]:
    """Author names from a meta value or a byline element: "By Ines Vahl and Li Wei" → both names,
    "Vahl, Ines" → "Ines Vahl", "Ines Vahl, Reuters" → "Ines Vahl"; URLs, e-mail addresses, handles,
    dates, job titles, outlets and desk names are dropped (see above). ``min_words`` as for
    :func:`clean_author` (a name after a comma always needs two words: "Ines Vahl, Reuters")."""
    if not value:
        return []
    import html

    from storyline.lexicon.en.bylines import CREDENTIALS, NAME_SUFFIXES

    value = " ".join(html.unescape(str(value)).split())
    value = _strip_prefix(value)
    value = re.sub(r"\s+[|/•·]\s+.*$", "", value)  # "Ines Vahl | Metro Writer", "Ines Vahl / Reuters"
    value = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", value)  # "(@ivahl)", "(Reuters)"
    value = re.sub(r"\s+,", ",", value)
    inverted = _library_form(value)
    if inverted:
        return [inverted]
    out: list[str] = []
    for chunk in _NAME_SPLIT.split(value):
        pieces = [p.strip() for p in chunk.split(",")]
        for j, piece in enumerate(p for p in pieces if p):
            if j and out and _key(piece) in CREDENTIALS | NAME_SUFFIXES:  # "Ines Vahl, PhD", "Ines Vahl, Jr."
                out[-1] += (", " if _key(piece) in CREDENTIALS else " ") + piece.strip(" .") \
                    + ("." if piece.endswith(".") and _key(piece) in NAME_SUFFIXES else "")
                continue
            # after a name, a comma piece may be the outlet or a title, not another author
            if j and (looks_like_outlet(piece) or any(_key(w) in BYLINE_ROLE_WORDS for w in piece.split())):
                continue
            name = clean_author(piece, min_words=2 if j else min_words)
            if name:
                out.append(name)
    return dedupe_names(out)


def _library_form(value: str) -> str | None:
    """"Vahl, Ines" / "Vahl, Ines Q." → the name in reading order (the catalogue form Highwire's
    ``citation_author`` and library records use); None for anything else."""
    from storyline.lexicon.en.bylines import CREDENTIALS, NAME_SUFFIXES

    m = re.fullmatch(rf"([{_UP}][\w'’-]+),\s*((?:[{_UP}][\w'’-]*\.?)(?:\s+[{_UP}][\w'’-]*\.?){{0,2}})", value)
    if not m or _NAME_SPLIT.search(value):
        return None
    given = m[2].split()
    if any(_key(w) in CREDENTIALS | NAME_SUFFIXES or _key(w) in BYLINE_ROLE_WORDS for w in given) \
            or is_known_or_call_sign(m[2]) or looks_like_outlet(m[2]):
        return None
    return clean_author(f"{m[2]} {m[1]}")


def dedupe_names(names: list[str]) -> list[str]:
    """Names in their first order, each once (case, spacing and punctuation aside); a name that is
    part of a longer one in the list ("Ines Vahl" beside "Ines K. Vahl") gives way to it."""
    def squash(s: str) -> str:
        return re.sub(r"\W+", "", s.casefold())

    seen: set[str] = set()
    uniq = []
    for n in names:
        if squash(n) not in seen:
            seen.add(squash(n))
            uniq.append(n)
    words = [set(n.casefold().split()) for n in uniq]
    return [n for i, n in enumerate(uniq)
            if not any(i != j and words[i] < words[j] for j in range(len(uniq)))]
