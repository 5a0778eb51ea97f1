"""storyline.render: the dossier as JSON (the contract), HTML, Markdown and a terminal summary.

- ``json``      ``dossier_to_dict``, ``dossier_json``, ``write_json``; ``validate_dossier`` against the
                shipped ``dossier.schema.json`` (JSON Schema 2020-12); ``check_spans``
- ``html``      ``render_html``: one self-contained page (template ``templates/dossier.html.j2``)
- ``markdown``  ``render_markdown``: the same content with ``[article-id:start-end]`` citations
- ``terminal``  ``render_summary``: a one-screen rich summary
- ``view``      what the human-readable renderers share (labels, date wording, word diff, coverage)

Submodules are imported where used, so that ``import storyline`` stays light.
"""
