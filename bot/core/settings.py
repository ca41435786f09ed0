"""Per-server configuration, kept in the database and changed only through moderator commands.

Settings are read on every question (cooldown, answer channel, moderator role), so each server's are cached in
memory after the first read and replaced by what was written whenever they change: a lookup never waits for the
database, however busy its writer is. `refresh()` forgets the cache (another process changed the file).
"""

from __future__ import annotations

import functools
import json
import threading
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from bot.core.db import Database
from bot.core.timeutil import to_iso, utcnow

DEFAULT_ZONE = "Europe/Amsterdam"
DEFAULT_OFFSETS = ("14d", "7d", "1d", "2h")


@dataclass
class GuildSettings:
    guild_id: str
    mod_role_id: str | None = None
    reminder_channel_id: str | None = None
    reminder_role_id: str | None = None
    modlog_channel_id: str | None = None
    answer_channel_id: str | None = None
    cooldown_seconds: int = 20
    offsets: list[str] | None = None  # None: DEFAULT_OFFSETS
    digest_day: int | None = None  # 0 = Monday; None: no weekly digest
    digest_hour: int | None = None
    zone: str = DEFAULT_ZONE
    network_reminders: bool = False  # reminders of the deadlines for every server (opt-in: /reminders network)
    updated_at: str = ""
    gap_retention_days: int | None = None  # days unanswered questions are kept; None: feedback.RETENTION_DAYS
    language: str = "en"  # the language reminders and the weekly digest are posted in: en or fr

    @property
    def reminder_offsets(self) -> list[str]:
        return list(self.offsets) if self.offsets else list(DEFAULT_OFFSETS)


_FIELDS = [f.name for f in fields(GuildSettings)]


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._cache: dict[str, GuildSettings] = {}
        self._lock = threading.Lock()

    def get(self, guild_id: str | None) -> GuildSettings:
        """A server's settings (a copy: changing it changes nothing), from memory once read."""
        if guild_id is None:
            return GuildSettings(guild_id="")
        key = str(guild_id)
        if self.db.writing:  # inside a write transaction: what it has written so far, not yet the cache's
            return self._load(key)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._load(key)
            with self._lock:
                cached = self._cache.setdefault(key, cached)
        return replace(cached, offsets=list(cached.offsets) if cached.offsets else cached.offsets)

    def cached(self, guild_id: str) -> bool:
        return str(guild_id) in self._cache

    def refresh(self, guild_id: str | None = None) -> None:
        """Forget what is cached (one server's, or all): the next lookup reads the database."""
        with self._lock:
            if guild_id is None:
                self._cache.clear()
            else:
                self._cache.pop(str(guild_id), None)

    def _load(self, key: str) -> GuildSettings:
        row = self.db.query_one("SELECT * FROM guild_settings WHERE guild_id = ?", (key,))
        if row is None:
            return GuildSettings(guild_id=key)
        data = dict(row)
        data["offsets"] = json.loads(data["offsets"]) if data["offsets"] else None
        data["network_reminders"] = bool(data["network_reminders"])
        return GuildSettings(**{k: data[k] for k in _FIELDS})

    def all(self) -> list[GuildSettings]:
        return [self.get(r["guild_id"]) for r in self.db.query("SELECT guild_id FROM guild_settings ORDER BY guild_id")]

    def update(self, guild_id: str, **changes: Any) -> GuildSettings:
        unknown = set(changes) - set(_FIELDS) - {"guild_id", "updated_at"}
        if unknown:
            raise KeyError(f"unknown setting(s): {', '.join(sorted(map(str, unknown)))}")
        key = str(guild_id)
        with self.db.transaction() as conn:
            current = asdict(self._load(key))
            current.update(changes)
            current["guild_id"] = str(guild_id)
            current["updated_at"] = to_iso(utcnow())
            row = {**current, "offsets": json.dumps(current["offsets"]) if current["offsets"] else None}
            cols = list(row)
            conn.execute(
                f"INSERT INTO guild_settings ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                f"ON CONFLICT(guild_id) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in cols if c != "guild_id"),
                [row[c] for c in cols],
            )
            self.db.after_commit(functools.partial(self.refresh, key))
        return self.get(guild_id)
