"""Reminders on Discord: the `Sender` the reminder dispatcher posts through, the mod-log poster, and the wiring
of the reminder service and its scheduler into the client's lifetime.

The reminders table stays the record of what was sent (bot.core.reminders); this module only turns a post into a
Discord message and Discord's errors into the dispatcher's: NotFound -> ChannelGone, Forbidden -> NoPermission,
a rate limit -> RateLimited, a 5xx or a network error -> TransientSendError. A reminder may ping the role the
server's moderators configured and nobody else: each post names that role alone in its allowed mentions.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import cast

import aiohttp
import discord

from bot.core.reminders.dispatch import DEFAULT_GRACE, PassResult, ReminderService
from bot.core.reminders.personal import PERSONAL_PREFIX
from bot.core.reminders.senders import ChannelGone, NoPermission, RateLimited, Report, SendError, TransientSendError
from bot.core.scheduler import TICK_SECONDS, DeskScheduler
from bot.core.timeutil import utcnow
from bot.discord_bot.display import MESSAGE_LIMIT, clip, report_embed
from bot.discord_bot.host import DeskHost

log = logging.getLogger(__name__)


HISTORY_LOOKBACK = 100  # messages read after a crash to find an interrupted reminder post


def reminder_mentions(ping_role_id: str | None) -> discord.AllowedMentions:
    """Nobody, or exactly the configured reminder role."""
    roles: list[discord.abc.Snowflake] | bool = [discord.Object(int(ping_role_id))] if ping_role_id else False
    return discord.AllowedMentions(everyone=False, users=False, roles=roles, replied_user=False)


class DiscordSender:
    """bot.core.reminders.senders.Sender over discord.py. The nonce makes Discord drop a repeat of a post it
    already has."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def channel(self, channel_id: str) -> discord.abc.Messageable:
        """A channel by id, or for a member's own reminder (`user:<id>`) their DM channel."""
        if channel_id.startswith(PERSONAL_PREFIX):
            user_id = int(channel_id.removeprefix(PERSONAL_PREFIX))
            user = self.client.get_user(user_id) or await self.client.fetch_user(user_id)
            return user.dm_channel or await user.create_dm()
        return self.client.get_partial_messageable(int(channel_id))

    async def send(self, channel_id: str, text: str, nonce: str, ping_role_id: str | None) -> str:
        try:
            channel = await self.channel(channel_id)
            message = await channel.send(clip(text, MESSAGE_LIMIT), nonce=nonce,
                                         allowed_mentions=reminder_mentions(ping_role_id))
        except discord.NotFound as exc:
            raise ChannelGone(f"Discord: {exc.text or 'Unknown Channel'} ({exc.code})") from exc
        except discord.Forbidden as exc:
            raise NoPermission(f"Discord: {exc.text or 'Missing Access'} ({exc.code})") from exc
        except discord.RateLimited as exc:
            raise RateLimited(exc.retry_after) from exc
        except discord.DiscordServerError as exc:
            raise TransientSendError(f"Discord {exc.status}: {exc.text}") from exc
        except discord.HTTPException as exc:
            if exc.status == 429:
                raise RateLimited(5.0) from exc
            raise SendError(f"Discord refused the post: {exc.status} {exc.text}") from exc
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise TransientSendError(f"network: {exc!r}") from exc
        return str(message.id)

    async def find_posted(self, channel_id: str, text: str, since: dt.datetime) -> str | None:
        """The bot's own post of exactly this text since `since`: how recovery after a crash learns that an
        interrupted send got through, once Discord no longer remembers the nonce."""
        expected = clip(text, MESSAGE_LIMIT)
        me = self.client.user
        if me is None:
            return None
        try:
            channel = await self.channel(channel_id)
            async for message in channel.history(limit=HISTORY_LOOKBACK, after=since, oldest_first=True):
                if message.author.id == me.id and message.content == expected:
                    return str(message.id)
        except (TimeoutError, discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            raise TransientSendError(f"could not read channel {channel_id}: {exc}") from exc
        return None


async def post_to_channel(client: discord.Client, channel_id: str, *, content: str | None = None,
                          embed: discord.Embed | None = None) -> discord.Message | None:
    """Post to a channel by id (the mod-log); a failure is logged, never raised into the command that caused it."""
    try:
        return await client.get_partial_messageable(int(channel_id)).send(
            content=clip(content, MESSAGE_LIMIT) if content else None, embed=embed)
    except (TimeoutError, discord.HTTPException, aiohttp.ClientError, OSError) as exc:
        log.warning("could not post to channel %s: %s", channel_id, exc)
        return None


class DiscordReminders:
    """The reminder service and its scheduler for one client: started in `setup_hook`, stopped on close.

    `client` is the Coalition Desk client: a discord.Client that is also a DeskHost (it holds the Desk)."""

    def __init__(self, client: discord.Client, *, clock: Callable[[], dt.datetime] | None = None,
                 tick_seconds: float = TICK_SECONDS, grace: dt.timedelta = DEFAULT_GRACE) -> None:
        self.client = client
        self.sender = DiscordSender(client)
        desk = cast(DeskHost, client).desk
        self.service = ReminderService(desk, self.sender, grace=grace, on_report=self.report,
                                       clock=clock or utcnow)
        self.scheduler = DeskScheduler(desk, self.service, tick_seconds=tick_seconds)
        self.running = False

    async def start(self) -> bool:
        """True if this process dispatches; False when another process holds the lease (it says why)."""
        leading = await self.scheduler.start()
        self.running = True
        if leading:
            log.info("reminders: dispatching; next due %s", self.service.next_wake() or "none")
        else:
            log.warning("reminders: not dispatching: %s", self.service.refusal)
        return leading

    async def stop(self) -> None:
        if self.running:
            self.running = False
            await self.scheduler.stop()

    async def dispatch_now(self) -> PassResult:
        """Send what is due now (the scheduler does this on its own; tests and tools call it directly)."""
        result = await self.service.dispatch_due()
        self.scheduler.rearm()
        return result

    async def report(self, report: Report) -> None:
        await report_to_moderators(self.client, report)


async def report_to_moderators(client: discord.Client, report: Report) -> None:
    """A report for a server's moderators: to its mod-log channel, else to the server owner by DM."""
    embed = report_embed(report.kind, report.text)
    if report.channel_id and await post_to_channel(client, report.channel_id, embed=embed) is not None:
        return
    if report.guild_id and report.guild_id.isdigit():  # not a member's own reminder (`user:<id>`)
        guild = client.get_guild(int(report.guild_id))
        if guild is not None and guild.owner_id:
            try:
                owner = guild.owner or await client.fetch_user(guild.owner_id)
                await owner.send(content=f"A note from Coalition Desk about **{guild.name}** (no mod-log channel "
                                         f"is set; /config modlog picks one):", embed=embed)
                return
            except discord.HTTPException as exc:
                log.warning("could not message the owner of guild %s: %s", report.guild_id, exc)
    log.warning("mod-log report (%s, guild %s): %s", report.kind, report.guild_id, report.text)
