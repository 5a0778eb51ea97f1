"""English word lists (see :mod:`storyline.lexicon`).

Modules: :mod:`.labels` (evaluative labels), :mod:`.measures` (units, bounds, event classes of
quantity claims), :mod:`.names` (name and title words), :mod:`.speakers` (speech verbs, media,
speaker words), :mod:`.time` (verbs whose present tells a scheduled future).
"""
