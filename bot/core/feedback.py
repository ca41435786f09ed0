"""What members tell moderators without writing to facts: questions nobody answered, and flags on answers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.db import Database
from bot.core.models import InputError
from bot.core.text import normalize_question
from bot.core.timeutil import to_iso, utcnow

MAX_NOTE = 1000
MAX_LOGGED_QUESTION = 500


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


class FeedbackStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record_unanswered(
        self, question: str, *, guild_id: str | None = None, channel_id: str | None = None, user_id: str | None = None
    ) -> None:
        question = " ".join(question.split())[:MAX_LOGGED_QUESTION]
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO unanswered (question, normalized, asked_at, guild_id, channel_id, user_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (question, normalize_question(question) or question.lower(), to_iso(utcnow()), guild_id, channel_id,
                 user_id),
            )

    def gaps(self, limit: int = 20, guild_id: str | None = None) -> list[Gap]:
        """Unanswered questions grouped by their normalised words, most asked first."""
        where, params = ("WHERE guild_id = ?", (guild_id,)) if guild_id else ("", ())
        rows = self.db.query(
            f"SELECT max(question) AS question, count(*) AS times, max(asked_at) AS last FROM unanswered {where}"
            " GROUP BY normalized ORDER BY times DESC, last DESC LIMIT ?",
            (*params, limit),
        )
        return [Gap(r["question"], r["times"], r["last"]) for r in rows]

    def record_flag(
        self, fact_id: str, kind: str, *, user_id: str, user_name: str, note: str = "", question: str = "",
        guild_id: str | None = None,
    ) -> int:
        if kind not in ("helpful", "outdated"):
            raise InputError("feedback is either helpful or outdated")
        note = " ".join((note or "").split())
        if len(note) > MAX_NOTE:
            raise InputError(f"the note is {len(note)} characters; the limit is {MAX_NOTE}")
        with self.db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO feedback (fact_id, kind, note, question, user_id, user_name, guild_id, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (fact_id, kind, note, question[:MAX_LOGGED_QUESTION], user_id, user_name, guild_id,
                 to_iso(utcnow())),
            )
            return int(cur.lastrowid or 0)

    def flags(self, *, kind: str | None = "outdated", limit: int = 25) -> list[Flag]:
        where, params = ("WHERE kind = ? AND resolved = 0", (kind,)) if kind else ("WHERE resolved = 0", ())
        rows = self.db.query(f"SELECT * FROM feedback {where} ORDER BY at DESC LIMIT ?", (*params, limit))
        return [Flag(r["id"], r["fact_id"], r["kind"], r["note"], r["question"], r["user_name"], r["at"]) for r in rows]

    def counts(self, fact_id: str) -> dict[str, int]:
        rows = self.db.query("SELECT kind, count(*) AS n FROM feedback WHERE fact_id = ? GROUP BY kind", (fact_id,))
        return {r["kind"]: r["n"] for r in rows}
