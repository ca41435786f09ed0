"""The buttons under the bot's messages: feedback under an answer, and confirm or cancel under an import.

"Helpful" and "Outdated or wrong" carry the fact id in their custom id (a DynamicItem the client registers at
start), so they keep working after a restart without the bot remembering any message. `answer_parts` is how an
answered question is shown everywhere (slash command or mention): embeds with these buttons, or the core's
plain words. The import confirmation writes nothing until its moderator presses Confirm.
"""

from __future__ import annotations

import contextlib
import logging
import re
from typing import Any

import discord

from bot.core.answering import Answer
from bot.core.commands.facts import FLAGS_NEED_A_SERVER
from bot.core.messages import say
from bot.core.registry import Reply
from bot.core.render import NO_ANSWER, partial_intro
from bot.discord_bot.display import MESSAGE_LIMIT, answer_embeds, clip, question_of
from bot.discord_bot.flag_log import feedback_wait_text
from bot.discord_bot.forms import FeedbackModal
from bot.discord_bot.host import feedback_cooldown_key, host_of
from bot.discord_bot.replies import SafeView, apologize, respond

log = logging.getLogger(__name__)

# --- feedback under an answer -----------------------------------------------------------------------------------
FEEDBACK_TEMPLATE = r"cd:fb:(?P<kind>[ho]):(?P<fact>[a-z0-9-]{1,64})"


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=FEEDBACK_TEMPLATE):
    """"Helpful" / "Outdated or wrong" under an answer. The fact id is in the custom id, so the buttons keep
    working after a restart without the bot remembering any message."""

    def __init__(self, kind: str, fact_id: str, label: str | None = None, row: int | None = None) -> None:
        helpful = kind == "h"
        super().__init__(discord.ui.Button(
            label=label or ("Helpful" if helpful else "Outdated or wrong"),
            style=discord.ButtonStyle.success if helpful else discord.ButtonStyle.secondary,
            custom_id=f"cd:fb:{kind}:{fact_id}"), row=row)
        self.kind = kind
        self.fact_id = fact_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> FeedbackButton:
        return cls(match["kind"], match["fact"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        client = host_of(interaction)
        key = feedback_cooldown_key(client.context_for(interaction))
        try:
            seconds = client.cooldown_seconds(client.context_for(interaction))
            wait = client.cooldowns.check(key, seconds)
            if wait is not None:  # a click counts against the member's cooldown like a question
                await interaction.response.send_message(feedback_wait_text(wait, seconds), ephemeral=True)
                return
            question = question_of(interaction.message)
            if self.kind == "h":
                await respond(interaction, "feedback", {"id": self.fact_id, "kind": "helpful", "question": question})
            elif interaction.guild_id is None:  # no form to fill in for nothing: flags belong to a server
                await interaction.response.send_message(FLAGS_NEED_A_SERVER, ephemeral=True)
            else:
                await interaction.response.send_modal(FeedbackModal(self.fact_id, question))
        except Exception:
            log.exception("feedback button failed (fact %s, user %s)", self.fact_id, interaction.user.id)
            client.cooldowns.reset(key)
            await apologize(interaction)


def answer_view(answer: Answer) -> discord.ui.View | None:
    hits = answer.hits[:3]
    if answer.status not in ("answered", "partial") or not hits:
        return None
    view = discord.ui.View(timeout=None)
    several = len(hits) > 1
    for row, hit in enumerate(hits):
        suffix = f" ({row + 1})" if several else ""
        view.add_item(FeedbackButton("h", hit.fact.id, say("helpful", answer.lang) + suffix, row=row))
        view.add_item(FeedbackButton("o", hit.fact.id, say("outdated", answer.lang) + suffix, row=row))
    return view


def answer_parts(reply: Reply) -> tuple[str | None, list[discord.Embed], discord.ui.View | None]:
    """An answered question as embeds with feedback buttons; anything else as the core's plain words."""
    answer = reply.data if isinstance(reply.data, Answer) else None
    if reply.ok and answer is not None and answer.answered and answer.hits:
        return None, answer_embeds(answer), answer_view(answer)
    if reply.ok and answer is not None and answer.status == "partial" and answer.hits:
        return partial_intro(answer), answer_embeds(answer), answer_view(answer)
    return reply.text or NO_ANSWER, [], None


# --- /facts import ----------------------------------------------------------------------------------------------
class ImportConfirmView(SafeView):
    """Under an import's summary (or a sync's plan): write it (the core validates the same file again) or drop it.
    `command` is the core command that wrote the preview, with `args` naming the file for it."""

    def __init__(self, origin: discord.Interaction[Any], filename: str, content: bytes, *,
                 command: str = "facts import") -> None:
        super().__init__(timeout=600)
        self.origin = origin
        self.filename = filename
        self.content = content
        self.command = command
        self.args = self.arguments(command, filename, content)

    @staticmethod
    def arguments(command: str, filename: str, content: bytes) -> dict[str, Any]:
        """The core command's arguments for the uploaded file (a sync takes a zip archive)."""
        return {"filename": filename, "archive" if command == "data sync" else "content": content}

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.origin.user.id:
            return True
        await interaction.response.send_message("Only the moderator who started this import can confirm it.",
                                                ephemeral=True)
        return False

    @discord.ui.button(label="Confirm import", style=discord.ButtonStyle.danger, custom_id="cd:import:confirm")
    async def confirm(self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]) -> None:
        self.stop()
        await interaction.response.defer()
        client = host_of(interaction)
        ctx = client.context_for(interaction)
        reply = await client.run_core(ctx, self.command, {**self.args, "confirm": True})
        await interaction.edit_original_response(content=clip(reply.text, MESSAGE_LIMIT), view=None)
        if reply.change:
            await client.post_change(ctx, reply, None)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary, custom_id="cd:import:cancel")
    async def cancel(self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]) -> None:
        self.stop()
        await interaction.response.edit_message(content=f"Import of {self.filename} cancelled; nothing was written.",
                                                view=None)

    async def on_timeout(self) -> None:
        with contextlib.suppress(discord.HTTPException):
            await self.origin.edit_original_response(
                content=f"This import of {self.filename} expired; nothing was written. Run /{self.command} again.",
                view=None)
