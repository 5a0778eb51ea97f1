"""Name normalization and name-compatibility tests shared by within-article grouping
(:mod:`storyline.analyze.entities.extract`) and cross-article resolution (:mod:`storyline.story.resolve`).

Everything here works on plain strings / token lists so that it can be unit-tested without a parse
and reused by the ECB+ evaluation. The word lists (honorifics, office words, qualifiers, name
suffixes, country and state names) are in :mod:`storyline.lexicon.en.names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.analyze.entities.given_names import given_name_gender
from storyline.lexicon.en.names import (
    GPE_ALIASES,
    HONORIFICS,
    INSTITUTION_WORDS,
    INVERTIBLE_HEADS,
    MINOR_WORDS,
    NAME_SUFFIXES,
    NICKNAMES,
    OFFICE_WORDS,
    TITLE_EXPANSIONS,
)
from storyline.options import EntityOptions
from storyline.unionfind import UnionFind

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_TOKEN_RE = re.compile(r"[A-Za-z0-9][\w.&'\-]*")


def normalize_text(text: str) -> str:
    """Fold curly apostrophes and collapse whitespace."""
    return " ".join(text.translate(_APOS).split())


def strip_possessive(text: str) -> str:
    """``"Trump's"`` → ``"Trump"``, ``"Peters'"`` → ``"Peters"`` (curly or straight apostrophes)."""
    t = text.translate(_APOS).rstrip()
    if t.endswith("'s") or t.endswith("'S"):
        return text[: len(t) - 2]
    if t.endswith("'"):
        return text[: len(t) - 1]
    return text


def name_tokens(name: str) -> list[str]:
    """Lower-cased word tokens of a name, possessive and surrounding punctuation removed."""
    toks = [m.group(0).lower().rstrip("'") for m in _TOKEN_RE.finditer(normalize_text(name))]
    out = []
    for t in toks:
        if t.endswith("'s"):
            t = t[:-2]
        t = t.rstrip(",")
        if t:
            out.append(t)
    return out


def bare_word(word: str) -> str:
    """A word as the title and name lists write it: lower case, no dots, a straight apostrophe
    ("Sen." → "sen", "Jr." → "jr"). Shared by name comparison here and title reading in roles.py."""
    return word.lower().replace(".", "").replace("\u2019", "'")


def person_core(tokens: list[str]) -> list[str]:
    """Person name tokens without leading honorifics/office words (kept: suffixes like Jr.)."""
    i = 0
    while i < len(tokens) - 1 and (bare_word(tokens[i]) in HONORIFICS or bare_word(tokens[i]) in OFFICE_WORDS):
        i += 1
    return tokens[i:]


def surname(tokens: list[str]) -> str | None:
    """The last name token (skipping suffixes such as Jr./III), or None for an empty name."""
    core = [t for t in tokens if bare_word(t) not in NAME_SUFFIXES]
    return core[-1] if core else (tokens[-1] if tokens else None)


def _given_compatible(a: str, b: str) -> bool:
    a, b = bare_word(a), bare_word(b)
    if a == b:
        return True
    # an initial ("J.") is compatible with a full given name starting with that letter
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def given_variants(a: str, b: str, options: EntityOptions | None = None) -> bool:
    """Two spellings or forms of one given name: a short form ("Joe"/"Joseph", "Katrin"/"Katrina"),
    or one letter added, dropped or changed ("Jon"/"John", "Eric"/"Erik"; the first letter must
    agree, and never a man's and a woman's name: :func:`given_name_gender` with ``options``)."""
    a, b = bare_word(a).lower(), bare_word(b).lower()
    if _given_compatible(a, b):
        return True
    if len(a) < 3 or len(b) < 3:
        return False
    if NICKNAMES.get(a, a) == NICKNAMES.get(b, b):
        return True
    if a[0] != b[0]:
        return False
    ga, gb = given_name_gender(a.title(), options), given_name_gender(b.title(), options)
    if ga and gb and ga != gb:
        return False  # "Mark"/"Mary", "Eric"/"Erin": a man's and a woman's name
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return True
    return edit_distance(a, b) <= 1


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions), for short words."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def person_compatible(a: list[str], b: list[str], *, allow_first_name: bool = False) -> bool:
    """Can two person names (core tokens) denote the same person?

    A one-token name matches the surname of the other (and, within one article, its first name when
    ``allow_first_name``). Two full names must share the surname, have compatible first names
    (equal or initial) and agree on a generational suffix (Jr. ≠ no suffix).
    """
    if not a or not b:
        return False
    if len(a) > len(b):
        a, b = b, a
    sa, sb = surname(a), surname(b)
    suf_a = {bare_word(t) for t in a} & NAME_SUFFIXES
    suf_b = {bare_word(t) for t in b} & NAME_SUFFIXES
    if len(a) == 1:
        if a[0] == sb:
            return True
        if not allow_first_name or len(b) < 2:
            return False
        # the given name alone, a compound one in either spelling ("Anne-Sophie" / "Anne Sophie")
        given = a[0].split("-")
        return b[0] == a[0] or (len(given) > 1 and len(b) > len(given) and b[:len(given)] == given)
    if sa != sb or suf_a != suf_b:
        return False
    core_a = [t for t in a if bare_word(t) not in NAME_SUFFIXES]
    core_b = [t for t in b if bare_word(t) not in NAME_SUFFIXES]
    if len(core_a) == 1 or len(core_b) == 1:
        return True
    if not _given_compatible(core_a[0], core_b[0]):
        return False
    # middle names/initials: every middle token of the shorter must fit somewhere in the longer
    mid_b = core_b[1:-1]
    return all(any(_given_compatible(m, n) for n in mid_b) for m in core_a[1:-1])


def org_tokens(name: str) -> list[str]:
    """ORG name tokens without a leading article."""
    toks = name_tokens(name)
    while toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return toks


def org_variants(name: str) -> set[str]:
    """Keys under which an organization name can be found: its normalized form, the inverted
    "Department of X" / "X Department" form, and acronyms (with and without function words)."""
    toks = org_tokens(name)
    if not toks:
        return set()
    forms = [toks]
    if len(toks) >= 2 and toks[-1] in INVERTIBLE_HEADS:  # "justice department" → "department of justice"
        forms.append([toks[-1], "of", *toks[:-1]])
    if len(toks) >= 3 and toks[0] in INVERTIBLE_HEADS and toks[1] == "of":
        forms.append([*toks[2:], toks[0]])
    keys = {" ".join(f) for f in forms}
    for f in forms:
        if len(f) >= 2:
            keys.add("acr:" + "".join(bare_word(t)[0] for t in f if bare_word(t)))
            content = [t for t in f if t not in MINOR_WORDS]
            if len(content) >= 2:
                keys.add("acr:" + "".join(bare_word(t)[0] for t in content if bare_word(t)))
    return keys


def org_acronym_key(name: str) -> str | None:
    """``"acr:doj"`` when the name itself looks like an acronym (DOJ, F.B.I., ICE), else None."""
    raw = normalize_text(name)
    raw = re.sub(r"^(?:the|The)\s+", "", raw)
    letters = raw.replace(".", "")
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return "acr:" + letters.lower()
    return None


def org_keys(name: str) -> set[str]:
    """All keys of an organization name (full-form variants, or its acronym when it is one)."""
    acr = org_acronym_key(name)
    if acr:
        return {acr}
    return org_variants(name)


def orgs_compatible(a: str, b: str) -> bool:
    """Two organization names denote the same body: equal up to articles, inversion of
    "X Department", or one is the acronym of the other."""
    ka, kb = org_keys(a), org_keys(b)
    if not ka or not kb:
        return False
    a_is_acr = any(k.startswith("acr:") for k in ka) and len(ka) == 1
    b_is_acr = any(k.startswith("acr:") for k in kb) and len(kb) == 1
    if a_is_acr and b_is_acr:
        return ka == kb
    if a_is_acr or b_is_acr:
        return bool(ka & kb)
    full_a = {k for k in ka if not k.startswith("acr:")}
    full_b = {k for k in kb if not k.startswith("acr:")}
    return bool(full_a & full_b)


def gpe_key(name: str) -> str:
    toks = " ".join(org_tokens(name))
    return GPE_ALIASES.get(toks, GPE_ALIASES.get(toks.replace(".", ""), toks))


def norp_key(name: str) -> str:
    """Nationalities/parties: "Democrats", "Democrat" → "democrat" (plural folded)."""
    toks = name_tokens(name)
    key = " ".join(toks)
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        key = key[:-1]
    return key


def expand_title_words(words: Iterable[str]) -> set[str]:
    """Lower-cased title words plus the role nouns their abbreviations stand for."""
    out = set()
    for w in words:
        b = w.lower().replace(".", "")
        out.add(b)
        out |= TITLE_EXPANSIONS.get(b, set())
    return out


def fullest_name(names: Iterable[str]) -> str:
    """The fullest proper name of several forms: most tokens, then most frequent, then sorted."""
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    if not counts:
        return ""
    return sorted(counts, key=lambda n: (-len(name_tokens(n)), -counts[n], -len(n), n))[0]


def _org_suffixes(toks: list[str]) -> list[str]:
    """Proper tails of an organization name that could be used alone ("Department of Justice" in
    "U.S. Department of Justice"): two or more tokens, not starting with a function word."""
    out = []
    for k in range(1, len(toks) - 1):
        tail = toks[k:]
        if tail[0] not in MINOR_WORDS and len(tail) >= 2:
            out.append(" ".join(tail))
    return out


def link_orgs(names: list[str]) -> list[tuple[int, int]]:
    """Pairs of indices of organization names that denote the same body.

    Blocking by key (no all-pairs comparison): equal normalized form or inverted "Department of X";
    an acronym ("DOJ") joins the one body whose initials it is; a name that is the tail of a longer
    one ("Department of Justice" / "U.S. Department of Justice") joins it when exactly one longer
    body has that tail (with both "Colorado Supreme Court" and "U.S. Supreme Court" around,
    "Supreme Court" stays apart); a one-word name joins the one longer body that starts with it
    ("Brennick" / "Brennick Foods").
    """
    uf = UnionFind(range(len(names)))
    find, union = uf.find, uf.union

    full: dict[str, list[int]] = {}
    acr_of_full: dict[str, list[int]] = {}
    acronyms: dict[str, list[int]] = {}
    tails: dict[str, list[int]] = {}
    for x, n in enumerate(names):
        acr = org_acronym_key(n)
        if acr:
            acronyms.setdefault(acr, []).append(x)
            continue
        for k in org_variants(n):
            (acr_of_full if k.startswith("acr:") else full).setdefault(k, []).append(x)
        toks = org_tokens(n)
        for tail in _org_suffixes(toks):
            tails.setdefault(tail, []).append(x)
        if len(toks) >= 2 and toks[-1] in INVERTIBLE_HEADS:
            for tail in _org_suffixes([toks[-1], "of", *toks[:-1]]):
                tails.setdefault(tail, []).append(x)
    for group in list(full.values()) + list(acronyms.values()):
        for x in group[1:]:
            union(group[0], x)
    for acr, group in acronyms.items():
        bodies = {find(x) for x in acr_of_full.get(acr, [])}
        if len(bodies) == 1:
            union(group[0], bodies.pop())
    for key, group in full.items():
        longer = {find(x) for x in tails.get(key, [])} - {find(group[0])}
        if len(longer) == 1:
            union(group[0], longer.pop())
    # a company called by the first word of its name ("Brennick" for "Brennick Foods"): the one
    # body of two or more words that starts with it; not a public body or a building named after
    # its place ("Castemar Police Department", "X Bridge": the first word is the place)
    firsts: dict[str, set[int]] = {}
    for x, n in enumerate(names):
        toks = org_tokens(n)
        if len(toks) >= 2 and toks[0] not in MINOR_WORDS and not org_acronym_key(n) and \
                not any(t in INSTITUTION_WORDS for t in toks[1:]):
            firsts.setdefault(toks[0], set()).add(x)
    for x, n in enumerate(names):
        toks = org_tokens(n)
        if len(toks) != 1 or org_acronym_key(n) or toks[0] not in firsts:
            continue
        bodies = {find(y) for y in firsts[toks[0]]} - {find(x)}
        if len(bodies) == 1:
            union(x, bodies.pop())
    return [(find(x), x) for x in range(len(names)) if find(x) != x]
