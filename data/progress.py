"""Progress on long work: a tqdm bar on a terminal, a plain line every tenth of the way in logs (CI), nothing
for short work. Shared by the ledger build and the image batch, so it sits in the lowest layer."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")
LONG = 100_000  # items below which work is quick enough to need no progress


def progress(items: Iterable[Item], total: int, what: str, at_least: int = LONG) -> Iterator[Item]:
    if total < at_least:
        yield from items
        return
    if sys.stderr.isatty():
        from tqdm import tqdm

        yield from tqdm(items, total=total, desc=what, unit=" items", unit_scale=True, file=sys.stderr)
        return
    step = max(1, total // 10)
    for done, item in enumerate(items, start=1):
        yield item
        if done % step == 0 or done == total:
            print(f"{what}: {done:,} of {total:,} ({done / total:.0%})", file=sys.stderr, flush=True)
