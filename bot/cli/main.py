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


def _running_desk(args: argparse.Namespace) -> Desk:
    """The desk for a long-running session, with a word to the operator when data/ has changed since the
    database was last filled from it (after an upgrade that ships new texts, say)."""
    desk = _desk(args)
    if desk.data_behind():
        print(f"Note: the curated files in {desk.data_root} differ from what this database was last filled from; "
              "`python -m bot data sync` shows what would change and applies it.", file=sys.stderr)
    return desk


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
    untranslated = [f"{rec.where}: `{rec.get('id')}`" for rec in data.facts if not rec.get("text_fr")]
    if untranslated:
        print(f"{len(untranslated)} fact(s) without French text (shown in English to French questions):")
        print("\n".join(f"  {root}/{line}" for line in untranslated))
    return 0


ANSWERED, NOT_ANSWERED, BAD_INPUT = 0, 1, 2  # `ask` exit codes
ASK_HELP = """Answer a question from the curated facts.

Output: the answer as text; with --json, one JSON object per question. Questions read from stdin without --json
print one line each: the question, a tab, and the ids of the facts that answer it, comma-separated (or "no curated
fact").

Exit status: 0 every question was answered, 1 at least one was not (declined, or only partly answered),
2 bad input (an empty or over-long question)."""


def cmd_ask(args: argparse.Namespace) -> int:
    from bot.core import commands
    from bot.core.answering import Answer
    from bot.core.permissions import Actor
    from bot.core.registry import Context

    desk = _desk(args)
    ctx = Context(Actor.local(), channel_id="cli")
    questions = [" ".join(args.question)] if args.question else (line.rstrip("\n") for line in sys.stdin)
    status = ANSWERED
    for question in questions:
        if not args.question and not question.strip():
            continue
        reply = commands.run(desk, ctx, "ask", {"question": question, "lang": args.lang})
        answer = reply.data if isinstance(reply.data, Answer) else None
        # the worst outcome of all the questions: bad input, else one not answered, else all answered
        status = max(status, BAD_INPUT if not reply.ok else ANSWERED if answer and answer.answered else NOT_ANSWERED)
        if args.json:
            if answer is None:
                out = {"question": question, "lang": args.lang or "en", "status": "declined", "answered": False,
                       "missing": "", "answer": reply.text, "facts": [], "suggestions": [], "error": reply.text}
            else:
                out = answer.to_json(reply.text)
            print(json.dumps(out, ensure_ascii=False), flush=True)
        elif args.question:
            print(reply.text, file=sys.stdout if reply.ok else sys.stderr)
        else:
            ids = ", ".join(h.fact.id for h in answer.hits) if answer and answer.answered else "no curated fact"
            print(f"{question}\t{ids}", flush=True)
    return status


def cmd_facts(args: argparse.Namespace) -> int:
    from bot.core import commands
    from bot.core.commands.data import EXPORT_FOLDER
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
        target = Path(args.dir or EXPORT_FOLDER)  # the one rule, as in the chat: export/ unless a folder is named
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
    if Path(args.path).exists() and not args.force:
        print(f"{args.path} exists; nothing was written. Name another file, or add --force to replace it.",
              file=sys.stderr)
        return 1
    desk = _desk(args)
    target = desk.db.backup(args.path)
    print(f"backed up {desk.db.path} to {target}")
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    from bot.chat.session import run_chat

    return run_chat(_running_desk(args))


def cmd_run(args: argparse.Namespace) -> int:
    from bot.cli.config import discord_token

    token = discord_token()
    if not token and args.web is not None:
        print("run --web needs DISCORD_TOKEN; for the web site alone, use: python -m bot serve", file=sys.stderr)
        return 2
    if not token:
        print("No DISCORD_TOKEN set: starting a local chat on the same engine and data.\n"
              "To connect to Discord, put DISCORD_TOKEN=... in the environment or in .env (see README).\n")
        return cmd_chat(args)
    from bot.discord_bot.client import run_bot

    if args.web is None:
        return run_bot(_running_desk(args), token)
    from bot.cli import web
    from bot.web.server import ListenError

    desk = _running_desk(args)
    try:
        return run_bot(desk, token, beside=web.beside(desk, *args.web))
    except ListenError as exc:
        return web.listen_failure(exc)


def cmd_serve(args: argparse.Namespace) -> int:
    from bot.cli import web

    return web.serve(_running_desk(args), args.host, args.port)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coalition-desk", description="Coalition Desk: curated, sourced answers.")
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--db", help="database file (default: $BOT_DB, else the user data directory)")
    parser.add_argument("--data", help="curated data directory (default: data/ of this project)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", required=True)
    from bot.cli import web as web_cli

    run = sub.add_parser("run", help="run the Discord bot (a local chat when no token is set)",
                         description="Run the Discord bot with DISCORD_TOKEN (from the environment or .env); "
                                     "without a token, a local chat on the same engine and data.")
    run.add_argument("--web", metavar="HOST:PORT", type=web_cli.address,
                     help="also serve the web site (fact pages, calendar feeds, /healthz) in this process")
    run.set_defaults(func=cmd_run)
    web_cli.add_parser(sub, cmd_serve)
    chat_help = "a local chat session on the same engine: questions, and the moderators' /commands"
    sub.add_parser("chat", help=chat_help, description=chat_help).set_defaults(func=cmd_chat)

    ask = sub.add_parser("ask", help="answer a question (or one per line from stdin)", description=ASK_HELP,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    ask.add_argument("--json", action="store_true", help="one JSON object per question (with its \"lang\")")
    ask.add_argument("--lang", choices=("en", "fr"), help="answer in this language (default: each question's)")
    ask.add_argument("question", nargs="*", help="the question; without it, one question per line is read from stdin")
    ask.set_defaults(func=cmd_ask)

    facts = sub.add_parser("facts", help="check, import, export and browse facts")
    fsub = facts.add_subparsers(dest="action", required=True)
    fsub.add_parser("check", help="validate the data files").set_defaults(func=cmd_check)
    imp = fsub.add_parser("import", help="import a YAML, JSON or CSV file, all or nothing")
    imp.add_argument("file", help="the .yaml, .json or .csv file of facts (and sources)")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.set_defaults(func=cmd_facts)
    exp = fsub.add_parser("export", help="write the store in the data/ layout, to export/ in the current folder "
                          "(as the chat's /facts export does) unless a folder is named")
    exp.add_argument("dir", nargs="?", help="where to write it; name data/ to review the changes with git diff")
    exp.set_defaults(func=cmd_facts)
    lst = fsub.add_parser("list", help="the active facts' ids and titles")
    lst.add_argument("--topic", help="only this topic's facts (see topics.yaml)")
    lst.set_defaults(func=cmd_facts)
    for name, text in (("show", "one fact with its sources, example questions, keywords and status"),
                       ("history", "every revision of a fact: who, when, why, and each field's old -> new value")):
        p = fsub.add_parser(name, help=text, description=text)
        p.add_argument("id", help="the fact id")
        p.set_defaults(func=cmd_facts)

    db = sub.add_parser("db", help="database maintenance")
    dsub = db.add_subparsers(dest="action", required=True)
    backup = dsub.add_parser("backup", help="a consistent online copy of the database")
    backup.add_argument("path", help="where to write the copy (an existing file is kept unless --force)")
    backup.add_argument("--force", action="store_true", help="replace the file at PATH if there is one")
    backup.set_defaults(func=cmd_backup)

    from bot.cli import deadlines as deadline_cli

    deadline_cli.add_parser(sub)
    from bot.cli import data as data_cli

    data_cli.add_parser(sub)
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
        if args.command in ("deadlines", "data"):
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
