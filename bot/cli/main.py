"""The command line: `python -m bot ...` (or `coalition-desk ...`). Thin: every action is a core call."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bot import __version__

if TYPE_CHECKING:
    from bot.core.desk import Desk
    from bot.core.registry import Reply


def _desk(args: argparse.Namespace) -> Desk:
    from bot.core.desk import Desk

    return Desk.open(args.db, Path(args.data) if args.data else None)


def _print_reply(reply: Reply) -> int:
    if reply.failure == "storage":  # the operator's sentence, naming the file, and its exit code
        print(reply.fault, file=sys.stderr)
        return int(reply.fault.exit_code)
    print(reply.text, file=sys.stdout if reply.ok else sys.stderr)
    return 0 if reply.ok else 1


def cmd_check(args: argparse.Namespace) -> int:
    from bot.core.datafiles import check_dataset, data_dir

    root = Path(args.data) if args.data else data_dir()
    data, problems = check_dataset(root)
    for problem in problems:
        print(f"{root}/{problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {root}", file=sys.stderr)
        return 1
    print(f"{root}: {len(data.facts)} facts, {len(data.sources)} sources, {len(data.topics)} topics, "
          f"{len(data.deadlines)} deadlines: all valid")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.core import commands
    from bot.core.answering import Answer
    from bot.core.permissions import Actor
    from bot.core.registry import Context

    desk = _desk(args)
    ctx = Context(Actor.local(), channel_id="cli")
    questions = [" ".join(args.question)] if args.question else (line.rstrip("\n") for line in sys.stdin)
    status = 0
    for question in questions:
        if not args.question and not question.strip():
            continue
        reply = commands.run(desk, ctx, "ask", {"question": question})
        answer = reply.data if isinstance(reply.data, Answer) else None
        if args.json:
            if answer is None:
                out = {"question": question, "status": "declined", "answered": False, "missing": "",
                       "answer": reply.text, "facts": [], "suggestions": [], "error": reply.text}
            else:
                out = answer.to_json(reply.text)
            print(json.dumps(out, ensure_ascii=False), flush=True)
        elif args.question:
            print(reply.text, file=sys.stdout if reply.ok else sys.stderr)
        else:
            ids = ", ".join(h.fact.id for h in answer.hits) if answer and answer.answered else "no curated fact"
            print(f"{question}\t{ids}", flush=True)
        if args.question and not reply.ok:
            status = 1
    return status


def cmd_facts(args: argparse.Namespace) -> int:
    from bot.core import commands
    from bot.core.datafiles import write_files
    from bot.core.permissions import Actor
    from bot.core.registry import Context

    desk = _desk(args)
    ctx = Context(Actor.local(), channel_id="cli")
    if args.action == "list":
        return _print_reply(commands.run(desk, ctx, "fact list", {"topic": args.topic}))
    if args.action in ("show", "history"):
        return _print_reply(commands.run(desk, ctx, f"fact {args.action}", {"id": args.id}))
    if args.action == "export":
        files = desk.export_files()
        target = Path(args.dir) if args.dir else desk.data_root
        written = write_files(target, files)
        print(f"wrote {len(written)} files to {target}")
        return 0
    if args.action == "import":
        path = Path(args.file)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            print(f"cannot read {path}: {exc.strerror}", file=sys.stderr)
            return 1
        reply = commands.run(desk, ctx, "facts import",
                             {"filename": path.name, "content": raw, "confirm": not args.dry_run})
        return _print_reply(reply)
    raise AssertionError(args.action)


def cmd_backup(args: argparse.Namespace) -> int:
    desk = _desk(args)
    target = desk.db.backup(args.path)
    print(f"backed up {desk.db.path} to {target}")
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.chat.session import run_chat

    return run_chat(_desk(args))


def cmd_run(args: argparse.Namespace) -> int:
    from bot.cli.config import discord_token

    token = discord_token()
    if not token:
        print("No DISCORD_TOKEN set: starting a local chat on the same engine and data.\n"
              "To connect to Discord, put DISCORD_TOKEN=... in the environment or in .env (see README).\n")
        return cmd_chat(args)
    from bot.discord_bot.client import run_bot

    return run_bot(_desk(args), token)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coalition-desk", description="Coalition Desk: curated, sourced answers.")
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--db", help="database file (default: $BOT_DB, else the user data directory)")
    parser.add_argument("--data", help="curated data directory (default: data/ of this project)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("run", help="run the Discord bot (a local chat when no token is set)").set_defaults(func=cmd_run)
    sub.add_parser("chat", help="a local chat session on the same engine").set_defaults(func=cmd_chat)

    ask = sub.add_parser("ask", help="answer a question (or one per line from stdin)")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("question", nargs="*")
    ask.set_defaults(func=cmd_ask)

    facts = sub.add_parser("facts", help="check, import, export and browse facts")
    fsub = facts.add_subparsers(dest="action", required=True)
    fsub.add_parser("check", help="validate the data files").set_defaults(func=cmd_check)
    imp = fsub.add_parser("import", help="import a YAML, JSON or CSV file, all or nothing")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.set_defaults(func=cmd_facts)
    exp = fsub.add_parser("export", help="write the store in the data/ layout")
    exp.add_argument("dir", nargs="?")
    exp.set_defaults(func=cmd_facts)
    lst = fsub.add_parser("list")
    lst.add_argument("--topic")
    lst.set_defaults(func=cmd_facts)
    for name in ("show", "history"):
        p = fsub.add_parser(name)
        p.add_argument("id")
        p.set_defaults(func=cmd_facts)

    db = sub.add_parser("db", help="database maintenance")
    dsub = db.add_subparsers(dest="action", required=True)
    backup = dsub.add_parser("backup", help="a consistent online copy of the database")
    backup.add_argument("path")
    backup.set_defaults(func=cmd_backup)

    from bot.cli import deadlines as deadline_cli

    deadline_cli.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    logging.getLogger("apscheduler").setLevel(logging.DEBUG if args.verbose else logging.WARNING)
    from bot.core.desk import DataError
    from bot.core.models import InputError
    from bot.core.storage import StorageError

    try:
        if args.command == "deadlines":
            return int(args.func(args, _desk(args)) or 0)
        return int(args.func(args) or 0)
    except DataError as exc:
        print("The curated data files have problems; nothing was loaded:", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 1
    except StorageError as exc:  # a full disk, a read-only database, an unreadable folder: README, exit codes
        print(exc, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
