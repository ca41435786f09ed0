"""Addresses the bot hands out for reading outside Discord: the public site (`BOT_PUBLIC_URL`), a fact's page,
and each server's calendar feed, which lives at an unguessable address.

A server's own deadlines are private to it; the only way to read them outside Discord is the feed address its
moderators get from `/deadline calendar`. That address carries a random token (kept in `calendar_feeds`), and
a moderator who thinks it has leaked makes a new one, which ends the old one at once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from bot.core.models import InputError
from bot.core.permissions import is_moderator, require_moderator
from bot.core.settings import DEFAULT_OFFSETS
from bot.core.storage import StorageError
from bot.core.timeutil import from_iso, to_iso, utcnow

if TYPE_CHECKING:
    from bot.core.db import Database
    from bot.core.desk import Desk
    from bot.core.registry import Context

PUBLIC_URL_ENV = "BOT_PUBLIC_URL"
NETWORK_FEED_PATH = "/calendar.ics"
TOKEN_BYTES = 24  # 192 bits: 32 characters in a URL
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32}$")


def public_url(environ: dict[str, str] | None = None) -> str | None:
    """The site's public address from BOT_PUBLIC_URL (`https://desk.example.org`), without a trailing slash;
    None when unset or not an http(s) address."""
    value = (environ if environ is not None else os.environ).get(PUBLIC_URL_ENV, "").strip().rstrip("/")
    return value if re.match(r"^https?://[^\s/]+(/\S*)?$", value) else None


def fact_path(fact_id: str) -> str:
    return f"/facts/{quote(fact_id, safe='')}"


def fact_url(fact_id: str, environ: dict[str, str] | None = None) -> str | None:
    """A fact's page on the public site, when one is configured."""
    base = public_url(environ)
    return base + fact_path(fact_id) if base else None


def feed_path(token: str) -> str:
    return f"/calendar/{token}.ics"


def webcal(url: str) -> str:
    """The same address for calendar apps: `webcal://` opens a subscription instead of a one-off download."""
    return re.sub(r"^https?://", "webcal://", url)


@dataclass(frozen=True)
class Feed:
    guild_id: str
    token: str
    created_at: str

    @property
    def path(self) -> str:
        return feed_path(self.token)


def feed_for(db: Database, guild_id: str) -> Feed | None:
    row = db.query_one("SELECT * FROM calendar_feeds WHERE guild_id = ?", (str(guild_id),))
    return Feed(row["guild_id"], row["token"], row["created_at"]) if row else None


def ensure_feed(db: Database, guild_id: str, *, rotate: bool = False) -> Feed:
    """The server's feed, made on first use; `rotate` replaces its token (the old address stops working)."""
    current = feed_for(db, guild_id)
    if current is not None and not rotate:
        return current
    feed = Feed(str(guild_id), secrets.token_urlsafe(TOKEN_BYTES), to_iso(utcnow()))
    with db.transaction() as conn:
        conn.execute("INSERT INTO calendar_feeds (guild_id, token, created_at) VALUES (?, ?, ?) "
                     "ON CONFLICT (guild_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at",
                     (feed.guild_id, feed.token, feed.created_at))
    return feed


def guild_for_token(db: Database, token: str) -> str | None:
    """Which server a feed token belongs to; None for anything that is not a current token."""
    if not TOKEN_SHAPE.match(token or ""):
        return None
    row = db.query_one("SELECT guild_id FROM calendar_feeds WHERE token = ?", (token,))
    return str(row["guild_id"]) if row else None


def calendar_note(desk: Desk, ctx: Context, new_link: bool = False) -> str:
    """What `/deadline calendar` adds under the file: the network-wide feed for everyone when the site has a
    public address; for a server's moderators, their server's private feed (made on first ask, replaced on
    request). Asking for a new link is refused to anyone else."""
    if new_link and not ctx.guild_id:
        raise InputError("A server's calendar address is made in that server, by its moderators.")
    moderator = bool(ctx.guild_id) and is_moderator(ctx.actor, desk.settings.get(ctx.guild_id).mod_role_id)
    if new_link and not moderator:
        require_moderator(ctx.actor, desk.settings.get(ctx.guild_id).mod_role_id)
    base = public_url()
    lines = []
    if base:
        lines.append(f"Deadlines for every server, to subscribe to: <{webcal(base + NETWORK_FEED_PATH)}>")
    if not moderator:
        return "\n".join(lines)
    try:
        feed = ensure_feed(desk.db, ctx.guild_id or "", rotate=new_link)
    except StorageError as exc:
        return "\n".join([*lines, f"This server's calendar address could not be made: {exc.member_text}"])
    if base:
        lines.append(f"This server's own calendar (moderators only; keep it private): "
                     f"<{webcal(base + feed.path)}> (or <{base + feed.path}>)")
    else:
        lines.append(f"This server's own calendar is at `{feed.path}` on the bot's web site; set BOT_PUBLIC_URL "
                     "so a full link is shown here.")
    lines.append("A new address for this server, which ends the old one: /deadline calendar new_link:True"
                 if not new_link else "That is a new address: the old one no longer works.")
    return "\n".join(lines)



KEEP_PAST_DAYS = 90  # a feed keeps deadlines this long after they end, so calendars do not drop them at once


@dataclass(frozen=True)
class FeedCalendar:
    body: bytes
    last_modified: dt.datetime | None  # the latest change to a deadline in it, cancelled ones included
    count: int


def _scope(guild_id: str | None) -> tuple[str, tuple[str, ...]]:
    return ("guild_id IS NULL", ()) if guild_id is None else ("(guild_id IS NULL OR guild_id = ?)", (guild_id,))


def feed_version(desk: Desk, guild_id: str | None, now: dt.datetime | None = None
                 ) -> tuple[str, dt.datetime | None]:
    """(version, last modified): the version is a short string that changes whenever the feed would (a deadline
    in scope added, changed or cancelled, each of which raises its revision; the server's reminder offsets; a new
    day, as deadlines age out; a new version of the bot). One indexed query, so a calendar app's poll can be
    answered 304 without building the calendar."""
    from bot import __version__

    where, params = _scope(guild_id)
    row = desk.db.query_one(f"SELECT count(*), coalesce(sum(rev), 0), max(updated_at) FROM deadlines WHERE {where}",
                            params)
    count, revs, latest = (row[0], row[1], row[2]) if row else (0, 0, None)
    offsets = ",".join(desk.settings.get(guild_id).reminder_offsets) if guild_id else ""
    day = (now or utcnow()).date().isoformat()
    version = "|".join(map(str, (__version__, guild_id or "*", count, revs, latest or "", offsets, day)))
    return version, from_iso(latest) if latest else None


def feed_calendar(desk: Desk, guild_id: str | None, now: dt.datetime | None = None) -> FeedCalendar:
    """The calendar a feed serves: deadlines for every server (guild_id None) or what one server sees (its own
    and those for every server), active and not ended more than KEEP_PAST_DAYS before today; cancelled ones are
    left out, so a subscribed calendar drops them. Alarms follow the server's reminder offsets."""
    from bot.core import ics  # icalendar is loaded only when a calendar is made

    now = now or utcnow()
    scope = desk.deadlines.list(include_cancelled=True, seen_from=guild_id)
    if guild_id is None:
        scope = [d for d in scope if d.guild_id is None]
    floor = dt.datetime.combine(now.date(), dt.time(), tzinfo=dt.UTC) - dt.timedelta(days=KEEP_PAST_DAYS)
    shown = [d for d in scope if d.status == "active" and d.ends_at > floor]
    offsets = desk.settings.get(guild_id).reminder_offsets if guild_id else list(DEFAULT_OFFSETS)
    changed = [from_iso(d.updated_at) for d in scope if d.updated_at]
    body = ics.build_calendar(shown, default_offsets=offsets, now=now)
    return FeedCalendar(body, max(changed) if changed else None, len(shown))
