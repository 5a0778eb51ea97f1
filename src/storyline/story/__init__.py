"""storyline.story."""
