"""Entity mentions of one article, grouped into local entities, with the roles the outlet states.

``extract_entities(doc, article)`` works on the spaCy parse:

1. **Name mentions** come from spaCy NER (PERSON, ORG, GPE, NORP, FAC), cleaned: a leading article,
   honorifics and office words inside the NER span ("Clerk Tina Peters"), and a trailing possessive
   ("Trump's", "Peters'") are cut off so the mention is the bare name. A proper noun right after an
   honorific that NER missed ("Ms. Peters") becomes a PERSON mention too.
   **Casing evidence** (:mod:`entities_casing`): in a Title Case headline line or an emphatic
   quotation (one that capitalizes common words: "ignores Violent Crimes"), a PERSON/ORG made only
   of common words that the reporter never capitalizes is dropped; an all-caps stretch keeps only
   the part the article writes as a name ("FREE JANE DOE" → "JANE DOE"); a lone generic noun
   ("this Court", "the Department") is a description, not a name; an ORG span that starts at a
   possessor takes in its compound words ("the Colorado Attorney General's Office").
2. **Roles** come from the dependency parse, not from string patterns alone: compound/amod modifiers
   in front of a name ("Colorado Attorney General Phil Weiser", "then-Attorney General Bill Barr"),
   appositions in both directions ("Ed Martin, a Trump loyalist", "the U.S. pardon attorney, Ed
   Martin"), copular relative clauses ("who is the top Justice Department official"), and predicates
   ("X is the mayor", "X serves as director of ..."). "former"/"ex-"/"then-"/"now" become qualifiers.
   A party or nationality ("X, a Democrat"; "both Republicans") is an affiliation, not a title: it
   is not emitted as a role (the NORP mention stays an entity), see :mod:`entities_roles`.
3. **Grouping** inside the article: equal names; a shorter person name with the longer one it fits
   ("Peters" → "Tina Peters", "Donald J. Trump" ↔ "Donald Trump"); organization variants (acronyms,
   "Justice Department" ↔ "Department of Justice", a dropped non-place prefix); one country alias.
4. **Label voting**: a group's type is the majority of its NER labels, where a title or honorific in
   front of a mention ("Gov.", "Judge", "Ms.") or a stated role counts as strong PERSON evidence;
   every mention then carries the voted label.
5. **Descriptions**: a definite noun phrase headed by a role noun ("the former clerk", "the judge")
   joins the one person of the article whose stated role has that head (and whose modifiers fit).

Pure: no I/O. Every span satisfies ``article.text[start:end] == text``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from storyline.analyze.entities.casing import Casing
from storyline.analyze.entities.context import context_type, is_given_name_form, name_type, storm_name, storm_start
from storyline.analyze.entities.given_names import given_name_gender, is_given_name
from storyline.analyze.entities.names import (
    bare_word,
    expand_title_words,
    fullest_name,
    gpe_key,
    link_orgs,
    name_tokens,
    norp_key,
    person_compatible,
    person_core,
)
from storyline.analyze.entities.roles import (
    AFFILIATION,
    Candidate,
    doc_text,
    is_possessive,
    is_title_word,
    left_modifiers,
    predicate_roles,
    roles_before,
    split_qualifier,
    title_head,
)
from storyline.analyze.quotes.marks import quote_regions
from storyline.lexicon.en.names import (
    FACILITY_WORDS,
    GENERIC_NOUNS,
    HONORIFICS,
    NAME_SUFFIXES,
    OFFICE_WORDS,
    ORG_HEAD_NOUNS,
    ORG_NAME_WORDS,
    PLACE_WORDS,
    POLITICAL_BODY_WORDS,
    QUALIFIERS,
    ROLE_NOUNS,
    TITLE_PREFIX_WORDS,
)
from storyline.lexicon.en.pronouns import PRONOUNS
from storyline.model import Article, LocalEntity, Mention, Role, Span
from storyline.options import EntityOptions
from storyline.unionfind import UnionFind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
_SCORE_END = re.compile(r"\s\d{1,3}-\d{1,3}$")
# Tie-break order when voting a group's type.
_LABEL_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "FAC": 4}


# ----------------------------------------------------------------------------- name candidates


def _clean_span(doc: Doc, i: int, j: int, label: str) -> tuple[int, int, bool, int] | None:
    """Trim an NER span to the bare name. Returns (i, j, person_evidence, title_start) or None.

    ``title_start`` is the first trimmed title token inside the NER span (== i when none).
    """
    while i < j and (doc[i].dep_ == "det" or doc[i].is_punct or doc[i].lower_ in ("the", "a", "an") or
                     (j - i > 1 and doc[i].tag_ == "RB" and _starts_line(doc, i))):
        i += 1  # "Meanwhile Varnholt Rovers": a sentence adverb the NER took into the name
    title_start = i
    evidence = False
    # Leading honorifics/office words and lower-case descriptors are titles, not the name.
    while j - i > 1:
        tok = doc[i]
        b = bare_word(tok.text)
        if b in HONORIFICS and label in ("PERSON", "ORG", "NORP"):
            evidence = True  # an honorific in front says person; places keep their words
        elif label == "PERSON" and (b in OFFICE_WORDS or tok.is_lower or tok.pos_ not in ("PROPN",)):
            evidence = evidence or b in OFFICE_WORDS
        elif label == "PERSON" and b in TITLE_PREFIX_WORDS and j - i >= 3 and not is_given_name(tok.text):
            evidence = True  # "Striker Mateus Alvim", "Designer Ann Lee": an occupation as a title
        elif label != "PERSON" and b in OFFICE_WORDS and tok.text[:1].isupper() and \
                doc[i + 1].pos_ == "PROPN" and doc[j - 1].pos_ == "PROPN" and \
                all(t.pos_ == "PROPN" or is_title_word(t) for t in doc[i:j]) and \
                not any(t.lower_ in ("of", "for", "department", "office", "court") for t in doc[i:j]):
            evidence = True  # "Gov. Polis" tagged ORG: the title says PERSON
        else:
            break
        i += 1
    if j - i >= 4 and _SCORE_END.search(doc[i:j].text):
        j -= 3  # "Harlow Town 3-2": a score the NER took into the name
    while j > i and (is_possessive(doc[j - 1]) or doc[j - 1].is_punct):
        j -= 1
    if j <= i:
        return None
    return i, j, evidence, title_start


def _starts_line(doc: Doc, i: int) -> bool:
    return doc[i].is_sent_start or i == 0 or "\n" in doc[i - 1].text_with_ws


def _valid_name(doc: Doc, i: int, j: int) -> bool:
    text = doc[i:j].text
    if all(is_title_word(t) or t.is_punct or bare_word(t.text) in TITLE_PREFIX_WORDS for t in doc[i:j]):
        return False  # "Magistrate", "Attorney General", "Lt. Cmdr.": a title cut off from its name
    if not any(c.isalpha() for c in text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    if j - i == 1 and doc[i].lower_ in PRONOUNS:
        return False
    return not all(t.is_stop for t in doc[i:j])


def _span_text(doc: Doc, i: int, j: int) -> tuple[int, int, str]:
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    text = doc_text(doc)[start:end]
    # A possessive glued to the last token ("Trump’s" as one token in odd tokenizations).
    for suf in ("'s", "\u2019s", "'", "\u2019"):
        if text.endswith(suf) and len(text) > len(suf) + 1:
            end -= len(suf)
            text = text[: -len(suf)]
            break
    return start, end, text


def _casing_filter(doc: Doc, casing: Casing, i: int, j: int, label: str) -> tuple[int, int] | None:
    """Apply the casing evidence (see :mod:`entities_casing`) to a cleaned NER span: the span to
    keep (an all-caps span may shrink to its named part), or None to drop it."""
    if casing.shouted(i, j):
        part = casing.named_part(i, j)
        if part is not None:
            return part
        return (i, j) if label in ("GPE", "NORP") else None  # "DENVER —" datelines stay places
    if j - i == 1 and label in ("PERSON", "ORG") and doc[i].lower_ in GENERIC_NOUNS:
        return None  # "this Court", "the Department": a description, not a name
    level = casing.unreliable(i, j) if label in ("PERSON", "ORG") else 0
    if level and casing.all_common(i, j, strong=level >= 2):
        # a body named in full keeps its name even in a quoted rant: "the Supreme Court",
        # "the Federal Reserve" (a definite article or an institution head noun)
        if not (j - i >= 2 and (doc[j - 1].lower_ in ORG_HEAD_NOUNS or
                                (i > 0 and doc[i - 1].lower_ == "the" and
                                 i <= doc[i - 1].head.i < j))):
            return None
    return i, j


def _namelike(tok: Token) -> bool:
    """A word that can be part of a person's name: capitalized, letters (hyphens, apostrophes,
    an initial "C.")."""
    t = tok.text
    if not t[:1].isupper():
        return False
    core = t.replace("-", "").replace("'", "").replace("\u2019", "")
    return core.isalpha() or (len(t) == 2 and t[1] == "." and t[0].isalpha())


def _title_like(tok: Token) -> bool:
    b = bare_word(tok.text)
    if b in HONORIFICS or b in OFFICE_WORDS or b in ROLE_NOUNS or b in TITLE_PREFIX_WORDS:
        return True
    t = tok.text
    return (t.isupper() and t.isalpha() and 2 <= len(t) <= 4) or t.endswith(".") or tok.is_lower \
        or tok.is_punct


def _person_in_span(doc: Doc, i: int, j: int, label: str) -> tuple[int, int] | None:
    """The part of an NER span that is a person's name, when the span holds one the label hides.

    A given name (see :mod:`given_names`) followed by one to three name words ends the span, with
    no word of an organization or place name in it ("Bridge", "Ocean", "Global"). Then the span is
    that person: the whole span when the NER typed it otherwise and its last word is not itself
    a given name ("Greg Lomax" ORG; not "Hollis Grant", a firm named after two men); only its end
    when everything before is a title ("Lt. Cmdr.", "CTO", "Goalkeeper") or the end of one
    ("[Secretary of] Commerce Ann Lee"); the side of a slash in a photo credit ("AP Photo / Ann
    Lee")."""
    for k in range(i, j):
        if doc[k].text == "/":
            left = _person_in_span(doc, i, k, "credit") if k > i else None
            if left is not None and left[1] == k:
                return left
            right = _person_in_span(doc, k + 1, j, "credit") if k + 1 < j else None
            return right if right is not None and right[1] == j else None
    for k in range(i, j - 1):
        # a hyphen joining two given names ("Jean-Luc") is a token of its own: not a word of the name
        joined = [t for t in doc[k:j] if t.text == "-" and not t.whitespace_ and t.i > k and
                  not doc[t.i - 1].whitespace_]
        if not is_given_name(doc[k].text) or not 2 <= j - k - len(joined) <= 4:
            continue
        tail = [t for t in doc[k:j] if t not in joined]
        if not all(_namelike(t) for t in tail) or any(bare_word(t.text) in ORG_NAME_WORDS for t in tail):
            return None
        if k == i:
            if label == "PERSON":
                return None
            prev = bare_word(doc[i - 1].text) if i > 0 else ""
            titled = prev in ROLE_NOUNS or prev in TITLE_PREFIX_WORDS or prev in OFFICE_WORDS
            if label != "credit" and not titled and is_given_name(doc[j - 1].text):
                return None  # two given names ("Hollis Grant") may be a firm's name
            return i, j
        if all(_title_like(t) for t in doc[i:k]):
            return k, j
        if label != "PERSON" and k - i == 1 and i > 0 and doc[i - 1].lower_ in ("of", "for"):
            return k, j
        return None
    return None


def _not_a_person(doc: Doc, i: int, j: int) -> str | None:
    """The type of a span the NER typed PERSON that names no person: an organization, facility or
    place name by its last word ("Harbor Patrol", "Elm Street Bridge"), or a one-word name written
    like a company's ("NovaTek", "Orbiter7")."""
    last = bare_word(doc[j - 1].text)
    if is_given_name(doc[i].text) and j - i >= 2 and last not in ORG_NAME_WORDS:
        return None
    if last in FACILITY_WORDS:
        return "FAC"
    if last in PLACE_WORDS:
        return "LOC"
    if last in ORG_NAME_WORDS or last in POLITICAL_BODY_WORDS:
        return "ORG"  # "Harbor Patrol", "Progress Alliance"
    if j - i >= 2 and doc[j - 1].like_num:
        return "PRODUCT"  # "Orbiter 3", "Falcon 9": a craft or a model, never a person
    if j - i == 1:
        t = doc[i].text
        inner_caps = any(c.isupper() for c in t[1:]) and not t.isupper() and \
            not re.match(r"(Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')[A-Z]", t)
        if inner_caps or any(c.isdigit() for c in t):
            return "ORG"
    return None


def _extend_possessor(doc: Doc, i: int, j: int) -> int:
    """"General’s Office" inside "the Colorado Attorney General’s Office": an ORG span that starts
    with a possessor takes in the capitalized compound words of that possessor on its left."""
    if j - i < 3 or not is_possessive(doc[i + 1]) or doc[i].dep_ != "poss":
        return i
    a = left_modifiers(doc, i, i)
    while a < i and not doc[a].text[:1].isupper():
        a += 1
    return a


def _crosses_line(doc: Doc, i: int, j: int) -> bool:
    """Whether the NER span ``doc[i:j]`` runs over a line break: a name does not ("By Ann Lee"
    above a "CITY —" dateline, a subheading and the name that opens the next line, tagged as one
    entity); which part is the name, if either, the tagger does not say."""
    return any("\n" in doc[k].text or (k < j - 1 and "\n" in doc[k].whitespace_) for k in range(i, j))


def _name_candidates(doc: Doc, casing: Casing) -> list[Candidate]:
    cands: list[Candidate] = []
    extended: list[Candidate] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        cleaned = None if _crosses_line(doc, ent.start, ent.end) else _clean_span(doc, ent.start, ent.end, ent.label_)
        if cleaned is None:
            continue
        i, j, evidence, title_start = cleaned
        trimmed = _casing_filter(doc, casing, i, j, ent.label_)
        if trimmed is None:
            continue
        if trimmed != (i, j):
            i, j = trimmed
            title_start = i
        label = ent.label_
        if not evidence:
            i = title_start = storm_start(doc, i)
        kind = name_type(doc, i, j, ent.label_)
        if kind is not None and not evidence:
            label = kind  # "Storm Delia" is an event, "Eastbay United" a club
        person = _person_in_span(doc, i, j, label) if kind is None else None
        if person is not None:
            # "Lt. Cmdr. Ann Lee", "Secretary of Commerce Ann Lee", "Ann Lee / AP": the name
            # of a person inside the span; what comes before it is a title (roles read from it)
            i, j = person
            label, evidence = "PERSON", True
        grown = False
        if label == "ORG":
            i2 = _extend_possessor(doc, i, j)
            grown = i2 < i
            i = title_start = i2
        if not _valid_name(doc, i, j):
            continue
        start, end, text = _span_text(doc, i, j)
        c = Candidate(i, j, start, end, text, label, person_evidence=evidence)
        if not evidence and kind is None:
            c.type_evidence = context_type(doc, i, j, label)
        if (label == "PERSON" or evidence or j - i == 1) and \
                not any(is_possessive(t) for t in doc[i:j]):
            c.roles.extend(roles_before(doc, c, title_start, casing))
        cands.append(c)
        if grown:
            extended.append(c)
        covered.update(range(ent.start, ent.end))
    # a candidate swallowed by an extended one ("Colorado" in "Colorado Attorney General's Office")
    if extended:
        cands = [c for c in cands if not any(o is not c and o.i <= c.i and c.j <= o.j and
                                             o.j - o.i > c.j - c.i for o in extended)]
    # Honorific + proper noun(s) that NER missed: "Ms. Peters", "Sen. Warnock".
    for tok in doc:
        if tok.i in covered or bare_word(tok.text) not in HONORIFICS or not tok.text[:1].isupper():
            continue
        k = tok.i + 1
        while k < len(doc) and doc[k].pos_ == "PROPN" and k not in covered and doc[k].text[:1].isupper():
            k += 1
        if k > tok.i + 1:
            i, j = tok.i + 1, k
            while j > i and (is_possessive(doc[j - 1]) or doc[j - 1].is_punct):
                j -= 1
            if j > i and _valid_name(doc, i, j):
                start, end, text = _span_text(doc, i, j)
                cands.append(Candidate(i, j, start, end, text, "PERSON", person_evidence=True))
                covered.update(range(i, j))
    # A title before two or three name words that NER missed ("Striker Mateus Alvim signed"): the
    # title is read as a role, the name is a person; not in a Title Case headline, which
    # capitalizes its verbs ("Mayor Grace Park Opens Library").
    for tok in doc:
        b = bare_word(tok.text)
        if tok.i in covered or not tok.text[:1].isupper() or b in HONORIFICS or \
                not (b in OFFICE_WORDS or b in TITLE_PREFIX_WORDS or b in ROLE_NOUNS):
            continue
        i = k = tok.i + 1
        while k < len(doc) and k - i < 3 and doc[k].pos_ == "PROPN" and k not in covered and \
                _namelike(doc[k]) and not is_title_word(doc[k]) and bare_word(doc[k].text) not in ORG_NAME_WORDS:
            k += 1
        if k - i < 2 or (k < len(doc) and doc[k].pos_ == "PROPN") or not _valid_name(doc, i, k) or \
                casing.in_headline(doc[i].idx) or casing.unreliable(i, k) or casing.shouted(i, k):
            continue
        start, end, text = _span_text(doc, i, k)
        c = Candidate(i, k, start, end, text, "PERSON", person_evidence=True)
        c.roles.extend(roles_before(doc, c, i, casing))
        cands.append(c)
        covered.update(range(i, k))
    # A given name alone that the NER missed, as the subject of a verb ("Priya, who has led the
    # mission since 2019, said"): a one-word person name (joined to the full name later, here or
    # across the story).
    lower_words = {t.text for t in doc if t.is_lower}
    for tok in doc:
        if tok.i in covered or tok.ent_type_ or tok.pos_ != "PROPN" or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.head.pos_ not in ("VERB", "AUX") or tok.lower_ in lower_words or not is_given_name(tok.text):
            continue
        if any(0 <= k < len(doc) and (doc[k].pos_ == "PROPN" or doc[k].text[:1].isupper())
               for k in (tok.i - 1, tok.i + 1)):
            continue  # part of a longer name the NER missed ("Storm Delia"): not read here
        cands.append(Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "PERSON"))
        covered.add(tok.i)
    # A "name" that only modifies another person's name is part of that name's title
    # ("former Mesa County Clerk Tina Peters" with "Mesa County" tagged PERSON).
    by_tok = {t: c for c in cands for t in range(c.i, c.j)}
    lowered = {t.text for t in doc if t.is_lower and t.is_alpha}
    common_nouns = {t.text for t in doc if t.is_lower and t.is_alpha and t.pos_ == "NOUN"}
    kept: list[Candidate] = []
    for c in cands:
        root = doc[c.j - 1]
        host = by_tok.get(root.head.i) if root.dep_ == "compound" else None
        if host is not None and host is not c and c.label == "PERSON" and host.label == "PERSON":
            continue
        if c.label == "PERSON" and any(is_possessive(t) for t in doc[c.i:c.j]):
            continue  # "Attorney General's Office" is not a person
        if c.label == "PERSON" and not c.person_evidence:
            if c.j - c.i == 1 and doc[c.i].lower_ in lowered and not is_given_name(doc[c.i].text):
                continue  # "Wildfires" in a headline: a word the article also writes in lower case
            if c.j - c.i >= 2 and doc[c.j - 1].lower_ in common_nouns and not is_given_name_form(doc[c.i].text):
                continue  # "Coastal Floods": ends with a noun the article writes in lower case, no given name
            c.label = _not_a_person(doc, c.i, c.j) or c.label
        kept.append(c)
    _coordination_labels(doc, kept, by_tok)
    # the storm's or ship's name alone later on ("Hurricane Orla ... Orla weakened", "MV Orinda ...
    # the Orinda") is the storm or the ship too
    named = {storm_name(c.text): c.label for c in kept if c.label in ("EVENT", "PRODUCT")}
    for c in kept:
        if c.text in named and not c.person_evidence:
            c.label = named[c.text]
    kept.sort(key=lambda c: c.start)
    return kept


def _coordination_labels(doc: Doc, cands: list[Candidate], by_tok: dict[int, Candidate]) -> None:
    """A singular proper noun typed NORP but coordinated with an organization is an organization
    too ("Dominion Voting Systems and Smartmatic"): nationalities and parties are adjectives or
    plurals ("American", "Democrats"), a company name is not."""
    for c in cands:
        if c.label != "NORP" or c.j - c.i != 1 or doc[c.i].tag_ != "NNP":
            continue
        tok = doc[c.i]
        partners = [tok.head] if tok.dep_ == "conj" else []
        partners += [ch for ch in tok.children if ch.dep_ == "conj"]
        if any((o := by_tok.get(p.i)) is not None and o.label == "ORG" for p in partners):
            c.label = "ORG"


# ----------------------------------------------------------------------------- grouping


def _exact_key(c: Candidate) -> str:
    toks = name_tokens((storm_name(c.text) or c.text) if c.label in ("EVENT", "PRODUCT") else c.text)
    if c.label == "PERSON" or c.person_evidence:
        toks = person_core(toks)
    return " ".join(t for t in toks if t not in ("the",))


def _groups(uf: UnionFind[int], n: int) -> dict[int, list[int]]:
    """The groups of the first ``n`` candidates; the earliest candidate represents its group."""
    out: dict[int, list[int]] = {}
    for x in range(n):
        out.setdefault(uf.find(x), []).append(x)
    return out


def _weak(c: Candidate, surnames: frozenset[str]) -> bool:
    """One word the NER guessed a person, with nothing of a person about it: no title or honorific,
    not a given name, not the surname of a full name of the article."""
    return c.label == "PERSON" and c.j - c.i == 1 and not c.person_evidence and not c.roles and \
        not is_given_name_form(c.text) and c.text.lower() not in surnames


def _vote(cands: list[Candidate], members: list[int], surnames: frozenset[str] = frozenset()) -> str:
    """The group's type: PERSON when any mention has a title/honorific in front of it or a
    person-role apposition (titles imply a person), else the majority of the NER labels, where a
    one-word PERSON guess that is neither a given name nor the surname of a full name of the article
    (``surnames``) counts half and a type the context gives (see
    :mod:`storyline.analyze.entities.context`) counts three times and wins a tie."""
    votes: Counter[str] = Counter()
    for m in members:
        c = cands[m]
        if c.person_evidence:
            return "PERSON"
        votes[c.label] += 1 if _weak(c, surnames) else 2  # one word guessed a person: half a vote
        if c.type_evidence:
            votes[c.type_evidence] += 4  # "in X", "X chief executive": context outweighs the NER label
    evidenced = {cands[m].type_evidence for m in members}
    # a tie goes to the type the context gave, then to the usual order
    return sorted(votes, key=lambda lab: (-votes[lab], lab not in evidenced, _LABEL_PRIORITY.get(lab, 9)))[0]


def _group_names(doc: Doc, cands: list[Candidate],
                 opts: EntityOptions | None = None) -> tuple[UnionFind[int], dict[int, str]]:
    n = len(cands)
    uf = UnionFind(range(n))
    surnames = frozenset(person_core(name_tokens(c.text))[-1] for c in cands
                         if c.label == "PERSON" and len(person_core(name_tokens(c.text))) >= 2)
    first_by_key: dict[str, int] = {}
    for x, c in enumerate(cands):
        key = _exact_key(c)
        if key in first_by_key:
            uf.union(first_by_key[key], x)
        else:
            first_by_key[key] = x
    types = {r: _vote(cands, ms, surnames) for r, ms in _groups(uf, n).items()}

    # Person names: shorter forms join the longer name they fit.
    def person_toks(r: int, ms: list[int]) -> list[str]:
        best = fullest_name(cands[m].text for m in ms)
        return person_core(name_tokens(best))

    groups = _groups(uf, n)
    persons = {r: person_toks(r, ms) for r, ms in groups.items() if types[r] == "PERSON"}
    long_first = sorted(persons, key=lambda r: (-len(persons[r]), r))
    for r in sorted(groups, key=lambda r: (len(person_toks(r, groups[r])), r)):
        if types[r] not in ("PERSON", "ORG", "GPE"):
            continue
        toks = person_toks(r, groups[r])
        if types[r] != "PERSON" and len(toks) != 1:
            continue
        if types[r] == "GPE" and any(cands[m].type_evidence or
                                     gpe_key(cands[m].text) != " ".join(name_tokens(cands[m].text))
                                     for m in groups[r]):
            continue  # a one-word "place" may be a surname or first name ("Ferrand said"), not "in X"
        fits = [o for o in long_first if o != r and len(persons[o]) > len(toks)
                and person_compatible(toks, persons[o], allow_first_name=True)]
        if not fits and types[r] == "PERSON" and len(toks) >= 2:
            fits = [o for o in long_first if o != r and len(persons[o]) == len(toks) and o < r
                    and person_compatible(toks, persons[o])]
        if not fits:
            continue
        first = cands[r].start
        before = [o for o in fits if cands[o].start <= first]
        if len(before) > 1:
            # two people share the surname ("Joe Lee and his wife Ann Lee … Lee said"): an
            # honorific decides ("Mrs. Lee"); else the one introduced first, the article's
            # principal (news style names the other one in full again)
            g = _honorific_gender(doc, cands[r].i)
            same = [o for o in before if g and given_name_gender(persons[o][0].title(), opts) == g]
            before = same if len(same) == 1 else [min(before, key=lambda o: cands[o].start)]
        target = before[0] if before else min(fits)
        g = _honorific_gender(doc, cands[r].i)
        if g and given_name_gender(persons[target][0].title(), opts) not in (None, g):
            continue  # "Mrs. Reyes" is not "Tom Reyes"
        uf.union(target, r)

    # Organizations: acronyms, "X Department" ↔ "Department of X", a dropped non-place prefix.
    groups = _groups(uf, n)
    types = {r: _vote(cands, ms, surnames) for r, ms in groups.items()}
    # (with the one-word PERSON guesses: no title, no given name, no surname of the article)
    orgs = sorted(r for r in groups if types[r] == "ORG" or
                  (types[r] == "PERSON" and len(groups[r]) == len([m for m in groups[r] if _weak(cands[m], surnames)])))
    org_names = [fullest_name(cands[m].text for m in groups[r]) for r in orgs]
    for a, b in link_orgs(org_names):
        uf.union(orgs[a], orgs[b])
    # Places and groups: one key each ("U.S." = "United States"; "Democrats" = "Democrat").
    groups = _groups(uf, n)
    types = {r: _vote(cands, ms, surnames) for r, ms in groups.items()}
    seen: dict[tuple[str, str], int] = {}
    for r in sorted(groups):
        t = types[r]
        if t == "GPE":
            k = (t, gpe_key(cands[r].text))
        elif t == "NORP":
            k = (t, norp_key(cands[r].text))
        else:
            continue
        if k in seen:
            uf.union(seen[k], r)
        else:
            seen[k] = r
    groups = _groups(uf, n)
    return uf, {r: _vote(cands, ms, surnames) for r, ms in groups.items()}


# ----------------------------------------------------------------------------- descriptions


def _honorific_gender(doc: Doc, i: int) -> str | None:
    """"m"/"f" from an honorific right before token ``i`` ("Mr. Lee", "Ms Lee")."""
    if i == 0:
        return None
    b = bare_word(doc[i - 1].text)
    return "m" if b == "mr" else "f" if b in ("ms", "mrs", "miss") else None


def _descriptions(doc: Doc, taken: set[int]) -> list[Candidate]:
    """Definite role-noun phrases ("the former Mesa County clerk") as description candidates."""
    out = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "NOUN" or tok.tag_ not in ("NN",) or not tok.is_lower:
            continue
        if bare_word(tok.lemma_) not in ROLE_NOUNS:
            continue
        dets = [c for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the" or any(c.dep_ == "poss" for c in tok.children):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # "the director of X" names a post, not necessarily a person already seen
        a = left_modifiers(doc, tok.i, tok.i)
        if any(t in taken for t in range(a, tok.i)):
            continue
        a2, qual = split_qualifier(doc, a, tok.i + 1)
        mods = tuple(t.lower_ for t in doc[a2:tok.i] if not t.is_punct)
        start, end = doc[a].idx, tok.idx + len(tok.text)
        out.append(Candidate(a, tok.i + 1, start, end, doc_text(doc)[start:end], "PERSON",
                         description=True, head_lemma=bare_word(tok.lemma_), modifiers=mods,
                         roles=[(" ".join(doc_text(doc)[doc[a2].idx:end].split()), qual, start, end)]))
    return out




def _org_head(name: str) -> str | None:
    """Head noun of an organization name: the word before "of", else the last word."""
    toks = [t.replace(".", "") for t in name_tokens(name) if t not in ("the", "a", "an")]
    if not toks:
        return None
    if "of" in toks[1:]:
        return toks[toks.index("of", 1) - 1]
    return toks[-1]


def _org_descriptions(doc: Doc, taken: set[int]) -> list[Candidate]:
    """Definite phrases headed by an organization noun ("the department", "the federal agency",
    and the capitalized "the Council" / "this Court" that legal and institutional prose uses)."""
    out = []
    for tok in doc:
        if tok.i in taken:
            continue
        if tok.is_lower and tok.pos_ == "NOUN" and tok.tag_ == "NN":
            lemma = bare_word(tok.lemma_)
        elif tok.is_title and tok.tag_ == "NNP" and not (tok.i + 1 < len(doc) and
                                                         doc[tok.i + 1].pos_ == "PROPN"):
            lemma = tok.lower_
        else:
            continue
        if lemma not in ORG_HEAD_NOUNS:
            continue
        dets = [c for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in ("the", "this") or \
                any(c.dep_ in ("poss", "prep") for c in tok.children):
            continue
        a = left_modifiers(doc, tok.i, tok.i)
        if any(t in taken for t in range(a, tok.i)):
            continue
        mods = tuple(t.lower_ for t in doc[a:tok.i] if not t.is_punct)
        start, end = doc[a].idx, tok.idx + len(tok.text)
        out.append(Candidate(a, tok.i + 1, start, end, doc_text(doc)[start:end], "ORG", description=True,
                         head_lemma=lemma, modifiers=mods))
    return out


def _link_org_descriptions(descs: list[Candidate], cands: list[Candidate], uf: UnionFind[int],
                           types: dict[int, str]) -> list[tuple[Candidate, int]]:
    """Attach "the department" to the one organization of the article with that head noun whose
    name holds every modifier ("the justice department" fits "Department of Justice")."""
    orgs: dict[int, tuple[str | None, set[str]]] = {}
    for x, c in enumerate(cands):
        r = uf.find(x)
        if types.get(r) == "ORG" and not c.description:
            head = _org_head(c.text)
            words = {t.replace(".", "") for t in name_tokens(c.text)}
            prev = orgs.get(r, (head, set()))
            orgs[r] = (prev[0] or head, prev[1] | words | ({head} if head else set()))
    heads: dict[int, set[str | None]] = {}
    for x, c in enumerate(cands):
        r = uf.find(x)
        if r in orgs:
            heads.setdefault(r, set()).add(_org_head(c.text))
    linked = []
    for d in descs:
        hits = [r for r, (_h, words) in orgs.items()
                if d.head_lemma in heads.get(r, set()) and all(m in words for m in d.modifiers)]
        if len(hits) == 1:
            linked.append((d, hits[0]))
    return linked


def _link_descriptions(descs: list[Candidate], cands: list[Candidate], uf: UnionFind[int],
                       types: dict[int, str]) -> list[tuple[Candidate, int]]:
    """Attach each description to the single person whose stated role has the same head noun."""
    role_heads: dict[int, list[set[str]]] = {}
    for x, c in enumerate(cands):
        r = uf.find(x)
        if types.get(r) != "PERSON":
            continue
        for title, _q, _s, _e in c.roles:
            words = expand_title_words(title.replace("-", " ").split())
            if words:
                role_heads.setdefault(r, []).append(words)
    linked = []
    for d in descs:
        hits = []
        for r, sets in role_heads.items():
            for words in sets:
                if d.head_lemma in words and all(
                        m.replace(".", "") in words for m in d.modifiers if m not in QUALIFIERS):
                    hits.append(r)
                    break
        if len(hits) == 1:
            linked.append((d, hits[0]))
    return linked


def _add_missed_surnames(doc: Doc, cands: list[Candidate], uf: UnionFind[int], types: dict[int, str],
                         taken: set[int]) -> None:
    """The small NER model often misses a bare surname once the full name was given ("Doe
    declined", "Gorsuch was joined"): a capitalized token equal to the surname of a person of the
    article becomes a mention of the nearest person introduced before it with that surname."""
    covered = {t for c in cands for t in range(c.i, c.j)} | taken
    by_surname: dict[str, list[tuple[int, int]]] = {}  # surname → [(first start, group root)]
    firsts: dict[int, int] = {}
    for x, c in enumerate(cands):
        r = uf.find(x)
        firsts[r] = min(firsts.get(r, c.start), c.start)
    for r, first in firsts.items():
        if types.get(r) != "PERSON":
            continue
        names = [c.text for x, c in enumerate(cands) if uf.find(x) == r]
        toks = fullest_name(names).split()
        core = [t for t in toks if t.lower().replace(".", "") not in NAME_SUFFIXES]
        if len(core) >= 2 and core[-1][:1].isupper() and len(core[-1]) > 1:
            by_surname.setdefault(core[-1], []).append((first, r))
    if not by_surname:
        return
    lowered = {t.text for t in doc if t.is_lower}
    for tok in doc:
        if tok.i in covered or tok.text not in by_surname:
            continue
        if tok.pos_ not in ("PROPN", "NOUN"):
            continue
        if tok.is_sent_start and tok.pos_ != "PROPN" and \
                (tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ in lowered):
            continue  # at a sentence start a capital says little: "Price increases ..."; a subject
            # never written in lower case is the surname ("Menezes said", tagged a noun)
        before = [(first, r) for first, r in by_surname[tok.text] if first < tok.idx]
        if not before:
            continue
        root = max(before)[1]
        cands.append(Candidate(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok.text), tok.text, "PERSON"))
        uf.add(len(cands) - 1)
        uf.union(root, len(cands) - 1)


# ----------------------------------------------------------------------------- entry point


def _as_of(article: Article) -> str | None:
    return article.published.date or article.published.earliest


def extract_entities(doc: Doc, article: Article,
                     opts: EntityOptions | None = None) -> tuple[list[Mention], list[LocalEntity]]:
    """Entity mentions of one article and the local entities they form (see module docstring)."""
    cands = _name_candidates(doc, Casing(doc, doc_text(doc), opts))
    name_toks: set[int] = set()
    for c in cands:
        if c.label in ("PERSON", "ORG", "FAC"):
            name_toks.update(range(c.i, c.j))
    for c in cands:
        if c.label in ("PERSON", "ORG") or c.person_evidence:
            extra = predicate_roles(doc, c, name_toks)
            if extra and c.label == "ORG" and not c.person_evidence and len(c.text.split()) > 1:
                extra = []  # an organization with an apposition is still an organization
            c.roles.extend(extra)
            # a person-role noun in apposition ("Martin, the pardon attorney") says PERSON
            if any(title_head(t) in ROLE_NOUNS or title_head(t) in OFFICE_WORDS for t, *_ in extra):
                c.person_evidence = True
    uf, types = _group_names(doc, cands, opts)
    role_toks: set[int] = set(name_toks)
    for c in cands:
        for _t, _q, s, e in c.roles:
            role_toks.update(t.i for t in doc.char_span(s, e, alignment_mode="expand") or [])
    _add_missed_surnames(doc, cands, uf, types, role_toks)
    links = _link_descriptions(_descriptions(doc, role_toks), cands, uf, types)
    links += _link_org_descriptions(_org_descriptions(doc, role_toks), cands, uf, types)

    # Members of each group (names, then descriptions), ordered by first mention.
    members: dict[int, list[Candidate]] = {}
    for x, c in enumerate(cands):
        members.setdefault(uf.find(x), []).append(c)
    for d, r in links:
        members[r].append(d)
    ordered = sorted(members.items(), key=lambda kv: min(c.start for c in kv[1]))
    as_of = _as_of(article)
    mentions: list[Mention] = []
    entities: list[LocalEntity] = []
    for n, (r, group) in enumerate(ordered, start=1):
        key = f"{article.id}:{n}"
        etype = types[r]
        names = [c.text for c in group if not c.description]
        name = fullest_name(names)
        group_mentions = [Mention(c.start, c.end, c.text, etype, key) for c in group]
        roles = _collect_roles(article, group, as_of) if etype == "PERSON" else []
        entities.append(LocalEntity(key=key, name=name, type=etype,
                                    mentions=sorted(group_mentions, key=lambda m: m.start),
                                    roles=roles))
        mentions.extend(group_mentions)
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions, entities


def _collect_roles(article: Article, group: list[Candidate], as_of: str | None) -> list[Role]:
    quoted = [(r.start, r.end) for r in quote_regions(article.text)]
    by_key: dict[tuple[str, str | None, str], Role] = {}
    for c in sorted(group, key=lambda c: c.start):
        for title, qual, s, e in c.roles:
            if qual == AFFILIATION:
                continue
            # a title inside a quotation is the quoted speaker's description, not the outlet's
            voice = "quoted" if any(a <= s and e <= b for a, b in quoted) else "reporter"
            k = (title.lower(), qual, voice)
            span = Span(article.id, s, e, article.text[s:e])
            if k in by_key:
                if all(sp.start != s for sp in by_key[k].spans):
                    by_key[k].spans.append(span)
            else:
                by_key[k] = Role(title=title, spans=[span], as_of=as_of, qualifier=qual, voice=voice)
    return list(by_key.values())


__all__ = ["ENTITY_LABELS", "extract_entities"]
