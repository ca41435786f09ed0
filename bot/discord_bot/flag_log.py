"""Members' "Outdated or wrong" flags on the mod-log, in batches, and the feedback buttons' cooldown reply.

A flag is posted at once when the server's mod-log had no flags for a while; flags that follow within
FLAG_BATCH_WINDOW wait and go out together in one post when the window ends (a timer on the event loop), or with
the next flag after it. The core decides what is due (`FeedbackStore.take_flag_batch`, with the client's clock)
and marks what it hands out, so a flag is posted once even across restarts; `flush()` posts whatever is due
(at start, and in tests after moving the clock).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import math
from collections.abc import Callable
from typing import cast

import discord

from bot.core.cooldown import Wait
from bot.core.feedback import Flag
from bot.core.storage import StorageError
from bot.core.timeutil import discord_timestamp, utcnow
from bot.discord_bot.display import COLOUR, EMBED_DESCRIPTION, clip, clip_lines
from bot.discord_bot.host import DeskHost
from bot.discord_bot.sender import post_to_channel

log = logging.getLogger(__name__)


def flags_embed(flags: list[Flag]) -> discord.Embed:
    """One mod-log post for a batch of flags: who flagged which fact, their note and what they had asked."""
    lines = [f"• <@{f.user_id}> ({f.user_name}) flagged fact `{f.fact_id}` as outdated or wrong: "
             f"{clip(f.note, 600) if f.note else '(no note)'}"
             + (f" — asked: “{clip(f.question, 200)}”" if f.question else "") for f in flags]
    title = "A member flagged an answer" if len(flags) == 1 else f"Members flagged answers ({len(flags)})"
    embed = discord.Embed(title=title, description=clip_lines(lines, EMBED_DESCRIPTION - 100), colour=COLOUR,
                          timestamp=utcnow())
    embed.set_footer(text="/facts feedback lists this server's open flags")
    return embed


def feedback_wait_text(wait: Wait, seconds: int) -> str:
    again = utcnow() + dt.timedelta(seconds=math.ceil(wait.retry_after))
    return (f"This server allows one feedback click every {seconds} s per member; you can give feedback again "
            f"{discord_timestamp(again, 'R')}.")


class FlagLog:
    """Posts each server's waiting flags to its mod-log, at most one post per FLAG_BATCH_WINDOW."""

    def __init__(self, client: discord.Client, clock: Callable[[], dt.datetime] | None = None) -> None:
        self.client = client
        self.clock = clock or utcnow
        self._timers: dict[str, asyncio.Task[None]] = {}

    async def post(self, guild_id: str | None) -> int:
        """Post the server's waiting flags if they are due; otherwise make sure a timer posts them when they are.
        Returns how many flags were handed out (posted, or dropped when the server has no mod-log channel)."""
        if not guild_id:
            return 0
        desk = cast(DeskHost, self.client).desk
        batch = await asyncio.to_thread(desk.feedback.take_flag_batch, guild_id, self.clock())
        if batch.due is not None:
            self._wake_at(guild_id, batch.due)
        if not batch.flags:
            return 0
        channel_id = desk.settings.get(guild_id).modlog_channel_id
        if channel_id:
            await post_to_channel(self.client, channel_id, embed=flags_embed(batch.flags))
        return len(batch.flags)

    async def flush(self) -> int:
        """Post every server's flags that are due now."""
        desk = cast(DeskHost, self.client).desk
        waiting = await asyncio.to_thread(desk.feedback.guilds_with_waiting_flags)
        return sum([await self.post(guild_id) for guild_id in waiting])

    def _wake_at(self, guild_id: str, due: dt.datetime) -> None:
        timer = self._timers.get(guild_id)
        if timer is not None and not timer.done():
            return
        delay = max((due - self.clock()).total_seconds(), 0.0) + 0.5
        self._timers[guild_id] = asyncio.get_running_loop().create_task(self._later(guild_id, delay))

    async def _later(self, guild_id: str, delay: float) -> None:
        await asyncio.sleep(delay)
        self._timers.pop(guild_id, None)
        try:
            await self.post(guild_id)
        except StorageError as exc:  # a read-only or full database: the flags wait for the next try, no traceback
            log.warning("the waiting flags of guild %s stay waiting: %s", guild_id, exc)
        except Exception:
            log.exception("posting the waiting flags of guild %s failed", guild_id)

    async def stop(self) -> None:
        timers, self._timers = list(self._timers.values()), {}
        for timer in timers:
            timer.cancel()
        for timer in timers:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await timer
