"""Cross-article entity resolution: the local entities of every article → story entities.

Blocking, not all pairs: persons are compared only inside their surname block, organizations are
found through their keys (normal form, inverted "Department of X", acronym, name tail), places and
groups by one normal key. Inside a surname block:

* full names merge when they fit each other ("Donald J. Trump" / "Donald Trump"; not "Eric Trump");
* a surname-only entity ("Barrett") joins the one full-name person of its block whose stated roles
  do not contradict it; with several candidates, the one whose roles share a title word ("judge");
  otherwise it stays apart — two people sharing a surname in different roles are kept separate;
* an entity the NER typed ORG in one article but whose one-word name is a person's surname in the
  block joins that person (label mistakes are fixed by the other articles' votes).

Story entity ids are ``"ent-" + sha1(type|canonical name)[:10]`` (deterministic; a second entity
with the same type and name gets its first local key folded into the hash). Pure: no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence

from rapidfuzz import fuzz

from storyline.analyze.entities import is_given_name_form, names, storm_name
from storyline.lexicon.en.names import (
    GENERIC_ROLE_WORDS,
    HONORIFICS,
    OFFICE_MODIFIERS,
    OFFICE_WORDS,
    PLACE_PREPOSITIONS,
    ROLE_NOUNS,
)
from storyline.model import ArticleAnalysis, Entity, LocalEntity, Role, Span
from storyline.options import EntityOptions, ResolveOptions
from storyline.unionfind import UnionFind

_TYPE_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "FAC": 4}


def _one_casing(forms: set[str]) -> set[str]:
    """Forms that differ only in casing ("TINA PETERS" in a shouted headline, "Tina Peters") are one
    alias: the one not in all capitals (acronyms, which have no other casing, stay)."""
    by_fold: dict[str, list[str]] = {}
    for f in forms:
        by_fold.setdefault(f.casefold(), []).append(f)
    return {min(v, key=lambda f: (f.isupper(), f)) for v in by_fold.values()}


def role_words(roles: Sequence[Role]) -> set[str]:
    """Title words of an entity's roles that say what the person is ("judge", "attorney")."""
    out = set()
    for r in roles:
        words = r.title.replace("-", " ").split()
        # an abbreviated title stands for its word ("Gen." is "General", "Adm." is "Admiral")
        short = [w for w in words if w.endswith(".") or len(w) <= 4]
        for b in {w.lower().replace(".", "") for w in words} | names.expand_title_words(short):
            if b in ROLE_NOUNS or (b in OFFICE_WORDS and b not in HONORIFICS and b not in OFFICE_MODIFIERS):
                out.add(b)
    return out


def _person_tokens(le: LocalEntity) -> list[str]:
    return names.person_core(names.name_tokens(le.name))


def _resolve_persons(items: list[LocalEntity], idx: list[int], uf: UnionFind[int],
                     orgs_single: list[int], opts: ResolveOptions, given: EntityOptions | None,
                     others: Sequence[int] = ()) -> None:
    """Merge persons inside their surname blocks (see the module docstring).

    Work per block grows with its *distinct* names, not with its entities: entities with the same
    name tokens (the same person named alike by many outlets) are one, since a full name always
    fits itself, so names are compared once per pair of distinct forms and a surname-only entity
    is tested against the distinct full forms, each standing for all entities carrying it.
    """
    tokens = {x: tuple(_person_tokens(items[x])) for x in (*idx, *orgs_single)}
    # "Moreau Vidal" is "Moreau-Vidal" written without its hyphen when the story has the latter
    hyphenated = {t for toks in tokens.values() for t in toks if "-" in t.strip("-")}
    if hyphenated:
        tokens = {x: _join_hyphenated(t, hyphenated) for x, t in tokens.items()}
    blocks: dict[str, list[int]] = {}
    for x in idx:
        s = names.surname(list(tokens[x]))
        if s:
            blocks.setdefault(s, []).append(x)
    for x in orgs_single:  # ORG-typed one-word names that are a person's surname elsewhere
        s = names.surname(list(tokens[x]))
        if s in blocks:
            blocks[s].append(x)
    for block in blocks.values():
        full = [x for x in block if len(tokens[x]) >= 2 and items[x].type == "PERSON"]
        full_set = set(full)
        short = [x for x in block if x not in full_set]
        forms: dict[tuple[str, ...], int] = {}  # distinct full name -> its first entity
        for x in full:
            first = forms.setdefault(tokens[x], x)
            if first != x:
                uf.union(first, x)  # the same full name: names.person_compatible(t, t) always holds
        distinct = list(forms)
        for a_i, ta in enumerate(distinct):  # distinct full names in a block are few
            for tb in distinct[a_i + 1:]:
                if names.person_compatible(list(ta), list(tb)):
                    uf.union(forms[ta], forms[tb])
        _merge_given_variants(distinct, forms, uf, items, given)
        clusters: dict[int, set[str]] = {}
        for x in full:
            clusters.setdefault(uf.find(x), set()).update(role_words(items[x].roles))
        fitting: dict[tuple[str, ...], list[int]] = {}  # short name -> entities of fitting forms
        for x in short:
            words = role_words(items[x].roles)
            if tokens[x] not in fitting:
                fitting[tokens[x]] = [forms[t] for t in distinct
                                      if names.person_compatible(list(tokens[x]), list(t))]
            fits = list(dict.fromkeys(uf.find(m) for m in fitting[tokens[x]]))
            if len(fits) > 1:
                fits = [r for r in fits if words & clusters[r]]
            elif len(fits) == 1 and words - GENERIC_ROLE_WORDS and clusters[fits[0]] - GENERIC_ROLE_WORDS \
                    and not words & clusters[fits[0]]:
                fits = []  # "Barrett, the defense lawyer" is not "Judge Matthew Barrett"
            if len(fits) == 1:
                uf.union(fits[0], x)
                clusters[uf.find(x)] = clusters.pop(fits[0], set()) | words
        # surname-only entities with no full name anywhere: one person unless their roles differ
        full_roots = {uf.find(f) for f in full}
        rest = [x for x in short if uf.find(x) == x and x not in full_roots
                and items[x].type == "PERSON"]
        rest_words: dict[int, set[str]] = {}
        for x in rest:
            words = role_words(items[x].roles)
            target = next((r for r, w in rest_words.items()
                           if not (words and w) or words & w), None)
            if target is None:
                rest_words[x] = set(words)
            else:
                uf.union(target, x)
                rest_words[target] |= words
    _merge_spelling_variants(items, [x for x in idx if items[x].type == "PERSON"], uf, tokens, opts, given)
    _merge_first_names(items, idx, others, uf, tokens)


def _merge_first_names(items: list[LocalEntity], idx: list[int], others: Sequence[int], uf: UnionFind[int],
                       tokens: dict[int, tuple[str, ...]]) -> None:
    """A given name alone ("Anne-Sophie said", in an article that never gives the full name) joins
    the one person of the story whose full name starts with it, in either spelling of a compound
    given name ("Anne-Sophie" / "Anne Sophie Marchand"); never when two people of the story have
    that given name, nor when the word is also a surname of the story. ``others``: one-word
    entities the NER typed otherwise ("Amara" ORG) that may be such a given name."""
    full_roots: dict[tuple[str, ...], set[int]] = {}
    surnames: set[str] = set()
    for x in idx:
        t = tokens[x]
        if len(t) >= 2 and items[x].type == "PERSON":
            surnames.add(t[-1])
            for k in range(1, len(t)):
                full_roots.setdefault(t[:k], set()).add(uf.find(x))
                if "-" in t[0] and k == 1:
                    full_roots.setdefault(tuple(t[0].split("-")), set()).add(uf.find(x))
    with_full = {uf.find(x) for x in idx if len(tokens[x]) >= 2}
    for x in (*idx, *others):
        t = tokens.get(x) or tuple(names.person_core(names.name_tokens(items[x].name)))
        if len(t) != 1 or t[0] in surnames or items[x].roles or uf.find(x) in with_full:
            continue
        if not is_given_name_form(items[x].name.split()[-1]):
            continue
        key = tuple(t[0].split("-"))
        roots = {uf.find(r) for r in full_roots.get(key, set()) | full_roots.get(t, set())}
        if len(roots) == 1:
            uf.union(roots.pop(), x)


def _after_place_word(text: str, start: int) -> bool:
    """The word before ``start`` puts a name in a place ("in Georgia", "of Chelsea")."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and (before[-1].lower() in PLACE_PREPOSITIONS or before[-1].lower() in ("of", "from", "to"))


def _join_hyphenated(toks: tuple[str, ...], hyphenated: set[str]) -> tuple[str, ...]:
    out: list[str] = []
    k = 0
    while k < len(toks):
        if k + 1 < len(toks) and f"{toks[k]}-{toks[k + 1]}" in hyphenated:
            out.append(f"{toks[k]}-{toks[k + 1]}")
            k += 2
        else:
            out.append(toks[k])
            k += 1
    return tuple(out)


def _titles(items: list[LocalEntity], xs: list[int]) -> set[str]:
    return {" ".join(r.title.lower().split()) for x in xs for r in items[x].roles}


def _articles_of(items: list[LocalEntity], xs: list[int]) -> set[str]:
    return {items[x].key.split(":", 1)[0] for x in xs}


def _merge_given_variants(distinct: list[tuple[str, ...]], forms: dict[tuple[str, ...], int],
                          uf: UnionFind[int], items: list[LocalEntity], given: EntityOptions | None) -> None:
    """Full names of one surname block whose given names are forms of one name ("Joe"/"Joseph",
    "Jon"/"John", "Katrin"/"Katrina") are one person when no article names both (an article that
    writes both means two people, unless it gives both the same title: a typo) and no third given
    name in the block fits either."""
    firsts = [t for t in distinct if len(t) >= 2]
    for a_i, ta in enumerate(firsts):
        for tb in firsts[a_i + 1:]:
            if uf.find(forms[ta]) == uf.find(forms[tb]) or not names.given_variants(ta[0], tb[0], given):
                continue
            others = [t for t in firsts if t not in (ta, tb) and uf.find(forms[t]) not in
                      (uf.find(forms[ta]), uf.find(forms[tb]))
                      and (names.given_variants(t[0], ta[0], given) or names.given_variants(t[0], tb[0], given))]
            if others:
                continue
            xa = [x for x in forms.values() if uf.find(x) == uf.find(forms[ta])]
            xb = [x for x in forms.values() if uf.find(x) == uf.find(forms[tb])]
            if _articles_of(items, xa) & _articles_of(items, xb) and \
                    not _titles(items, xa) & _titles(items, xb):
                continue  # both in one article: two people, unless given the same title there
            uf.union(forms[ta], forms[tb])


def _merge_spelling_variants(items: list[LocalEntity], persons: list[int], uf: UnionFind[int],
                             tokens: dict[int, tuple[str, ...]], opts: ResolveOptions,
                             given: EntityOptions | None) -> None:
    """Full names spelled two ways by two outlets ("Ann Kowalsky" / "Ann Kowalski"): the same given
    name (or a form of it), surnames of five letters or more that differ by little (similarity
    ratio ``opts.surname_ratio``, same first letter), never both in one article. Blocked by the initials of
    given name and surname, so only names that could match are compared."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for x in persons:
        t = tokens.get(x, ())
        if len(t) >= 2 and len(t[-1]) >= 5:
            blocks.setdefault((t[0][:1], t[-1][:1]), []).append(x)
    for block in blocks.values():
        roots: dict[int, list[int]] = {}
        for x in block:
            roots.setdefault(uf.find(x), []).append(x)
        reps = sorted(roots)
        for a_i, ra in enumerate(reps):
            for rb in reps[a_i + 1:]:
                if uf.find(ra) == uf.find(rb):
                    continue
                ta, tb = tokens[ra], tokens[rb]
                if ta[-1] == tb[-1] or not names.given_variants(ta[0], tb[0], given):
                    continue
                if fuzz.ratio(ta[-1], tb[-1]) < opts.surname_ratio:
                    continue
                if _articles_of(items, roots[ra]) & _articles_of(items, roots[rb]):
                    continue
                uf.union(ra, rb)


# Types the map step gives a name only on evidence in its words or its context (a storm prefix, a
# product noun, a place word; see analyze.entities.context), never as the NER's guess.
_EVIDENCE_TYPES = frozenset({"EVENT", "PRODUCT", "LOC"})


def _unprefixed(le: LocalEntity) -> str:
    """A storm's or a ship's name without its prefix ("Orla", "Orinda"), any other name as it is."""
    return (storm_name(le.name) or le.name) if le.type in ("EVENT", "PRODUCT") else le.name


def _weak_person(le: LocalEntity) -> bool:
    """One word the NER guessed a person: no title, no full name, no given name."""
    return le.type == "PERSON" and not le.roles and len(names.name_tokens(le.name)) == 1 and \
        not is_given_name_form(le.name)


def _vote_type(members: list[LocalEntity], datelines: Collection[str] = (),
               heads: dict[str, str] | None = None) -> str:
    """The story's type of an entity: its mentions' types, each article's evidence-only type
    counting three times, a one-word "person" with no title and no given name half, a stated role
    deciding PERSON; a name an article's dateline carries ("PORTWELL —") votes for a place; a group
    of one-word person guesses only whose word begins a longer name of another type in the story
    (``heads``: first word → that type) takes that type."""
    votes: dict[str, float] = {}
    for le in members:
        weight = 3.0 if le.type in _EVIDENCE_TYPES else 1.0
        if _weak_person(le):
            weight = 0.5
        votes[le.type] = votes.get(le.type, 0.0) + weight * max(1, len(le.mentions))
        if le.type == "PERSON" and le.roles:
            # a stated role/title means a person (see analyze.entities)
            votes["PERSON"] = votes.get("PERSON", 0.0) + 1000
    if datelines and any(" ".join(names.name_tokens(le.name)) in datelines for le in members):
        votes["GPE"] = votes.get("GPE", 0.0) + 3
    if heads and all(_weak_person(le) for le in members):
        # "Riverton" alone, "Riverton Hawks" an organization of the story: the name's owner
        head = heads.get(" ".join(names.name_tokens(members[0].name)))
        if head:
            return head
    return sorted(votes, key=lambda t: (-votes[t], _TYPE_PRIORITY.get(t, 9), t))[0]


def _entity_id(etype: str, name: str, taken: set[str], salt: str) -> str:
    base = "ent-" + hashlib.sha1(f"{etype}|{name}".encode()).hexdigest()[:10]
    if base not in taken:
        return base
    return "ent-" + hashlib.sha1(f"{etype}|{name}|{salt}".encode()).hexdigest()[:10]


def resolve_entities(analyses: Sequence[ArticleAnalysis], opts: ResolveOptions | None = None,
                     given: EntityOptions | None = None) -> tuple[list[Entity], dict[str, str]]:
    """Merge the local entities of all articles into story entities (``given``: the given-name
    gender cut-offs, ``Options.entities`` as in the map step, for "never a man's and a woman's name").

    Returns the entities (most widely reported first, then by name) and the map
    LocalEntity key → Entity id.
    """
    items: list[LocalEntity] = []
    article_of: list[ArticleAnalysis] = []
    for an in sorted(analyses, key=lambda a: a.article.id):
        for le in an.entities:
            items.append(le)
            article_of.append(an)
    uf = UnionFind(range(len(items)))

    persons = [x for x, le in enumerate(items) if le.type == "PERSON"]
    orgs = [x for x, le in enumerate(items) if le.type == "ORG"]
    orgs_single = [x for x in orgs if len(names.name_tokens(items[x].name)) == 1]
    # one-word names the NER typed otherwise that may be a given name alone ("Amara" ORG); a place
    # after a place preposition ("in Georgia") is not
    given_alone = [x for x, le in enumerate(items) if le.type in ("ORG", "GPE", "NORP") and
                   len(names.name_tokens(le.name)) == 1 and is_given_name_form(le.name) and
                   not any(_after_place_word(article_of[x].article.text, m.start) for m in le.mentions)]
    _resolve_persons(items, persons, uf, orgs_single, opts or ResolveOptions(), given, given_alone)
    person_roots = {uf.find(p) for p in persons}
    # one-word person guesses that never joined a person may be a company's short name ("Brennick")
    person_like = {uf.find(x) for x in persons
                   if items[x].roles or len(names.name_tokens(items[x].name)) >= 2}
    org_rest = [x for x in orgs if uf.find(x) not in person_roots] + \
        [x for x in persons if _weak_person(items[x]) and uf.find(x) not in person_like]
    for a, b in names.link_orgs([items[x].name for x in org_rest]):
        uf.union(org_rest[a], org_rest[b])
    by_key: dict[tuple[str, str], int] = {}
    for x, le in enumerate(items):
        if le.type == "GPE":
            k = ("GPE", names.gpe_key(le.name))
        elif le.type == "NORP":
            k = ("NORP", names.norp_key(le.name))
        elif le.type not in ("PERSON", "ORG"):
            k = (le.type, " ".join(names.name_tokens(_unprefixed(le))))
        else:
            continue
        if k in by_key:
            uf.union(by_key[k], x)
        else:
            by_key[k] = x

    # The same name under two NER types in two articles ("Truth Social" ORG / GPE) is one entity.
    # A one-word "person" with no title, no full name and no given name ("Verimart" PERSON here,
    # ORG there) takes part too: the story's vote decides what it is.
    by_name: dict[str, int] = {}
    for x, le in enumerate(items):
        name = " ".join(names.name_tokens(_unprefixed(le)))
        if len(name.split()) < 2 and le.type == "PERSON" and \
                (uf.find(x) in person_like or is_given_name_form(le.name)):
            continue  # one-word person names were handled in their surname block
        if name in by_name:
            uf.union(by_name[name], x)
        else:
            by_name[name] = x

    groups: dict[int, list[int]] = {}
    for x in range(len(items)):
        groups.setdefault(uf.find(x), []).append(x)

    entities: list[Entity] = []
    entity_map: dict[str, str] = {}
    taken: set[str] = set()
    # deterministic order of id assignment: by the smallest local key of each group
    datelines = {" ".join(names.name_tokens(an.article.dateline.split(",")[0]))
                 for an in analyses if an.article.dateline}
    heads: dict[str, str] = {}
    for le in sorted(items, key=lambda le: (_TYPE_PRIORITY.get(le.type, 9), le.key)):
        toks = names.name_tokens(le.name)
        if len(toks) >= 2 and le.type in ("ORG", "GPE", "FAC"):
            heads.setdefault(toks[0], le.type)
    for _, xs in sorted(groups.items(), key=lambda kv: min(items[x].key for x in kv[1])):
        members = [items[x] for x in xs]
        etype = _vote_type(members, datelines, heads)
        written = [le.name for le in members for _ in range(max(1, len(le.mentions)))]
        name = names.fullest_name(written)
        eid = _entity_id(etype, name, taken, min(le.key for le in members))
        taken.add(eid)
        forms = {le.name for le in members}
        forms |= {m.text for le in members for m in le.mentions if m.text[:1].isupper()}
        aliases = sorted(_one_casing(forms | {name}) - {name})
        mentions = sorted((Span(article_of[x].article.id, m.start, m.end, m.text)
                           for x in xs for m in items[x].mentions),
                          key=lambda s: (s.article, s.start, s.end))
        roles = _merge_roles([(article_of[x], items[x]) for x in xs])
        articles = sorted({article_of[x].article.id for x in xs})
        entities.append(Entity(id=eid, name=name, type=etype, aliases=aliases, roles=roles,
                               mentions=mentions, articles=articles))
        for le in members:
            entity_map[le.key] = eid
    entities.sort(key=lambda e: (-len(e.articles), -len(e.mentions), e.name, e.id))
    return entities, entity_map


def _merge_roles(pairs: list[tuple[ArticleAnalysis, LocalEntity]]) -> list[Role]:
    """Roles of all members; the same title with the same qualifier and date is one role with the
    spans of every article stating it. ``as_of`` is the article's (possibly inferred) publication
    date as it stands after the time step, which runs after entity extraction."""
    merged: dict[tuple[str, str | None, str | None, str], Role] = {}
    seen: set[tuple[tuple[str, str | None, str | None, str], str, int]] = set()  # (role, article, start)
    for an, le in pairs:
        pub = an.article.published
        for role in le.roles:
            # the article's final publication date (the time step may have refined it after the
            # entity step ran), else what the entity step saw
            as_of = pub.date or pub.earliest or role.as_of
            k = (" ".join(role.title.lower().split()), role.qualifier, as_of, role.voice)
            if k not in merged:
                merged[k] = Role(title=role.title, spans=[], as_of=as_of, qualifier=role.qualifier,
                                 voice=role.voice)
            for sp in role.spans:
                if (k, sp.article, sp.start) not in seen:
                    seen.add((k, sp.article, sp.start))
                    merged[k].spans.append(Span(sp.article, sp.start, sp.end, sp.text))
    return sorted(merged.values(),
                  key=lambda r: (r.as_of or "9999", r.title.lower(), r.qualifier or "", r.voice))
