"""The schema as numbered migrations. Each runs once, in order, inside the caller's transaction; the applied
version is kept in PRAGMA user_version, so a database of any age is brought up to date at start. Tables are made
with sqlite-utils (`create`, `create_index`, `add_column`, `enable_fts`), so the schema reads as data; what it
cannot express (an fts5vocab table, copying rows across) stays SQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

Migration = Callable[["sqlite_utils.Database"], None]


def _v1_facts(db: sqlite_utils.Database) -> None:
    """Facts and their revisions; sources and topics; questions nobody answered; member feedback; settings."""
    db["meta"].create({"key": str, "value": str}, pk="key", not_null={"value"})
    db["sources"].create({"id": str, "publisher": str, "title": str, "date": str, "url": str}, pk="id",
                         not_null={"publisher", "title", "date"})
    db["topics"].create({"id": str, "name": str, "description": str, "position": int}, pk="id",
                        not_null={"name", "description", "position"}, defaults={"description": ""})
    db["facts"].create(
        {"id": str, "topic": str, "title": str, "text": str, "sources": str, "as_of": str, "review_by": str,
         "questions": str, "keywords": str, "status": str, "rev": int, "created_at": str, "updated_at": str},
        pk="id", not_null={"topic", "title", "text", "sources", "as_of", "questions", "keywords", "status", "rev",
                           "created_at", "updated_at"},
        defaults={"questions": "[]", "keywords": "[]", "status": "active"})
    db["facts"].create_index(["topic", "status"], index_name="facts_topic")
    _revisions(db, "fact_revisions", "fact_id")
    db["synonyms"].create({"term": str, "grp": int}, pk="term", not_null={"grp"})
    db["unanswered"].create(
        {"id": int, "question": str, "normalized": str, "asked_at": str, "guild_id": str, "channel_id": str,
         "user_id": str}, pk="id", not_null={"question", "normalized", "asked_at"})
    db["unanswered"].create_index(["normalized"], index_name="unanswered_normalized")
    db["feedback"].create(
        {"id": int, "fact_id": str, "kind": str, "note": str, "question": str, "user_id": str, "user_name": str,
         "guild_id": str, "at": str, "resolved": int}, pk="id",
        not_null={"fact_id", "kind", "note", "question", "user_id", "user_name", "at", "resolved"},
        defaults={"note": "", "question": "", "resolved": 0})
    db["feedback"].create_index(["fact_id"], index_name="feedback_fact")
    db["guild_settings"].create(
        {"guild_id": str, "mod_role_id": str, "reminder_channel_id": str, "reminder_role_id": str,
         "modlog_channel_id": str, "answer_channel_id": str, "cooldown_seconds": int, "offsets": str,
         "digest_day": int, "digest_hour": int, "zone": str, "updated_at": str}, pk="guild_id",
        not_null={"cooldown_seconds", "zone", "updated_at"}, defaults={"cooldown_seconds": 20,
                                                                     "zone": "Europe/Amsterdam"})


def _v2_deadlines(db: sqlite_utils.Database) -> None:
    """Deadlines and their revisions, the reminders derived from them (the record of what is sent), and leases."""
    db["deadlines"].create(
        {"id": str, "title": str, "kind": str, "start_utc": str, "end_utc": str, "zone": str, "all_day": int,
         "description": str, "link": str, "sources": str, "guild_id": str, "offsets": str, "status": str,
         "rev": int, "created_at": str, "updated_at": str}, pk="id",
        not_null={"title", "kind", "start_utc", "zone", "all_day", "description", "sources", "status", "rev",
                  "created_at", "updated_at"},
        defaults={"all_day": 0, "description": "", "sources": "[]", "status": "active"})
    db["deadlines"].create_index(["status", "start_utc"], index_name="deadlines_start")
    _revisions(db, "deadline_revisions", "deadline_id")
    db["reminders"].create(
        {"id": int, "deadline_id": str, "guild_id": str, "offset": str, "due_utc": str, "state": str,
         "attempts": int, "next_attempt_utc": str, "claimed_at": str, "sent_at": str, "channel_id": str,
         "message_id": str, "late": int, "error": str}, pk="id",
        not_null={"deadline_id", "guild_id", "offset", "due_utc", "state", "attempts", "late"},
        defaults={"state": "pending", "attempts": 0, "late": 0})
    db["reminders"].create_index(["deadline_id", "guild_id", "offset"], unique=True)
    db["reminders"].create_index(["state", "due_utc"], index_name="reminders_due")
    db["leases"].create({"name": str, "owner": str, "pid": int, "host": str, "acquired_at": str,
                         "heartbeat_at": str}, pk="name", not_null={"owner", "pid", "host", "acquired_at",
                                                                    "heartbeat_at"})


def _v3_fact_index(db: sqlite_utils.Database) -> None:
    """The search index: `fact_index` holds each active fact's stemmed fields (the store writes them, see
    bot/core/text.py, so questions and index stem alike) under the fact's rowid, and `enable_fts` keeps an FTS5
    index over it with triggers. Databases made before this move their old `facts_fts` rows across."""
    db["fact_index"].create({"id": int, "title": str, "questions": str, "keywords": str, "text": str}, pk="id",
                            not_null={"title", "questions", "keywords", "text"})
    if db["facts_fts"].exists():
        db.execute("INSERT INTO fact_index (id, title, questions, keywords, text) "
                   "SELECT rowid, title, questions, keywords, text FROM facts_fts")
        db.execute("DROP TABLE IF EXISTS facts_vocab")
        db.execute("DROP TABLE facts_fts")
    db["fact_index"].enable_fts(["title", "questions", "keywords", "text"], fts_version="FTS5",
                                tokenize="unicode61", create_triggers=True)
    db.execute("INSERT INTO fact_index_fts (fact_index_fts) VALUES ('rebuild')")
    # sqlite-utils has no call for an fts5vocab table: the document frequencies answering weighs words by.
    db.execute("CREATE VIRTUAL TABLE fact_vocab USING fts5vocab (fact_index_fts, 'row')")


def _v4_server_scope(db: sqlite_utils.Database) -> None:
    """Deadlines for every server reach a server only once its moderators opt in (`reminders network on`). Servers
    that already had a reminder channel were receiving them, so they are migrated as opted in: nothing stops."""
    settings = db["guild_settings"]
    if "network_reminders" not in settings.columns_dict:
        settings.add_column("network_reminders", int, not_null_default=0)
    for row in settings.rows_where("reminder_channel_id IS NOT NULL AND reminder_channel_id != ''"):
        settings.update(row["guild_id"], {"network_reminders": 1})


def _v5_member_limits(db: sqlite_utils.Database) -> None:
    """Limits on what members can make the bot store. A repeated unanswered question is one row per server with a
    count and its last time (duplicates merged, the latest wording kept); one vote per member, fact and server
    (duplicates merged, the latest vote kept, earlier outdated notes folded into it); `logged_at` marks flags
    already posted to the mod-log (flags are posted in batches); `note_log` counts outdated notes for the
    per-member throttle; `gap_retention_days` is how long a server keeps unanswered questions."""
    gaps = db["unanswered"]
    if "times" not in gaps.columns_dict:
        gaps.add_column("times", int, not_null_default=1)
        gaps.add_column("last_asked", str)
    db.execute("UPDATE unanswered SET last_asked = asked_at WHERE last_asked IS NULL")
    groups = db.execute(
        "SELECT guild_id, normalized, count(*), min(asked_at), max(asked_at), sum(times) FROM unanswered"
        " GROUP BY guild_id, normalized HAVING count(*) > 1").fetchall()
    for guild_id, normalized, _, first, last, times in groups:
        keep = db.execute("SELECT id FROM unanswered WHERE guild_id IS ? AND normalized = ? "
                          "ORDER BY asked_at DESC, id DESC LIMIT 1", (guild_id, normalized)).fetchone()[0]
        db.execute("DELETE FROM unanswered WHERE guild_id IS ? AND normalized = ? AND id != ?",
                   (guild_id, normalized, keep))
        gaps.update(keep, {"times": times, "asked_at": first, "last_asked": last})
    gaps.transform(not_null={"last_asked"})
    gaps.create_index(["guild_id", "normalized"], index_name="unanswered_question", unique=True,
                      if_not_exists=True)
    gaps.create_index(["last_asked"], index_name="unanswered_last_asked", if_not_exists=True)

    votes = db["feedback"]
    if "logged_at" not in votes.columns_dict:
        votes.add_column("logged_at", str)
    db.execute("UPDATE feedback SET logged_at = at WHERE logged_at IS NULL")  # posted one by one before batching
    groups = db.execute("SELECT guild_id, fact_id, user_id FROM feedback GROUP BY guild_id, fact_id, user_id"
                        " HAVING count(*) > 1").fetchall()
    for guild_id, fact_id, user_id in groups:
        rows = db.execute("SELECT id, kind, note FROM feedback WHERE guild_id IS ? AND fact_id = ? AND user_id = ?"
                          " ORDER BY at DESC, id DESC", (guild_id, fact_id, user_id)).fetchall()
        keep, kind = rows[0][0], rows[0][1]
        if kind == "outdated":
            notes = list(dict.fromkeys(note for _, k, note in rows if k == "outdated" and note))
            votes.update(keep, {"note": " / ".join(notes)[:1000]})
        db.execute("DELETE FROM feedback WHERE guild_id IS ? AND fact_id = ? AND user_id = ? AND id != ?",
                   (guild_id, fact_id, user_id, keep))
    votes.create_index(["guild_id", "fact_id", "user_id"], index_name="feedback_vote", unique=True,
                       if_not_exists=True)
    votes.create_index(["guild_id", "logged_at"], index_name="feedback_unlogged", if_not_exists=True)

    db["note_log"].create({"id": int, "guild_id": str, "user_id": str, "at": str}, pk="id",
                          not_null={"user_id", "at"}, if_not_exists=True)
    db["note_log"].create_index(["user_id", "guild_id", "at"], index_name="note_log_member", if_not_exists=True)
    if "gap_retention_days" not in db["guild_settings"].columns_dict:
        db["guild_settings"].add_column("gap_retention_days", int)


def _revisions(db: sqlite_utils.Database, table: str, key: str) -> None:
    db[table].create(
        {"id": int, key: str, "rev": int, "action": str, "actor_id": str, "actor_name": str, "at": str,
         "reason": str, "changed": str, "snapshot": str}, pk="id",
        not_null={key, "rev", "action", "actor_id", "actor_name", "at", "reason", "changed", "snapshot"},
        defaults={"reason": "", "changed": "[]"})
    db[table].create_index([key, "rev"], unique=True)


def _v6_other_bodies(db: sqlite_utils.Database) -> None:
    """Courts and bodies the desk does not cover (data/other_bodies.yaml), so answers can say so."""
    db["other_bodies"].create({"id": str, "name": str, "name_fr": str, "aliases": str, "kind": str,
                               "position": int}, pk="id", not_null={"name", "name_fr", "aliases", "kind", "position"},
                              defaults={"aliases": "[]"})


def _v7_french(db: sqlite_utils.Database) -> None:
    """French beside English: a fact's French title, text and example questions (optional), with when its English
    and its French text last changed (a French text older than the English needs review); topics' French names;
    French synonym groups; a second search index over the French fields (the Snowball French stemmer's stems,
    see bot/core/text_fr.py) with its own document frequencies; the language a server's reminders are posted in."""
    facts = db["facts"]
    for name, default in (("title_fr", ""), ("text_fr", ""), ("questions_fr", "[]"), ("text_changed_at", ""),
                          ("text_fr_changed_at", "")):
        if name not in facts.columns_dict:
            facts.add_column(name, str, not_null_default=default)
    db.execute("UPDATE facts SET text_changed_at = updated_at WHERE text_changed_at = ''")
    for name in ("name_fr", "description_fr"):
        if name not in db["topics"].columns_dict:
            db["topics"].add_column(name, str, not_null_default="")
    db["synonyms_fr"].create({"term": str, "grp": int}, pk="term", not_null={"grp"}, if_not_exists=True)
    db["fact_index_fr"].create({"id": int, "title": str, "questions": str, "keywords": str, "text": str}, pk="id",
                               not_null={"title", "questions", "keywords", "text"}, if_not_exists=True)
    db["fact_index_fr"].enable_fts(["title", "questions", "keywords", "text"], fts_version="FTS5",
                                   tokenize="unicode61", create_triggers=True)
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS fact_vocab_fr USING fts5vocab (fact_index_fr_fts, 'row')")
    from bot.core.text_fr import FRENCH  # the facts already stored have no French yet: indexed from their English

    rows = db.execute("SELECT rowid, title, questions, keywords, text FROM facts WHERE status = 'active'").fetchall()
    db["fact_index_fr"].upsert_all([
        {"id": rowid, "title": FRENCH.index_text(title), "questions": FRENCH.index_text(" ".join(json.loads(qs))),
         "keywords": FRENCH.index_text(" ".join(json.loads(kws))), "text": FRENCH.index_text(text)}
        for rowid, title, qs, kws, text in rows], pk="id")
    if "language" not in db["guild_settings"].columns_dict:
        db["guild_settings"].add_column("language", str, not_null_default="en")


def _v8_recurring_deadlines(db: sqlite_utils.Database) -> None:
    """Moderators' tools. Deadlines that repeat: the rule as an iCalendar RRULE (`FREQ=MONTHLY;COUNT=12`), the
    occurrences cancelled (`skip`, a JSON list of their local dates) and those moved (`moved`, JSON: local date ->
    new start)."""
    deadlines = db["deadlines"]
    if "repeat" not in deadlines.columns_dict:
        deadlines.add_column("repeat", str)
    for name, default in (("skip", "[]"), ("moved", "{}")):
        if name not in deadlines.columns_dict:
            deadlines.add_column(name, str, not_null_default=default)
    # members' own reminders (/remind me): one request per member, deadline and offset; the rows sent from it
    # are reminder rows whose guild_id is "user:<member id>" (bot.core.reminders.personal)
    db["personal_reminders"].create({"id": int, "user_id": str, "deadline_id": str, "offset": str, "asked_in": str,
                                     "created_at": str}, pk="id", not_null={"user_id", "deadline_id", "offset",
                                                                            "created_at"}, if_not_exists=True)
    db["personal_reminders"].create_index(["user_id", "deadline_id", "offset"], unique=True, if_not_exists=True)
    db["personal_reminders"].create_index(["deadline_id"], if_not_exists=True)
    # and, for /facts stats, how many questions a server asked each day and how they were answered: counts only,
    # no question text (unanswered ones are kept apart, for their own retention)
    db["question_counts"].create({"guild_id": str, "day": str, "status": str, "n": int},
                                 pk=("guild_id", "day", "status"), not_null={"n"}, defaults={"n": 0},
                                 if_not_exists=True)


def _v9_calendar_feeds(db: sqlite_utils.Database) -> None:
    """Each server's calendar feed address: a random token per server (bot/core/feeds.py), replaced when a
    moderator asks for a new one."""
    db["calendar_feeds"].create({"guild_id": str, "token": str, "created_at": str}, pk="guild_id",
                                not_null={"token", "created_at"}, if_not_exists=True)
    db["calendar_feeds"].create_index(["token"], index_name="calendar_feeds_token", unique=True, if_not_exists=True)


def _v10_fact_readings(db: sqlite_utils.Database) -> None:
    """Each index row keeps what the matcher reads of the fact beyond its stems (bot/core/fact_readings.py). Rows
    indexed before have none: they are read from the fact until the index is written again."""
    for table in ("fact_index", "fact_index_fr"):
        if "readings" not in db[table].columns_dict:
            db[table].add_column("readings", str, not_null_default="")


MIGRATIONS: list[Migration] = [_v1_facts, _v2_deadlines, _v3_fact_index, _v4_server_scope, _v5_member_limits,
                               _v6_other_bodies, _v7_french, _v8_recurring_deadlines, _v9_calendar_feeds,
                               _v10_fact_readings]
