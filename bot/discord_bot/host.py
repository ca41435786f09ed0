"""What the rest of the adapter needs from the Discord client, as a Protocol, so no module imports client.py.

client.py sits on top: it builds the command tree, registers the dynamic buttons and starts the reminders, so it
imports the other modules. They in turn reach the client only as `interaction.client` (or the client handed to
the reminders), typed as `DeskHost`: exactly the attributes and methods they call. `cooldown_key` is here too,
because the client and the commands must key the question cooldown the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

if TYPE_CHECKING:
    import asyncio

    import discord

    from bot.core.cooldown import CooldownTracker, Wait
    from bot.core.desk import Desk
    from bot.core.registry import Context, Reply

T = TypeVar("T")


class DeskHost(Protocol):
    """The client as the commands, buttons, forms and reminder sender use it (CoalitionDeskBot provides it)."""

    desk: Desk
    cooldowns: CooldownTracker

    def context_for(self, interaction: discord.Interaction[Any]) -> Context: ...

    async def run_core(self, ctx: Context, name: str, args: dict[str, Any]) -> Reply: ...

    def start_core(self, ctx: Context, name: str, args: dict[str, Any], *,
                   start_by: float | None = None) -> asyncio.Future[Reply]: ...

    async def read(self, func: Callable[[], T], *, server: str | None = None) -> T: ...

    async def post_change(self, ctx: Context, reply: Reply, message: discord.Message | None) -> None: ...

    def check_cooldown(self, ctx: Context) -> Wait | None: ...

    def cooldown_seconds(self, ctx: Context) -> int: ...

    async def post_flags(self, guild_id: str | None) -> None: ...


def host_of(interaction: discord.Interaction[Any]) -> DeskHost:
    """The client that received this interaction (always the Coalition Desk client)."""
    return cast("DeskHost", interaction.client)


def cooldown_key(ctx: Context) -> str:
    return f"{ctx.guild_id or 'dm'}:{ctx.actor.id}"


def feedback_cooldown_key(ctx: Context) -> str:
    """Feedback buttons wait out the same per-member cooldown as questions, counted apart from them, so rating
    the answer just received is never refused but a burst of clicks is."""
    return "feedback:" + cooldown_key(ctx)
