"""Reminders in the local chat: the same reminder service and scheduler as on Discord, posting to the terminal.

The terminal is the local server's reminder channel, so `make run` without a token shows the whole loop:
add a deadline a few minutes ahead with `/deadline add` and watch its reminders print as they fall due.
"""

from __future__ import annotations

from typing import TextIO

from bot.core.desk import Desk
from bot.core.reminders.dispatch import ReminderService
from bot.core.reminders.senders import ConsoleSender, Report
from bot.core.render import for_terminal
from bot.core.scheduler import DeskScheduler
from bot.core.storage import StorageError

TERMINAL_CHANNEL = "terminal"


async def start_local_reminders(desk: Desk, stdout: TextIO, guild_id: str) -> DeskScheduler:
    def write(text: str) -> None:  # the console sender renders reminders itself
        print(text, file=stdout, flush=True)

    def report(item: Report) -> None:
        write(for_terminal(f"[mod-log] {item.text}"))

    service = ReminderService(desk, ConsoleSender(write), on_report=report)
    scheduler = DeskScheduler(desk, service)
    try:
        if not desk.settings.get(guild_id).reminder_channel_id:
            desk.settings.update(guild_id, reminder_channel_id=TERMINAL_CHANNEL, modlog_channel_id=TERMINAL_CHANNEL,
                                 network_reminders=True)  # the terminal's holder runs the bot: every deadline
    except StorageError as exc:  # a read-only database or a full disk: the chat still answers
        why = f"the database {desk.db.path} is read-only." if exc.kind == "readonly" else str(exc)
        write(f"Reminders are off in this chat: {why}")
        return scheduler
    if not await scheduler.start():
        write(f"Reminders are off in this chat: {service.refusal}")
    return scheduler
