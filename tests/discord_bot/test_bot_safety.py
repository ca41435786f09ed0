"""Safety on Discord: text that looks like a mention pings nobody, errors in one command leave the bot
answering, and replies stay inside Discord's limits however long the curated text is."""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo

import pytest

from bot.core.answering import Answer, FactHit
from bot.core.commands import SORRY
from bot.core.models import Fact, Source
from bot.core.timeutil import utcnow
from bot.discord_bot import buttons, display

from .test_bot_kit import DeskBot

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(20)]

QUESTION = "what did ASP24 say about sanctions?"


async def test_text_that_looks_like_mentions_pings_nobody(env: DeskBot) -> None:
    """Facts, questions and deadline titles with @everyone, @here, a role and a user in them are shown as
    typed and ping nobody; the kit's teardown checks allowed_mentions on every request of the test too."""
    fake, w = env.fake, env.world
    loud = f"@everyone @here <@&{w.moderator_role.id}> <@{w.member.id}>"
    await fake.send_message(w.general, w.member, f"{fake.bot_mention} {loud} is it raining in The Hague?")
    await fake.wait_for_message(lambda m: bool(m.payload.get("message_reference")), channel=w.general)
    gaps = await env.run("facts gaps", user=w.owner)
    assert "@everyone" in gaps.content and f"<@&{w.moderator_role.id}>" in gaps.content
    opened = await env.slash("fact add", {"id": "loud-fact", "topic": "asp24", "title": f"Plenary notice {loud}"},
                             user=w.owner)
    await fake.wait_for_response(opened)
    await env.shown(await fake.modal_submit(None, {
        "text": f"Tell {loud}: the ASP24 plenary on the loud notice test starts at 10:00.",
        "sources": "hrw-2025-asp24", "as_of": "2025-12-01",
        "questions": "When does the plenary on the loud notice test start?"}, user=w.owner))
    answer = await env.run("ask", {"question": "When does the plenary on the loud notice test start?"},
                           user=w.moderator)
    assert loud in answer.embeds[0]["description"]

    start = (utcnow() + dt.timedelta(days=3)).astimezone(zoneinfo.ZoneInfo("Europe/Amsterdam"))
    fake.add_member(w.guild, fake.app_owner)  # the bot's operator: a deadline for every server is theirs to add
    opened = await env.slash("deadline add", {"id": "loud-deadline", "kind": "event"}, user=fake.app_owner)
    await fake.wait_for_response(opened)
    await env.shown(await fake.modal_submit(None, {
        "title": f"Side event {loud}", "start": start.strftime("%Y-%m-%d %H:%M"),
        "link": "https://example.org/side-event"}, user=fake.app_owner))
    shown = await env.run("deadline show", {"id": "loud-deadline"}, user=w.member)
    assert "@everyone" in shown.content and f"<@{w.member.id}>" in shown.content and not shown.ephemeral
    for message in fake.bot_messages():
        assert not message.mention_everyone and not message.pinged_user_ids and not message.pinged_role_ids


async def test_the_bot_survives_a_core_command_that_raises(env: DeskBot, monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    w = env.world

    def broken(*args: object, **kwargs: object) -> Answer:
        raise RuntimeError("search index exploded")

    monkeypatch.setattr(env.desk.answerer, "ask", broken)
    failed = await env.run("ask", {"question": QUESTION}, user=w.member)
    assert failed.ephemeral and failed.content == SORRY
    assert "search index exploded" in caplog.text and f"user {w.member.id}" in caplog.text
    monkeypatch.undo()
    works = await env.run("ask", {"question": QUESTION}, user=w.member)
    assert works.embeds, "the next command works"


async def test_the_bot_survives_an_error_in_the_adapter(env: DeskBot, monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    fake, w = env.fake, env.world

    def broken(reply: object) -> object:
        raise ValueError("renderer bug")

    monkeypatch.setattr(buttons, "answer_parts", broken)
    failed = await env.run("ask", {"question": QUESTION}, user=w.member)
    assert failed.ephemeral and failed.content == SORRY
    assert any("/ask failed" in r.getMessage() and r.exc_info for r in caplog.records)
    await fake.send_message(w.general, w.owner, f"{fake.bot_mention} {QUESTION}")
    sorry = await fake.wait_for_message(lambda m: m.content == SORRY and not m.ephemeral, channel=w.general)
    assert sorry.payload["message_reference"]
    assert any("answering message" in r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    monkeypatch.undo()
    works = await env.run("ask", {"question": QUESTION}, user=w.member)
    assert works.embeds and env.bot.is_ready() and not env.bot.is_closed()


async def test_long_replies_stay_inside_discords_limits(env: DeskBot) -> None:
    help_reply = await env.run("help", user=env.world.member)
    assert help_reply.embeds and len(help_reply.embeds[0]["description"]) > 2000, "a long text goes in an embed"

    url = "https://example.org/" + "a" * 470
    sources = [Source(f"s{i}", "Publisher " * 15, "A very long title " * 15, "2025-12-01", url) for i in range(6)]
    facts = [Fact(f"f{i}", "asp24", "T" * 100, "word " * 200, [s.id for s in sources], "2025-12-01")
             for i in range(3)]
    answer = Answer("q" * 500, True, [FactHit(f, sources, 1.0) for f in facts],
                    related=[("r" * 64, "R" * 100)] * 3)
    embeds = display.answer_embeds(answer)
    assert sum(len(e) for e in embeds) <= 6000
    assert all(len(f.value or "") <= 1024 for e in embeds for f in e.fields)
    kwargs = display.message_kwargs("line of text\n" * 500)
    assert len(kwargs["content"]) <= 2000 and kwargs["files"][0].filename == "reply.md"


def test_a_text_longer_than_one_embed_is_split_between_lines_into_several() -> None:
    from bot.discord_bot.display import EMBED_DESCRIPTION, message_kwargs

    lines = [f"/command{n} — what it does, in a line of about sixty characters" for n in range(90)]
    kwargs = message_kwargs("\n".join(lines))
    embeds = kwargs["embeds"]
    assert len(embeds) == 2 and "content" not in kwargs and "files" not in kwargs
    assert all(len(e.description) <= EMBED_DESCRIPTION for e in embeds)
    assert "\n".join(e.description for e in embeds).split("\n") == lines, "whole lines, in order, none lost"
