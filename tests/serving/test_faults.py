"""Faults: broken data stops start-up with a clear message; a rebuild never shows readers a mix of versions;
without Chromium everything but images works."""

import subprocess
import sys
import threading

import pytest

from data.store import snapshot
from loaders.build import build
from tests.conftest import RAW, ROOT


@pytest.fixture
def data_dir(tmp_path):
    build(RAW, tmp_path)
    return tmp_path


def start(data_dir) -> subprocess.CompletedProcess:
    env = {"IRAQ_DRUGS_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin", "PORT": "0"}
    return subprocess.run(
        [sys.executable, "-c", "import app"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("damage", ["corrupt", "missing"])
def test_broken_table_stops_start_up_naming_the_file(data_dir, damage):
    table = (data_dir / "processed").resolve() / "observations.parquet"
    if damage == "corrupt":
        table.write_bytes(b"PAR1 this is not parquet")
    else:
        table.unlink()
    done = start(data_dir)
    assert done.returncode == 2 and "cannot serve:" in done.stderr and "observations.parquet" in done.stderr


def test_no_data_at_all_says_how_to_build(tmp_path):
    done = start(tmp_path)
    assert done.returncode == 2 and "python -m loaders build" in done.stderr


def test_readers_see_all_old_or_all_new_tables_during_rebuilds(tmp_path, raw_copy):
    build(RAW, tmp_path)
    extra = raw_copy / "claims" / "seed.csv"
    extra.write_text(
        extra.read_text(encoding="utf-8")
        # A second copy of the last claim, marked as such (the build refuses an unmarked duplicate).
        + extra.read_text(encoding="utf-8")
        .splitlines()[-1]
        .replace("seed-0006", "seed-9999")
        .replace(",whole,,,,", ",whole,,seed-0006,,")
        + "\n",
        encoding="utf-8",
    )
    mixes, reads, stop = [], [], threading.Event()

    def reader() -> None:
        while not stop.is_set():
            data = snapshot(tmp_path)
            claims = data.table("claims")
            reads.append(data.version)
            if len(claims) != data.manifest["tables"]["claims"]["rows"]:
                mixes.append(data.version)

    thread = threading.Thread(target=reader)
    thread.start()
    for turn in range(6):
        build(raw_copy if turn % 2 == 0 else RAW, tmp_path)
    stop.set()
    thread.join()
    assert len(set(reads)) == 2 and not mixes


def test_without_chromium_pages_and_csv_work_and_images_explain(built, monkeypatch):
    import app as app_module
    from figures import export

    monkeypatch.setattr("data.store.DATA_DIR", built.path.parent.parent)
    monkeypatch.setattr(export.shutil, "which", lambda name: None)
    client = app_module.server.test_client()
    image = client.get("/download/map.png?indicator=arrests&year=2024")
    assert image.status_code == 503 and b"needs Chromium" in image.data
    assert client.get("/download/map.csv?indicator=arrests&year=2024").status_code == 200
    from layouts import map as map_page

    page = str(map_page.layout(indicator="arrests"))
    assert "needs Chromium" in page and "map-graph" in page


def test_health_check_fails_when_any_table_breaks_and_keeps_paths_out(data_dir, monkeypatch):
    import app as app_module
    from data import store

    monkeypatch.setattr(store, "DATA_DIR", data_dir)
    client = app_module.server.test_client()
    assert client.get("/healthz").status_code == 200
    table = (data_dir / "processed").resolve() / "flags.parquet"
    table.write_bytes(b"PAR1 this is not parquet")
    store._read_table.cache_clear()
    answer = client.get("/healthz")
    assert answer.status_code == 503 and str(data_dir) not in answer.get_data(as_text=True)


def test_health_check_sees_bytes_flipped_after_start_up(data_dir, monkeypatch):
    """No cache to clear: the file's changed stat makes the health check hash it again."""
    import app as app_module
    from data import store

    monkeypatch.setattr(store, "DATA_DIR", data_dir)
    client = app_module.server.test_client()
    assert client.get("/healthz").status_code == 200
    table = (data_dir / "processed").resolve() / "claims.parquet"
    damaged = bytearray(table.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    table.write_bytes(bytes(damaged))
    answer = client.get("/healthz")
    body = answer.get_data(as_text=True)
    assert answer.status_code == 503 and "claims.parquet" in body and "manifest hash" in body
    assert str(data_dir) not in body and "/tmp" not in body


def test_evil_host_header_appears_in_no_response(built):
    import app as app_module

    client = app_module.server.test_client()
    paths = ["/", "/map", "/trends", "/claims", "/sources", "/nowhere", "/healthz", "/download/map.csv"]
    for path in paths:
        body = client.get(path, headers={"Host": "evil.example"}).get_data(as_text=True)
        assert "evil.example" not in body, path


@pytest.mark.parametrize(("fault", "status"), [(RuntimeError("bug"), 500), (OSError("disk"), 500)])
def test_a_callback_failing_on_the_server_answers_5xx_not_400(built, monkeypatch, fault, status):
    import json

    import app as app_module
    from layouts import trends

    def broken(*args, **kwargs):
        raise fault

    monkeypatch.setattr(trends, "_update_parts", broken)
    client = app_module.server.test_client()
    dependency = next(
        d for d in json.loads(client.get("/_dash-dependencies").data) if "trends-graph.figure" in d["output"]
    )
    parts = dependency["output"].strip(".").split("...")
    body = {
        "output": dependency["output"],
        "outputs": [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts],
        "inputs": [{**i, "value": {"trends-places": ["IQ"]}.get(i["id"], "arrests")} for i in dependency["inputs"]],
        "state": [{**s, "value": "en"} for s in dependency["state"]],
        "changedPropIds": ["trends-places.value"],
    }
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == status and "logged" in answer.get_data(as_text=True)


def test_a_callback_whose_data_is_unreadable_answers_503(built, monkeypatch):
    import app as app_module
    from data import store
    from data.store import DataUnavailable

    def unreadable(*args, **kwargs):
        raise DataUnavailable("/secret/path/claims.parquet is unreadable")

    client = app_module.server.test_client()
    monkeypatch.setattr(store, "snapshot", unreadable)
    monkeypatch.setattr("layouts._common.snapshot", unreadable)
    monkeypatch.setattr("layouts._responses.snapshot", unreadable)
    answer = client.get("/download/tables/claims.csv")
    assert answer.status_code == 503 and "/secret" not in answer.get_data(as_text=True)
