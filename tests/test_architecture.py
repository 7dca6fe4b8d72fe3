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


def loaders_imports(path: Path) -> set[str]:
    """The loaders modules a file imports, as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("loaders"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("loaders")}
    return found


ROOMS = {
    # room: the loaders rooms it must not import
    "normalise": ("loaders.extract", "loaders.importers", "loaders.build", "loaders.ledger", "loaders.tables"),
    "importers": ("loaders.extract",),
    "build": ("loaders.extract", "loaders.importers"),  # the ledger build: loaders/*.py outside the packages
}


def room_of(path: Path) -> str:
    relative = path.relative_to(ROOT / "loaders")
    return relative.parts[0] if len(relative.parts) > 1 else "build"


@pytest.mark.parametrize("room", sorted(ROOMS))
def test_loaders_rooms_keep_their_boundaries(room):
    shims = {"__main__.py", "boundaries.py"}  # the command line and the kept `python -m loaders.boundaries`
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in loaders_imports(path) if m.startswith(ROOMS[room]))
        for path in (ROOT / "loaders").rglob("*.py")
        if room_of(path) == room and path.name not in shims
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_no_folder_keeps_files_that_share_a_prefix():
    """A folder whose files share a prefix wants to be a package (extract_*.py became loaders/extract/)."""
    for folder in ("loaders", "figures", "layouts", "data"):
        names = [p.stem for p in (ROOT / folder).glob("*.py") if not p.stem.startswith("_")]
        prefixes = [n.split("_")[0] for n in names if "_" in n]
        assert all(prefixes.count(p) < 3 for p in prefixes), (folder, sorted(names))


def test_loaders_have_no_import_circle():
    graph = {}
    for path in (ROOT / "loaders").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        graph[module] = {m for m in loaders_imports(path) if m != module}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    circles = sorted(m for m in graph if reaches(m, m, {m}))
    assert not circles, circles
