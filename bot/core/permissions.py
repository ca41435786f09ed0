"""Who may do what. Adapters describe the person acting as plain data; the core decides, on every call.

A moderator is a member with Manage Server, or with the server's configured moderator role. The Discord UI
also hides moderator commands (default member permissions), but that is a convenience, never the check.

An operator runs the bot itself: the Discord application's owner or team members, the user ids in BOT_OPERATORS,
and whoever sits at the terminal of the local chat or the command line (they hold the machine). Operators alone
publish, change and cancel the deadlines that go to every server; a server's moderators manage only their own
server's. Being an operator gives no rights inside a server: there, operators are members like anyone else.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

OPERATORS_ENV = "BOT_OPERATORS"


class PermissionDenied(PermissionError):
    """Raised by the core when a non-moderator calls a moderator command; nothing has been written."""


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    guild_id: str | None = None
    manage_server: bool = False
    role_ids: frozenset[str] = field(default_factory=frozenset)
    operator: bool = False  # runs the bot (see the module docstring); the adapter says so, the core decides

    @classmethod
    def local(cls) -> Actor:
        """The person at the terminal owns the database file, so the local chat and CLI act as a moderator and
        an operator."""
        try:
            user = getpass.getuser()
        except Exception:
            user = "local"
        return cls(id=f"local:{user}", name=user, manage_server=True, operator=True)

    @classmethod
    def importer(cls) -> Actor:
        return cls(id="import", name="import", manage_server=True, operator=True)


def operators_from_env(environ: Mapping[str, str] | None = None) -> frozenset[str]:
    """The user ids in BOT_OPERATORS (comma-separated), the operators named by whoever runs the bot."""
    raw = (os.environ if environ is None else environ).get(OPERATORS_ENV, "")
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


def is_moderator(actor: Actor, mod_role_id: str | None) -> bool:
    return actor.manage_server or (mod_role_id is not None and mod_role_id in actor.role_ids)


def require_moderator(actor: Actor, mod_role_id: str | None) -> None:
    if not is_moderator(actor, mod_role_id):
        raise PermissionDenied("Only moderators (Manage Server, or the server's moderator role) can do that.")


def require_operator(actor: Actor, refusal: str) -> None:
    if not actor.operator:
        raise PermissionDenied(refusal)
