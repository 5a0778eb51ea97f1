"""Word lists, one package per language (``en/``), one module per concept.

Every list here is data with a source: a published lexicon or style guide, or a study of a dev set
(named, with the command that measured it), never the example corpus or a test split. A module
holds the lists of one concept, says in its docstring where each comes from, and is the only
definition of that concept: code imports the list, it does not keep its own copy.

``tests/lexicon/test_lexicon.py`` checks every list of every module here: lower case, no
surrounding blanks, no duplicates (also across the categories of one mapping), a source note for
every category, and that every public list is used somewhere in ``storyline`` outside this package.
"""
