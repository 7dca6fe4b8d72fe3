"""Fixtures shared by the loaders' tests."""

import pytest

from loaders.reference import read_reference
from tests.conftest import RAW


@pytest.fixture(scope="session")
def ref():
    """The ledger's reference tables (indicators, drugs, places), read once: the extraction tests only read them."""
    return read_reference(RAW)
