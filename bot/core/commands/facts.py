"""Member and moderator commands over the fact store: asking, browsing, curating, and reviewing feedback."""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import Any

from bot import __version__
from bot.core.commands.fact_review import fact_at
from bot.core.commands.names_fr import COMMANDS_FR, NAMES_FR
from bot.core.datafiles import parse_import
from bot.core.desk import Desk
from bot.core.facts import ImportPlan
from bot.core.language import normalize_lang
from bot.core.models import FACT_FIELDS, InputError, validate_source
from bot.core.refs import NONE_WORDS
from bot.core.registry import REGISTRY, Context, Param, Reply, command
from bot.core.render import answer_text, fact_text, history_text, topics_text
from bot.core.storage import StorageError
from bot.core.timeutil import discord_timestamp, to_iso, utcnow
from bot.core.usage import CHART_FILE, count_question, usage, usage_chart, usage_text

log = logging.getLogger(__name__)

_FACT_PARAMS = (
    Param("topic", "topic id (see /topics)"),
    Param("title", "short title, up to 100 characters"),
    Param("text", "what a member is told, 1-4 sentences", long=True),
    Param("sources", "source ids, comma-separated (see `source add`)"),
    Param("as_of", "the date the fact holds as of, YYYY-MM-DD"),
    Param("review_by", "optional date to review it by, YYYY-MM-DD (`none` clears it)"),
    Param("questions", "example questions, separated by |", long=True),
    Param("keywords", "keywords, comma-separated"),
    Param("title_fr", "French title, up to 100 characters", named=True),
    Param("text_fr", "French text: what a French-speaking member is told", long=True, named=True),
    Param("questions_fr", "French example questions, separated by |", long=True, named=True),
)


def require_reason(reason: str | None, done: str) -> str:
    """Every edit and revert says why, in a few words, so the history explains itself."""
    text = " ".join(str(reason or "").split())
    if not text:
        raise InputError(f"say in a few words why the fact is {done} (reason=...); it is kept in the history")
    return text


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k in FACT_FIELDS and v is not None}


@command("ask", "Ask a question; the answer shows its sources", Param("question", "your question", required=True),
         Param("lang", "en or fr: answer in this language (default: the question's)", named=True))
def ask(desk: Desk, ctx: Context, question: str, lang: str | None = None) -> Reply:
    started = time.perf_counter()
    if lang and normalize_lang(lang) is None:
        raise InputError(f"lang must be en or fr, not {lang!r}")
    answer = desk.answer(question, lang=normalize_lang(lang), hint=ctx.locale)
    desk.answer_latencies_ms.append((time.perf_counter() - started) * 1000)

    def keep() -> StorageError | None:
        fault = None
        if ctx.guild_id and desk.db.writable:
            try:  # counted for /facts stats; a disk that refuses it does not cost the member the answer
                count_question(desk.db, ctx.guild_id, answer.status)
            except StorageError as exc:
                log.warning("a question was not counted: %s", exc)
                fault = exc
        if answer.status != "answered" and not answer.reason and desk.db.writable and fault is None:  # declined
            try:  # kept for moderators; a disk that refuses it does not cost the member the answer
                desk.feedback.record_unanswered(
                    answer.question, guild_id=ctx.guild_id, channel_id=ctx.channel_id, user_id=ctx.actor.id
                )
            except StorageError as exc:
                log.warning("an unanswered question was not kept: %s", exc)
                fault = exc
        return fault

    # while another write holds the writer (an import), this bookkeeping waits for it, not the member
    return Reply(answer_text(answer), data=answer, fault=desk.db.write_soon(keep))


@command("topics", "List the topics the store covers",
         Param("lang", "en or fr (default: the asker's language setting, else English)", named=True))
def topics(desk: Desk, ctx: Context, lang: str | None = None) -> Reply:
    if lang and normalize_lang(lang) is None:
        raise InputError(f"lang must be en or fr, not {lang!r}")
    counts = Counter(f.topic for f in desk.facts.list())
    chosen = normalize_lang(lang) or normalize_lang(ctx.locale) or "en"
    return Reply(topics_text(desk.facts.topics(), counts, chosen), data=desk.facts.topics())


@command("fact show", "Show one fact with its sources (moderators: an earlier revision)",
         Param("id", "fact id", required=True), Param("revision", "an earlier revision number (moderators)"))
def fact_show(desk: Desk, ctx: Context, id: str, revision: Any = None) -> Reply:
    """In French for a French client (the English text follows); an earlier revision in English, for curators."""
    if revision not in (None, ""):
        fact = fact_at(desk, ctx, id, revision)
        head = f"`{fact.id}` as revision {fact.rev} left it ({fact.updated_at[:10]}):\n\n"
        return Reply(head + fact_text(fact, desk.facts.sources_for(fact)), ephemeral=True, data=fact)
    fact = desk.facts.require(id)
    lang = "fr" if (ctx.locale or "").startswith("fr") else "en"
    return Reply(fact_text(fact, desk.facts.sources_for(fact), lang), data=fact, lang=lang)


@command("fact list", "List fact ids and titles", Param("topic", "only this topic"))
def fact_list(desk: Desk, ctx: Context, topic: str | None = None) -> Reply:
    facts = desk.facts.list(topic or None)
    if topic and topic not in desk.facts.topic_ids():
        raise InputError(f"no topic `{topic}`; see /topics")
    lines = [f"`{f.id}` {f.title}" for f in facts]
    return Reply("\n".join(lines) or "No facts.", data=facts)


@command("fact add", "Add a fact", Param("id", "new id: lowercase words joined by hyphens", required=True),
         *_FACT_PARAMS, Param("reason", "why (kept in the history)"), moderator=True)
def fact_add(desk: Desk, ctx: Context, reason: str = "", **values: Any) -> Reply:
    fact = desk.facts.add(_fields(values), ctx.actor, reason)
    return Reply(f"Added `{fact.id}`.\n\n" + fact_text(fact, desk.facts.sources_for(fact)), data=fact,
                 change=f"{ctx.actor.name} added fact `{fact.id}` ({fact.title})")


@command("fact edit", "Change fields of a fact", Param("id", "fact id", required=True), *_FACT_PARAMS,
         Param("reason", "why, in a few words (kept in the history)", required=True), moderator=True)
def fact_edit(desk: Desk, ctx: Context, id: str, reason: str = "", **values: Any) -> Reply:
    reason = require_reason(reason, "edited")
    changes = {k: v for k, v in _fields(values).items() if v != ""}
    if str(changes.get("review_by", "")).strip().lower() in NONE_WORDS:
        changes["review_by"] = None
    if not changes:
        raise InputError("say which fields to change, for example text=... or as_of=2026-01-31")
    fact = desk.facts.edit(id, changes, ctx.actor, reason)
    changed = ", ".join(desk.facts.history(id)[-1].changed)
    return Reply(f"Updated `{fact.id}` ({changed}); now revision {fact.rev}.", data=fact,
                 change=f"{ctx.actor.name} edited fact `{fact.id}` ({changed}){': ' + reason if reason else ''}")


@command("fact retire", "Retire a fact: it stops being used in answers; its history stays",
         Param("id", "fact id", required=True), Param("reason", "why", required=True), moderator=True)
def fact_retire(desk: Desk, ctx: Context, id: str, reason: str) -> Reply:
    fact = desk.facts.retire(id, ctx.actor, reason)
    return Reply(f"Retired `{fact.id}`. `fact revert {fact.id} {fact.rev - 1}` brings it back.", data=fact,
                 change=f"{ctx.actor.name} retired fact `{fact.id}`: {reason}")


@command("fact revert", "Restore an earlier revision of a fact (as a new revision)",
         Param("id", "fact id", required=True), Param("revision", "revision number", required=True),
         Param("reason", "why, in a few words (kept in the history)", required=True), moderator=True)
def fact_revert(desk: Desk, ctx: Context, id: str, revision: str | int, reason: str = "") -> Reply:
    reason = require_reason(reason, "reverted")
    try:
        number = int(revision)
    except (TypeError, ValueError):
        raise InputError(f"revision must be a number, not {revision!r}") from None
    fact = desk.facts.revert(id, number, ctx.actor, reason)
    return Reply(f"`{fact.id}` restored to revision {number}; now revision {fact.rev}.", data=fact,
                 change=f"{ctx.actor.name} reverted fact `{fact.id}` to revision {number}: {reason}")


@command("fact history", "Every revision of a fact: who, when, what, why", Param("id", "fact id", required=True),
         moderator=True)
def fact_history(desk: Desk, ctx: Context, id: str) -> Reply:
    revisions = desk.facts.history(id)
    return Reply(history_text(id, revisions), ephemeral=True, data=revisions)


@command("source add", "Add a source that facts can cite", Param("id", "new source id", required=True),
         Param("publisher", "who published it", required=True), Param("title", "its title", required=True),
         Param("date", "YYYY-MM-DD or YYYY-MM", required=True), Param("url", "https:// address if known"),
         moderator=True)
def source_add(desk: Desk, ctx: Context, **values: Any) -> Reply:
    source = validate_source({k: v for k, v in values.items() if v not in (None, "")})
    if source.id in desk.facts.sources():
        raise InputError(f"a source with id `{source.id}` already exists")
    plan = ImportPlan(sources=[source])
    desk.facts.apply_import(plan, ctx.actor, "source added")
    return Reply(f"Added source `{source.id}`.", data=source,
                 change=f"{ctx.actor.name} added source `{source.id}` ({source.publisher})")


@command("facts import", "Import facts from a YAML, JSON or CSV file (all or nothing)",
         Param("filename", "file name", required=True), Param("content", "file content", required=True),
         Param("confirm", "write it (otherwise only show what would change)"), moderator=True)
def facts_import(desk: Desk, ctx: Context, filename: str, content: bytes, confirm: bool = False) -> Reply:
    key = desk.import_plans.key(f"{ctx.guild_id}:{ctx.actor.id}", filename, content)
    plan = desk.import_plans.take(key, desk.facts.generation) if confirm else None
    if plan is None:
        records, sources = parse_import(content, filename)
        plan = desk.facts.plan_import(records, sources)
    if not confirm:
        desk.import_plans.keep(key, desk.facts.generation, plan)
        return Reply(f"{filename}: {plan.summary()}. Nothing written yet.", ephemeral=True, data=plan)
    desk.facts.apply_import(plan, ctx.actor, f"imported from {filename}")
    return Reply(f"Imported {filename}: {plan.summary()}.", data=plan,
                 change=f"{ctx.actor.name} imported {filename}: {plan.summary()}")


@command("facts export", "Export the store in the data/ layout for review (the chat and command line: to export/)",
         moderator=True)
def facts_export(desk: Desk, ctx: Context) -> Reply:
    files = desk.export_files()
    return Reply(f"Exported {len(files)} files.", ephemeral=True,
                 files=[(name, text.encode()) for name, text in files.items()])


# Unanswered questions and members' flags belong to the server they came from; a direct message has none.
NOT_IN_A_SERVER = ("Unanswered questions and members' flags belong to the server they came from, so run this in "
                   "that server.")
FLAGS_NEED_A_SERVER = ("Flags go to a server's moderators, so use the Outdated button under an answer in a server; "
                       "nothing was stored.")


@command("facts feedback", "Answers members of this server flagged as outdated or wrong", moderator=True)
def facts_feedback(desk: Desk, ctx: Context) -> Reply:
    if not ctx.guild_id:
        return Reply(NOT_IN_A_SERVER, ephemeral=True, data=[])
    flags = desk.feedback.flags(guild_id=ctx.guild_id)
    if not flags:
        return Reply("No open flags from members of this server.", ephemeral=True, data=flags)
    lines = [f"- `{f.fact_id}` {f.at[:10]} by {f.user_name}: {f.note or '(no note)'}"
             + (f" — asked: “{f.question}”" if f.question else "") for f in flags]
    return Reply("Flagged as outdated or wrong:\n" + "\n".join(lines), ephemeral=True, data=flags)


@command("facts gaps", "Questions asked in this server that got no answer, most asked first", moderator=True)
def facts_gaps(desk: Desk, ctx: Context) -> Reply:
    if not ctx.guild_id:
        return Reply(NOT_IN_A_SERVER, ephemeral=True, data=[])
    gaps = desk.feedback.gaps(guild_id=ctx.guild_id)
    if not gaps:
        days = desk.feedback.retention_days(ctx.guild_id)
        return Reply(f"Every question asked here in the last {days} days had an answer.", ephemeral=True, data=gaps)
    lines = [f"- {g.times}× “{g.question}” (last {g.last_asked[:10]})" for g in gaps]
    return Reply("Asked and not answered:\n" + "\n".join(lines), ephemeral=True, data=gaps)


@command("facts stats", "This server's questions, answers, gaps and flags, with a chart", moderator=True)
def facts_stats(desk: Desk, ctx: Context) -> Reply:
    if not ctx.guild_id:
        return Reply(NOT_IN_A_SERVER, ephemeral=True, data=None)
    figures = usage(desk.db, desk.feedback, ctx.guild_id)
    files = [(CHART_FILE, usage_chart(figures))] if figures.total() else []
    return Reply(usage_text(figures), ephemeral=True, data=figures, files=files)


@command("facts stale", "Facts past their review-by date", moderator=True)
def facts_stale(desk: Desk, ctx: Context) -> Reply:
    facts = desk.facts.stale(utcnow().date().isoformat())
    french = [f for f in desk.facts.list() if f.french_outdated]
    if not facts and not french:
        return Reply("No fact is past its review-by date, and no French text predates its English.", ephemeral=True,
                     data=facts)
    lines = [f"- `{f.id}` review by {f.review_by} (as of {f.as_of}): {f.title}" for f in facts]
    text = "Past their review-by date:\n" + "\n".join(lines) if facts else ""
    if french:
        text += ("\n\n" if text else "") + "French text older than the English (review the translation):\n" + \
            "\n".join(f"- `{f.id}` English changed {f.text_changed_at[:10]}, French {f.text_fr_changed_at[:10]}: "
                      f"{f.title}" for f in french)
    return Reply(text, ephemeral=True, data=facts + [f for f in french if f.id not in {g.id for g in facts}])


@command("feedback", "Tell moderators an answer helped, or is outdated or wrong",
         Param("id", "fact id", required=True), Param("kind", "helpful or outdated", required=True),
         Param("note", "what is wrong or out of date"), Param("question", "the question asked"))
def feedback(desk: Desk, ctx: Context, id: str, kind: str, note: str = "", question: str = "") -> Reply:
    fact = desk.facts.require(id)
    if kind == "outdated" and not ctx.guild_id:
        raise InputError(FLAGS_NEED_A_SERVER)
    vote = desk.feedback.record_flag(fact.id, kind, user_id=ctx.actor.id, user_name=ctx.actor.name, note=note,
                                     question=question, guild_id=ctx.guild_id)
    changed = f"Changed your vote on `{fact.id}` from {vote.previous} to {kind} (one vote per member)"
    if kind == "outdated":
        text = ("Thanks — your new note replaces your earlier one; moderators will review this fact."
                if vote.previous == kind else f"{changed}; moderators will review this fact." if vote.changed
                else "Thanks — moderators will review this fact.")
        return Reply(text, ephemeral=True, data=vote,
                     change=f"{ctx.actor.name} flagged fact `{fact.id}` as outdated or wrong: {note or '(no note)'}")
    text = (f"{changed}." if vote.changed else "You already marked this helpful; your one vote is unchanged."
            if vote.previous else "Thanks for the feedback.")
    return Reply(text, ephemeral=True, data=vote)


@command("status", "Version, uptime, counts, next reminder, database size and answer latency", moderator=True)
def status(desk: Desk, ctx: Context) -> Reply:
    latencies = sorted(desk.answer_latencies_ms)
    p50 = f"{latencies[len(latencies) // 2]:.1f} ms" if latencies else "n/a"
    nxt = desk.deadlines.next_reminder_due(ctx.guild_id)
    lines = [
        f"Coalition Desk {__version__}",
        f"Up {int(desk.uptime_seconds() // 3600)} h {int(desk.uptime_seconds() % 3600 // 60)} min "
        f"(since {to_iso(desk.started_at)})",
        f"Facts: {desk.facts.count()} active; deadlines: {desk.deadlines.count(ctx.guild_id)}",
        f"Next reminder due: {discord_timestamp(nxt) + ' (' + discord_timestamp(nxt, 'R') + ')' if nxt else 'none'}",
        f"Database: {desk.db.size_bytes() / 1024:.0f} KiB, schema {desk.db.schema_version}"
        + (", read-only: changes are refused" if desk.db.read_only else ""),
        f"Answer latency (last {len(latencies)}): p50 {p50}",
    ]
    return Reply("\n".join(lines), ephemeral=True)


@command("help", "What the bot can do")
def help_(desk: Desk, ctx: Context) -> Reply:
    """In French for a member whose client is in French: the French command names Discord shows them, and the
    French descriptions where there are some."""
    french = (ctx.locale or "").startswith("fr")
    lines = ["Posez une question en mots, ou utilisez une commande (les options entre [crochets] sont "
             "facultatives) :" if french else
             "Ask a question in words, or use a command (options in [brackets] are optional):"]
    for cmd in sorted(REGISTRY.values(), key=lambda c: (c.moderator, c.name)):
        if cmd.name in ("facts import", "data sync"):  # a file on Discord; a path in the chat
            usage = "facts import file" if cmd.name == "facts import" else "data sync [folder]"
        else:
            usage = cmd.name + "".join(f" {p.name}" if p.required else f" [{p.name}]" for p in cmd.params)
        if french:
            usage = " ".join(_in_french(word) for word in usage.split())
        summary = COMMANDS_FR.get(cmd.name, cmd.summary) if french else cmd.summary
        moderators = (" (modérateurs)" if french else " (moderators)") if cmd.moderator else ""
        lines.append(f"/{usage} — {summary}{moderators}")
    return Reply("\n".join(lines), ephemeral=True)


def _in_french(word: str) -> str:
    """A word of a command's usage as French clients see it: "show" -> "afficher", "[topic]" -> "[sujet]"."""
    name = word.strip("[]")
    french = NAMES_FR.get(name, name)
    return f"[{french}]" if word.startswith("[") else french
