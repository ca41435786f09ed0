"""Real storage faults for tests: read-only files and folders, unreadable folders, a full disk.

Nothing here mocks the code under test; each fault is made with the mechanism that causes it in real life:

- a read-only file or folder: `chmod 0444` / `chmod 0555`. Tests run as root in CI, and root ignores file modes, so
  as root the in-process helpers use the immutable attribute instead (`chattr +i`, which binds root too), and the
  command line runs under `setpriv` with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped, so the modes apply to
  it as to anyone. Where neither works the test is skipped, saying why.
- an unreadable folder: `chmod 000` (as root: the same `setpriv`).
- a full disk: `PRAGMA max_page_count` on the bot's own connection (SQLite then fails with SQLITE_FULL exactly as
  on a full disk), or for a child process `RLIMIT_FSIZE` with SIGXFSZ ignored (writes past the limit fail).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

AS_ROOT = os.geteuid() == 0
_DROP = "-dac_override,-dac_read_search,-fowner,-linux_immutable"


def _setpriv_works() -> bool:
    if not shutil.which("setpriv"):
        return False
    try:
        return subprocess.run(["setpriv", f"--bounding-set={_DROP}", "--", "true"], timeout=10).returncode == 0
    except OSError:
        return False


def permission_prefix() -> list[str]:
    """What to put before a command so file modes bind it: nothing for a normal user; as root, `setpriv` without
    the capabilities that let root ignore modes. Skips the test when that is impossible here."""
    if not AS_ROOT:
        return []
    if not _setpriv_works():
        pytest.skip("running as root, and setpriv cannot drop CAP_DAC_OVERRIDE here: root ignores file modes, "
                    "so a permission-based fault cannot be made")
    return ["setpriv", f"--bounding-set={_DROP}", "--"]


def _chattr(flag: str, path: Path) -> bool:
    if not shutil.which("chattr"):
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True, timeout=10).returncode == 0


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file (0444) or folder (0555) read-only for this process; as root, immutable (chattr +i)."""
    if AS_ROOT:
        if not _chattr("+i", path):
            pytest.skip("running as root and chattr +i is not supported here: root ignores file modes, so a "
                        "read-only file or folder cannot be made in this process")
        try:
            yield
        finally:
            _chattr("-i", path)
        return
    before = stat.S_IMODE(path.stat().st_mode)
    path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        path.chmod(before)


def fsize_limit(limit: int) -> Callable[[], None]:
    """A `preexec_fn`: files the child writes cannot grow past `limit` bytes, and writing past it fails with
    EFBIG instead of killing the child (SIGXFSZ ignored): a full disk as far as the child can tell."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def fill_database(conn: sqlite3.Connection) -> None:
    """The database cannot grow by a single page any more, and the room left inside its pages is taken too:
    SQLITE_FULL on the next write, however small, whatever room the data happened to leave."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("CREATE TABLE IF NOT EXISTS test_filler (b BLOB)")
        for size in (4096, 512, 64, 8, 1):
            with contextlib.suppress(sqlite3.OperationalError):
                while True:
                    conn.execute("INSERT INTO test_filler VALUES (zeroblob(?))", (size,))
                    conn.commit()


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under `folder` (relative path -> mode, content hash): compare before and after a fault."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found[str(path.relative_to(folder))] = (stat.S_IMODE(path.stat().st_mode),
                                                    hashlib.sha256(path.read_bytes()).hexdigest())
    return found


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def one_sentence(text: str) -> str:
    """The text, asserted to be a single line with no traceback, stripped."""
    text = text.strip()
    assert "Traceback" not in text, text
    assert len(text.splitlines()) == 1, f"expected one line, got: {text!r}"
    return text
