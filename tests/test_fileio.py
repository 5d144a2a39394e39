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
