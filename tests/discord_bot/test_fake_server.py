"""Tests of the fake Discord harness itself, driven by a bare discord.py bot defined here.

Why: every end-to-end test of the real bot trusts this harness. These tests pin down that the
real discord.py 2.7 client logs in, identifies, syncs commands, receives interactions and
messages, and that what it sends back is recorded faithfully — independent of the bot's code.
"""

from __future__ import annotations

import asyncio
import io
import re

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import (
    DefaultWorld,
    FakeAttachment,
    FakeDiscord,
    FakeDiscordError,
    RecordedRequest,
    RunClient,
    StoredMessage,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(10)]


class NoteModal(discord.ui.Modal, title="Add a note"):
    """Legacy layout: a bare TextInput, which discord.py wraps in an action row."""

    text: discord.ui.TextInput[NoteModal] = discord.ui.TextInput(label="Note", custom_id="note_text")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"noted: {self.text.value}", ephemeral=True)


class LabelledModal(discord.ui.Modal, title="Add a fact"):
    """Newer layout: components wrapped in Label (type 18)."""

    def __init__(self) -> None:
        super().__init__(custom_id="fact_modal")
        self.fact = discord.ui.TextInput(custom_id="fact_text", style=discord.TextStyle.paragraph)
        self.topic = discord.ui.Select(
            custom_id="fact_topic",
            options=[
                discord.SelectOption(label="Sanctions", value="sanctions"),
                discord.SelectOption(label="Budget", value="budget"),
            ],
        )
        self.add_item(discord.ui.Label(text="Fact", component=self.fact))
        self.add_item(discord.ui.Label(text="Topic", component=self.topic))

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"fact [{self.topic.values[0]}]: {self.fact.value}")


class ConfirmView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=30)
        self.clicked_by: int | None = None

    @discord.ui.button(label="Confirm", custom_id="confirm")
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button[ConfirmView]) -> None:
        self.clicked_by = interaction.user.id
        await interaction.response.edit_message(content="confirmed", view=None)
        self.stop()


class HarnessBot(commands.Bot):
    """A bare bot: two top-level slash commands (one a group), a mention reply, a prefix command."""

    def __init__(self, *, intents: discord.Intents | None = None) -> None:
        super().__init__(
            command_prefix="!",
            intents=intents or discord.Intents.default(),
            guild_ready_timeout=0.1,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.seen_messages: list[discord.Message] = []
        self.app_id_at_setup: int | None = None
        self.resumed = asyncio.Event()
        self.views: list[ConfirmView] = []
        self.exported = asyncio.Event()

    async def setup_hook(self) -> None:
        self.app_id_at_setup = self.application_id
        bot = self

        @app_commands.command(description="Answer with pong")
        @app_commands.describe(text="Something to echo")
        async def ping(interaction: discord.Interaction, text: str = "", times: int = 1) -> None:
            await interaction.response.send_message(" ".join(p for p in ("pong", text, f"x{times}") if p))

        fact = app_commands.Group(
            name="fact",
            description="Curated facts",
            default_permissions=discord.Permissions(manage_messages=True),  # only top level counts
        )

        @fact.command(name="add", description="Add a fact")
        async def fact_add(
            interaction: discord.Interaction, text: str, source: discord.Attachment | None = None
        ) -> None:
            await interaction.response.defer(thinking=True)
            size = len(await source.read()) if source else 0
            await interaction.followup.send(f"added: {text} ({size} bytes)")

        @fact.command(name="note", description="Open the note modal")
        async def fact_note(interaction: discord.Interaction) -> None:
            await interaction.response.send_modal(NoteModal(custom_id="note_modal"))

        @fact.command(name="new", description="Open the labelled modal")
        async def fact_new(interaction: discord.Interaction) -> None:
            await interaction.response.send_modal(LabelledModal())

        @fact.command(name="confirm", description="Post a confirm button")
        async def fact_confirm(interaction: discord.Interaction) -> None:
            view = ConfirmView()
            bot.views.append(view)
            await interaction.response.send_message("please confirm", view=view)

        @fact.command(name="find", description="Find a fact")
        async def fact_find(interaction: discord.Interaction, topic: str) -> None:
            await interaction.response.send_message(f"topic {topic}", ephemeral=True)

        @fact_find.autocomplete("topic")
        async def topic_autocomplete(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            topics = ["sanctions", "budget", "cooperation"]
            return [app_commands.Choice(name=t, value=t) for t in topics if t.startswith(current)]

        @fact.command(name="export", description="Export facts as a file")
        async def fact_export(interaction: discord.Interaction) -> None:
            await interaction.response.send_message(
                "export", file=discord.File(io.BytesIO(b"id,text\n"), "facts.csv")
            )
            original = await interaction.original_response()
            await interaction.followup.send("only you see this", ephemeral=True)
            await interaction.edit_original_response(content=f"export {original.id} (edited)")
            bot.exported.set()

        self.tree.add_command(ping)
        self.tree.add_command(fact)

        @commands.command(name="hello")
        async def hello(ctx: commands.Context[HarnessBot]) -> None:
            await ctx.send("hello from a prefix command")

        self.add_command(hello)

    async def on_message(self, message: discord.Message) -> None:
        if message.author == self.user:
            return
        self.seen_messages.append(message)
        if self.user is not None and self.user in message.mentions:
            await message.reply(
                f"hi {message.author.mention}, you said: {message.content}",
                allowed_mentions=discord.AllowedMentions(users=[message.author], replied_user=False),
            )
        await self.process_commands(message)

    async def on_resumed(self) -> None:
        self.resumed.set()


async def test_connect_reaches_ready_and_identifies_with_the_clients_intents(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    intents = discord.Intents.default()
    intents.message_content = True
    bot = HarnessBot(intents=intents)
    async with run_client(bot, "secret-token-123"):
        assert bot.is_ready()
        assert fake_discord.last_identify["intents"] == intents.value
        assert fake_discord.last_identify["token"] == "<redacted>"
        assert bot.application_id == fake_discord.application_id
        assert bot.app_id_at_setup == fake_discord.application_id  # fetched during login, before setup_hook
        assert bot.user is not None and bot.user.id == fake_discord.bot_user.id
        guild = bot.get_guild(fake_discord.guild.id)
        assert guild is not None
        assert {c.name for c in guild.text_channels} == {"general", "reminders", "mod-log"}
        assert guild.me is not None
        assert guild.owner_id == fake_discord.user("owner").id

    login = fake_discord.requests_to("GET", "/users/@me")
    assert login and login[0].auth_present and login[0].token == "secret-token-123"
    assert fake_discord.requests_to("GET", "/oauth2/applications/@me")
    assert all("secret-token-123" not in repr(r.headers) for r in fake_discord.requests)
    assert fake_discord.tokens_seen == {"secret-token-123"}
    connection = fake_discord.connections[0]
    assert connection.query["v"] == "10" and connection.query["encoding"] == "json"
    # discord.py's close() interrupts its own poll, which then closes with 4000 (not 1000).
    assert connection.closed and connection.close_code in (1000, 4000)
    fake_discord.assert_no_unknown_requests()


async def test_tree_sync_puts_both_commands(fake_discord: FakeDiscord, run_client: RunClient) -> None:
    bot = HarnessBot()
    async with run_client(bot):
        synced = await bot.tree.sync()
        guild_synced = await bot.tree.sync(guild=discord.Object(fake_discord.guild.id))

    assert {c.name for c in synced} == {"ping", "fact"}
    assert guild_synced == []
    (put,) = fake_discord.requests_to("PUT", rf"/applications/{fake_discord.application_id}/commands")
    assert sorted(c["name"] for c in put.json) == ["fact", "ping"]
    fact = next(c for c in fake_discord.commands() if c["name"] == "fact")
    assert {o["name"] for o in fact["options"]} == {"add", "note", "new", "confirm", "find", "export"}
    assert fake_discord.requests_to("PUT", rf"/applications/\d+/guilds/{fake_discord.guild.id}/commands")


async def test_slash_command_reaches_callback_and_response_is_recorded(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        await bot.tree.sync()
        record = await fake_discord.slash_command("ping", {"text": "hi", "times": 3}, user=world.member)
        body = await fake_discord.wait_for_response(record)
        in_dm = await fake_discord.slash_command("ping", user=world.member, dm=True)
        await fake_discord.wait_for_response(in_dm)

    assert body["type"] == 4
    assert body["data"]["content"] == "pong hi x3"
    assert in_dm.original is not None and in_dm.original.content == "pong x1"
    assert in_dm.original.channel_id == fake_discord.dm_channel(world.member).id
    assert record.original is not None and record.original.channel_id == world.general.id
    assert record.response_after is not None and record.response_after < 1
    assert fake_discord.messages_in(world.general)[-1].content == "pong hi x3"


async def test_deferred_subcommand_with_attachment_and_followup(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        await bot.tree.sync()
        with pytest.raises(FakeDiscordError, match="default_member_permissions"):
            await fake_discord.slash_command("fact add", {"text": "x"}, user=world.member)
        record = await fake_discord.slash_command(
            ["fact", "add"],
            {"text": "Judges sanctioned", "source": FakeAttachment("report.txt", b"12345")},
            user=world.moderator,
            channel=world.reminders,
        )
        body = await fake_discord.wait_for_response(record)
        followup = await fake_discord.wait_for_followup(record)

    assert body["type"] == 5
    assert followup.content == "added: Judges sanctioned (5 bytes)"
    assert (
        followup is record.original and not followup.loading
    )  # the first followup fills the "thinking" message
    assert (
        fake_discord.requests_to("POST", rf"/webhooks/{fake_discord.application_id}/[^/]+")[0].query["wait"]
        == "1"
    )


async def test_mention_reaches_on_message_and_reply_is_stored_with_allowed_mentions(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:  # no message_content intent: mentions still carry content
        sent = await fake_discord.send_message(
            world.general, world.member, f"{fake_discord.bot_mention} what is new?"
        )
        reply = await fake_discord.wait_for_message(channel=world.general)
        plain = await fake_discord.send_message(world.general, world.member, "no mention here")
        await fake_discord.wait_until(lambda: len(bot.seen_messages) == 2)

    assert bot.seen_messages[0].content == f"<@{fake_discord.bot_user.id}> what is new?"
    assert (
        bot.seen_messages[1].id == plain.id and bot.seen_messages[1].content == ""
    )  # content intent missing
    assert reply.content == f"hi <@{world.member.id}>, you said: <@{fake_discord.bot_user.id}> what is new?"
    assert reply.allowed_mentions == {"parse": [], "users": [world.member.id]}  # as discord.py sent it
    assert reply.pinged_user_ids == [world.member.id]
    assert reply.payload["message_reference"]["message_id"] == str(sent.id)


async def test_dm_and_prefix_command(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    intents = discord.Intents.default()
    intents.message_content = True
    async with run_client(HarnessBot(intents=intents)) as bot:
        await fake_discord.send_message(None, world.member, "!hello", dm=True)
        reply = await fake_discord.wait_for_message(lambda m: m.content.startswith("hello from"))
        dm = await bot.create_dm(bot.get_user(world.member.id) or await bot.fetch_user(world.member.id))
        await dm.send("direct")

    dm_channel = fake_discord.dm_channel(world.member)
    assert reply.channel_id == dm_channel.id
    assert [m.content for m in fake_discord.bot_messages(dm_channel)] == [
        "hello from a prefix command",
        "direct",
    ]


async def test_modal_submit_round_trip_action_rows_and_labels(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        await bot.tree.sync()
        opened = await fake_discord.slash_command("fact note", user=world.moderator)
        assert (await fake_discord.wait_for_response(opened))["type"] == 9
        assert opened.modal is not None and opened.modal["custom_id"] == "note_modal"
        submitted = await fake_discord.modal_submit(
            "note_modal", {"note_text": "check the budget"}, user=world.moderator
        )
        answer = await fake_discord.wait_for_response(submitted)

        opened2 = await fake_discord.slash_command("fact new", user=world.owner)
        await fake_discord.wait_for_response(opened2)
        submitted2 = await fake_discord.modal_submit(
            None, {"fact_text": "Arrears grew", "fact_topic": ["budget"]}, user=world.owner
        )
        answer2 = await fake_discord.wait_for_response(submitted2)
        with pytest.raises(FakeDiscordError, match="not in the modal"):
            await fake_discord.modal_submit(
                "fact_modal", {"fact_text": "y", "typo": "x", "fact_topic": ["budget"]}, user=world.owner
            )
        with pytest.raises(FakeDiscordError, match="required"):
            await fake_discord.modal_submit("fact_modal", {"fact_topic": ["budget"]}, user=world.owner)

    assert answer["type"] == 4
    assert answer["data"]["content"] == "noted: check the budget" and answer["data"]["flags"] == 64
    assert submitted.payload["data"]["components"] == [
        {
            "type": 1,
            "id": 1,
            "components": [{"type": 4, "id": 2, "custom_id": "note_text", "value": "check the budget"}],
        }
    ]
    assert [c["type"] for c in submitted2.payload["data"]["components"]] == [18, 18]
    assert answer2["data"]["content"] == "fact [budget]: Arrears grew"


async def test_button_click_round_trip(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        await bot.tree.sync()
        record = await fake_discord.slash_command("fact confirm", user=world.moderator, channel=world.general)
        await fake_discord.wait_for_response(record)
        assert record.original is not None
        click = await fake_discord.component_click(record.original, "confirm", user=world.member)
        body = await fake_discord.wait_for_response(click)
        await asyncio.wait_for(bot.views[0].wait(), 2)

    assert body["type"] == 7
    assert bot.views[0].clicked_by == world.member.id
    assert record.original.content == "confirmed" and record.original.components == []
    assert record.original.history[0]["content"] == "please confirm"


async def test_autocomplete_returns_choices(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        await bot.tree.sync()
        record = await fake_discord.autocomplete("fact find", {"topic": "b"}, "topic", user=world.owner)
        await fake_discord.wait_for_response(record)

    assert record.choices == [{"name": "budget", "value": "budget"}]


async def test_same_nonce_twice_stores_one_message(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        channel = bot.get_channel(world.reminders.id)
        assert isinstance(channel, discord.TextChannel)
        first = await channel.send("deadline tomorrow", nonce=4242)
        second = await channel.send("deadline tomorrow", nonce=4242)
        third = await channel.send("another")

    assert first.id == second.id != third.id
    assert [m.content for m in fake_discord.bot_messages(world.reminders)] == ["deadline tomorrow", "another"]
    posts = fake_discord.requests_to("POST", rf"/channels/{world.reminders.id}/messages")
    assert len(posts) == 3 and posts[0].json["enforce_nonce"] is True


async def test_unknown_route_is_recorded(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        guild = bot.get_guild(fake_discord.guild.id)
        assert guild is not None
        with pytest.raises(discord.NotFound):
            await guild.fetch_emojis()

    (unknown,) = fake_discord.unknown_requests
    assert unknown.method == "GET" and unknown.path == f"/guilds/{fake_discord.guild.id}/emojis"
    assert unknown.status == 404 and unknown.response == {"message": "404: Not Found", "code": 0}
    with pytest.raises(AssertionError):
        fake_discord.assert_no_unknown_requests()


async def test_rate_limit_then_success_and_channel_errors(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    fake_discord.fail_next_posts(2, 429, retry_after=0.01)
    fake_discord.fail_channel(world.mod_log, 403)
    async with run_client(HarnessBot()) as bot:
        general = bot.get_channel(world.general.id)
        mod_log = bot.get_channel(world.mod_log.id)
        assert isinstance(general, discord.TextChannel) and isinstance(mod_log, discord.TextChannel)
        await general.send("eventually")
        with pytest.raises(discord.Forbidden) as forbidden:
            await mod_log.send("nope")
        fake_discord.fail_channel(world.mod_log, 404)
        with pytest.raises(discord.NotFound) as not_found:
            await mod_log.send("nope")

    statuses = [r.status for r in fake_discord.requests_to("POST", rf"/channels/{world.general.id}/messages")]
    assert statuses == [429, 429, 200]
    assert forbidden.value.code == 50001 and not_found.value.code == 10003
    assert [m.content for m in fake_discord.bot_messages()] == ["eventually"]


async def test_wait_for_sees_requests_and_messages(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        channel = bot.get_channel(world.general.id)
        assert isinstance(channel, discord.TextChannel)
        task = asyncio.create_task(channel.send("later"))
        found = await fake_discord.wait_for(lambda i: isinstance(i, StoredMessage) and i.content == "later")
        request = await fake_discord.wait_for(lambda i: isinstance(i, RecordedRequest) and i.method == "POST")
        await task
        with pytest.raises(TimeoutError, match="recent requests"):
            await fake_discord.wait_for_message(lambda m: m.content == "never", timeout=0.05)

    assert isinstance(found, StoredMessage) and isinstance(request, RecordedRequest)


async def test_disconnect_resumes_and_clients_connect_in_sequence(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        await fake_discord.disconnect(code=4000)
        await asyncio.wait_for(bot.resumed.wait(), 3)
        assert fake_discord.connections[-1].resumed
        await fake_discord.send_message(
            world.general, world.member, f"{fake_discord.bot_mention} still there?"
        )
        await fake_discord.wait_for_message(lambda m: "still there" in m.content)

    async with run_client(HarnessBot()) as second:
        await fake_discord.send_message(world.general, world.owner, f"{fake_discord.bot_mention} again")
        await fake_discord.wait_until(lambda: second.seen_messages)

    assert len(fake_discord.identify_payloads) == 2
    assert len(fake_discord.connections) == 3
    assert not fake_discord.live_connections


async def test_fatal_close_ends_the_client(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    with pytest.raises(discord.ConnectionClosed) as closed:
        async with run_client(HarnessBot()) as bot:
            await fake_discord.disconnect(code=4004)  # "Authentication failed": not resumable
            await fake_discord.wait_until(bot.is_closed, timeout=2)
    assert closed.value.code == 4004


async def test_files_in_interaction_responses_and_followups(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    async with run_client(HarnessBot()) as bot:
        await bot.tree.sync()
        record = await fake_discord.slash_command("fact export", user=world.owner)
        await asyncio.wait_for(bot.exported.wait(), 2)

    assert (
        record.response_files[0].filename == "facts.csv" and record.response_files[0].content == b"id,text\n"
    )
    assert record.original is not None
    assert record.original.content == f"export {record.original.id} (edited)"
    assert record.original.attachment_names == ["facts.csv"]
    (followup,) = record.followups
    assert followup.ephemeral and followup.content == "only you see this"
    fake_discord.assert_no_unknown_requests()


async def test_rest_calls_a_bot_makes_parse_in_discord_py(
    fake_discord: FakeDiscord, world: DefaultWorld, run_client: RunClient
) -> None:
    """Fetches, edits, deletes, files and DMs: every payload must parse as discord.py expects."""
    async with run_client(HarnessBot()) as bot:
        channel = await bot.fetch_channel(world.general.id)
        assert isinstance(channel, discord.TextChannel) and channel.name == "general"
        guild = await bot.fetch_guild(world.guild.id)
        assert guild.name == world.guild.name and guild.approximate_member_count == 4
        member = await guild.fetch_member(world.moderator.id)
        assert [r.name for r in member.roles if r.name != "@everyone"] == ["Moderator"]
        assert {r.name for r in await guild.fetch_roles()} >= {"@everyone", "Moderator"}
        with pytest.raises(discord.NotFound):
            await guild.fetch_member(123456789012345678)

        sent = await channel.send("draft", file=discord.File(io.BytesIO(b"hello"), "note.txt"))
        assert await sent.attachments[0].read() == b"hello"  # served by the fake's CDN route
        fetched = await channel.fetch_message(sent.id)
        await fetched.edit(content="final")
        await fetched.add_reaction("\N{WHITE HEAVY CHECK MARK}")
        history = [m.content async for m in channel.history(limit=5)]
        user = await bot.fetch_user(world.member.id)
        await user.send("a direct message")
        doomed = await channel.send("to delete")
        await doomed.delete()

    stored = fake_discord.message(sent.id)
    assert stored.content == "final" and stored.edits[0]["content"] == "final"
    assert stored.files[0].content == b"hello" and stored.reactions == ["\N{WHITE HEAVY CHECK MARK}"]
    assert history == ["final"]
    assert fake_discord.message(doomed.id).deleted
    assert [m.content for m in fake_discord.bot_messages(fake_discord.dm_channel(world.member))] == [
        "a direct message"
    ]
    fake_discord.assert_no_unknown_requests()


def test_requests_to_uses_full_match() -> None:
    fake = FakeDiscord()
    fake.requests.append(
        RecordedRequest("POST", "/channels/1/messages/2", {}, {}, None, [], True, "t", 200, "x")
    )
    assert fake.requests_to("POST", r"/channels/\d+/messages") == []
    assert re.fullmatch(r"/channels/\d+/messages/\d+", fake.requests[0].path)
