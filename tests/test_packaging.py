"""The installed package carries its templates: a wheel built from the checkout includes them."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_report_templates(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("auditor-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "reports" / "templates").rglob("*"):
        if template.is_file():
            assert f"auditor/templates/{template.relative_to(ROOT / 'reports' / 'templates').as_posix()}" in names
    assert "auditor/model.py" in names
    assert "auditor/crossdoc/events/__init__.py" in names  # subpackages ship too
