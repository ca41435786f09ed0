"""Running a command by name for any adapter: argument checking, the permission check, and turning the core's
errors into replies, so a bad input or a refused command never reaches an adapter as an exception.
"""

from __future__ import annotations

import logging
import shlex
from typing import Any

from bot.core.commands import (  # noqa: F401  (importing registers the commands)
    config,
    data,
    deadlines,
    fact_review,
    facts,
    remind,
    schedule,
)
from bot.core.desk import Desk
from bot.core.language import detect, normalize_lang
from bot.core.models import InputError
from bot.core.permissions import PermissionDenied
from bot.core.registry import REGISTRY, Command, Context, Reply
from bot.core.storage import StorageError, database_error

log = logging.getLogger(__name__)

SORRY = "Sorry, something went wrong on our side; the moderators can see what in the log. Nothing was changed."
SORRY_FR = ("Désolé, un problème est survenu de notre côté ; les modérateurs peuvent voir lequel dans le journal. "
            "Rien n'a été modifié.")


def sorry(ctx: Context, args: dict[str, Any]) -> str:
    """The apology, in French for a French question (or a French client, when there is no question)."""
    question = args.get("question")
    lang = detect(question, ctx.locale) if isinstance(question, str) else normalize_lang(ctx.locale)
    return SORRY_FR if lang == "fr" else SORRY


def find(name: str) -> Command:
    try:
        return REGISTRY[name]
    except KeyError:
        raise InputError(f"unknown command `{name}`; see /help") from None


def run(desk: Desk, ctx: Context, name: str, args: dict[str, Any] | None = None) -> Reply:
    """Run one command; every failure comes back as an ephemeral Reply with ok=False and nothing written."""
    commits = desk.db.commits
    reply = _run(desk, ctx, name, dict(args or {}))
    if reply.ok and desk.db.commits > commits:  # a write went through: a new storage fault is worth telling again
        desk.fault_notices.clear()
    return reply


def storage_reply(fault: StorageError) -> Reply:
    """A write the disk refused: one sentence for the member, the fault for the adapter to tell moderators (and
    to log: the command line prints it instead)."""
    return Reply(fault.member_text, ok=False, ephemeral=True, failure="storage", fault=fault)


def _run(desk: Desk, ctx: Context, name: str, args: dict[str, Any]) -> Reply:
    try:
        cmd = find(name)
        allowed = {p.name for p in cmd.params}
        unknown = set(args) - allowed
        if unknown:
            takes = ", ".join(sorted(allowed)) or "none"
            raise InputError(f"`{name}` has no option {', '.join(sorted(map(str, unknown)))}; it takes {takes}")
        missing = [p.name for p in cmd.params if p.required and args.get(p.name) in (None, "")]
        if missing:
            raise InputError(f"`{name}` needs {', '.join(missing)}")
        return cmd.func(desk, ctx, **args)
    except PermissionDenied as exc:
        return Reply(str(exc), ok=False, ephemeral=True, failure="permission")
    except InputError as exc:
        return Reply(str(exc), ok=False, ephemeral=True, failure="input")
    except StorageError as exc:
        return storage_reply(exc)
    except Exception as exc:
        fault = database_error(exc, desk.db.path)
        if fault is not None:
            return storage_reply(fault)
        log.exception("command %r failed (guild %s, user %s)", name, ctx.guild_id, ctx.actor.id)
        return Reply(sorry(ctx, args), ok=False, ephemeral=True, failure="internal")


def parse_line(line: str) -> tuple[str, dict[str, str]]:
    """`/fact edit asp24-x text="New text" reason=typo` -> ("fact edit", {...}).

    The longest registered command name that starts the line wins; `key=value` words fill named options and
    the remaining words fill the command's options in order, the last one taking all that is left.
    """
    body = line.strip().lstrip("/")
    try:
        words = shlex.split(body)
    except ValueError as exc:
        raise InputError(f"could not read that command: {exc}") from None
    for size in (3, 2, 1):
        name = " ".join(words[:size])
        if len(words) >= size and name in REGISTRY:
            break
    else:
        raise InputError(f"unknown command `/{' '.join(words[:2])}`; see /help")
    cmd = REGISTRY[name]
    args: dict[str, str] = {}
    positional: list[str] = []
    names = {p.name for p in cmd.params}
    for word in words[size:]:
        key, sep, value = word.partition("=")
        if sep and key in names:
            args[key] = value
        else:
            positional.append(word)
    free = [p.name for p in cmd.params if p.name not in args and not p.named and (p.required or not args)]
    for index, pname in enumerate(free):
        if not positional:
            break
        if index == len(free) - 1:
            args[pname] = " ".join(positional)
            positional = []
        else:
            args[pname] = positional.pop(0)
    if positional:
        raise InputError(f"`{name}` did not expect {' '.join(positional)!r}")
    return name, args
