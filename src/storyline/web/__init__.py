"""storyline.web."""
