"""Every command in README.md runs, in order, on a copy of seeds/: the README cannot go stale.

Fenced `sh` blocks are commands (`make` lines are checked to be Makefile targets, not run: the
suite itself runs inside what `make test` set up); fenced `python` blocks are executed. `auditor
serve` runs until stopped, so it is started on a free port, its page fetched, then stopped.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

pytestmark = pytest.mark.slow


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced block, in order."""
    return [(m.group(1), m.group(2)) for m in re.finditer(r"^```(\w*)\n(.*?)^```", text, re.S | re.M)]


def commands(body: str) -> list[str]:
    lines = []
    for line in body.splitlines():
        line = re.sub(r"\s+#\s.*$", "", line).strip()  # trailing comments
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def test_readme_has_the_commands_a_new_user_needs() -> None:
    blocks = fenced_blocks(README.read_text(encoding="utf-8"))
    shell = [c for lang, body in blocks if lang == "sh" for c in commands(body)]
    assert "make audit" in shell and "make test" in shell
    for program in ("auditor audit", "auditor compare", "auditor review", "auditor serve"):
        assert any(c.startswith(program) for c in shell), program


def _make_targets() -> set[str]:
    return set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(), re.M))


def _serve(argv: list[str], cwd: Path, env: dict) -> None:
    """Start `auditor serve` on a free port, fetch its page, stop it."""
    proc = subprocess.Popen([*argv, "--port", "0"], cwd=cwd, env=env, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        url = re.search(r"http://\S+", line)
        assert url, f"serve printed no address: {line!r}"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(url.group(0).rstrip("/") + "/", timeout=60) as response:
            assert response.status == 200 and b"<html" in response.read(2000).lower()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stderr.close()


def test_every_readme_command_runs_on_the_seeds(tmp_path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(ROOT / "seeds", work / "seeds")
    env = {**os.environ, "AUDITOR_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    targets = _make_targets()
    ran = 0
    for lang, body in fenced_blocks(README.read_text(encoding="utf-8")):
        if lang == "python":
            subprocess.run([sys.executable, "-c", body], cwd=work, env=env, check=True, capture_output=True,
                           timeout=600)
            ran += 1
            continue
        if lang != "sh":
            continue
        for command in commands(body):
            argv = shlex.split(command)
            if argv[0] == "make":
                assert argv[1] in targets, command
                continue
            if argv[0] == "auditor":
                argv = [sys.executable, "-m", "auditor", *argv[1:]]
            elif argv[0] in ("python3", "python"):
                argv = [sys.executable, *argv[1:]]
            else:
                pytest.fail(f"README runs a program the test does not know: {command}")
            if argv[3:4] == ["serve"]:
                _serve(argv, work, env)
            else:
                done = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True, timeout=600)
                assert done.returncode == 0, f"{command}\n{done.stderr[-2000:]}"
            ran += 1
    assert ran >= 10
    assert (work / "report.html").is_file() and (work / "reviews.jsonld").is_file()
