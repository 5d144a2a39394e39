"""The JSON audit: the dataclasses as they are, field for field, plus `schema_version`."""
from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

from ..model import Audit


def to_data(value: Any) -> Any:
    """Plain JSON data from model objects; tuples become lists, infinities become null."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def audit_to_data(audit: Audit) -> dict[str, Any]:
    data = to_data(audit)
    data["timings"] = {stage: seconds for stage, seconds in audit.timings}
    ordered = {"schema_version": data.pop("schema_version")}
    ordered.update(data)
    return ordered


def dumps(audit: Audit, indent: int | None = 1) -> str:
    return json.dumps(audit_to_data(audit), ensure_ascii=False, indent=indent) + "\n"
