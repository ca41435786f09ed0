"""Per-server configuration, kept in the database and changed only through moderator commands."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
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

    @property
    def reminder_offsets(self) -> list[str]:
        return list(self.offsets) if self.offsets else list(DEFAULT_OFFSETS)


_FIELDS = [f.name for f in fields(GuildSettings)]


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, guild_id: str | None) -> GuildSettings:
        if guild_id is None:
            return GuildSettings(guild_id="")
        row = self.db.query_one("SELECT * FROM guild_settings WHERE guild_id = ?", (str(guild_id),))
        if row is None:
            return GuildSettings(guild_id=str(guild_id))
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
        with self.db.transaction() as conn:
            current = asdict(self.get(guild_id))
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
        return self.get(guild_id)
