"""`make serve`: the app behind Debian's nginx, as in production, on HOST:PORT (default 127.0.0.1:8050).

    python deploy/serve.py            # one instance: a page pool and an export pool behind nginx
    INSTANCES=2 python deploy/serve.py  # several page instances behind one nginx (scale-out on one machine)

Processes (all stopped together on SIGTERM or Ctrl-C; a crashed gunicorn is restarted after a second):
- nginx, rendered from deploy/nginx.conf.template into a private run folder: buffers slow clients, compresses,
  caches fingerprinted assets, retries idempotent requests on another instance.
- page instances: gunicorn with `gthread` workers (one per core, THREADS threads each). nginx already absorbs
  slow clients, so threads only wait on the app's own work; a thread blocked on a slow callback leaves the
  worker's other threads serving. Async workers (gevent) would not help: the work is CPU-bound pandas and
  Plotly, and kaleido runs its own asyncio loop in a thread.
- one export pool: gunicorn with one gthread worker at a lower CPU priority, receiving only PNG/SVG downloads;
  its bounded renderer (figures/export.py) queues a few and answers 503 with Retry-After beyond that, so an
  export storm never takes CPU or threads from page traffic.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@dataclass(frozen=True)
class Settings:
    host: str = os.environ.get("HOST", "127.0.0.1")
    port: int = int(os.environ.get("PORT", "8050"))
    instances: int = int(os.environ.get("INSTANCES", "1"))
    workers: int = int(os.environ.get("WORKERS", str(os.cpu_count() or 2)))
    threads: int = int(os.environ.get("THREADS", "4"))
    export_nice: int = int(os.environ.get("EXPORT_NICE", "10"))


@dataclass
class Child:
    name: str
    command: list[str]
    env: dict = field(default_factory=dict)
    nice: int = 0
    process: subprocess.Popen | None = None

    def start(self) -> None:
        niceness = self.nice
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env={**os.environ, **self.env},
            preexec_fn=(lambda: os.nice(niceness)) if niceness else None,  # noqa: PLW1509 - only sets priority
        )

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def gunicorn(port: int, workers: int, threads: int, name: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "app:server",
        "--name",
        name,
        "--bind",
        f"127.0.0.1:{port}",
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--preload",
        "--timeout",
        "60",
        "--graceful-timeout",
        "20",
        # Recycling a worker empties its caches (pages, callbacks, responses); a long interval keeps it rare.
        "--max-requests",
        "200000",
        "--max-requests-jitter",
        "20000",
        "--access-logfile",
        "-",
        "--no-control-socket",  # several masters run side by side; one shared control socket would clash
    ]


def render_config(settings: Settings, run: Path, page_ports: list[int], export_port: int) -> str:
    def servers(ports: list[int]) -> str:
        return "\n".join(f"        server 127.0.0.1:{p} max_fails=2 fail_timeout=5s;" for p in ports)

    values = {
        "run": str(run),
        # nginx started as root hands its workers to an unprivileged user; otherwise it keeps the caller's.
        "user": "user nobody nogroup;" if os.geteuid() == 0 else "",
        "listen": f"{settings.host}:{settings.port}",
        "pages": servers(page_ports),
        "exports": servers([export_port]),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    assert "{{" not in text, f"{TEMPLATE}: a placeholder was left unfilled"
    return text


def plan(settings: Settings, run: Path) -> list[Child]:
    page_ports = [free_port() for _ in range(settings.instances)]
    export_port = free_port()
    (run / "nginx.conf").write_text(render_config(settings, run, page_ports, export_port), encoding="utf-8")
    children = [
        Child(f"pages-{n}", gunicorn(port, settings.workers, settings.threads, f"iraq-figures-pages-{n}"))
        for n, port in enumerate(page_ports, start=1)
    ]
    children.append(
        Child(
            "exports",
            gunicorn(export_port, 1, settings.threads, "iraq-figures-exports"),
            env={"EXPORT_NICE": "0"},  # the whole pool already runs at the lower priority
            nice=settings.export_nice,
        )
    )
    nginx = [NGINX, "-p", str(run), "-c", str(run / "nginx.conf"), "-g", "daemon off;"]
    children.append(Child("nginx", nginx))
    return children


def _wait_until_healthy(child: Child, seconds: float = 120) -> None:
    port = child.command[child.command.index("--bind") + 1].rsplit(":", 1)[1]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if child.process and child.process.poll() is not None:
            raise SystemExit(f"{child.name} exited during start-up (code {child.process.returncode})")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{child.name} did not answer /healthz within {seconds:.0f} s")


def serve(settings: Settings) -> int:
    if not Path(NGINX).exists():
        print("nginx is missing: `make system` installs Debian's nginx", file=sys.stderr)
        return 2
    run = Path(tempfile.mkdtemp(prefix="iraq-figures-serve-"))
    run.chmod(0o755)  # nginx's workers (user nobody when started as root) reach their temp folders through it
    children = plan(settings, run)
    stopping: list[bool] = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(True))
    try:
        _start(children)
        print(f"serving on http://{settings.host}:{settings.port} (nginx in front; run folder {run})", flush=True)
        while not stopping:
            time.sleep(0.5)
            _restart_the_fallen(children, stopping)
    finally:
        _stop(children)
        shutil.rmtree(run, ignore_errors=True)
    return 0


def _start(children: list[Child]) -> None:
    """The app pools first; nginx listens only once every pool answers, so no request meets a booting backend."""
    *apps, front = children
    for child in apps:
        child.start()
    for child in apps:
        _wait_until_healthy(child)
    front.start()


def _restart_the_fallen(children: list[Child], stopping: list[bool]) -> None:
    for child in children:
        if child.process and child.process.poll() is not None and not stopping:
            print(f"{child.name} exited ({child.process.returncode}); restarting it", file=sys.stderr)
            time.sleep(1)
            child.start()


def _stop(children: list[Child]) -> None:
    for child in reversed(children):
        child.stop()
    for child in children:
        if child.process:
            try:
                child.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.process.kill()


if __name__ == "__main__":
    sys.exit(serve(Settings()))
