"""Answering an interaction: run a core command, show its Reply, report its change; and the one apology.

Every slash command, button and form ends here or in the same steps: `respond` runs the core command through the
client, `send_reply` shows the Reply (first response or followup, public or only to the member), and a change
goes to the mod-log. `run_in_time` keeps Discord's three seconds: a reply not ready after two is deferred (the
member sees "thinking..." and gets the answer as a followup), a full queue gets the short busy notice at once,
and an interaction that expired before we could answer is one line in the log, not a traceback. When something
on our side fails, `apologize` sends the short apology; `SafeView` and
`SafeModal` are the bases of every view and form, so their errors are logged with context and apologised for.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.core.commands import SORRY
from bot.core.models import Fact
from bot.core.registry import Context, Reply
from bot.core.work import BUSY, Busy
from bot.discord_bot.display import fact_embed, files_for, message_kwargs
from bot.discord_bot.host import DeskHost, host_of

log = logging.getLogger(__name__)

DEFER_AFTER = 2.0  # seconds after an interaction was made: Discord wants the first response within 3
START_WITHIN = 6.0  # a command still queued this long after its interaction is dropped for the busy notice
UNKNOWN_INTERACTION = 10062  # Discord's code for an interaction that expired (or was answered elsewhere)


def expired(error: BaseException) -> bool:
    return isinstance(error, discord.NotFound) and error.code == UNKNOWN_INTERACTION


def log_expired(interaction: discord.Interaction[Any], what: str) -> None:
    age = (discord.utils.utcnow() - interaction.created_at).total_seconds()
    log.warning("interaction %s (%s, guild %s) expired after %.1f s before %s", interaction.id,
                interaction.command.qualified_name if interaction.command else "component", interaction.guild_id,
                age, what)


async def tell(interaction: discord.Interaction[Any], text: str, what: str) -> None:
    """`text` only to the member (first response or followup). Never raises: the interaction may have expired
    (one log line) or the connection may be what failed."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)
    except Exception as exc:
        if expired(exc):
            log_expired(interaction, what)
        else:
            log.warning("could not send %s for interaction %s: %s", what, interaction.id, exc)


async def tell_busy(interaction: discord.Interaction[Any]) -> None:
    await tell(interaction, BUSY, "the busy notice")


async def run_in_time(interaction: discord.Interaction[Any], ctx: Context, name: str, args: dict[str, Any], *,
                      ephemeral: bool = False) -> Reply | None:
    """A core command for an interaction, answered within Discord's limit: deferred (with `ephemeral`) when not
    ready after DEFER_AFTER seconds. None when there is nothing more to send: the busy notice was given, or the
    interaction expired (logged; a command still queued is taken off the queue). A command not started within
    START_WITHIN seconds of the interaction is not run: the member gets the busy notice instead."""
    client = host_of(interaction)
    age = (discord.utils.utcnow() - interaction.created_at) / dt.timedelta(seconds=1)
    try:
        running = client.start_core(ctx, name, args, start_by=time.monotonic() + START_WITHIN - age)
    except Busy:
        await tell_busy(interaction)
        return None
    done, _ = await asyncio.wait({running}, timeout=max(DEFER_AFTER - age, 0.0))
    if not done and not interaction.response.is_done():
        try:
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
        except discord.NotFound as exc:
            if not expired(exc):
                raise
            running.cancel()
            log_expired(interaction, "the answer was ready")
            return None
    try:
        return await running
    except Busy:  # it waited too long to be worth running
        await tell_busy(interaction)
        return None


async def send_reply(interaction: discord.Interaction[Any], reply: Reply, *, content: str | None = None,
                     embeds: list[discord.Embed] | None = None, view: discord.ui.View | None = None,
                     ephemeral: bool | None = None) -> discord.Message | None:
    """Answer an interaction with a core Reply (first response or followup); returns the message when public.

    The text shown is `content` if given, else nothing when there are embeds, else the core's own words."""
    hidden = (reply.ephemeral or not reply.ok) if ephemeral is None else ephemeral
    text = content if content is not None or embeds else reply.text
    kwargs = message_kwargs(text, embeds=embeds, files=files_for(reply.files), view=view)
    if not interaction.response.is_done():
        try:
            response = await interaction.response.send_message(**kwargs, ephemeral=hidden)
        except discord.NotFound as exc:
            if not expired(exc):
                raise
            log_expired(interaction, "the reply was sent")
            return None
        resource = response.resource
        return resource if isinstance(resource, discord.Message) and not hidden else None
    message = await interaction.followup.send(**kwargs, ephemeral=hidden, wait=True)
    return None if hidden else message


async def apologize(interaction: discord.Interaction[Any]) -> None:
    """The short apology for an error on our side; never raises (the interaction may have expired)."""
    await tell(interaction, SORRY, "the apology")


Parts = tuple[str | None, list[discord.Embed], discord.ui.View | None]
Render = Callable[[DeskHost, Reply], Parts | Awaitable[Parts]]


async def render_fact(client: DeskHost, reply: Reply) -> Parts:
    """A reply whose data is a Fact: the first line of the core's words above the fact as an embed (its sources
    read on a reader thread)."""
    fact = reply.data
    if not reply.ok or not isinstance(fact, Fact):
        return None, [], None
    first = reply.text.split("\n", 1)[0]
    content = None if first.startswith("**") else first
    try:
        sources = await client.read(lambda: client.desk.facts.sources_for(fact))
    except Busy:
        sources = []
    return content, [fact_embed(fact, sources, lang=reply.lang)], None


async def render_parts(render: Render, client: DeskHost, reply: Reply) -> Parts:
    parts = render(client, reply)
    return await parts if inspect.isawaitable(parts) else parts


async def respond(interaction: discord.Interaction[Any], name: str, args: dict[str, Any], *,
                  render: Render | None = None, ephemeral: bool | None = None) -> Reply:
    """Run one core command for this interaction, show its Reply, and post its change to the mod-log."""
    client = host_of(interaction)
    ctx = client.context_for(interaction)
    # deferred before the reply says whether it is for everyone: only the member sees it, to be safe
    reply = await run_in_time(interaction, ctx, name, args, ephemeral=True if ephemeral is None else ephemeral)
    if reply is None:
        return busy_reply()
    content, embeds, view = (None, [], None)
    if render is not None and reply.ok:
        content, embeds, view = await render_parts(render, client, reply)
    message = await send_reply(interaction, reply, content=content, embeds=embeds, view=view, ephemeral=ephemeral)
    if reply.change:
        await client.post_change(ctx, reply, message)
    return reply


def busy_reply() -> Reply:
    return Reply(BUSY, ok=False, ephemeral=True, failure="busy")


# --- views and forms that never fail silently --------------------------------------------------------------------
class SafeView(discord.ui.View):
    """A view whose errors are logged with context and answered with the apology, never lost."""

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception,
                       item: discord.ui.Item[Any]) -> None:
        log.error("view %s item %s failed for user %s in guild %s", type(self).__name__,
                  getattr(item, "custom_id", item), interaction.user.id, interaction.guild_id, exc_info=error)
        await apologize(interaction)


class SafeModal(discord.ui.Modal):
    async def on_error(self, interaction: discord.Interaction[Any], error: Exception) -> None:
        log.error("form %s failed for user %s in guild %s", type(self).__name__, interaction.user.id,
                  interaction.guild_id, exc_info=error)
        await apologize(interaction)
