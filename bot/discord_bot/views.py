"""How core results look on Discord, and the buttons and forms around them.

Everything here renders data the core already returned (an Answer, a Fact, a Reply) or collects fields to pass
back to a core command; no rule about facts lives here. Discord's own limits (2000-character messages, embed
sizes, modal field lengths) are applied here, by clipping displays at a safe place, so a long fact or an odd
source address can never make a reply fail.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import math
import re
import zipfile
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import discord

from bot.core.answering import Answer
from bot.core.commands import SORRY
from bot.core.cooldown import Wait
from bot.core.models import MAX_TEXT, Fact, Source
from bot.core.permissions import Actor
from bot.core.registry import Reply
from bot.core.render import NO_ANSWER
from bot.core.timeutil import discord_timestamp, human_date, utcnow

if TYPE_CHECKING:
    from bot.discord_bot.client import CoalitionDeskBot

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
FIELD_VALUE = 1024
EMBED_TOTAL = 6000
MAX_FILES = 10
COLOUR = discord.Colour(0x2F6F9F)
ASKED = "Asked: "
QUESTIONS_MAX = 2100  # ten example questions of up to 200 characters, one per line
SOURCES_MAX = 400  # six source ids of up to 64 characters, comma-separated
FEEDBACK_NOTE_MAX = 1000


# --- clipping --------------------------------------------------------------------------------------------------
def clip(text: str, limit: int) -> str:
    """At most `limit` characters, ending in an ellipsis when shortened."""
    text = text or ""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"


def clip_lines(lines: Iterable[str], limit: int, more: Callable[[int], str] = lambda n: f"…and {n} more") -> str:
    """Whole lines up to `limit` characters (a cut link or mention renders as garbage), then "…and N more"."""
    items = list(lines)
    text = "\n".join(items)
    if len(text) <= limit:
        return text
    kept = list(items)
    while kept:
        kept.pop()
        candidate = "\n".join([*kept, more(len(items) - len(kept))])
        if len(candidate) <= limit:
            return candidate
    return clip(items[0], limit) if items else ""


# --- answers and facts -----------------------------------------------------------------------------------------
def _link_text(text: str) -> str:
    return text.replace("[", "(").replace("]", ")")


def source_markdown(source: Source) -> str:
    """'Publisher, “Title” (date)' as a link when the source has an address."""
    label = _link_text(f"{source.publisher}, “{source.title}” ({human_date(source.date)})")
    if source.url:
        return f"[{label}]({source.url.replace(')', '%29').replace(' ', '%20')})"
    return label


def sources_value(sources: list[Source]) -> str:
    if not sources:
        return "none listed"
    return clip_lines((f"• {source_markdown(s)}" for s in sources), FIELD_VALUE)


def fact_embed(fact: Fact, sources: list[Source], *, number: int | None = None, details: bool = True) -> discord.Embed:
    """One fact: its text, sources as links, the date it holds as of and its id (plus curation details)."""
    prefix = f"{number}. " if number else ""
    embed = discord.Embed(title=clip(prefix + fact.title, EMBED_TITLE), description=clip(fact.text, 3000),
                          colour=COLOUR)
    embed.add_field(name="Sources", value=sources_value(sources), inline=False)
    embed.add_field(name="As of", value=human_date(fact.as_of), inline=True)
    embed.add_field(name="Fact id", value=f"`{fact.id}`", inline=True)
    if details:
        embed.add_field(name="Topic", value=fact.topic, inline=True)
        embed.add_field(name="Revision", value=str(fact.rev), inline=True)
        if fact.review_by:
            embed.add_field(name="Review by", value=human_date(fact.review_by), inline=True)
        if fact.status != "active":
            embed.add_field(name="Status", value=fact.status, inline=True)
    return embed


def answer_embeds(answer: Answer) -> list[discord.Embed]:
    """One embed per fact that answers (up to three), related facts and the question on the last one."""
    hits = answer.hits[:3]
    several = len(hits) > 1
    embeds = [fact_embed(h.fact, h.sources, number=i if several else None, details=False)
              for i, h in enumerate(hits, start=1)]
    if not embeds:
        return []
    last = embeds[-1]
    if answer.related:
        lines = [f"`{fid}` {title}" for fid, title in answer.related[:3]]
        last.add_field(name="Related facts", value=clip_lines(lines, FIELD_VALUE), inline=False)
    last.set_footer(text=clip(ASKED + answer.question, 300))
    _fit(embeds)
    return embeds


def _fit(embeds: list[discord.Embed]) -> None:
    """Keep the embeds of one message under Discord's 6000-character total by shortening the longest texts."""
    for _ in range(20):
        over = sum(len(e) for e in embeds) - (EMBED_TOTAL - 100)
        if over <= 0:
            return
        longest = max(embeds, key=lambda e: len(e.description or ""))
        text = longest.description or ""
        if len(text) <= 200:
            break
        longest.description = clip(text, max(len(text) - over - 1, 200))
    for embed in embeds:  # still too long (many long sources): shorten the fields as well
        for index, field in enumerate(embed.fields):
            embed.set_field_at(index, name=field.name, value=clip_lines((field.value or "").split("\n"), 300),
                               inline=field.inline)


def question_of(message: discord.Message | None) -> str:
    """The question an answer message was for, read back from its footer (buttons carry only the fact id)."""
    if message is None:
        return ""
    for embed in reversed(message.embeds):
        text = embed.footer.text or ""
        if text.startswith(ASKED):
            return text[len(ASKED):]
    return ""


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
        try:
            question = question_of(interaction.message)
            if self.kind == "h":
                await respond(interaction, "feedback", {"id": self.fact_id, "kind": "helpful", "question": question})
            else:
                await interaction.response.send_modal(FeedbackModal(self.fact_id, question))
        except Exception:
            log.exception("feedback button failed (fact %s, user %s)", self.fact_id, interaction.user.id)
            await apologize(interaction)


def answer_view(answer: Answer) -> discord.ui.View | None:
    hits = answer.hits[:3]
    if not answer.answered or not hits:
        return None
    view = discord.ui.View(timeout=None)
    several = len(hits) > 1
    for row, hit in enumerate(hits):
        suffix = f" ({row + 1})" if several else ""
        view.add_item(FeedbackButton("h", hit.fact.id, f"Helpful{suffix}", row=row))
        view.add_item(FeedbackButton("o", hit.fact.id, f"Outdated or wrong{suffix}", row=row))
    return view


def answer_parts(reply: Reply) -> tuple[str | None, list[discord.Embed], discord.ui.View | None]:
    """An answered question as embeds with feedback buttons; anything else as the core's plain words."""
    answer = reply.data if isinstance(reply.data, Answer) else None
    if reply.ok and answer is not None and answer.answered and answer.hits:
        return None, answer_embeds(answer), answer_view(answer)
    return reply.text or NO_ANSWER, [], None


def cooldown_text(wait: Wait, seconds: int) -> str:
    again = utcnow() + dt.timedelta(seconds=math.ceil(wait.retry_after))
    return (f"This server allows one question every {seconds} s per member, so nobody floods the channel. "
            f"You can ask again {discord_timestamp(again, 'R')}.")


# --- sending replies -------------------------------------------------------------------------------------------
def files_for(files: list[tuple[str, bytes]], archive: str = "files.zip") -> list[discord.File]:
    """Attachments for a reply. Names with folders, or more than Discord's ten files, go into one zip archive."""
    if not files:
        return []
    if len(files) > MAX_FILES or any("/" in name for name, _ in files):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive_file:
            for name, data in files:
                archive_file.writestr(name, data)
        return [discord.File(io.BytesIO(buffer.getvalue()), filename=archive)]
    return [discord.File(io.BytesIO(data), filename=name) for name, data in files]


def message_kwargs(text: str | None, *, embeds: list[discord.Embed] | None = None,
                   files: list[discord.File] | None = None, view: discord.ui.View | None = None) -> dict[str, Any]:
    """Keyword arguments for send(): text within 2000 characters (a longer text goes into an embed, or is
    attached whole when even that is too short)."""
    kwargs: dict[str, Any] = {}
    embeds = list(embeds or [])
    files = list(files or [])
    text = text or ""
    if len(text) > MESSAGE_LIMIT:
        if not embeds and len(text) <= EMBED_DESCRIPTION:
            embeds = [discord.Embed(description=text, colour=COLOUR)]
            text = ""
        else:
            files.append(discord.File(io.BytesIO(text.encode()), filename="reply.md"))
            text = clip_lines(text.split("\n"), MESSAGE_LIMIT - 40, lambda n: "…") + "\n(the full text is attached)"
    if text:
        kwargs["content"] = text
    if embeds:
        kwargs["embeds"] = embeds[:10]
    if files:
        kwargs["files"] = files[:MAX_FILES]
    if view is not None:
        kwargs["view"] = view
    return kwargs


async def send_reply(interaction: discord.Interaction[Any], reply: Reply, *, content: str | None = None,
                     embeds: list[discord.Embed] | None = None, view: discord.ui.View | None = None,
                     ephemeral: bool | None = None) -> discord.Message | None:
    """Answer an interaction with a core Reply (first response or followup); returns the message when public.

    The text shown is `content` if given, else nothing when there are embeds, else the core's own words."""
    hidden = (reply.ephemeral or not reply.ok) if ephemeral is None else ephemeral
    text = content if content is not None or embeds else reply.text
    kwargs = message_kwargs(text, embeds=embeds, files=files_for(reply.files), view=view)
    if not interaction.response.is_done():
        response = await interaction.response.send_message(**kwargs, ephemeral=hidden)
        resource = response.resource
        return resource if isinstance(resource, discord.Message) and not hidden else None
    message = await interaction.followup.send(**kwargs, ephemeral=hidden, wait=True)
    return None if hidden else message


async def apologize(interaction: discord.Interaction[Any]) -> None:
    """The short apology for an error on our side; never raises (the interaction may have expired)."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(SORRY, ephemeral=True)
        else:
            await interaction.response.send_message(SORRY, ephemeral=True)
    except Exception as exc:
        log.warning("could not send the apology for interaction %s: %s", interaction.id, exc)


Render = Callable[["CoalitionDeskBot", Reply],
                  tuple[str | None, list[discord.Embed], discord.ui.View | None]]


def render_fact(client: CoalitionDeskBot, reply: Reply) -> tuple[str | None, list[discord.Embed], None]:
    """A reply whose data is a Fact: the first line of the core's words above the fact as an embed."""
    fact = reply.data
    if not reply.ok or not isinstance(fact, Fact):
        return None, [], None
    first = reply.text.split("\n", 1)[0]
    content = None if first.startswith("**") else first
    return content, [fact_embed(fact, client.desk.facts.sources_for(fact))], None


async def respond(interaction: discord.Interaction[Any], name: str, args: dict[str, Any], *,
                  render: Render | None = None, ephemeral: bool | None = None) -> Reply:
    """Run one core command for this interaction, show its Reply, and post its change to the mod-log."""
    client: CoalitionDeskBot = interaction.client  # type: ignore[assignment]
    ctx = client.context_for(interaction)
    reply = await client.run_core(ctx, name, args)
    content, embeds, view = (None, [], None)
    if render is not None and reply.ok:
        content, embeds, view = render(client, reply)
    message = await send_reply(interaction, reply, content=content, embeds=embeds, view=view, ephemeral=ephemeral)
    if reply.change:
        await client.post_change(ctx, reply, message)
    return reply


# --- mod-log ---------------------------------------------------------------------------------------------------
def change_embed(change: str, actor: Actor, data: Any, link: str | None, channel_id: str | None) -> discord.Embed:
    """A mod-log entry: what changed, who did it, and where to see the result."""
    embed = discord.Embed(description=clip(change, EMBED_DESCRIPTION), colour=COLOUR, timestamp=utcnow())
    embed.add_field(name="By", value=clip(f"<@{actor.id}> ({actor.name})", FIELD_VALUE), inline=True)
    if isinstance(data, Fact):
        what = f"`{data.id}` {data.title} (revision {data.rev}, {data.status})"
        embed.add_field(name="Fact", value=clip(f"[{_link_text(what)}]({link})" if link else what, FIELD_VALUE),
                        inline=False)
    elif link:
        embed.add_field(name="Message", value=link, inline=False)
    if channel_id and not link:
        embed.add_field(name="In", value=f"<#{channel_id}>", inline=True)
    return embed


def report_embed(kind: str, text: str) -> discord.Embed:
    titles = {"missed": "Reminders not posted", "channel": "Reminder channel problem",
              "failed": "Reminder failed", "lease": "Reminders paused", "digest": "Weekly check"}
    return discord.Embed(title=titles.get(kind, "Reminders"), description=clip(text, EMBED_DESCRIPTION),
                         colour=COLOUR, timestamp=utcnow())


# --- safe views and forms ----------------------------------------------------------------------------------------
class SafeView(discord.ui.View):
    """A view whose errors are logged with context and answered with the apology, never lost."""

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception,
                       item: discord.ui.Item[Any]) -> None:
        log.error("view %s item %s failed for user %s in guild %s", type(self).__name__,
                  getattr(item, "custom_id", item), interaction.user.id, interaction.guild_id, exc_info=error)
        await apologize(interaction)


class SafeModal(discord.ui.Modal):
    async def on_error(self, interaction: discord.Interaction[Any], error: Exception) -> None:
        log.error("form %s failed for user %s in guild %s", type(self).__name__, interaction.user.id,
                  interaction.guild_id, exc_info=error)
        await apologize(interaction)


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
        await respond(interaction, "feedback", {"id": self.fact_id, "kind": "outdated",
                                                "note": self.note.value or "", "question": self.question})


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
    client: CoalitionDeskBot = interaction.client  # type: ignore[assignment]
    ctx = client.context_for(interaction)
    reply = await client.run_core(ctx, name, args)
    if not reply.ok:
        await interaction.response.send_message(clip(reply.text, MESSAGE_LIMIT), ephemeral=True,
                                                view=RetryView(interaction.user.id, again))
        return reply
    content, embeds, view = render(client, reply) if render else (None, [], None)
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


class ImportConfirmView(SafeView):
    """Under an import's summary: write it (the core validates the same file again) or drop it."""

    def __init__(self, origin: discord.Interaction[Any], filename: str, content: bytes) -> None:
        super().__init__(timeout=600)
        self.origin = origin
        self.filename = filename
        self.content = content

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
        client: CoalitionDeskBot = interaction.client  # type: ignore[assignment]
        ctx = client.context_for(interaction)
        reply = await client.run_core(ctx, "facts import",
                                      {"filename": self.filename, "content": self.content, "confirm": True})
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
                content=f"This import of {self.filename} expired; nothing was written. Run /facts import again.",
                view=None)

