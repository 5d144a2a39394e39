"""The HTML report: jinja2 templates with autoescape, rendered to one self-contained file.

Templates get a view model (auditor.render.view) rather than the raw audit, so they hold no
logic; article text reaches them only as separate segments, each escaped by autoescape.
"""
from __future__ import annotations

import functools
from pathlib import Path

from auditor.model import Audit


def templates_dir() -> Path:
    """Templates ship inside the package (wheel) or live in reports/templates (source checkout)."""
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "reports" / "templates"


@functools.lru_cache(maxsize=4)
def environment():
    """One environment per process: compiling the templates costs more than rendering them.

    jinja2 still checks the files' modification times, so edited templates are picked up.
    """
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=select_autoescape(["html", "htm", "xml", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_report(audit: Audit, **review: object) -> str:
    """One HTML file: inline CSS and SVG, a CSP forbidding every network load, no script.

    `review` is the review page's context (auditor.review.serve: review_mode=True, reviews, ...);
    without it the templates render the static report unchanged.
    """
    from auditor.render.view import build

    return environment().get_template("report.html").render(view=build(audit), audit=audit, **review)
