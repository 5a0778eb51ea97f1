"""Common given names with how often each is a woman's name: evidence that a name is a person's,
and the gender a later "he"/"she" must agree with.

The list (``data/given_names.tsv``, ~8,000 names) is derived from the nomquamgender name data (MIT
licence; pooled name–gender statistics of many countries), keeping names seen in many sources for
many people; ``tools/build_given_names.py`` rebuilds it. Loaded once per process, lazily.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from storyline.options import EntityOptions

__all__ = ["given_name_gender", "is_given_name"]


@cache
def _table() -> dict[str, float]:
    text = resources.files("storyline.analyze").joinpath("data/given_names.tsv").read_text("utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, share = line.split("\t")
        out[name] = float(share)
    return out


def _key(word: str) -> str:
    return word.strip(".,'’").lower()


def is_given_name(word: str) -> bool:
    """A capitalized word that is a common given name ("Maria", "Greg"; not "Coast", "Navy")."""
    return word[:1].isupper() and _key(word) in _table()


def given_name_gender(word: str, options: EntityOptions | None = None) -> str | None:
    """"f" or "m" when the given name is (nearly) always a woman's or a man's, else None: the share of
    women with the name is at least ``options.female_share`` or at most ``options.male_share``."""
    share = _table().get(_key(word))
    if share is None:
        return None
    opts = options or _DEFAULTS
    return "f" if share >= opts.female_share else "m" if share <= opts.male_share else None


_DEFAULTS = EntityOptions()
