"""The SQLite database: connection settings, numbered schema migrations, and online backups.

SQLite holds the live state; `data/` holds the curated files it is seeded from. WAL mode lets readers and the
single writer proceed together, and a busy timeout rides out short lock contention instead of failing. So reads
never queue behind a write: every thread reads through a connection of its own (opened on its first read, see
`Database.reader`), while all writes go through the one writer connection, one transaction at a time. The thread
inside a write transaction reads through the writer, so it sees what it has written.

A database the bot cannot write (a read-only file or folder) is opened read-only, without switching its journal
mode or migrating it: reading works, every write is refused with one sentence. Errors from the disk (full,
read-only, unreadable) come out of `Database` as `bot.core.storage.StorageError`, after the transaction was rolled
back, so nothing is half-written. New files are created 0600 and new folders 0700 (bot.core.storage).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import platformdirs

from bot.core import storage
from bot.core.schema import MIGRATIONS
from bot.core.storage import StorageError

if TYPE_CHECKING:
    import sqlite_utils

CLOSE_WAIT_SECONDS = 10  # how long close() lets queries already running finish
BUSY_TIMEOUT_MS = 5000
LATER_MAX = 10_000  # deferred bookkeeping writes kept while the writer is busy

log = logging.getLogger(__name__)
T = TypeVar("T")

def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("coalition-desk")) / "desk.db"


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH`, else `BOT_DB`, else a file under the user's data directory."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("BOT_DB")
    return Path(env) if env else default_db_path()


class Database:
    """One writer connection, used under a lock one transaction at a time, and a reader connection per thread."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool | None = None) -> None:
        """read_only: None decides from the file and folder permissions; True opens with SQLite's mode=ro."""
        self.path = Path(path)
        self.read_only = bool(read_only)
        self.commits = 0  # successful write transactions: how the commands tell that a write went through
        self._lock = threading.RLock()
        self._depth = 0
        self._writer_thread: int | None = None  # the thread inside the write transaction
        self._after_commit: list[Callable[[], None]] = []
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._idle = threading.Condition(self._readers_lock)  # no reader is inside a query
        self._reading = 0
        self._closed = False
        self._later: queue.Queue[Callable[[], Any] | None] | None = None  # write_soon's, while the writer is busy
        memory = str(self.path) == ":memory:"
        self._shared = memory  # an in-memory database exists only on its one connection
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

    def _open_reader(self) -> sqlite3.Connection:
        timeout = BUSY_TIMEOUT_MS / 1000
        if self.read_only:
            conn = storage.connect_read_only(self.path, timeout)
        else:
            conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None, timeout=timeout)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
        return conn

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        """The connection this thread reads through: its own (WAL: it never waits for the writer), or the writer's
        when this thread is inside a write transaction (or the database lives in memory)."""
        if self._shared or self.writing:
            with self._lock:
                yield self.conn
            return
        conn = getattr(self._local, "conn", None)
        with self._readers_lock:
            if self._closed:
                raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
            if conn is None:
                try:
                    conn = self._open_reader()
                except sqlite3.Error as exc:
                    fault = storage.database_error(exc, self.path)
                    if fault is None:
                        raise
                    raise fault from exc
                self._readers.append(conn)
                self._local.conn = conn
            self._reading += 1  # close() waits for these: closing a connection mid-query can crash the process
        try:
            yield conn
        finally:
            with self._readers_lock:
                self._reading -= 1
                if not self._reading:
                    self._idle.notify_all()

    def write_soon(self, write: Callable[[], T]) -> T | None:
        """Run `write` (which opens its own transaction) now if the writer is free, and return what it returns;
        otherwise hand it to a background thread that runs it once the writer is (after an import, say) and
        return None. For bookkeeping a reply need not wait for; a failure there is logged."""
        if self._lock.acquire(blocking=False):
            try:
                return write()
            finally:
                self._lock.release()
        with self._readers_lock:
            if self._later is None:
                self._later = queue.Queue(maxsize=LATER_MAX)
                threading.Thread(target=self._write_later, name="desk-write-later", daemon=True).start()
        try:
            self._later.put_nowait(write)
        except queue.Full:
            log.warning("dropped a deferred write to %s: %d are already waiting", self.path, LATER_MAX)
        return None

    def _write_later(self) -> None:
        assert self._later is not None
        while (write := self._later.get()) is not None:
            try:
                write()
            except Exception:
                log.exception("a deferred write to %s failed", self.path)
            finally:
                self._later.task_done()
        self._later.task_done()

    @property
    def writing(self) -> bool:
        """True on the thread inside a write transaction."""
        return self._writer_thread == threading.get_ident()

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the current write transaction has committed (at once outside one; never after a
        rollback): caches that other threads rebuild from their own connections must not see a change before
        those connections can."""
        if self._depth and self.writing:
            self._after_commit.append(callback)
        else:
            callback()

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
            self._writer_thread = threading.get_ident()
            try:
                yield self.conn
                self.conn.execute("COMMIT")
                self.commits += 1
                callbacks, self._after_commit = self._after_commit, []
                self._writer_thread = None
                for callback in callbacks:
                    callback()
            except BaseException as exc:
                self._after_commit = []
                if self.conn.in_transaction:  # SQLite may already have rolled back (SQLITE_FULL can do that)
                    self.conn.execute("ROLLBACK")
                fault = storage.database_error(exc, self.path) if isinstance(exc, Exception) else None
                if fault is not None and fault is not exc:
                    raise fault from exc
                raise
            finally:
                self._depth = 0
                self._writer_thread = None

    def optimize_search(self, *indexes: str) -> None:
        """Merge each FTS5 index into one segment. Row by row writes (a seed, an import) leave an index in many
        pieces, and every search reads them all: on the shipped facts a question's search takes a third of the
        time once merged. Joins the caller's transaction."""
        with self.transaction() as conn:
            for index in indexes:
                conn.execute(f"INSERT INTO [{index}] ([{index}]) VALUES ('optimize')")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self.reader() as conn:
            return conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        with self.reader() as conn:
            cursor = conn.execute(sql, params)
            try:
                return cursor.fetchone()
            finally:
                cursor.close()  # an open cursor would hold this reader's snapshot

    def rows_where(self, table: str, where: str | None = None, params: tuple | dict = (), *,
                   order_by: str | None = None, select: str = "*") -> list[dict[str, Any]]:
        """Rows of `table` as dicts, what sqlite-utils' `rows_where` gives, through this thread's reader."""
        sql = f"SELECT {select} FROM [{table}]"
        if where is not None:
            sql += f" WHERE {where}"
        if order_by is not None:
            sql += f" ORDER BY {order_by}"
        return [dict(row) for row in self.query(sql, params)]

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
        if self._later is not None:  # what was deferred still lands
            self._later.put(None)
            self._later.join()
            self._later = None
        with self._idle:
            self._closed = True
            self._idle.wait_for(lambda: not self._reading, timeout=CLOSE_WAIT_SECONDS)
            for conn in self._readers:
                conn.close()
            self._readers.clear()
        with self._lock:
            self.conn.close()

