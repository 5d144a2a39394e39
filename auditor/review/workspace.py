"""A story workspace: the articles, the latest audit and every review, in one SQLite file.

Why SQLite: each change is one transaction, so a crash or kill mid-write leaves the last
committed state; WAL lets the review page read while a writer commits; a busy timeout makes
two writers (two tabs, a CLI and the page) queue instead of failing. The file is marked as
ours with PRAGMA application_id and carries a `schema_version` table that ordered migration
functions bring up to date, so a foreign or newer file is refused with one clear line.

`auditor audit PATH... --workspace DIR` keeps DIR/workspace.db; a path to an existing file is
taken as the database itself.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import sqlite3
import tempfile
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence, Union

from auditor.errors import AuditorError
from auditor.model import INCIDENT_ACTIONS, Audit, IncidentDecision
from auditor.codec import from_plain
from auditor.review.reviews import ArticleInfo, Change, Fact, Move, Review, ReviewError, normalize_status, reattach

log = logging.getLogger(__name__)

APPLICATION_ID = 0x41554454  # "AUDT"
DB_NAME = "workspace.db"
BUSY_TIMEOUT_MS = 15_000
SYSTEM_USER = "auditor"  # the author of re-attachment rows in the history


class WorkspaceError(AuditorError):
    """A workspace that cannot be used: foreign, corrupt, newer than this auditor, unwritable."""


# --------------------------------------------------------------------------- schema


def _run(db: sqlite3.Connection, *statements: str) -> None:
    """One statement at a time: executescript would commit the migration's open transaction."""
    for sql in statements:
        db.execute(sql)


def _m1_initial(db: sqlite3.Connection) -> None:
    _run(db,
         """CREATE TABLE articles (
             id TEXT PRIMARY KEY, path TEXT NOT NULL, sha1 TEXT NOT NULL, title TEXT, outlet TEXT,
             published TEXT, url TEXT, added_run INTEGER NOT NULL, seen_run INTEGER NOT NULL)""",
         """CREATE TABLE runs (
             id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, model TEXT NOT NULL,
             articles INTEGER NOT NULL, claims INTEGER NOT NULL, clusters INTEGER NOT NULL, audit TEXT NOT NULL)""",
         """CREATE TABLE facts (
             key TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('cluster', 'finding')),
             cluster TEXT, data TEXT NOT NULL, first_run INTEGER NOT NULL, last_run INTEGER NOT NULL)""",
         """CREATE TABLE reviews (
             key TEXT PRIMARY KEY, status TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
             status_by TEXT NOT NULL DEFAULT '', status_at TEXT NOT NULL DEFAULT '',
             note_by TEXT NOT NULL DEFAULT '', note_at TEXT NOT NULL DEFAULT '')""",
         """CREATE TABLE history (
             id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, field TEXT NOT NULL,
             old TEXT, new TEXT, by TEXT NOT NULL, at TEXT NOT NULL)""",
         """CREATE TRIGGER history_no_update BEFORE UPDATE ON history
             BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
         """CREATE TRIGGER history_no_delete BEFORE DELETE ON history
             BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""")


def _m2_lookups(db: sqlite3.Connection) -> None:
    _run(db,
         "CREATE INDEX facts_by_cluster ON facts (cluster)",
         "CREATE INDEX history_by_key ON history (key, id)")


def _m3_incident_decisions(db: sqlite3.Connection) -> None:
    _run(db,
         """CREATE TABLE incident_decisions (
             article TEXT PRIMARY KEY, action TEXT NOT NULL CHECK (action IN ('move', 'apart', 'join')),
             other TEXT, by TEXT NOT NULL, at TEXT NOT NULL)""")


# Ordered: each runs once, in its own transaction, and is recorded in schema_version.
MIGRATIONS: tuple[tuple[int, str, Callable[[sqlite3.Connection], None]], ...] = (
    (1, "articles, runs, facts, reviews, append-only history", _m1_initial),
    (2, "indexes for lookups by cluster and history by fact", _m2_lookups),
    (3, "the editor's incident decisions, one per article", _m3_incident_decisions),
)
INCIDENT_KEY = "incident:"  # history rows of an article's incident decision: key "incident:<article id>"
LATEST = MIGRATIONS[-1][0]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def db_path(location: Union[str, Path]) -> Path:
    """DIR/workspace.db, or the file itself when `location` is an existing file."""
    p = Path(location)
    return p if p.is_file() else p / DB_NAME


# --------------------------------------------------------------------------- opening


def _connect(path: Path, uri_mode: str) -> sqlite3.Connection:
    uri = f"file:{path.resolve().as_posix()}?mode={uri_mode}"
    db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                         check_same_thread=False)
    db.row_factory = sqlite3.Row
    return db


def _pragmas(db: sqlite3.Connection) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")


def _create(path: Path) -> None:
    """Build a new workspace beside `path` and link it into place: a crash leaves none or all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    try:
        db = _connect(Path(tmp), "rw")
        try:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("PRAGMA journal_mode = WAL")
            _pragmas(db)
            db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
                       "applied TEXT NOT NULL)")
            _migrate(db)
        finally:
            db.close()
        try:
            os.link(tmp, path)  # never replaces a workspace another process created meanwhile
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _version(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def _migrate(db: sqlite3.Connection) -> None:
    for version, description, step in MIGRATIONS:
        db.execute("BEGIN IMMEDIATE")
        try:
            if _version(db) >= version:
                db.execute("COMMIT")
                continue
            step(db)
            db.execute("INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)",
                       (version, description, _now()))
            db.execute("COMMIT")
            log.info("workspace schema migrated to version %d", version)
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _check(db: sqlite3.Connection, path: Path, integrity: bool = True) -> None:
    """Refuse anything that is not one of our workspaces, before writing a single byte to it."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        what = "an SQLite database of another program" if has_tables else "an empty file"
        raise WorkspaceError(f"{path}: not an auditor workspace ({what})")
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone():
        raise WorkspaceError(f"{path}: damaged auditor workspace (no schema_version table)")
    version = _version(db)
    if version > LATEST:
        raise WorkspaceError(f"{path}: workspace schema version {version} is newer than this auditor "
                             f"supports ({LATEST}); upgrade auditor")
    if integrity and db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise WorkspaceError(f"{path}: the workspace database is corrupt (quick_check failed)")


class Workspace:
    """One open workspace; not shared between threads (the review page opens one per request)."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self.db = db

    # -- lifecycle

    @classmethod
    def open(cls, location: Union[str, Path], create: bool = True, check: bool = True) -> "Workspace":
        """Open (or create) a workspace; `check=False` skips the full-file quick_check (per request)."""
        path = db_path(location)
        if Path(location).exists() and not Path(location).is_dir() and not Path(location).is_file():
            raise WorkspaceError(f"{location}: not a folder or a file")
        try:
            if not path.exists():
                if not create:
                    raise WorkspaceError(f"{location}: no workspace here (run auditor audit PATH... "
                                         f"--workspace {location} first)")
                _create(path)
            db = _connect(path, "rw")
        except sqlite3.Error as exc:
            raise WorkspaceError(f"{path}: cannot open the workspace: {exc}") from None
        try:
            _check(db, path, integrity=check)
            _pragmas(db)
            if _version(db) < LATEST:
                _migrate(db)
        except sqlite3.DatabaseError as exc:
            db.close()
            if "not a database" in str(exc):
                raise WorkspaceError(f"{path}: not an auditor workspace (not an SQLite database)") from None
            raise WorkspaceError(f"{path}: the workspace database is unreadable ({exc})") from None
        except BaseException:
            db.close()
            raise
        return cls(path, db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: writers queue on the busy timeout rather than fail half-way."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(f"{self.path}: workspace is busy ({exc})") from None
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def schema_versions(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT version FROM schema_version ORDER BY version")]

    # -- articles and runs

    def article_paths(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT path FROM articles ORDER BY added_run, rowid")]

    def inputs(self, paths: Optional[Sequence[str]]) -> list[str]:
        """The recorded articles still on disk, then the new `paths` (so adding is enough).

        A recorded file that a new path names again, or lies in a folder given again, is left to
        that path, so giving the same folder twice reads each file once.
        """
        given = [p if p == "-" else str(Path(p).resolve()) for p in (paths or ())]
        covers = [Path(g) for g in given if g != "-"]
        out: list[str] = []
        for recorded in self.article_paths():
            if recorded == "-" or not Path(recorded).exists():
                log.warning("workspace article %s is no longer on disk; it is left out of this run", recorded)
                continue
            here = Path(recorded)
            if any(here == c or c in here.parents for c in covers) or recorded in out:
                continue
            out.append(recorded)
        for g in given:
            if g not in out:
                out.append(g)
        return out

    def articles(self) -> dict[str, ArticleInfo]:
        return {r["id"]: ArticleInfo(r["id"], r["title"], r["outlet"], r["published"], r["url"], r["path"])
                for r in self.db.execute("SELECT * FROM articles")}

    def record(self, audit: Audit) -> "RunReport":
        """Store a run and move every fact's key (and so its review) onto the new clusters."""
        from auditor.render.json import dumps

        payload = dumps(audit, indent=None)
        with self.transaction() as db:
            at = _now()
            run = db.execute(
                "INSERT INTO runs (at, model, articles, claims, clusters, audit) VALUES (?, ?, ?, ?, ?, ?)",
                (at, audit.model, len(audit.articles), len(audit.claims), len(audit.clusters), payload)).lastrowid
            for a in audit.articles:
                path = a.path if a.path == "-" else str(Path(a.path).resolve())
                db.execute(
                    "INSERT INTO articles (id, path, sha1, title, outlet, published, url, added_run, seen_run) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET path = excluded.path, "
                    "sha1 = excluded.sha1, title = excluded.title, outlet = excluded.outlet, "
                    "published = excluded.published, url = excluded.url, seen_run = excluded.seen_run",
                    (a.id, path, _sha1(a.text), a.title, a.outlet, a.published, a.url, run, run))
            previous = self._facts(db)
            runs_of = {r[0]: (r[1], r[2]) for r in db.execute("SELECT key, first_run, last_run FROM facts")}
            reviewed = {r[0] for r in db.execute("SELECT key FROM reviews")}
            result = reattach(previous, audit, reviewed)
            db.execute("DELETE FROM facts")
            db.executemany(
                "INSERT INTO facts (key, kind, cluster, data, first_run, last_run) VALUES (?, ?, ?, ?, ?, ?)",
                [(f.key, f.kind, f.cluster, _fact_json(f), runs_of.get(f.key, (run, run))[0],
                  run if f.cluster is not None else runs_of.get(f.key, (run, run))[1])
                 for f in result.facts])
            for m in result.moves:
                if m.key in reviewed and m.old != m.new:
                    db.execute("INSERT INTO history (key, field, old, new, by, at) VALUES (?, 'cluster', ?, ?, ?, ?)",
                               (m.key, m.old, m.new, f"{SYSTEM_USER} ({m.method}, run {run})", at))
        return RunReport(run, result.moves, frozenset(reviewed),
                         tuple(f for f in result.facts if f.orphaned and f.key in reviewed))

    def runs(self) -> list[sqlite3.Row]:
        return list(self.db.execute("SELECT id, at, model, articles, claims, clusters FROM runs ORDER BY id"))

    def latest_run_id(self) -> Optional[int]:
        row = self.db.execute("SELECT max(id) FROM runs").fetchone()
        return row[0] if row else None

    def latest_audit(self) -> Optional[Audit]:
        row = self.db.execute("SELECT audit FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        return audit_from_json(row[0]) if row else None

    def latest_audit_json(self) -> Optional[str]:
        row = self.db.execute("SELECT audit FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        return row[0] if row else None

    # -- facts

    def _facts(self, db: Optional[sqlite3.Connection] = None) -> list[Fact]:
        db = db or self.db
        return [_fact_from_json(r[0]) for r in db.execute("SELECT data FROM facts ORDER BY rowid")]

    def facts(self) -> list[Fact]:
        return self._facts()

    def fact(self, ident: str) -> Fact:
        return _fact_from_json(self.db.execute("SELECT data FROM facts WHERE key = ?",
                                               (self.resolve(ident),)).fetchone()[0])

    def resolve(self, ident: str) -> str:
        """A fact key from a key, a current cluster id, "cluster/n" for a finding, or a unique prefix."""
        ident = ident.strip()
        if not ident:
            raise ReviewError("empty id")
        facts = self._facts()
        exact = [f.key for f in facts if ident in (f.key, f.target)]
        if len(exact) == 1:
            return exact[0]
        prefixed = sorted({f.key for f in facts if f.key.startswith(ident) or (f.target and f.target.startswith(ident)
                                                                               and f.kind == "cluster")})
        if len(prefixed) == 1:
            return prefixed[0]
        if not prefixed:
            raise ReviewError(f"no fact or finding with id {ident!r} in this workspace (see: auditor review list)")
        raise ReviewError(f"id {ident!r} is ambiguous: {', '.join(prefixed[:5])}{'...' if len(prefixed) > 5 else ''}")

    # -- reviews

    def reviews(self) -> dict[str, Review]:
        return {r["key"]: _review(r) for r in self.db.execute("SELECT * FROM reviews")}

    def review(self, key: str) -> Review:
        row = self.db.execute("SELECT * FROM reviews WHERE key = ?", (key,)).fetchone()
        return _review(row) if row else Review(key)

    def set_review(self, ident: str, *, by: str, status: Optional[str] = None, note: Optional[str] = None) -> Review:
        """Write the given fields (each only if it changes), with one history row per change."""
        fields = {}
        if status is not None:
            fields["status"] = normalize_status(status)
        if note is not None:
            fields["note"] = note.replace("\r\n", "\n").strip()
        key = self.resolve(ident)
        by = " ".join((by or "").split()) or "anonymous"
        with self.transaction() as db:
            row = db.execute("SELECT * FROM reviews WHERE key = ?", (key,)).fetchone()
            current = _review(row) if row else Review(key)
            if row is None:
                db.execute("INSERT INTO reviews (key, status) VALUES (?, ?)", (key, current.status))
            at = _now()
            for name, value in fields.items():
                old = getattr(current, name)
                if old == value:
                    continue
                db.execute(f"UPDATE reviews SET {name} = ?, {name}_by = ?, {name}_at = ? WHERE key = ?",
                           (value, by, at, key))
                db.execute("INSERT INTO history (key, field, old, new, by, at) VALUES (?, ?, ?, ?, ?, ?)",
                           (key, name, old, value, by, at))
            row = db.execute("SELECT * FROM reviews WHERE key = ?", (key,)).fetchone()
        return _review(row)

    # -- the editor's incident decisions

    def resolve_article(self, name: str) -> str:
        """An article id from its id, its file name (with or without extension), its path, or a
        unique prefix of its id; one clear line when none or several match."""
        name = name.strip()
        if not name:
            raise ReviewError("empty article name")
        known = self.articles()
        if name in known:
            return name
        given = str(Path(name).resolve()) if name != "-" else name
        named = sorted(a.id for a in known.values()
                       if a.path and (a.path == given or Path(a.path).name == name or Path(a.path).stem == name))
        if len(named) == 1:
            return named[0]
        prefixed = named or sorted(a for a in known if a.startswith(name))
        if len(prefixed) == 1:
            return prefixed[0]
        if not prefixed:
            raise ReviewError(f"no article {name!r} in this workspace (see: auditor review incident list)")
        raise ReviewError(f"article {name!r} is ambiguous: {', '.join(prefixed[:5])}{'...' if len(prefixed) > 5 else ''}")

    def incident_decisions(self) -> tuple[IncidentDecision, ...]:
        """The decisions in force, one per article, in the order they were taken."""
        return tuple(IncidentDecision(r["action"], r["article"], r["other"], r["by"], r["at"])
                     for r in self.db.execute("SELECT * FROM incident_decisions ORDER BY at, article"))

    def decide_incident(self, action: str, article: str, other: Optional[str] = None, *,
                        by: str) -> Optional[IncidentDecision]:
        """Record the editor's decision about an article's incident ("move" it into the incident of
        `other`, keep it "apart", "join" its incident with that of `other`), replacing any earlier
        one about that article; "clear" removes it (the grouping decides again). Articles may be
        named as `resolve_article` takes them. Takes effect at the next audit of the workspace."""
        if action not in (*INCIDENT_ACTIONS, "clear"):
            raise ReviewError(f"unknown incident decision {action!r}: use one of {', '.join(INCIDENT_ACTIONS)}, clear")
        article = self.resolve_article(article)
        if action in ("move", "join"):
            if not other:
                raise ReviewError(f"{action} needs a second article: the one whose incident it is about")
            other = self.resolve_article(other)
            if other == article:
                raise ReviewError(f"{action}: {article} and {other} are the same article")
        else:
            other = None
        by = " ".join((by or "").split()) or "anonymous"
        with self.transaction() as db:
            row = db.execute("SELECT * FROM incident_decisions WHERE article = ?", (article,)).fetchone()
            old = _decision_text(row["action"], row["other"]) if row else None
            at = _now()
            if action == "clear":
                if row is None:
                    return None
                db.execute("DELETE FROM incident_decisions WHERE article = ?", (article,))
                new_text = None
            else:
                db.execute("INSERT INTO incident_decisions (article, action, other, by, at) VALUES (?, ?, ?, ?, ?) "
                           "ON CONFLICT (article) DO UPDATE SET action = excluded.action, other = excluded.other, "
                           "by = excluded.by, at = excluded.at", (article, action, other, by, at))
                new_text = _decision_text(action, other)
            db.execute("INSERT INTO history (key, field, old, new, by, at) VALUES (?, 'incident', ?, ?, ?, ?)",
                       (INCIDENT_KEY + article, old, new_text, by, at))
        return None if action == "clear" else IncidentDecision(action, article, other, by, at)

    def history(self, key: Optional[str] = None) -> list[Change]:
        sql = "SELECT * FROM history" + (" WHERE key = ?" if key else "") + " ORDER BY id"
        return [Change(r["id"], r["key"], r["field"], r["old"], r["new"], r["by"], r["at"])
                for r in self.db.execute(sql, (key,) if key else ())]


@dataclasses.dataclass(frozen=True)
class RunReport:
    run: int
    moves: tuple[Move, ...]
    reviewed: frozenset[str]
    orphans: tuple[Fact, ...]  # reviewed facts no cluster of this run matches

    def summary(self) -> str:
        kept = [m for m in self.moves if m.key in self.reviewed and m.new is not None]
        moved = sum(1 for m in kept if m.old != m.new)
        return (f"workspace run {self.run}: {len(kept)} reviewed facts attached"
                f" ({moved} moved to a changed cluster), {len(self.orphans)} orphaned")


def _decision_text(action: str, other: Optional[str]) -> str:
    """How the history shows a decision: "apart", "move with ID", "join ID"."""
    return {"move": f"move with {other}", "join": f"join {other}"}.get(action, action)


def _review(row: sqlite3.Row) -> Review:
    return Review(row["key"], row["status"], row["note"], row["status_by"], row["status_at"], row["note_by"],
                  row["note_at"])


def _sha1(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _fact_json(f: Fact) -> str:
    return json.dumps(dataclasses.asdict(f), ensure_ascii=False, separators=(",", ":"))


def _fact_from_json(text: str) -> Fact:
    return from_plain(Fact, json.loads(text))


# --------------------------------------------------------------------------- JSON -> Audit


def audit_from_json(text: str) -> Audit:
    """The model objects back from the JSON audit (unknown fields ignored, missing ones defaulted)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WorkspaceError(f"stored audit is not valid JSON: {exc}") from None
    timings = data.get("timings")
    if isinstance(timings, dict):
        data["timings"] = list(timings.items())
    return from_plain(Audit, data)
