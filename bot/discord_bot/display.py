"""How core results look on Discord: text and embeds clipped to Discord's limits.

Everything here renders data the core already returned (an Answer, a Fact, a change, a report) as plain
discord.py objects; nothing here talks to Discord or holds a rule about facts. Discord's own limits
(2000-character messages, embed sizes) are applied here, by clipping displays at a safe place, so a long fact
or an odd source address can never make a reply fail.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

import discord

from bot.core.answering import Answer
from bot.core.cooldown import Wait
from bot.core.feeds import fact_url
from bot.core.messages import date_in, say, shown
from bot.core.models import Fact, Source
from bot.core.permissions import Actor
from bot.core.render import is_stale, stale_note
from bot.core.timeutil import discord_timestamp, utcnow

MESSAGE_LIMIT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
FIELD_VALUE = 1024
EMBED_TOTAL = 6000
MAX_FILES = 10
COLOUR = discord.Colour(0x2F6F9F)
ASKED, ASKED_FR = say("asked", "en"), say("asked", "fr")


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


def source_markdown(source: Source, lang: str = "en") -> str:
    """'Publisher, “Title” (date)' as a link when the source has an address."""
    label = _link_text(f"{source.publisher}, “{source.title}” ({date_in(source.date, lang)})")
    if source.url:
        return f"[{label}]({source.url.replace(')', '%29').replace(' ', '%20')})"
    return label


def sources_value(sources: list[Source], lang: str = "en") -> str:
    if not sources:
        return say("none_listed", lang)
    return clip_lines((f"• {source_markdown(s, lang)}" for s in sources), FIELD_VALUE)


def fact_embed(fact: Fact, sources: list[Source], *, number: int | None = None, details: bool = True,
               lang: str = "en") -> discord.Embed:
    """One fact: its text, sources as links, the date it holds as of and its id (plus curation details), in
    `lang` (a fact without French is shown in English with a French note saying so)."""
    prefix = f"{number}. " if number else ""
    title, text, note = shown(fact, lang)
    text = f"{text}\n\n_{note}_" if note else text
    embed = discord.Embed(title=clip(prefix + title, EMBED_TITLE), description=clip(text, 3000),
                          colour=COLOUR, url=fact_url(fact.id))  # the fact's page, when BOT_PUBLIC_URL is set
    embed.add_field(name=say("sources", lang), value=sources_value(sources, lang), inline=False)
    embed.add_field(name=say("as_of", lang), value=date_in(fact.as_of, lang), inline=True)
    embed.add_field(name=say("fact_id", lang), value=f"`{fact.id}`", inline=True)
    if is_stale(fact):
        embed.add_field(name=say("review_overdue", lang), value=stale_note(fact, lang), inline=False)
    if details:
        embed.add_field(name=say("topic", lang), value=fact.topic, inline=True)
        embed.add_field(name=say("revision", lang), value=str(fact.rev), inline=True)
        if fact.review_by:
            embed.add_field(name=say("review_by", lang), value=date_in(fact.review_by, lang), inline=True)
        embed.add_field(name=say("status", lang), value=fact.status, inline=True)
        questions = fact.questions_fr if lang == "fr" and fact.questions_fr else fact.questions
        if questions:
            embed.add_field(name=say("example_questions", lang), value=clip("\n".join(questions), 1024),
                            inline=False)
        if fact.keywords:
            embed.add_field(name=say("keywords", lang), value=clip(", ".join(fact.keywords), 1024), inline=False)
    return embed


def answer_embeds(answer: Answer) -> list[discord.Embed]:
    """One embed per fact that answers (up to three), related facts and the question on the last one."""
    hits = answer.hits[:3]
    several = len(hits) > 1
    embeds = [fact_embed(h.fact, h.sources, number=i if several else None, details=False, lang=answer.lang)
              for i, h in enumerate(hits, start=1)]
    if not embeds:
        return []
    last = embeds[-1]
    if answer.related:
        lines = [f"`{fid}` {title}" for fid, title in answer.related[:3]]
        last.add_field(name=say("related", answer.lang), value=clip_lines(lines, FIELD_VALUE), inline=False)
    last.set_footer(text=clip(say("asked", answer.lang) + answer.question, 300))
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
        for asked in (ASKED, ASKED_FR):
            if text.startswith(asked):
                return text[len(asked):]
    return ""


# --- messages --------------------------------------------------------------------------------------------------
def cooldown_text(wait: Wait, seconds: int, lang: str = "en") -> str:
    again = utcnow() + dt.timedelta(seconds=math.ceil(wait.retry_after))
    return say("cooldown", lang, seconds=seconds, when=discord_timestamp(again, "R"))


def zipped(files: list[tuple[str, bytes]]) -> bytes:
    """One zip archive of (name, bytes) files; names may hold folders."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


def files_for(files: list[tuple[str, bytes]]) -> list[discord.File]:
    """Attachments for a reply. Names with folders, or more than Discord's ten files, go into one zip archive."""
    if not files:
        return []
    if len(files) > MAX_FILES or any("/" in name for name, _ in files):
        return [discord.File(io.BytesIO(zipped(files)), filename="files.zip")]
    return [discord.File(io.BytesIO(data), filename=name) for name, data in files]


def _line_chunks(text: str, limit: int) -> list[str]:
    """`text` in pieces of whole lines, each at most `limit` characters where its lines allow."""
    chunks: list[str] = []
    for line in text.split("\n"):
        if chunks and len(chunks[-1]) + 1 + len(line) <= limit:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    return chunks


def message_kwargs(text: str | None, *, embeds: list[discord.Embed] | None = None,
                   files: list[discord.File] | None = None, view: discord.ui.View | None = None) -> dict[str, Any]:
    """Keyword arguments for send(): text within 2000 characters (a longer text goes into embeds, split between
    lines, or is attached whole when even they are too short)."""
    kwargs: dict[str, Any] = {}
    embeds = list(embeds or [])
    files = list(files or [])
    text = text or ""
    if len(text) > MESSAGE_LIMIT:
        chunks = _line_chunks(text, EMBED_DESCRIPTION)
        if not embeds and len(text) <= EMBED_TOTAL and all(len(c) <= EMBED_DESCRIPTION for c in chunks):
            embeds = [discord.Embed(description=chunk, colour=COLOUR) for chunk in chunks]  # whole lines each
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
              "failed": "Reminder failed", "lease": "Reminders paused", "digest": "Weekly check",
              "storage": "Could not save"}
    return discord.Embed(title=titles.get(kind, "Reminders"), description=clip(text, EMBED_DESCRIPTION),
                         colour=COLOUR, timestamp=utcnow())
