"""auditor: where news articles about one story agree, diverge, and cite or copy one another.

    import auditor
    result = auditor.audit(["seeds/"])          # -> auditor.model.Audit
    auditor.write_json(result, "audit.json")
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["audit", "AuditConfig", "Audit", "write_json", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from auditor.config import AuditConfig
    from auditor.model import Audit


def audit(inputs, config: "AuditConfig | None" = None, **kwargs: Any) -> "Audit":
    """Audit the articles in `inputs` (files, folders, "-"); see auditor.pipeline.audit."""
    from auditor.pipeline import audit as run

    return run(inputs, config, **kwargs)


def write_json(result: "Audit", path) -> None:
    """Write the audit as JSON, atomically."""
    from auditor.fileio import write_atomic
    from auditor.render.json import dumps

    write_atomic(path, dumps(result))


def __getattr__(name: str) -> Any:
    if name == "AuditConfig":
        from auditor.config import AuditConfig

        return AuditConfig
    if name == "Audit":
        from auditor.model import Audit

        return Audit
    raise AttributeError(name)
