"""The SQLite database: connection settings, numbered schema migrations, and online backups.

SQLite holds the live state; `data/` holds the curated files it is seeded from. WAL mode lets readers and the
single writer proceed together, and a busy timeout rides out short lock contention instead of failing.

A database the bot cannot write (a read-only file or folder) is opened read-only, without switching its journal
mode or migrating it: reading works, every write is refused with one sentence. Errors from the disk (full,
read-only, unreadable) come out of `Database` as `bot.core.storage.StorageError`, after the transaction was rolled
back, so nothing is half-written. New files are created 0600 and new folders 0700 (bot.core.storage).
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from bot.core import storage
from bot.core.schema import MIGRATIONS
from bot.core.storage import StorageError

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000

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

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool | None = None) -> None:
        """read_only: None decides from the file and folder permissions; True opens with SQLite's mode=ro."""
        self.path = Path(path)
        self.read_only = bool(read_only)
        self.commits = 0  # successful write transactions: how the commands tell that a write went through
        self._lock = threading.RLock()
        self._depth = 0
        memory = str(self.path) == ":memory:"
        if not memory:
            self.read_only = storage.check_database_path(self.path, read_only)
        try:
            self._connect(memory)
            self.migrate()
        except Exception as exc:
            fault = storage.database_error(exc, self.path)
            if fault is None:
                raise
            with contextlib.suppress(Exception):
                self.conn.close()
            raise fault from exc

    def _connect(self, memory: bool) -> None:
        timeout = BUSY_TIMEOUT_MS / 1000
        if self.read_only:
            self.conn = storage.connect_read_only(self.path, timeout)
        else:
            if not memory:
                storage.create_private_file(self.path)  # SQLite gives its -wal and -shm files the same mode
            self.conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None,
                                        timeout=timeout)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self.read_only:
            self.conn.execute("PRAGMA query_only = ON")
        else:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")

    @property
    def writable(self) -> bool:
        return not self.read_only

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
        if self.read_only:
            raise StorageError("readonly", f"The database {self.path} is read-only and needs setting up or "
                                           f"upgrading (schema {self.schema_version} of {len(MIGRATIONS)}), so it "
                                           "cannot be used until it is writable.")
        with self.transaction():
            current = self.schema_version
            for number, migration in enumerate(MIGRATIONS, start=1):
                if number > current:
                    migration(self.utils)
                    self.conn.execute(f"PRAGMA user_version = {number}")
        return self.schema_version

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, nested calls join the outer transaction; any exception rolls back all.

        A read-only database refuses here, before anything is tried; a disk error (full, read-only, I/O) rolls
        back and comes out as StorageError."""
        if self.read_only:
            raise storage.read_only_database(self.path)
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                fault = storage.database_error(exc, self.path)
                if fault is None:
                    raise
                raise fault from exc
            self._depth = 1
            try:
                yield self.conn
                self.conn.execute("COMMIT")
                self.commits += 1
            except BaseException as exc:
                if self.conn.in_transaction:  # SQLite may already have rolled back (SQLITE_FULL can do that)
                    self.conn.execute("ROLLBACK")
                fault = storage.database_error(exc, self.path) if isinstance(exc, Exception) else None
                if fault is not None and fault is not exc:
                    raise fault from exc
                raise
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
        """A consistent online copy through SQLite's backup API, safe while the bot keeps writing. It is written
        to a temporary file beside `target` (0600) and renamed over it, so a failure (a full disk) leaves nothing;
        the failure is a StorageError."""
        target = Path(target)
        with storage.staged(target, "the backup") as tmp:
            try:
                if self.read_only:  # our own connection can read it; another one might not be able to open it
                    with self._lock:
                        self._copy(self.conn, tmp)
                else:
                    source = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000)
                    try:
                        self._copy(source, tmp)
                    finally:
                        source.close()
            except sqlite3.Error as exc:
                raise storage.file_error(exc, "the backup", target) from exc
        return target

    @staticmethod
    def _copy(source: sqlite3.Connection, tmp: Path) -> None:
        dest = sqlite3.connect(str(tmp))
        try:
            source.backup(dest)
        finally:
            dest.close()

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

