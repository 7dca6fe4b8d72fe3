"""Layers import only downward: data <- loaders <- figures <- layouts <- app."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN = {
    "data": {"loaders", "figures", "layouts", "app", "dash", "plotly"},
    "loaders": {"figures", "layouts", "app", "dash", "plotly"},
    "figures": {"layouts", "app", "dash", "loaders"},
    "layouts": {"app", "loaders"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_downward(layer):
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & FORBIDDEN[layer])
        for path in (ROOT / layer).rglob("*.py")
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_parquet_is_read_only_by_the_store():
    readers = [
        p
        for p in ROOT.glob("*/**/*.py")
        if "read_parquet" in p.read_text(encoding="utf-8") or "pq.read_table" in p.read_text(encoding="utf-8")
    ]
    assert {
        str(p.relative_to(ROOT)) for p in readers if not p.is_relative_to(ROOT / "tests") and ".venv" not in p.parts
    } <= {"data/store.py"}
