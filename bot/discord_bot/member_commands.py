"""The member commands: /ask, /topics, /help, /deadlines, and /status for moderators.

These are top-level commands with no subcommands; each is one call into the core. /ask alone does more on the
Discord side: the question cooldown, and answers shown only to the asker outside the server's answer channel.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import Range

from bot.core.language import detect
from bot.core.messages import say
from bot.discord_bot import buttons
from bot.discord_bot.command_options import helps, summary
from bot.discord_bot.display import cooldown_text
from bot.discord_bot.host import cooldown_key, host_of
from bot.discord_bot.replies import respond, run_in_time, send_reply


async def answer_question(interaction: discord.Interaction[Any], question: str) -> None:
    """/ask: the cooldown, then the core's answer as embeds with feedback buttons (or its plain decline).
    With an answer channel set, answers asked elsewhere are shown to the asker only."""
    client = host_of(interaction)
    ctx = client.context_for(interaction)
    wait = client.check_cooldown(ctx)
    if wait is not None:
        lang = detect(question, ctx.locale)  # told in the question's language
        await interaction.response.send_message(cooldown_text(wait, client.cooldown_seconds(ctx), lang), ephemeral=True)
        return
    answers = client.desk.settings.get(ctx.guild_id).answer_channel_id if ctx.guild_id else None
    hidden = bool(answers and answers != ctx.channel_id)
    reply = await run_in_time(interaction, ctx, "ask", {"question": question}, ephemeral=hidden)
    if reply is None:  # told it is busy, or expired (logged): not held against the member
        client.cooldowns.reset(cooldown_key(ctx))
        return
    if reply.failure == "internal":  # our failure: the member's next try is not held against them
        client.cooldowns.reset(cooldown_key(ctx))
    # read on the module: /ask and mentions share one renderer, replaceable in one place (tests do)
    content, embeds, view = buttons.answer_parts(reply)
    if hidden and embeds:
        content = say("private_answer", getattr(reply.data, "lang", "en"), channel=f"<#{answers}>")
    await send_reply(interaction, reply, content=content, embeds=embeds, view=view, ephemeral=hidden or not reply.ok)


@app_commands.command(name="ask", description=summary("ask"))
@app_commands.describe(**helps("ask", "question"))
@app_commands.allowed_contexts(guilds=True, dms=True)
async def ask(interaction: discord.Interaction[Any], question: Range[str, 1, 500]) -> None:
    await answer_question(interaction, question)


@app_commands.command(name="topics", description=summary("topics"))
@app_commands.allowed_contexts(guilds=True, dms=True)
async def topics(interaction: discord.Interaction[Any]) -> None:
    await respond(interaction, "topics", {})


@app_commands.command(name="help", description=summary("help"))
@app_commands.allowed_contexts(guilds=True, dms=True)
async def help_(interaction: discord.Interaction[Any]) -> None:
    await respond(interaction, "help", {})


@app_commands.command(name="deadlines", description=summary("deadlines"))
@app_commands.describe(**helps("deadlines", "days"),
                       past="Look back instead: what has passed in the last days (/deadlines past in the chat)")
@app_commands.allowed_contexts(guilds=True, dms=True)
async def deadlines(interaction: discord.Interaction[Any], days: Range[int, 1, 3660] | None = None,
                    past: bool = False) -> None:
    # one command on Discord (a command cannot both run and have subcommands); two core commands
    await respond(interaction, "deadlines past" if past else "deadlines", {"days": days})


@app_commands.command(name="status", description=summary("status"))
@app_commands.default_permissions(manage_guild=True)
@app_commands.guild_only()
async def status(interaction: discord.Interaction[Any]) -> None:
    await respond(interaction, "status", {})
