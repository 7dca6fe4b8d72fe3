"""How a build uses memory: a million claims make hundreds of short-lived columns of several megabytes each, and
millions of small objects that live until the end."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

_M_MMAP_THRESHOLD = -3  # glibc's malloc.h


@contextmanager
def frugal_allocation() -> Iterator[None]:
    """Within: no cyclic garbage collection, and freed columns go back to the system at once.

    - The collector would rescan the build's millions of live objects again and again (the 1M-claim build once
      spent half its time there), and a build makes no cycles worth collecting.
    - Arrow's default allocator (mimalloc) keeps the pages of freed arrays for reuse; by the end of reconciliation
      it held about 250 MB that no array used. The system allocator returns them, once glibc maps every block of a
      megabyte or more on its own (see _map_large_blocks_apart). The 1M-claim build peaked at about 1.0 GB
      before, and at about 750 MB with both.
    """
    collecting, pool = gc.isenabled(), pa.default_memory_pool()
    gc.disable()
    _map_large_blocks_apart()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(pool)
        if collecting:
            gc.enable()


def _map_large_blocks_apart() -> None:
    """glibc maps a large block on its own (and unmaps it when freed) only above a threshold that rises each time
    such a block is freed, after which blocks of a few megabytes stay in the heap when freed and the heap only
    grows. A fixed threshold keeps every block of a megabyte or more apart. It stays set for the process."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, 1 << 20)
    except (OSError, AttributeError):  # not glibc: its allocator has its own habits
        pass
