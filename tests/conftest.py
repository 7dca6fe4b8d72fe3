"""Shared fixtures: paths to the repository, to ../shared, and throwaway copies of data/raw."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A private copy of data/raw that a test may break."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The real ledger built once into a temporary data folder."""
    from loaders.build import build

    data_dir = tmp_path_factory.mktemp("data")
    return build(RAW, data_dir)


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} is missing: tests read their inputs from ../shared")
    return path
