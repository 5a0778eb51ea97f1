"""storyline.run."""
