"""What every request to the web site goes through: a per-address rate limit, security headers, an access log
that never shows a feed's secret address or a search's words, and one sentence instead of a traceback. Core
calls run on a worker thread of the site's own, so the event loop (shared with the Discord client under
`run --web`) never waits on the database.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from aiohttp import web

from bot.core.desk import Desk

log = logging.getLogger(__name__)
access_log = logging.getLogger("bot.web.access")

T = TypeVar("T")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # a feed's secret address never leaks through a link followed from it
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
_SECRET_PATH = re.compile(r"^/calendar/[^/]+\.ics$")


@dataclass
class Probe:
    """What the process running the site knows beyond the database: None when it runs no Discord client (then
    the gateway and dispatcher are not checked)."""

    gateway: Callable[[], bool] | None = None
    leading: Callable[[], bool] | None = None


class RateLimit:
    """A token bucket per client address: `per_minute` requests a minute on average, `burst` at once. The
    oldest addresses are forgotten past `max_clients`, so a flood of addresses cannot grow memory."""

    def __init__(self, per_minute: float = 120, burst: int = 60, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.burst = burst
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, address: str) -> float | None:
        """None when the request may go ahead; else the seconds until it may."""
        now = self.clock()
        tokens, last = self._buckets.pop(address, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        self._buckets[address] = (tokens - 1 if tokens >= 1 else tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return None if tokens >= 1 else (1 - tokens) / self.rate


DESK = web.AppKey("desk", Desk)
PROBE = web.AppKey("probe", Probe)
LIMIT = web.AppKey("limit", RateLimit)
EXECUTOR = web.AppKey("executor", concurrent.futures.ThreadPoolExecutor)


async def in_core(request: web.Request, func: Callable[..., T], *args: Any) -> T:
    """`func(desk, *args)` on the site's worker thread."""
    loop = asyncio.get_running_loop()
    app = request.app
    return await loop.run_in_executor(app[EXECUTOR], functools.partial(func, app[DESK], *args))


def shown_path(request: web.Request) -> str:
    """The path as logged: a feed's token is secret, and a search's words are the reader's business."""
    return "/calendar/(secret).ics" if _SECRET_PATH.match(request.path) else request.path


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    started = time.perf_counter()
    wait = request.app[LIMIT].take(request.remote or "unknown")
    if wait is not None:
        return _finish(request, started, web.Response(
            status=429, text="Too many requests from your address; try again in a minute.\n",
            headers={"Retry-After": str(max(1, round(wait)))}))
    try:
        response = await handler(request)
    except web.HTTPException as exc:  # 404, 405: aiohttp sends them, with our headers
        _finish(request, started, exc)
        raise
    except Exception:
        log.exception("the web page %s failed", shown_path(request))
        response = web.Response(status=500, text="Sorry, something went wrong on our side.\n")
    return _finish(request, started, response)


def _finish(request: web.Request, started: float, response: web.StreamResponse) -> web.StreamResponse:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    access_log.info("%s %s %s %d %.1fms", request.remote, request.method, shown_path(request), response.status,
                    (time.perf_counter() - started) * 1000)
    return response
