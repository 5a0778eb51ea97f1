"""The SQLAlchemy store: idempotent saves, one transaction per article, dossiers, search, errors."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, event

from storyline.errors import StoreError
from storyline.model import Article, ArticleAnalysis, PubDate, Quote, Sentence
from storyline.store import Store, safe_url, tables
from storyline.store import codec as codec_module


def make_analysis(article_id: str, text: str, title: str | None = None, path: str = "") -> ArticleAnalysis:
    art = Article(id=article_id, text=text, title=title, path=path or f"{article_id}.txt",
                  published=PubDate("2024-05-02", "2024-05-02", "2024-05-02", "text"))
    first = text.split(".")[0] + "."
    return ArticleAnalysis(article=art, sentences=[Sentence(0, len(first))])


# Set STORYLINE_TEST_PG_URL (e.g. postgresql+psycopg://postgres@/sltest?host=/tmp/pg) to run the
# portable tests against PostgreSQL too; its tables are dropped before each test.
PG_URL = os.environ.get("STORYLINE_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path: Path) -> Store:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        url = PG_URL
        engine = create_engine(url)
        tables.metadata.drop_all(engine)
        engine.dispose()
    s = Store(url)
    yield s
    s.close()


def _count(store: Store, table: str) -> int:
    return store.counts()[table]


def test_save_is_idempotent_and_reports_new(store: Store, tmp_path: Path,
                                            sample_analysis: ArticleAnalysis) -> None:
    a = sample_analysis
    assert store.save_analysis(a) is True
    assert store.save_analysis(a) is False
    assert _count(store, "articles") == 1
    assert _count(store, "analyses") == 1
    assert store.load_analyses([a.article.id]) == [a]


def test_resave_updates_metadata_and_analysis(store: Store, sample_analysis: ArticleAnalysis) -> None:
    a = sample_analysis
    store.save_analysis(a)
    a.article.path = "renamed/flood.txt"
    a.quotes = [Quote(0, 5, "Flood")]
    assert store.save_analysis(a) is False
    (back,) = store.load_analyses([a.article.id])
    assert back.article.path == "renamed/flood.txt"
    assert back.quotes == [Quote(0, 5, "Flood")]
    assert store.list_articles()[0]["path"] == "renamed/flood.txt"


def test_reopening_a_file_keeps_everything(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'keep.db'}"
    with Store(url) as s:
        s.save_analysis(make_analysis("x1", "Storm hits coast. More later."))
    with Store(url) as s:
        assert [a["id"] for a in s.list_articles()] == ["x1"]
        assert s.schema_version == 1
        assert s.save_analysis(make_analysis("x1", "Storm hits coast. More later.")) is False


def test_load_analyses_keeps_order_and_skips_unknown(store: Store) -> None:
    for i in "abc":
        store.save_analysis(make_analysis(i, f"Text {i}. More."))
    got = store.load_analyses(["c", "zzz", "a", "c"])
    assert [x.article.id for x in got] == ["c", "a"]
    assert got[0].article.text == "Text c. More."


def test_failure_mid_transaction_leaves_no_half_written_article(store: Store, tmp_path: Path) -> None:
    """A database error after the article row is written rolls the whole article back."""
    store.save_analysis(make_analysis("ok1", "Good article. Stays."))

    dbapi_error = store.engine.dialect.loaded_dbapi.OperationalError

    def fail_on_analysis_insert(conn, cursor, statement, params, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO ANALYSES"):
            raise dbapi_error("disk I/O error (forced by the test)")

    event.listen(store.engine, "before_cursor_execute", fail_on_analysis_insert)
    try:
        with pytest.raises(StoreError, match=r"^(sqlite|postgresql)\S*: cannot save article bad1: .*forced"):
            store.save_analysis(make_analysis("bad1", "Doomed article. Gone."))
    finally:
        event.remove(store.engine, "before_cursor_execute", fail_on_analysis_insert)
    assert _count(store, "articles") == 1 and _count(store, "analyses") == 1
    assert [a["id"] for a in store.list_articles()] == ["ok1"]
    # and the store is still usable afterwards
    assert store.save_analysis(make_analysis("bad1", "Doomed article. Gone.")) is True


def test_non_database_error_also_rolls_back(store: Store, tmp_path: Path, monkeypatch) -> None:
    """A bug while preparing the analysis (here: in the codec) stores nothing at all."""
    def boom(a):
        raise RuntimeError("encoder bug")

    monkeypatch.setattr("storyline.store.analysis_to_dict", boom)
    with pytest.raises(RuntimeError):
        store.save_analysis(make_analysis("x", "Some text. Here."))
    assert _count(store, "articles") == 0
    assert codec_module.analysis_to_dict is not boom


def test_dossier_save_get_list(store: Store) -> None:
    for i, title in (("a", "Storm hits coast"), ("b", "Coast cleans up")):
        store.save_analysis(make_analysis(i, f"{title}. Details follow.", title=title))
    assert store.get_dossier("s1") is None and store.get_story("s1") is None
    store.save_dossier("s1", "Storm", ["b", "a"], {"story": {"id": "s1"}, "articles": [1, 2]})
    assert store.get_dossier("s1") == {"story": {"id": "s1"}, "articles": [1, 2]}
    assert [a["id"] for a in store.list_articles("s1")] == ["b", "a"]
    story = store.get_story("s1")
    assert story["title"] == "Storm" and story["article_ids"] == ["b", "a"]
    assert story["created"].endswith("+00:00")
    # saving again replaces, never duplicates
    store.save_dossier("s1", "Storm (2)", ["a"], {"v": 2}, html="<p>x</p>")
    (listed,) = store.list_stories()
    assert listed["id"] == "s1" and listed["title"] == "Storm (2)" and listed["articles"] == 1
    assert store.get_dossier("s1") == {"v": 2}
    assert store.get_dossier_html("s1") == "<p>x</p>"
    store.set_dossier_html("s1", "<p>y</p>")
    assert store.get_dossier_html("s1") == "<p>y</p>"
    assert store.counts() == {"articles": 2, "analyses": 2, "stories": 1, "dossiers": 1}


def test_dossier_of_unknown_articles_is_refused_whole(store: Store) -> None:
    store.save_analysis(make_analysis("a", "One. Two."))
    with pytest.raises(StoreError, match="article\\(s\\) not in the store: nope"):
        store.save_dossier("s1", "T", ["a", "nope"], {})
    assert store.list_stories() == [] and store.get_dossier("s1") is None


def test_search_matches_all_words_case_insensitively(store: Store) -> None:
    store.save_analysis(make_analysis("a", "The council approved the budget on Tuesday. Residents objected.",
                                      title="Budget passes"))
    store.save_analysis(make_analysis("b", "Residents packed the hall. The BUDGET vote was delayed.",
                                      title="Hall packed"))
    store.save_analysis(make_analysis("c", "A new bridge opened. Traffic eased.", title="Bridge opens"))
    store.save_dossier("s1", "Budget", ["a", "b"], {})
    hits = store.search("budget residents")
    assert [h["id"] for h in hits] == ["a", "b"]  # title match ranks first
    for h in hits:
        text = store.get_article(h["id"])["text"]
        assert text[h["start"]:h["end"]] == h["match"]
        assert h["match"].lower() in ("budget", "residents")
        assert h["stories"] == ["s1"]
    assert store.search("bridge")[0]["stories"] == []
    assert store.search("   ") == []
    assert store.search("budget bridge") == []


def test_search_treats_like_wildcards_literally(store: Store) -> None:
    store.save_analysis(make_analysis("a", "Turnout hit 45% in the north. Officials cheered."))
    store.save_analysis(make_analysis("b", "Turnout hit 45 in the north_east. Officials cheered."))
    assert [h["id"] for h in store.search("45%")] == ["a"]
    assert [h["id"] for h in store.search("north_")] == ["b"]
    assert [h["id"] for h in store.search("%")] == ["a"]  # only where a literal % occurs
    assert store.search("4_") == []


def test_in_memory_database_works(monkeypatch) -> None:
    with Store("sqlite://") as s:
        assert s.save_analysis(make_analysis("m", "In memory. Fine.")) is True
        assert s.counts()["articles"] == 1


def test_bare_path_means_sqlite_file_and_folder_is_created(tmp_path: Path) -> None:
    db = tmp_path / "out" / "deeper" / "storyline.db"
    with Store(str(db)) as s:
        s.save_analysis(make_analysis("p", "Plain path. Works."))
    assert db.exists()


@pytest.mark.parametrize("url, message", [
    ("nosuchdb://user:hunter2@host/db", "nosuchdb://user:***@host/db: unsupported database URL"),
    ("postgresql+nosuchdriver://u:hunter2@localhost/db", "postgresql+nosuchdriver://u:***@localhost/db:"),
    ("", "empty database URL"),
])
def test_bad_urls_give_one_line_without_password(url: str, message: str) -> None:
    with pytest.raises(StoreError) as err:
        Store(url)
    text = str(err.value)
    assert message in text
    assert "hunter2" not in text and "\n" not in text


def test_unopenable_sqlite_file(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match=r"afile/x\.db: cannot create the folder"):
        Store(f"sqlite:///{blocker / 'x.db'}")
    not_a_db = tmp_path / "garbage.db"
    not_a_db.write_bytes(b"this is not a sqlite database at all" * 100)
    with pytest.raises(StoreError, match=r"garbage\.db: cannot open database: file is not a database"):
        Store(f"sqlite:///{not_a_db}")


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "v.db"
    Store(f"sqlite:///{db}").close()
    with sqlite3.connect(db) as conn:
        conn.execute("update schema_version set version = 99")
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        Store(f"sqlite:///{db}")


def test_older_schema_is_migrated_in_one_step(tmp_path: Path, monkeypatch) -> None:
    """A version-1 database opened by a (pretend) version-2 storyline runs the 1→2 step once."""
    import storyline.store as store_module

    db = tmp_path / "old.db"
    with Store(f"sqlite:///{db}") as s:
        s.save_analysis(make_analysis("kept", "Old article. Still here."))
    ran = []

    def add_note_column(conn) -> None:
        ran.append(1)
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN note TEXT")

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store_module, "MIGRATIONS", {1: add_note_column})
    with Store(f"sqlite:///{db}") as s:
        assert s.schema_version == 2
        assert [a["id"] for a in s.list_articles()] == ["kept"]
    with Store(f"sqlite:///{db}") as s:  # already migrated: the step does not run again
        assert s.schema_version == 2
    assert ran == [1]
    with sqlite3.connect(db) as conn:
        assert "note" in [row[1] for row in conn.execute("pragma table_info(articles)")]


def test_older_schema_without_a_migration_is_refused_untouched(tmp_path: Path, monkeypatch) -> None:
    import storyline.store as store_module

    db = tmp_path / "old.db"
    Store(f"sqlite:///{db}").close()
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(store_module, "MIGRATIONS", {1: lambda conn: None})
    with pytest.raises(StoreError, match="older than 3 and no migration from 2 is known"):
        Store(f"sqlite:///{db}")
    with sqlite3.connect(db) as conn:
        assert conn.execute("select version from schema_version").fetchone() == (1,)


def test_postgres_password_is_hidden() -> None:
    assert safe_url("postgresql://news:s3cret@db.example.org:5432/storyline") == \
        "postgresql://news:***@db.example.org:5432/storyline"
    assert "s3cret" not in safe_url("not a url://news:s3cret@host")


@pytest.fixture(scope="module")
def memory_store() -> Store:
    with Store("sqlite://") as s:
        yield s


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_analyses_round_trip_through_the_store(memory_store: Store, model_strategy,
                                                        data: st.DataObject) -> None:
    """Whatever the model can hold, the store gives back equal (the text lives in its own column)."""
    a = data.draw(model_strategy(ArticleAnalysis))
    memory_store.save_analysis(a)  # ids may repeat across examples: then it is an update
    assert memory_store.load_analyses([a.article.id]) == [a]
