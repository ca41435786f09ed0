"""Under load, through the real client and the fake Discord: a full queue gets the busy notice, a slow answer is
deferred and then given, an expired interaction is one log line, and autocomplete and settings never wait on the
database. The reader threads are held with an event, never with sleeps."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest

from bot.core.work import BUSY, Workers
from bot.discord_bot import replies
from tests.discord_bot.test_bot_kit import DeskBot

WAIT = 10


def hold_readers(env: DeskBot, count: int) -> threading.Event:
    """Occupy `count` reader slots of the bot's server until the returned event is set."""
    release = threading.Event()
    started = threading.Semaphore(0)

    def hold() -> None:
        started.release()
        release.wait(WAIT)

    for _ in range(count):
        env.bot.workers.read(hold, server=str(env.world.guild.id))
    for _ in range(count):
        assert started.acquire(timeout=WAIT)
    return release


@pytest.fixture
def small_queue(env: DeskBot):
    """The bot's workers with one reader and room for two jobs."""
    env.bot.workers.shutdown()
    env.bot.workers = Workers(env.desk, readers=1, max_pending=2, per_server=2)
    return env


async def test_a_full_queue_gets_the_busy_notice_and_later_questions_are_answered(small_queue: DeskBot) -> None:
    env = small_queue
    release = hold_readers(env, 1)
    queued = await env.slash("ask", {"question": "how big is the 2026 budget?"}, user=env.world.member)
    refused = await env.slash("ask", {"question": "what did ASP24 say about sanctions?"}, user=env.world.owner)
    body = await env.fake.wait_for_response(refused)
    assert body["type"] == 4 and body["data"]["content"] == BUSY
    assert body["data"]["flags"] & 64, "the busy notice is shown only to the member"
    release.set()
    answer = await env.shown(queued)
    assert answer.embeds and "budget" in answer.text().lower(), "the question admitted before was answered"
    again = await env.run("ask", {"question": "what did ASP24 say about sanctions?"}, user=env.world.owner)
    assert again.embeds, "once the queue drained, questions are answered again"


async def test_an_answer_not_ready_in_time_is_deferred_then_given(env: DeskBot,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replies, "DEFER_AFTER", 0.0)  # defer at once instead of waiting two seconds
    release = hold_readers(env, 2)  # both readers the server may hold
    record = await env.slash("ask", {"question": "how big is the 2026 budget?"}, user=env.world.member)
    assert (await env.fake.wait_for_response(record))["type"] == 5, "thinking... while the answer waits"
    release.set()
    shown = await env.fake.wait_for_followup(record)
    assert shown.embeds and not shown.loading, "the answer filled in the deferred message"


async def test_a_question_that_waited_too_long_gets_the_busy_notice(env: DeskBot,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replies, "DEFER_AFTER", 0.0)
    monkeypatch.setattr(replies, "START_WITHIN", 0.0)  # anything that has to queue is too late
    release = hold_readers(env, 2)
    record = await env.slash("ask", {"question": "how big is the 2026 budget?"}, user=env.world.member)
    assert (await env.fake.wait_for_response(record))["type"] == 5
    release.set()
    followup = await env.fake.wait_for_followup(record)
    assert followup.content == BUSY


async def test_an_expired_interaction_is_one_log_line(env: DeskBot, monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(replies, "DEFER_AFTER", 30.0)  # never defer: let Discord's deadline pass
    env.fake.interaction_deadline = 0.0
    release = hold_readers(env, 2)
    caplog.set_level(logging.INFO)
    record = await env.slash("ask", {"question": "how big is the 2026 budget?"}, user=env.world.member)
    await asyncio.sleep(0.05)  # past the (zero) deadline
    release.set()
    await env.fake.wait_until(lambda: any("expired" in r.getMessage() for r in caplog.records), WAIT,
                              "the expired line")
    assert record.response is None
    expired = [r for r in caplog.records if "expired" in r.getMessage()]
    assert len(expired) == 1 and str(record.id) in expired[0].getMessage()
    assert not [r for r in caplog.records if r.exc_info], "no traceback for an expired interaction"


async def test_a_config_change_reaches_the_cooldown_at_once(env: DeskBot) -> None:
    w = env.world
    await env.run("ask", {"question": "how big is the 2026 budget?"}, user=w.member)
    refused = await env.run("ask", {"question": "how big is the 2026 budget?"}, user=w.member)
    assert "again" in refused.text().lower() and not refused.embeds, "the default cooldown holds"
    await env.run("config cooldown", {"seconds": 0}, user=w.owner)
    answered = await env.run("ask", {"question": "how big is the 2026 budget?"}, user=w.member)
    assert answered.embeds, "the cached settings were refreshed by the change"


async def test_autocomplete_reads_on_a_reader_and_says_nothing_when_busy(small_queue: DeskBot) -> None:
    env = small_queue
    typed = await env.fake.autocomplete(["fact", "show"], {"id": "budget"}, "id", user=env.world.member)
    await env.fake.wait_for_response(typed)
    assert any(c["value"].startswith("budget") for c in typed.choices)
    release = hold_readers(env, 1)
    env.bot.workers.read(lambda: None, server=str(env.world.guild.id))  # the queue is now full
    busy = await env.fake.autocomplete(["fact", "show"], {"id": "budget"}, "id", user=env.world.member)
    await env.fake.wait_for_response(busy)
    assert busy.choices == []
    release.set()


async def test_a_deferred_moderator_reply_stays_private(env: DeskBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replies, "DEFER_AFTER", 0.0)
    release = hold_readers(env, 2)
    record = await env.slash("status", {}, user=env.world.owner)
    body = await env.fake.wait_for_response(record)
    assert body["type"] == 5 and body["data"]["flags"] & 64, "deferred before knowing: only the moderator sees it"
    release.set()
    shown = await env.fake.wait_for_followup(record)
    assert shown.ephemeral and not shown.loading


async def test_a_servers_settings_are_in_memory_before_its_first_question(env: DeskBot) -> None:
    guild = str(env.world.guild.id)  # a server with no settings saved yet
    await env.fake.wait_until(lambda: env.desk.settings.cached(guild), WAIT, "its settings in memory")
