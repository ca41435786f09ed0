"""The moderators' server settings: /reminders (where and when deadline reminders are posted, who they ping)
and /config (moderator role, mod-log, answer channel, question cooldown).

Both groups need Manage Server to be seen and work only in servers; the core checks the moderator rule again
on every call. A channel or role option left out turns the setting off; @everyone is never accepted as a role.
"""

from __future__ import annotations

from typing import Any, Literal

import discord
from discord import app_commands
from discord.app_commands import Choice, Range

from bot.discord_bot.command_options import (
    DAY_CHOICES,
    ModeratorGroup,
    helps,
    summary,
    zones,
)
from bot.discord_bot.replies import respond


def _channel_arg(channel: discord.abc.GuildChannel | None) -> str:
    return str(channel.id) if channel is not None else "none"


async def _refuse_everyone(interaction: discord.Interaction[Any], role: discord.Role | None) -> bool:
    if role is not None and role.is_default():
        await interaction.response.send_message("Pick a role other than @everyone.", ephemeral=True)
        return True
    return False


class RemindersGroup(ModeratorGroup, name="reminders",
                     description="Moderators: where and when deadline reminders are posted"):
    @app_commands.command(name="channel", description=summary("reminders channel"))
    @app_commands.describe(channel="The channel for reminders (leave out to turn reminders off)")
    async def channel(self, interaction: discord.Interaction[Any], channel: discord.TextChannel | None = None) -> None:
        await respond(interaction, "reminders channel", {"channel_id": _channel_arg(channel)})

    @app_commands.command(name="role", description=summary("reminders role"))
    @app_commands.describe(role="The role reminders may ping (leave out: reminders ping nobody)")
    async def role(self, interaction: discord.Interaction[Any], role: discord.Role | None = None) -> None:
        if await _refuse_everyone(interaction, role):
            return
        await respond(interaction, "reminders role", {"role_id": str(role.id) if role else "none"})

    @app_commands.command(name="network", description=summary("reminders network"))
    @app_commands.describe(state="On: this server also gets reminders of the deadlines for every server")
    @app_commands.choices(state=[Choice(name="On", value="on"), Choice(name="Off", value="off")])
    async def network(self, interaction: discord.Interaction[Any], state: str) -> None:
        await respond(interaction, "reminders network", {"state": state})

    @app_commands.command(name="offsets", description=summary("reminders offsets"))
    @app_commands.describe(**helps("reminders offsets", "offsets"))
    async def offsets(self, interaction: discord.Interaction[Any], offsets: Range[str, 1, 100]) -> None:
        await respond(interaction, "reminders offsets", {"offsets": offsets})

    @app_commands.command(name="digest", description=summary("reminders digest"))
    @app_commands.describe(**helps("reminders digest", "day", "hour", "zone"))
    @app_commands.choices(day=DAY_CHOICES)
    @app_commands.autocomplete(zone=zones)
    async def digest(self, interaction: discord.Interaction[Any], day: str, hour: Range[int, 0, 23] | None = None,
                     zone: Range[str, 1, 64] | None = None) -> None:
        await respond(interaction, "reminders digest", {"day": day, "hour": hour, "zone": zone})

    @app_commands.command(name="status", description=summary("reminders status"))
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, "reminders status", {})


class ConfigGroup(ModeratorGroup, name="config",
                  description="Moderators: moderator role, mod-log, answer channel, cooldown"):
    @app_commands.command(name="show", description=summary("config show"))
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, "config show", {})

    @app_commands.command(name="modrole", description=summary("config modrole"))
    @app_commands.describe(role="Members with this role may moderate (leave out: only Manage Server)")
    async def modrole(self, interaction: discord.Interaction[Any], role: discord.Role | None = None) -> None:
        if await _refuse_everyone(interaction, role):
            return
        await respond(interaction, "config modrole", {"role_id": str(role.id) if role else "none"})

    @app_commands.command(name="modlog", description=summary("config modlog"))
    @app_commands.describe(channel="Where changes are reported (leave out to turn the mod-log off)")
    async def modlog(self, interaction: discord.Interaction[Any], channel: discord.TextChannel | None = None) -> None:
        await respond(interaction, "config modlog", {"channel_id": _channel_arg(channel)})

    @app_commands.command(name="answers", description=summary("config answers"))
    @app_commands.describe(channel="Where questions are answered in public (leave out: any channel)")
    async def answers(self, interaction: discord.Interaction[Any], channel: discord.TextChannel | None = None) -> None:
        await respond(interaction, "config answers", {"channel_id": _channel_arg(channel)})

    @app_commands.command(name="cooldown", description=summary("config cooldown"))
    @app_commands.describe(seconds="Seconds a member waits between questions (0 turns it off)")
    async def cooldown(self, interaction: discord.Interaction[Any], seconds: Range[int, 0, 3600]) -> None:
        await respond(interaction, "config cooldown", {"seconds": seconds})

    @app_commands.command(name="retention", description=summary("config retention"))
    @app_commands.describe(days="Days an unanswered question is kept after it was last asked (leave out: default)")
    async def retention(self, interaction: discord.Interaction[Any], days: Range[int, 1, 3650] | None = None) -> None:
        await respond(interaction, "config retention", {"days": days if days is not None else "default"})

    @app_commands.command(name="language", description=summary("config language"))
    @app_commands.describe(language="en (English) or fr (French): reminders and the weekly digest")
    async def language(self, interaction: discord.Interaction[Any], language: Literal["en", "fr"]) -> None:
        await respond(interaction, "config language", {"language": language})
