"""Storage faults in the running bot on Discord: a full disk and a read-only database. A write that cannot be
made gets the member or moderator one clear sentence, changes nothing, is told once to the server's mod-log (or
its owner), and the bot keeps answering. Faults are real (tests/faultkit.py): SQLite's SQLITE_FULL through
`PRAGMA max_page_count` on the bot's own connection, and a read-only database file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.desk import Desk
from tests.fakediscord import FakeDiscord
from tests.faultkit import fill_database, read_only

from .test_bot_kit import DeskBot, running_bot, seeded_desk
from .test_bot_members import fact_ids_in

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(30)]

QUESTION = "what did ASP24 say about sanctions?"
FULL = ("Nothing was changed: the bot's disk is full, so it cannot save anything right now; the moderators have "
        "been told.")
READ_ONLY = ("Nothing was changed: the bot's database is read-only right now, so it can answer questions but not "
             "save anything; the moderators have been told.")
LONG_TEXT = ("The Assembly of States Parties discussed the budget of the Court at length in The Hague. " * 12)[:1000]
QUESTIONS = "|".join(f"Question {i} about the full disk fact, asked at length " + "x" * 130 for i in range(10))
REPORT_TITLE = "Could not save"


async def add_fact_through_the_form(env: DeskBot, fact_id: str) -> str:
    fake, w = env.fake, env.world
    opened = await env.slash("fact add", {"id": fact_id, "topic": "asp24", "title": "A fact the disk cannot hold"},
                             user=w.owner)
    await fake.wait_for_response(opened)
    shown = await env.shown(await fake.modal_submit(None, {
        "text": LONG_TEXT, "sources": "hrw-2025-asp24", "as_of": "2025-12-01", "questions": QUESTIONS}, user=w.owner))
    assert shown.ephemeral
    return shown.content


async def test_a_full_disk_refuses_changes_tells_the_mod_log_once_and_keeps_answering(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(modlog=True)
    fill_database(env.desk.db.conn)
    assert await add_fact_through_the_form(env, "full-disk-one") == FULL
    report = await fake.wait_for_message(lambda m: REPORT_TITLE in m.text(), channel=w.mod_log)
    assert "disk is full" in report.text() and "/fact add" in report.text()
    assert await add_fact_through_the_form(env, "full-disk-two") == FULL
    answer = await env.run("ask", {"question": QUESTION}, user=w.member)
    assert answer.embeds, "questions are still answered"
    assert [m for m in fake.bot_messages(w.mod_log) if REPORT_TITLE in m.text()] == [report], "told once"
    assert env.desk.facts.get("full-disk-one") is None and env.desk.facts.get("full-disk-two") is None
    assert env.bot.is_ready() and not env.bot.is_closed()


async def test_a_read_only_database_answers_refuses_writes_and_tells_the_owner_once(
        fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake, w = fake_discord, fake_discord.world
    assert w is not None
    path = tmp_path / "desk.db"
    seeded_desk(path).close()
    before = path.read_bytes()
    with read_only(path):
        async with running_bot(fake, tmp_path, desk=Desk.open(path)) as env:
            assert env.desk.db.read_only
            answer = await env.run("ask", {"question": QUESTION}, user=w.member)
            assert answer.embeds
            refused = await env.run("config cooldown", {"seconds": 5}, user=w.owner)
            assert refused.ephemeral and refused.content == READ_ONLY
            note = await fake.wait_for_message(lambda m: REPORT_TITLE in m.text(), channel=fake.dm_channel(w.owner))
            assert "no mod-log channel is set" in note.content and "read-only" in note.text()
            fact_id = fact_ids_in(answer)[0]
            thanks = await env.shown(await fake.component_click(answer, f"cd:fb:h:{fact_id}", user=w.member))
            assert thanks.ephemeral and thanks.content == READ_ONLY
            again = await env.run("ask", {"question": "who is withdrawing from the Rome Statute?"}, user=w.moderator)
            assert again.embeds, "the bot keeps answering"
            dms = [m for m in fake.bot_messages(fake.dm_channel(w.owner)) if REPORT_TITLE in m.text()]
            assert dms == [note], "told once"
            assert env.bot.is_ready() and not env.bot.is_closed()
    assert path.read_bytes() == before


async def test_waiting_flags_on_a_read_only_database_stay_waiting_with_one_log_line(
        fake_discord: FakeDiscord, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fake, w = fake_discord, fake_discord.world
    assert w is not None
    path = tmp_path / "desk.db"
    desk = seeded_desk(path)
    guild = str(w.guild.id)
    desk.feedback.record_flag("budget-2026-193-million", "outdated", user_id=str(w.member.id), user_name="member",
                              note="the Assembly adopted a different figure", guild_id=guild)
    desk.close()
    with read_only(path):
        async with running_bot(fake, tmp_path, desk=Desk.open(path)) as env:
            at_start = [r for r in caplog.records if "flag" in r.getMessage()]  # start-up tries them once
            caplog.clear()
            await env.bot.flag_log._later(guild, 0)  # the timer that posts a server's waiting flags
            later = [r for r in caplog.records if "flag" in r.getMessage()]
            for said in (at_start, later):
                assert said and all(r.exc_info is None for r in said), "one line, no traceback"
                assert "stay waiting" in said[0].getMessage() and "read-only" in said[0].getMessage()
            assert env.bot.is_ready() and not env.bot.is_closed()
