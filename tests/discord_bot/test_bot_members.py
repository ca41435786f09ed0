"""Members on Discord: /ask, mentions and DMs answered from the curated store, browsing, feedback, cooldown.

All over real HTTP and a real websocket: the fake Discord sends what Discord would, the unpatched discord.py
client runs the bot built by `create_client`, and the assertions read what the bot posted.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import SHIPPED_FACTS
from tests.fakediscord import StoredMessage

from .test_bot_kit import DeskBot

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(20)]

QUESTION = "what did ASP24 say about sanctions?"


def fact_ids_in(message: StoredMessage) -> list[str]:
    """The fact id of each answer embed."""
    ids = []
    for embed in message.embeds:
        for field in embed.get("fields", []):
            if field["name"] == "Fact id":
                ids.append(field["value"].strip("`"))
    return ids


def assert_sourced_answer(message: StoredMessage, env: DeskBot) -> None:
    """An answer embed: the fact's text, every source (as a link when it has an address), as-of and id."""
    assert message.embeds, f"expected an answer embed, got {message.content!r}"
    first = message.embeds[0]
    fact = env.desk.facts.require(fact_ids_in(message)[0])
    assert first["description"] == fact.text
    fields = {f["name"]: f["value"] for f in first["fields"]}
    for source in env.desk.facts.sources_for(fact):
        assert source.publisher in fields["Sources"]
        if source.url:
            assert f"]({source.url})" in fields["Sources"]
    assert fields["As of"] and fields["Fact id"] == f"`{fact.id}`"
    related = {f["name"]: f["value"] for f in message.embeds[-1]["fields"]}.get("Related facts", "")
    assert len(related.splitlines()) <= 3
    assert message.embeds[-1]["footer"]["text"].startswith("Asked: ")
    custom_ids = [c["custom_id"] for row in message.components for c in row["components"]]
    assert f"cd:fb:h:{fact.id}" in custom_ids and f"cd:fb:o:{fact.id}" in custom_ids


async def test_ask_answers_with_sources_as_of_and_fact_id(env: DeskBot) -> None:
    msg = await env.run("ask", {"question": "What is the €74 million in arrears?"}, user=env.world.member)
    assert not msg.ephemeral and not msg.content
    assert_sourced_answer(msg, env)
    # a question whose answer cites sources with addresses shows them as links
    msg = await env.run("ask", {"question": "When and where did ASP24 take place?"}, user=env.world.owner)
    assert_sourced_answer(msg, env)
    assert "](https://" in msg.embeds[0]["fields"][0]["value"]


async def test_question_with_no_curated_fact_gets_a_plain_answer_and_closest_topics(env: DeskBot) -> None:
    msg = await env.run("ask", {"question": "what will the weather be in The Hague tomorrow?"},
                        user=env.world.member)
    assert not msg.embeds and not msg.components
    assert "No curated fact on that yet" in msg.content and "/topics" in msg.content
    assert env.desk.feedback.gaps(), "the unanswered question is kept for the moderators"


async def test_a_related_fact_without_the_asked_detail_is_shown_as_partial(env: DeskBot) -> None:
    msg = await env.run("ask", {"question": "what date did the philippines surrender duterte to the icc?"},
                        user=env.world.member)
    assert msg.content == "The curated facts don't say the exact date. What they do say:"
    assert fact_ids_in(msg) == ["duterte-surrendered-to-icc"]
    assert_sourced_answer(msg, env)
    gaps = env.desk.feedback.gaps(guild_id=str(env.world.guild.id))
    assert [g.question for g in gaps] == ["what date did the philippines surrender duterte to the icc?"], \
        "asked and not answered: kept for the moderators"


async def test_a_mention_is_answered_like_ask_and_plain_messages_are_ignored(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await fake.send_message(w.general, w.member, "just chatting about the ASP, no question for the bot")
    asked = await fake.send_message(w.general, w.member, f"{fake.bot_mention} {QUESTION}")
    reply = await fake.wait_for_message(lambda m: m.channel_id == w.general.id)
    assert reply.payload["message_reference"]["message_id"] == str(asked.id)
    assert_sourced_answer(reply, env)
    assert len(fake.bot_messages(w.general)) == 1, "only the mention was answered"
    slash = await env.run("ask", {"question": QUESTION}, user=w.owner)
    assert fact_ids_in(slash) == fact_ids_in(reply), "a mention gets the same answer as /ask"


async def test_a_direct_message_is_answered(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await fake.send_message(None, w.member, QUESTION, dm=True)
    reply = await fake.wait_for_message(channel=fake.dm_channel(w.member))
    assert_sourced_answer(reply, env)


async def test_browsing_topics_and_a_fact_with_autocomplete_on_ids_and_titles(env: DeskBot) -> None:
    fake, member = env.fake, env.world.member
    topics = await env.run("topics", user=member)
    assert "Topics:" in topics.text() and "asp24" in topics.text()
    by_title = await fake.autocomplete("fact show", {"id": "joint declaration"}, "id", user=member)
    await fake.wait_for_response(by_title)
    assert by_title.choices and by_title.choices[0]["value"] == "asp24-joint-declaration-solidarity"
    by_id = await fake.autocomplete("fact show", {"id": "arrears"}, "id", user=member)
    await fake.wait_for_response(by_id)
    assert all(len(c["name"]) <= 100 for c in by_id.choices or [])
    fact_id = by_id.choices[0]["value"]  # type: ignore[index]
    shown = await env.run("fact show", {"id": fact_id}, user=member)
    assert fact_ids_in(shown) == [fact_id] and shown.embeds[0]["title"] == env.desk.facts.require(fact_id).title
    missing = await env.run("fact show", {"id": "no-such-fact"}, user=member)
    assert missing.ephemeral and "No fact with id" in missing.content


async def test_feedback_buttons_store_helpful_and_outdated_with_a_note(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.configure(modlog=True)
    answer = await env.run("ask", {"question": QUESTION}, user=w.member)
    fact_id = fact_ids_in(answer)[0]

    thanks = await env.shown(await fake.component_click(answer, f"cd:fb:h:{fact_id}", user=w.member))
    assert thanks.ephemeral and "Thanks" in thanks.content
    assert env.desk.feedback.counts(fact_id) == {"helpful": 1}

    click = await fake.component_click(answer, f"cd:fb:o:{fact_id}", user=w.moderator)
    assert (await fake.wait_for_response(click))["type"] == 9, "Outdated or wrong opens a form for a note"
    note = "The declaration text was revised on 10 December; see the final PDF."
    done = await env.shown(await fake.modal_submit(None, {"note": note}, user=w.moderator))
    assert done.ephemeral and "moderators will review" in done.content
    flag = env.desk.feedback.flags()[0]
    assert (flag.fact_id, flag.note, flag.question) == (fact_id, note, QUESTION)
    logged = await fake.wait_for_message(lambda m: "flagged fact" in m.text(), channel=w.mod_log)
    assert note in logged.text() and f"<@{w.moderator.id}>" in logged.text()
    listing = await env.run("facts feedback", user=w.owner)
    assert note in listing.text() and listing.ephemeral


async def test_cooldown_refuses_quick_repeats_and_says_when_to_try_again(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    setting = await env.run("config cooldown", {"seconds": 60}, user=w.owner)
    assert setting.ephemeral and "60 s" in setting.content
    first = await env.run("ask", {"question": QUESTION}, user=w.member)
    assert first.embeds
    again = await env.run("ask", {"question": "and the budget?"}, user=w.member)
    assert again.ephemeral and not again.embeds
    assert re.search(r"ask again <t:\d+:R>", again.content) and "60 s" in again.content
    other = await env.run("ask", {"question": QUESTION}, user=w.owner)
    assert other.embeds, "the cooldown is per member"

    # a flood of mentions: the first is answered, the second told to wait once, the rest get nothing
    def replies_to(user: object) -> list[StoredMessage]:
        return [m for m in fake.bot_messages(w.general)
                if m.payload.get("referenced_message", {}).get("author", {}).get("id") == str(user.id)]  # type: ignore[attr-defined]

    for _ in range(3):
        await fake.send_message(w.general, w.moderator, f"{fake.bot_mention} {QUESTION}")
    await fake.wait_until(lambda: len(replies_to(w.moderator)) >= 2)
    probe = await fake.send_message(w.general, w.owner, f"{fake.bot_mention} is there a budget fact?")
    await fake.wait_until(lambda: replies_to(w.owner))  # handled after the third mention, which got no reply
    answered, told = sorted(replies_to(w.moderator), key=lambda m: bool(m.embeds), reverse=True)
    assert answered.embeds and "ask again <t:" in told.content
    assert len(replies_to(w.moderator)) == 2 and probe.id


async def test_with_an_answer_channel_answers_elsewhere_are_only_shown_to_the_asker(env: DeskBot) -> None:
    fake, w = env.fake, env.world
    await env.run("config answers", {"channel": w.general}, user=w.owner)
    elsewhere = await env.run("ask", {"question": QUESTION}, user=w.member, channel=w.reminders)
    assert elsewhere.ephemeral and elsewhere.embeds and f"<#{w.general.id}>" in elsewhere.content
    await fake.send_message(w.reminders, w.moderator, f"{fake.bot_mention} {QUESTION}")
    pointer = await fake.wait_for_message(lambda m: bool(m.payload.get("message_reference")), channel=w.reminders)
    assert not pointer.embeds and f"<#{w.general.id}>" in pointer.content
    await fake.send_message(w.general, w.owner, f"{fake.bot_mention} {QUESTION}")
    answered = await fake.wait_for_message(lambda m: bool(m.payload.get("message_reference")), channel=w.general)
    assert_sourced_answer(answered, env)


async def test_listing_a_topics_facts(env: DeskBot) -> None:
    listing = await env.run("fact list", {"topic": "budget"}, user=env.world.member)
    budget = env.desk.facts.list("budget")
    assert listing.ephemeral and all(f"`{f.id}`" in listing.text() for f in budget)
    everything = await env.run("fact list", user=env.world.member)
    assert everything.attachment_names == ["reply.md"], "a list longer than an embed is attached whole"
    assert everything.files[0].content.decode().count("\n") == SHIPPED_FACTS - 1 and len(everything.content) <= 2000
