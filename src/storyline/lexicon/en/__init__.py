"""English word lists (see :mod:`storyline.lexicon`).

Modules: :mod:`.labels` (evaluative labels), :mod:`.measures` (units, bounds, event classes of
quantity claims).
"""
