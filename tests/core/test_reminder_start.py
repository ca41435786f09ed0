"""Reminder rows are derived for what changed, not rebuilt: a command derives the deadline it changed, and a
restart derives nothing unless deadlines or settings changed since the rows were last brought in line. And the
dispatcher waits for a busy writer off the event loop."""

from __future__ import annotations

import asyncio
import threading

import time_machine

from bot.core.desk import Desk
from bot.core.reminders.dispatch import ReminderService
from bot.core.reminders.senders import RecordingSender
from tests.core.test_reminders import add, at, receives_reminders, rows, service_for


async def started(desk: Desk, sender: RecordingSender | None = None) -> ReminderService:
    service = service_for(desk, sender or RecordingSender(), [])
    assert await service.start()
    return service


def forget_rows(desk: Desk, deadline_id: str) -> None:
    """Behind the stores' back, so only a full derivation would bring them back."""
    with desk.db.transaction() as conn:
        conn.execute("DELETE FROM reminders WHERE deadline_id = ?", (deadline_id,))


async def test_a_restart_derives_only_when_something_changed(desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, "asp25")
    add(desk, "budget-talks", start="2026-04-02 10:00")
    (await started(desk)).stop()
    assert rows(desk, "budget-talks")

    forget_rows(desk, "budget-talks")
    second = await started(desk)
    assert not rows(desk, "budget-talks"), "a plain restart derived nothing"
    add(desk, "hearing", start="2026-05-04 10:00")
    assert rows(desk, "hearing") and not rows(desk, "budget-talks"), "a command derives only its own deadline"
    second.stop()

    third = await started(desk)
    assert rows(desk, "budget-talks"), "deadlines changed while no dispatcher ran, so this start derived"
    third.stop()


async def test_a_change_seen_by_the_running_scheduler_is_marked_derived(desk: Desk,
                                                                      clock: time_machine.Coordinates) -> None:
    from bot.core.scheduler import DeskScheduler

    receives_reminders(desk)
    service = service_for(desk, RecordingSender(), [])
    scheduler = DeskScheduler(desk, service)
    assert await scheduler.start()
    add(desk, "asp25")  # the command derives its rows and tells the scheduler
    assert rows(desk, "asp25")
    await scheduler.stop()
    forget_rows(desk, "asp25")
    again = await started(desk)
    assert not rows(desk, "asp25"), "the running bot had marked that change as derived: nothing to redo"
    again.stop()


async def test_dispatch_waits_for_a_busy_writer_without_holding_up_the_event_loop(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    sender = RecordingSender()
    service = await started(desk, sender)
    clock.move_to(at(2026, 3, 19, 10))
    held, release = threading.Event(), threading.Event()

    def long_write() -> None:  # an import, say, holding the writer
        with desk.db.transaction():
            held.set()
            release.wait(10)

    writer = threading.Thread(target=long_write)
    writer.start()
    assert held.wait(10)
    dispatching = asyncio.create_task(service.dispatch_due())
    for _ in range(50):  # the event loop goes on running other work meanwhile
        await asyncio.sleep(0)
    assert not dispatching.done() and not sender.posts, "the dispatcher is waiting for the writer"
    release.set()
    assert (await dispatching).sent == 1
    writer.join()
