"""The slash commands: one thin callback per core command, with Discord's option types, autocomplete and forms.

Descriptions come from the core registry (bot.core.registry), so `/help`, the local chat and Discord describe
a command in the same words. Every callback ends in the same core function the local chat and the CLI call;
permission is checked there on every call.

Discord decides who *sees* a command by `default_member_permissions`, set on a top-level command only. Purely
moderator commands (/facts, /source, /status, /reminders, /config) are therefore registered with Manage Server
and for servers only; /fact and /deadline mix member subcommands (show, calendar) with moderator ones (add,
edit, ...), so they stay visible and the core refuses non-moderators with an ephemeral message. A command
cannot have both subcommands and a body, so the calendar file is `/deadline calendar` next to `/deadlines`.
"""

from __future__ import annotations

import io
import logging
import zipfile
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import Choice, Range

from bot.core.deadlines import KIND_LABELS, KINDS, zone_choices
from bot.core.permissions import PermissionDenied, require_moderator
from bot.core.registry import REGISTRY
from bot.core.timeutil import utcnow
from bot.discord_bot import views as views

if TYPE_CHECKING:
    from bot.core.registry import Context
    from bot.discord_bot.client import CoalitionDeskBot

log = logging.getLogger(__name__)

MANAGE_SERVER = discord.Permissions(manage_guild=True)
SERVERS_ONLY = app_commands.AppCommandContext(guild=True)
ANYWHERE = app_commands.AppCommandContext(guild=True, dm_channel=True)
SERVER_INSTALL = app_commands.AppInstallationType(guild=True)
MAX_IMPORT_BYTES = 2 * 1024 * 1024
EXPORT_ARCHIVE = "coalition-desk-data.zip"

# slash command path -> the core command it calls (the forms call the same core commands on submit); every
# path is the core command's own name, so Discord, the chat and the command line say the same thing
SLASH_COMMANDS: dict[str, str] = {path: path for path in (
    "ask", "topics", "help", "status", "deadlines",
    "fact show", "fact list", "fact add", "fact edit", "fact retire", "fact revert", "fact history",
    "facts import", "facts export", "facts feedback", "facts gaps", "facts stale", "source add",
    "deadline show", "deadline calendar", "deadline history", "deadline add", "deadline edit", "deadline cancel",
    "reminders channel", "reminders role", "reminders offsets", "reminders digest", "reminders status",
    "config show", "config modrole", "config modlog", "config answers", "config cooldown",
)}


def summary(name: str) -> str:
    return views.clip(REGISTRY[name].summary, 100)


def helps(name: str, *params: str, **override: str) -> dict[str, str]:
    """Option descriptions from the core's Param help (Discord allows 100 characters)."""
    known = {p.name: p.help for p in REGISTRY[name].params}
    return {p: views.clip(override.get(p) or known.get(p) or p, 100) for p in (*params, *override)}


def _client(interaction: discord.Interaction[Any]) -> CoalitionDeskBot:
    return interaction.client  # type: ignore[return-value]


async def refuse_unless_moderator(interaction: discord.Interaction[Any]) -> bool:
    """Before opening a form: the core's own moderator rule, so nobody fills in a form only to be refused.
    The core checks again when the form is submitted."""
    client = _client(interaction)
    ctx = client.context_for(interaction)
    try:
        require_moderator(ctx.actor, client.desk.settings.get(ctx.guild_id).mod_role_id)
    except PermissionDenied as exc:
        await interaction.response.send_message(str(exc), ephemeral=True)
        return False
    return True


def _channel_arg(channel: discord.abc.GuildChannel | None) -> str:
    return str(channel.id) if channel is not None else "none"


async def _refuse_everyone(interaction: discord.Interaction[Any], role: discord.Role | None) -> bool:
    if role is not None and role.is_default():
        await interaction.response.send_message("Pick a role other than @everyone.", ephemeral=True)
        return True
    return False


# --- autocomplete ------------------------------------------------------------------------------------------------
async def fact_ids(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    found = _client(interaction).desk.facts.search_ids(current)
    return [Choice(name=views.clip(f"{fid} — {title}", 100), value=fid) for fid, title in found[:25]]


async def any_fact_ids(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    """Active facts as for /fact show, plus retired ones (they can be reverted and have a history)."""
    choices = await fact_ids(interaction, current)
    text = current.strip().lower()
    retired = [f for f in _client(interaction).desk.facts.list(include_retired=True)
               if f.status == "retired" and text in f"{f.id} {f.title}".lower()]
    choices += [Choice(name=views.clip(f"{f.id} — {f.title} (retired)", 100), value=f.id) for f in retired]
    return choices[:25]


async def topic_ids(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    text = current.strip().lower()
    topics = _client(interaction).desk.facts.topics()
    return [Choice(name=views.clip(f"{t.name} ({t.id})", 100), value=t.id) for t in topics
            if text in f"{t.id} {t.name}".lower()][:25]


async def deadline_ids(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    text = current.strip().lower()
    guild = str(interaction.guild_id) if interaction.guild_id else None
    found = [d for d in _client(interaction).desk.deadlines.list()
             if text in f"{d.id} {d.title}".lower() and (d.guild_id is None or d.guild_id == guild)]
    now = utcnow()
    found.sort(key=lambda d: (d.ends_at < now, d.start_utc))  # upcoming first
    return [Choice(name=views.clip(f"{d.id} — {d.title}", 100), value=d.id) for d in found[:25]]


async def zones(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    return [Choice(name=z, value=z) for z in zone_choices(current)[:25]]


KIND_CHOICES = [Choice(name=KIND_LABELS.get(k, k), value=k) for k in KINDS]
DAY_CHOICES = [Choice(name=d.capitalize(), value=d) for d in
               ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")]
DAY_CHOICES.append(Choice(name="Off (no weekly digest)", value="off"))


# --- members ---------------------------------------------------------------------------------------------------
async def answer_question(interaction: discord.Interaction[Any], question: str) -> None:
    """/ask: the cooldown, then the core's answer as embeds with feedback buttons (or its plain decline).
    With an answer channel set, answers asked elsewhere are shown to the asker only."""
    client = _client(interaction)
    ctx = client.context_for(interaction)
    wait = client.check_cooldown(ctx)
    if wait is not None:
        await interaction.response.send_message(views.cooldown_text(wait, client.cooldown_seconds(ctx)),
                                                ephemeral=True)
        return
    answers = client.desk.settings.get(ctx.guild_id).answer_channel_id if ctx.guild_id else None
    hidden = bool(answers and answers != ctx.channel_id)
    reply = await client.run_core(ctx, "ask", {"question": question})
    if reply.failure == "internal":  # our failure: the member's next try is not held against them
        client.cooldowns.reset(cooldown_key(ctx))
    content, embeds, view = views.answer_parts(reply)
    if hidden and embeds:
        content = f"Answers are posted in <#{answers}>; this one is only shown to you."
    await views.send_reply(interaction, reply, content=content, embeds=embeds, view=view,
                           ephemeral=hidden or not reply.ok)


@app_commands.command(name="ask", description=summary("ask"))
@app_commands.describe(**helps("ask", "question"))
@app_commands.allowed_contexts(guilds=True, dms=True)
async def ask(interaction: discord.Interaction[Any], question: Range[str, 1, 500]) -> None:
    await answer_question(interaction, question)


@app_commands.command(name="topics", description=summary("topics"))
@app_commands.allowed_contexts(guilds=True, dms=True)
async def topics(interaction: discord.Interaction[Any]) -> None:
    await views.respond(interaction, "topics", {})


@app_commands.command(name="help", description=summary("help"))
@app_commands.allowed_contexts(guilds=True, dms=True)
async def help_(interaction: discord.Interaction[Any]) -> None:
    await views.respond(interaction, "help", {})


@app_commands.command(name="deadlines", description=summary("deadlines"))
@app_commands.describe(**helps("deadlines", "days"))
@app_commands.allowed_contexts(guilds=True, dms=True)
async def deadlines(interaction: discord.Interaction[Any], days: Range[int, 1, 3660] | None = None) -> None:
    await views.respond(interaction, "deadlines", {"days": days})


@app_commands.command(name="status", description=summary("status"))
@app_commands.default_permissions(manage_guild=True)
@app_commands.guild_only()
async def status(interaction: discord.Interaction[Any]) -> None:
    await views.respond(interaction, "status", {})


# --- /fact -----------------------------------------------------------------------------------------------------
class FactGroup(app_commands.Group):
    """Members: show, list. Moderators: add, edit, retire, revert, history (the core refuses anyone else)."""

    def __init__(self) -> None:
        super().__init__(name="fact", description="Show a fact; moderators add, edit, retire and revert facts",
                         allowed_contexts=ANYWHERE, allowed_installs=SERVER_INSTALL)

    @app_commands.command(name="show", description=summary("fact show"))
    @app_commands.describe(**helps("fact show", "id"))
    @app_commands.autocomplete(id=fact_ids)
    async def show(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64]) -> None:
        await views.respond(interaction, "fact show", {"id": id}, render=views.render_fact)

    @app_commands.command(name="list", description=summary("fact list"))
    @app_commands.describe(**helps("fact list", "topic"))
    @app_commands.autocomplete(topic=topic_ids)
    async def list_(self, interaction: discord.Interaction[Any], topic: Range[str, 1, 64] | None = None) -> None:
        await views.respond(interaction, "fact list", {"topic": topic}, ephemeral=True)

    @app_commands.command(name="add", description="Add a fact (moderators): a form asks for text, sources and dates")
    @app_commands.describe(**helps("fact add", "id", "topic", "title", "keywords", "reason"))
    @app_commands.autocomplete(topic=topic_ids)
    async def add(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64], topic: Range[str, 1, 64],
                  title: Range[str, 1, 100], keywords: Range[str, 1, 1500] | None = None,
                  reason: Range[str, 1, 500] | None = None) -> None:
        if not await refuse_unless_moderator(interaction):
            return
        fact_id = id.strip()
        if _client(interaction).desk.facts.get(fact_id) is not None:
            await interaction.response.send_message(
                f"A fact with id `{fact_id}` already exists; /fact edit changes it, or pick another id.",
                ephemeral=True)
            return
        fixed = {"id": fact_id, "topic": topic, "title": title, "keywords": keywords, "reason": reason}
        await interaction.response.send_modal(views.FactModal("add", fixed))

    @app_commands.command(name="edit", description="Change a fact (moderators): a form shows its current text")
    @app_commands.describe(**helps("fact edit", "id", "topic", "title", "keywords", "reason"))
    @app_commands.autocomplete(id=any_fact_ids, topic=topic_ids)
    async def edit(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                   topic: Range[str, 1, 64] | None = None, title: Range[str, 1, 100] | None = None,
                   keywords: Range[str, 1, 1500] | None = None, reason: Range[str, 1, 500] | None = None) -> None:
        if not await refuse_unless_moderator(interaction):
            return
        client = _client(interaction)
        current = await client.run_core(client.context_for(interaction), "fact show", {"id": id})
        if not current.ok:
            await interaction.response.send_message(views.clip(current.text, views.MESSAGE_LIMIT), ephemeral=True)
            return
        fixed = {"id": id.strip(), "topic": topic, "title": title, "keywords": keywords, "reason": reason}
        await interaction.response.send_modal(views.FactModal("edit", fixed, current=current.data))

    @app_commands.command(name="retire", description=summary("fact retire"))
    @app_commands.describe(**helps("fact retire", "id", "reason"))
    @app_commands.autocomplete(id=fact_ids)
    async def retire(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                     reason: Range[str, 1, 500]) -> None:
        await views.respond(interaction, "fact retire", {"id": id, "reason": reason}, render=views.render_fact)

    @app_commands.command(name="revert", description=summary("fact revert"))
    @app_commands.describe(**helps("fact revert", "id", "revision", "reason"))
    @app_commands.autocomplete(id=any_fact_ids)
    async def revert(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                     revision: Range[int, 1, 100000], reason: Range[str, 1, 500] | None = None) -> None:
        await views.respond(interaction, "fact revert", {"id": id, "revision": revision, "reason": reason or ""},
                            render=views.render_fact)

    @app_commands.command(name="history", description=summary("fact history"))
    @app_commands.describe(**helps("fact history", "id"))
    @app_commands.autocomplete(id=any_fact_ids)
    async def history(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64]) -> None:
        await views.respond(interaction, "fact history", {"id": id})


# --- /facts (moderators) ---------------------------------------------------------------------------------------
class FactsGroup(app_commands.Group):
    def __init__(self) -> None:
        super().__init__(name="facts", description="Moderators: import, export, feedback, gaps and stale facts",
                         default_permissions=MANAGE_SERVER, allowed_contexts=SERVERS_ONLY,
                         allowed_installs=SERVER_INSTALL)

    @app_commands.command(name="import", description=summary("facts import"))
    @app_commands.describe(file="A .yaml, .json or .csv file of facts (and sources)")
    async def import_(self, interaction: discord.Interaction[Any], file: discord.Attachment) -> None:
        """Validate the whole file first (nothing written), show what would change, write only on Confirm."""
        if not await refuse_unless_moderator(interaction):
            return
        if file.size > MAX_IMPORT_BYTES:
            await interaction.response.send_message(
                f"{file.filename} is {file.size // 1024} KiB; imports are limited to "
                f"{MAX_IMPORT_BYTES // (1024 * 1024)} MiB.", ephemeral=True)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        content = await file.read()
        client = _client(interaction)
        preview = await client.run_core(client.context_for(interaction), "facts import",
                                        {"filename": file.filename, "content": content, "confirm": False})
        if not preview.ok:
            await interaction.followup.send(views.clip(preview.text, views.MESSAGE_LIMIT), ephemeral=True)
            return
        text = views.clip(preview.text.replace(" Nothing written yet.", "") +
                          "\nNothing is written until you confirm.", views.MESSAGE_LIMIT)
        await interaction.followup.send(text, ephemeral=True,
                                        view=views.ImportConfirmView(interaction, file.filename, content))

    @app_commands.command(name="export", description=summary("facts export"))
    async def export(self, interaction: discord.Interaction[Any]) -> None:
        """The whole store as one zip in the data/ layout (more files than a message may carry)."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        client = _client(interaction)
        reply = await client.run_core(client.context_for(interaction), "facts export", {})
        if reply.ok and reply.files:
            reply.files = [(EXPORT_ARCHIVE, zip_data_layout(reply.files))]
            reply.text += f" Unzip {EXPORT_ARCHIVE} at the project root to review the changes as a diff of data/."
        await views.send_reply(interaction, reply)

    @app_commands.command(name="feedback", description=summary("facts feedback"))
    async def feedback(self, interaction: discord.Interaction[Any]) -> None:
        await views.respond(interaction, "facts feedback", {})

    @app_commands.command(name="gaps", description=summary("facts gaps"))
    async def gaps(self, interaction: discord.Interaction[Any]) -> None:
        await views.respond(interaction, "facts gaps", {})

    @app_commands.command(name="stale", description=summary("facts stale"))
    async def stale(self, interaction: discord.Interaction[Any]) -> None:
        await views.respond(interaction, "facts stale", {})


def zip_data_layout(files: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(f"data/{name}", data)
    return buffer.getvalue()


class SourceGroup(app_commands.Group):
    def __init__(self) -> None:
        super().__init__(name="source", description="Moderators: add a source that facts can cite",
                         default_permissions=MANAGE_SERVER, allowed_contexts=SERVERS_ONLY,
                         allowed_installs=SERVER_INSTALL)

    @app_commands.command(name="add", description=summary("source add"))
    @app_commands.describe(**helps("source add", "id", "publisher", "title", "date", "url"))
    async def add(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64], publisher: Range[str, 1, 200],
                  title: Range[str, 1, 300], date: Range[str, 7, 10], url: Range[str, 8, 500] | None = None) -> None:
        await views.respond(interaction, "source add",
                            {"id": id, "publisher": publisher, "title": title, "date": date, "url": url})


# --- /deadline ---------------------------------------------------------------------------------------------------
class DeadlineGroup(app_commands.Group):
    """Members: show, calendar, history. Moderators: add (a form), edit, cancel (refused by the core otherwise)."""

    def __init__(self) -> None:
        super().__init__(name="deadline", description="One deadline, the calendar file; moderators add and change them",
                         allowed_contexts=ANYWHERE, allowed_installs=SERVER_INSTALL)

    @app_commands.command(name="show", description=summary("deadline show"))
    @app_commands.describe(**helps("deadline show", "id"))
    @app_commands.autocomplete(id=deadline_ids)
    async def show(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64]) -> None:
        await views.respond(interaction, "deadline show", {"id": id})

    @app_commands.command(name="calendar", description=summary("deadline calendar"))
    @app_commands.describe(**helps("deadline calendar", "days"))
    async def calendar(self, interaction: discord.Interaction[Any], days: Range[int, 1, 3660] | None = None) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await views.respond(interaction, "deadline calendar", {"days": days}, ephemeral=True)

    @app_commands.command(name="history", description=summary("deadline history"))
    @app_commands.describe(**helps("deadline history", "id"))
    @app_commands.autocomplete(id=deadline_ids)
    async def history(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64]) -> None:
        await views.respond(interaction, "deadline history", {"id": id})

    @app_commands.command(name="add", description="Add a deadline (moderators): a form asks for title and dates")
    @app_commands.describe(**helps("deadline add", "id", "kind", "zone", "sources", "offsets"),
                           server_only="Only this server gets it (default: every server)")
    @app_commands.choices(kind=KIND_CHOICES)
    @app_commands.autocomplete(zone=zones)
    async def add(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64], kind: str | None = None,
                  zone: Range[str, 1, 64] | None = None, sources: Range[str, 1, 400] | None = None,
                  offsets: Range[str, 1, 100] | None = None, server_only: bool = False) -> None:
        if not await refuse_unless_moderator(interaction):
            return
        fixed = {"id": id.strip(), "kind": kind, "zone": zone, "sources": sources, "offsets": offsets,
                 "server_only": "yes" if server_only else None}
        await interaction.response.send_modal(views.DeadlineModal(fixed))

    @app_commands.command(name="edit", description=summary("deadline edit"))
    @app_commands.describe(**helps("deadline edit", "id", "title", "kind", "start", "end", "zone", "description",
                                   "link", "sources", "offsets", "reason"))
    @app_commands.choices(kind=KIND_CHOICES)
    @app_commands.autocomplete(id=deadline_ids, zone=zones)
    async def edit(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                   title: Range[str, 1, 200] | None = None, kind: str | None = None,
                   start: Range[str, 1, 60] | None = None, end: Range[str, 1, 60] | None = None,
                   zone: Range[str, 1, 64] | None = None, description: Range[str, 1, 1000] | None = None,
                   link: Range[str, 1, 500] | None = None, sources: Range[str, 1, 400] | None = None,
                   offsets: Range[str, 1, 100] | None = None, reason: Range[str, 1, 500] | None = None) -> None:
        args = {"id": id, "title": title, "kind": kind, "start": start, "end": end, "zone": zone,
                "description": description, "link": link, "sources": sources, "offsets": offsets,
                "reason": reason or ""}
        await views.respond(interaction, "deadline edit", args)

    @app_commands.command(name="cancel", description=summary("deadline cancel"))
    @app_commands.describe(**helps("deadline cancel", "id", "reason"))
    @app_commands.autocomplete(id=deadline_ids)
    async def cancel(self, interaction: discord.Interaction[Any], id: Range[str, 1, 64],
                     reason: Range[str, 1, 500]) -> None:
        await views.respond(interaction, "deadline cancel", {"id": id, "reason": reason})


# --- /reminders and /config (moderators) -------------------------------------------------------------------------
class RemindersGroup(app_commands.Group):
    def __init__(self) -> None:
        super().__init__(name="reminders", description="Moderators: where and when deadline reminders are posted",
                         default_permissions=MANAGE_SERVER, allowed_contexts=SERVERS_ONLY,
                         allowed_installs=SERVER_INSTALL)

    @app_commands.command(name="channel", description=summary("reminders channel"))
    @app_commands.describe(channel="The channel for reminders (leave out to turn reminders off)")
    async def channel(self, interaction: discord.Interaction[Any], channel: discord.TextChannel | None = None) -> None:
        await views.respond(interaction, "reminders channel", {"channel_id": _channel_arg(channel)})

    @app_commands.command(name="role", description=summary("reminders role"))
    @app_commands.describe(role="The role reminders may ping (leave out: reminders ping nobody)")
    async def role(self, interaction: discord.Interaction[Any], role: discord.Role | None = None) -> None:
        if await _refuse_everyone(interaction, role):
            return
        await views.respond(interaction, "reminders role", {"role_id": str(role.id) if role else "none"})

    @app_commands.command(name="offsets", description=summary("reminders offsets"))
    @app_commands.describe(**helps("reminders offsets", "offsets"))
    async def offsets(self, interaction: discord.Interaction[Any], offsets: Range[str, 1, 100]) -> None:
        await views.respond(interaction, "reminders offsets", {"offsets": offsets})

    @app_commands.command(name="digest", description=summary("reminders digest"))
    @app_commands.describe(**helps("reminders digest", "day", "hour", "zone"))
    @app_commands.choices(day=DAY_CHOICES)
    @app_commands.autocomplete(zone=zones)
    async def digest(self, interaction: discord.Interaction[Any], day: str, hour: Range[int, 0, 23] | None = None,
                     zone: Range[str, 1, 64] | None = None) -> None:
        await views.respond(interaction, "reminders digest", {"day": day, "hour": hour, "zone": zone})

    @app_commands.command(name="status", description=summary("reminders status"))
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        await views.respond(interaction, "reminders status", {})


class ConfigGroup(app_commands.Group):
    def __init__(self) -> None:
        super().__init__(name="config", description="Moderators: moderator role, mod-log, answer channel, cooldown",
                         default_permissions=MANAGE_SERVER, allowed_contexts=SERVERS_ONLY,
                         allowed_installs=SERVER_INSTALL)

    @app_commands.command(name="show", description=summary("config show"))
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        await views.respond(interaction, "config show", {})

    @app_commands.command(name="modrole", description=summary("config modrole"))
    @app_commands.describe(role="Members with this role may moderate (leave out: only Manage Server)")
    async def modrole(self, interaction: discord.Interaction[Any], role: discord.Role | None = None) -> None:
        if await _refuse_everyone(interaction, role):
            return
        await views.respond(interaction, "config modrole", {"role_id": str(role.id) if role else "none"})

    @app_commands.command(name="modlog", description=summary("config modlog"))
    @app_commands.describe(channel="Where changes are reported (leave out to turn the mod-log off)")
    async def modlog(self, interaction: discord.Interaction[Any], channel: discord.TextChannel | None = None) -> None:
        await views.respond(interaction, "config modlog", {"channel_id": _channel_arg(channel)})

    @app_commands.command(name="answers", description=summary("config answers"))
    @app_commands.describe(channel="Where questions are answered in public (leave out: any channel)")
    async def answers(self, interaction: discord.Interaction[Any], channel: discord.TextChannel | None = None) -> None:
        await views.respond(interaction, "config answers", {"channel_id": _channel_arg(channel)})

    @app_commands.command(name="cooldown", description=summary("config cooldown"))
    @app_commands.describe(seconds="Seconds a member waits between questions (0 turns it off)")
    async def cooldown(self, interaction: discord.Interaction[Any], seconds: Range[int, 0, 3600]) -> None:
        await views.respond(interaction, "config cooldown", {"seconds": seconds})


# --- the tree ----------------------------------------------------------------------------------------------------
class DeskTree(app_commands.CommandTree):
    """A command tree whose failures are logged with who, where and which command, and answered with the short
    apology, so one broken command never takes the others (or the bot) down."""

    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        original = getattr(error, "original", error)
        log.error("/%s failed for user %s in guild %s, channel %s", command, interaction.user.id,
                  interaction.guild_id, interaction.channel_id, exc_info=original)
        client: CoalitionDeskBot = interaction.client  # type: ignore[assignment]
        client.cooldowns.reset(cooldown_key(client.context_for(interaction)))
        await views.apologize(interaction)


def register_commands(tree: app_commands.CommandTree[Any]) -> None:
    for cmd in (ask, topics, help_, deadlines, status):
        tree.add_command(cmd)
    for group in (FactGroup(), FactsGroup(), SourceGroup(), DeadlineGroup(), RemindersGroup(), ConfigGroup()):
        tree.add_command(group)


def cooldown_key(ctx: Context) -> str:
    return f"{ctx.guild_id or 'dm'}:{ctx.actor.id}"
