"""The local chat: a terminal session on the same engine, data and commands as the Discord bot.

Plain lines are questions; lines starting with `/` are the commands moderators use on Discord, run through the
same core functions. The person at the terminal owns the database, so they act as a moderator.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TextIO

from bot.core import commands
from bot.core.commands.data import EXPORT_FOLDER
from bot.core.desk import Desk
from bot.core.models import InputError
from bot.core.permissions import Actor
from bot.core.registry import Context, Reply
from bot.core.render import for_terminal
from bot.core.storage import StorageError, write_private

LOCAL_GUILD = "local"

BANNER = (
    "Coalition Desk — local chat. Ask a question, or type /help for commands, /quit to leave.\n"
    "Example: what did ASP24 say about sanctions?"
)


class ChatSession:
    """One terminal conversation; `handle` takes a line and returns what to print (testable without a terminal)."""

    def __init__(self, desk: Desk, *, files_dir: Path = Path("."), confirm: object = None) -> None:
        self.desk = desk
        self.ctx = Context(Actor.local(), guild_id=LOCAL_GUILD, channel_id="terminal")
        self.files_dir = files_dir
        self.confirm = confirm  # callable(prompt) -> bool, asked before an import is written
        self.notes: list[str] = []  # mod-log lines to print after the reply

    def handle(self, line: str) -> str:
        line = line.strip()
        if not line:
            return ""
        if not line.startswith("/"):
            return self._show(self._run("ask", {"question": line}))
        try:
            name, args = commands.parse_line(line)
        except InputError as exc:
            return str(exc)
        if name == "facts import":
            return self._import(args)
        if name == "data sync":
            return self._sync(args)
        return self._show(self._run(name, args))

    def _run(self, name: str, args: dict) -> Reply:
        """A core command; a storage fault (a full disk, a read-only database) is told to the mod-log once."""
        reply = commands.run(self.desk, self.ctx, name, args)
        if reply.fault is not None and self.desk.fault_notices.first(LOCAL_GUILD, reply.fault.kind):
            self.notes.append(f"[mod-log] {reply.fault.report_text(self.ctx.actor.name, name)}")
        return reply

    def _import(self, args: dict[str, str]) -> str:
        path = Path(args.get("filename") or args.get("content") or "")
        if not path.name:
            return "usage: /facts import PATH"
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return f"cannot read {path}: {exc.strerror}"
        preview = self._run("facts import", {"filename": path.name, "content": raw})
        if not preview.ok:
            return preview.text
        if self.confirm is None or not self.confirm(preview.text + " Write it? [y/N] "):  # type: ignore[operator]
            return preview.text
        return self._show(self._run("facts import", {"filename": path.name, "content": raw, "confirm": True}))

    def _sync(self, args: dict[str, str]) -> str:
        """/data sync [folder]: the plan, then (asked at the terminal) the sync itself."""
        args = {"folder": args.get("folder") or str(self.desk.data_root)}
        preview = self._run("data sync", args)
        if not preview.ok or "Nothing written yet." not in preview.text:
            return self._show(preview)
        if self.confirm is None or not self.confirm(preview.text + " Write it? [y/N] "):  # type: ignore[operator]
            return self._show(preview)
        return self._show(self._run("data sync", {**args, "confirm": "yes"}))

    def _show(self, reply: Reply) -> str:
        text = for_terminal(reply.text)
        try:
            for name, content in reply.files:  # 0600, whole or not at all (bot.core.storage)
                # the data layout and charts go to export/ (git-ignored); a calendar file to the current folder
                folder = EXPORT_FOLDER if "/" in name or name.endswith((".yaml", ".png")) else ""
                target = self.files_dir / folder / name
                write_private(target, content, "the file")
                text += f"\n  wrote {target}"
        except StorageError as exc:
            text += f"\n  {exc}"
        notes, self.notes = self.notes, []
        return "\n".join([text, *(for_terminal(note) for note in notes)])


def run_chat(desk: Desk, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    return asyncio.run(_chat(desk, stdin, stdout))


async def _chat(desk: Desk, stdin: TextIO, stdout: TextIO) -> int:
    interactive = stdin.isatty()

    def ask_yes(prompt: str) -> bool:
        stdout.write(prompt)
        stdout.flush()
        return stdin.readline().strip().lower() in ("y", "yes")

    session = ChatSession(desk, confirm=ask_yes if interactive else None)
    from bot.chat.reminders import start_local_reminders

    service = await start_local_reminders(desk, stdout, LOCAL_GUILD)
    print(BANNER, file=stdout, flush=True)
    try:
        while True:
            if interactive:
                stdout.write("> ")
                stdout.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line or line.strip() in ("/quit", "/exit"):
                break
            out = session.handle(line)
            if out:
                print(out + "\n", file=stdout, flush=True)
    finally:
        await service.stop()
    return 0
