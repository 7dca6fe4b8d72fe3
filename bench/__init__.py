"""Benchmarks: `make bench` (python -m bench) prints every figure next to a floor measured in the same run."""
