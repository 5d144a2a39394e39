"""The JSON audit: the dataclasses as they are, field for field, plus `schema_version`."""
from __future__ import annotations

import json
from typing import Any

from auditor.model import Audit
from auditor.codec import no_cycle_collection
from auditor.codec import to_plain


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
    """The audit as JSON text. With `indent` (the default), one line per top-level field and per
    item of a top-level list (an article, a claim, a cluster...), so the file reads and diffs item
    by item; each line is written by json's C encoder, which `json.dumps(..., indent=...)` never
    uses (at 1,000 articles that made writing the file cost more than the audit). Without, one line."""
    with no_cycle_collection():
        data = audit_to_data(audit)
    if indent is None:
        return json.dumps(data, ensure_ascii=False) + "\n"
    return _one_item_a_line(data, " " * indent)


def _one_item_a_line(data: dict[str, Any], pad: str) -> str:
    encode = json.JSONEncoder(ensure_ascii=False).encode  # no indent: the C encoder
    last = len(data) - 1
    lines = ["{"]
    for n, (key, value) in enumerate(data.items()):
        comma = "," if n < last else ""
        if isinstance(value, list) and value:
            lines.append(f"{pad}{encode(key)}: [")
            lines.extend(f"{pad}{pad}{encode(item)}," for item in value[:-1])
            lines.append(f"{pad}{pad}{encode(value[-1])}")
            lines.append(f"{pad}]{comma}")
        else:
            lines.append(f"{pad}{encode(key)}: {encode(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"
