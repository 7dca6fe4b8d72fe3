"""Finished responses kept per data version, so a repeated callback or download costs a dictionary lookup.

Every callback and non-image download here is a pure function of its request and the data version (layouts
read only the tables and the query: no time, no user, no randomness), so the bytes sent once can be sent again;
Dash's callback list, and scripts and styles, which are compressed once at brotli's best level instead of on every request.
The key holds the path, the request body or query, the client's Accept-Encoding (the bytes are stored after
compression) and the data version, so a rebuild never serves an old answer. Bounded by entries and sizes; only
200 answers are kept. Images are left to the export pool (figures/export.py), which has its own cache and
must be able to answer 503.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from flask import Flask, Response, g, request

from data.store import snapshot

MAX_ENTRIES = 2048
MAX_KEY_BYTES = 16 * 1024  # a larger request is computed every time: junk must not fill the cache
MAX_RESPONSE_BYTES = 2 * 1024 * 1024
KEPT_HEADERS = ("Content-Type", "Content-Encoding", "Content-Disposition", "Vary", "Cache-Control", "ETag")
STATIC = ("/_dash-component-suites/", "/assets/", "/vendor/")  # scripts and styles, compressed once per worker


@dataclass(frozen=True)
class Stored:
    body: bytes
    headers: tuple[tuple[str, str], ...]


class ResponseCache:
    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[tuple, Stored] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_entries

    def install(self, server: Flask) -> None:
        """Register before Flask-Compress, so the bytes stored are the compressed ones."""
        server.before_request(self._answer_from_cache)
        server.after_request(self._remember)
        server.extensions["response_cache"] = self

    def _key(self) -> tuple | None:
        if request.method == "POST" and request.path == "/_dash-update-component":
            payload = request.get_data(cache=True)
        elif request.method == "GET" and request.path.endswith("/_dash-dependencies"):
            payload = (
                b""  # the callback list: fixed for the app's life, yet Dash rebuilds it (60 ms) on every page load
            )
        elif (
            request.method == "GET"
            and request.path.startswith("/download/")
            and not request.path.endswith((".png", ".svg"))
        ) or (request.method == "GET" and request.path.startswith(STATIC)):
            payload = request.query_string
        else:
            return None
        if len(payload) > MAX_KEY_BYTES:
            return None
        encoding = request.headers.get("Accept-Encoding", "").replace(" ", "").lower()
        return request.path, payload, encoding, snapshot().version

    def _answer_from_cache(self) -> Response | None:
        key = self._key()
        g.response_cache_key = key
        if key is None:
            return None
        with self._lock:
            stored = self._entries.get(key)
            if stored is not None:
                self._entries.move_to_end(key)
        if stored is None:
            return None
        g.response_cache_key = None  # already stored
        response = Response(stored.body, status=200)
        for name, value in stored.headers:
            response.headers[name] = value
        return response

    def _remember(self, response: Response) -> Response:
        key = getattr(g, "response_cache_key", None)
        if key is None or response.status_code != 200 or response.direct_passthrough:
            return response
        body = response.get_data()
        if len(body) > MAX_RESPONSE_BYTES:
            return response
        headers = tuple((name, response.headers[name]) for name in KEPT_HEADERS if name in response.headers)
        with self._lock:
            self._entries[key] = Stored(body, headers)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
        return response
