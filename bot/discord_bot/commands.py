"""The slash commands as one tree: which commands there are, how they are registered, and what happens when one
fails. The commands themselves are in member_commands, fact_commands, deadline_commands and settings_commands;
what they share (registry words, autocomplete, the moderator check) is in command_options.

Every callback is thin and ends in the same core function the local chat and the CLI call; permission is checked
there on every call.

Discord decides who *sees* a command by `default_member_permissions`, set on a top-level command only. Purely
moderator commands (/facts, /source, /status, /reminders, /config) are therefore registered with Manage Server
and for servers only; /fact and /deadline mix member subcommands (show, calendar) with moderator ones (add,
edit, ...), so they stay visible and the core refuses non-moderators with an ephemeral message. A command
cannot have both subcommands and a body, so the calendar file is `/deadline calendar` next to `/deadlines`.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.discord_bot.deadline_commands import DeadlineGroup, RemindGroup
from bot.discord_bot.fact_commands import DataGroup, FactGroup, FactsGroup, SourceGroup
from bot.discord_bot.host import cooldown_key, host_of
from bot.discord_bot.member_commands import ask, deadlines, help_, status, topics
from bot.discord_bot.replies import apologize, expired, log_expired
from bot.discord_bot.settings_commands import ConfigGroup, RemindersGroup

log = logging.getLogger(__name__)

# slash command path -> the core command it calls (the forms call the same core commands on submit); every
# path is the core command's own name, so Discord, the chat and the command line say the same thing
SLASH_COMMANDS: dict[str, str] = {path: path for path in (
    "ask", "topics", "help", "status", "deadlines",
    "fact show", "fact list", "fact add", "fact edit", "fact retire", "fact revert", "fact history",
    "fact search", "fact diff", "data sync", "facts stats", "remind me", "remind list", "remind cancel",
    "facts import", "facts export", "facts feedback", "facts gaps", "facts stale", "source add",
    "deadline show", "deadline calendar", "deadline history", "deadline add", "deadline edit", "deadline cancel",
    "deadline skip", "deadline move",
    "reminders channel", "reminders role", "reminders offsets", "reminders digest", "reminders status",
    "reminders network",
    "config show", "config modrole", "config modlog", "config answers", "config cooldown",
    "config retention", "config language",
)}


class DeskTree(app_commands.CommandTree):
    """A command tree whose failures are logged with who, where and which command, and answered with the short
    apology, so one broken command never takes the others (or the bot) down."""

    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        original = getattr(error, "original", error)
        if expired(original):  # Discord's three seconds ran out: nothing more can be sent to it
            log_expired(interaction, f"/{command} could answer")
            return
        log.error("/%s failed for user %s in guild %s, channel %s", command, interaction.user.id,
                  interaction.guild_id, interaction.channel_id, exc_info=original)
        client = host_of(interaction)
        client.cooldowns.reset(cooldown_key(client.context_for(interaction)))
        await apologize(interaction)


def register_commands(tree: app_commands.CommandTree[Any]) -> None:
    for cmd in (ask, topics, help_, deadlines, status):
        tree.add_command(cmd)
    for group in (FactGroup(), FactsGroup(), SourceGroup(), DataGroup(), DeadlineGroup(), RemindGroup(),
                  RemindersGroup(), ConfigGroup()):
        tree.add_command(group)
