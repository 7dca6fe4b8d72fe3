"""Progress on long work: a tqdm bar on a terminal, a plain line every tenth of the way in logs (CI), nothing
for short work. Shared by the ledger build and the image batch, so it sits in the lowest layer."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
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


def stages(names: Sequence[str], what: str, items: int, at_least: int = LONG) -> Iterator[str]:
    """Name each step of long work as it starts (a bar over the steps on a terminal, one plain line per step in
    logs): for work done in a few big column-wise steps rather than item by item."""
    if items < at_least:
        yield from names
        return
    if sys.stderr.isatty():
        from tqdm import tqdm

        with tqdm(total=len(names), desc=what, unit=" steps", file=sys.stderr) as bar:
            for name in names:
                bar.set_postfix_str(name)
                yield name
                bar.update()
        return
    for done, name in enumerate(names, start=1):
        print(f"{what}: {name} (step {done} of {len(names)})", file=sys.stderr, flush=True)
        yield name
