"""Shared fixtures: paths to the repository, to ../shared, and throwaway copies of data/raw."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
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


_SESSION: dict = {}


def pytest_configure(config: pytest.Config) -> None:
    """Build the real ledger once, before test modules import the app (which refuses to start without data)."""
    data_dir = Path(tempfile.mkdtemp(prefix="iraq-figures-tests-"))
    os.environ["IRAQ_DRUGS_DATA_DIR"] = str(data_dir)  # before anything imports data.store, which reads it once
    from loaders.build import build

    _SESSION["built"] = build(RAW, data_dir)


def pytest_unconfigure(config: pytest.Config) -> None:
    if "built" in _SESSION:
        shutil.rmtree(_SESSION["built"].path.parent.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def built():
    """The real ledger, built once per test session into a temporary data folder."""
    return _SESSION["built"]


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} is missing: tests read their inputs from ../shared")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def install_boundaries(data_dir: Path) -> None:
    from loaders.importers.boundaries import fetch, normalise, write

    write(
        normalise(fetch(str(shared_file("data", "boundaries", "geoBoundaries-IRQ-ADM1.geojson")))),
        data_dir / "boundaries",
    )


def start_server(command: list[str], data_dir: Path, port: int, log_name: str) -> subprocess.Popen:
    """Run a server command with PORT and the data folder set; wait until it answers, or fail with its log."""
    env = dict(os.environ, PORT=str(port), IRAQ_DRUGS_DATA_DIR=str(data_dir))
    log = data_dir / log_name
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited: {log.read_text()}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    pytest.fail(f"server did not start: {log.read_text()}")


@pytest.fixture(scope="session")
def live_app(built) -> str:
    """`python app.py` serving the built data and the real geoBoundaries outlines (from the ../shared mirror)."""
    data_dir = built.path.parent.parent
    install_boundaries(data_dir)
    port = free_port()
    process = start_server([sys.executable, "app.py"], data_dir, port, "app.log")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)
