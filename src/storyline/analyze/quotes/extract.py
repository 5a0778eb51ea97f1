"""Direct quotations in one article, each with its speaker, speech verb (cue) and medium.

Pipeline for one article (pure: the spaCy Doc, the article and its entity mentions in, quotes out):

1. :func:`storyline.analyze.quotes.marks.find_quote_regions` pairs the quotation marks in the raw text
   (curly/straight/nested/multi-paragraph).
2. Each region is classified: a *full* quotation (a sentence or more of somebody's words), a *fragment*
   woven into the reporter's sentence (``called Peters a "hostage"``), or left out (scare quotes:
   ``so-called "experts"``, titles of shows and books, quoted words nobody is said to have said).
3. The attribution is found on the dependency parse, in this order: a speech verb governing the quote
   (``X said "…"``, ``X wrote: "…"``, ``Smith said Jones was wrong: "…"`` → Smith), a speech verb
   attached to the quote (``"…," X said``), the nearest speech verb next to the quote in its sentence
   (``"…," said X``; ``according to X``), then the context: another paragraph of the same quotation,
   the other half of a quote split by its attribution, a colon introduction or the attribution in the
   sentence before.
4. The speaker is the subject of the cue. Pronouns (``he``) and descriptions (``the judge``) are
   resolved to a compatible named entity by salience (speakers and subjects of recent sentences first,
   not the nearest name: :mod:`storyline.analyze.quotes.speakers`); possessive media
   (``Trump's post said``) give both speaker and medium.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.analyze.quotes.marks import QuoteRegion, quote_regions
from storyline.analyze.quotes.speakers import (
    SUBJECT_DEPS,
    QuoteContext,
    is_cue,
    mention_root,
    resolve_speaker,
    speaker_extent,
)
from storyline.lexicon.en.names import MINOR_WORDS, ROLE_NOUNS
from storyline.lexicon.en.quotes import (
    MEDIA,
    MEDIUM_PREPS,
    NAMING_VERBS,
    ORG_DESCRIPTION_NOUNS,
    OWN_MEDIA,
    PLATFORMS,
    SCARE_PRECEDERS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TITLE_NOUNS,
    TITLE_PRECEDERS,
    WRITTEN_CUES,
)
from storyline.model import Article, LocalEntity, Mention, Quote
from storyline.options import EntityOptions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SENT_END = frozenset({".", "!", "?"})
NON_SPEAKER_ENTS = frozenset({"DATE", "TIME"})  # "5:45 p.m." parsed as a subject

__all__ = ["extract_quotes", "speech_medium"]


@dataclass(slots=True)
class _Attribution:
    cue: Token | None
    speaker: Token | None  # the head word naming the speaker in the text
    medium: str | None
    according: bool = False


# ------------------------------------------------------------------------------------- public


def extract_quotes(doc: Doc, article: Article, mentions: list[Mention],
                   entities: list[LocalEntity], options: EntityOptions | None = None) -> list[Quote]:
    """Every direct quotation of ``article`` (parsed as ``doc``), with speaker, cue and medium.

    ``mentions``/``entities`` come from the entity step, run with the same ``options`` (the
    given-name gender cut-offs a "he"/"she" must agree with); ``Quote.speaker`` is a LocalEntity key
    (or None when the text names no resolvable speaker: "officials said", "a source said").
    """
    regions = quote_regions(article.text)
    if not regions:
        return []
    ctx = QuoteContext(doc, article, mentions, entities, regions, options)
    kinds: list[str | None] = []
    for ri in range(len(regions)):
        kinds.append(_classify(ctx, ri, kinds))
    attrs: list[_Attribution | None] = [None] * len(regions)
    for ri in range(len(regions)):
        if kinds[ri] is not None:
            attrs[ri] = _local_attribution(ctx, ri, fragment=kinds[ri] == "fragment")
    _attribution_from_context(ctx, kinds, attrs)
    _conjoined_fragments(ctx, kinds, attrs)

    quotes: list[Quote] = []
    for ri, r in enumerate(regions):
        kind = kinds[ri]
        if kind is None:
            continue
        attr = attrs[ri]
        if kind == "fragment" and (attr is None or attr.speaker is None):
            continue  # quoted words nobody is said to have said: scare quotes, names, titles
        quotes.append(_make_quote(ctx, r, kind, attr))
    _owner_of_bare_medium(quotes)
    return quotes


def _conjoined_fragments(ctx: QuoteContext, kinds: list[str | None],
                         attrs: list[_Attribution | None]) -> None:
    """`called him a "liar," a "bully" and "unfit"`: fragments listed after an attributed one share
    its attribution (in place)."""
    for ri in range(1, len(ctx.regions)):
        a = attrs[ri]
        if kinds[ri] != "fragment" or (a is not None and a.speaker is not None):
            continue
        prev = attrs[ri - 1]
        if kinds[ri - 1] is None or prev is None or prev.speaker is None:
            continue
        gap = ctx.text[ctx.regions[ri - 1].mark_end:ctx.regions[ri].mark_start]
        if len(gap.split()) <= 5 and not any(c in gap for c in ".!?;\n"):
            attrs[ri] = prev


def _owner_of_bare_medium(quotes: list[Quote]) -> None:
    """"The post read: …" — a medium named without its author is the one the last quote from that
    medium came from (in place)."""
    for k, q in enumerate(quotes):
        if q.speaker is not None or q.medium is None or q.speaker_text is None:
            continue
        words = q.speaker_text.lower().split()
        if not words or words[-1] not in MEDIA:
            continue
        for prev in reversed(quotes[:k]):
            if prev.medium == q.medium and prev.speaker is not None:
                q.speaker = prev.speaker
                break


# ----------------------------------------------------------------------------- classification


def _classify(ctx: QuoteContext, ri: int, kinds: list[str | None]) -> str | None:
    """"full", "fragment" or None (not a quotation of anybody's words); ``kinds`` of earlier regions."""
    r = ctx.regions[ri]
    text = ctx.text
    if r.chain != ri:
        return "full"  # a later paragraph of a multi-paragraph quotation
    if ri > 0 and kinds[ri - 1] == "full" and ctx.para(ctx.regions[ri - 1].mark_start) == ctx.para(r.mark_start):
        # the second half of a quote split by its attribution: `"A," he said, "b …"`
        between = text[ctx.regions[ri - 1].mark_end:r.mark_start]
        if between.rstrip().endswith(",") and len(between.split()) <= 10 \
                and text[ctx.regions[ri - 1].start:ctx.regions[ri - 1].end].rstrip()[-1:] in ",—–-":
            return "full"
        if between.rstrip().endswith(".") and len(between.split()) <= 10 \
                and text[r.start:r.end].rstrip()[-1:] in ".!?" \
                and _speech_between(ctx, ctx.regions[ri - 1].mark_end, r.mark_start):
            return "full"  # `"A," she said. "Together."`: the speaker goes on, a word or two, not a title
    para_start = ctx.paragraph_of[ctx.para(r.mark_start)]
    before = text[para_start:r.mark_start].rstrip()
    inner = text[r.start:r.end]
    words = inner.split()
    lowered = before.lower()
    if any(lowered.endswith(p) for p in SCARE_PRECEDERS):
        return None
    if _title_like(words) and len(words) <= 8 and not _sentence_like(inner) \
            and (_title_context(before) or not _attribution_follows(ctx, ri)):
        return None
    if not before or before[-1] in ":" or before.endswith((".", "!", "?", "”", '"', "''")):
        return "full"
    if before[-1] in ",—–-(":
        # `said, "…"` / `— "…"`: a full quotation when it reads as a sentence of its own
        if _sentence_like(inner) or _follows_speech_verb(ctx, r):
            return "full"
        return "fragment"
    if _follows_speech_verb(ctx, r) and _sentence_like(inner):
        return "full"
    return "fragment"


def _speech_between(ctx: QuoteContext, start: int, end: int) -> bool:
    """The words between two quotations hold a speech verb ("Brandt said.", "she added.")."""
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in span)


def _title_context(before: str) -> bool:
    """`on "Face the Nation,"`, `CNN's "State of the Union"`, `his book, "…"`: a name, not words."""
    words = before.rstrip(" ,").split()
    if not words:
        return False
    last = words[-1].lower()
    return last in TITLE_PRECEDERS or last.endswith(("’s", "'s")) or last.rstrip(",") in TITLE_NOUNS


def _attribution_follows(ctx: QuoteContext, ri: int) -> bool:
    """`"Hopefully," the president said, …`: a speech verb within a few words after the quote."""
    r = ctx.regions[ri]
    if not ctx.text[r.start:r.end].endswith((",", "?", "!")):
        return False
    return any(abs(c.idx - r.mark_end) <= 40 and c.idx > r.mark_end for c in _nearby_cues(ctx, ri))


def _title_like(words: list[str]) -> bool:
    letters = [w for w in words if any(c.isalpha() for c in w)]
    content = [w for w in letters if w.lower() not in MINOR_WORDS]
    return bool(content) and all(w.lstrip("‘'(\"“")[:1].isupper() for w in content)


def _sentence_like(inner: str) -> bool:
    """Starts with a capital and has several words: reads as a sentence, not a label."""
    stripped = inner.lstrip("‘'(…. ")
    return bool(stripped) and stripped[0].isupper() and len(inner.split()) >= 4


def _follows_speech_verb(ctx: QuoteContext, r: QuoteRegion) -> bool:
    span = ctx.doc.char_span(r.mark_start, r.mark_end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    i = span.start - 1
    while i >= 0 and ctx.doc[i].is_punct and ctx.doc[i].text in ",:—–-":
        i -= 1
    return i >= 0 and ctx.doc[i].lemma_.lower() in SPEECH_VERBS and ctx.doc[i].pos_ in ("VERB", "AUX")


# ------------------------------------------------------------------------------- attribution


def _local_attribution(ctx: QuoteContext, ri: int, *, fragment: bool) -> _Attribution | None:
    """The attribution found in the quote's own sentence (steps 1-3 of the module docstring)."""
    doc = ctx.doc
    toks = ctx.region_tokens[ri]
    if not toks:
        return None
    inside = set(toks)
    if not fragment:
        dash = _dash_attribution(ctx, ctx.regions[ri])
        if dash is not None and dash.speaker is not None and dash.speaker.i not in ctx.in_quote:
            return dash
    # a quotation ending with a full stop ends its sentence: what follows is another sentence
    # ('… said "the question is timing." Gov. Lee said …'), whatever the parser made of it
    closed_here = ctx.text[ctx.regions[ri].start:ctx.regions[ri].end].endswith(".")
    after_limit = max(toks) if closed_here else len(doc)
    # 1. a speech verb governing the quotation
    best: tuple[int, Token] | None = None
    para = ctx.para(ctx.regions[ri].start)
    for i in toks:
        head = doc[i].head
        depth = 0
        node = doc[i]
        while head.i != node.i and depth < 6:
            if ctx.para(head.idx) != para or head.i > after_limit:
                break  # the parser ran a sentence over a paragraph break or a full stop
            if head.i not in inside:
                if head.i in ctx.in_quote:
                    break  # inside another quotation
                if is_cue(head):
                    if best is None or depth < best[0]:
                        best = (depth, head)
                    break
            node, head = head, head.head
            depth += 1
    if best is not None:
        attr = _attribution_from_cue(ctx, best[1])
        if attr.speaker is not None:
            return attr
    # 1b. a speech noun with its owner governing the quotation ("Trump's claim that there were …")
    for i in toks:
        node = doc[i]
        for _ in range(6):
            head = node.head
            if head.i == node.i or ctx.para(head.idx) != para or (head.i in ctx.in_quote and head.i not in inside):
                break
            if head.i not in inside and head.pos_ == "NOUN" and head.lemma_.lower() in SPEECH_NOUNS:
                owner = next((c for c in head.children if c.dep_ == "poss" and c.i not in ctx.in_quote), None)
                if owner is not None:
                    return _Attribution(None, owner, MEDIA.get(head.lemma_.lower()))
                break
            node = head
    # 2. a speech verb attached to the quotation ("…," X said)
    for i in toks:
        for child in doc[i].children:
            if child.i not in ctx.in_quote and is_cue(child) and child.lemma_ not in NAMING_VERBS \
                    and ctx.para(child.idx) == para and child.i <= after_limit:
                attr = _attribution_from_cue(ctx, child)
                if attr.speaker is not None:
                    return attr
    # 3. the nearest speech verb next to the quotation, within its sentence
    for cue in _nearby_cues(ctx, ri):
        if cue.i > after_limit:
            continue
        if fragment and cue.lemma_ in NAMING_VERBS and not _governs(cue, inside):
            continue
        attr = _attribution_from_cue(ctx, cue)
        if attr.speaker is not None:
            return attr
    if best is not None:
        return _attribution_from_cue(ctx, best[1])
    return None


def _dash_attribution(ctx: QuoteContext, r: QuoteRegion) -> _Attribution | None:
    """`"…" ― Jane Doe`: a name right after the closing mark and a dash (reader comments, epigraphs)."""
    pos = r.mark_end
    while pos < len(ctx.text) and ctx.text[pos].isspace() and ctx.text[pos] != "\n":
        pos += 1
    if pos >= len(ctx.text) or ctx.text[pos] not in "―—–-":
        return None
    pos += 1
    while pos < len(ctx.text) and ctx.text[pos].isspace() and ctx.text[pos] != "\n":
        pos += 1
    if pos >= len(ctx.text):
        return None
    span = ctx.doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None:
        return None
    m = ctx.mention_at(span[0])
    if m is not None and m.label in ("PERSON", "ORG"):
        name = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        return _Attribution(None, name.root if name is not None else span[0], None)
    # a name the NER did not tag: a run of capitalized words ending the paragraph or sentence
    toks = []
    i = span[0].i
    while i < len(ctx.doc) and ctx.doc[i].text[:1].isupper() and ctx.doc[i].is_alpha is not False:
        toks.append(ctx.doc[i])
        i += 1
    rest = ctx.doc[i].text if i < len(ctx.doc) else "\n"
    if 1 < len(toks) <= 5 and (rest in SENT_END or "\n" in rest or rest == ","):
        return _Attribution(None, toks[-1], None)
    return None


def _governs(tok: Token, inside: set[int]) -> bool:
    return any(t.i in inside for t in tok.subtree)


def _nearby_cues(ctx: QuoteContext, ri: int) -> list[Token]:
    """Speech verbs outside quotations in the stretch of sentence around region ``ri``, nearest first."""
    doc = ctx.doc
    r = ctx.regions[ri]
    span = doc.char_span(r.mark_start, r.mark_end, alignment_mode="expand")
    if span is None:
        return []
    found: list[tuple[int, int, Token]] = []
    # after the quotation: up to the end of the sentence, the next quotation or the paragraph
    i = span.end
    dist = 0
    while i < len(doc):
        tok = doc[i]
        if i in ctx.in_quote or "\n" in tok.text:
            break
        if is_cue(tok):
            found.append((dist, 0, tok))
        if tok.text in SENT_END:
            break
        i += 1
        dist += 1
    # before the quotation: back to the start of the sentence, the previous quotation or paragraph
    i = span.start - 1
    dist = 0
    while i >= 0:
        tok = doc[i]
        if i in ctx.in_quote or "\n" in tok.text or tok.text in SENT_END:
            break
        if is_cue(tok):
            found.append((dist, 1, tok))
        i -= 1
        dist += 1
    found.sort(key=lambda x: (x[0], x[1]))
    return [t for _, _, t in found]


def _attribution_from_cue(ctx: QuoteContext, cue: Token) -> _Attribution:
    """Subject (speaker word) and medium of a speech verb."""
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        speaker, medium = _owner_if_medium(pobj)
                        if speaker is not None and speaker.i in ctx.in_quote:
                            speaker = None
                        return _Attribution(cue, speaker, medium, according=True)
        return _Attribution(cue, None, None, according=True)
    subject = _subject(ctx, cue)
    medium = _medium_of(ctx, cue)
    speaker = subject
    if subject is not None:
        owner, subj_medium = _owner_if_medium(subject)
        if subj_medium:
            medium = medium or subj_medium
            speaker = owner if owner is not None else subject  # "the letter reads": the letter
    if medium is None and cue.lemma_ in WRITTEN_CUES and WRITTEN_CUES[cue.lemma_] != "written":
        medium = WRITTEN_CUES[cue.lemma_]
    if speaker is not None and speaker.i in ctx.in_quote:
        speaker = None  # words inside a quotation never name its speaker
    return _Attribution(cue, speaker, medium)


def _subject(ctx: QuoteContext, verb: Token) -> Token | None:
    """The subject of ``verb``; for a verb without one, the subject it shares (conj, advcl, xcomp),
    or a name right after it ("Said Marsh: …"). Words inside a quotation are never the subject."""
    if verb.tag_ == "VBG" and verb.i > 0:  # "footage of Clinton asking, '…'"
        prev = verb.doc[verb.i - 1]
        m = ctx.mention_at(prev)
        if m is not None and m.label == "PERSON" and prev.i not in ctx.in_quote:
            return mention_root(ctx, prev)
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.i in ctx.in_quote:
                continue
            if child.dep_ in SUBJECT_DEPS:
                if node is verb and _misparsed_subject(ctx, verb, child):
                    continue
                if child.tag_ in ("WDT", "WP") and node.dep_ == "relcl":
                    # "Smith, who said …"; in a list ("A, B and C, who joked …") the last one named
                    named = [t for t in (node.head, *node.head.conjuncts) if t.i < child.i]
                    return max(named, key=lambda t: t.i) if named else node.head
                if child.ent_type_ in NON_SPEAKER_ENTS:
                    continue
                return child
            if child.dep_ == "agent":  # "was told by X"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if node.dep_ == "advcl" and verb.tag_ == "VBG" and node.head.dep_ == "ccomp" \
                and is_cue(node.head.head) and node.head.head.i not in ctx.in_quote:
            # "Lee said the count was too high, adding that …": the participle shares the
            # subject of the speech verb, not of the reported clause it hangs from
            node = node.head.head
            continue
        if node.dep_ in ("conj", "advcl", "xcomp", "pcomp") and node.head.i != node.i:
            node = node.head
            if node.dep_ == "prep" and node.head.i != node.i:  # "began by saying …"
                node = node.head
            continue
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i and node.head.i not in ctx.in_quote:
            head = node.head
            if head.pos_ == "PROPN" or ctx.mention_at(head) is not None or node.tag_ != "VBG" \
                    or head.lemma_.lower() in MEDIA or head.lemma_.lower() in SPEECH_NOUNS:
                return head  # "a statement saying …", "Lee, saying …", "the right to say"
            # "Lee announced her departure stating …": the participle hangs from the object of
            # the verb whose subject speaks
            while head.dep_ in ("dobj", "pobj", "prep", "attr") and head.head.i != head.i:
                head = head.head
            if head.pos_ not in ("VERB", "AUX") or head.i == node.i:
                return node.head
            node = head
            continue
        break
    # the parser missed the subject: take the name written next to the verb, on its side of any
    # quotation ('"…," Police Chief Ann Lee said' parsed as a fragment; "Said Marsh: …")
    if verb.dep_ == "compound" and (verb.head.pos_ == "PROPN" or ctx.mention_at(verb.head)):
        return verb.head
    for labels in (("PERSON",), ("ORG",)):  # a person before an organization
        for step in (-1, 1):
            i = verb.i + step
            while 0 <= i < len(verb.doc) and abs(i - verb.i) <= 8:
                tok = verb.doc[i]
                if i in ctx.in_quote or tok.text in SENT_END or tok.text in ":;" or "\n" in tok.text:
                    break
                m = ctx.mention_at(tok)
                if m is not None and m.label in labels and tok.dep_ != "poss":
                    return mention_root(ctx, tok)
                i += step
    return None


def _misparsed_subject(ctx: QuoteContext, verb: Token, subj: Token) -> bool:
    """"Lee announced his departure stating, …" parsed with "departure" as the subject of the
    participle: a participle that depends on another verb shares that verb's subject, so a
    possessed common noun that names neither a person nor a body nor words is not its speaker."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("ccomp", "advcl", "xcomp", "conj"):
        return False
    if subj.pos_ != "NOUN" or ctx.mention_at(subj) is not None:
        return False
    lemma = subj.lemma_.lower()
    if lemma in MEDIA or lemma in SPEECH_NOUNS or lemma in ROLE_NOUNS or lemma in ORG_DESCRIPTION_NOUNS:
        return False
    return any(c.dep_ == "poss" for c in subj.children)


def _owner_if_medium(tok: Token) -> tuple[Token | None, str | None]:
    """For a medium noun ("Trump's post", "a statement from the county"): (owner, medium)."""
    medium = MEDIA.get(tok.lemma_.lower())
    if medium is None or tok.pos_ == "PROPN":
        return tok, None
    for child in tok.children:
        if child.dep_ == "poss":
            return child, medium
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj, medium
        if child.dep_ == "acl":  # "a statement issued by the company", "a post shared by Lee"
            for agent in child.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            return pobj, medium
    for child in tok.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            return child, medium
    return None, medium


def _medium_of(ctx: QuoteContext, cue: Token) -> str | None:
    """"in a statement", "on Truth Social", "during an interview" attached to the cue (or to the
    verb it depends on: "fired back in a court filing, calling it …"), else anywhere in the cue's
    sentence outside quotations (the parser attaches a fronted "In a post, …" unreliably)."""
    node = cue
    for _ in range(3):
        medium = speech_medium(node)
        if medium:
            return medium
        if node.dep_ not in ("advcl", "xcomp", "conj") or node.head.i == node.i:
            break
        node = node.head
    for tok in ctx.segment(cue):
        if tok.i in ctx.in_quote or tok.dep_ != "pobj" or tok.head.lower_ not in MEDIUM_PREPS:
            continue
        if _names_platform(tok):
            return "post"
        medium = MEDIA.get(tok.lemma_.lower())
        if medium in OWN_MEDIA:
            return medium
    return None


# media a speech verb's object or bare noun names ("issued a statement", "wrote Monday in a letter")
_OBJECT_MEDIA = frozenset({"post", "tweet", "statement", "letter", "email", "message", "filing"})


def speech_medium(verb: Token) -> str | None:
    """The medium a speech verb's own phrase names: "post" when it is said on a social platform
    (``lexicon.en.quotes.PLATFORMS``: "said on X", "wrote on Facebook", "said in a post on
    Instagram"; also with "on X" hung on the subject, as the parser often does: "said the agency
    on X"), else the medium word (``lexicon.en.quotes.MEDIA``) of a phrase under the verb ("in a
    statement" → "statement", "during an interview" → "interview") or of its object ("issued a
    statement"); None when the phrase names no medium."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for obj in _medium_objects([*verb.children, *(c for s in subjects for c in s.children)]):
        if _names_platform(obj) or (obj.lemma_.lower() == "post" and any(
                _names_platform(o) for o in _medium_objects(obj.children))):
            return "post"
    for child in verb.children:
        for obj in _medium_objects([child]):
            medium = MEDIA.get(obj.lemma_.lower())
            if medium and obj.pos_ != "PROPN":
                return medium
        if child.dep_ in ("npadvmod", "dobj") and child.pos_ == "NOUN":
            medium = MEDIA.get(child.lemma_.lower())
            if medium in _OBJECT_MEDIA:
                return medium
    return None


def _medium_objects(tokens: Iterable[Token]) -> Iterator[Token]:
    """The objects of the medium prepositions among ``tokens`` ("in" → "a statement", "on" → "X")."""
    for prep in tokens:
        if prep.dep_ == "prep" and prep.lower_ in MEDIUM_PREPS:
            yield from (o for o in prep.children if o.dep_ == "pobj")


def _names_platform(tok: Token) -> bool:
    """The word names a social platform: itself ("X", "X." at a sentence end), with its compound
    modifiers ("Truth Social") or with its whole phrase."""
    words = " ".join(t.lower_ for t in tok.subtree if not t.is_punct).removesuffix(".")
    return tok.lower_.rstrip(".") in PLATFORMS or _phrase(tok).lower() in PLATFORMS or words in PLATFORMS


def _phrase(tok: Token) -> str:
    """A proper-name phrase: the token with its compound modifiers ("Truth Social")."""
    left = [c for c in tok.lefts if c.dep_ == "compound"]
    start = left[0].i if left else tok.i
    return tok.doc[start:tok.i + 1].text


def _attribution_from_context(ctx: QuoteContext, kinds: list[str | None],
                              attrs: list[_Attribution | None]) -> None:
    """Full quotations without a local attribution take it from the surrounding text (in place)."""
    regions = ctx.regions
    # a multi-paragraph quotation shares one attribution (the first one found in it)
    chains: dict[int, _Attribution] = {}
    for ri, r in enumerate(regions):
        a = attrs[ri]
        if a is not None and a.speaker is not None and r.chain not in chains:
            chains[r.chain] = a
    for ri, r in enumerate(regions):
        own = attrs[ri]
        if kinds[ri] != "full" or (own is not None and own.speaker is not None):
            continue
        if r.chain in chains and (r.chain != ri or any(regions[j].chain == ri for j in range(ri + 1, len(regions)))):
            attrs[ri] = chains[r.chain]
            continue
        inherited = _from_previous(ctx, kinds, attrs, ri)
        if inherited is not None:
            attrs[ri] = inherited


def _from_previous(ctx: QuoteContext, kinds: list[str | None], attrs: list[_Attribution | None],
                   ri: int) -> _Attribution | None:
    """The other half of a split quote, a colon introduction, or the attribution just before."""
    doc = ctx.doc
    r = ctx.regions[ri]
    para = ctx.para(r.mark_start)
    span = doc.char_span(r.mark_start, r.mark_end, alignment_mode="expand")
    if span is None:
        return None
    # the previous full quotation in the same paragraph, or ending the previous paragraph
    prev = ri - 1
    while prev >= 0 and kinds[prev] is None:
        prev -= 1
    before = attrs[prev] if prev >= 0 else None
    if before is not None and before.speaker is not None:
        prev_para = ctx.para(ctx.regions[prev].mark_start)
        between = ctx.text[ctx.regions[prev].mark_end:r.mark_start]
        if prev_para == para and len(between.split()) <= 12:
            return before  # "A," he said. "B."
    # the sentence before (same paragraph, or the last one of the previous paragraph)
    i = span.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in SENT_END or doc[i].is_quote):
        i -= 1
    if i < 0:
        return None
    if ctx.para(doc[i].idx) < para - 1:
        return None
    sent = ctx.segment(doc[i])
    if i in ctx.in_quote:
        # the previous paragraph ends with a quotation: same speaker goes on, if that one was attributed
        pj = ctx.in_quote[i]
        a = attrs[pj]
        if a is not None and a.speaker is not None and kinds[pj] == "full" and _standalone(ctx, r):
            return a
        return None
    colon = doc[i].text == ":"
    cues = [t for t in sent if is_cue(t) and t.i not in ctx.in_quote and t.i <= i]
    if colon and not cues:  # "The coach offered these thoughts:" / "… a new message: …"
        root = doc[i].head if doc[i].head.i not in ctx.in_quote else None
        while root is not None and root.head.i != root.i and root.head.i not in ctx.in_quote:
            root = root.head
        if root is not None:
            for child in root.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i not in ctx.in_quote \
                        and ctx.mention_at(child) is not None \
                        and ctx.mention_at(child).label in ("PERSON", "ORG"):  # type: ignore[union-attr]
                    return _Attribution(None, child, None)
    # the main clause's speech verb first ("Smith spoke at the dinner, where Lee also spoke.")
    for cue in sorted(cues, key=lambda t: (_depth(t), -t.i)):
        a = _attribution_from_cue(ctx, cue)
        if a.speaker is not None and (colon or _standalone(ctx, r)):
            return a
    return None


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def _standalone(ctx: QuoteContext, r: QuoteRegion) -> bool:
    """The quotation is a sentence of its own (nothing of the reporter's after it in the sentence)."""
    after = ctx.text[r.mark_end:r.mark_end + 3].lstrip(" \t\xa0")
    return after == "" or after[0] in "\n" or after[:1] in SENT_END or after[0] in "“\""


# ------------------------------------------------------------------------------------ speakers


def _make_quote(ctx: QuoteContext, r: QuoteRegion, kind: str, attr: _Attribution | None) -> Quote:
    q = Quote(start=r.start, end=r.end, text=ctx.text[r.start:r.end], kind=kind)  # type: ignore[arg-type]
    if attr is None:
        return q
    if attr.cue is not None:
        q.cue = "according to" if attr.according else attr.cue.lemma_.lower()
    q.medium = attr.medium
    if attr.speaker is not None:
        start, end = speaker_extent(ctx, attr.speaker)
        q.speaker_start, q.speaker_end = start, end
        q.speaker_text = ctx.text[start:end]
        q.speaker = resolve_speaker(ctx, attr.speaker)
    return q

