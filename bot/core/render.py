"""Plain-text views of core results, in Markdown that reads well both in a terminal and in a Discord message.

The Discord adapter builds embeds from the same data; these strings are what the local chat, the command line
and Discord's plain fallbacks show.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.core.answering import Answer, FactHit
from bot.core.models import Fact, Revision, Source, Topic
from bot.core.timeutil import human_date

NO_ANSWER = "No curated fact on that yet."


def is_stale(fact: Fact, today: dt.date | None = None) -> bool:
    """Past its review-by date: still shown, but with a warning."""
    today = today or dt.datetime.now(dt.UTC).date()
    return bool(fact.review_by) and fact.review_by < today.isoformat()


def stale_note(fact: Fact) -> str:
    return f"⚠ May be out of date: its review was due on {human_date(fact.review_by or '')}."


def partial_intro(answer: Answer) -> str:
    """The first line of a partial reply: what was asked that no curated fact holds, then what they do say."""
    return f"The curated facts don't say {answer.missing or 'that'}. What they do say:"


def source_line(source: Source) -> str:
    line = f"{source.publisher}, “{source.title}” ({human_date(source.date)})"
    return f"{line} <{source.url}>" if source.url else line


def hit_text(hit: FactHit) -> str:
    fact = hit.fact
    lines = [f"**{fact.title}**", fact.text]
    lines += [f"Source: {source_line(s)}" for s in hit.sources]
    lines.append(f"As of {human_date(fact.as_of)} · fact `{fact.id}`")
    if is_stale(fact):
        lines.append(stale_note(fact))
    return "\n".join(lines)


def answer_text(answer: Answer) -> str:
    if answer.status == "partial" and answer.hits:
        return partial_intro(answer) + "\n\n" + "\n\n".join(hit_text(h) for h in answer.hits)
    if not answer.answered:
        parts = [NO_ANSWER]
        if answer.reason:
            parts.append(answer.reason)
        if answer.suggestions:
            parts.append("Closest topics: " + ", ".join(t.name for t in answer.suggestions) + ".")
        parts.append("See /topics, or ask a moderator to add a fact.")
        return " ".join(parts)
    text = "\n\n".join(hit_text(h) for h in answer.hits)
    if answer.related:
        text += "\n\nSee also: " + "; ".join(f"`{fid}` {title}" for fid, title in answer.related)
    return text


def fact_text(fact: Fact, sources: list[Source]) -> str:
    text = hit_text(FactHit(fact, sources, 1.0))
    extra = [f"Topic: {fact.topic}", f"Revision {fact.rev}"]
    if fact.review_by:
        extra.append(f"review by {human_date(fact.review_by)}")
    if fact.status != "active":
        extra.append(f"status: {fact.status}")
    return text + "\n" + " · ".join(extra)


def history_text(fact_id: str, revisions: list[Revision]) -> str:
    lines = [f"History of `{fact_id}`:"]
    for r in revisions:
        what = ", ".join(r.changed) if r.action == "edit" else r.action
        why = f" — {r.reason}" if r.reason else ""
        lines.append(f"{r.rev}. {r.at[:16].replace('T', ' ')} UTC {r.actor_name}: {r.action} ({what}){why}")
    return "\n".join(lines)


def topics_text(topics: list[Topic], counts: dict[str, int]) -> str:
    lines = ["Topics:"]
    for t in topics:
        lines.append(f"- **{t.name}** (`{t.id}`, {counts.get(t.id, 0)} facts): {t.description}")
    return "\n".join(lines)


_DISCORD_TIME = re.compile(r"<t:(-?\d+)(?::([tTdDfFR]))?>")
_CHANNEL = re.compile(r"<#([A-Za-z0-9_-]+)>")
_ROLE = re.compile(r"<@&([A-Za-z0-9_-]+)>")


def for_terminal(text: str, now: dt.datetime | None = None) -> str:
    """Discord shows `<t:unix:F>` in each reader's zone and `<#id>` / `<@&id>` as names; a terminal gets the
    machine's local time and plain `#id` / `@role:id` instead."""
    now = now or dt.datetime.now(dt.UTC)

    def render(match: re.Match[str]) -> str:
        when = dt.datetime.fromtimestamp(int(match.group(1)), dt.UTC)
        if match.group(2) == "R":
            seconds = (when - now).total_seconds()
            amount = abs(seconds)
            span = (f"{amount / 86400:.0f} days" if amount >= 172800 else f"{amount / 3600:.0f} hours"
                    if amount >= 7200 else f"{amount / 60:.0f} minutes")
            return f"in {span}" if seconds >= 0 else f"{span} ago"
        return when.astimezone().strftime("%a %d %b %Y %H:%M %Z")

    text = _CHANNEL.sub(r"#\1", _ROLE.sub(r"@role:\1", text))
    return _DISCORD_TIME.sub(render, text)
