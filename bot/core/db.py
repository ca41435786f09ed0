"""The SQLite database: connection settings, numbered schema migrations, and online backups.

SQLite holds the live state; `data/` holds the curated files it is seeded from. WAL mode lets readers and the
single writer proceed together, and a busy timeout rides out short lock contention instead of failing.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
import sqlite_utils

BUSY_TIMEOUT_MS = 5000

# Each migration runs once, in order, inside a transaction; the applied version is kept in PRAGMA user_version.
MIGRATIONS: list[str] = [
    # 1: facts, their revisions and search; questions nobody answered; member feedback; server settings.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sources (
        id TEXT PRIMARY KEY, publisher TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL, url TEXT
    );
    CREATE TABLE topics (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL
    );
    CREATE TABLE facts (
        id TEXT PRIMARY KEY,
        topic TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        sources TEXT NOT NULL,
        as_of TEXT NOT NULL,
        review_by TEXT,
        questions TEXT NOT NULL DEFAULT '[]',
        keywords TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        rev INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX facts_topic ON facts (topic, status);
    CREATE TABLE fact_revisions (
        id INTEGER PRIMARY KEY,
        fact_id TEXT NOT NULL,
        rev INTEGER NOT NULL,
        action TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        changed TEXT NOT NULL DEFAULT '[]',
        snapshot TEXT NOT NULL,
        UNIQUE (fact_id, rev)
    );
    CREATE TABLE synonyms (term TEXT PRIMARY KEY, grp INTEGER NOT NULL);
    CREATE TABLE unanswered (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        normalized TEXT NOT NULL,
        asked_at TEXT NOT NULL,
        guild_id TEXT,
        channel_id TEXT,
        user_id TEXT
    );
    CREATE INDEX unanswered_normalized ON unanswered (normalized);
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        fact_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('helpful', 'outdated')),
        note TEXT NOT NULL DEFAULT '',
        question TEXT NOT NULL DEFAULT '',
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        guild_id TEXT,
        at TEXT NOT NULL,
        resolved INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX feedback_fact ON feedback (fact_id);
    CREATE TABLE guild_settings (
        guild_id TEXT PRIMARY KEY,
        mod_role_id TEXT,
        reminder_channel_id TEXT,
        reminder_role_id TEXT,
        modlog_channel_id TEXT,
        answer_channel_id TEXT,
        cooldown_seconds INTEGER NOT NULL DEFAULT 20,
        offsets TEXT,
        digest_day INTEGER,
        digest_hour INTEGER,
        zone TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
        updated_at TEXT NOT NULL
    );
    -- The store writes stemmed text here itself (see bot/text.py), so queries and index stem alike.
    CREATE VIRTUAL TABLE facts_fts USING fts5 (title, questions, keywords, text, tokenize='unicode61');
    CREATE VIRTUAL TABLE facts_vocab USING fts5vocab (facts_fts, 'row');
    """,
    # 2: deadlines with revisions, the reminders derived from them (the record of what is sent), and leases.
    """
    CREATE TABLE deadlines (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        start_utc TEXT NOT NULL,
        end_utc TEXT,
        zone TEXT NOT NULL,
        all_day INTEGER NOT NULL DEFAULT 0,
        description TEXT NOT NULL DEFAULT '',
        link TEXT,
        sources TEXT NOT NULL DEFAULT '[]',
        guild_id TEXT,
        offsets TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        rev INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX deadlines_start ON deadlines (status, start_utc);
    CREATE TABLE deadline_revisions (
        id INTEGER PRIMARY KEY,
        deadline_id TEXT NOT NULL,
        rev INTEGER NOT NULL,
        action TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        changed TEXT NOT NULL DEFAULT '[]',
        snapshot TEXT NOT NULL,
        UNIQUE (deadline_id, rev)
    );
    CREATE TABLE reminders (
        id INTEGER PRIMARY KEY,
        deadline_id TEXT NOT NULL,
        guild_id TEXT NOT NULL,
        offset TEXT NOT NULL,
        due_utc TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_utc TEXT,
        claimed_at TEXT,
        sent_at TEXT,
        channel_id TEXT,
        message_id TEXT,
        late INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        UNIQUE (deadline_id, guild_id, offset)
    );
    CREATE INDEX reminders_due ON reminders (state, due_utc);
    CREATE TABLE leases (
        name TEXT PRIMARY KEY, owner TEXT NOT NULL, pid INTEGER NOT NULL, host TEXT NOT NULL,
        acquired_at TEXT NOT NULL, heartbeat_at TEXT NOT NULL
    );
    """,
]


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
        self.db = sqlite_utils.Database(self.conn)
        self._lock = threading.RLock()
        self._depth = 0
        self.migrate()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        with self.transaction():
            current = self.schema_version
            for number, script in enumerate(MIGRATIONS, start=1):
                if number > current:
                    for statement in _split_sql(script):
                        self.conn.execute(statement)
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

    def get_meta(self, key: str) -> str | None:
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

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


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (which contain semicolons) whole."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
