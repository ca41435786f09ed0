"""What every slash command module shares: words from the core registry, who may see a command, the moderator
check before a form, and the choices and autocomplete Discord offers while an option is typed.

Descriptions come from the core registry (bot.core.registry), so `/help`, the local chat and Discord describe a
command in the same words. Autocomplete only suggests ids; the core looks every id up again when the command runs.
Suggestions that read the store are made on a reader thread (`off_loop`): typing never waits on the database,
and a bot too busy to look suggests nothing rather than answering late.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands
from discord.app_commands import Choice

from bot.core.commands.deadlines import add_scope
from bot.core.deadlines.dates import zone_choices
from bot.core.deadlines.model import KIND_LABELS, KINDS
from bot.core.fact_search import search_facts
from bot.core.models import InputError
from bot.core.permissions import PermissionDenied, is_moderator, require_moderator
from bot.core.registry import REGISTRY
from bot.core.timeutil import utcnow
from bot.core.work import Busy
from bot.discord_bot.display import clip
from bot.discord_bot.host import host_of

MANAGE_SERVER = discord.Permissions(manage_guild=True)
SERVERS_ONLY = app_commands.AppCommandContext(guild=True)
ANYWHERE = app_commands.AppCommandContext(guild=True, dm_channel=True)
SERVER_INSTALL = app_commands.AppInstallationType(guild=True)


class ModeratorGroup(app_commands.Group):
    """A group of moderators' commands: in servers only, and shown by default to members who may manage the
    server (a server may grant it to its moderator role; the core checks every command again). Subclasses give
    their name and description as class arguments: `class FactsGroup(ModeratorGroup, name=..., description=...)`."""

    def __init__(self) -> None:
        super().__init__(default_permissions=MANAGE_SERVER, allowed_contexts=SERVERS_ONLY,
                         allowed_installs=SERVER_INSTALL)


def summary(name: str) -> str:
    return clip(REGISTRY[name].summary, 100)


def helps(name: str, *params: str, **override: str) -> dict[str, str]:
    """Option descriptions from the core's Param help (Discord allows 100 characters)."""
    known = {p.name: p.help for p in REGISTRY[name].params}
    return {p: clip(override.get(p) or known.get(p) or p, 100) for p in (*params, *override)}


async def refuse_unless_moderator(interaction: discord.Interaction[Any]) -> bool:
    """Before opening a form: the core's own moderator rule, so nobody fills in a form only to be refused.
    The core checks again when the form is submitted."""
    client = host_of(interaction)
    ctx = client.context_for(interaction)
    try:
        require_moderator(ctx.actor, client.desk.settings.get(ctx.guild_id).mod_role_id)
    except PermissionDenied as exc:
        await interaction.response.send_message(str(exc), ephemeral=True)
        return False
    return True


async def refuse_unless_may_add_deadline(interaction: discord.Interaction[Any], server_only: bool) -> bool:
    """Before the /deadline add form: the core's rule (moderators add their server's own deadlines, operators
    those for every server). The core checks again when the form is submitted."""
    client = host_of(interaction)
    try:
        add_scope(client.desk, client.context_for(interaction), server_only)
    except (PermissionDenied, InputError) as exc:
        await interaction.response.send_message(str(exc), ephemeral=True)
        return False
    return True


# --- autocomplete ------------------------------------------------------------------------------------------------
Suggest = Callable[[discord.Interaction[Any], str], list[Choice[str]]]


def off_loop(suggest: Suggest) -> Callable[[discord.Interaction[Any], str], Awaitable[list[Choice[str]]]]:
    """An autocomplete callback that reads the store, run on one of the client's reader threads."""

    @functools.wraps(suggest)
    async def run(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        client = host_of(interaction)
        server = str(interaction.guild_id) if interaction.guild_id else None
        try:
            return await client.read(functools.partial(suggest, interaction, current), server=server)
        except Busy:
            return []

    return run


def _fact_ids(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    found = host_of(interaction).desk.facts.search_ids(current)
    return [Choice(name=clip(f"{fid} — {title}", 100), value=fid) for fid, title in found[:25]]


fact_ids = off_loop(_fact_ids)


@off_loop
def any_fact_ids(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    """Active facts as for /fact show, plus retired ones (they can be reverted and have a history)."""
    choices = _fact_ids(interaction, current)
    text = current.strip().lower()
    retired = [f for f in host_of(interaction).desk.facts.list(include_retired=True)
               if f.status == "retired" and text in f"{f.id} {f.title}".lower()]
    choices += [Choice(name=clip(f"{f.id} — {f.title} (retired)", 100), value=f.id) for f in retired]
    return choices[:25]


@off_loop
def searched_facts(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    """While /fact search is typed: the facts the same search finds (retired ones too for moderators; the
    command itself checks again), each offered by its id."""
    client = host_of(interaction)
    ctx = client.context_for(interaction)
    if len(current.strip()) < 2:
        return []
    retired = is_moderator(ctx.actor, client.desk.settings.get(ctx.guild_id).mod_role_id)
    found = search_facts(client.desk.answerer, current, include_retired=retired, limit=25)
    return [Choice(name=clip(f"{f.fact.id} — {f.fact.title}" + (" (retired)" if f.fact.status != "active" else ""),
                             100), value=f.fact.id) for f in found]


@off_loop
def topic_ids(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    text = current.strip().lower()
    topics = host_of(interaction).desk.facts.topics()
    return [Choice(name=clip(f"{t.name} ({t.id})", 100), value=t.id) for t in topics
            if text in f"{t.id} {t.name}".lower()][:25]


@off_loop
def deadline_ids(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    text = current.strip().lower()
    guild = str(interaction.guild_id) if interaction.guild_id else None  # its own and those for every server
    found = [d for d in host_of(interaction).desk.deadlines.list(seen_from=guild)
             if text in f"{d.id} {d.title}".lower()]
    now = utcnow()
    found.sort(key=lambda d: (d.ends_at < now, d.start_utc))  # upcoming first
    return [Choice(name=clip(f"{d.id} — {d.title}", 100), value=d.id) for d in found[:25]]


async def zones(interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
    return [Choice(name=z, value=z) for z in zone_choices(current)[:25]]


KIND_CHOICES = [Choice(name=KIND_LABELS.get(k, k), value=k) for k in KINDS]
DAY_CHOICES = [Choice(name=d.capitalize(), value=d) for d in
               ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")]
DAY_CHOICES.append(Choice(name="Off (no weekly digest)", value="off"))
