"""Words that tell an author credit from a person's name (:mod:`storyline.ingest.byline`).

Sources: general knowledge of how web pages credit authors, written down by hand, none of it from an
evaluation set: the placeholder accounts content management systems create (WordPress ``admin``,
Drupal ``webmaster``), the desk and staff credits of news style (AP Stylebook "staff", "wire
reports"), academic and professional post-nominal letters
(PhD, MD, RN ...) and the generational suffixes of personal names (Jr., Sr., II ...).
"""

from __future__ import annotations

# Generational suffixes that belong to the name they follow ("Ines Vahl, Jr."): the one list of them
# is lexicon.en.names.NAME_SUFFIXES, used here too. The heads of organization names a credit can end
# in are lexicon.en.names.ORG_HEADS.
from storyline.lexicon.en.names import NAME_SUFFIXES

__all__ = ["CREDENTIALS", "NAME_PARTICLES", "NAME_SUFFIXES", "NOT_A_PERSON_WORDS"]

# A credit holding one of these words names a desk, a CMS account or a crowd, not a person
# ("Web Desk", "Site Admin", "Wire Reports", "the editors' desk").
NOT_A_PERSON_WORDS = frozenset("""
admin administrator webmaster newsroom staff team desk editorial editors contributors
correspondents agencies wires anonymous unknown sponsored
""".split())
# Letters after a name that are credentials ("Ines Vahl, PhD", "Ines Vahl MD"): kept with the name as
# printed, never taken for another person; the ones that are also names (Ma, Ba, Pa ...) are left out.
CREDENTIALS = frozenset("""
phd ph.d md m.d rn mba cfa cpa esq dds dmd dvm mph msc bsc frcp facp lcsw
""".split())
# Lower-case words inside a person's name (name particles: "Ana de la Cruz", "Jan van der Berg").
NAME_PARTICLES = frozenset("""
de da del della der den di du la le van von bin binti al el ibn dos das ter ten y e zu
""".split())
