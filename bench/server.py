"""Start the real app under gunicorn for a benchmark, on a free loopback port, and stop it afterwards."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(command: list[str], port: int, env: dict, wait: float = 60) -> Iterator[tuple[str, subprocess.Popen]]:
    """A server process answering /healthz on the port, stopped (and waited for) on leaving."""
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, process)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=wait)


def _data_env(data_dir: Path | None, **extra: str) -> dict:
    return dict(os.environ, **extra, **({"IRAQ_DRUGS_DATA_DIR": str(data_dir)} if data_dir else {}))


@contextlib.contextmanager
def gunicorn(workers: int, data_dir: Path | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "app:server", "--workers", str(workers), "--preload"]
    command += ["--bind", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning"]
    with running(command, port, _data_env(data_dir)) as started:
        yield started


def _wait(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start in 120 s")


def worker_peak_rss_mb(master: subprocess.Popen) -> float:
    """Largest high-water mark (VmHWM) among the master's worker processes."""
    peaks = []
    for child in Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split():
        status = Path(f"/proc/{child}/status").read_text()
        peaks.append(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))))
    return max(peaks) / 1024


@contextlib.contextmanager
def served(instances: int = 1, data_dir: Path | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """The whole `make serve` stack (deploy/serve.py: nginx in front of the page and export pools)."""
    port = free_port()
    env = _data_env(data_dir, PORT=str(port), INSTANCES=str(instances))
    with running([sys.executable, "deploy/serve.py"], port, env, wait=90) as started:
        yield started
