"""The contract between the dispatcher and whatever posts a reminder, and what the dispatcher tells moderators.

It exists so that an adapter (bot.discord_bot.sender, bot.chat.reminders) and the tests depend on a small contract,
not on the dispatcher: `Sender` and the `SendError` family it raises (the dispatcher retries, waits or gives up
according to the class), `Report` for the mod-log, and the two senders that need no Discord: `RecordingSender`
(tests and the bench; behaves like Discord about nonces) and `ConsoleSender` (the local chat).
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bot.core.timeutil import from_iso, to_iso, utcnow


# --- the Sender the adapters implement ---------------------------------------------------------------------------
class SendError(Exception):
    """A post that did not go out."""


class PermanentSendError(SendError):
    """The channel is gone or the bot may not post there: not retried, reported to the mod-log once."""


class ChannelGone(PermanentSendError):
    pass


class NoPermission(PermanentSendError):
    pass


class RateLimited(SendError):
    def __init__(self, retry_after: float, message: str = "rate limited") -> None:
        super().__init__(message)
        self.retry_after = max(0.0, float(retry_after))


class TransientSendError(SendError):
    """A failure worth retrying with backoff (a 5xx, a timeout, a dropped connection)."""


class Sender(Protocol):
    """Posts a message. The Discord adapter implements it with `channel.send(text, nonce=nonce,
    allowed_mentions=AllowedMentions(everyone=False, users=False, roles=[Object(ping_role_id)] if ping_role_id
    else False))`, so only the configured role can ever be pinged, and maps errors: NotFound -> ChannelGone,
    Forbidden -> NoPermission, HTTPException 429 -> RateLimited(retry_after), 5xx or network -> TransientSendError.
    Returns the message id.

    A sender may also offer `async find_posted(channel_id, text, since) -> message id | None`, which recovery
    uses after a crash to find a post the interrupted send made, once Discord has forgotten the nonce."""

    async def send(self, channel_id: str, text: str, nonce: str, ping_role_id: str | None) -> str: ...


@dataclass
class Post:
    channel_id: str
    text: str
    nonce: str
    ping_role_id: str | None
    message_id: str
    at: str


class RecordingSender:
    """A fake for tests and the bench: records posts (in memory, or in a SQLite file that survives a killed
    process) and, like Discord, returns the first message again for a nonce it has already seen.

    `fail(channel_id, *errors)` queues exceptions to raise for that channel ("*" for any) before succeeding.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, nonce_window: float | None = None) -> None:
        self.path = Path(path) if path else None
        self.nonce_window = nonce_window  # seconds a repeated nonce is dropped (Discord: minutes); None: forever
        self._posts: list[Post] = []
        self._by_nonce: dict[str, Post] = {}
        self.calls = 0
        self.failures: dict[str, deque[BaseException]] = {}
        self.on_send: Callable[[Post], None] | None = None
        if self.path:
            import sqlite3

            self._conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=10)
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, channel_id TEXT, text TEXT, "
                "nonce TEXT UNIQUE, ping_role_id TEXT, at TEXT)")

    def fail(self, channel_id: str, *errors: BaseException) -> None:
        self.failures.setdefault(channel_id, deque()).extend(errors)

    def _remembers(self, at: str) -> bool:
        return self.nonce_window is None or (utcnow() - from_iso(at)).total_seconds() <= self.nonce_window

    async def find_posted(self, channel_id: str, text: str, since: dt.datetime) -> str | None:
        for post in reversed(self.posts):
            if post.channel_id == channel_id and post.text == text and from_iso(post.at) >= since:
                return post.message_id
        return None

    @property
    def posts(self) -> list[Post]:
        if not self.path:
            return list(self._posts)
        rows = self._conn.execute("SELECT id, channel_id, text, nonce, ping_role_id, at FROM posts ORDER BY id")
        return [Post(r[1], r[2], r[3], r[4], str(r[0]), r[5]) for r in rows]

    async def send(self, channel_id: str, text: str, nonce: str, ping_role_id: str | None) -> str:
        self.calls += 1
        for key in (channel_id, "*"):
            queue = self.failures.get(key)
            if queue:
                raise queue.popleft()
        if len(nonce) > 25:
            raise ValueError(f"nonce {nonce!r} is longer than Discord's 25 characters")
        now = to_iso(utcnow())
        if self.path:
            found = self._conn.execute("SELECT id, at FROM posts WHERE nonce = ? ORDER BY id DESC",
                                       (nonce,)).fetchone()
            if found and self._remembers(found[1]):
                return str(found[0])
            cur = self._conn.execute(
                "INSERT INTO posts (channel_id, text, nonce, ping_role_id, at) VALUES (?, ?, ?, ?, ?)",
                (channel_id, text, nonce, ping_role_id, now))
            post = Post(channel_id, text, nonce, ping_role_id, str(cur.lastrowid), now)
        else:
            if nonce in self._by_nonce and self._remembers(self._by_nonce[nonce].at):
                return self._by_nonce[nonce].message_id
            post = Post(channel_id, text, nonce, ping_role_id, str(len(self._posts) + 1), now)
            self._posts.append(post)
            self._by_nonce[nonce] = post
        if self.on_send:
            self.on_send(post)
        return post.message_id


class ConsoleSender:
    """Prints reminders in the local chat as they fire, so running without a token shows the whole loop."""

    def __init__(self, write: Callable[[str], Any] = print, render: Callable[[str], str] | None = None) -> None:
        if render is None:
            from bot.core.render import for_terminal  # as the chat shows them; render imports the answer path

            render = for_terminal
        self.write = write
        self.render = render
        self._seen: dict[str, str] = {}

    async def send(self, channel_id: str, text: str, nonce: str, ping_role_id: str | None) -> str:
        if nonce in self._seen:
            return self._seen[nonce]
        message_id = f"console-{len(self._seen) + 1}"
        self._seen[nonce] = message_id
        self.write(f"\n── posted in channel {channel_id} ──\n{self.render(text)}\n")
        return message_id


# --- what goes to the mod-log ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Report:
    """A message for a server's moderators. `channel_id` is the mod-log channel, or None when none is set (the
    Discord adapter then messages the server owner). kind: missed | channel | failed | lease | digest."""

    guild_id: str | None
    channel_id: str | None
    kind: str
    text: str


ReportHandler = Callable[[Report], Awaitable[None] | None]
