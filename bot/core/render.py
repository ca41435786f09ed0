"""Plain-text views of core results, in Markdown that reads well both in a terminal and in a Discord message.

The Discord adapter builds embeds from the same data; these strings are what the local chat, the command line
and Discord's plain fallbacks show.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.core.answering import Answer, FactHit
from bot.core.messages import date_in, say, shown
from bot.core.models import Fact, Revision, Source, Topic
from bot.core.revisions import history_lines

NO_ANSWER = "No curated fact on that yet."


def is_stale(fact: Fact, today: dt.date | None = None) -> bool:
    """Past its review-by date: still shown, but with a warning."""
    today = today or dt.datetime.now(dt.UTC).date()
    return bool(fact.review_by) and fact.review_by < today.isoformat()


def stale_note(fact: Fact, lang: str = "en") -> str:
    return say("stale", lang, date=date_in(fact.review_by or "", lang))


def partial_intro(answer: Answer) -> str:
    """The first line of a partial reply: what was asked that no curated fact holds, then what they do say."""
    return say("partial", answer.lang, missing=answer.missing or say("missing_that", answer.lang))


def source_line(source: Source, lang: str = "en") -> str:
    line = f"{source.publisher}, “{source.title}” ({date_in(source.date, lang)})"
    return f"{line} <{source.url}>" if source.url else line


def hit_text(hit: FactHit, lang: str = "en") -> str:
    fact = hit.fact
    title, text, note = shown(fact, lang)
    lines = [f"**{title}**", text, *([f"_{note}_"] if note else [])]
    lines += [say("source", lang, source=source_line(s, lang)) for s in hit.sources]
    lines.append(say("as_of_line", lang, date=date_in(fact.as_of, lang), id=fact.id))
    if is_stale(fact):
        lines.append(stale_note(fact, lang))
    return "\n".join(lines)


def answer_text(answer: Answer) -> str:
    lang = answer.lang
    if answer.status == "partial" and answer.hits:
        return partial_intro(answer) + "\n\n" + "\n\n".join(hit_text(h, lang) for h in answer.hits)
    if not answer.answered:
        parts = [say("no_answer", lang)]
        if answer.reason:
            parts.append(answer.reason)
        if answer.suggestions:
            parts.append(say("closest_topics", lang, topics=", ".join(t.label(lang) for t in answer.suggestions)))
        parts.append(say("see_topics", lang))
        return " ".join(parts)
    text = "\n\n".join(hit_text(h, lang) for h in answer.hits)
    if answer.related:
        text += "\n\n" + say("see_also", lang, facts="; ".join(f"`{fid}` {title}" for fid, title in answer.related))
    return text


def fact_text(fact: Fact, sources: list[Source], lang: str = "en") -> str:
    """One fact in full for curators: shown in `lang`, with its curation details; the other language's text
    follows (in French, the English version)."""
    text = hit_text(FactHit(fact, sources, 1.0), lang)
    colon = " :" if lang == "fr" else ":"  # French typography: a space before the colon
    extra = [f"{say('topic', lang)}{colon} {fact.topic}", f"{say('revision', lang)} {fact.rev}",
             f"{say('status', lang).lower()}{colon} {fact.status}"]
    if fact.review_by:
        extra.append(f"{say('review_by', lang).lower()} {date_in(fact.review_by, lang)}")
    lines = [" · ".join(extra)]
    if lang == "fr" and fact.has_french:
        if fact.questions_fr:
            lines.append(f"{say('example_questions', lang)}{colon} " + " | ".join(fact.questions_fr))
        lines.append(f"Anglais : **{fact.title}** {fact.text}")
        return text + "\n" + "\n".join(lines)
    if fact.questions:
        lines.append(f"{say('example_questions', lang)}{colon} " + " | ".join(fact.questions))
    if fact.keywords:
        lines.append(f"{say('keywords', lang)}{colon} " + ", ".join(fact.keywords))
    if fact.has_french:
        review = " (older than the English text: review it)" if fact.french_outdated else ""
        lines.append(f"French{review}: **{fact.title_fr}** {fact.text_fr}")
        if fact.questions_fr:
            lines.append("French example questions: " + " | ".join(fact.questions_fr))
    else:
        lines.append("French: none yet (shown in English to French questions)")
    return text + "\n" + "\n".join(lines)


def history_text(fact_id: str, revisions: list[Revision]) -> str:
    return "\n".join([f"History of `{fact_id}`:", *history_lines(revisions)])


def topics_text(topics: list[Topic], counts: dict[str, int], lang: str = "en") -> str:
    lines = [say("topics_heading", lang)]
    for t in topics:
        description = t.description_fr if lang == "fr" and t.description_fr else t.description
        lines.append(say("topic_line", lang, name=t.label(lang), id=t.id, count=counts.get(t.id, 0),
                         description=description))
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
