"""The calendar feeds, the deadlines as JSON, and /healthz.

`/calendar.ics` holds the deadlines for every server; `/calendar/<token>.ics` is one server's feed (its own
deadlines and those for every server), the only place a server's own deadlines appear outside Discord. An
unknown or replaced token is a plain 404, the same as any other missing page. Calendar apps poll: each feed
carries an ETag (a hash of its version, `bot.core.feeds.feed_version`: cheap to read, so a poll that already has
this version gets 304 without the calendar being built) and Last-Modified (the latest change to a deadline in
it, cancelled ones included). A built calendar is kept per version, so many subscribers cost one build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from aiohttp import web

from bot.core.deadlines.model import KIND_LABELS, Deadline
from bot.core.desk import Desk
from bot.core.feeds import feed_calendar, feed_version, guild_for_token
from bot.core.health import check_health
from bot.core.timeutil import to_iso, utcnow
from bot.web.middleware import PROBE, in_core

FEED_MAX_AGE = 300  # seconds a calendar app or cache may keep a feed before asking again
MAX_API_DAYS = 3660


FEED_CACHE = web.AppKey("feed_cache", dict)
CACHED_FEEDS = 64


def _version(desk: Desk, token: str | None) -> tuple[str | None, str, dt.datetime | None]:
    """(server id, version, last modified) for the network feed (token None) or a server's; LookupError for a
    token that is not a current one."""
    guild_id = None if token is None else guild_for_token(desk.db, token)
    if token is not None and guild_id is None:
        raise LookupError(token)
    return (guild_id, *feed_version(desk, guild_id))


async def calendar_response(request: web.Request, token: str | None) -> web.Response:
    """The feed, or 304 when the caller already has this version; built only when it changed (then kept)."""
    try:
        guild_id, version, last_modified = await in_core(request, _version, token)
    except LookupError:
        raise web.HTTPNotFound(text="Not found.\n") from None
    etag = '"' + hashlib.sha256(version.encode()).hexdigest()[:32] + '"'
    private = token is not None
    headers = {"ETag": etag, "Cache-Control": f"{'private' if private else 'public'}, max-age={FEED_MAX_AGE}",
               "Content-Disposition": 'inline; filename="coalition-desk.ics"'}
    if last_modified is not None:
        headers["Last-Modified"] = last_modified.strftime("%a, %d %b %Y %H:%M:%S GMT")
    if _not_modified(request, etag, last_modified):
        return web.Response(status=304, headers=headers)
    cache = request.app[FEED_CACHE]
    body = cache.get(version)
    if body is None:
        body = (await in_core(request, feed_calendar, guild_id)).body
        while len(cache) >= CACHED_FEEDS:
            cache.pop(next(iter(cache)))
        cache[version] = body
    return web.Response(body=body, content_type="text/calendar", charset="utf-8", headers=headers)


def _not_modified(request: web.Request, etag: str, last_modified: dt.datetime | None) -> bool:
    """RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since against Last-Modified."""
    match = request.headers.get("If-None-Match")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or etag in tags
    since = request.if_modified_since
    return since is not None and last_modified is not None and last_modified.replace(microsecond=0) <= since


async def network_calendar(request: web.Request) -> web.Response:
    return await calendar_response(request, None)


async def server_calendar(request: web.Request) -> web.Response:
    return await calendar_response(request, request.match_info["token"])


def deadline_json(d: Deadline) -> dict[str, Any]:
    return {"id": d.id, "title": d.title, "kind": d.kind, "kind_label": KIND_LABELS.get(d.kind, d.kind),
            "start": d.start.isoformat(), "end": d.end.isoformat() if d.end else None, "zone": d.zone,
            "all_day": d.all_day, "start_utc": to_iso(d.start), "description": d.description, "link": d.link,
            "sources": d.sources, "revision": d.rev}


def _network_upcoming(desk: Desk, days: int) -> list[Deadline]:
    """Upcoming deadlines for every server; a server's own ones never appear here."""
    return [d for d in desk.deadlines.upcoming(utcnow(), days) if d.guild_id is None]


async def api_deadlines(request: web.Request) -> web.Response:
    raw = request.query.get("days", "365")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_API_DAYS:
        return web.json_response({"error": f"days must be a whole number from 1 to {MAX_API_DAYS}"}, status=400)
    found = await in_core(request, _network_upcoming, int(raw))
    return web.json_response({"deadlines": [deadline_json(d) for d in found]})


async def healthz(request: web.Request) -> web.Response:
    probe = request.app[PROBE]
    gateway = probe.gateway() if probe.gateway else None
    leading = probe.leading() if probe.leading else None
    health = await in_core(request, lambda desk: check_health(desk, gateway=gateway, leading=leading))
    return web.json_response(health.to_json(), status=200 if health.ok else 503,
                             headers={"Cache-Control": "no-store"})


def add_routes(app: web.Application) -> None:
    app[FEED_CACHE] = {}
    app.router.add_get("/calendar.ics", network_calendar)
    app.router.add_get("/calendar/{token}.ics", server_calendar)
    app.router.add_get("/api/deadlines", api_deadlines)
    app.router.add_get("/healthz", healthz)
