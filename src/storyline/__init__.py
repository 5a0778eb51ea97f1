"""storyline: one story, many reports — an evidence-backed dossier from a set of news articles."""

__version__ = "0.1.0"
