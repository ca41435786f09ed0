"""The web site as an aiohttp application: its routes, and the shared parts every request uses.

It only reads. Every route is GET (HEAD too); there is no form that changes anything, no moderator action, and
nothing a member wrote (questions, flags, notes, names) is ever shown.
"""

from __future__ import annotations

import concurrent.futures

from aiohttp import web

from bot.core.desk import Desk
from bot.web import feeds, handlers
from bot.web.middleware import DESK, EXECUTOR, LIMIT, PROBE, Probe, RateLimit, guard


def create_app(desk: Desk, *, probe: Probe | None = None, limit: RateLimit | None = None) -> web.Application:
    """The site on `desk`. `probe` tells /healthz about the Discord client beside it, if any."""
    app = web.Application(middlewares=[guard], client_max_size=4096)  # nothing is ever posted
    app[DESK] = desk
    app[PROBE] = probe or Probe()
    app[LIMIT] = limit or RateLimit()
    app[EXECUTOR] = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-web")
    handlers.add_routes(app)
    feeds.add_routes(app)

    async def stop_worker(app: web.Application) -> None:
        app[EXECUTOR].shutdown(wait=False, cancel_futures=True)

    app.on_cleanup.append(stop_worker)
    return app
