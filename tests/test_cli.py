"""The command line: exit codes, one-line errors without tracebacks, atomic outputs."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "auditor", *args], cwd=cwd or ROOT, input=stdin,
                          capture_output=True, env=env, timeout=600)


def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode != 0, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]


def make_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty.txt": b"",
        "blank.txt": b"  \n\n \t\n",
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "latin1.txt": "Quetta: the minister’s statement".encode("utf-8").replace(b"\xe2\x80\x99", b"\x92") + " café".encode("latin-1"),
        "broken.json": b'{"id": "a1", "text": "Twenty people were killed.",',
    }
    out = {}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        out[name] = path
    (tmp_path / "empty-folder").mkdir()
    out["empty-folder"] = tmp_path / "empty-folder"
    return out


@pytest.mark.parametrize(
    "name, needle",
    [
        ("missing.txt", "no such file"),
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("broken.json", "JSON"),
        ("empty-folder", "no article files"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(tmp_path: Path, name: str, needle: str) -> None:
    make_inputs(tmp_path)
    result = run_cli("audit", str(tmp_path / name), "--json", str(tmp_path / "out.json"))
    assert_one_line_error(result, name, needle)
    assert not (tmp_path / "out.json").exists()


def test_oversized_file_names_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Officials said 14 people were killed. " * 100, encoding="utf-8")
    result = run_cli("audit", str(big), "--max-bytes", "1000")
    assert_one_line_error(result, "big.txt", "1000")


def test_failed_run_leaves_previous_outputs_untouched(tmp_path: Path) -> None:
    report, audit_json = tmp_path / "report.html", tmp_path / "audit.json"
    report.write_text("last good report")
    audit_json.write_text('{"last": "good"}')
    result = run_cli("audit", str(tmp_path / "nope"), "--html", str(report), "--json", str(audit_json))
    assert result.returncode != 0
    assert report.read_text() == "last good report"
    assert audit_json.read_text() == '{"last": "good"}'


def test_strict_makes_a_bad_file_fatal(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("audit", str(seeds_dir / "000_620f5b53ba0e7b75.txt"), str(tmp_path / "empty.txt"), "--strict")
    assert_one_line_error(result, "empty.txt")


def test_help_and_version() -> None:
    assert run_cli("--version").stdout.decode().startswith("auditor ")
    helped = run_cli("audit", "--help").stdout.decode()
    for option in ("--json", "--html", "--model", "--quiet", "--strict"):
        assert option in helped


def test_unknown_option_is_a_usage_error() -> None:
    result = run_cli("audit", "--no-such-option")
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr


@pytest.mark.slow
def test_bad_file_among_good_ones_is_skipped_with_a_warning(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "audit.json"
    result = run_cli("audit", str(seeds_dir / "000_620f5b53ba0e7b75.txt"), str(seeds_dir / "001_85c675606f11d11d.txt"),
                     str(tmp_path / "empty.txt"), "--json", str(out))
    err = result.stderr.decode()
    assert result.returncode == 0, err
    assert "skipped" in err and "empty.txt" in err and "Traceback" not in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == ["000_620f5b53ba0e7b75", "001_85c675606f11d11d"]
    assert data["problems"][0]["path"].endswith("empty.txt")


@pytest.mark.slow
def test_stdin_article(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "audit.json"
    text = (seeds_dir / "001_85c675606f11d11d.txt").read_bytes()
    result = run_cli("audit", "-", "--json", str(out), "--quiet", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 1 and data["articles"][0]["path"] == "-"


def test_closed_pipe_ends_quietly(capsys) -> None:
    """`auditor review list | head`: the reader went away; no error line, no traceback."""
    import typer

    from auditor.cli import _run_guarded

    def write_to_closed_pipe() -> None:
        raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(typer.Exit) as ended:
        _run_guarded(write_to_closed_pipe)
    assert ended.value.exit_code == 141
    assert capsys.readouterr().err == ""


def test_audit_and_compare_share_their_common_options() -> None:
    """One declaration each: the same flags and the same help text in both commands."""
    import typer.main

    from auditor.cli import app

    command = typer.main.get_command(app)
    shared = ["model", "backend", "spacy_model", "cache_dir", "no_cache", "max_bytes", "encoding", "quiet", "verbose"]
    options = {name: {p.name: (tuple(p.opts), p.help) for p in command.commands[name].params} for name in ("audit", "compare")}
    assert [options["audit"][n] for n in shared] == [options["compare"][n] for n in shared]
    assert all(options["audit"][n][1] for n in shared)


def test_every_output_format_has_one_renderer() -> None:
    from auditor.cli import COMPARE_FORMATS, RENDERERS

    assert set(COMPARE_FORMATS) == set(RENDERERS) == {"text", "json", "markdown", "html"}
