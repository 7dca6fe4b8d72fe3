"""`python -m figures.export --all --out DIR`: every map and trend as PNG and SVG, each citing source and version."""

import os
import subprocess
import sys

from figures.batch import trend_places
from tests.conftest import ROOT


def test_all_writes_every_chart_with_its_footer(built, tables, tmp_path):
    env = dict(os.environ, IRAQ_DRUGS_DATA_DIR=str(built.path.parent.parent))
    done = subprocess.run(
        [sys.executable, "-m", "figures.export", "--all", "--out", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    svgs = sorted(tmp_path.glob("*.svg"))
    pngs = {p.stem for p in tmp_path.glob("*.png")}
    assert {p.stem for p in svgs} == pngs
    assert any(p.stem.startswith("map-arrests") for p in svgs) and any(p.stem.startswith("trend-arrests") for p in svgs)
    with_trend = [i for i in sorted(set(tables.observations["indicator_id"])) if trend_places(tables, i)]
    assert len([p for p in svgs if p.stem.startswith("trend-")]) == len(with_trend) >= 25
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        assert "Source: " in text and f"Data version {built.version}" in text, svg.name


def test_single_chart_and_clear_errors(built, tmp_path):
    env = dict(os.environ, IRAQ_DRUGS_DATA_DIR=str(built.path.parent.parent))
    out = tmp_path / "basra.svg"
    args = ["--page", "trends", "--indicator", "arrests", "--places", "IQ,IQ-BA", "--format", "svg", "--out", str(out)]
    assert export(env, *args).returncode == 0
    assert "Basra" in out.read_text(encoding="utf-8")
    bad = export(env, "--indicator", "bogus", "--out", str(out))
    assert bad.returncode == 1 and "unknown indicator 'bogus'" in bad.stderr


def test_one_chart_in_arabic_and_every_language_with_all(built, tables, tmp_path):
    """`--lang ar` writes the image in Arabic; `--lang all` needs `--all` (one file per view and language);
    file names stay ASCII, the language code at their end."""
    from figures.batch import every_view
    from figures.geometry import tile_grid

    env = dict(os.environ, IRAQ_DRUGS_DATA_DIR=str(built.path.parent.parent))
    out = tmp_path / "basra-ar.svg"
    args = ["--lang", "ar", "--page", "trends", "--places", "IQ,IQ-BA", "--format", "svg", "--out", str(out)]
    assert export(env, *args).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "البصرة" in text and "Basra" not in text
    refused = export(env, "--lang", "all", "--out", str(out))
    assert refused.returncode == 2 and "--lang all needs --all" in refused.stderr
    names = [name for name, _ in every_view(tables, tile_grid(), "v", "ckb")]
    assert names and all(name.endswith("-ckb") and name.isascii() for name in names)


def export(env: dict, *args: str) -> subprocess.CompletedProcess:
    """`python -m figures.export ARGS` on the test's data, its output and errors captured."""
    command = [sys.executable, "-m", "figures.export", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
