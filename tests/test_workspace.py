"""The workspace file: schema and migrations, refusing foreign files, surviving kills, two writers."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor.review import workspace as ws_module
from auditor.review.workspace import APPLICATION_ID, LATEST, MIGRATIONS, Workspace, WorkspaceError, audit_from_json
from test_review import fig_conflict, make_audit

ROOT = Path(__file__).resolve().parents[1]


def story_audit():
    return make_audit(["a1", "b1"], ["a2", "b2"], ["x1"], findings={0: [fig_conflict("a1", "b1")]})


@pytest.fixture
def story(tmp_path) -> Path:
    folder = tmp_path / "story"
    with Workspace.open(folder) as ws:
        ws.record(story_audit())
    return folder


def first_key(folder: Path) -> str:
    with Workspace.open(folder) as ws:
        return next(f.key for f in ws.facts() if f.kind == "cluster")


# --------------------------------------------------------------------------- schema


def test_a_new_workspace_is_marked_ours_in_wal_mode_at_the_latest_schema(tmp_path) -> None:
    with Workspace.open(tmp_path / "w") as ws:
        assert ws.path == tmp_path / "w" / "workspace.db"
        assert ws.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert ws.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ws.schema_versions() == [v for v, _, _ in MIGRATIONS] == list(range(1, LATEST + 1))
    assert sorted(p.name for p in (tmp_path / "w").iterdir() if not p.name.endswith(("-wal", "-shm"))) == ["workspace.db"]


def test_an_older_workspace_is_migrated_in_order(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(ws_module, "MIGRATIONS", MIGRATIONS[:1])
    monkeypatch.setattr(ws_module, "LATEST", 1)
    with Workspace.open(tmp_path / "w") as ws:
        assert ws.schema_versions() == [1]
        ws.record(story_audit())
    monkeypatch.undo()
    with Workspace.open(tmp_path / "w") as ws:
        assert ws.schema_versions() == list(range(1, LATEST + 1))
        indexes = {r[0] for r in ws.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"facts_by_cluster", "history_by_key"} <= indexes
        assert len(ws.facts()) == 4  # data kept: 3 clusters and a finding


def test_history_is_append_only(story) -> None:
    with Workspace.open(story) as ws:
        ws.set_review(first_key(story), status="verified", by="ann")
        for sql in ("UPDATE history SET new = 'false'", "DELETE FROM history"):
            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                ws.db.execute(sql)
        assert [c.new for c in ws.history()] == ["verified"]


def test_the_stored_audit_comes_back_as_the_same_objects(story) -> None:
    with Workspace.open(story) as ws:
        assert ws.latest_audit() == story_audit()
        assert json.loads(ws.latest_audit_json())["schema_version"]


def test_reviews_record_who_and_when_per_field(story) -> None:
    key = first_key(story)
    with Workspace.open(story) as ws:
        ws.set_review(key, status="in progress", by="ann")
        ws.set_review(key, note="asked the ministry", by="bo")
        unchanged = ws.set_review(key, status="in-progress", by="cy")  # no change, no history row
        review = ws.review(key)
        assert (review.status, review.status_by, review.note, review.note_by) == ("in-progress", "ann",
                                                                                  "asked the ministry", "bo")
        assert review.by == "bo" and review.at == review.note_at and unchanged == review
        assert [(c.field, c.old, c.new, c.by) for c in ws.history(key)] == [
            ("status", "unchecked", "in-progress", "ann"), ("note", "", "asked the ministry", "bo")]


def test_rerun_logs_moves_of_reviewed_facts_and_keeps_orphans(story) -> None:
    key = first_key(story)
    with Workspace.open(story) as ws:
        ws.set_review(key, status="false", note="wrong toll", by="ann")
        report = ws.record(make_audit(["a2", "b2"], ["x1"]))  # the reviewed fact is gone
        assert [f.key for f in report.orphans] == [key]
        assert "1 orphaned" in report.summary()
        assert ws.fact(key).orphaned and ws.review(key).note == "wrong toll"
        assert ws.history(key)[-1].field == "cluster" and ws.history(key)[-1].new is None
        report = ws.record(make_audit(["a1", "b1", "c1"], ["a2", "b2"]))  # it is back, grown
        assert not report.orphans and not ws.fact(key).orphaned
        assert ws.history(key)[-1].new == ws.fact(key).cluster


@pytest.mark.parametrize("given, expected", [
    ([], ["folder/a.txt"]),  # a re-run alone: the recorded articles still on disk
    (["b.txt"], ["folder/a.txt", "b.txt"]),  # adding articles
    (["folder/a.txt", "b.txt"], ["folder/a.txt", "b.txt"]),  # naming a recorded one again: read once
    (["folder"], ["folder"]),  # the same folder again: its files are read through it, once
    (["b.txt", "b.txt"], ["folder/a.txt", "b.txt"]),
])
def test_inputs_are_the_recorded_articles_then_the_new_ones(tmp_path, monkeypatch, given, expected) -> None:
    (tmp_path / "folder").mkdir()
    for name in ("folder/a.txt", "b.txt"):
        (tmp_path / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    with Workspace.open(tmp_path / "w") as ws:
        ws.db.execute("INSERT INTO articles VALUES ('a', ?, '', NULL, NULL, NULL, NULL, 1, 1)",
                      (str(tmp_path / "folder/a.txt"),))
        ws.db.execute("INSERT INTO articles VALUES ('gone', ?, '', NULL, NULL, NULL, NULL, 1, 1)",
                      (str(tmp_path / "gone.txt"),))
        assert ws.inputs(given) == [str(tmp_path / e) for e in expected]


# --------------------------------------------------------------------------- refusing what is not ours


def _not_sqlite(path: Path) -> None:
    path.write_text("title: a news article\n\nThis is text, not a database.\n")


def _foreign_sqlite(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE moz_places (id INTEGER, url TEXT)")
    db.commit()
    db.close()


def _ours_without_schema(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()


def _newer_schema(path: Path) -> None:
    with Workspace.open(path.parent / "tmp-ws") as ws:
        ws.db.execute("INSERT INTO schema_version VALUES (999, 'from the future', 'now')")
    (path.parent / "tmp-ws" / "workspace.db").rename(path)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path) -> None:
    with Workspace.open(path.parent / "tmp-ws") as ws:
        ws.record(story_audit())
    data = (path.parent / "tmp-ws" / "workspace.db").read_bytes()
    path.write_bytes(data[:100] + b"\0" * 50 + data[150:4096])


@pytest.mark.parametrize("make, needle", [
    (_not_sqlite, "not an auditor workspace (not an SQLite database)"),
    (_empty, "not an auditor workspace (an empty file)"),
    (_foreign_sqlite, "not an auditor workspace (an SQLite database of another program)"),
    (_ours_without_schema, "no schema_version table"),
    (_newer_schema, "schema version 999 is newer than this auditor supports"),
    (_truncated, "workspace"),
])
def test_a_foreign_or_corrupt_file_is_refused_and_left_untouched(tmp_path, make, needle) -> None:
    path = tmp_path / "given.db"
    make(path)
    before = path.read_bytes()
    for location in (path, _as_folder(tmp_path, path)):
        with pytest.raises(WorkspaceError, match=needle.replace("(", r"\(").replace(")", r"\)")):
            Workspace.open(location)
    assert path.read_bytes() == before


def _as_folder(tmp_path: Path, path: Path) -> Path:
    folder = tmp_path / "folder"
    folder.mkdir(exist_ok=True)
    (folder / "workspace.db").write_bytes(path.read_bytes())
    return folder


@pytest.mark.parametrize("command", [
    ["review", "list"], ["review", "export", "--format", "csv"], ["serve", "--port", "0"], ["audit", "seeds"],
])
def test_cli_refuses_a_foreign_workspace_in_one_line(tmp_path, command) -> None:
    bad = tmp_path / "notes.txt"
    _not_sqlite(bad)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    done = subprocess.run([sys.executable, "-m", "auditor", *command, "--workspace", str(bad)], cwd=ROOT,
                          capture_output=True, env=env, timeout=120)
    err = done.stderr.decode()
    assert done.returncode == 1 and "Traceback" not in err
    assert err.strip().splitlines() == [f"auditor: error: {bad}: not an auditor workspace (not an SQLite database)"]


# --------------------------------------------------------------------------- crashes and concurrency

WRITER = r"""
import sys, time
from auditor.review.workspace import Workspace
from test_review import make_audit
mode, folder, key, pause_at = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ws = Workspace.open(folder, create=False)
i = 0
audits = [make_audit(["a1", "b1"], ["a2", "b2"], ["x1"]), make_audit(["a1", "b1", "c1"], ["a2", "b2"], ["y1"])]
# the statement at which to stop inside a transaction, its earlier writes done but not committed
inside = "INSERT INTO history" if mode == "review" else "INSERT INTO facts"

def trace(sql):
    if i == pause_at and sql.startswith(inside):
        trace.hits += 1
        if mode == "record" or trace.hits == 2:  # review: the note's history row, after status and note updates
            print("inside", flush=True)
            time.sleep(60)
trace.hits = 0
ws.db.set_trace_callback(trace)
while True:
    i += 1
    if mode == "review":
        ws.set_review(key, status=("verified", "false")[i % 2], note=f"note {i}", by="writer")
    else:
        ws.record(audits[i % 2])
    print(i, flush=True)
"""


def _spawn(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    return subprocess.Popen([sys.executable, "-c", WRITER, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


KILLS = [("mid-transaction", None), ("free-running", 0.0), ("free-running", 0.013), ("free-running", 0.031)]


@pytest.mark.parametrize("mode", ["review", "record"])
@pytest.mark.parametrize("when, delay", KILLS, ids=[f"{w}-{d}" for w, d in KILLS])
def test_sigkill_mid_write_leaves_the_last_committed_state(story, mode, when, delay) -> None:
    """SIGKILL a writer looping over real writes; the workspace opens with the last commit, whole."""
    key = first_key(story)
    with Workspace.open(story) as ws:
        ws.set_review(key, status="misleading", note="start", by="ann")
        runs_before = len(ws.runs())
    pause_at = 6 if when == "mid-transaction" else 0
    writer = _spawn(mode, str(story), key, str(pause_at))
    try:
        done, stopped_inside = 0, False
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = writer.stdout.readline().strip()
            assert line, writer.stderr.read()
            if line == "inside":
                stopped_inside = True
                break
            done = int(line)
            if not pause_at and done >= 5:
                time.sleep(delay)
                break
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.stdout.close()
        writer.stderr.close()
    assert writer.returncode == -signal.SIGKILL
    assert stopped_inside == bool(pause_at)

    with Workspace.open(story) as ws:  # quick_check runs on open
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if mode == "review":
            review = ws.review(key)
            n = int(review.note.split()[1])
            assert n == done if pause_at else n >= done
            assert review.status == ("verified", "false")[n % 2]  # status and note of the same commit
            history = ws.history(key)
            assert len(history) == 2 + 2 * n  # every commit wrote its two rows, no commit half of them
            assert history[-1].new == review.note
        else:
            runs = ws.runs()
            assert len(runs) - runs_before == done if pause_at else len(runs) - runs_before >= done
            latest = ws.latest_audit()
            facts = [f for f in ws.facts() if f.kind == "cluster" and not f.orphaned]
            assert sorted(f.cluster for f in facts) == sorted(c.id for c in latest.clusters)
            assert not ws.fact(key).orphaned and ws.review(key).note == "start"


TWO_WRITERS = r"""
import sys, time
from pathlib import Path
from auditor.review.workspace import Workspace
folder, key, name, field, count, start = sys.argv[1:7]
while not Path(start).exists():
    time.sleep(0.001)
ws = Workspace.open(folder, create=False, check=False)
for i in range(int(count)):
    if field == "status":
        ws.set_review(key, status=("verified", "false")[i % 2], by=name)
    else:
        ws.set_review(key, note=f"{name} {i}", by=name)
"""


@pytest.mark.parametrize("fields", [("status", "note"), ("note", "note")], ids=["different-fields", "same-field"])
def test_two_writers_lose_nothing(story, tmp_path, fields) -> None:
    key = first_key(story)
    count = 60
    start = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    procs = [subprocess.Popen([sys.executable, "-c", TWO_WRITERS, str(story), key, name, field, str(count), str(start)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name, field in zip(("A", "B"), fields)]
    time.sleep(0.5)
    start.touch()
    try:
        results = [p.communicate(timeout=120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    for p, (_, err) in zip(procs, results):
        assert p.returncode == 0, err
    with Workspace.open(story) as ws:
        history = ws.history(key)
        review = ws.review(key)
    by = {name: [c for c in history if c.by == name] for name in ("A", "B")}
    assert len(by["A"]) == count and len(by["B"]) == count  # every write is in the history
    if fields == ("status", "note"):
        assert review.status == ("verified", "false")[(count - 1) % 2] and review.status_by == "A"
        assert review.note == f"B {count - 1}" and review.note_by == "B"
    else:
        assert review.note == history[-1].new  # last write wins
        assert all(later.old == earlier.new for earlier, later in zip(history, history[1:]))  # serialised


# --------------------------------------------------------------------------- the editor's incident decisions


def test_incident_decisions_round_trip_one_per_article_latest_wins(story) -> None:
    """Decisions keyed by article id survive closing the file and another run; a later decision
    about an article replaces the earlier one; every change is in the history, with who and when."""
    from auditor.model import IncidentDecision

    with Workspace.open(story) as ws:
        ws.decide_incident("move", "a", "b", by="Ann")
        ws.decide_incident("join", "x.txt", "a", by="Bo")  # a file name names its article
        ws.decide_incident("apart", "a", by="Cy")  # replaces Ann's move
    with Workspace.open(story) as ws:
        ws.record(story_audit())  # a re-run keeps them
        decisions = ws.incident_decisions()
        assert [(d.action, d.article, d.other, d.by) for d in decisions] == [("join", "x", "a", "Bo"),
                                                                              ("apart", "a", None, "Cy")]
        assert all(isinstance(d, IncidentDecision) and d.at.startswith("20") for d in decisions)
        assert [(c.key, c.old, c.new, c.by) for c in ws.history("incident:a")] == [
            ("incident:a", None, "move with b", "Ann"), ("incident:a", "move with b", "apart", "Cy")]
        assert ws.decide_incident("clear", "a", by="Ann") is None
        assert [d.article for d in ws.incident_decisions()] == ["x"]
        assert ws.history("incident:a")[-1].new is None


@pytest.mark.parametrize("action, article, other, needle", [
    ("move", "nope", "a", "no article 'nope' in this workspace"),
    ("join", "a", "zz.txt", "no article 'zz.txt' in this workspace"),
    ("move", "a", None, "move needs a second article"),
    ("join", "a", "a.txt", "a and a are the same article"),
    ("split", "a", None, "unknown incident decision 'split'"),
    ("apart", " ", None, "empty article name"),
])
def test_incident_decisions_refuse_what_they_cannot_name(story, action, article, other, needle) -> None:
    from auditor.review.reviews import ReviewError

    with Workspace.open(story) as ws:
        with pytest.raises(ReviewError, match=needle):
            ws.decide_incident(action, article, other, by="Ann")
        assert ws.incident_decisions() == ()
