import pytest

from data.store import snapshot
from figures.selection import Tables, load_tables
from loaders.importers.boundaries import fetch, normalise
from tests.conftest import shared_file


@pytest.fixture(scope="session")
def tables(built) -> Tables:
    data = snapshot(built.path.parent.parent)
    return load_tables(data)


@pytest.fixture(scope="session")
def boundary_document() -> dict:
    return normalise(fetch(str(shared_file("data", "boundaries", "geoBoundaries-IRQ-ADM1.geojson"))))
