"""What members tell moderators without writing to facts: questions nobody answered, and votes on answers.

All of it belongs to the server it came from (`guild_id`; None for a direct message or the command line), and
moderators see only their own server's. Members cannot make it grow without bound: a repeated question is one
row with a count and its last time, rows older than the server's retention are dropped and a server keeps at most
MAX_GAPS; a member has one vote per fact per server (a new vote replaces the old one); and a member may send at
most NOTE_LIMIT outdated notes per NOTE_WINDOW in a server. Flags reach the mod-log in batches: `take_flag_batch`
hands out what is waiting at most once per FLAG_BATCH_WINDOW per server.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.core.db import Database
from bot.core.models import InputError
from bot.core.text import normalize_question
from bot.core.timeutil import from_iso, to_iso, utcnow

MAX_NOTE = 1000
MAX_LOGGED_QUESTION = 500
RETENTION_DAYS = 90  # unanswered questions kept this long after they were last asked, unless a server sets its own
MAX_RETENTION_DAYS = 3650
MAX_GAPS = 1000  # unanswered questions kept per server; beyond it the least asked, oldest go first
NOTE_LIMIT = 3  # outdated notes a member may send ...
NOTE_WINDOW = dt.timedelta(hours=1)  # ... within this window, per server
FLAG_BATCH_WINDOW = dt.timedelta(minutes=5)  # at most one mod-log post of flags per server in this window
_FLAGS_POSTED = "flags_posted:"  # meta key prefix: when a server's last batch of flags was handed out


class NoteThrottled(InputError):
    """A member sent NOTE_LIMIT outdated notes within NOTE_WINDOW; nothing was stored."""


@dataclass(frozen=True)
class Gap:
    question: str
    times: int
    last_asked: str


@dataclass(frozen=True)
class Flag:
    id: int
    fact_id: str
    kind: str
    note: str
    question: str
    user_name: str
    at: str
    user_id: str = ""


@dataclass(frozen=True)
class Vote:
    """A member's vote as stored, and what it replaced (None: their first vote on this fact here)."""

    kind: str
    previous: str | None

    @property
    def changed(self) -> bool:
        return self.previous is not None and self.previous != self.kind


@dataclass(frozen=True)
class FlagBatch:
    """Flags to post now (marked as posted), or none and when the waiting ones may go (None: nothing waits)."""

    flags: list[Flag]
    due: dt.datetime | None = None


def _flag(row: object) -> Flag:
    r = dict(row)  # type: ignore[call-overload]
    return Flag(r["id"], r["fact_id"], r["kind"], r["note"], r["question"], r["user_name"], r["at"], r["user_id"])


class FeedbackStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- unanswered questions --------------------------------------------------------------------------------
    def record_unanswered(
        self, question: str, *, guild_id: str | None = None, channel_id: str | None = None,
        user_id: str | None = None, now: dt.datetime | None = None,
    ) -> None:
        """Keep a question nobody could answer: a repeat (same normalised words, same server) adds to its count."""
        now = now or utcnow()
        question = " ".join(question.split())[:MAX_LOGGED_QUESTION]
        normalized = normalize_question(question) or question.lower()
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id FROM unanswered WHERE guild_id IS ? AND normalized = ?",
                               (guild_id, normalized)).fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO unanswered (question, normalized, asked_at, last_asked, times, guild_id, channel_id,"
                    " user_id) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
                    (question, normalized, to_iso(now), to_iso(now), guild_id, channel_id, user_id))
            else:
                conn.execute("UPDATE unanswered SET times = times + 1, last_asked = ?, question = ?, channel_id = ?,"
                             " user_id = ? WHERE id = ?", (to_iso(now), question, channel_id, user_id, row["id"]))
            self.prune_unanswered(now)

    def retention_days(self, guild_id: str | None) -> int:
        row = self.db.query_one("SELECT gap_retention_days FROM guild_settings WHERE guild_id = ?", (guild_id,))
        return int(row[0]) if row is not None and row[0] else RETENTION_DAYS

    def prune_unanswered(self, now: dt.datetime | None = None, guild_id: str | None = None) -> int:
        """Drop questions last asked before each server's retention period (only `guild_id`'s when given), and
        the least asked beyond MAX_GAPS per server. Returns how many rows went."""
        now = now or utcnow()
        with self.db.transaction() as conn:
            scopes = [guild_id] if guild_id else [
                r[0] for r in conn.execute("SELECT DISTINCT guild_id FROM unanswered").fetchall()]
            before = conn.total_changes
            for scope in scopes:
                cutoff = now - dt.timedelta(days=self.retention_days(scope))
                conn.execute("DELETE FROM unanswered WHERE guild_id IS ? AND last_asked < ?", (scope, to_iso(cutoff)))
                conn.execute("DELETE FROM unanswered WHERE guild_id IS ? AND id NOT IN (SELECT id FROM unanswered"
                             " WHERE guild_id IS ? ORDER BY times DESC, last_asked DESC, id DESC LIMIT ?)",
                             (scope, scope, MAX_GAPS))
            return conn.total_changes - before

    def gaps(self, limit: int = 20, guild_id: str | None = None) -> list[Gap]:
        """One server's unanswered questions within its retention, most asked first (a read: expired rows are
        deleted by `prune_unanswered`, on every new question and daily). Without `guild_id`: every server's
        together, for the command line and tests; commands always pass the caller's server."""
        where, params = "", ()
        if guild_id is not None:
            cutoff = utcnow() - dt.timedelta(days=self.retention_days(guild_id))
            where, params = "WHERE guild_id = ? AND last_asked >= ?", (guild_id, to_iso(cutoff))
        rows = self.db.query(
            "SELECT max(question) AS question, sum(times) AS times, max(last_asked) AS last FROM unanswered"
            f" {where} GROUP BY normalized ORDER BY times DESC, last DESC LIMIT ?", (*params, limit))
        return [Gap(r["question"], r["times"], r["last"]) for r in rows]

    # --- votes and flags -------------------------------------------------------------------------------------
    def record_flag(
        self, fact_id: str, kind: str, *, user_id: str, user_name: str, note: str = "", question: str = "",
        guild_id: str | None = None, now: dt.datetime | None = None,
    ) -> Vote:
        """Store a member's vote on a fact in a server, replacing their earlier one. An outdated vote (with or
        without a note) counts against NOTE_LIMIT; over it, NoteThrottled is raised and nothing is stored."""
        if kind not in ("helpful", "outdated"):
            raise InputError("feedback is either helpful or outdated")
        note = " ".join((note or "").split())
        if len(note) > MAX_NOTE:
            raise InputError(f"the note is {len(note)} characters; the limit is {MAX_NOTE}")
        now = now or utcnow()
        at = to_iso(now)
        with self.db.transaction() as conn:
            row = conn.execute("SELECT id, kind FROM feedback WHERE guild_id IS ? AND fact_id = ? AND user_id = ?",
                               (guild_id, fact_id, user_id)).fetchone()
            previous = row["kind"] if row is not None else None
            if kind == "helpful" and previous == "helpful":
                return Vote(kind, previous)
            if kind == "outdated":
                since = to_iso(now - NOTE_WINDOW)
                sent = conn.execute("SELECT count(*) FROM note_log WHERE user_id = ? AND guild_id IS ? AND at > ?",
                                    (user_id, guild_id, since)).fetchone()[0]
                if sent >= NOTE_LIMIT:
                    raise NoteThrottled(
                        f"You have sent {sent} outdated-or-wrong notes in the last hour, the most one member can "
                        "send, so this one was not stored; please try again later.")
                conn.execute("DELETE FROM note_log WHERE at <= ?", (since,))
                conn.execute("INSERT INTO note_log (guild_id, user_id, at) VALUES (?, ?, ?)", (guild_id, user_id, at))
            values = (kind, note if kind == "outdated" else "", question[:MAX_LOGGED_QUESTION], user_name, at,
                      None if kind == "outdated" else at)
            if row is None:
                conn.execute("INSERT INTO feedback (kind, note, question, user_name, at, logged_at, resolved, fact_id,"
                             " user_id, guild_id) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                             (*values, fact_id, user_id, guild_id))
            else:
                conn.execute("UPDATE feedback SET kind = ?, note = ?, question = ?, user_name = ?, at = ?,"
                             " logged_at = ?, resolved = 0 WHERE id = ?", (*values, row["id"]))
            return Vote(kind, previous)

    def flags(self, *, kind: str | None = "outdated", limit: int = 25, guild_id: str | None = None) -> list[Flag]:
        """Open flags, newest first: one server's, or (without `guild_id`) every server's for the command line."""
        clauses, params = ["resolved = 0"], []
        if kind:
            clauses.append("kind = ?")
            params.append(kind)
        if guild_id is not None:
            clauses.append("guild_id = ?")
            params.append(guild_id)
        rows = self.db.query(f"SELECT * FROM feedback WHERE {' AND '.join(clauses)} ORDER BY at DESC, id DESC"
                             " LIMIT ?", (*params, limit))
        return [_flag(r) for r in rows]

    def counts(self, fact_id: str, guild_id: str | None = None) -> dict[str, int]:
        where, params = ("AND guild_id = ?", (guild_id,)) if guild_id is not None else ("", ())
        rows = self.db.query(f"SELECT kind, count(*) AS n FROM feedback WHERE fact_id = ? {where} GROUP BY kind",
                             (fact_id, *params))
        return {r["kind"]: r["n"] for r in rows}

    # --- flags to the mod-log, in batches --------------------------------------------------------------------
    def take_flag_batch(self, guild_id: str, now: dt.datetime,
                        window: dt.timedelta = FLAG_BATCH_WINDOW) -> FlagBatch:
        """The server's flags not yet on the mod-log, marked as posted, if its last batch is `window` old or
        there was none; otherwise nothing, and the moment the waiting flags may go."""
        with self.db.transaction() as conn:
            rows = conn.execute("SELECT * FROM feedback WHERE guild_id = ? AND kind = 'outdated' AND resolved = 0"
                                " AND logged_at IS NULL ORDER BY at, id", (guild_id,)).fetchall()
            if not rows:
                return FlagBatch([])
            last = conn.execute("SELECT value FROM meta WHERE key = ?", (_FLAGS_POSTED + guild_id,)).fetchone()
            if last is not None and now < from_iso(last[0]) + window:
                return FlagBatch([], from_iso(last[0]) + window)
            conn.executemany("UPDATE feedback SET logged_at = ? WHERE id = ?", [(to_iso(now), r["id"]) for r in rows])
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                         "excluded.value", (_FLAGS_POSTED + guild_id, to_iso(now)))
            return FlagBatch([_flag(r) for r in rows])

    def guilds_with_waiting_flags(self) -> list[str]:
        rows = self.db.query("SELECT DISTINCT guild_id FROM feedback WHERE kind = 'outdated' AND resolved = 0"
                             " AND logged_at IS NULL AND guild_id IS NOT NULL ORDER BY guild_id")
        return [r[0] for r in rows]
