"""`python -m bot data sync [DIR]`: bring reviewed data files into the database, through the same core command as
`/data sync` in the chat and on Discord (there with an exported zip)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.core.desk import Desk


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("data", help="bring reviewed data files into the database")
    sub = parser.add_subparsers(dest="action", required=True)
    sync = sub.add_parser(
        "sync", help="sources, topics, synonyms, facts and deadlines together: prints the plan (what is added, "
        "changed, retired or cancelled), then writes it all or nothing, each change a revision by 'sync'")
    sync.add_argument("dir", nargs="?", help="the data folder (default: --data, or this project's data/)")
    sync.add_argument("--dry-run", action="store_true", help="only print the plan; write nothing")
    sync.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace, desk: Desk) -> int:
    from bot.core import commands
    from bot.core.permissions import Actor
    from bot.core.registry import Context

    ctx = Context(Actor.local(), channel_id="cli")
    reply = commands.run(desk, ctx, "data sync", {"folder": args.dir, "confirm": not args.dry_run})
    if reply.failure == "storage":
        print(reply.fault, file=sys.stderr)
        return int(reply.fault.exit_code)
    print(reply.text, file=sys.stdout if reply.ok else sys.stderr)
    return 0 if reply.ok else 1
