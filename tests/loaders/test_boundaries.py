"""The boundary downloader, run offline against the byte-identical mirror in ../shared."""

import json

import pytest

from loaders.importers.boundaries import CREDIT, BoundaryError, fetch, main, normalise
from tests.conftest import shared_file

PINNED_COPY = ("data", "boundaries", "geoBoundaries-IRQ-ADM1.geojson")


@pytest.mark.parametrize("as_url", [False, True])
def test_downloads_checks_and_writes(tmp_path, as_url):
    path = shared_file(*PINNED_COPY)
    source = path.as_uri() if as_url else str(path)
    assert main(["--source", source, "--out", str(tmp_path)]) == 0
    document = json.loads((tmp_path / "irq_adm1.json").read_text(encoding="utf-8"))
    assert len(document["features"]) == 18 and "X-IQ-HAL" not in document["features"]
    assert document["licence"] == "CC0 1.0" and document["credit"] == CREDIT
    assert document["sha256"] == "2c2adabbc814727b8bdd669feed6efab3b9a27bdc76cea35e036532084eb41d8"


def test_refuses_bytes_that_are_not_the_pinned_release(tmp_path):
    other = shared_file("data", "boundaries", "iraq_admin1_geoboundaries.geojson")
    with pytest.raises(BoundaryError, match="is not the pinned"):
        normalise(fetch(str(other)))
    assert main(["--source", str(other), "--out", str(tmp_path)]) == 1
    assert not (tmp_path / "irq_adm1.json").exists()


def test_unreachable_source_is_a_clear_error(tmp_path):
    with pytest.raises(BoundaryError, match="cannot read"):
        fetch(str(tmp_path / "missing.geojson"))


def test_the_importer_writes_where_the_app_reads():
    """A move of the importer once sent the outlines to loaders/data/: on a fresh machine the map drew tiles."""
    from data.store import DATA_DIR
    from loaders.importers.boundaries import OUT_DIR

    assert OUT_DIR == DATA_DIR / "boundaries"
