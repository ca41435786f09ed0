"""The forms (Discord modals) for fields too long for slash options, and the button that reopens a refused one.

A form only collects text and passes it to a core command on submit; the core validates it like any other call.
When the core refuses (a wrong date, an unknown source), the member is told exactly what to fix and offered the
form again with what they typed, so a typo never costs the whole text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import discord

from bot.core.models import MAX_TEXT, Fact
from bot.core.registry import Reply
from bot.discord_bot.display import MESSAGE_LIMIT, clip
from bot.discord_bot.host import host_of
from bot.discord_bot.replies import Render, SafeModal, SafeView, render_fact, render_parts, send_reply

QUESTIONS_MAX = 2100  # ten example questions of up to 200 characters, one per line
SOURCES_MAX = 400  # six source ids of up to 64 characters, comma-separated
FEEDBACK_NOTE_MAX = 1000


def _field(modal: discord.ui.Modal, label: str, description: str | None, item: discord.ui.TextInput[Any]) -> None:
    modal.add_item(discord.ui.Label(text=clip(label, 45), description=clip(description, 100) if description else None,
                                    component=item))


def _input(custom_id: str, *, paragraph: bool = False, required: bool = True, max_length: int = 100,
           min_length: int | None = None, default: str | None = None, placeholder: str | None = None
           ) -> discord.ui.TextInput[Any]:
    return discord.ui.TextInput(
        custom_id=custom_id, style=discord.TextStyle.paragraph if paragraph else discord.TextStyle.short,
        required=required, max_length=max_length, min_length=min_length,
        default=clip(default, max_length) if default else None,
        placeholder=clip(placeholder, 100) if placeholder else None)


class FeedbackModal(SafeModal):
    """The optional note behind "Outdated or wrong"."""

    def __init__(self, fact_id: str, question: str) -> None:
        super().__init__(title="Outdated or wrong?", timeout=900)
        self.fact_id = fact_id
        self.question = question
        self.note = _input("note", paragraph=True, required=False, max_length=FEEDBACK_NOTE_MAX,
                           placeholder="What is out of date or wrong? A source helps the moderators.")
        _field(self, "Note for the moderators (optional)", f"About fact {fact_id}", self.note)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        # not `respond`: a flag reaches the mod-log in a batch with others (bot.discord_bot.flag_log), not alone
        client = host_of(interaction)
        ctx = client.context_for(interaction)
        reply = await client.run_core(ctx, "feedback", {"id": self.fact_id, "kind": "outdated",
                                                        "note": self.note.value or "", "question": self.question})
        await send_reply(interaction, reply)
        if reply.ok and reply.change:
            await client.post_flags(ctx.guild_id)


class RetryView(SafeView):
    """Under a refused form: reopen it with what was typed, so a wrong date does not cost the whole text."""

    def __init__(self, user_id: int, make_modal: Callable[[], discord.ui.Modal]) -> None:
        super().__init__(timeout=900)
        self.user_id = user_id
        self.make_modal = make_modal

    @discord.ui.button(label="Edit and try again", style=discord.ButtonStyle.primary, custom_id="cd:retry")
    async def retry(self, interaction: discord.Interaction[Any], button: discord.ui.Button[RetryView]) -> None:
        if interaction.user.id != self.user_id:
            await interaction.response.send_message("Only the person who filled in the form can retry it.",
                                                    ephemeral=True)
            return
        await interaction.response.send_modal(self.make_modal())


async def _submit_form(interaction: discord.Interaction[Any], name: str, args: dict[str, Any],
                       again: Callable[[], discord.ui.Modal], render: Render | None) -> Reply:
    """Run a form's command; when the core refuses, say exactly what to fix and offer the form again."""
    client = host_of(interaction)
    ctx = client.context_for(interaction)
    reply = await client.run_core(ctx, name, args)
    if not reply.ok:
        await interaction.response.send_message(clip(reply.text, MESSAGE_LIMIT), ephemeral=True,
                                                view=RetryView(interaction.user.id, again))
        return reply
    content, embeds, view = await render_parts(render, client, reply) if render else (None, [], None)
    message = await send_reply(interaction, reply, content=content, embeds=embeds, view=view)
    if reply.change:
        await client.post_change(ctx, reply, message)
    return reply


class FactModal(SafeModal):
    """The fields of a fact too long for slash options: text, sources, example questions, as-of, review-by.

    `fixed` holds what came with the slash command (id, topic, title, keywords, reason). For an edit, the form is
    prefilled with the current fact and only fields that differ from it are sent to the core."""

    def __init__(self, mode: str, fixed: dict[str, Any], *, current: Fact | None = None,
                 typed: dict[str, str] | None = None) -> None:
        title = f"Edit {fixed['id']}" if mode == "edit" else f"New fact: {fixed['id']}"
        super().__init__(title=clip(title, 45), timeout=1800)
        self.mode, self.fixed, self.current = mode, fixed, current
        was: dict[str, str] = typed or (self.current_values(current) if current else {})
        adding = mode == "add"
        self.text = _input("text", paragraph=True, required=adding, max_length=MAX_TEXT, default=was.get("text"))
        self.sources = _input("sources", required=adding, max_length=SOURCES_MAX, default=was.get("sources"),
                              placeholder="hrw-2025-asp24, fidh-2025-asp24")
        self.questions = _input("questions", paragraph=True, required=False, max_length=QUESTIONS_MAX,
                                default=was.get("questions"))
        self.as_of = _input("as_of", required=adding, min_length=7, max_length=10,
                            default=was.get("as_of") or (dt.date.today().isoformat() if adding else None))
        self.review_by = _input("review_by", required=False, max_length=10, default=was.get("review_by"),
                                placeholder="YYYY-MM-DD")
        _field(self, "Fact text", f"What a member is told, 1-4 sentences (up to {MAX_TEXT} characters)", self.text)
        _field(self, "Sources", "Source ids, comma-separated (/source add adds a new one)", self.sources)
        _field(self, "Example questions (one per line)", "Questions members ask that this fact answers",
               self.questions)
        _field(self, "As of (YYYY-MM-DD)", "The date the fact holds as of (YYYY-MM if the source gives no day)",
               self.as_of)
        _field(self, "Review by (YYYY-MM-DD, optional)", "When a moderator should check it again", self.review_by)

    @staticmethod
    def current_values(fact: Fact) -> dict[str, str]:
        return {"text": fact.text, "sources": ", ".join(fact.sources), "questions": "\n".join(fact.questions),
                "as_of": fact.as_of, "review_by": fact.review_by or ""}

    def typed(self) -> dict[str, str]:
        return {"text": self.text.value, "sources": self.sources.value, "questions": self.questions.value,
                "as_of": self.as_of.value, "review_by": self.review_by.value}

    def arguments(self) -> dict[str, Any]:
        typed = self.typed()
        if self.current is not None:  # an edit sends only what changed
            before = self.current_values(self.current)
            typed = {k: v for k, v in typed.items() if v.strip() != before.get(k, "").strip()}
        args = {k: v for k, v in self.fixed.items() if v not in (None, "")}
        for key, value in typed.items():
            if key == "questions":
                value = "|".join(line.strip() for line in value.splitlines() if line.strip())
            if value.strip():
                args[key] = value.strip()
        return args

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        typed = self.typed()
        await _submit_form(interaction, f"fact {self.mode}", self.arguments(),
                           lambda: FactModal(self.mode, self.fixed, current=self.current, typed=typed), render_fact)


class FrenchFactModal(SafeModal):
    """/fact edit french:True: a fact's French title, text and example questions, prefilled with the current ones
    (a French text left older than its English is listed by /facts stale until it is reviewed here)."""

    def __init__(self, fixed: dict[str, Any], *, current: Fact, typed: dict[str, str] | None = None) -> None:
        super().__init__(title=clip(f"Français : {fixed['id']}", 45), timeout=1800)
        self.fixed, self.current = fixed, current
        was = typed or self.current_values(current)
        self.title_fr = _input("title_fr", required=True, max_length=100, default=was.get("title_fr"))
        self.text_fr = _input("text_fr", paragraph=True, required=True, max_length=MAX_TEXT,
                              default=was.get("text_fr"))
        self.questions_fr = _input("questions_fr", paragraph=True, required=False, max_length=QUESTIONS_MAX,
                                   default=was.get("questions_fr"))
        _field(self, "Titre (French title)", f"English: {current.title}", self.title_fr)
        _field(self, "Texte (French text)", "Exactly what the English says, no more: hedges and disagreements kept",
               self.text_fr)
        _field(self, "Questions (one per line)", "How French-speaking members ask for this fact", self.questions_fr)

    @staticmethod
    def current_values(fact: Fact) -> dict[str, str]:
        return {"title_fr": fact.title_fr, "text_fr": fact.text_fr, "questions_fr": "\n".join(fact.questions_fr)}

    def typed(self) -> dict[str, str]:
        return {"title_fr": self.title_fr.value, "text_fr": self.text_fr.value,
                "questions_fr": self.questions_fr.value}

    def arguments(self) -> dict[str, Any]:
        before = self.current_values(self.current)
        args = {k: v for k, v in self.fixed.items() if v not in (None, "")}
        for key, value in self.typed().items():
            if value.strip() != before[key].strip():
                args[key] = "|".join(line.strip() for line in value.splitlines() if line.strip()) \
                    if key == "questions_fr" else value.strip()
        return args

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        typed = self.typed()
        await _submit_form(interaction, "fact edit", self.arguments(),
                           lambda: FrenchFactModal(self.fixed, current=self.current, typed=typed), render_fact)


class DeadlineModal(SafeModal):
    """/deadline add: the free-text fields (title, start, end, link, description); the rest came as options."""

    def __init__(self, fixed: dict[str, Any], typed: dict[str, str] | None = None) -> None:
        super().__init__(title=clip(f"New deadline: {fixed['id']}", 45), timeout=1800)
        self.fixed = fixed
        was = typed or {}
        self.title_input = _input("title", max_length=200, default=was.get("title"))
        self.start = _input("start", max_length=60, default=was.get("start"), placeholder="2026-12-07 10:00")
        self.end = _input("end", required=False, max_length=60, default=was.get("end"),
                          placeholder="optional, written the same way")
        self.link = _input("link", required=False, max_length=500, default=was.get("link"),
                           placeholder="https://...")
        self.description = _input("description", paragraph=True, required=False, max_length=1000,
                                  default=was.get("description"))
        _field(self, "Title", "What it is, as members should read it", self.title_input)
        _field(self, "Starts", f"Like 2026-12-07 10:00 or 7 Dec 2026 10:00 ({fixed.get('zone') or 'server zone'})",
               self.start)
        _field(self, "Ends (optional)", "Written the same way", self.end)
        _field(self, "Link (optional if sources are given)", "An https:// address with the details", self.link)
        _field(self, "Description (optional)", "A few lines of context", self.description)

    def typed(self) -> dict[str, str]:
        return {"title": self.title_input.value, "start": self.start.value, "end": self.end.value,
                "link": self.link.value, "description": self.description.value}

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        typed = self.typed()
        args = {k: v for k, v in {**self.fixed, **typed}.items() if v not in (None, "")}
        await _submit_form(interaction, "deadline add", args, lambda: DeadlineModal(self.fixed, typed), None)
