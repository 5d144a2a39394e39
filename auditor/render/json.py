"""The JSON audit: the dataclasses as they are, field for field, plus `schema_version`."""
from __future__ import annotations

import json
from typing import Any

from ..model import Audit, to_plain


def to_data(value: Any) -> Any:
    """Plain JSON data from model objects; tuples become lists, infinities become null."""
    return to_plain(value, finite=True)


def audit_to_data(audit: Audit) -> dict[str, Any]:
    data = to_data(audit)
    data["timings"] = {stage: seconds for stage, seconds in audit.timings}
    ordered = {"schema_version": data.pop("schema_version")}
    ordered.update(data)
    return ordered


def dumps(audit: Audit, indent: int | None = 1) -> str:
    return json.dumps(audit_to_data(audit), ensure_ascii=False, indent=indent) + "\n"
