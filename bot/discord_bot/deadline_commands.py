"""The /deadline commands: members show one deadline, its history and the calendar file; moderators add (a
form for the free-text fields), edit and cancel.

/deadline stays visible to everyone because it mixes member and moderator subcommands; the core refuses a
non-moderator's add, edit or cancel. The calendar is `/deadline calendar` because /deadlines cannot both run
and have subcommands.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import Range

from bot.discord_bot.command_options import (
    ANYWHERE,
    KIND_CHOICES,
    SERVER_INSTALL,
    deadline_ids,
    helps,
    refuse_unless_may_add_deadline,
    summary,
    zones,
)
from bot.discord_bot.forms import DeadlineModal
from bot.discord_bot.replies import respond


class DeadlineGroup(app_commands.Group):
    """Members: show, calendar, history. Moderators: add (a form), edit, cancel (refused by the core otherwise)."""

    def __init__(self) -> None:
        super().__init__(name="deadline", description="One deadline, the calendar file; moderators add and change them",
                         allowed_contexts=ANYWHERE, allowed_installs=SERVER_INSTALL)

    @app_commands.command(name="show", description=summary("deadline show"))
    @app_commands.describe(**helps("deadline show", "id"))
    @app_commands.autocomplete(id=deadline_ids)
    async def show(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64]) -> None:
        await respond(interaction, "deadline show", {"id": id})

    @app_commands.command(name="calendar", description=summary("deadline calendar"))
    @app_commands.describe(**helps("deadline calendar", "days", "new_link"))
    async def calendar(self, interaction: discord.Interaction[Any], days: Range[int, 1, 3660] | None = None,
                       new_link: bool = False) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await respond(interaction, "deadline calendar", {"days": days, "new_link": new_link}, ephemeral=True)

    @app_commands.command(name="history", description=summary("deadline history"))
    @app_commands.describe(**helps("deadline history", "id"))
    @app_commands.autocomplete(id=deadline_ids)
    async def history(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64]) -> None:
        await respond(interaction, "deadline history", {"id": id})

    @app_commands.command(name="add", description="Add a deadline (moderators): a form asks for title and dates")
    @app_commands.describe(**helps("deadline add", "id", "kind", "zone", "sources", "offsets", "repeat"),
                           server_only="Only this server gets it (default: every server; only the bot's operators)")
    @app_commands.choices(kind=KIND_CHOICES)
    @app_commands.autocomplete(zone=zones)
    async def add(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64], kind: str | None = None,
                  zone: Range[str, 1, 64] | None = None, sources: Range[str, 1, 400] | None = None,
                  offsets: Range[str, 1, 100] | None = None, repeat: Range[str, 1, 100] | None = None,
                  server_only: bool = False) -> None:
        if not await refuse_unless_may_add_deadline(interaction, server_only):
            return
        fixed = {"id": id.strip(), "kind": kind, "zone": zone, "sources": sources, "offsets": offsets,
                 "repeat": repeat, "server_only": "yes" if server_only else None}
        await interaction.response.send_modal(DeadlineModal(fixed))

    @app_commands.command(name="edit", description=summary("deadline edit"))
    @app_commands.describe(**helps("deadline edit", "id", "title", "kind", "start", "end", "zone", "description",
                                   "link", "sources", "offsets", "repeat", "reason"))
    @app_commands.choices(kind=KIND_CHOICES)
    @app_commands.autocomplete(id=deadline_ids, zone=zones)
    async def edit(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                   title: Range[str, 1, 200] | None = None, kind: str | None = None,
                   start: Range[str, 1, 60] | None = None, end: Range[str, 1, 60] | None = None,
                   zone: Range[str, 1, 64] | None = None, description: Range[str, 1, 1000] | None = None,
                   link: Range[str, 1, 500] | None = None, sources: Range[str, 1, 400] | None = None,
                   offsets: Range[str, 1, 100] | None = None, repeat: Range[str, 1, 100] | None = None,
                   reason: Range[str, 1, 500] | None = None) -> None:
        args = {"id": id, "title": title, "kind": kind, "start": start, "end": end, "zone": zone,
                "description": description, "link": link, "sources": sources, "offsets": offsets,
                "repeat": repeat, "reason": reason or ""}
        await respond(interaction, "deadline edit", args)

    @app_commands.command(name="cancel", description=summary("deadline cancel"))
    @app_commands.describe(**helps("deadline cancel", "id", "reason"))
    @app_commands.autocomplete(id=deadline_ids)
    async def cancel(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                     reason: Range[str, 1, 500]) -> None:
        await respond(interaction, "deadline cancel", {"id": id, "reason": reason})

    @app_commands.command(name="skip", description=summary("deadline skip"))
    @app_commands.describe(**helps("deadline skip", "id", "date", "reason"))
    @app_commands.autocomplete(id=deadline_ids)
    async def skip(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64], date: Range[str, 8, 30],
                   reason: Range[str, 1, 500]) -> None:
        await respond(interaction, "deadline skip", {"id": id, "date": date, "reason": reason})

    @app_commands.command(name="move", description=summary("deadline move"))
    @app_commands.describe(**helps("deadline move", "id", "date", "to", "reason"))
    @app_commands.autocomplete(id=deadline_ids)
    async def move(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64], date: Range[str, 8, 30],
                   to: Range[str, 1, 60], reason: Range[str, 1, 500]) -> None:
        await respond(interaction, "deadline move", {"id": id, "date": date, "to": to, "reason": reason})


class RemindGroup(app_commands.Group):
    """/remind me, list, cancel: a member's own reminders, sent by direct message."""

    def __init__(self) -> None:
        super().__init__(name="remind", description="Your own reminders of a deadline, by direct message",
                         allowed_contexts=ANYWHERE, allowed_installs=SERVER_INSTALL)

    @app_commands.command(name="me", description=summary("remind me"))
    @app_commands.describe(**helps("remind me", "deadline", "before"))
    @app_commands.autocomplete(deadline=deadline_ids)
    async def me(self, interaction: discord.Interaction[Any], deadline: Range[str, 1, 64],
                 before: Range[str, 2, 20] | None = None) -> None:
        await respond(interaction, "remind me", {"deadline": deadline, "before": before})

    @app_commands.command(name="list", description=summary("remind list"))
    async def list_(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, "remind list", {})

    @app_commands.command(name="cancel", description=summary("remind cancel"))
    @app_commands.describe(**helps("remind cancel", "deadline", "before"))
    @app_commands.autocomplete(deadline=deadline_ids)
    async def cancel(self, interaction: discord.Interaction[Any], deadline: Range[str, 1, 64],
                     before: Range[str, 2, 20] | None = None) -> None:
        await respond(interaction, "remind cancel", {"deadline": deadline, "before": before})
