"""A bot process for tests/core/test_reminder_crash.py, run as a real subprocess so it can be killed with SIGKILL.

    python tests/core/reminder_crash_child.py DB POSTS MODE NOW

DB is a prepared database, POSTS the SQLite file the fake sender records posts in (it honours nonces the way
Discord does), NOW the wall-clock time to run at (ISO, the clock ticks from there). MODE:

  hang-before-send  claim the due reminder, then hang before anything is posted (the parent kills us)
  hang-after-send   claim it, post it, then hang before it is marked sent (the parent kills us)
  run               start (recovering anything a crash left claimed), dispatch what is due, print the outcome
  hold              start, take the lease, and hang (a running bot that a second process must not race)

Exit codes: 0 done, 3 refused by the lease, 4 lost the lease while holding it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys

import time_machine

from bot.core.desk import Desk
from bot.core.reminders.dispatch import ReminderService
from bot.core.reminders.senders import RecordingSender


class Hanging:
    """Stops the process inside the claim-to-mark window: before or after the post reaches the fake server."""

    def __init__(self, inner: RecordingSender, after_send: bool) -> None:
        self.inner = inner
        self.after_send = after_send

    async def send(self, channel_id: str, text: str, nonce: str, ping_role_id: str | None) -> str:
        if self.after_send:
            await self.inner.send(channel_id, text, nonce, ping_role_id)
        print("IN-FLIGHT", nonce, flush=True)
        await asyncio.Event().wait()
        raise AssertionError("unreachable")


async def main(db_path: str, posts_path: str, mode: str) -> int:
    desk = Desk.open(db_path, seed=False)
    recorder = RecordingSender(posts_path)
    sender = Hanging(recorder, mode == "hang-after-send") if mode.startswith("hang") else recorder
    service = ReminderService(desk, sender)
    if not await service.start():
        print("REFUSED", service.refusal, flush=True)
        return 3
    if mode == "hold":
        print("LEADING", flush=True)
        while service.heartbeat():  # as the scheduler's tick does
            await asyncio.sleep(1)
        return 4
    result = await service.dispatch_due()
    states = {r["state"]: r["n"] for r in desk.db.query("SELECT state, count(*) AS n FROM reminders GROUP BY state")}
    print(json.dumps({"sent": result.sent, "missed": result.missed, "states": states}), flush=True)
    service.stop()
    desk.close()
    return 0


if __name__ == "__main__":
    db, posts, run_mode, now = sys.argv[1:5]
    with time_machine.travel(dt.datetime.fromisoformat(now), tick=True):
        sys.exit(asyncio.run(main(db, posts, run_mode)))
