"""Answering an interaction: run a core command, show its Reply, report its change; and the one apology.

Every slash command, button and form ends here or in the same steps: `respond` runs the core command through the
client, `send_reply` shows the Reply (first response or followup, public or only to the member), and a change
goes to the mod-log. When something on our side fails, `apologize` sends the short apology; `SafeView` and
`SafeModal` are the bases of every view and form, so their errors are logged with context and apologised for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import discord

from bot.core.commands import SORRY
from bot.core.models import Fact
from bot.core.registry import Reply
from bot.discord_bot.display import fact_embed, files_for, message_kwargs
from bot.discord_bot.host import DeskHost, host_of

log = logging.getLogger(__name__)


async def send_reply(interaction: discord.Interaction[Any], reply: Reply, *, content: str | None = None,
                     embeds: list[discord.Embed] | None = None, view: discord.ui.View | None = None,
                     ephemeral: bool | None = None) -> discord.Message | None:
    """Answer an interaction with a core Reply (first response or followup); returns the message when public.

    The text shown is `content` if given, else nothing when there are embeds, else the core's own words."""
    hidden = (reply.ephemeral or not reply.ok) if ephemeral is None else ephemeral
    text = content if content is not None or embeds else reply.text
    kwargs = message_kwargs(text, embeds=embeds, files=files_for(reply.files), view=view)
    if not interaction.response.is_done():
        response = await interaction.response.send_message(**kwargs, ephemeral=hidden)
        resource = response.resource
        return resource if isinstance(resource, discord.Message) and not hidden else None
    message = await interaction.followup.send(**kwargs, ephemeral=hidden, wait=True)
    return None if hidden else message


async def apologize(interaction: discord.Interaction[Any]) -> None:
    """The short apology for an error on our side; never raises (the interaction may have expired)."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(SORRY, ephemeral=True)
        else:
            await interaction.response.send_message(SORRY, ephemeral=True)
    except Exception as exc:
        log.warning("could not send the apology for interaction %s: %s", interaction.id, exc)


Render = Callable[[DeskHost, Reply], tuple[str | None, list[discord.Embed], discord.ui.View | None]]


def render_fact(client: DeskHost, reply: Reply) -> tuple[str | None, list[discord.Embed], None]:
    """A reply whose data is a Fact: the first line of the core's words above the fact as an embed."""
    fact = reply.data
    if not reply.ok or not isinstance(fact, Fact):
        return None, [], None
    first = reply.text.split("\n", 1)[0]
    content = None if first.startswith("**") else first
    return content, [fact_embed(fact, client.desk.facts.sources_for(fact))], None


async def respond(interaction: discord.Interaction[Any], name: str, args: dict[str, Any], *,
                  render: Render | None = None, ephemeral: bool | None = None) -> Reply:
    """Run one core command for this interaction, show its Reply, and post its change to the mod-log."""
    client = host_of(interaction)
    ctx = client.context_for(interaction)
    reply = await client.run_core(ctx, name, args)
    content, embeds, view = (None, [], None)
    if render is not None and reply.ok:
        content, embeds, view = render(client, reply)
    message = await send_reply(interaction, reply, content=content, embeds=embeds, view=view, ephemeral=ephemeral)
    if reply.change:
        await client.post_change(ctx, reply, message)
    return reply


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
