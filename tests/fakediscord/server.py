"""An in-process fake of the Discord REST API and gateway, for end-to-end tests.

Why this exists: mocking discord.py objects tests our assumptions about discord.py, not the bot.
Here the real, unpatched discord.py client talks real HTTP and a real websocket to a small
aiohttp server on 127.0.0.1 that the test owns. Only two class attributes of discord.py are
redirected (``Route.BASE`` and ``DiscordWebSocket.DEFAULT_GATEWAY``); everything else —
login, IDENTIFY, READY, the command tree, interaction callbacks, followups, views and
modals — runs exactly as in production.

The server keeps everything in memory and records everything: each HTTP request (with the
bot token redacted but noted), each gateway frame, each message the bot created or edited
(with the ``allowed_mentions`` it was sent with), and each interaction with its callback.
Tests inject traffic with :meth:`FakeDiscord.send_message`, :meth:`FakeDiscord.slash_command`,
:meth:`FakeDiscord.component_click`, :meth:`FakeDiscord.modal_submit` and friends, then
read back what the bot did.

Behaviour follows Discord where it matters to a bot: intents decide which events are sent and
whether message content is visible, ``nonce`` + ``enforce_nonce`` deduplicates sends, the
first callback to an interaction must come within three seconds, a second callback is
rejected, message limits are validated, and errors use Discord's JSON error shape and codes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import mimetypes
import re
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

import discord
import yarl
from aiohttp import BodyPartReader, WSMsgType, web

JSON = dict[str, Any]
T = TypeVar("T")

DISCORD_EPOCH_MS = 1_420_070_400_000
API_PREFIX = "/api/v10"

#: Permission bits used when building payloads (values from discord.py, so they cannot drift).
ALL_PERMISSIONS = discord.Permissions.all().value
ADMINISTRATOR = discord.Permissions(administrator=True).value
EVERYONE_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    read_message_history=True,
    add_reactions=True,
    embed_links=True,
    attach_files=True,
    use_application_commands=True,
    use_external_emojis=True,
    send_messages_in_threads=True,
    create_public_threads=True,
    change_nickname=True,
    connect=True,
    speak=True,
).value
MODERATOR_PERMISSIONS = discord.Permissions(
    manage_messages=True,
    kick_members=True,
    moderate_members=True,
    manage_threads=True,
    mention_everyone=True,
).value
BOT_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    read_message_history=True,
    embed_links=True,
    attach_files=True,
    add_reactions=True,
    use_external_emojis=True,
    manage_messages=True,
).value

# Gateway intent bits that change what the fake sends.
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10
INTENT_GUILD_MESSAGE_TYPING = 1 << 11
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_DIRECT_MESSAGE_REACTIONS = 1 << 13
INTENT_DIRECT_MESSAGE_TYPING = 1 << 14
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | INTENT_GUILD_PRESENCES | INTENT_MESSAGE_CONTENT

# Message flags.
FLAG_EPHEMERAL = 1 << 6
FLAG_LOADING = 1 << 7

# Interaction types and callback types (Discord numbering).
INTERACTION_APPLICATION_COMMAND = 2
INTERACTION_COMPONENT = 3
INTERACTION_AUTOCOMPLETE = 4
INTERACTION_MODAL_SUBMIT = 5

_USER_MENTION = re.compile(r"<@!?(\d{15,20})>")
_ROLE_MENTION = re.compile(r"<@&(\d{15,20})>")
_EVERYONE_MENTION = re.compile(r"@(everyone|here)\b")

_TEXT_CHANNEL_TYPES = frozenset({0, 5, 10, 11, 12})


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


class _Snowflakes:
    """Time-based, strictly increasing snowflakes, so discord.py's snowflake arithmetic holds."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        candidate = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last = max(candidate, self._last + 1)
        return self._last


# ---------------------------------------------------------------------------------------------
# World model: users, roles, channels, members, guilds.
# ---------------------------------------------------------------------------------------------


@dataclass
class FakeUser:
    """A Discord user as the fake knows it."""

    id: int
    username: str
    global_name: str | None = None
    bot: bool = False

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"

    def payload(self) -> JSON:
        data: JSON = {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.global_name,
            "discriminator": "0",
            "avatar": None,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
            "primary_guild": None,
            "collectibles": None,
        }
        if self.bot:
            data["bot"] = True
        return data


@dataclass
class FakeRole:
    """A guild role; ``permissions`` is the raw bitfield."""

    id: int
    name: str
    permissions: int = 0
    position: int = 0
    color: int = 0
    hoist: bool = False
    mentionable: bool = False
    managed: bool = False
    bot_id: int | None = None

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"

    def payload(self) -> JSON:
        data: JSON = {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": self.color,
            "colors": {"primary_color": self.color, "secondary_color": None, "tertiary_color": None},
            "hoist": self.hoist,
            "managed": self.managed,
            "mentionable": self.mentionable,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }
        if self.bot_id is not None:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data


@dataclass
class FakeChannel:
    """A guild text channel (type 0) or a DM channel (type 1)."""

    id: int
    name: str | None
    type: int = 0
    guild_id: int | None = None
    position: int = 0
    topic: str | None = None
    parent_id: int | None = None
    nsfw: bool = False
    permission_overwrites: list[JSON] = field(default_factory=list)
    recipients: list[FakeUser] = field(default_factory=list)
    last_message_id: int | None = None

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    @property
    def is_dm(self) -> bool:
        return self.type == 1

    def payload(self, *, include_guild_id: bool = True) -> JSON:
        last = str(self.last_message_id) if self.last_message_id else None
        if self.is_dm:
            return {
                "id": str(self.id),
                "type": 1,
                "last_message_id": last,
                "flags": 0,
                "recipients": [u.payload() for u in self.recipients],
            }
        data: JSON = {
            "id": str(self.id),
            "type": self.type,
            "name": self.name,
            "position": self.position,
            "topic": self.topic,
            "nsfw": self.nsfw,
            "parent_id": str(self.parent_id) if self.parent_id else None,
            "permission_overwrites": list(self.permission_overwrites),
            "rate_limit_per_user": 0,
            "last_message_id": last,
            "flags": 0,
        }
        if include_guild_id and self.guild_id is not None:
            data["guild_id"] = str(self.guild_id)
        return data


@dataclass
class FakeMember:
    """A user's membership in a guild."""

    user: FakeUser
    role_ids: list[int] = field(default_factory=list)
    nick: str | None = None
    flags: int = 0
    joined_at: str = field(default_factory=_now_iso)

    @property
    def id(self) -> int:
        return self.user.id

    def payload(self, *, with_user: bool = True, permissions: int | None = None) -> JSON:
        data: JSON = {
            "roles": [str(r) for r in self.role_ids],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": self.flags,
            "communication_disabled_until": None,
            "avatar_decoration_data": None,
        }
        if with_user:
            data["user"] = self.user.payload()
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data


@dataclass
class FakeAttachment:
    """A file a user uploads (slash-command attachment option, modal file upload)."""

    filename: str
    content: bytes
    content_type: str | None = None
    description: str | None = None


@dataclass
class FakeGuild:
    """A guild. ``roles[0]`` is @everyone (its id equals the guild id)."""

    id: int
    name: str
    owner_id: int
    roles: list[FakeRole] = field(default_factory=list)
    channels: list[FakeChannel] = field(default_factory=list)
    members: list[FakeMember] = field(default_factory=list)
    preferred_locale: str = "en-US"

    @property
    def member_count(self) -> int:
        return len(self.members)

    @property
    def everyone(self) -> FakeRole:
        return next(r for r in self.roles if r.id == self.id)

    def member(self, user_id: int) -> FakeMember | None:
        return next((m for m in self.members if m.id == user_id), None)

    def role(self, name_or_id: str | int) -> FakeRole:
        for r in self.roles:
            if r.id == name_or_id or r.name == name_or_id:
                return r
        raise KeyError(f"no role {name_or_id!r} in guild {self.name!r}")

    def channel(self, name_or_id: str | int) -> FakeChannel:
        for c in self.channels:
            if c.id == name_or_id or c.name == name_or_id:
                return c
        raise KeyError(f"no channel {name_or_id!r} in guild {self.name!r}")

    def permissions_for(self, user_id: int) -> int:
        """Guild-level permissions (channel overwrites are empty in the fake)."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.member(user_id)
        if member is None:
            return 0
        perms = self.everyone.permissions
        for role in self.roles:
            if role.id in member.role_ids:
                perms |= role.permissions
        if perms & ADMINISTRATOR:
            return ALL_PERMISSIONS
        return perms

    def payload(self) -> JSON:
        """The REST ``GET /guilds/{id}`` shape (no channels or members)."""
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(self.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "roles": [r.payload() for r in self.roles],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": self.preferred_locale,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "max_members": 500000,
            "approximate_member_count": self.member_count,
            "approximate_presence_count": 0,
        }


# ---------------------------------------------------------------------------------------------
# Records: what the bot did.
# ---------------------------------------------------------------------------------------------


@dataclass
class RecordedFile:
    """A file part of a multipart request."""

    field_name: str
    filename: str | None
    content: bytes
    content_type: str | None


@dataclass
class RecordedRequest:
    """One HTTP request the bot made. ``path`` excludes the ``/api/v10`` prefix."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any
    files: list[RecordedFile]
    auth_present: bool
    token: str | None
    status: int = 0
    route: str | None = None
    response: Any = None
    at: float = 0.0

    @property
    def unknown(self) -> bool:
        """True when no fake route matched (the request got a 404 "Not Found")."""
        return self.route is None

    def __repr__(self) -> str:
        return f"<RecordedRequest {self.method} {self.path} -> {self.status} route={self.route}>"


@dataclass
class StoredMessage:
    """A message in a channel: posted by the bot (REST, interaction) or injected by a test."""

    payload: JSON
    source: Literal["rest", "interaction_response", "followup", "gateway"]
    allowed_mentions: JSON | None = None
    files: list[RecordedFile] = field(default_factory=list)
    interaction_id: int | None = None
    nonce: str | None = None
    deleted: bool = False
    edits: list[JSON] = field(default_factory=list)
    history: list[JSON] = field(default_factory=list)
    reactions: list[str] = field(default_factory=list)

    @property
    def id(self) -> int:
        return int(self.payload["id"])

    @property
    def channel_id(self) -> int:
        return int(self.payload["channel_id"])

    @property
    def author_id(self) -> int:
        return int(self.payload["author"]["id"])

    @property
    def content(self) -> str:
        return str(self.payload.get("content", ""))

    @property
    def embeds(self) -> list[JSON]:
        return list(self.payload.get("embeds", []))

    @property
    def components(self) -> list[JSON]:
        return list(self.payload.get("components", []))

    @property
    def flags(self) -> int:
        return int(self.payload.get("flags", 0))

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & FLAG_EPHEMERAL)

    @property
    def loading(self) -> bool:
        """True while this is a deferred ("thinking") response nobody has filled in yet."""
        return bool(self.flags & FLAG_LOADING)

    @property
    def pinged_user_ids(self) -> list[int]:
        """Users Discord would actually ping, after applying ``allowed_mentions``."""
        return [int(u["id"]) for u in self.payload.get("mentions", [])]

    @property
    def pinged_role_ids(self) -> list[int]:
        return [int(r) for r in self.payload.get("mention_roles", [])]

    @property
    def mention_everyone(self) -> bool:
        return bool(self.payload.get("mention_everyone", False))

    @property
    def attachment_names(self) -> list[str]:
        return [a["filename"] for a in self.payload.get("attachments", [])]

    def text(self) -> str:
        """Content plus embed titles, descriptions and fields: handy for "does it say X" asserts."""
        parts = [self.content]
        for embed in self.embeds:
            parts += [embed.get("title", ""), embed.get("description", "")]
            for f in embed.get("fields", []):
                parts += [f.get("name", ""), f.get("value", "")]
            parts.append(embed.get("footer", {}).get("text", ""))
        return "\n".join(p for p in parts if p)

    def __repr__(self) -> str:
        return (
            f"<StoredMessage id={self.id} channel={self.channel_id} source={self.source} "
            f"content={self.content[:60]!r}{' deleted' if self.deleted else ''}>"
        )


@dataclass
class InteractionRecord:
    """An interaction the test sent and what the bot answered."""

    id: int
    token: str
    type: int
    payload: JSON
    created_at: float
    response: JSON | None = None
    response_files: list[RecordedFile] = field(default_factory=list)
    response_after: float | None = None
    original: StoredMessage | None = None
    followups: list[StoredMessage] = field(default_factory=list)

    @property
    def user_id(self) -> int:
        who = self.payload.get("member", {}).get("user") or self.payload["user"]
        return int(who["id"])

    @property
    def channel_id(self) -> int:
        return int(self.payload["channel_id"])

    @property
    def guild_id(self) -> int | None:
        gid = self.payload.get("guild_id")
        return int(gid) if gid else None

    @property
    def response_type(self) -> int | None:
        return None if self.response is None else int(self.response["type"])

    @property
    def modal(self) -> JSON | None:
        """The modal the bot opened (callback type 9), as sent."""
        return self.response["data"] if self.response_type == 9 and self.response else None

    @property
    def choices(self) -> list[JSON] | None:
        """Autocomplete choices (callback type 8), as sent."""
        if self.response_type == 8 and self.response:
            return list(self.response.get("data", {}).get("choices", []))
        return None


@dataclass
class GatewayFrame:
    """A gateway frame. ``direction`` is "in" (client -> fake) or "out" (fake -> client)."""

    direction: Literal["in", "out"]
    connection: int
    op: int
    t: str | None
    s: int | None
    d: Any
    at: float


@dataclass
class GatewaySession:
    """A gateway session created by IDENTIFY (and continued by RESUME)."""

    session_id: str
    token: str
    intents: int
    identify: JSON
    seq: int = 0
    sent: list[JSON] = field(default_factory=list)


@dataclass
class GatewayConnection:
    """One websocket connection from a client."""

    index: int
    query: dict[str, str]
    ws: web.WebSocketResponse
    session: GatewaySession | None = None
    resumed: bool = False
    closed: bool = False
    close_code: int | None = None

    @property
    def live(self) -> bool:
        return self.session is not None and not self.closed and not self.ws.closed


class FakeDiscordError(AssertionError):
    """A test asked the fake for something Discord would not allow (raised in the test, not the bot)."""


class _ApiError(Exception):
    def __init__(self, status: int, code: int, message: str, errors: JSON | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.body: JSON = {"message": message, "code": code}
        if errors is not None:
            self.body["errors"] = errors


@dataclass
class _Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _FailureRule:
    remaining: int
    status: int
    retry_after: float
    method: str
    path_regex: re.Pattern[str]
    is_global: bool


@dataclass
class _ChannelFailure:
    status: int
    code: int
    message: str
    methods: frozenset[str]


@dataclass
class _ApiRequest:
    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[RecordedFile]
    record: RecordedRequest


_Handler = Callable[..., Awaitable[_Reply]]

_DEFAULT_ERRORS: dict[int, tuple[int, str]] = {
    403: (50001, "Missing Access"),
    404: (10003, "Unknown Channel"),
}


def _form_error(field_name: str, code: str, message: str) -> _ApiError:
    return _ApiError(
        400, 50035, "Invalid Form Body", {field_name: {"_errors": [{"code": code, "message": message}]}}
    )


def _id_of(value: int | str | FakeUser | FakeRole | FakeChannel | FakeMember | FakeGuild) -> int:
    if isinstance(value, FakeUser | FakeRole | FakeChannel | FakeMember | FakeGuild):
        return value.id
    return int(value)


# ---------------------------------------------------------------------------------------------
# The server.
# ---------------------------------------------------------------------------------------------


class FakeDiscord:
    """A fake Discord (REST under ``/api/v10`` plus a gateway at ``/gateway/``) on 127.0.0.1.

    Build the world (guilds, roles, channels, members) before or after :meth:`start`; a client
    that connects later sees the current state in READY/GUILD_CREATE.
    """

    def __init__(
        self,
        *,
        application_id: int | None = None,
        bot_name: str = "Coalition Desk",
        bot_id: int | None = None,
        application_flags: int = 0,
        accepted_tokens: Iterable[str] | None = None,
        allowed_privileged_intents: int = PRIVILEGED_INTENTS,
        heartbeat_interval_ms: int = 41_250,
        interaction_deadline: float | None = 3.0,
        echo_own_messages: bool = True,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self._ids = _Snowflakes()
        self.application_id: int = application_id or self._ids.next()
        self.bot_user = FakeUser(id=bot_id or self._ids.next(), username=bot_name, bot=True)
        self.app_owner = FakeUser(id=self._ids.next(), username="app-owner")
        # a team-owned application: (user, role) with role "admin", "developer" or "read_only"; None: no team
        self.app_team: list[tuple[FakeUser, str]] | None = None
        self.application_flags = application_flags
        self.accepted_tokens: frozenset[str] | None = (
            frozenset(accepted_tokens) if accepted_tokens is not None else None
        )
        self.allowed_privileged_intents = allowed_privileged_intents
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.interaction_deadline = interaction_deadline
        self.echo_own_messages = echo_own_messages
        self.host = host
        self._requested_port = port

        self.users: dict[int, FakeUser] = {self.bot_user.id: self.bot_user, self.app_owner.id: self.app_owner}
        self.guilds: dict[int, FakeGuild] = {}
        self.dm_channels: dict[int, FakeChannel] = {}  # keyed by recipient user id
        self.world: DefaultWorld | None = None  # set by populate_default_guild
        self.global_commands: list[JSON] = []
        self.guild_commands: dict[int, list[JSON]] = {}

        self.requests: list[RecordedRequest] = []
        self.frames: list[GatewayFrame] = []
        self.connections: list[GatewayConnection] = []
        self.sessions: dict[str, GatewaySession] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.server_errors: list[str] = []
        self.tokens_seen: set[str] = set()

        self._messages: dict[int, StoredMessage] = {}
        self._channel_messages: dict[int, list[StoredMessage]] = {}
        self._nonces: dict[tuple[int, str], StoredMessage] = {}
        self._cdn: dict[int, tuple[str, bytes, str | None]] = {}
        self._failures: list[_FailureRule] = []
        self._channel_failures: dict[int, _ChannelFailure] = {}
        self._changed = asyncio.Event()
        self._routes: list[tuple[str, re.Pattern[str], str, _Handler, bool]] = []
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._install_routes()

    # -- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind to a free port (or the one given) and serve."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway_handler)
        app.router.add_get("/gateway/", self._gateway_handler)
        app.router.add_get("/attachments/{channel}/{attachment}/{filename}", self._cdn_handler)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._api_handler)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self._requested_port)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Close every websocket and shut the server down."""
        for conn in self.connections:
            if not conn.ws.closed:
                with contextlib.suppress(Exception):
                    await conn.ws.close(code=1001, message=b"fake server stopping")
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("FakeDiscord is not started")
        return self._port

    @property
    def url(self) -> str:
        """Base HTTP URL, e.g. ``http://127.0.0.1:54321``."""
        return f"http://{self.host}:{self.port}"

    @property
    def api_base(self) -> str:
        """The value for ``discord.http.Route.BASE``."""
        return f"{self.url}{API_PREFIX}"

    @property
    def gateway_url(self) -> yarl.URL:
        """The value for ``DiscordWebSocket.DEFAULT_GATEWAY`` (trailing slash matters)."""
        return yarl.URL(f"ws://{self.host}:{self.port}/gateway/")

    @contextlib.contextmanager
    def redirect_discord_py(self) -> Iterator[None]:
        """Point discord.py's REST base and default gateway at this server, restoring on exit."""
        from discord.gateway import DiscordWebSocket
        from discord.http import Route

        old_base, old_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
        Route.BASE = self.api_base
        DiscordWebSocket.DEFAULT_GATEWAY = self.gateway_url
        try:
            yield
        finally:
            Route.BASE = old_base
            DiscordWebSocket.DEFAULT_GATEWAY = old_gateway

    # -- world building -------------------------------------------------------------------------

    def new_id(self) -> int:
        """A fresh snowflake."""
        return self._ids.next()

    def add_user(self, username: str, *, global_name: str | None = None, bot: bool = False) -> FakeUser:
        user = FakeUser(id=self._ids.next(), username=username, global_name=global_name, bot=bot)
        self.users[user.id] = user
        return user

    def add_guild(
        self,
        name: str,
        *,
        owner: FakeUser | None = None,
        everyone_permissions: int = EVERYONE_PERMISSIONS,
        bot_permissions: int = BOT_PERMISSIONS,
    ) -> FakeGuild:
        """A guild with @everyone, the bot's managed role and the bot as a member."""
        guild_id = self._ids.next()
        owner = owner or self.add_user(f"{name.lower().replace(' ', '-')}-owner")
        guild = FakeGuild(id=guild_id, name=name, owner_id=owner.id)
        guild.roles.append(FakeRole(id=guild_id, name="@everyone", permissions=everyone_permissions))
        bot_role = FakeRole(
            id=self._ids.next(),
            name=self.bot_user.username,
            permissions=bot_permissions,
            position=1,
            managed=True,
            bot_id=self.bot_user.id,
        )
        guild.roles.append(bot_role)
        guild.members.append(FakeMember(user=self.bot_user, role_ids=[bot_role.id]))
        guild.members.append(FakeMember(user=owner))
        self.guilds[guild_id] = guild
        return guild

    def add_role(
        self, guild: FakeGuild | int, name: str, *, permissions: int = 0, mentionable: bool = False
    ) -> FakeRole:
        g = self._guild(guild)
        role = FakeRole(
            id=self._ids.next(),
            name=name,
            permissions=permissions,
            position=len(g.roles),
            mentionable=mentionable,
        )
        g.roles.append(role)
        return role

    def add_channel(
        self, guild: FakeGuild | int, name: str, *, topic: str | None = None, type: int = 0
    ) -> FakeChannel:
        g = self._guild(guild)
        channel = FakeChannel(
            id=self._ids.next(), name=name, type=type, guild_id=g.id, position=len(g.channels), topic=topic
        )
        g.channels.append(channel)
        return channel

    def add_member(
        self,
        guild: FakeGuild | int,
        user: FakeUser | str,
        *,
        roles: Sequence[FakeRole | int] = (),
        nick: str | None = None,
        flags: int = 0,
    ) -> FakeMember:
        g = self._guild(guild)
        if isinstance(user, str):
            user = self.add_user(user)
        self.users.setdefault(user.id, user)
        member = FakeMember(user=user, role_ids=[_id_of(r) for r in roles], nick=nick, flags=flags)
        g.members.append(member)
        return member

    def dm_channel(self, user: FakeUser | int) -> FakeChannel:
        """The DM channel between ``user`` and the bot (created on first use, stable after)."""
        uid = _id_of(user)
        channel = self.dm_channels.get(uid)
        if channel is None:
            channel = FakeChannel(id=self._ids.next(), name=None, type=1, recipients=[self._user(uid)])
            self.dm_channels[uid] = channel
        return channel

    # lookups

    @property
    def guild(self) -> FakeGuild:
        """The first guild (most tests have exactly one)."""
        if not self.guilds:
            raise FakeDiscordError("no guild configured")
        return next(iter(self.guilds.values()))

    def user(self, name_or_id: str | int) -> FakeUser:
        for u in self.users.values():
            if u.id == name_or_id or u.username == name_or_id:
                return u
        raise KeyError(f"no user {name_or_id!r}")

    def channel(self, name_or_id: str | int) -> FakeChannel:
        """A guild channel by name or id (any guild), or a DM channel by id."""
        for g in self.guilds.values():
            for c in g.channels:
                if c.id == name_or_id or c.name == name_or_id:
                    return c
        for c in self.dm_channels.values():
            if c.id == name_or_id:
                return c
        raise KeyError(f"no channel {name_or_id!r}")

    def role(self, name_or_id: str | int) -> FakeRole:
        for g in self.guilds.values():
            with contextlib.suppress(KeyError):
                return g.role(name_or_id)
        raise KeyError(f"no role {name_or_id!r}")

    @property
    def bot_mention(self) -> str:
        return self.bot_user.mention

    def _guild(self, guild: FakeGuild | int) -> FakeGuild:
        gid = _id_of(guild)
        try:
            return self.guilds[gid]
        except KeyError:
            raise FakeDiscordError(f"unknown guild {gid}") from None

    def _user(self, user_id: int) -> FakeUser:
        try:
            return self.users[user_id]
        except KeyError:
            raise FakeDiscordError(f"unknown user {user_id}") from None

    def _find_channel(self, channel_id: int) -> FakeChannel | None:
        for g in self.guilds.values():
            for c in g.channels:
                if c.id == channel_id:
                    return c
        for c in self.dm_channels.values():
            if c.id == channel_id:
                return c
        return None

    # -- fault injection ------------------------------------------------------------------------

    def fail_channel(
        self,
        channel: FakeChannel | int,
        status: Literal[403, 404] = 403,
        *,
        code: int | None = None,
        message: str | None = None,
        methods: Iterable[str] = ("POST",),
    ) -> None:
        """Make requests to ``/channels/{id}/...`` with these methods fail.

        403 defaults to "Missing Access" (50001), 404 to "Unknown Channel" (10003); pass
        ``code=50013, message="Missing Permissions"`` for the can-see-but-cannot-send case.
        """
        default_code, default_message = _DEFAULT_ERRORS[status]
        self._channel_failures[_id_of(channel)] = _ChannelFailure(
            status=status,
            code=code if code is not None else default_code,
            message=message or default_message,
            methods=frozenset(m.upper() for m in methods),
        )

    def clear_channel_failure(self, channel: FakeChannel | int) -> None:
        self._channel_failures.pop(_id_of(channel), None)

    def fail_next_posts(
        self,
        count: int,
        status: Literal[429, 500, 502, 503] = 429,
        *,
        retry_after: float = 0.05,
        path_regex: str = r"/channels/\d+/messages",
        method: str = "POST",
        is_global: bool = False,
    ) -> None:
        """Answer the next ``count`` matching requests with 429 (``retry_after`` seconds) or a 5xx.

        Note discord.py retries a 5xx after sleeping ``1 + 2 * attempt`` seconds, so 5xx tests
        take at least a second per failure.
        """
        self._failures.append(
            _FailureRule(
                remaining=count,
                status=status,
                retry_after=retry_after,
                method=method.upper(),
                path_regex=re.compile(path_regex),
                is_global=is_global,
            )
        )

    # -- reading what happened ------------------------------------------------------------------

    def requests_to(self, method: str, path_regex: str) -> list[RecordedRequest]:
        """Recorded requests with this method whose path (without ``/api/v10``) fully matches."""
        pattern = re.compile(path_regex)
        return [r for r in self.requests if r.method == method.upper() and pattern.fullmatch(r.path)]

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.unknown]

    def assert_no_unknown_requests(self) -> None:
        unknown = self.unknown_requests
        if unknown:
            raise AssertionError(f"requests to routes the fake does not know: {unknown}")

    def frames_received(self, op: int | None = None) -> list[GatewayFrame]:
        return [f for f in self.frames if f.direction == "in" and (op is None or f.op == op)]

    @property
    def identify_payloads(self) -> list[JSON]:
        """Every IDENTIFY ``d`` received (token redacted)."""
        return [f.d for f in self.frames_received(op=2)]

    @property
    def last_identify(self) -> JSON:
        payloads = self.identify_payloads
        if not payloads:
            raise FakeDiscordError("no IDENTIFY received")
        return payloads[-1]

    @property
    def live_connections(self) -> list[GatewayConnection]:
        return [c for c in self.connections if c.live]

    def messages_in(
        self, channel: FakeChannel | int, *, include_deleted: bool = False
    ) -> list[StoredMessage]:
        """Messages in a channel, oldest first."""
        msgs = self._channel_messages.get(_id_of(channel), [])
        return [m for m in msgs if include_deleted or not m.deleted]

    def bot_messages(
        self, channel: FakeChannel | int | None = None, *, include_deleted: bool = False
    ) -> list[StoredMessage]:
        """Messages the bot created (any channel, or one), oldest first."""
        msgs = (
            self.messages_in(channel, include_deleted=include_deleted)
            if channel is not None
            else [m for m in self._messages.values() if include_deleted or not m.deleted]
        )
        return [m for m in msgs if m.source != "gateway"]

    def message(self, message_id: int) -> StoredMessage:
        try:
            return self._messages[message_id]
        except KeyError:
            raise KeyError(f"no message {message_id}") from None

    def interaction(self, interaction: InteractionRecord | int) -> InteractionRecord:
        iid = interaction.id if isinstance(interaction, InteractionRecord) else int(interaction)
        try:
            return self.interactions[iid]
        except KeyError:
            raise KeyError(f"no interaction {iid}") from None

    def commands(self, guild: FakeGuild | int | None = None) -> list[JSON]:
        """Synced commands: global ones, or those of a guild."""
        return self.global_commands if guild is None else self.guild_commands.get(_id_of(guild), [])

    # -- waiting --------------------------------------------------------------------------------

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(
        self, condition: Callable[[], T | None], timeout: float = 5.0, what: str = "condition"
    ) -> T:
        """Wait until ``condition()`` returns something truthy.

        Re-checked on every change to the fake and every 10 ms, so conditions on the client's
        own state (``lambda: bot.seen_messages``) work too.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            changed = self._changed
            result = condition()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}.\n{self.describe()}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), min(remaining, 0.01))

    async def wait_for(
        self, predicate: Callable[[RecordedRequest | StoredMessage], bool], timeout: float = 5.0
    ) -> RecordedRequest | StoredMessage:
        """Wait until a recorded request or a stored message (current state) matches.

        Items already recorded count, so this returns at once if the thing already happened.
        The predicate sees both kinds; use ``isinstance`` or the typed helpers below.
        """

        def find() -> RecordedRequest | StoredMessage | None:
            items: list[RecordedRequest | StoredMessage] = [*self.requests, *self._messages.values()]
            return next((i for i in items if predicate(i)), None)

        return await self.wait_until(find, timeout, "a matching request or message")

    async def wait_for_request(
        self,
        method: str,
        path_regex: str,
        predicate: Callable[[RecordedRequest], bool] | None = None,
        timeout: float = 5.0,
    ) -> RecordedRequest:
        pattern = re.compile(path_regex)

        def find() -> RecordedRequest | None:
            for r in self.requests:
                if (
                    r.method == method.upper()
                    and pattern.fullmatch(r.path)
                    and (predicate is None or predicate(r))
                ):
                    return r
            return None

        return await self.wait_until(find, timeout, f"{method} {path_regex}")

    async def wait_for_message(
        self,
        predicate: Callable[[StoredMessage], bool] | None = None,
        *,
        channel: FakeChannel | int | None = None,
        from_bot: bool = True,
        timeout: float = 5.0,
    ) -> StoredMessage:
        """Wait for a (non-deleted) message; by default one the bot created."""

        def find() -> StoredMessage | None:
            for m in self._messages.values():
                if m.deleted or (from_bot and m.source == "gateway"):
                    continue
                if channel is not None and m.channel_id != _id_of(channel):
                    continue
                if predicate is None or predicate(m):
                    return m
            return None

        return await self.wait_until(find, timeout, "a matching message")

    async def wait_for_response(self, interaction: InteractionRecord | int, timeout: float = 5.0) -> JSON:
        """Wait for the bot's callback to an interaction and return its body (``{"type", "data"}``)."""
        record = self.interaction(interaction)
        await self.wait_until(
            lambda: record.response is not None, timeout, f"a response to interaction {record.id}"
        )
        assert record.response is not None
        return record.response

    async def wait_for_followup(
        self, interaction: InteractionRecord | int, count: int = 1, timeout: float = 5.0
    ) -> StoredMessage:
        """Wait until the interaction has ``count`` followups; return the ``count``-th."""
        record = self.interaction(interaction)
        await self.wait_until(
            lambda: len(record.followups) >= count, timeout, f"followup #{count} to {record.id}"
        )
        return record.followups[count - 1]

    async def wait_for_connections(self, count: int = 1, timeout: float = 5.0) -> GatewayConnection:
        """Wait until ``count`` gateway connections have identified or resumed; return the latest."""
        await self.wait_until(
            lambda: len([c for c in self.connections if c.session is not None]) >= count,
            timeout,
            f"{count} gateway session(s)",
        )
        return [c for c in self.connections if c.session is not None][count - 1]

    def describe(self) -> str:
        """A short dump of recent traffic, used in timeout messages."""
        lines = ["recent requests:"]
        lines += [
            f"  {r.method} {r.path} -> {r.status} ({r.route or 'UNKNOWN ROUTE'})" for r in self.requests[-12:]
        ]
        lines.append("recent bot messages:")
        lines += [f"  {m!r}" for m in self.bot_messages()[-8:]]
        if self.server_errors:
            lines.append(f"fake server errors: {self.server_errors}")
        return "\n".join(lines)

    # -- gateway ----------------------------------------------------------------------------------

    async def _gateway_handler(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        conn = GatewayConnection(index=len(self.connections), query=dict(request.query), ws=ws)
        self.connections.append(conn)
        await self._send_frame(conn, {"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    try:
                        await self._on_client_frame(conn, json.loads(msg.data))
                    except Exception as exc:  # a harness bug must show, not hang the client
                        self.server_errors.append(f"gateway: {exc!r}")
                        await ws.close(code=4000)
                elif msg.type is WSMsgType.ERROR:
                    break
        finally:
            conn.closed = True
            conn.close_code = ws.close_code
            self._notify()
        return ws

    async def _send_frame(self, conn: GatewayConnection, frame: JSON) -> None:
        frame = {"op": frame["op"], "d": frame.get("d"), "s": frame.get("s"), "t": frame.get("t")}
        self.frames.append(
            GatewayFrame("out", conn.index, frame["op"], frame["t"], frame["s"], frame["d"], time.monotonic())
        )
        # Text frames: discord.py only decompresses binary frames.
        await conn.ws.send_str(json.dumps(frame))

    async def _on_client_frame(self, conn: GatewayConnection, frame: JSON) -> None:
        op = int(frame.get("op", -1))
        d = frame.get("d")
        recorded = d
        if op in (2, 6) and isinstance(d, dict) and "token" in d:
            self.tokens_seen.add(str(d["token"]))
            recorded = {**d, "token": "<redacted>"}
        self.frames.append(GatewayFrame("in", conn.index, op, None, None, recorded, time.monotonic()))
        self._notify()
        if op == 1:
            await self._send_frame(conn, {"op": 11})
        elif op == 2:
            await self._identify(conn, d)
        elif op == 6:
            await self._resume(conn, d)
        elif op == 8:
            await self._request_members(conn, d)

    async def _identify(self, conn: GatewayConnection, d: JSON) -> None:
        token = str(d.get("token", ""))
        if self.accepted_tokens is not None and token not in self.accepted_tokens:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        intents = int(d.get("intents", 0))
        if intents & PRIVILEGED_INTENTS & ~self.allowed_privileged_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        session = GatewaySession(session_id=secrets.token_hex(16), token=token, intents=intents, identify=d)
        self.sessions[session.session_id] = session
        conn.session = session
        ready: JSON = {
            "v": 10,
            "user": {**self.bot_user.payload(), "verified": True, "mfa_enabled": False, "email": None},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in self.guilds.values()],
            "session_id": session.session_id,
            "session_type": "normal",
            "resume_gateway_url": str(self.gateway_url),
            "application": {"id": str(self.application_id), "flags": self.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "_trace": ['["fake-discord-gateway",{"micros":0}]'],
        }
        if "shard" in d:
            ready["shard"] = d["shard"]
        await self._dispatch_to(conn, "READY", ready)
        for guild in self.guilds.values():
            await self._dispatch_to(conn, "GUILD_CREATE", self._guild_create_payload(guild, intents))
        self._notify()

    async def _resume(self, conn: GatewayConnection, d: JSON) -> None:
        session = self.sessions.get(str(d.get("session_id")))
        if session is None or str(d.get("token")) != session.token:
            await self._send_frame(conn, {"op": 9, "d": False})
            return
        conn.session = session
        conn.resumed = True
        last_seq = int(d.get("seq") or 0)
        for frame in session.sent:
            if frame["s"] > last_seq:
                await self._send_frame(conn, frame)
        await self._dispatch_to(conn, "RESUMED", {"_trace": ['["fake-discord-gateway",{"micros":0}]']})
        self._notify()

    async def _request_members(self, conn: GatewayConnection, d: JSON) -> None:
        guild = self.guilds.get(int(d["guild_id"]))
        if guild is None:
            return
        members = guild.members
        if d.get("user_ids"):
            wanted = {int(u) for u in d["user_ids"]}
            members = [m for m in members if m.id in wanted]
        elif d.get("query"):
            members = [m for m in members if m.user.username.lower().startswith(str(d["query"]).lower())]
        limit = int(d.get("limit") or 0)
        if limit:
            members = members[:limit]
        chunk: JSON = {
            "guild_id": str(guild.id),
            "members": [m.payload() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if d.get("nonce") is not None:
            chunk["nonce"] = d["nonce"]
        await self._dispatch_to(conn, "GUILD_MEMBERS_CHUNK", chunk)

    def _guild_create_payload(self, guild: FakeGuild, intents: int) -> JSON:
        data = guild.payload()
        # Without GUILD_MEMBERS Discord sends only the bot itself; member_count is always the real count.
        members = guild.members if intents & INTENT_GUILD_MEMBERS else [guild.member(self.bot_user.id)]
        data.update(
            {
                "joined_at": _now_iso(),
                "large": guild.member_count >= 250,
                "unavailable": False,
                "member_count": guild.member_count,
                "members": [m.payload() for m in members if m is not None],
                "channels": [c.payload(include_guild_id=False) for c in guild.channels],
                "threads": [],
                "presences": [],
                "voice_states": [],
                "stage_instances": [],
                "guild_scheduled_events": [],
                "soundboard_sounds": [],
            }
        )
        return data

    async def _dispatch_to(self, conn: GatewayConnection, event: str, data: JSON) -> None:
        assert conn.session is not None
        conn.session.seq += 1
        frame: JSON = {"op": 0, "t": event, "s": conn.session.seq, "d": _copy(data)}
        conn.session.sent.append(frame)
        await self._send_frame(conn, frame)

    async def dispatch(self, event: str, data: JSON, *, respect_intents: bool = True) -> int:
        """Send a DISPATCH event to every live session; return how many received it.

        With ``respect_intents`` (the default) message events are filtered by the session's
        intents, and guild message content is blanked without MESSAGE_CONTENT unless the bot is
        the author or is mentioned — as Discord does.
        """
        live = self.live_connections
        if not live:
            raise FakeDiscordError(f"cannot dispatch {event}: no identified gateway connection")
        delivered = 0
        for conn in live:
            assert conn.session is not None
            payload = self._filter_for_intents(conn.session, event, data) if respect_intents else data
            if payload is None:
                continue
            await self._dispatch_to(conn, event, payload)
            delivered += 1
        return delivered

    def _filter_for_intents(self, session: GatewaySession, event: str, data: JSON) -> JSON | None:
        intents = session.intents
        in_guild = data.get("guild_id") is not None
        needed = {
            "MESSAGE_CREATE": (INTENT_GUILD_MESSAGES, INTENT_DIRECT_MESSAGES),
            "MESSAGE_UPDATE": (INTENT_GUILD_MESSAGES, INTENT_DIRECT_MESSAGES),
            "MESSAGE_DELETE": (INTENT_GUILD_MESSAGES, INTENT_DIRECT_MESSAGES),
            "MESSAGE_DELETE_BULK": (INTENT_GUILD_MESSAGES, INTENT_DIRECT_MESSAGES),
            "MESSAGE_REACTION_ADD": (INTENT_GUILD_MESSAGE_REACTIONS, INTENT_DIRECT_MESSAGE_REACTIONS),
            "MESSAGE_REACTION_REMOVE": (INTENT_GUILD_MESSAGE_REACTIONS, INTENT_DIRECT_MESSAGE_REACTIONS),
            "TYPING_START": (INTENT_GUILD_MESSAGE_TYPING, INTENT_DIRECT_MESSAGE_TYPING),
            "GUILD_MEMBER_ADD": (INTENT_GUILD_MEMBERS, INTENT_GUILD_MEMBERS),
            "GUILD_MEMBER_UPDATE": (INTENT_GUILD_MEMBERS, INTENT_GUILD_MEMBERS),
            "GUILD_MEMBER_REMOVE": (INTENT_GUILD_MEMBERS, INTENT_GUILD_MEMBERS),
        }.get(event)
        if needed is not None and not intents & (needed[0] if in_guild else needed[1]):
            return None
        if (
            event in ("MESSAGE_CREATE", "MESSAGE_UPDATE")
            and in_guild
            and not intents & INTENT_MESSAGE_CONTENT
        ):
            author_id = int(data.get("author", {}).get("id", 0))
            mentioned = any(int(u["id"]) == self.bot_user.id for u in data.get("mentions", []))
            if author_id != self.bot_user.id and not mentioned:
                data = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
                data.pop("poll", None)
        return data

    async def disconnect(self, code: int = 4000) -> None:
        """Close every live gateway websocket with ``code``.

        discord.py resumes after codes it considers recoverable (e.g. 4000, even with
        ``reconnect=False``) and stops with ``ConnectionClosed`` after fatal ones (e.g. 4004).
        """
        for conn in self.connections:
            if not conn.ws.closed:
                await conn.ws.close(code=code, message=b"closed by test")

    async def send_op(self, op: int, d: Any = None) -> None:
        """Send a raw non-dispatch opcode (7 RECONNECT, 9 INVALID_SESSION, ...) to live sessions."""
        for conn in self.live_connections:
            await self._send_frame(conn, {"op": op, "d": d})

    # -- injecting user traffic -------------------------------------------------------------------

    async def send_message(
        self,
        channel: FakeChannel | int | None,
        author: FakeUser | int,
        content: str,
        *,
        mentions: Sequence[FakeUser | int] | None = None,
        mention_roles: Sequence[FakeRole | int] | None = None,
        dm: bool = False,
        reply_to: StoredMessage | int | None = None,
        attachments: Sequence[FakeAttachment] = (),
    ) -> StoredMessage:
        """A user posts a message: stored, then dispatched as MESSAGE_CREATE.

        ``mentions`` defaults to the ``<@id>`` mentions found in ``content``. With ``dm=True``
        the message goes to the author's DM channel with the bot (``channel`` is ignored).
        """
        author_user = self._user(_id_of(author))
        if dm:
            ch = self.dm_channel(author_user)
        else:
            if channel is None:
                raise FakeDiscordError("channel is required unless dm=True")
            ch = self._channel_or_fail(_id_of(channel))
        guild = self.guilds.get(ch.guild_id) if ch.guild_id else None
        if guild is not None and guild.member(author_user.id) is None:
            raise FakeDiscordError(f"{author_user.username} is not a member of {guild.name}")
        mention_ids = (
            [_id_of(m) for m in mentions]
            if mentions is not None
            else [int(x) for x in _USER_MENTION.findall(content)]
        )
        role_ids = (
            [_id_of(r) for r in mention_roles]
            if mention_roles is not None
            else [int(x) for x in _ROLE_MENTION.findall(content)]
        )
        message_id = self._ids.next()
        payload: JSON = {
            "id": str(message_id),
            "channel_id": str(ch.id),
            "author": author_user.payload(),
            "content": content,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": bool(_EVERYONE_MENTION.search(content)),
            "mentions": [],
            "mention_roles": [str(r) for r in role_ids],
            "attachments": [self._register_attachment(ch.id, a) for a in attachments],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }
        for uid in mention_ids:
            user_payload = self._user(uid).payload()
            member = guild.member(uid) if guild else None
            if member is not None:
                user_payload["member"] = member.payload(with_user=False)
            payload["mentions"].append(user_payload)
        if reply_to is not None:
            ref = self.message(_id_of_message(reply_to))
            payload["type"] = 19
            payload["message_reference"] = {
                "type": 0,
                "message_id": str(ref.id),
                "channel_id": str(ref.channel_id),
                **({"guild_id": str(guild.id)} if guild else {}),
            }
            payload["referenced_message"] = ref.payload
        stored = StoredMessage(payload=payload, source="gateway")
        self._store(stored)
        event = dict(payload)
        if guild is not None:
            event["guild_id"] = str(guild.id)
            member = guild.member(author_user.id)
            assert member is not None
            event["member"] = member.payload(with_user=False)
        await self.dispatch("MESSAGE_CREATE", event)
        return stored

    async def slash_command(
        self,
        name: str | Sequence[str],
        options: Mapping[str, Any] | Sequence[JSON] | None = None,
        *,
        user: FakeUser | int,
        channel: FakeChannel | int | None = None,
        guild: FakeGuild | int | None = None,
        dm: bool = False,
        locale: str = "en-US",
        check_permissions: bool = True,
    ) -> InteractionRecord:
        """A user runs a slash command; returns the interaction record (``.id``, ``.token``).

        ``name`` is ``"fact"``, ``"fact add"`` or ``["fact", "add"]`` (group/subcommand path).
        ``options`` maps option names to values (types come from the synced command when there
        is one, else from the Python value; users, roles, channels and FakeAttachments are
        resolved as Discord does), or is a raw list of option dicts. With ``check_permissions``
        a user lacking the command's ``default_member_permissions`` cannot run it (Discord hides
        it), which raises FakeDiscordError here.
        """
        return await self._application_command(
            INTERACTION_APPLICATION_COMMAND,
            name,
            options,
            focused=None,
            user=user,
            channel=channel,
            guild=guild,
            dm=dm,
            locale=locale,
            check_permissions=check_permissions,
        )

    async def autocomplete(
        self,
        name: str | Sequence[str],
        options: Mapping[str, Any],
        focused: str,
        *,
        user: FakeUser | int,
        channel: FakeChannel | int | None = None,
        guild: FakeGuild | int | None = None,
        dm: bool = False,
        locale: str = "en-US",
    ) -> InteractionRecord:
        """A user types into option ``focused``; the answer's choices are ``record.choices``."""
        return await self._application_command(
            INTERACTION_AUTOCOMPLETE,
            name,
            options,
            focused=focused,
            user=user,
            channel=channel,
            guild=guild,
            dm=dm,
            locale=locale,
            check_permissions=False,
        )

    async def component_click(
        self,
        message: StoredMessage | int,
        custom_id: str,
        *,
        user: FakeUser | int,
        values: Sequence[Any] | None = None,
        component_type: int | None = None,
        locale: str = "en-US",
    ) -> InteractionRecord:
        """A user clicks a button (or picks ``values`` in a select) on a stored message."""
        stored = self.message(_id_of_message(message))
        if stored.deleted:
            raise FakeDiscordError(f"message {stored.id} was deleted")
        found = _find_component(stored.components, custom_id)
        if found is not None and found.get("disabled"):
            raise FakeDiscordError(f"component {custom_id!r} on message {stored.id} is disabled")
        if component_type is None:
            if found is None:
                raise FakeDiscordError(f"message {stored.id} has no component {custom_id!r}")
            component_type = int(found["type"])
        ch = self._channel_or_fail(stored.channel_id)
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None or component_type in (3, 5, 6, 7, 8):
            guild = self.guilds.get(ch.guild_id) if ch.guild_id else None
            resolved: JSON = {}
            data["values"] = [self._option_value(v, 3, resolved, guild) for v in values or []]
            if component_type in (5, 6, 7, 8):
                data["values"] = [str(_id_of(v)) for v in values or []]
                for v in values or []:
                    self._resolve_snowflake(
                        _id_of(v), {5: 6, 6: 8, 7: 9, 8: 7}[component_type], resolved, guild
                    )
            if resolved:
                data["resolved"] = resolved
        payload = self._interaction_base(INTERACTION_COMPONENT, user, ch, locale)
        payload["data"] = data
        payload["message"] = _copy(stored.payload)
        return await self._send_interaction(payload)

    async def modal_submit(
        self,
        custom_id: str | None,
        values: Mapping[str, Any],
        *,
        user: FakeUser | int,
        channel: FakeChannel | int | None = None,
        locale: str = "en-US",
    ) -> InteractionRecord:
        """A user submits a modal the bot opened.

        ``custom_id=None`` means the modal most recently opened for this user. Submitted
        components mirror the modal's own layout (action rows of text inputs, or Label (18)
        wrappers), with ``value``/``values`` per component type. ``channel`` defaults to where
        the modal was opened.
        """
        uid = _id_of(user)
        opener = self._find_modal_opener(custom_id, uid)
        modal = opener.modal if opener else None
        if modal is None and custom_id is None:
            raise FakeDiscordError(f"no modal was opened for user {uid}")
        modal_id = custom_id or (modal or {})["custom_id"]
        ch_id = _id_of(channel) if channel is not None else (opener.channel_id if opener else None)
        if ch_id is None:
            raise FakeDiscordError("channel is required when the modal was not opened through the fake")
        ch = self._channel_or_fail(ch_id)
        guild = self.guilds.get(ch.guild_id) if ch.guild_id else None
        resolved: JSON = {}
        remaining = dict(values)
        components: list[JSON] = []
        if modal is not None:
            components = self._submitted_components(modal.get("components", []), remaining, resolved, guild)
            if remaining:
                raise FakeDiscordError(f"fields {sorted(remaining)} are not in the modal {modal_id!r}")
        else:  # the modal was not opened through the fake: legacy action rows of text inputs
            components = [
                {"type": 1, "components": [{"type": 4, "custom_id": key, "value": str(value)}]}
                for key, value in remaining.items()
            ]
        _number_components(components)
        data: JSON = {"custom_id": modal_id, "components": components}
        if resolved:
            data["resolved"] = resolved
        payload = self._interaction_base(INTERACTION_MODAL_SUBMIT, user, ch, locale)
        payload["data"] = data
        if opener is not None and "message" in opener.payload:
            payload["message"] = opener.payload["message"]
        return await self._send_interaction(payload)

    # interaction building

    def _find_modal_opener(self, custom_id: str | None, user_id: int) -> InteractionRecord | None:
        for record in reversed(list(self.interactions.values())):
            modal = record.modal
            if modal is None:
                continue
            if custom_id is not None and modal.get("custom_id") == custom_id:
                return record
            if custom_id is None and record.user_id == user_id:
                return record
        return None

    def _submitted_components(
        self, components: list[JSON], values: dict[str, Any], resolved: JSON, guild: FakeGuild | None
    ) -> list[JSON]:
        out: list[JSON] = []
        for comp in components:
            ctype = int(comp.get("type", 0))
            if ctype == 1:
                children = self._submitted_components(comp.get("components", []), values, resolved, guild)
                if children:
                    out.append({"type": 1, **_maybe_id(comp), "components": children})
            elif ctype == 18:
                inner = self._submitted_components([comp["component"]], values, resolved, guild)
                if inner:
                    out.append({"type": 18, **_maybe_id(comp), "component": inner[0]})
            elif ctype == 10:
                out.append({"type": 10, **_maybe_id(comp)})
            elif "custom_id" in comp:
                cid = comp["custom_id"]
                value = values.pop(cid, None)
                if comp.get("required", ctype == 4) and value in (None, "", []):
                    raise FakeDiscordError(f"modal field {cid!r} is required")
                options = comp.get("options")
                if ctype == 3 and options and value:
                    valid = {o["value"] for o in options}
                    if not set(value) <= valid:
                        raise FakeDiscordError(f"modal select {cid!r}: {value} not among {sorted(valid)}")
                item: JSON = {"type": ctype, **_maybe_id(comp), "custom_id": cid}
                if ctype in (4, 21):
                    item["value"] = "" if value is None else str(value)
                elif ctype == 23:
                    item["value"] = bool(value)
                elif ctype == 19:
                    files = list(value or [])
                    attachments = resolved.setdefault("attachments", {})
                    ids = []
                    for f in files:
                        att = self._register_attachment(0, f)
                        attachments[att["id"]] = att
                        ids.append(att["id"])
                    item["values"] = ids
                else:  # selects (3, 5-8) and checkbox groups (22)
                    raw = list(value or [])
                    if ctype in (5, 6, 7, 8):
                        item["values"] = [str(_id_of(v)) for v in raw]
                        for v in raw:
                            self._resolve_snowflake(
                                _id_of(v), {5: 6, 6: 8, 7: 9, 8: 7}[ctype], resolved, guild
                            )
                    else:
                        item["values"] = [str(v) for v in raw]
                out.append(item)
        return out

    async def _application_command(
        self,
        itype: int,
        name: str | Sequence[str],
        options: Mapping[str, Any] | Sequence[JSON] | None,
        *,
        focused: str | None,
        user: FakeUser | int,
        channel: FakeChannel | int | None,
        guild: FakeGuild | int | None,
        dm: bool,
        locale: str,
        check_permissions: bool,
    ) -> InteractionRecord:
        path = name.split() if isinstance(name, str) else list(name)
        uid = _id_of(user)
        ch = self._interaction_channel(uid, channel, guild, dm)
        g = self.guilds.get(ch.guild_id) if ch.guild_id else None
        definition, is_guild_command = self._find_command(path[0], g)
        if check_permissions and definition is not None:
            self._check_command_visible(definition, uid, g)
        leaf_defs = _leaf_option_defs(definition, path)
        resolved: JSON = {}
        if options is None:
            leaf: list[JSON] = []
        elif isinstance(options, Mapping):
            leaf = []
            for opt_name, value in options.items():
                opt_def = next((o for o in leaf_defs if o.get("name") == opt_name), None)
                opt_type = int(opt_def["type"]) if opt_def else _infer_option_type(value)
                entry: JSON = {"name": opt_name, "type": opt_type}
                if opt_name == focused:
                    entry["value"] = str(value)
                    entry["focused"] = True
                else:
                    entry["value"] = self._option_value(value, opt_type, resolved, g)
                leaf.append(entry)
        else:
            leaf = [dict(o) for o in options]
        if itype == INTERACTION_APPLICATION_COMMAND and definition is not None:
            _check_options(path, leaf_defs, leaf)
        nested = leaf
        for depth in range(len(path) - 1, 0, -1):
            seg_type = _segment_type(definition, path, depth)
            nested = [{"name": path[depth], "type": seg_type, "options": nested}]
        data: JSON = {
            "id": str(definition["id"]) if definition else str(self._ids.next()),
            "name": path[0],
            "type": 1,
            "options": nested,
        }
        if resolved:
            data["resolved"] = resolved
        if is_guild_command and g is not None:
            data["guild_id"] = str(g.id)
        payload = self._interaction_base(itype, uid, ch, locale)
        payload["data"] = data
        return await self._send_interaction(payload)

    def _interaction_channel(
        self, user_id: int, channel: FakeChannel | int | None, guild: FakeGuild | int | None, dm: bool
    ) -> FakeChannel:
        if dm:
            return self.dm_channel(user_id)
        if channel is not None:
            return self._channel_or_fail(_id_of(channel))
        g = self._guild(guild) if guild is not None else self.guild
        text = [c for c in g.channels if c.type in _TEXT_CHANNEL_TYPES]
        if not text:
            raise FakeDiscordError(f"guild {g.name} has no text channel")
        return text[0]

    def _find_command(self, name: str, guild: FakeGuild | None) -> tuple[JSON | None, bool]:
        if guild is not None:
            for cmd in self.guild_commands.get(guild.id, []):
                if cmd["name"] == name and int(cmd.get("type", 1)) == 1:
                    return cmd, True
        for cmd in self.global_commands:
            if cmd["name"] == name and int(cmd.get("type", 1)) == 1:
                return cmd, False
        return None, False

    def _check_command_visible(self, definition: JSON, user_id: int, guild: FakeGuild | None) -> None:
        if guild is None:
            contexts = definition.get("contexts")
            if definition.get("dm_permission") is False or (contexts is not None and 1 not in contexts):
                raise FakeDiscordError(f"/{definition['name']} is not available in DMs")
            return
        contexts = definition.get("contexts")
        if contexts is not None and 0 not in contexts:
            raise FakeDiscordError(f"/{definition['name']} is not available in guilds")
        required = definition.get("default_member_permissions")
        if required is None:
            return
        perms = guild.permissions_for(user_id)
        required_bits = int(required)
        if perms & ADMINISTRATOR or (required_bits and perms & required_bits == required_bits):
            return
        raise FakeDiscordError(
            f"user {user_id} cannot see /{definition['name']}: lacks default_member_permissions {required}"
        )

    def _option_value(self, value: Any, opt_type: int, resolved: JSON, guild: FakeGuild | None) -> Any:
        if opt_type == 3:
            return str(value)
        if opt_type == 4:
            return int(value)
        if opt_type == 5:
            return bool(value)
        if opt_type == 10:
            return float(value)
        if opt_type == 11:
            if not isinstance(value, FakeAttachment):
                raise FakeDiscordError("attachment options take a FakeAttachment")
            att = self._register_attachment(0, value)
            resolved.setdefault("attachments", {})[att["id"]] = att
            return att["id"]
        if opt_type in (6, 7, 8, 9):
            snowflake = _id_of(value)
            self._resolve_snowflake(snowflake, opt_type, resolved, guild)
            return str(snowflake)
        return value

    def _resolve_snowflake(
        self, snowflake: int, opt_type: int, resolved: JSON, guild: FakeGuild | None
    ) -> None:
        key = str(snowflake)
        if opt_type in (6, 9) and snowflake in self.users:
            resolved.setdefault("users", {})[key] = self.users[snowflake].payload()
            member = guild.member(snowflake) if guild else None
            if member is not None and guild is not None:
                resolved.setdefault("members", {})[key] = member.payload(
                    with_user=False, permissions=guild.permissions_for(snowflake)
                )
            return
        if opt_type in (8, 9) and guild is not None:
            with contextlib.suppress(KeyError):
                resolved.setdefault("roles", {})[key] = guild.role(snowflake).payload()
                return
        if opt_type == 7:
            ch = self._find_channel(snowflake)
            if ch is not None:
                resolved.setdefault("channels", {})[key] = {
                    "id": key,
                    "name": ch.name,
                    "type": ch.type,
                    "permissions": str(ALL_PERMISSIONS),
                    "parent_id": str(ch.parent_id) if ch.parent_id else None,
                    "nsfw": ch.nsfw,
                    "topic": ch.topic,
                    "flags": 0,
                }
                return
        raise FakeDiscordError(f"cannot resolve {snowflake} as option type {opt_type}")

    def _interaction_base(self, itype: int, user: FakeUser | int, ch: FakeChannel, locale: str) -> JSON:
        uid = _id_of(user)
        user_obj = self._user(uid)
        guild = self.guilds.get(ch.guild_id) if ch.guild_id else None
        payload: JSON = {
            "id": str(self._ids.next()),
            "application_id": str(self.application_id),
            "type": itype,
            "token": "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48),
            "version": 1,
            "locale": locale,
            "entitlements": [],
            "entitlement_sku_ids": [],
            "attachment_size_limit": 10 * 1024 * 1024,
            "channel_id": str(ch.id),
        }
        if guild is not None:
            member = guild.member(uid)
            if member is None:
                raise FakeDiscordError(f"{user_obj.username} is not a member of {guild.name}")
            perms = guild.permissions_for(uid)
            channel_payload = ch.payload()
            channel_payload["permissions"] = str(perms)
            payload.update(
                {
                    "guild_id": str(guild.id),
                    "guild": {"id": str(guild.id), "locale": guild.preferred_locale, "features": []},
                    "guild_locale": guild.preferred_locale,
                    "channel": channel_payload,
                    "member": member.payload(permissions=perms),
                    "app_permissions": str(guild.permissions_for(self.bot_user.id)),
                    "authorizing_integration_owners": {"0": str(guild.id)},
                    "context": 0,
                }
            )
        else:
            channel_payload = ch.payload()
            channel_payload["permissions"] = str(EVERYONE_PERMISSIONS)
            payload.update(
                {
                    "channel": channel_payload,
                    "user": user_obj.payload(),
                    "app_permissions": str(EVERYONE_PERMISSIONS),
                    "authorizing_integration_owners": {"0": "0"},
                    "context": 1,
                }
            )
        return payload

    async def _send_interaction(self, payload: JSON) -> InteractionRecord:
        record = InteractionRecord(
            id=int(payload["id"]),
            token=str(payload["token"]),
            type=int(payload["type"]),
            payload=payload,
            created_at=asyncio.get_running_loop().time(),
        )
        self.interactions[record.id] = record
        await self.dispatch("INTERACTION_CREATE", payload)
        return record

    def _channel_or_fail(self, channel_id: int) -> FakeChannel:
        ch = self._find_channel(channel_id)
        if ch is None:
            raise FakeDiscordError(f"unknown channel {channel_id}")
        return ch

    def _register_attachment(self, channel_id: int, attachment: FakeAttachment) -> JSON:
        aid = self._ids.next()
        ctype = attachment.content_type or mimetypes.guess_type(attachment.filename)[0]
        self._cdn[aid] = (attachment.filename, attachment.content, ctype)
        url = f"{self.url}/attachments/{channel_id}/{aid}/{attachment.filename}"
        data: JSON = {
            "id": str(aid),
            "filename": attachment.filename,
            "size": len(attachment.content),
            "url": url,
            "proxy_url": url,
            "content_type": ctype,
        }
        if attachment.description is not None:
            data["description"] = attachment.description
        return data

    async def _cdn_handler(self, request: web.Request) -> web.Response:
        entry = self._cdn.get(int(request.match_info["attachment"]))
        if entry is None:
            return web.Response(status=404)
        _, content, ctype = entry
        return web.Response(body=content, content_type=ctype or "application/octet-stream")

    # -- storing messages -----------------------------------------------------------------------

    def _store(self, stored: StoredMessage) -> None:
        self._messages[stored.id] = stored
        self._channel_messages.setdefault(stored.channel_id, []).append(stored)
        ch = self._find_channel(stored.channel_id)
        if ch is not None:
            ch.last_message_id = stored.id
        self._notify()

    # -- REST plumbing --------------------------------------------------------------------------

    def _route(self, method: str, pattern: str, handler: _Handler, *, auth: bool = True) -> None:
        regex = re.compile(re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern))
        self._routes.append((method, regex, pattern, handler, auth))

    def _install_routes(self) -> None:
        r = self._route
        r("GET", "/gateway", self._get_gateway, auth=False)
        r("GET", "/gateway/bot", self._get_gateway_bot)
        r("GET", "/users/@me", self._get_me)
        r("POST", "/users/@me/channels", self._create_dm)
        r("GET", "/users/{user_id}", self._get_user)
        r("GET", "/oauth2/applications/@me", self._get_application)
        r("GET", "/applications/{app_id}/commands", self._get_commands)
        r("PUT", "/applications/{app_id}/commands", self._put_commands)
        r("GET", "/applications/{app_id}/guilds/{guild_id}/commands", self._get_commands)
        r("PUT", "/applications/{app_id}/guilds/{guild_id}/commands", self._put_commands)
        r("GET", "/channels/{channel_id}", self._get_channel)
        r("GET", "/channels/{channel_id}/messages", self._get_messages)
        r("POST", "/channels/{channel_id}/messages", self._post_message)
        r("GET", "/channels/{channel_id}/messages/{message_id}", self._get_message)
        r("PATCH", "/channels/{channel_id}/messages/{message_id}", self._patch_message)
        r("DELETE", "/channels/{channel_id}/messages/{message_id}", self._delete_message)
        r("POST", "/channels/{channel_id}/typing", self._typing)
        r("PUT", "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", self._add_reaction)
        r(
            "DELETE",
            "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
            self._remove_reaction,
        )
        r("GET", "/guilds/{guild_id}", self._get_guild)
        r("GET", "/guilds/{guild_id}/channels", self._get_guild_channels)
        r("GET", "/guilds/{guild_id}/roles", self._get_roles)
        r("GET", "/guilds/{guild_id}/members/{user_id}", self._get_member)
        r("POST", "/interactions/{interaction_id}/{token}/callback", self._interaction_callback, auth=False)
        r("POST", "/webhooks/{app_id}/{token}", self._webhook_execute, auth=False)
        r("GET", "/webhooks/{app_id}/{token}/messages/{message_id}", self._webhook_get, auth=False)
        r("PATCH", "/webhooks/{app_id}/{token}/messages/{message_id}", self._webhook_edit, auth=False)
        r("DELETE", "/webhooks/{app_id}/{token}/messages/{message_id}", self._webhook_delete, auth=False)

    async def _api_handler(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        json_body, files = await self._read_body(request)
        auth = request.headers.get("Authorization")
        token = auth[4:] if auth and auth.startswith("Bot ") else auth
        if token:
            self.tokens_seen.add(token)
        record = RecordedRequest(
            method=request.method,
            path=path,
            query=dict(request.query),
            headers={k: v for k, v in request.headers.items() if k.lower() != "authorization"},
            json=json_body,
            files=files,
            auth_present=auth is not None,
            token=token,
            at=time.monotonic(),
        )
        api_request = _ApiRequest(request.method, path, dict(request.query), json_body, files, record)
        try:
            reply = await self._route_request(api_request, auth_present=auth is not None, token=token)
        except _ApiError as exc:
            reply = _Reply(exc.status, exc.body)
        except Exception as exc:  # a harness bug: surface it quickly instead of a slow 5xx retry loop
            self.server_errors.append(f"{request.method} {path}: {exc!r}")
            reply = _Reply(400, {"message": f"FakeDiscord internal error: {exc!r}", "code": 0})
        record.status = reply.status
        record.response = reply.body
        self.requests.append(record)
        self._notify()
        return _json_response(reply)

    async def _route_request(self, req: _ApiRequest, *, auth_present: bool, token: str | None) -> _Reply:
        matched_path = False
        for method, regex, pattern, handler, needs_auth in self._routes:
            m = regex.fullmatch(req.path)
            if m is None:
                continue
            matched_path = True
            if method != req.method:
                continue
            req.record.route = f"{method} {pattern}"
            if needs_auth:
                if not auth_present:
                    raise _ApiError(401, 0, "401: Unauthorized")
                if self.accepted_tokens is not None and token not in self.accepted_tokens:
                    raise _ApiError(401, 0, "401: Unauthorized")
            failure = self._take_failure(req)
            if failure is not None:
                return failure
            params = m.groupdict()
            channel_id = params.get("channel_id")
            if channel_id is not None and channel_id.isdigit():
                cf = self._channel_failures.get(int(channel_id))
                if cf is not None and req.method in cf.methods:
                    raise _ApiError(cf.status, cf.code, cf.message)
            return await handler(req, **params)
        if matched_path:
            raise _ApiError(405, 0, "405: Method Not Allowed")
        raise _ApiError(404, 0, "404: Not Found")

    def _take_failure(self, req: _ApiRequest) -> _Reply | None:
        for rule in self._failures:
            if rule.remaining <= 0 or rule.method != req.method or not rule.path_regex.fullmatch(req.path):
                continue
            rule.remaining -= 1
            if rule.status == 429:
                # discord.py treats a 429 without a Via header as a Cloudflare ban and gives up.
                return _Reply(
                    429,
                    {
                        "message": "You are being rate limited.",
                        "retry_after": rule.retry_after,
                        "global": rule.is_global,
                    },
                    {
                        "Via": "1.1 google",
                        "Retry-After": str(max(1, round(rule.retry_after))),
                        "X-RateLimit-Scope": "global" if rule.is_global else "user",
                    },
                )
            return _Reply(rule.status, {"message": "Internal Server Error", "code": 0})
        return None

    async def _read_body(self, request: web.Request) -> tuple[Any, list[RecordedFile]]:
        ctype = request.content_type
        if ctype.startswith("multipart/"):
            payload: Any = None
            files: list[RecordedFile] = []
            reader = await request.multipart()
            while True:
                part = await reader.next()
                if part is None:
                    break
                if not isinstance(part, BodyPartReader):
                    continue
                name = part.name or ""
                content = await part.read(decode=False)
                if name == "payload_json":
                    payload = json.loads(content.decode())
                else:
                    files.append(
                        RecordedFile(
                            field_name=name,
                            filename=part.filename,
                            content=bytes(content),
                            content_type=part.headers.get("Content-Type"),
                        )
                    )
            return payload, files
        raw = await request.read()
        if not raw:
            return None, []
        if ctype == "application/json":
            return json.loads(raw.decode()), []
        return raw.decode(errors="replace"), []

    # -- REST handlers: users, application, commands ----------------------------------------------

    async def _get_gateway(self, req: _ApiRequest) -> _Reply:
        return _Reply(body={"url": str(self.gateway_url).rstrip("/")})

    async def _get_gateway_bot(self, req: _ApiRequest) -> _Reply:
        return _Reply(
            body={
                "url": str(self.gateway_url).rstrip("/"),
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    async def _get_me(self, req: _ApiRequest) -> _Reply:
        return _Reply(body={**self.bot_user.payload(), "verified": True, "mfa_enabled": False, "email": None})

    async def _get_user(self, req: _ApiRequest, user_id: str) -> _Reply:
        user = self.users.get(int(user_id)) if user_id.isdigit() else None
        if user is None:
            raise _ApiError(404, 10013, "Unknown User")
        return _Reply(body=user.payload())

    async def _create_dm(self, req: _ApiRequest) -> _Reply:
        recipient = int((req.json or {}).get("recipient_id", 0))
        if recipient not in self.users:
            raise _ApiError(400, 50007, "Cannot send messages to this user")
        return _Reply(body=self.dm_channel(recipient).payload())

    async def _get_application(self, req: _ApiRequest) -> _Reply:
        return _Reply(
            body={
                "id": str(self.application_id),
                "name": self.bot_user.username,
                "icon": None,
                "description": "",
                "summary": "",
                "type": None,
                "rpc_origins": [],
                "bot_public": False,
                "bot_require_code_grant": False,
                "verify_key": "0" * 64,
                "flags": self.application_flags,
                "owner": self.app_owner.payload(),
                "team": self._team_payload(),
                "bot": self.bot_user.payload(),
                "redirect_uris": [],
                "interactions_endpoint_url": None,
                "approximate_guild_count": len(self.guilds),
                "tags": [],
            }
        )

    def _team_payload(self) -> JSON | None:
        if self.app_team is None:
            return None
        team_id = str(self.application_id + 1)
        return {
            "id": team_id,
            "name": f"{self.bot_user.username} team",
            "icon": None,
            "owner_user_id": str(self.app_owner.id),
            "members": [
                {"user": user.payload(), "team_id": team_id, "membership_state": 2, "permissions": ["*"],
                 "role": role}
                for user, role in self.app_team
            ],
        }

    def _check_app(self, app_id: str) -> None:
        if app_id != str(self.application_id):
            raise _ApiError(403, 50001, "Missing Access")

    async def _get_commands(self, req: _ApiRequest, app_id: str, guild_id: str | None = None) -> _Reply:
        self._check_app(app_id)
        if guild_id is None:
            return _Reply(body=self.global_commands)
        if int(guild_id) not in self.guilds:
            raise _ApiError(404, 10004, "Unknown Guild")
        return _Reply(body=self.guild_commands.get(int(guild_id), []))

    async def _put_commands(self, req: _ApiRequest, app_id: str, guild_id: str | None = None) -> _Reply:
        self._check_app(app_id)
        if guild_id is not None and int(guild_id) not in self.guilds:
            raise _ApiError(404, 10004, "Unknown Guild")
        body = req.json
        if not isinstance(body, list):
            raise _form_error("_root", "LIST_TYPE_CONVERT", "Must be a list")
        existing = self.global_commands if guild_id is None else self.guild_commands.get(int(guild_id), [])
        names: set[tuple[int, str]] = set()
        result: list[JSON] = []
        for cmd in body:
            ctype = int(cmd.get("type", 1))
            key = (ctype, cmd["name"])
            if key in names:
                raise _form_error(
                    "_root", "APPLICATION_COMMANDS_DUPLICATE_NAME", f"duplicate name {cmd['name']}"
                )
            names.add(key)
            if ctype == 1 and (
                not re.fullmatch(r"[-_\w]{1,32}", cmd["name"]) or cmd["name"] != cmd["name"].lower()
            ):
                raise _form_error("name", "APPLICATION_COMMAND_INVALID_NAME", f"invalid name {cmd['name']!r}")
            previous = next(
                (c for c in existing if c["name"] == cmd["name"] and c.get("type", 1) == ctype), None
            )
            echoed: JSON = {
                "id": previous["id"] if previous else str(self._ids.next()),
                "application_id": str(self.application_id),
                "version": str(self._ids.next()),
                "type": ctype,
                "description": "",
                "default_member_permissions": None,
                "nsfw": False,
                **cmd,
            }
            if guild_id is not None:
                echoed["guild_id"] = guild_id
            result.append(echoed)
        if guild_id is None:
            self.global_commands = result
        else:
            self.guild_commands[int(guild_id)] = result
        return _Reply(body=result)

    # -- REST handlers: channels and messages ---------------------------------------------------

    def _rest_channel(self, channel_id: str) -> FakeChannel:
        ch = self._find_channel(int(channel_id)) if channel_id.isdigit() else None
        if ch is None:
            raise _ApiError(404, 10003, "Unknown Channel")
        return ch

    def _rest_message(self, ch: FakeChannel, message_id: str) -> StoredMessage:
        stored = self._messages.get(int(message_id)) if message_id.isdigit() else None
        if stored is None or stored.deleted or stored.channel_id != ch.id:
            raise _ApiError(404, 10008, "Unknown Message")
        return stored

    async def _get_channel(self, req: _ApiRequest, channel_id: str) -> _Reply:
        return _Reply(body=self._rest_channel(channel_id).payload())

    async def _get_messages(self, req: _ApiRequest, channel_id: str) -> _Reply:
        ch = self._rest_channel(channel_id)
        msgs = [m for m in self.messages_in(ch) if not m.ephemeral]
        limit = int(req.query.get("limit", 50))
        if "before" in req.query:
            msgs = [m for m in msgs if m.id < int(req.query["before"])]
        if "after" in req.query:
            msgs = [m for m in msgs if m.id > int(req.query["after"])]
            return _Reply(body=[m.payload for m in msgs[:limit]][::-1])
        return _Reply(body=[m.payload for m in msgs[::-1][:limit]])

    async def _post_message(self, req: _ApiRequest, channel_id: str) -> _Reply:
        ch = self._rest_channel(channel_id)
        body = req.json if isinstance(req.json, dict) else {}
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            earlier = self._nonces.get((ch.id, str(nonce)))
            if earlier is not None:
                return _Reply(body=earlier.payload)
        stored = self._create_bot_message(ch, body, req.files, source="rest")
        if nonce is not None:
            stored.nonce = str(nonce)
            self._nonces[(ch.id, str(nonce))] = stored
        await self._echo("MESSAGE_CREATE", stored)
        return _Reply(body=stored.payload)

    async def _get_message(self, req: _ApiRequest, channel_id: str, message_id: str) -> _Reply:
        return _Reply(body=self._rest_message(self._rest_channel(channel_id), message_id).payload)

    async def _patch_message(self, req: _ApiRequest, channel_id: str, message_id: str) -> _Reply:
        stored = self._rest_message(self._rest_channel(channel_id), message_id)
        if stored.author_id != self.bot_user.id:
            raise _ApiError(403, 50005, "Cannot edit a message authored by another user")
        self._edit_message(stored, req.json if isinstance(req.json, dict) else {}, req.files)
        await self._echo("MESSAGE_UPDATE", stored)
        return _Reply(body=stored.payload)

    async def _delete_message(self, req: _ApiRequest, channel_id: str, message_id: str) -> _Reply:
        stored = self._rest_message(self._rest_channel(channel_id), message_id)
        await self._delete(stored)
        return _Reply(204)

    async def _typing(self, req: _ApiRequest, channel_id: str) -> _Reply:
        self._rest_channel(channel_id)
        return _Reply(204)

    async def _add_reaction(self, req: _ApiRequest, channel_id: str, message_id: str, emoji: str) -> _Reply:
        stored = self._rest_message(self._rest_channel(channel_id), message_id)
        stored.reactions.append(emoji)
        self._notify()
        return _Reply(204)

    async def _remove_reaction(
        self, req: _ApiRequest, channel_id: str, message_id: str, emoji: str
    ) -> _Reply:
        stored = self._rest_message(self._rest_channel(channel_id), message_id)
        if emoji in stored.reactions:
            stored.reactions.remove(emoji)
        return _Reply(204)

    # -- REST handlers: guilds ------------------------------------------------------------------

    def _rest_guild(self, guild_id: str) -> FakeGuild:
        guild = self.guilds.get(int(guild_id)) if guild_id.isdigit() else None
        if guild is None:
            raise _ApiError(404, 10004, "Unknown Guild")
        return guild

    async def _get_guild(self, req: _ApiRequest, guild_id: str) -> _Reply:
        return _Reply(body=self._rest_guild(guild_id).payload())

    async def _get_guild_channels(self, req: _ApiRequest, guild_id: str) -> _Reply:
        return _Reply(body=[c.payload() for c in self._rest_guild(guild_id).channels])

    async def _get_roles(self, req: _ApiRequest, guild_id: str) -> _Reply:
        return _Reply(body=[r.payload() for r in self._rest_guild(guild_id).roles])

    async def _get_member(self, req: _ApiRequest, guild_id: str, user_id: str) -> _Reply:
        guild = self._rest_guild(guild_id)
        member = guild.member(int(user_id)) if user_id.isdigit() else None
        if member is None:
            raise _ApiError(404, 10007, "Unknown Member")
        return _Reply(body=member.payload())

    # -- REST handlers: interactions and webhooks -------------------------------------------------

    def _interaction_by_token(self, app_id: str, token: str) -> InteractionRecord:
        if app_id != str(self.application_id):
            raise _ApiError(404, 10015, "Unknown Webhook")
        for record in self.interactions.values():
            if record.token == token:
                return record
        raise _ApiError(404, 10015, "Unknown Webhook")

    async def _interaction_callback(self, req: _ApiRequest, interaction_id: str, token: str) -> _Reply:
        record = self.interactions.get(int(interaction_id)) if interaction_id.isdigit() else None
        if record is None or record.token != token:
            raise _ApiError(404, 10062, "Unknown interaction")
        if record.response is not None:
            raise _ApiError(400, 40060, "Interaction has already been acknowledged.")
        elapsed = asyncio.get_running_loop().time() - record.created_at
        if self.interaction_deadline is not None and elapsed > self.interaction_deadline:
            raise _ApiError(404, 10062, "Unknown interaction")
        body = req.json if isinstance(req.json, dict) else {}
        rtype = int(body.get("type", 0))
        data = body.get("data") or {}
        ch = self._channel_or_fail(record.channel_id)
        loading = ephemeral = False
        resource: JSON | None = {"type": rtype}
        if rtype == 1:
            resource = None
        elif rtype == 4:
            msg_type = 20 if record.type == INTERACTION_APPLICATION_COMMAND else 0
            stored = self._create_bot_message(
                ch, data, req.files, source="interaction_response", interaction=record, message_type=msg_type
            )
            record.original = stored
            ephemeral = stored.ephemeral
            resource["message"] = stored.payload
        elif rtype == 5:
            flags = FLAG_LOADING | (int(data.get("flags", 0)) & FLAG_EPHEMERAL)
            stored = self._create_bot_message(
                ch,
                {"content": "", "flags": flags},
                [],
                source="interaction_response",
                interaction=record,
                message_type=20 if record.type == INTERACTION_APPLICATION_COMMAND else 0,
                allow_empty=True,
            )
            record.original = stored
            loading, ephemeral = True, stored.ephemeral
            resource["message"] = stored.payload
        elif rtype == 7:
            target = self._interaction_target_message(record)
            self._edit_message(target, data, req.files)
            record.original = target  # for component interactions @original is the clicked message
            resource["message"] = target.payload
        elif rtype == 6:
            if "message" in record.payload:
                record.original = self._interaction_target_message(record)
        elif rtype in (8, 9, 12):
            pass
        else:
            raise _form_error(
                "type", "BASE_TYPE_CHOICES", f"Value must be one of (1, 4, 5, 6, 7, 8, 9, 12): {rtype}"
            )
        record.response = body
        record.response_files = list(req.files)
        record.response_after = elapsed
        self._notify()
        if rtype in (4, 5) and record.original is not None:
            await self._echo("MESSAGE_CREATE", record.original)
        if rtype == 7 and record.original is not None:
            await self._echo("MESSAGE_UPDATE", record.original)
        interaction_info: JSON = {
            "id": str(record.id),
            "type": record.type,
            "response_message_loading": loading,
            "response_message_ephemeral": ephemeral,
        }
        if record.original is not None and rtype in (4, 5):
            interaction_info["response_message_id"] = str(record.original.id)
        reply: JSON = {"interaction": interaction_info}
        if resource is not None:
            reply["resource"] = resource
        return _Reply(body=reply)

    def _interaction_target_message(self, record: InteractionRecord) -> StoredMessage:
        msg = record.payload.get("message")
        if msg is None:
            raise _ApiError(400, 40004, "Interaction has no message to update")
        return self._messages[int(msg["id"])]

    async def _webhook_execute(self, req: _ApiRequest, app_id: str, token: str) -> _Reply:
        record = self._interaction_by_token(app_id, token)
        if record.response is None:
            raise _ApiError(404, 10015, "Unknown Webhook")
        ch = self._channel_or_fail(record.channel_id)
        body = req.json if isinstance(req.json, dict) else {}
        original = record.original
        if original is not None and original.loading:
            # Discord: the first followup after a deferred response fills in the "thinking" message.
            self._edit_message(original, body, req.files, finish_loading=True)
            stored = original
            record.followups.append(stored)
            await self._echo_unless_ephemeral("MESSAGE_UPDATE", stored)
        else:
            stored = self._create_bot_message(ch, body, req.files, source="followup", interaction=record)
            record.followups.append(stored)
            await self._echo_unless_ephemeral("MESSAGE_CREATE", stored)
        self._notify()
        if req.query.get("wait") in ("1", "true", "True"):
            return _Reply(body=stored.payload)
        return _Reply(204)

    def _webhook_message(self, record: InteractionRecord, message_id: str) -> StoredMessage:
        if message_id == "@original":
            if record.original is None or record.original.deleted:
                raise _ApiError(404, 10008, "Unknown Message")
            return record.original
        stored = self._messages.get(int(message_id)) if message_id.isdigit() else None
        if stored is None or stored.deleted or stored.interaction_id != record.id:
            raise _ApiError(404, 10008, "Unknown Message")
        return stored

    async def _webhook_get(self, req: _ApiRequest, app_id: str, token: str, message_id: str) -> _Reply:
        record = self._interaction_by_token(app_id, token)
        return _Reply(body=self._webhook_message(record, message_id).payload)

    async def _webhook_edit(self, req: _ApiRequest, app_id: str, token: str, message_id: str) -> _Reply:
        record = self._interaction_by_token(app_id, token)
        stored = self._webhook_message(record, message_id)
        self._edit_message(
            stored, req.json if isinstance(req.json, dict) else {}, req.files, finish_loading=True
        )
        await self._echo_unless_ephemeral("MESSAGE_UPDATE", stored)
        return _Reply(body=stored.payload)

    async def _webhook_delete(self, req: _ApiRequest, app_id: str, token: str, message_id: str) -> _Reply:
        record = self._interaction_by_token(app_id, token)
        await self._delete(self._webhook_message(record, message_id))
        return _Reply(204)

    # -- message creation, editing, deletion ----------------------------------------------------

    def _create_bot_message(
        self,
        ch: FakeChannel,
        body: JSON,
        files: list[RecordedFile],
        *,
        source: Literal["rest", "interaction_response", "followup"],
        interaction: InteractionRecord | None = None,
        message_type: int = 0,
        allow_empty: bool = False,
    ) -> StoredMessage:
        _validate_message_body(body, files, allow_empty=allow_empty)
        guild = self.guilds.get(ch.guild_id) if ch.guild_id else None
        message_id = self._ids.next()
        payload: JSON = {
            "id": str(message_id),
            "channel_id": str(ch.id),
            "author": self.bot_user.payload(),
            "content": body.get("content") or "",
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "tts": bool(body.get("tts", False)),
            "embeds": list(body.get("embeds") or []),
            "components": list(body.get("components") or []),
            "attachments": self._attachments_from(ch.id, body.get("attachments"), files, []),
            "pinned": False,
            "type": message_type,
            "flags": int(body.get("flags") or 0),
            "sticker_items": [],
        }
        if body.get("poll"):
            payload["poll"] = body["poll"]
        if body.get("nonce") is not None:
            payload["nonce"] = body["nonce"]
        ref = body.get("message_reference")
        replied_author: int | None = None
        if ref and ref.get("message_id"):
            target = self._messages.get(int(ref["message_id"]))
            if target is None or target.deleted:
                if ref.get("fail_if_not_exists", True):
                    raise _form_error(
                        "message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message"
                    )
            else:
                payload["type"] = 19
                payload["message_reference"] = {
                    "type": 0,
                    "message_id": str(target.id),
                    "channel_id": str(target.channel_id),
                    **({"guild_id": str(guild.id)} if guild else {}),
                }
                payload["referenced_message"] = target.payload
                replied_author = target.author_id
        if interaction is not None:
            payload["webhook_id"] = str(self.application_id)
            payload["application_id"] = str(self.application_id)
            payload["interaction_metadata"] = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": self._user(interaction.user_id).payload(),
                "authorizing_integration_owners": interaction.payload.get(
                    "authorizing_integration_owners", {}
                ),
            }
        allowed = body.get("allowed_mentions")
        self._apply_mentions(payload, allowed, guild, replied_author)
        stored = StoredMessage(
            payload=payload,
            source=source,
            allowed_mentions=allowed,
            files=list(files),
            interaction_id=interaction.id if interaction else None,
        )
        self._store(stored)
        return stored

    def _edit_message(
        self, stored: StoredMessage, body: JSON, files: list[RecordedFile], *, finish_loading: bool = False
    ) -> None:
        merged = {
            **{k: stored.payload.get(k) for k in ("content", "embeds", "components", "attachments")},
            **body,
        }
        _validate_message_body(merged, files, allow_empty=False)
        payload = stored.payload
        attachments = (
            self._attachments_from(
                stored.channel_id, body.get("attachments"), files, payload.get("attachments", [])
            )
            if "attachments" in body or files
            else None
        )
        stored.history.append(_copy(payload))
        stored.edits.append(body)
        for key in ("content", "embeds", "components"):
            if key in body:
                payload[key] = body[key] if body[key] is not None else ("" if key == "content" else [])
        if attachments is not None:
            payload["attachments"] = attachments
            stored.files.extend(files)
        flags = int(payload.get("flags", 0))
        if "flags" in body and body["flags"] is not None:
            # Ephemerality is fixed at creation: an ephemeral followup that fills a public deferred
            # reply stays public (a classic gotcha), and edits cannot toggle it either.
            sticky = FLAG_EPHEMERAL | FLAG_LOADING
            flags = (flags & sticky) | (int(body["flags"]) & ~sticky)
        if finish_loading:
            flags &= ~FLAG_LOADING
        payload["flags"] = flags
        if not stored.history[-1].get("flags", 0) & FLAG_LOADING:  # filling a deferred reply is no edit
            payload["edited_timestamp"] = _now_iso()
        if "allowed_mentions" in body:
            stored.allowed_mentions = body["allowed_mentions"]
        ch = self._find_channel(stored.channel_id)
        guild = self.guilds.get(ch.guild_id) if ch and ch.guild_id else None
        self._apply_mentions(payload, stored.allowed_mentions, guild, None)
        self._notify()

    async def _delete(self, stored: StoredMessage) -> None:
        stored.deleted = True
        self._notify()
        if not stored.ephemeral and self.echo_own_messages:
            ch = self._find_channel(stored.channel_id)
            data: JSON = {"id": str(stored.id), "channel_id": str(stored.channel_id)}
            if ch is not None and ch.guild_id:
                data["guild_id"] = str(ch.guild_id)
            if self.live_connections:
                await self.dispatch("MESSAGE_DELETE", data)

    async def _echo(self, event: str, stored: StoredMessage) -> None:
        """Discord sends the bot its own messages over the gateway too."""
        if not self.echo_own_messages or not self.live_connections or stored.ephemeral:
            return
        data = dict(stored.payload)
        ch = self._find_channel(stored.channel_id)
        if ch is not None and ch.guild_id:
            guild = self.guilds[ch.guild_id]
            data["guild_id"] = str(guild.id)
            bot_member = guild.member(self.bot_user.id)
            if bot_member is not None and "webhook_id" not in data:
                data["member"] = bot_member.payload(with_user=False)
        await self.dispatch(event, data)

    async def _echo_unless_ephemeral(self, event: str, stored: StoredMessage) -> None:
        if not stored.ephemeral:
            await self._echo(event, stored)

    def _attachments_from(
        self, channel_id: int, spec: list[JSON] | None, files: list[RecordedFile], existing: list[JSON]
    ) -> list[JSON]:
        by_index: dict[int, RecordedFile] = {}
        for i, f in enumerate(files):
            m = re.fullmatch(r"files\[(\d+)\]", f.field_name)
            by_index[int(m.group(1)) if m else i] = f
        if spec is None:
            spec = [{"id": i, "filename": f.filename} for i, f in by_index.items()]
        out: list[JSON] = []
        existing_by_id = {str(a["id"]): a for a in existing}
        for entry in spec:
            eid = entry.get("id")
            if str(eid) in existing_by_id:
                out.append(existing_by_id[str(eid)])
                continue
            f = by_index.get(int(eid)) if eid is not None and str(eid).isdigit() else None
            if f is None:
                raise _form_error("attachments", "ATTACHMENT_NOT_FOUND", f"no file for attachment {eid}")
            att = self._register_attachment(
                channel_id,
                FakeAttachment(
                    filename=str(entry.get("filename") or f.filename or "file"),
                    content=f.content,
                    description=entry.get("description"),
                ),
            )
            out.append(att)
        return out

    def _apply_mentions(
        self, payload: JSON, allowed: JSON | None, guild: FakeGuild | None, replied_author: int | None
    ) -> None:
        """Fill ``mentions``/``mention_roles``/``mention_everyone`` the way Discord pings."""
        content = str(payload.get("content") or "")
        parse = ["users", "roles", "everyone"] if allowed is None else list(allowed.get("parse", []))
        user_ids = [int(x) for x in _USER_MENTION.findall(content)]
        role_ids = [int(x) for x in _ROLE_MENTION.findall(content)]
        explicit_users = {int(u) for u in (allowed or {}).get("users", [])}
        explicit_roles = {int(r) for r in (allowed or {}).get("roles", [])}
        pinged_users = [u for u in dict.fromkeys(user_ids) if "users" in parse or u in explicit_users]
        if replied_author is not None and (allowed is None or allowed.get("replied_user")):
            pinged_users.append(replied_author)
        pinged_roles = [r for r in dict.fromkeys(role_ids) if "roles" in parse or r in explicit_roles]
        payload["mentions"] = [
            self.users[u].payload() for u in dict.fromkeys(pinged_users) if u in self.users
        ]
        payload["mention_roles"] = [str(r) for r in pinged_roles if guild is None or _has_role(guild, r)]
        payload["mention_everyone"] = "everyone" in parse and bool(_EVERYONE_MENTION.search(content))


# ---------------------------------------------------------------------------------------------
# Helpers.
# ---------------------------------------------------------------------------------------------


def _json_response(reply: _Reply) -> web.Response:
    headers = dict(reply.headers)
    if reply.body is None:
        return web.Response(status=reply.status, headers=headers)
    # Exactly "application/json": discord.py compares the header verbatim (no charset allowed).
    headers["Content-Type"] = "application/json"
    return web.Response(status=reply.status, body=json.dumps(reply.body).encode(), headers=headers)


def _copy(data: T) -> T:
    """A deep copy through JSON, so later state changes cannot rewrite what was already sent."""
    return json.loads(json.dumps(data))  # type: ignore[no-any-return]


def _number_components(components: list[JSON]) -> None:
    """Discord numbers components depth-first from 1 where the app gave no ``id``."""
    used = set()

    def walk(items: list[JSON]) -> Iterator[JSON]:
        for item in items:
            yield item
            if isinstance(item.get("components"), list):
                yield from walk(item["components"])
            if isinstance(item.get("component"), dict):
                yield from walk([item["component"]])

    used = {int(c["id"]) for c in walk(components) if "id" in c}
    counter = 0
    for comp in walk(components):
        if "id" not in comp:
            counter += 1
            while counter in used:
                counter += 1
            comp["id"] = counter


def _has_role(guild: FakeGuild, role_id: int) -> bool:
    return any(r.id == role_id for r in guild.roles)


def _maybe_id(comp: JSON) -> JSON:
    return {"id": comp["id"]} if "id" in comp else {}


def _id_of_message(message: StoredMessage | int) -> int:
    return message.id if isinstance(message, StoredMessage) else int(message)


def _find_component(components: list[JSON], custom_id: str) -> JSON | None:
    for comp in components:
        if comp.get("custom_id") == custom_id:
            return comp
        for key in ("components", "accessory", "component"):
            child = comp.get(key)
            children = child if isinstance(child, list) else [child] if isinstance(child, dict) else []
            found = _find_component(children, custom_id)
            if found is not None:
                return found
    return None


def _infer_option_type(value: Any) -> int:
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    if isinstance(value, float):
        return 10
    if isinstance(value, FakeUser | FakeMember):
        return 6
    if isinstance(value, FakeChannel):
        return 7
    if isinstance(value, FakeRole):
        return 8
    if isinstance(value, FakeAttachment):
        return 11
    return 3


def _leaf_option_defs(definition: JSON | None, path: list[str]) -> list[JSON]:
    if definition is None:
        return []
    options: list[JSON] = definition.get("options", [])
    for segment in path[1:]:
        sub = next((o for o in options if o.get("name") == segment and o.get("type") in (1, 2)), None)
        if sub is None:
            raise FakeDiscordError(f"/{' '.join(path)}: no subcommand {segment!r} in the synced command")
        options = sub.get("options", [])
    return options


def _check_options(path: list[str], defs: list[JSON], given: list[JSON]) -> None:
    """What Discord's client enforces before it sends a command: known names, required, choices."""
    known = {d["name"]: d for d in defs}
    for option in given:
        definition = known.get(option["name"])
        if definition is None:
            raise FakeDiscordError(f"/{' '.join(path)} has no option {option['name']!r}")
        choices = definition.get("choices")
        if choices and option.get("value") not in [c["value"] for c in choices]:
            raise FakeDiscordError(
                f"/{' '.join(path)} {option['name']}: {option.get('value')!r} is not a choice"
            )
    names = {o["name"] for o in given}
    missing = [d["name"] for d in defs if d.get("required") and d["name"] not in names]
    if missing:
        raise FakeDiscordError(f"/{' '.join(path)} is missing required option(s) {missing}")


def _segment_type(definition: JSON | None, path: list[str], depth: int) -> int:
    if definition is not None:
        options: list[JSON] = definition.get("options", [])
        node: JSON | None = None
        for segment in path[1 : depth + 1]:
            node = next((o for o in options if o.get("name") == segment), None)
            options = (node or {}).get("options", [])
        if node is not None:
            return int(node["type"])
    return 1 if depth == len(path) - 1 else 2


_EMBED_LIMITS = {"title": 256, "description": 4096}


def _validate_message_body(body: JSON, files: list[RecordedFile], *, allow_empty: bool) -> None:
    content = body.get("content") or ""
    embeds = body.get("embeds") or []
    components = body.get("components") or []
    if len(content) > 2000:
        raise _form_error("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.")
    if len(embeds) > 10:
        raise _form_error("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
    total = 0
    for i, embed in enumerate(embeds):
        for key, limit in _EMBED_LIMITS.items():
            value = embed.get(key) or ""
            total += len(value)
            if len(value) > limit:
                raise _form_error(
                    f"embeds.{i}.{key}", "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length."
                )
        fields = embed.get("fields") or []
        if len(fields) > 25:
            raise _form_error(f"embeds.{i}.fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        for j, f in enumerate(fields):
            if not f.get("name") or not f.get("value"):
                raise _form_error(f"embeds.{i}.fields.{j}", "BASE_TYPE_REQUIRED", "This field is required")
            if len(f["name"]) > 256 or len(f["value"]) > 1024:
                raise _form_error(f"embeds.{i}.fields.{j}", "BASE_TYPE_MAX_LENGTH", "Field too long")
            total += len(f["name"]) + len(f["value"])
        footer = (embed.get("footer") or {}).get("text") or ""
        author = (embed.get("author") or {}).get("name") or ""
        if len(footer) > 2048 or len(author) > 256:
            raise _form_error(f"embeds.{i}", "BASE_TYPE_MAX_LENGTH", "Footer or author too long")
        total += len(footer) + len(author)
    if total > 6000:
        raise _form_error("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
    if len(components) > 40:
        raise _form_error("components", "BASE_TYPE_MAX_LENGTH", "Must be 40 or fewer in length.")
    allowed = body.get("allowed_mentions") or {}
    parse = allowed.get("parse", [])
    for kind in ("users", "roles"):
        if kind in parse and allowed.get(kind):
            raise _form_error(
                f"allowed_mentions.{kind}",
                "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                f'parse:["{kind}"] and {kind}: [ids...] are mutually exclusive.',
            )
    has_anything = (
        content
        or embeds
        or components
        or files
        or body.get("attachments")
        or body.get("sticker_ids")
        or body.get("poll")
    )
    if not has_anything and not allow_empty:
        raise _ApiError(400, 50006, "Cannot send an empty message")


# ---------------------------------------------------------------------------------------------
# The standard test world and the client runner.
# ---------------------------------------------------------------------------------------------


@dataclass
class DefaultWorld:
    """Handles to the standard guild built by :func:`populate_default_guild`."""

    guild: FakeGuild
    owner: FakeUser
    moderator: FakeUser
    member: FakeUser
    moderator_role: FakeRole
    general: FakeChannel
    reminders: FakeChannel
    mod_log: FakeChannel


def populate_default_guild(fake: FakeDiscord, name: str = "ICC Coalition") -> DefaultWorld:
    """One guild: its owner (so every permission, Manage Server included), a "moderator" with the
    Moderator role, a plain "member", and text channels general, reminders and mod-log."""
    owner = fake.add_user("owner", global_name="Guild Owner")
    guild = fake.add_guild(name, owner=owner)
    moderator_role = fake.add_role(guild, "Moderator", permissions=MODERATOR_PERMISSIONS, mentionable=True)
    moderator = fake.add_member(guild, "moderator", roles=[moderator_role]).user
    member = fake.add_member(guild, "member").user
    fake.world = DefaultWorld(
        guild=guild,
        owner=owner,
        moderator=moderator,
        member=member,
        moderator_role=moderator_role,
        general=fake.add_channel(guild, "general", topic="General discussion"),
        reminders=fake.add_channel(guild, "reminders", topic="Deadline reminders"),
        mod_log=fake.add_channel(guild, "mod-log"),
    )
    return fake.world


#: The type of :func:`run_client` (what the ``run_client`` fixture returns).
RunClient = Callable[..., contextlib.AbstractAsyncContextManager[discord.Client]]


@contextlib.asynccontextmanager
async def run_client(
    client: discord.Client, token: str = "test-token", *, ready_timeout: float = 5.0
) -> AsyncIterator[discord.Client]:
    """Run ``client.start(token, reconnect=False)`` until the block ends.

    Waits for READY (and guild readiness) or fails clearly; on exit closes the client and
    awaits its task, re-raising anything the client died of.
    """
    task = asyncio.create_task(client.start(token, reconnect=False), name="fakediscord-client")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + ready_timeout
    try:
        while not client.is_ready():
            if task.done():
                exc = task.exception()
                raise AssertionError(f"client stopped before becoming ready: {exc!r}") from exc
            if loop.time() > deadline:
                raise AssertionError(f"client not ready after {ready_timeout}s (check guild_ready_timeout)")
            await asyncio.sleep(0.005)
        yield client
    finally:
        await client.close()
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout=5.0)
        except TimeoutError:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            raise AssertionError("client task did not finish within 5s of close()") from None
