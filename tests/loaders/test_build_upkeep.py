"""Builds look after their folders: a damaged version is rewritten, pruning follows what was served,
and a killed build's leftovers are removed."""

import os
import subprocess
import sys

from data.store import version_problems
from loaders.build import build
from tests.conftest import RAW


def flip_a_byte(path):
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    path.write_bytes(bytes(damaged))


def test_a_damaged_version_is_found_and_rewritten(tmp_path):
    first = build(RAW, tmp_path)
    flip_a_byte(first.path / "claims.parquet")
    assert version_problems(first.path) == [
        f"{first.version}/claims.parquet does not match its manifest hash: the file is damaged"
    ]
    again = build(RAW, tmp_path)
    assert again.version == first.version and again.repaired
    assert version_problems(again.path) == []


def test_an_intact_version_is_left_alone(tmp_path):
    first = build(RAW, tmp_path)
    written = (first.path / "claims.parquet").stat().st_mtime_ns
    again = build(RAW, tmp_path)
    assert not again.repaired and (again.path / "claims.parquet").stat().st_mtime_ns == written


def fake_version(builds, name):
    (builds / name).mkdir()
    (builds / name / "manifest.json").write_text("{}")


def test_pruning_keeps_the_served_and_the_previously_served_versions(tmp_path):
    current = build(RAW, tmp_path)
    builds = tmp_path / "builds"
    for name in ("old1", "old2", "old3", "old4"):
        fake_version(builds, name)
    # old1 was served last before the current one (a revert pointed at it), the others long ago
    (builds / ".served").write_text("old4\nold3\nold2\nold1\n")
    os.utime(builds / "old1", (0, 0))  # its folder time is ancient: time must not decide
    (tmp_path / "processed").unlink()
    (tmp_path / "processed").symlink_to(os.path.relpath(builds / "old1", tmp_path))
    build(RAW, tmp_path)
    left = sorted(p.name for p in builds.iterdir() if p.is_dir() and not p.name.startswith("."))
    assert left == sorted([current.version, "old1", "old2"])
    assert (builds / ".served").read_text().split()[-2:] == ["old1", current.version]


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(tmp_path):
    build(RAW, tmp_path)
    builds = tmp_path / "builds"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = builds / f".0123456789abcdef.{dead.stdout.strip()}.tmp"
    leftover.mkdir()
    (leftover / "claims.parquet").write_bytes(b"half written")
    running = builds / f".fedcba9876543210.{os.getppid()}.tmp"  # a build still running keeps its folder
    running.mkdir()
    build(RAW, tmp_path)
    assert not leftover.exists() and running.exists()
