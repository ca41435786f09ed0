"""What a reminder row turns into, as pure functions of a deadline: when it is due, its nonce and its text.

It exists apart from the dispatcher because derivation (due times), the commands (due times in listings), the
scheduler (digest nonces and text) and the dispatcher all need the same answers, and none of them should need a
database or a sender to get them. Nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache

from bot.core.deadlines.dates import resolve_local
from bot.core.deadlines.model import KIND_LABELS, Deadline, Offset
from bot.core.refs import role_ref
from bot.core.timeutil import UTC, discord_timestamp


# --- timing ----------------------------------------------------------------------------------------------------
def due_time(deadline: Deadline, offset: str) -> dt.datetime:
    """When the reminder `offset` before `deadline` is due, in UTC. Days and weeks step back on the deadline's
    wall clock (1d before 10:00 Amsterdam is 10:00 Amsterdam the day before, 23 or 25 real hours across a change);
    a wall time in a gap moves forward, one that happens twice is the first. Hours and minutes are real time."""
    off = _offset(offset)
    anchor = deadline.anchor
    days = off.calendar_days
    if days is not None:
        wall = anchor.replace(tzinfo=None) - dt.timedelta(days=days)
        return resolve_local(wall, deadline.zone).astimezone(UTC)
    return anchor.astimezone(UTC) - dt.timedelta(minutes=off.approx_minutes)


@lru_cache(maxsize=256)
def _offset(text: str) -> Offset:
    return Offset.parse(text)


def make_nonce(kind: str, number: int | str, *parts: str) -> str:
    """A deterministic Discord nonce (at most 25 characters): kind, the row id and a short hash of what the row is
    about, so the same row always gets the same nonce and different databases do not collide by id alone."""
    digest = hashlib.blake2b("|".join(parts).encode(), digest_size=4).hexdigest()
    nonce = f"{kind}{number}-{digest}"
    if len(nonce) > 25:
        raise ValueError(f"nonce {nonce!r} would exceed 25 characters")
    return nonce


def reminder_nonce(reminder_id: int, deadline_id: str, guild_id: str, offset: str) -> str:
    return make_nonce("cdr", reminder_id, deadline_id, guild_id, offset)


# --- text ------------------------------------------------------------------------------------------------------
def neutralize(text: str) -> str:
    """Mentions typed into titles must not ping anyone: break @everyone, @here and <@...> with a zero-width space
    (the adapter's AllowedMentions is the real guard; this keeps every other output honest too)."""
    text = re.sub(r"@(everyone|here)", "@\u200b\\1", text)
    return text.replace("<@", "<\u200b@")


# A server's reminders in French (`/config language fr`); the deadline's own title and description stay as written.
KIND_LABELS_FR = {"session": "Session", "advocacy-deadline": "Échéance de plaidoyer", "submission": "Dépôt",
                  "event": "Événement", "other": "Date"}


def reminder_text(deadline: Deadline, *, number: int, total: int, role_id: str | None = None,
                  late_due: dt.datetime | None = None, lang: str = "en") -> str:
    french = lang == "fr"
    lines = []
    if role_id:
        lines.append(role_ref(role_id))
    kind = (KIND_LABELS_FR if french else KIND_LABELS).get(deadline.kind, deadline.kind)
    lines.append(f"⏰ **{neutralize(deadline.title)}** — {kind}")
    lines.append(f"{'Quand :' if french else 'When:'} {deadline.when_text(lang)}")
    if deadline.link:
        lines.append(f"{'Lien :' if french else 'Link:'} <{deadline.link}>")
    if late_due is not None:
        lines.append(f"En retard : ce rappel était prévu le {discord_timestamp(late_due, 'F')} et n'a pas pu être "
                     "envoyé à ce moment-là." if french else
                     f"Late: this reminder was due {discord_timestamp(late_due, 'F')} and could not be sent then.")
    lines.append(f"Rappel {number} sur {total} · `{deadline.id}`" if french
                 else f"Reminder {number} of {total} · `{deadline.id}`")
    return "\n".join(lines)


def cancellation_text(deadline: Deadline, reason: str, lang: str = "en") -> str:
    when = discord_timestamp(deadline.start_utc, "F")
    text = (f"❌ **{neutralize(deadline.title)}** ({when}) est annulé ; aucun autre rappel ne sera envoyé."
            if lang == "fr" else
            f"❌ **{neutralize(deadline.title)}** ({when}) has been cancelled; no more reminders will be sent for it.")
    if reason:
        text += f"\n{'Raison :' if lang == 'fr' else 'Reason:'} {neutralize(reason)}"
    return text + f"\n`{deadline.id}`"


def duration_text(delta: dt.timedelta) -> str:
    """A lateness or a grace period for the mod-log: "45 min", "3 h", "4 days"."""
    hours = delta.total_seconds() / 3600
    if hours < 1:
        return f"{max(int(delta.total_seconds() // 60), 0)} min"
    return f"{hours:.0f} h" if hours < 48 else f"{hours / 24:.0f} days"
