"""Tests of auditor.render.json: the JSON audit's data and its layout."""
from __future__ import annotations

import json

import pytest

from auditor.model import Article, Audit, Claim, Quantity
from auditor.render.json import audit_to_data, dumps

TEXT = "At least 14 people were killed, officials said. “We will rebuild,” the mayor said."
AUDIT = Audit(
    articles=(Article(id="a", path="a.txt", text=TEXT, outlet="Daily Ledger"),
              Article(id="b", path="b.txt", text="Nearly 17 died.\nLine two, with \"marks\" and \\ too.")),
    claims=(Claim(id="a-c0", article="a", start=0, end=47, text=TEXT[:47], sentence=0,
                  quantities=(Quantity(9, 11, "14", 14.0, 14.0, None),)),),  # an open interval: high = inf
    timings=(("ingest", 0.01), ("read", 0.2)),
)


@pytest.mark.parametrize("indent", [1, 2, None])
def test_the_text_reads_back_as_the_data(indent) -> None:
    assert json.loads(dumps(AUDIT, indent=indent)) == json.loads(json.dumps(audit_to_data(AUDIT)))


def test_one_line_per_field_and_per_item_of_a_list() -> None:
    lines = dumps(AUDIT).splitlines()
    assert lines[0] == "{" and lines[-1] == "}" and lines[1] == ' "schema_version": "1.0",'
    assert ' "articles": [' in lines
    items = lines[lines.index(' "articles": [') + 1 : lines.index(' "articles": [') + 3]
    assert [json.loads(item.rstrip(","))["id"] for item in items] == ["a", "b"]
    assert ' "sentences": [],' in lines  # an empty list stays on its field's line
    assert sum('"Nearly 17 died.\\nLine two' in line for line in lines) == 1  # a newline in text stays escaped


def test_infinity_is_null_and_timings_are_an_object() -> None:
    data = json.loads(dumps(AUDIT))
    assert data["claims"][0]["quantities"][0]["high"] is None
    assert data["timings"] == {"ingest": 0.01, "read": 0.2}
    assert dumps(AUDIT, indent=None).count("\n") == 1
