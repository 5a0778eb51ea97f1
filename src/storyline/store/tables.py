"""The database schema (SQLAlchemy 2.x Core tables), portable across SQLite and PostgreSQL.

Only generic types are used (String, Text, Integer, DateTime, JSON); JSON becomes JSONB on
PostgreSQL. Ids are the pipeline's content hashes (short hex strings), so they are primary keys as
they are. ``schema_version`` holds one row; bump :data:`SCHEMA_VERSION` and add a migration step in
:mod:`storyline.store` when a table changes. A new table needs neither: opening a store creates the
tables it lacks (``profiles`` came that way), and an older storyline ignores a table it does not know.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB

SCHEMA_VERSION = 1

metadata = MetaData()

JsonType = JSON().with_variant(JSONB(), "postgresql")
ID = String(64)

schema_version = Table(
    "schema_version", metadata,
    Column("id", Integer, primary_key=True),  # always 1: a one-row table
    Column("version", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", ID, primary_key=True),  # content hash
    Column("path", Text, nullable=False, default=""),
    Column("title", Text),
    Column("outlet", Text),
    Column("byline", JsonType, nullable=False, default=list),
    Column("dateline", Text),
    Column("url", Text),
    Column("published_date", String(32)),
    Column("published_earliest", String(32)),
    Column("published_latest", String(32)),
    Column("published_basis", String(16), nullable=False, default="unknown"),
    Column("language", String(16), nullable=False, default="en"),
    Column("text", Text, nullable=False),
    Column("duplicate_of", ID),  # not a foreign key: the original may be stored later or never
    Column("boilerplate", JsonType, nullable=False, default=list),
    Column("source_format", String(16), nullable=False, default="txt"),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

analyses = Table(
    "analyses", metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    # The ArticleAnalysis in codec form, without article.text (that lives in articles.text once).
    Column("data", JsonType, nullable=False),
    Column("generator", String(64), nullable=False),  # storyline version that produced it
    Column("model", String(128)),  # spaCy model name/version, when known
    Column("analyzed_at", DateTime(timezone=True), nullable=False),
)

profiles = Table(
    "profiles", metadata,
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    # story/cluster.py's evidence keys of the article (key -> count): what story detection reads,
    # so that clustering a big store never decodes the analyses themselves
    Column("keys", JsonType, nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", ID, primary_key=True),
    Column("title", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

story_articles = Table(
    "story_articles", metadata,
    Column("story_id", ID, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),
    Index("ix_story_articles_article", "article_id"),
)

dossiers = Table(
    "dossiers", metadata,
    Column("story_id", ID, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("data", JsonType, nullable=False),  # the public dossier JSON (render.json.dossier_to_dict)
    Column("html", Text),  # the rendered HTML dossier, when it was rendered at save time
    Column("generator", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
