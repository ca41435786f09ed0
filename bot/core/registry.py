"""The one place commands are defined. Each command is a core function taking plain data and returning a Reply;
the Discord client, the local chat and the command line all call the same function, so they cannot drift apart.

Moderator commands check permission inside the function on every call, whatever the adapter showed or hid. A
command registered with `operators=True` also lets the bot's operators past that first check; the function then
decides what they may do (the deadline commands: operators publish for every server, moderators for their own).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.core.permissions import Actor, require_moderator

if TYPE_CHECKING:
    from bot.core.desk import Desk


@dataclass(frozen=True)
class Context:
    """Who is acting and where. Ids are strings so the core never depends on Discord's snowflake type."""

    actor: Actor
    guild_id: str | None = None
    channel_id: str | None = None
    locale: str | None = None  # the asker's client language ("fr", "en-US"): a hint for the reply's language


@dataclass
class Reply:
    text: str
    ok: bool = True
    ephemeral: bool = False
    data: Any = None  # the structured result (Answer, Fact, list of revisions, ...) for richer rendering
    lang: str = "en"  # the language the reply is worded in ("fr" for a French client where the command has French)
    files: list[tuple[str, bytes]] = field(default_factory=list)
    change: str | None = None  # one line for the mod-log when the command changed something
    failure: str | None = None  # when ok is False: "input", "permission", "storage" or "internal" (our fault)
    fault: Any = None  # a bot.core.storage.StorageError the moderators should hear about (once); set with
    # failure="storage", or on a reply that worked but could not keep something (an unanswered question)


@dataclass(frozen=True)
class Param:
    name: str
    help: str
    required: bool = False
    long: bool = False  # free text that may run to paragraphs (a modal paragraph field on Discord)
    named: bool = False  # typed only as name=value in the chat, so the words before it are not taken for it


@dataclass(frozen=True)
class Command:
    name: str  # words separated by spaces: "fact add"
    summary: str
    params: tuple[Param, ...]
    moderator: bool
    func: Callable[..., Reply]


REGISTRY: dict[str, Command] = {}


def command(name: str, summary: str, *params: Param, moderator: bool = False, operators: bool = False) -> Callable:
    def register(func: Callable[..., Reply]) -> Callable[..., Reply]:
        @functools.wraps(func)
        def checked(desk: Desk, ctx: Context, **kwargs: Any) -> Reply:
            if moderator and not (operators and ctx.actor.operator):
                require_moderator(ctx.actor, desk.settings.get(ctx.guild_id).mod_role_id)
            return func(desk, ctx, **kwargs)

        if name in REGISTRY:
            raise RuntimeError(f"command {name!r} defined twice")
        REGISTRY[name] = Command(name, summary, tuple(params), moderator, checked)
        return checked

    return register
