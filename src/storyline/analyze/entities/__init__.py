"""Named entities of one article (mentions grouped into local entities with roles and titles), and
the name helpers the story level shares with it.

Modules: :mod:`.extract` (mentions and local entities), :mod:`.names` (name keys and name
comparison), :mod:`.given_names` (given-name list), :mod:`.casing` (all-caps and title-case text),
:mod:`.roles` (roles and titles of people), :mod:`.context` (what a name's words and its place in the
parse say about its type).
"""

from __future__ import annotations

from storyline.analyze.entities.context import is_given_name_form, storm_name
from storyline.analyze.entities.extract import extract_entities
from storyline.analyze.entities.given_names import given_name_gender, is_given_name
from storyline.analyze.entities.names import (
    expand_title_words,
    fullest_name,
    given_variants,
    gpe_key,
    link_orgs,
    name_tokens,
    norp_key,
    person_compatible,
    person_core,
    surname,
)

__all__ = [
    "expand_title_words",
    "extract_entities",
    "fullest_name",
    "given_name_gender",
    "given_variants",
    "gpe_key",
    "is_given_name",
    "is_given_name_form",
    "link_orgs",
    "name_tokens",
    "norp_key",
    "person_compatible",
    "person_core",
    "storm_name",
    "surname",
]
