"""`python -m bot deadlines ...`: the deadline list and the .ics file from the command line, same core as the bot."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.deadlines.model import CALENDAR_FILE, KIND_LABELS
from bot.core.settings import DEFAULT_OFFSETS
from bot.core.timeutil import utcnow

if TYPE_CHECKING:
    from bot.core.desk import Desk


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser("deadlines", help="upcoming deadlines and the calendar file")
    sub = parser.add_subparsers(dest="action", required=True)
    lst = sub.add_parser("list", help="upcoming deadlines, soonest first")
    lst.add_argument("--days", type=int, default=30, help="how many days ahead (default 30)")
    lst.add_argument("--guild", help="only what this server sees (its own and the all-server deadlines)")
    lst.set_defaults(func=run)
    cal = sub.add_parser("ics", help="write an .ics calendar with every upcoming deadline and its alarms")
    cal.add_argument("path", nargs="?", default=CALENDAR_FILE, help=f"where to write it (default {CALENDAR_FILE})")
    cal.add_argument("--guild", help="only what this server sees, with its reminder offsets as alarms")
    cal.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace, desk: Desk) -> int:
    guild = getattr(args, "guild", None)
    now = utcnow()
    if args.action == "list":
        if args.days < 1:
            print("--days must be 1 or more", file=sys.stderr)
            return 2
        found = desk.deadlines.upcoming(now, args.days, guild)
        if not found:
            print(f"Nothing in the next {args.days} days.")
            return 0
        for d in found:
            when = d.start_when().reading()
            if d.end_when():
                when += f" to {d.end_when().reading()}"  # type: ignore[union-attr]
            scope = f" [server {d.guild_id}]" if d.guild_id else ""
            print(f"{d.id:<32} {KIND_LABELS.get(d.kind, d.kind):<18} {when}{scope}\n{'':<32} {d.title}")
        return 0
    if args.action == "ics":
        found = desk.deadlines.upcoming(now, None, guild)
        offsets = desk.settings.get(guild).reminder_offsets if guild else list(DEFAULT_OFFSETS)
        path = Path(args.path)
        from bot.core import ics  # icalendar is loaded only when a calendar is made
        from bot.core.storage import write_private

        write_private(path, ics.build_calendar(found, default_offsets=offsets, now=now), "the calendar")
        print(f"wrote {path} ({len(found)} upcoming deadline(s))")
        return 0
    print(f"unknown deadlines action {args.action!r}", file=sys.stderr)
    return 2
