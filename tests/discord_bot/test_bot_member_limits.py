"""Two servers on one bot: what members store belongs to their server and is bounded, end to end on Discord.

B's moderators see none of A's unanswered questions, flags, notes or names; 50 Helpful clicks are one vote; 20
Outdated forms store at most the throttle's number of notes and reach the mod-log in one or a few batched posts;
feedback clicks wait out the member's cooldown; a repeated question is one row with a count; old rows expire.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.core.feedback import FLAG_BATCH_WINDOW, NOTE_LIMIT, RETENTION_DAYS
from bot.core.timeutil import to_iso, utcnow
from tests.fakediscord import FakeChannel, FakeDiscord, FakeGuild, FakeUser, StoredMessage

from .test_bot_kit import DeskBot, running_bot
from .test_bot_members import QUESTION, fact_ids_in

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(30)]

SENSITIVE = "is it safe for witness K. to travel to The Hague next week for the hearing?"
OFF_TOPIC = "what will the weather be in The Hague tomorrow?"


@dataclass
class ServerB:
    guild: FakeGuild
    owner: FakeUser
    member: FakeUser
    general: FakeChannel
    mod_log: FakeChannel


@pytest.fixture
async def two(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[tuple[DeskBot, ServerB]]:
    """The standard server (A, `env.world`) and a second one (B) with its own owner, member and mod-log; A's
    member is in B too."""
    fake = fake_discord
    owner = fake.add_user("b-owner", global_name="B Owner")
    guild = fake.add_guild("Second Coalition", owner=owner)
    general, mod_log = fake.add_channel(guild, "general"), fake.add_channel(guild, "mod-log")
    member = fake.add_member(guild, "b-member").user
    assert fake.world is not None
    fake.add_member(guild, fake.world.member)
    async with running_bot(fake, tmp_path) as env:
        yield env, ServerB(guild, owner, member, general, mod_log)


def flag_posts(env: DeskBot, channel: FakeChannel) -> list[StoredMessage]:
    return [m for m in env.fake.bot_messages(channel) if "flagged fact" in m.text()]


async def outdated(env: DeskBot, answer: StoredMessage, fact_id: str, user: FakeUser, note: str) -> StoredMessage:
    """Click "Outdated or wrong" and send the form with `note`; the reply the member sees."""
    click = await env.fake.component_click(answer, f"cd:fb:o:{fact_id}", user=user)
    assert (await env.fake.wait_for_response(click))["type"] == 9, "the click opens the form"
    return await env.shown(await env.fake.modal_submit(None, {"note": note}, user=user))


async def gaps_showing(env: DeskBot, words: str, **where: object) -> StoredMessage:
    """/facts gaps once it lists `words`, or after 5 s: an unanswered question is kept by bookkeeping that, while
    the writer is busy (a flag being written), lands a moment after the reply."""
    for _ in range(50):
        reply = await env.run("facts gaps", **where)
        if words in reply.text():
            break
        await asyncio.sleep(0.1)
    return reply


async def test_b_moderators_see_none_of_a_gaps_flags_or_notes(two: tuple[DeskBot, ServerB]) -> None:
    env, b = two
    w = env.world
    await env.configure(modlog=True)
    await env.run("config modlog", {"channel": b.mod_log}, user=b.owner, channel=b.general)
    await env.run("config cooldown", {"seconds": 0}, user=w.owner)
    await env.run("ask", {"question": SENSITIVE}, user=w.member)
    answer = await env.run("ask", {"question": QUESTION}, user=w.member)
    fact_id = fact_ids_in(answer)[0]
    note = "Witness K. told me the prosecution's dates moved; please check with her lawyer."
    assert "moderators will review" in (await outdated(env, answer, fact_id, w.member, note)).content
    await env.run("ask", {"question": OFF_TOPIC}, user=b.member, channel=b.general)

    gaps_b = await gaps_showing(env, "weather", user=b.owner, channel=b.general)
    assert "weather" in gaps_b.text() and "witness" not in gaps_b.text().lower()
    flags_b = await env.run("facts feedback", user=b.owner, channel=b.general)
    assert note not in flags_b.text() and f"by {w.member.username}" not in flags_b.text()
    assert "No open flags" in flags_b.text()
    assert flag_posts(env, b.mod_log) == [], "A's flag is not posted to B's mod-log"

    gaps_a = await gaps_showing(env, "witness K.", user=w.owner)
    assert "witness K." in gaps_a.text() and "weather" not in gaps_a.text()
    flags_a = (await env.run("facts feedback", user=w.owner)).text()
    assert note in flags_a and f"by {w.member.username}" in flags_a
    await env.fake.wait_for_message(lambda m: note in m.text(), channel=w.mod_log)


async def test_fifty_helpful_clicks_store_one_vote_which_a_change_replaces(two: tuple[DeskBot, ServerB]) -> None:
    env, b = two
    w = env.world
    await env.run("config cooldown", {"seconds": 0}, user=w.owner)  # the vote itself is what is limited here
    await env.run("config cooldown", {"seconds": 0}, user=b.owner, channel=b.general)
    answer = await env.run("ask", {"question": QUESTION}, user=w.member)
    fact_id = fact_ids_in(answer)[0]
    replies = [await env.shown(await env.fake.component_click(answer, f"cd:fb:h:{fact_id}", user=w.member))
               for _ in range(50)]
    assert all(r.ephemeral for r in replies) and "Thanks" in replies[0].content
    assert "already" in replies[-1].content
    guild_a, guild_b = str(w.guild.id), str(b.guild.id)
    assert env.desk.feedback.counts(fact_id, guild_a) == {"helpful": 1}
    assert env.desk.db.query_one("SELECT count(*) FROM feedback")[0] == 1

    changed = await outdated(env, answer, fact_id, w.member, "the figure changed")
    assert "Changed your vote" in changed.content and "helpful to outdated" in changed.content
    assert env.desk.feedback.counts(fact_id, guild_a) == {"outdated": 1}
    back = await env.shown(await env.fake.component_click(answer, f"cd:fb:h:{fact_id}", user=w.member))
    assert "Changed your vote" in back.content and "outdated to helpful" in back.content
    assert env.desk.feedback.counts(fact_id, guild_a) == {"helpful": 1}

    # the same member in server B has a vote of its own there
    answer_b = await env.run("ask", {"question": QUESTION}, user=w.member, channel=b.general)
    await env.shown(await env.fake.component_click(answer_b, f"cd:fb:h:{fact_id}", user=w.member))
    assert env.desk.feedback.counts(fact_id, guild_b) == {"helpful": 1}
    assert env.desk.feedback.counts(fact_id) == {"helpful": 2}


async def test_twenty_outdated_forms_are_throttled_and_batched_on_the_mod_log(env: DeskBot) -> None:
    w = env.world
    await env.configure(modlog=True)
    await env.run("config cooldown", {"seconds": 0}, user=w.owner)
    answer = await env.run("ask", {"question": QUESTION}, user=w.member)
    fact_id = fact_ids_in(answer)[0]
    replies = [await outdated(env, answer, fact_id, w.member, "note number 0")]
    # the first flag is posted at once; later ones by the same member replace its note, so let it reach the log
    first = await env.fake.wait_for_message(lambda m: "flagged fact" in m.text(), channel=w.mod_log)
    assert "note number 0" in first.text()
    replies += [await outdated(env, answer, fact_id, w.member, f"note number {i}") for i in range(1, 20)]
    assert all(r.ephemeral for r in replies)
    accepted = [r for r in replies if "moderators will review" in r.content]
    throttled = [r for r in replies if "in the last hour" in r.content]
    assert len(accepted) == NOTE_LIMIT and len(throttled) == 20 - NOTE_LIMIT
    assert env.desk.db.query_one("SELECT count(*) FROM note_log")[0] == NOTE_LIMIT
    [flag] = env.desk.feedback.flags(guild_id=str(w.guild.id))
    assert flag.note == f"note number {NOTE_LIMIT - 1}", "a throttled note is not stored"

    assert len(flag_posts(env, w.mod_log)) == 1, "later flags wait for the batch window"
    env.clock.advance(FLAG_BATCH_WINDOW)
    await env.bot.flag_log.flush()
    posts = flag_posts(env, w.mod_log)
    assert len(posts) == 2 and f"note number {NOTE_LIMIT - 1}" in posts[1].text()
    assert not any(f"note number {NOTE_LIMIT}" in p.text() for p in posts)


async def test_flags_from_several_members_share_one_mod_log_post(env: DeskBot) -> None:
    w = env.world
    await env.configure(modlog=True)
    answer = await env.run("ask", {"question": QUESTION}, user=w.member)
    fact_id = fact_ids_in(answer)[0]
    for user in (w.member, w.moderator, w.owner):
        await outdated(env, answer, fact_id, user, f"flag from {user.username}")
    await env.fake.wait_for_message(lambda m: "flag from member" in m.text(), channel=w.mod_log)
    listing = await env.run("facts feedback", user=w.owner)  # one more round trip after the last flag
    assert all(f"flag from {u.username}" in listing.text() for u in (w.member, w.moderator, w.owner))
    assert len(flag_posts(env, w.mod_log)) == 1, "the later flags wait for the batch window"
    env.clock.advance(FLAG_BATCH_WINDOW / 2)
    await env.bot.flag_log.flush()
    assert len(flag_posts(env, w.mod_log)) == 1, "still inside the window"
    env.clock.advance(FLAG_BATCH_WINDOW / 2)
    await env.bot.flag_log.flush()
    _first, batch = flag_posts(env, w.mod_log)
    assert "flag from moderator" in batch.text() and "flag from owner" in batch.text()
    assert f"<@{w.moderator.id}>" in batch.text() and f"<@{w.owner.id}>" in batch.text()
    assert "flag from member" not in batch.text()


async def test_feedback_clicks_wait_out_the_members_cooldown(env: DeskBot) -> None:
    w = env.world
    await env.run("config cooldown", {"seconds": 60}, user=w.owner)
    answer = await env.run("ask", {"question": QUESTION}, user=w.member)
    fact_id = fact_ids_in(answer)[0]
    thanks = await env.shown(await env.fake.component_click(answer, f"cd:fb:h:{fact_id}", user=w.member))
    assert "Thanks" in thanks.content, "rating the answer just received is not refused"
    for custom_id in (f"cd:fb:h:{fact_id}", f"cd:fb:o:{fact_id}"):
        click = await env.fake.component_click(answer, custom_id, user=w.member)
        assert (await env.fake.wait_for_response(click))["type"] == 4, "no form opens during the wait"
        wait = await env.shown(click)
        assert wait.ephemeral and "one feedback click every 60 s" in wait.content and "<t:" in wait.content
    other = await env.shown(await env.fake.component_click(answer, f"cd:fb:h:{fact_id}", user=w.moderator))
    assert "Thanks" in other.content, "the cooldown is per member"
    assert env.desk.feedback.counts(fact_id) == {"helpful": 2}


async def test_a_repeated_question_is_one_row_and_old_rows_expire(two: tuple[DeskBot, ServerB]) -> None:
    env, b = two
    w = env.world
    await env.run("config cooldown", {"seconds": 0}, user=w.owner)
    for question in (OFF_TOPIC, OFF_TOPIC.upper(), OFF_TOPIC.rstrip("?"), OFF_TOPIC, OFF_TOPIC):
        await env.run("ask", {"question": question}, user=w.member)
    await env.run("ask", {"question": OFF_TOPIC}, user=b.member, channel=b.general)
    assert env.desk.db.query_one("SELECT count(*) FROM unanswered")[0] == 2, "one row per server"
    gaps = await env.run("facts gaps", user=w.owner)
    assert "5×" in gaps.text()

    old = to_iso(utcnow() - dt.timedelta(days=RETENTION_DAYS + 1))
    env.desk.db.conn.execute("UPDATE unanswered SET last_asked = ? WHERE guild_id = ?", (old, str(w.guild.id)))
    gaps = await env.run("facts gaps", user=w.owner)
    assert "weather" not in gaps.text() and f"last {RETENTION_DAYS} days" in gaps.text()
    await env.run("ask", {"question": "who won the football match last night?"}, user=b.owner, channel=b.general)
    remaining = env.desk.db.query("SELECT guild_id FROM unanswered ORDER BY id")
    assert [r[0] for r in remaining] == [str(b.guild.id)] * 2, "A's expired row is deleted, B's stay"
    shown = await env.run("config show", user=w.owner)
    assert f"Unanswered questions kept: {RETENTION_DAYS} days" in shown.text()


async def test_an_outdated_flag_from_a_direct_message_is_refused_without_a_form(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await fake.send_message(None, w.member, QUESTION, dm=True)
    answer = await fake.wait_for_message(channel=fake.dm_channel(w.member))
    fact_id = fact_ids_in(answer)[0]
    click = await fake.component_click(answer, f"cd:fb:o:{fact_id}", user=w.member)
    assert (await fake.wait_for_response(click))["type"] == 4, "no form to fill in for nothing"
    refused = await env.shown(click)
    assert refused.ephemeral and "in a server" in refused.content and "nothing was stored" in refused.content
    assert env.desk.feedback.flags() == []
