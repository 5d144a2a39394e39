from __future__ import annotations

import pytest

from auditor.fileio import write_atomic


def test_write_replaces_content(tmp_path) -> None:
    target = tmp_path / "audit.json"
    write_atomic(target, "old")
    write_atomic(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["audit.json"]


def test_failed_write_keeps_the_previous_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "report.html"
    target.write_text("last good report")

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(target, "half a report")
    assert target.read_text() == "last good report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_new_file_gets_ordinary_permissions_and_old_file_keeps_its_own(tmp_path) -> None:
    import os
    import stat

    fresh = tmp_path / "report.html"
    write_atomic(fresh, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    kept = tmp_path / "audit.json"
    kept.write_text("old")
    kept.chmod(0o640)
    write_atomic(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
