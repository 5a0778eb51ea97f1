"""Tests of storyline.render (JSON + schema, HTML, Markdown, terminal)."""
