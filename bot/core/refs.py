"""References to a server's channels and roles in command input and output.

Moderators name a channel or role by id or by mention (`#mod-log`, `@Moderators`); replies name them back as
mentions, which Discord shows as names (and, with no pings allowed, never as a ping). One module knows both
spellings, so the command modules cannot disagree and the terminal can turn them back into plain text.
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.models import InputError
from bot.core.registry import Context

NONE_WORDS = frozenset({"none", "off", "no", "-", "clear", "default"})
_REF = re.compile(r"^<?[#@]?[&!]?([A-Za-z0-9_-]{1,32})>?$")


def server_of(ctx: Context) -> str:
    """The server a command runs in; settings commands make no sense in a direct message."""
    if not ctx.guild_id:
        raise InputError("use this command in a server")
    return str(ctx.guild_id)


def parse_ref(value: Any, what: str) -> str | None:
    """A channel or role given as an id or a mention; None for 'none' (and its synonyms)."""
    text = str(value or "").strip()
    if text.lower() in NONE_WORDS:
        return None
    match = _REF.match(text)
    if not match:
        raise InputError(f"{what} {text[:40]!r} is not a {what} id or mention (or none)")
    return match[1]


def channel_ref(channel_id: str | None, none: str = "none") -> str:
    return f"<#{channel_id}>" if channel_id else none


def role_ref(role_id: str | None, none: str = "none") -> str:
    return f"<@&{role_id}>" if role_id else none
