"""storyline.ingest."""
