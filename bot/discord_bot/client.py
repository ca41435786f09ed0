"""The Discord client: one factory builds it for `python -m bot run` and for the tests alike.

The client is thin. Slash commands (bot.discord_bot.commands), buttons and forms (bot.discord_bot.buttons,
bot.discord_bot.forms) and mentions or DMs (here) all end in `bot.core.commands.run`, the function the local chat
and the CLI call. Core calls run off the event loop (bot.core.work): commands that only read on a small pool of
readers with their own database connections, writes on one writer, behind bounded queues, so a slow import
never blocks the gateway or the answers, and a flood gets "busy" notices instead of a queue nobody is answered
from in time. The event loop itself never waits on the database. It is the top of the package: the other
modules reach it only as a `bot.discord_bot.host.DeskHost`, never by importing this module.

Safety is set where the client is made: no mention is ever parsed from what the bot sends (reminder posts name
the one configured role explicitly), the token is only handed to discord.py and never logged, and only
non-privileged intents are asked for: Discord delivers the content of messages that mention the bot, and of
DMs, without the message-content intent, and slash commands need no intent at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import json
import logging
import re
import signal
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import aiohttp
import discord

from bot import __version__
from bot.core import answer_process
from bot.core.answer_process import wanted as answers_apart_wanted  # __init__'s parameter hides the module
from bot.core.commands import SORRY
from bot.core.cooldown import CooldownTracker, Wait
from bot.core.desk import Desk
from bot.core.language import detect
from bot.core.permissions import Actor, operators_from_env
from bot.core.registry import Context, Reply
from bot.core.reminders.senders import Report
from bot.core.scheduler import TICK_SECONDS
from bot.core.storage import StorageError
from bot.core.timeutil import utcnow
from bot.core.work import Busy, Workers
from bot.discord_bot import buttons
from bot.discord_bot.commands import DeskTree, register_commands
from bot.discord_bot.display import change_embed, cooldown_text, message_kwargs
from bot.discord_bot.flag_log import FlagLog
from bot.discord_bot.host import cooldown_key
from bot.discord_bot.replies import busy_reply
from bot.discord_bot.sender import DiscordReminders, post_to_channel, report_to_moderators
from bot.discord_bot.translator import FrenchTranslator

log = logging.getLogger(__name__)
T = TypeVar("T")

COMMANDS_META = "discord.synced_commands"
GIL_SWITCH_SECONDS = 0.001
EMPTY_MENTION_HINT = "Ask me a question after the mention, like: what did ASP24 say about sanctions? (or use /ask)"


def default_intents() -> discord.Intents:
    """The least that works: guilds (servers, channels, roles, commands), and message events for mentions and
    DMs. No privileged intent: no member list, no presences, no message content."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    return intents


class CoalitionDeskBot(discord.Client):
    """A discord.Client holding the Desk, the command tree, the question cooldown and the reminder service."""

    def __init__(self, desk: Desk, *, intents: discord.Intents | None = None, sync_commands: bool = True,
                 guild_ready_timeout: float = 2.0, reminders: bool = True,
                 clock: Callable[[], dt.datetime] | None = None, tick_seconds: float = TICK_SECONDS,
                 answer_process: bool | None = None) -> None:
        super().__init__(intents=intents or default_intents(), allowed_mentions=discord.AllowedMentions.none(),
                         guild_ready_timeout=guild_ready_timeout)
        self.desk = desk
        self.tree = DeskTree(self)
        register_commands(self.tree)
        self.sync_commands = sync_commands
        self.sync_state = "not synced"
        self.cooldowns = CooldownTracker()
        self.operator_ids = operators_from_env()  # and, after login, the application's owner or team
        self.reminders = DiscordReminders(self, clock=clock, tick_seconds=tick_seconds) if reminders else None
        self.flag_log = FlagLog(self, clock)  # members' flags to the mod-log in batches, on the same clock
        self.answers_apart = answers_apart_wanted(answer_process)  # questions answered in a child process
        self.workers = Workers.sized(desk, answers_apart=self.answers_apart)  # readers and the writer of commands
        self._background: set[asyncio.Task[None]] = set()  # mod-log notes of storage faults, on their way

    # --- lifecycle ---------------------------------------------------------------------------------------------
    async def setup_hook(self) -> None:
        """After login, before the gateway: buttons that outlive restarts, command sync, reminders."""
        self.add_dynamic_items(buttons.FeedbackButton)
        self.operator_ids = operators_from_env() | application_operators(self.application)
        await asyncio.to_thread(self.desk.settings.all)  # every server's settings into memory, off the loop
        if self.answers_apart:  # it starts in the background; we answer until it is ready
            answer_process.attach(self.desk)
        await asyncio.to_thread(self.desk.warm)  # and what answering caches, before the first question
        try:
            await self.flag_log.flush()  # flags that were waiting for their batch when the bot last stopped
        except StorageError as exc:  # a read-only or full database: they wait, and the log says so in one line
            log.warning("waiting flags stay waiting: %s", exc)
        except Exception:
            log.exception("posting waiting flags failed; they go out with the next flag")
        await self.tree.set_translator(FrenchTranslator())  # French command names for French clients
        if self.sync_commands:
            await self._sync_commands()
        else:
            self.sync_state = "sync off"
        if self.reminders is not None:
            try:
                await self.reminders.start()
            except Exception:
                log.exception("reminders could not start; answering questions continues without them")

    async def _sync_commands(self) -> None:
        """Sync the slash commands when they changed since the last sync by this application (a hash in the
        database), so a restart does not rewrite them every time."""
        translator = self.tree.translator
        payload = [await cmd.get_translated_payload(self.tree, translator) if translator else cmd.to_dict(self.tree)
                   for cmd in self.tree.get_commands()]
        digest = hashlib.blake2b(json.dumps([self.application_id, payload], sort_keys=True).encode(),
                                 digest_size=12).hexdigest()
        if await asyncio.to_thread(self.desk.db.get_meta, COMMANDS_META) == digest:
            self.sync_state = f"{len(payload)} commands unchanged"
            return
        try:
            synced = await self.tree.sync()
        except discord.HTTPException as exc:
            self.sync_state = "sync failed"
            log.error("could not sync the slash commands (%s %s); mentions and DMs still work", exc.status, exc.text)
            return
        try:
            await asyncio.to_thread(self.desk.db.set_meta, COMMANDS_META, digest)
        except StorageError as exc:  # a read-only database or a full disk: the next start syncs again
            log.warning("slash commands synced but not recorded: %s", exc)
        self.sync_state = f"{len(synced)} commands synced"

    async def on_guild_available(self, guild: discord.Guild) -> None:
        """The server's settings into memory off the event loop (a server with none saved yet included), so its
        first question does not read them on the loop."""
        await asyncio.to_thread(self.desk.settings.get, str(guild.id))

    on_guild_join = on_guild_available

    async def on_ready(self) -> None:
        user = self.user
        facts, deadlines = await asyncio.to_thread(lambda: (self.desk.facts.count(), self.desk.deadlines.count()))
        log.info("Coalition Desk %s ready: logged in as %s (id %s) on %d server(s); %s; %d facts, %d deadlines; "
                 "reminders %s", __version__, user, user.id if user else "?", len(self.guilds), self.sync_state,
                 facts, deadlines, self._reminder_state())

    def _reminder_state(self) -> str:
        if self.reminders is None:
            return "off"
        return "dispatching" if self.reminders.service.leader else "not dispatching (see above)"

    async def close(self) -> None:
        await self.flag_log.stop()
        if self.reminders is not None:
            try:
                await self.reminders.stop()
            except Exception:
                log.exception("stopping the reminders failed")
        await super().close()
        self.workers.shutdown()
        await asyncio.to_thread(self.desk.detach_answer_process)

    # --- the core ----------------------------------------------------------------------------------------------
    async def run_core(self, ctx: Context, name: str, args: dict[str, Any]) -> Reply:
        """`bot.core.commands.run` off the event loop. It never raises: errors come back as Replies, and a full
        queue as the short busy reply (failure "busy")."""
        try:
            return await self.start_core(ctx, name, args)
        except Busy:
            return busy_reply()

    def start_core(self, ctx: Context, name: str, args: dict[str, Any], *,
                   start_by: float | None = None) -> asyncio.Future[Reply]:
        """Queue a core command (Busy when the queues are full for this server, or, from the future, when it
        was still waiting at `start_by`, a time.monotonic() value); cancelling the future before the command
        has started takes it off the queue."""
        queued = asyncio.wrap_future(self.workers.command(ctx, name, args, start_by=start_by))
        return asyncio.ensure_future(self._after_core(ctx, name, queued))

    async def read(self, func: Callable[[], T], *, server: str | None = None) -> T:
        """A read the adapter needs itself (autocomplete, a lookup before a form), on a reader thread."""
        return await asyncio.wrap_future(self.workers.read(func, server=server))

    async def _after_core(self, ctx: Context, name: str, queued: asyncio.Future[Reply]) -> Reply:
        """A storage fault (a full disk, a read-only database) is told to the server's moderators once, in the
        background, so the member's reply is not held up."""
        loop = asyncio.get_running_loop()
        reply = await queued
        if reply.failure == "storage":
            log.warning("command %r could not write (guild %s, user %s): %s", name, ctx.guild_id, ctx.actor.id,
                        reply.fault)
        if reply.fault is not None and self.desk.fault_notices.first(ctx.guild_id, reply.fault.kind):
            text = reply.fault.report_text(ctx.actor.name, name)
            modlog = self.desk.settings.get(ctx.guild_id).modlog_channel_id if ctx.guild_id else None
            task = loop.create_task(report_to_moderators(self, Report(ctx.guild_id, modlog, "storage", text)))
            self._background.add(task)
            task.add_done_callback(self._background.discard)
        return reply

    def context_for(self, interaction: discord.Interaction[Any]) -> Context:
        """Who and where, as plain strings. Manage Server comes from the permissions Discord resolved for this
        interaction; roles from the member."""
        user = interaction.user
        guild_id = str(interaction.guild_id) if interaction.guild_id else None
        perms = interaction.permissions
        actor = Actor(
            id=str(user.id), name=user.display_name, guild_id=guild_id,
            manage_server=bool(guild_id) and (perms.manage_guild or perms.administrator),
            role_ids=frozenset(str(r.id) for r in getattr(user, "roles", [])),
            operator=str(user.id) in self.operator_ids,
        )
        channel = str(interaction.channel_id) if interaction.channel_id else None
        return Context(actor, guild_id, channel, locale=str(interaction.locale))

    def context_for_message(self, message: discord.Message) -> Context:
        author = message.author
        guild_id = str(message.guild.id) if message.guild else None
        manage = isinstance(author, discord.Member) and author.guild_permissions.manage_guild
        actor = Actor(id=str(author.id), name=author.display_name, guild_id=guild_id, manage_server=manage,
                      role_ids=frozenset(str(r.id) for r in getattr(author, "roles", [])),
                      operator=str(author.id) in self.operator_ids)
        return Context(actor, guild_id, str(message.channel.id))

    def cooldown_seconds(self, ctx: Context) -> int:
        return int(self.desk.settings.get(ctx.guild_id).cooldown_seconds or 0)

    def check_cooldown(self, ctx: Context) -> Wait | None:
        return self.cooldowns.check(cooldown_key(ctx), self.cooldown_seconds(ctx))

    async def post_change(self, ctx: Context, reply: Reply, message: discord.Message | None) -> None:
        """A change a command made, to the server's mod-log channel when one is set: who, what, and a link."""
        if not ctx.guild_id or not reply.change:
            return
        channel_id = self.desk.settings.get(ctx.guild_id).modlog_channel_id
        if not channel_id:
            return
        link = message.jump_url if message is not None else None
        await post_to_channel(self, channel_id,
                              embed=change_embed(reply.change, ctx.actor, reply.data, link, ctx.channel_id))

    async def post_flags(self, guild_id: str | None) -> None:
        """Members' flags to the server's mod-log, batched (bot.discord_bot.flag_log). Never raises: the flag is
        stored and the member already thanked; what could not go now goes with the next batch."""
        try:
            await self.flag_log.post(guild_id)
        except Exception:
            log.exception("posting flags of guild %s to the mod-log failed", guild_id)

    # --- mentions and DMs ----------------------------------------------------------------------------------------
    def question_in(self, message: discord.Message) -> str | None:
        """The question in a DM, or in a server message that mentions the bot by name (a reply that only pings
        the bot, like "thanks!", is not a question). None when the message is not for the bot."""
        if self.user is None or message.author.bot:
            return None
        if message.guild is None:
            return message.content.strip() or None
        mention = re.compile(rf"<@!?{self.user.id}>")
        if not mention.search(message.content):
            return None
        return " ".join(mention.sub(" ", message.content).split())

    async def on_message(self, message: discord.Message) -> None:
        question = self.question_in(message)
        if question is None:
            return
        try:
            await self._answer_message(message, question)
        except Exception:
            log.exception("answering message %s from user %s in guild %s, channel %s failed", message.id,
                          message.author.id, message.guild.id if message.guild else None, message.channel.id)
            self.cooldowns.reset(cooldown_key(self.context_for_message(message)))
            try:
                await message.reply(SORRY, mention_author=False)
            except Exception as exc:  # the connection may be what failed
                log.warning("could not send the apology for message %s: %s", message.id, exc)

    async def _answer_message(self, message: discord.Message, question: str) -> None:
        ctx = self.context_for_message(message)
        wait = self.check_cooldown(ctx)
        if wait is not None:
            if not wait.already_told:  # tell once per wait, then stay quiet: a flood gets one reply
                await message.reply(cooldown_text(wait, self.cooldown_seconds(ctx), detect(question)),
                                    mention_author=False)
            return
        if not question:
            await message.reply(EMPTY_MENTION_HINT, mention_author=False)
            return
        answers = self.desk.settings.get(ctx.guild_id).answer_channel_id if ctx.guild_id else None
        if answers and answers != ctx.channel_id:
            await message.reply(f"I answer questions in <#{answers}>, or use /ask here (only you will see the "
                                f"answer).", mention_author=False)
            return
        reply = await self.run_core(ctx, "ask", {"question": question})
        if reply.failure in ("internal", "busy"):  # ours: the member's next try is not held against them
            self.cooldowns.reset(cooldown_key(ctx))
        # read on the module: /ask and mentions share one renderer, replaceable in one place (tests do)
        content, embeds, view = buttons.answer_parts(reply)
        await message.reply(mention_author=False, **message_kwargs(content, embeds=embeds, view=view))

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("unhandled error in %s", event_method)


def application_operators(app: discord.AppInfo | None) -> frozenset[str]:
    """The bot's operators on Discord: the application's owner or, for a team-owned application, the team's
    admins and developers (as discord.py's own owner check counts them; read-only members are not)."""
    if app is None:
        return frozenset()
    if app.team is None:
        return frozenset({str(app.owner.id)})
    roles = (discord.TeamMemberRole.admin, discord.TeamMemberRole.developer)
    ids = {str(m.id) for m in app.team.members if m.role in roles}
    return frozenset(ids | ({str(app.team.owner_id)} if app.team.owner_id else set()))


def create_client(desk: Desk, *, intents: discord.Intents | None = None, sync_commands: bool = True,
                  guild_ready_timeout: float = 2.0, reminders: bool = True,
                  clock: Callable[[], dt.datetime] | None = None,
                  tick_seconds: float = TICK_SECONDS, answer_process: bool | None = None) -> CoalitionDeskBot:
    """The one place the Discord client is built, for `run_bot` and the end-to-end tests.

    intents: default `default_intents()` (no privileged intent); sync_commands: sync slash commands in
    setup_hook when they changed; guild_ready_timeout: how long discord.py waits for servers at start (tests use
    0.1); reminders: run the reminder service and scheduler; clock: the reminder dispatcher's clock (tests move
    it instead of waiting); tick_seconds: the scheduler's periodic wake-up; answer_process: answer questions in a
    child process (default: `BOT_ANSWER_PROCESS`, on/off/auto, off when unset; bot.core.answer_process).
    """
    # Answers are worked out on reader threads that hold the GIL while they compute; asking them for it back
    # after 1 ms (Python's default is 5) keeps the event loop, which only waits on sockets, from stalling
    # behind them. Measured in bench/bench_load.py: with two CPU-bound processes beside the bot, it turned
    # deferrals, busy notices and expired interactions into answers.
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    # The bot has no voice features: skip discord.py's start-up warnings about voice libraries.
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    return CoalitionDeskBot(desk, intents=intents, sync_commands=sync_commands,
                            guild_ready_timeout=guild_ready_timeout, reminders=reminders, clock=clock,
                            tick_seconds=tick_seconds, answer_process=answer_process)


# Something to run for as long as the client does, in the same loop (the web site: `run --web`).
Beside = Callable[[CoalitionDeskBot], contextlib.AbstractAsyncContextManager[Any]]


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


async def _run(desk: Desk, token: str, beside: Beside | None = None) -> int:
    # our own entry point: answering in a child process is on where there is a CPU for it, unless told otherwise
    client = create_client(desk, answer_process=answer_process.wanted(default=answer_process.RUN_DEFAULT))
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread, or Windows
        loop.add_signal_handler(signal.SIGTERM, lambda: loop.create_task(client.close()))
    try:
        async with client, (beside(client) if beside else contextlib.nullcontext()):
            await client.start(token)
    except discord.LoginFailure:
        return _fail("Discord rejected the token in DISCORD_TOKEN (401 Unauthorized): copy it again from the "
                     "Developer Portal (Bot tab, Reset Token) into the environment or .env.")
    except discord.PrivilegedIntentsRequired:
        return _fail("Discord refused the connection because of a privileged intent; this bot needs none, so "
                     "check that the code asks for the default intents.")
    except discord.HTTPException as exc:
        return _fail(f"Discord refused the connection ({exc.status}): {exc.text or 'no details'}.")
    except (discord.GatewayNotFound, discord.ConnectionClosed, aiohttp.ClientError, OSError) as exc:
        return _fail(f"Could not connect to Discord ({type(exc).__name__}); check the network and try again.")
    return 0


def run_bot(desk: Desk, token: str | None, *, beside: Beside | None = None) -> int:
    """Run until stopped (Ctrl-C or SIGTERM). A missing token (exit 2) or a rejected one (exit 1) is one sentence
    on stderr, never a traceback."""
    if not token or not token.strip():
        return _fail("No Discord token: set DISCORD_TOKEN in the environment or in a .env file (see README).", 2)
    started = utcnow()
    try:
        code = asyncio.run(_run(desk, token.strip(), beside))
    except KeyboardInterrupt:
        code = 0
    if code == 0:
        log.info("Coalition Desk stopped after %s", str(utcnow() - started).split(".")[0])
    return code
