"""Files the bot keeps on disk, and what happens when the disk says no.

The database, its -wal/-shm files, backups, exports and calendar files hold members' ids, names, questions and
notes, so the bot creates them readable by its own user only (0600) and the folders it makes for them 0700,
whatever the umask; files and folders someone else made keep their modes. Files for people are written whole or
not at all: to a temporary file in the same folder, renamed over the target, and removed on any failure.

A full disk, a read-only database and an unreadable folder become one `StorageError`: one sentence naming the
file for the operator (the command line, the log), a short sentence for members, and an exit code.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700

EXIT_CODES = {"damaged": 65, "unreadable": 66, "unwritable": 73, "full": 74, "io": 74, "readonly": 77}
MEMBER_TEXT = {
    "full": "Nothing was changed: the bot's disk is full, so it cannot save anything right now; the moderators have "
            "been told.",
    "readonly": "Nothing was changed: the bot's database is read-only right now, so it can answer questions but not "
                "save anything; the moderators have been told.",
}
MEMBER_TEXT_OTHER = "Nothing was changed: the bot could not write to its database; the moderators have been told."
MODLOG_TEXT = {  # why, and what to do about it
    "full": ("its disk is full", "Free some space on the machine that runs the bot."),
    "readonly": ("its database is read-only",
                 "Make the database file (with its -wal and -shm files) and its folder writable for the bot's "
                 "user, then try again."),
}
MODLOG_TEXT_OTHER = ("writing its database failed (an input/output error)",
                     "Check the disk of the machine that runs the bot.")

_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


class StorageError(Exception):
    """A write (or an open) the disk refused. `kind`: full | readonly | unreadable | unwritable | io | damaged."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message

    @property
    def exit_code(self) -> int:
        return EXIT_CODES.get(self.kind, 74)

    @property
    def member_text(self) -> str:
        return MEMBER_TEXT.get(self.kind, MEMBER_TEXT_OTHER)

    def report_text(self, who: str, command: str) -> str:
        """What a server's moderators are told (once): who tried what, why it failed, what to do."""
        why, fix = MODLOG_TEXT.get(self.kind, MODLOG_TEXT_OTHER)
        return (f"{who} tried `/{command}`, but the bot could not save it: {why}. Nothing was changed, and questions "
                f"are still answered. {fix} This is reported once, until saving works again.")


# --- classifying errors ----------------------------------------------------------------------------------------------
def database_error(exc: BaseException, path: str | os.PathLike[str]) -> StorageError | None:
    """The StorageError for an error SQLite (or the OS) raised on the database at `path`; None if it is not one."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.Error):
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if code == sqlite3.SQLITE_FULL:
            return StorageError("full", f"The disk holding the database {path} is full, so nothing was changed.")
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
            return read_only_database(path)
        if code == sqlite3.SQLITE_CANTOPEN:
            return StorageError("unreadable", f"The database {path} cannot be opened: its folder is missing or "
                                              "cannot be read.")
        if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            return StorageError("damaged", f"The file {path} is not a SQLite database or is damaged, so nothing was "
                                           "changed; restore it from a backup or set BOT_DB to another file.")
        if code == sqlite3.SQLITE_IOERR:
            return StorageError("io", f"The database {path} could not be written (the disk may be full or failing), "
                                      "so nothing was changed.")
        return None
    if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
        return StorageError("full", f"The disk holding the database {path} is full, so nothing was changed.")
    return None


def read_only_database(path: str | os.PathLike[str]) -> StorageError:
    return StorageError("readonly", f"The database {path} is read-only, so nothing was changed; commands that only "
                                    "read it still work.")


def file_error(exc: OSError | sqlite3.Error, what: str, path: str | os.PathLike[str]) -> StorageError:
    """The StorageError for writing `what` ("the backup") to `path`."""
    if isinstance(exc, sqlite3.Error):  # SQLite reports ENOSPC as SQLITE_FULL, other failed writes as IOERR
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        kind, reason = {sqlite3.SQLITE_FULL: ("full", "the disk is full"),
                        sqlite3.SQLITE_IOERR: ("io", "the write failed (is the disk full?)")}.get(
            code, ("unwritable", "permission denied"))
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        kind, reason = "full", "the disk is full"
    elif exc.errno == errno.EFBIG:
        kind, reason = "full", "the file size limit was reached"
    elif exc.errno in _DENIED_ERRNOS:
        kind, reason = "unwritable", "permission denied"
    elif exc.errno in (errno.ENOTDIR, errno.ENOENT, errno.EEXIST, errno.EISDIR):
        kind, reason = "unwritable", (exc.strerror or str(exc)).lower()
    else:
        kind, reason = "io", (exc.strerror or str(exc)).lower()
    return StorageError(kind, f"Could not write {what} to {path}: {reason}; nothing was written.")


# --- private folders and whole files ---------------------------------------------------------------------------------
def make_private_dirs(folder: Path) -> None:
    """Create `folder` and any missing parents 0700 (umask or not); folders that exist are left as they are."""
    missing = []
    current = folder
    while not current.exists():
        if current.is_symlink():
            break
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=FOLDER_MODE)
            os.chmod(path, FOLDER_MODE)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))


def create_private_file(path: Path) -> bool:
    """Create `path` empty and 0600 if it does not exist; True if this call made it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return True


def _mode_for(target: Path) -> int:
    """A replaced file keeps the mode its owner gave it; a new one is private."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return FILE_MODE


@contextlib.contextmanager
def staged(target: Path, what: str) -> Iterator[Path]:
    """A temporary file next to `target` to write into; renamed over `target` when the block ends without error,
    removed (with any SQLite journal beside it) when it does not. OS errors become StorageError."""
    tmp = None
    try:
        make_private_dirs(target.parent)
        tmp = _temp_beside(target)
        yield tmp
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise file_error(exc, what, target) from exc
    finally:
        if tmp is not None:
            for leftover in (tmp, *(Path(f"{tmp}{end}") for end in ("-journal", "-wal", "-shm"))):
                with contextlib.suppress(OSError):
                    leftover.unlink()


_counter = iter(range(1 << 62))
_counter_lock = threading.Lock()


def _temp_beside(target: Path) -> Path:
    while True:
        with _counter_lock:
            number = next(_counter)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{number}.tmp")
        if create_private_file(tmp):
            return tmp


def write_private(target: Path, data: bytes, what: str) -> Path:
    """Write `data` to `target` whole or not at all (see `staged`)."""
    with staged(target, what) as tmp:
        _write_all(tmp, data)
    return target


def _write_all(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_all_private(files: dict[Path, bytes], what: str) -> list[Path]:
    """Write several files all or nothing: each is staged beside its target first, then all are renamed."""
    tmps: dict[Path, Path] = {}
    current = next(iter(files), Path("."))
    try:
        for target, data in files.items():
            current = target
            make_private_dirs(target.parent)
            tmps[target] = _temp_beside(target)
            _write_all(tmps[target], data)
            os.chmod(tmps[target], _mode_for(target))
        for target in files:
            current = target
            os.replace(tmps.pop(target), target)
    except OSError as exc:
        raise file_error(exc, what, current) from exc
    finally:
        for tmp in tmps.values():
            with contextlib.suppress(OSError):
                tmp.unlink()
    return list(files)


# --- opening the database --------------------------------------------------------------------------------------------
def check_database_path(path: Path, read_only: bool | None) -> bool:
    """Make sure the database at `path` can be opened, creating its folder (0700) if need be; returns whether it
    must be opened read-only. Raises StorageError with one sentence when it cannot be opened at all."""
    try:
        return _check_database_path(path, read_only)
    except PermissionError as exc:  # a folder on the way cannot be searched: name the first one
        chain = [*reversed(path.parent.parents), path.parent]
        blocked = next((p for p in chain if os.path.exists(p) and not os.access(p, os.X_OK)), path.parent)
        raise StorageError("unreadable", f"The database folder {blocked} cannot be read (permission "
                                         "denied).") from exc


def _check_database_path(path: Path, read_only: bool | None) -> bool:
    folder = path.parent
    if not folder.is_dir():
        if read_only:
            raise StorageError("unreadable", f"The database {path} does not exist.")
        try:
            make_private_dirs(folder)
        except OSError as exc:
            if exc.errno in _FULL_ERRNOS:
                raise file_error(exc, "the database folder", folder) from exc
            raise StorageError("unreadable", f"The database folder {folder} does not exist and cannot be created "
                                             f"({exc.strerror or exc}).") from exc
    if not os.access(folder, os.X_OK):
        raise StorageError("unreadable", f"The database folder {folder} cannot be read (permission denied).")
    exists = path.exists()
    if exists and not os.access(path, os.R_OK):
        raise StorageError("unreadable", f"The database file {path} cannot be read (permission denied).")
    if read_only and not exists:  # asked for read-only: there is nothing to read
        raise StorageError("unreadable", f"The database {path} does not exist.")
    if read_only is None:
        beside = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
        read_only = not (os.access(folder, os.W_OK) and (not exists or os.access(path, os.W_OK))
                         and all(os.access(p, os.W_OK) for p in beside if p.exists()))
        if read_only and not exists:
            raise StorageError("readonly", f"The database {path} does not exist and its folder is read-only, so "
                                           "it cannot be created.")
    return read_only


def connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """Open with SQLite's mode=ro. When the folder is read-only and no -shm index exists (a WAL database closed
    cleanly), SQLite cannot open it that way; then with immutable=1, which is safe because no other process is
    writing it: a writer would have a -wal file there, and the read-only folder keeps one from being made."""
    uri = "file:" + _uri_path(path)
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, isolation_level=None,
                           timeout=timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        wal = Path(f"{path}-wal")
        cannot_index = (exc.sqlite_errorcode & 0xFF) in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY)
        if not cannot_index or (wal.exists() and wal.stat().st_size):
            raise
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False, isolation_level=None,
                           timeout=timeout)


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path.absolute()), safe="/")


class FaultNotices:
    """Which servers were told about which storage fault: each once, until a command writes successfully again."""

    def __init__(self) -> None:
        self._told: set[tuple[str | None, str]] = set()
        self._lock = threading.Lock()

    def first(self, guild_id: str | None, kind: str) -> bool:
        with self._lock:
            if (guild_id, kind) in self._told:
                return False
            self._told.add((guild_id, kind))
            return True

    def clear(self) -> None:
        with self._lock:
            self._told.clear()
