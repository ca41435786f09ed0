"""What a channel hears after it was reminded: a "rescheduled" notice when the deadline moves, a cancellation
notice even when the reminder was claimed during an outage; and looking back with /deadlines past."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from bot.core.desk import Desk
from bot.core.reminders.lease import Lease
from bot.core.reminders.senders import ConsoleSender, RecordingSender

from .test_reminders import add, at, receives_reminders, rows, run, service_for


def both_servers(desk: Desk) -> None:
    for guild in ("111", "222"):
        run(desk, "reminders channel", guild=guild, channel_id=f"c{guild}")
        run(desk, "reminders network", guild=guild, state="on")


async def test_a_postponed_deadline_tells_the_reminded_channels_once(desk: Desk,
                                                                     clock: time_machine.Coordinates) -> None:
    both_servers(desk)
    add(desk, offsets="7d,1d")
    add(desk, "other", "2026-03-21 10:00", offsets="1d")
    sender = RecordingSender()
    service = service_for(desk, sender, [])
    await service.start()
    clock.move_to(at(2026, 3, 13, 9, 1))
    assert (await service.dispatch_due()).sent == 2  # the 7d reminder in both servers

    text = run(desk, "deadline edit", id="asp25", start="2026-04-20 10:00", reason="postponed a month")
    assert "A rescheduled notice goes to 2 channel(s)" in text
    assert (await service.dispatch_due()).sent == 2
    notices = sender.posts[2:]
    assert sorted(p.channel_id for p in notices) == ["c111", "c222"]
    new_start = int(dt.datetime(2026, 4, 20, 8, tzinfo=dt.UTC).timestamp())
    assert all("has been rescheduled" in p.text and f"<t:{new_start}:F>" in p.text for p in notices)

    assert "rescheduled notice" not in run(desk, "deadline edit", id="asp25", title="ASP25 resumed session",
                                           reason="clearer title")
    assert "rescheduled notice" not in run(desk, "deadline edit", id="other", start="2026-03-22 10:00",
                                           reason="moved a day"), "nobody was reminded of it yet"
    clock.move_to(at(2026, 4, 19, 8, 1))  # the 1d reminder follows the new time; the 7d one was already sent
    await service.dispatch_due()
    assert len(sender.posts) == 6 and all("ASP25 resumed session" in p.text for p in sender.posts[4:])
    assert {r["state"] for r in rows(desk, "asp25") if r["offset"].startswith("moved:")} == {"sent"}


async def test_moved_twice_before_the_notice_went_out_posts_only_the_latest(desk: Desk,
                                                                          clock: time_machine.Coordinates) -> None:
    both_servers(desk)
    add(desk, offsets="7d")
    sender = RecordingSender()
    service = service_for(desk, sender, [])
    await service.start()
    clock.move_to(at(2026, 3, 13, 9, 1))
    await service.dispatch_due()
    run(desk, "deadline edit", id="asp25", start="2026-04-20 10:00", reason="postponed")
    run(desk, "deadline edit", id="asp25", start="2026-04-27 10:00", reason="postponed again")
    await service.dispatch_due()
    notices = [p for p in sender.posts if "rescheduled" in p.text]
    assert len(notices) == 2 and all("<t:" in p.text for p in notices)
    latest = int(dt.datetime(2026, 4, 27, 8, tzinfo=dt.UTC).timestamp())
    assert all(f"<t:{latest}:F>" in p.text for p in notices)


async def test_cancelled_while_down_after_a_claimed_reminder_was_posted_gets_its_notice(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    sender = RecordingSender(nonce_window=300)

    class ProcessDied(BaseException):
        pass

    def die(post: object) -> None:
        raise ProcessDied

    sender.on_send = die  # posted, then the process died before marking it sent
    crashed = service_for(desk, sender, [])
    await crashed.start()
    clock.move_to(at(2026, 3, 19, 9, 0, 5))
    with pytest.raises(ProcessDied):
        await crashed.dispatch_due()
    crashed.leader = False
    sender.on_send = None
    run(desk, "deadline cancel", id="asp25", reason="the session was called off")  # from the CLI, while down

    clock.move_to(at(2026, 3, 19, 10))
    restarted = service_for(desk, sender, [])
    restarted.lease = Lease(desk.db, ttl=dt.timedelta(seconds=30))
    assert await restarted.start()
    await restarted.dispatch_due()
    assert len(sender.posts) == 2
    assert "has been cancelled" in sender.posts[1].text and "called off" in sender.posts[1].text
    assert sender.posts[1].channel_id == "c111"


async def test_cancelled_while_down_and_never_posted_stays_quiet(desk: Desk, clock: time_machine.Coordinates
                                                                 ) -> None:
    receives_reminders(desk)
    add(desk, offsets="1d")
    sender = RecordingSender()
    crashed = service_for(desk, sender, [])
    await crashed.start()
    clock.move_to(at(2026, 3, 19, 9))
    crashed._claim(rows(desk)[0]["id"], at(2026, 3, 19, 9), "c111", late=False)  # claimed, never posted
    crashed.stop()
    run(desk, "deadline cancel", id="asp25", reason="called off")
    restarted = service_for(desk, sender, [])
    assert await restarted.start()
    restarted.stop()
    assert sender.posts == [] and rows(desk)[0]["state"] == "cancelled"
    assert "had not been posted" in rows(desk)[0]["error"]

    # a sender that cannot look in the channel may have posted it: the channel is told, to be safe
    run(desk, "deadline add", id="asp26", title="Deadline asp26", start="2026-03-25 10:00", sources="src-a",
        offsets="1d")
    console = ConsoleSender(lambda text: None)
    crashed = service_for(desk, console, [])  # type: ignore[arg-type]
    assert await crashed.start()
    clock.move_to(at(2026, 3, 24, 9))
    crashed._claim(rows(desk, "asp26")[0]["id"], at(2026, 3, 24, 9), "c111", late=False)
    crashed.stop()
    run(desk, "deadline cancel", id="asp26", reason="called off")
    sent: list[str] = []
    assert await service_for(desk, ConsoleSender(sent.append), []).start()  # type: ignore[arg-type]
    assert [r["state"] for r in rows(desk, "asp26")] == ["cancelled", "pending"]


def test_past_deadlines_latest_first_with_cancelled_marked_and_scoped_to_the_server(
        desk: Desk, clock: time_machine.Coordinates) -> None:
    add(desk, "hearing", "2026-03-03 10:00", server_only="yes")
    add(desk, "call", "2026-03-05 10:00")
    add(desk, "elsewhere", "2026-03-04 10:00", guild="222", server_only="yes")
    add(desk, "dropped", "2026-03-06 10:00")
    run(desk, "deadline cancel", id="dropped", reason="no longer needed")
    add(desk, "later", "2026-05-01 10:00")
    clock.move_to(at(2026, 3, 10))
    text = run(desk, "deadlines past")
    assert text.startswith("Passed in the last 30 days:")
    assert [line.split("`")[1] for line in text.splitlines()[1:]] == ["dropped", "call", "hearing"]
    assert "— cancelled `dropped`" in text and "(this server only)" in text
    assert "elsewhere" not in text and "later" not in text
    assert "`elsewhere`" in run(desk, "deadlines past", guild="222", days="30")
    assert run(desk, "deadlines past", days="2") == "Nothing passed in the last 2 days."
