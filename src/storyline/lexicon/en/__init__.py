"""English word lists (see :mod:`storyline.lexicon`). Modules: :mod:`.labels` (evaluative labels)."""
