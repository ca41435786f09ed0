"""Who may do what. Adapters describe the person acting as plain data; the core decides, on every call.

A moderator is a member with Manage Server, or with the server's configured moderator role. The Discord UI
also hides moderator commands (default member permissions), but that is a convenience, never the check.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field


class PermissionDenied(PermissionError):
    """Raised by the core when a non-moderator calls a moderator command; nothing has been written."""


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    guild_id: str | None = None
    manage_server: bool = False
    role_ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def local(cls) -> Actor:
        """The person at the terminal owns the database file, so the local chat and CLI act as a moderator."""
        try:
            user = getpass.getuser()
        except Exception:
            user = "local"
        return cls(id=f"local:{user}", name=user, manage_server=True)

    @classmethod
    def importer(cls) -> Actor:
        return cls(id="import", name="import", manage_server=True)


def is_moderator(actor: Actor, mod_role_id: str | None) -> bool:
    return actor.manage_server or (mod_role_id is not None and mod_role_id in actor.role_ids)


def require_moderator(actor: Actor, mod_role_id: str | None) -> None:
    if not is_moderator(actor, mod_role_id):
        raise PermissionDenied("Only moderators (Manage Server, or the server's moderator role) can do that.")
