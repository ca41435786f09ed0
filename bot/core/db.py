"""The SQLite database: connection settings, numbered schema migrations, and online backups.

SQLite holds the live state; `data/` holds the curated files it is seeded from. WAL mode lets readers and the
single writer proceed together, and a busy timeout rides out short lock contention instead of failing.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000

# Each migration runs once, in order, inside the caller's transaction; the applied version is kept in PRAGMA
# user_version. Tables are made with sqlite-utils (`create`, `create_index`, `enable_fts`), so the schema reads as
# data; what it cannot express (an fts5vocab table) stays SQL.
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


def _revisions(db: sqlite_utils.Database, table: str, key: str) -> None:
    db[table].create(
        {"id": int, key: str, "rev": int, "action": str, "actor_id": str, "actor_name": str, "at": str,
         "reason": str, "changed": str, "snapshot": str}, pk="id",
        not_null={key, "rev", "action", "actor_id", "actor_name", "at", "reason", "changed", "snapshot"},
        defaults={"reason": "", "changed": "[]"})
    db[table].create_index([key, "rev"], unique=True)


MIGRATIONS: list[Migration] = [_v1_facts, _v2_deadlines, _v3_fact_index]


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("coalition-desk")) / "desk.db"


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else `BOT_DB`, else a file under the user's data directory."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("BOT_DB")
    return Path(env) if env else default_db_path()


class Database:
    """One SQLite connection shared by the event loop and worker threads; writes are serialised by a lock."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(
            str(self.path), check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
        )
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self._lock = threading.RLock()
        self._depth = 0
        self.migrate()

    @functools.cached_property
    def utils(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for schema changes and writes. Imported on first use: a process
        that only reads (a one-off answer) does not pay for it."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        if self.schema_version >= len(MIGRATIONS):
            return self.schema_version
        with self.transaction():
            current = self.schema_version
            for number, migration in enumerate(MIGRATIONS, start=1):
                if number > current:
                    migration(self.utils)
                    self.conn.execute(f"PRAGMA user_version = {number}")
        return self.schema_version

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, nested calls join the outer transaction; any exception rolls back all."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._depth = 0

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        with self._lock:
            return self.conn.execute(sql, params).fetchone()

    def rows_where(self, table: str, where: str | None = None, params: tuple | dict = (), *,
                   order_by: str | None = None, select: str = "*") -> list[dict[str, Any]]:
        """sqlite-utils' `rows_where` under the connection's lock, as a list of dicts."""
        with self._lock:
            return list(self.utils[table].rows_where(where, params, order_by=order_by, select=select))

    def get_meta(self, key: str) -> str | None:
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.utils["meta"].upsert({"key": key, "value": value}, pk="key")

    def backup(self, target: str | os.PathLike[str]) -> Path:
        """A consistent online copy through SQLite's backup API, safe while the bot keeps writing."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".partial")
        tmp.unlink(missing_ok=True)
        source = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            dest = sqlite3.connect(str(tmp))
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        os.replace(tmp, target)
        return target

    def size_bytes(self) -> int:
        total = 0
        for suffix in ("", "-wal"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                total += p.stat().st_size
        return total

    def close(self) -> None:
        with self._lock:
            self.conn.close()

