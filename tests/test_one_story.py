"""The editor decides in the end: `--one-story` (AuditConfig.one_story) makes every input one incident."""
from __future__ import annotations

from typer.testing import CliRunner

from auditor import pipeline
from auditor.cli import app
from auditor.config import AuditConfig


def test_one_story_reaches_the_grouping(monkeypatch, tmp_path):
    """The audit command passes --one-story on, and the pipeline hands it to events.group."""
    seen = {}

    def fake_group(articles, claims=(), vectors=None, one_story=False):
        seen["one_story"] = one_story
        return ()

    monkeypatch.setattr(pipeline.events_stage, "group", fake_group)
    config = AuditConfig(one_story=True, use_cache=False)
    assert pipeline._events([], [], None, "scope", {}, config) == ()
    assert seen == {"one_story": True}


def test_audit_command_offers_one_story():
    result = CliRunner().invoke(app, ["audit", "--help"], terminal_width=200)
    assert result.exit_code == 0 and "--one-story" in result.output


def test_incident_decisions_reach_the_grouping_and_key_its_cache(monkeypatch, tmp_path):
    """The pipeline hands the editor's decisions to events.group; a change of decision (or of who
    took it: the evidence names them) groups again, the same decisions come from the cache."""
    from auditor.model import IncidentDecision

    calls = []

    def fake_group(articles, claims=(), vectors=None, one_story=False, decisions=()):
        calls.append(tuple(decisions))
        return ()

    monkeypatch.setattr(pipeline.events_stage, "group", fake_group)
    move = IncidentDecision("move", "a", "b", "Ann", "2026-12-06T10:00:00+00:00")
    runs = [(), (move,), (move,), (IncidentDecision("move", "a", "b", "Bo", "2026-12-06T10:00:00+00:00"),), ()]
    for decisions in runs:
        config = AuditConfig(cache_dir=tmp_path, incident_decisions=decisions)
        pipeline._events([], [], None, "scope", {}, config)
    assert calls == [(), (move,), runs[3]]  # the repeated decisions and the plain run came from the cache
