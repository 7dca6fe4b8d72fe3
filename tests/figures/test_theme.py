"""One template for all styling: no colour literal outside figures/theme.py, and builders never mutate it."""

import copy
import re
from pathlib import Path

import plotly.io as pio

from figures.theme import TEMPLATE_NAME

ROOT = Path(__file__).resolve().parents[2]


def test_no_hex_colour_outside_the_theme():
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("figures", "layouts")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "theme.py" and re.search(r"#[0-9a-fA-F]{6}\b", path.read_text(encoding="utf-8"))
    ]
    assert not offenders


def test_builders_leave_the_template_unchanged(tables):
    from tests.figures.test_trends import build

    before = copy.deepcopy(pio.templates[TEMPLATE_NAME].to_plotly_json())
    build(tables)
    build(tables)
    assert pio.templates[TEMPLATE_NAME].to_plotly_json() == before
