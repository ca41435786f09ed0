"""The fact commands: /fact (members show and list; moderators add, edit, retire, revert), /facts (moderators
import, export and review) and /source add.

Adding or editing a fact opens a form (bot.discord_bot.forms) for the long fields; an import is checked whole
and shown before a Confirm button writes it (bot.discord_bot.buttons); an export is one zip in the data/ layout.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import Range

from bot.discord_bot.buttons import ImportConfirmView
from bot.discord_bot.command_options import (
    ANYWHERE,
    SERVER_INSTALL,
    ModeratorGroup,
    any_fact_ids,
    fact_ids,
    helps,
    refuse_unless_moderator,
    searched_facts,
    summary,
    topic_ids,
)
from bot.discord_bot.display import MESSAGE_LIMIT, clip, zipped
from bot.discord_bot.forms import FactModal, FrenchFactModal
from bot.discord_bot.host import host_of
from bot.discord_bot.replies import render_fact, respond, send_reply

MAX_IMPORT_BYTES = 2 * 1024 * 1024
EXPORT_ARCHIVE = "coalition-desk-data.zip"
MAX_SYNC_BYTES = 8 * 1024 * 1024


# --- /fact -----------------------------------------------------------------------------------------------------
class FactGroup(app_commands.Group):
    """Members: show, list. Moderators: add, edit, retire, revert, history (the core refuses anyone else)."""

    def __init__(self) -> None:
        super().__init__(name="fact", description="Show a fact; moderators add, edit, retire and revert facts",
                         allowed_contexts=ANYWHERE, allowed_installs=SERVER_INSTALL)

    @app_commands.command(name="show", description=summary("fact show"))
    @app_commands.describe(**helps("fact show", "id", "revision"))
    @app_commands.autocomplete(id=fact_ids)
    async def show(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                   revision: Range[int, 1, 100000] | None = None) -> None:
        await respond(interaction, "fact show", {"id": id, "revision": revision}, render=render_fact)

    @app_commands.command(name="search", description=summary("fact search"))
    @app_commands.describe(**helps("fact search", "words", "retired"))
    @app_commands.autocomplete(words=searched_facts)
    async def search(self, interaction: discord.Interaction[Any], words: Range[str, 1, 200],
                     retired: bool = False) -> None:
        await respond(interaction, "fact search", {"words": words, "retired": "yes" if retired else ""})

    @app_commands.command(name="diff", description=summary("fact diff"))
    @app_commands.describe(**helps("fact diff", "id", "to"), from_=helps("fact diff", "from")["from"])
    @app_commands.rename(from_="from")
    @app_commands.autocomplete(id=any_fact_ids)
    async def diff(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                   from_: Range[int, 1, 100000] | None = None, to: Range[int, 1, 100000] | None = None) -> None:
        await respond(interaction, "fact diff", {"id": id, "from": from_, "to": to})

    @app_commands.command(name="list", description=summary("fact list"))
    @app_commands.describe(**helps("fact list", "topic"))
    @app_commands.autocomplete(topic=topic_ids)
    async def list_(self, interaction: discord.Interaction[Any], topic: Range[str, 1, 64] | None = None) -> None:
        await respond(interaction, "fact list", {"topic": topic}, ephemeral=True)

    @app_commands.command(name="add", description="Add a fact (moderators): a form asks for text, sources and dates")
    @app_commands.describe(**helps("fact add", "id", "topic", "title", "keywords", "reason"))
    @app_commands.autocomplete(topic=topic_ids)
    async def add(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64], topic: Range[str, 1, 64],
                  title: Range[str, 1, 100], keywords: Range[str, 1, 1500] | None = None,
                  reason: Range[str, 1, 500] | None = None) -> None:
        if not await refuse_unless_moderator(interaction):
            return
        fact_id = id.strip()
        client = host_of(interaction)
        if await client.read(lambda: client.desk.facts.get(fact_id)) is not None:
            await interaction.response.send_message(
                f"A fact with id `{fact_id}` already exists; /fact edit changes it, or pick another id.",
                ephemeral=True)
            return
        fixed = {"id": fact_id, "topic": topic, "title": title, "keywords": keywords, "reason": reason}
        await interaction.response.send_modal(FactModal("add", fixed))

    @app_commands.command(name="edit", description="Change a fact (moderators): a form shows its current text")
    @app_commands.describe(**helps("fact edit", "id", "reason", "topic", "title", "keywords"),
                           french="The form shows the French title, text and questions instead")
    @app_commands.autocomplete(id=any_fact_ids, topic=topic_ids)
    async def edit(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64], reason: Range[str, 3, 500],
                   topic: Range[str, 1, 64] | None = None, title: Range[str, 1, 100] | None = None,
                   keywords: Range[str, 1, 1500] | None = None, french: bool = False) -> None:
        if not await refuse_unless_moderator(interaction):
            return
        client = host_of(interaction)
        current = await client.run_core(client.context_for(interaction), "fact show", {"id": id})
        if not current.ok:
            await interaction.response.send_message(clip(current.text, MESSAGE_LIMIT), ephemeral=True)
            return
        fixed = {"id": id.strip(), "topic": topic, "title": title, "keywords": keywords, "reason": reason}
        if french:
            await interaction.response.send_modal(FrenchFactModal(fixed, current=current.data))
            return
        await interaction.response.send_modal(FactModal("edit", fixed, current=current.data))

    @app_commands.command(name="retire", description=summary("fact retire"))
    @app_commands.describe(**helps("fact retire", "id", "reason"))
    @app_commands.autocomplete(id=fact_ids)
    async def retire(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                     reason: Range[str, 1, 500]) -> None:
        await respond(interaction, "fact retire", {"id": id, "reason": reason}, render=render_fact)

    @app_commands.command(name="revert", description=summary("fact revert"))
    @app_commands.describe(**helps("fact revert", "id", "revision", "reason"))
    @app_commands.autocomplete(id=any_fact_ids)
    async def revert(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                     revision: Range[int, 1, 100000], reason: Range[str, 3, 500]) -> None:
        await respond(interaction, "fact revert", {"id": id, "revision": revision, "reason": reason},
                      render=render_fact)

    @app_commands.command(name="history", description=summary("fact history"))
    @app_commands.describe(**helps("fact history", "id"))
    @app_commands.autocomplete(id=any_fact_ids)
    async def history(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64]) -> None:
        await respond(interaction, "fact history", {"id": id})


# --- /facts (moderators) ---------------------------------------------------------------------------------------
class FactsGroup(ModeratorGroup, name="facts",
                 description="Moderators: import, export, feedback, gaps and stale facts"):
    @app_commands.command(name="import", description=summary("facts import"))
    @app_commands.describe(file="A .yaml, .json or .csv file of facts (and sources)")
    async def import_(self, interaction: discord.Interaction[Any], file: discord.Attachment) -> None:
        """Validate the whole file first (nothing written), show what would change, write only on Confirm."""
        await preview_upload(interaction, file, "facts import", MAX_IMPORT_BYTES)

    @app_commands.command(name="export", description=summary("facts export"))
    async def export(self, interaction: discord.Interaction[Any]) -> None:
        """The whole store as one zip in the data/ layout (more files than a message may carry)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        client = host_of(interaction)
        reply = await client.run_core(client.context_for(interaction), "facts export", {})
        if reply.ok and reply.files:
            reply.files = [(EXPORT_ARCHIVE, zipped([(f"data/{name}", data) for name, data in reply.files]))]
            reply.text += f" Unzip {EXPORT_ARCHIVE} at the project root to review the changes as a diff of data/."
        await send_reply(interaction, reply)

    @app_commands.command(name="feedback", description=summary("facts feedback"))
    async def feedback(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, "facts feedback", {})

    @app_commands.command(name="gaps", description=summary("facts gaps"))
    async def gaps(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, "facts gaps", {})

    @app_commands.command(name="stats", description=summary("facts stats"))
    async def stats(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # a chart takes a moment to draw
        await respond(interaction, "facts stats", {}, ephemeral=True)

    @app_commands.command(name="stale", description=summary("facts stale"))
    async def stale(self, interaction: discord.Interaction[Any]) -> None:
        await respond(interaction, "facts stale", {})


class DataGroup(ModeratorGroup, name="data",
                description="Moderators: bring reviewed data files back into the bot"):
    """/data sync: a zip from /facts export, reviewed and edited, brought back in; the plan first, then Confirm."""

    @app_commands.command(name="sync", description=summary("data sync"))
    @app_commands.describe(file="The zip /facts export made (the data/ folder), after review")
    async def sync(self, interaction: discord.Interaction[Any], file: discord.Attachment) -> None:
        await preview_upload(interaction, file, "data sync", MAX_SYNC_BYTES)


async def preview_upload(interaction: discord.Interaction[Any], file: discord.Attachment, command: str,
                         limit: int) -> None:
    """An uploaded file for `facts import` or `data sync`: checked whole by the core (nothing written), its
    summary shown with a Confirm button (bot.discord_bot.buttons) when there is something to write."""
    if not await refuse_unless_moderator(interaction):
        return
    if file.size > limit:
        await interaction.response.send_message(
            f"{file.filename} is {file.size // 1024} KiB; the limit is {limit // (1024 * 1024)} MiB.", ephemeral=True)
        return
    await interaction.response.defer(ephemeral=True, thinking=True)
    content = await file.read()
    client = host_of(interaction)
    args = ImportConfirmView.arguments(command, file.filename, content)
    preview = await client.run_core(client.context_for(interaction), command, {**args, "confirm": False})
    if not preview.ok or "Nothing written yet." not in preview.text:
        await interaction.followup.send(clip(preview.text, MESSAGE_LIMIT), ephemeral=True)
        return
    text = preview.text.replace(" Nothing written yet.", "\nNothing written yet.").replace(
        "\nNothing written yet.", "\nNothing is written until you confirm.")
    await interaction.followup.send(clip(text, MESSAGE_LIMIT), ephemeral=True,
                                    view=ImportConfirmView(interaction, file.filename, content, command=command))


class SourceGroup(ModeratorGroup, name="source",
                  description="Moderators: add a source that facts can cite"):
    @app_commands.command(name="add", description=summary("source add"))
    @app_commands.describe(**helps("source add", "id", "publisher", "title", "date", "url"))
    async def add(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64], publisher: Range[str, 1, 200],
                  title: Range[str, 1, 300], date: Range[str, 7, 10], url: Range[str, 8, 500] | None = None) -> None:
        await respond(interaction, "source add",
                      {"id": id, "publisher": publisher, "title": title, "date": date, "url": url})
