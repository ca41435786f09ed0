"""Server settings moderators change from chat: who moderates, where changes are logged, where the bot answers
in public, and how often a member may ask. Kept in the database (bot.core.settings), never in files, so a server's
moderators configure their own server without access to the machine the bot runs on.

Reminder settings (channel, role, offsets, digest) are the `reminders ...` commands in bot.core.commands.deadlines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.feedback import MAX_RETENTION_DAYS, RETENTION_DAYS
from bot.core.language import normalize_lang
from bot.core.models import InputError
from bot.core.permissions import PermissionDenied
from bot.core.refs import NONE_WORDS, channel_ref, parse_ref, role_ref, server_of
from bot.core.registry import Context, Param, Reply, command

if TYPE_CHECKING:
    from bot.core.desk import Desk

MAX_COOLDOWN = 3600
LANGUAGE_NAMES = {"en": "English", "fr": "French (français)"}


@command("config show", "This server's settings: moderator role, channels, cooldown, reminders", moderator=True)
def config_show(desk: Desk, ctx: Context) -> Reply:
    s = desk.settings.get(server_of(ctx))
    lines = [
        f"Moderators: Manage Server{' and ' + role_ref(s.mod_role_id) if s.mod_role_id else ' only'}",
        f"Mod-log channel: {channel_ref(s.modlog_channel_id)}",
        f"Answer channel: {channel_ref(s.answer_channel_id, 'any channel')}",
        f"Question cooldown: {s.cooldown_seconds} s per member" if s.cooldown_seconds else "Question cooldown: off",
        f"Reminders: {channel_ref(s.reminder_channel_id)}, ping {role_ref(s.reminder_role_id, 'nobody')}, "
        f"offsets {', '.join(s.reminder_offsets)}, "
        f"network-wide deadlines {'received' if s.network_reminders else 'not received'}",
        f"Time zone: {s.zone}",
        f"Unanswered questions kept: {s.gap_retention_days or RETENTION_DAYS} days after last asked"
        + ("" if s.gap_retention_days else " (default)"),
        f"Reminders and weekly digest in: {LANGUAGE_NAMES.get(s.language, s.language)}",
    ]
    return Reply("\n".join(lines), ephemeral=True, data=s)


@command("config modrole", "The role whose members may moderate ('none': only Manage Server)",
         Param("role_id", "The role (id or @mention), or none", required=True), moderator=True)
def config_modrole(desk: Desk, ctx: Context, role_id: str) -> Reply:
    guild = server_of(ctx)
    # Holders of the moderator role must not be able to hand moderation to another role (or to everyone).
    if not ctx.actor.manage_server:
        raise PermissionDenied("Only members with Manage Server can choose the moderator role.")
    role = parse_ref(role_id, "role")
    if role == guild:
        raise InputError("@everyone cannot be the moderator role; pick a role only moderators have")
    desk.settings.update(guild, mod_role_id=role)
    text = (f"Members with {role_ref(role)} can now moderate (as can anyone with Manage Server)." if role
            else "Only members with Manage Server can moderate now.")
    return Reply(text, ephemeral=True,
                 change=f"{ctx.actor.name} set the moderator role to {role_ref(role)}")


@command("config modlog", "Where changes and reminder problems are reported ('none' turns it off)",
         Param("channel_id", "The channel (id or #mention), or none", required=True), moderator=True)
def config_modlog(desk: Desk, ctx: Context, channel_id: str) -> Reply:
    guild = server_of(ctx)
    channel = parse_ref(channel_id, "channel")
    desk.settings.update(guild, modlog_channel_id=channel)
    text = (f"Changes will be reported in {channel_ref(channel)}." if channel
            else "The mod-log is off; changes are still kept in each fact's history.")
    return Reply(text, ephemeral=True, change=f"{ctx.actor.name} set the mod-log channel to {channel_ref(channel)}")


@command("config answers", "The channel where mentions are answered in public ('none': any channel)",
         Param("channel_id", "The channel (id or #mention), or none", required=True), moderator=True)
def config_answers(desk: Desk, ctx: Context, channel_id: str) -> Reply:
    guild = server_of(ctx)
    channel = parse_ref(channel_id, "channel")
    desk.settings.update(guild, answer_channel_id=channel)
    text = (f"Questions are answered in public in {channel_ref(channel)}; elsewhere /ask answers only the asker."
            if channel else "Questions are answered in any channel.")
    return Reply(text, ephemeral=True,
                 change=f"{ctx.actor.name} set the answer channel to {channel_ref(channel, 'any')}")


@command("config cooldown", "Seconds a member waits between questions (0 turns the cooldown off)",
         Param("seconds", f"0 to {MAX_COOLDOWN}", required=True), moderator=True)
def config_cooldown(desk: Desk, ctx: Context, seconds: str | int) -> Reply:
    guild = server_of(ctx)
    try:
        value = int(str(seconds).strip())
    except ValueError:
        raise InputError(f"seconds {str(seconds)[:20]!r} must be a whole number, like 20") from None
    if not 0 <= value <= MAX_COOLDOWN:
        raise InputError(f"seconds must be between 0 and {MAX_COOLDOWN}")
    desk.settings.update(guild, cooldown_seconds=value)
    text = f"Members can ask once every {value} s." if value else "The question cooldown is off."
    return Reply(text, ephemeral=True, change=f"{ctx.actor.name} set the question cooldown to {value} s")


@command("config language", "The language of reminders and the weekly digest: en or fr",
         Param("language", "en or fr", required=True), moderator=True)
def config_language(desk: Desk, ctx: Context, language: str) -> Reply:
    guild = server_of(ctx)
    lang = normalize_lang(language)
    if lang is None:
        raise InputError(f"language {str(language)[:20]!r} must be en (English) or fr (French)")
    desk.settings.update(guild, language=lang)
    text = ("Les rappels et le résumé hebdomadaire de ce serveur seront publiés en français." if lang == "fr"
            else "Reminders and the weekly digest of this server will be posted in English.")
    return Reply(text, ephemeral=True,
                 change=f"{ctx.actor.name} set the reminders' language to {LANGUAGE_NAMES[lang]}")


@command("config retention", f"Days unanswered questions are kept after last asked ('default': {RETENTION_DAYS})",
         Param("days", f"1 to {MAX_RETENTION_DAYS}, or default", required=True), moderator=True)
def config_retention(desk: Desk, ctx: Context, days: str | int) -> Reply:
    guild = server_of(ctx)
    text = str(days).strip().lower()
    value: int | None = None
    if text not in NONE_WORDS:
        try:
            value = int(text)
        except ValueError:
            raise InputError(f"days {text[:20]!r} must be a whole number, like 30, or default") from None
        if not 1 <= value <= MAX_RETENTION_DAYS:
            raise InputError(f"days must be between 1 and {MAX_RETENTION_DAYS}, or default")
    desk.settings.update(guild, gap_retention_days=value)
    dropped = desk.feedback.prune_unanswered(guild_id=guild)
    kept = value or RETENTION_DAYS
    return Reply(f"Unanswered questions are kept {kept} days after they were last asked"
                 + (f"; {dropped} older ones were dropped." if dropped else "."), ephemeral=True,
                 change=f"{ctx.actor.name} set how long unanswered questions are kept to {kept} days")
