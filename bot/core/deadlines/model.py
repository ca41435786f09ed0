"""What a deadline is: its kinds, limits, reminder offsets, the `Deadline` dataclass and record validation.

A deadline is held as aware datetimes in the IANA zone it was given in, because reminders are computed on that
zone's wall clock ("1 day before 10:00 Amsterdam" is 10:00 Amsterdam the day before, whatever daylight saving
does in between). `deadline_from_record` is the one gate for untrusted fields, whether they come from
data/deadlines.yaml or from what a moderator typed; `Deadline.record()` gives back the same file form. Reading the
dates themselves is left to `bot.core.deadlines.dates`; storing deadlines to `bot.core.deadlines.store`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.core.deadlines.dates import (
    DEFAULT_ZONE,
    When,
    check_future,
    check_zone,
    deadline_window,
    parse_when,
    resolve_local,
)
from bot.core.deadlines.rules import check_exceptions, parse_repeat
from bot.core.models import MAX_SOURCES, InputError, check_slug, check_url, clean_text
from bot.core.timeutil import UTC, discord_timestamp, to_iso

KINDS = ("session", "advocacy-deadline", "submission", "event", "other")
KIND_LABELS = {
    "session": "Session",
    "advocacy-deadline": "Advocacy deadline",
    "submission": "Submission",
    "event": "Event",
    "other": "Date",
}
MAX_TITLE = 200
MAX_DESCRIPTION = 1000
MAX_OFFSETS = 8
MAX_OFFSET_DAYS = 366
# All-day events have no time; their reminders are anchored at this local hour on the first day, so "1 day before"
# an all-day session arrives at 09:00 the day before instead of at midnight.
CALENDAR_FILE = "coalition-desk.ics"  # the name calendar files are handed out under
ALL_DAY_ANCHOR = dt.time(9, 0)
RECORD_KEYS = ("id", "title", "kind", "start", "end", "zone", "repeat", "skip", "moved", "description", "link",
               "sources", "guild", "offsets", "status")


# --- offsets ---------------------------------------------------------------------------------------------------
_OFFSET = re.compile(r"^(\d{1,4})\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?)$")
_UNIT_MINUTES = {"m": 1, "h": 60, "d": 1440, "w": 10080}


@dataclass(frozen=True, order=True)
class Offset:
    """How long before a deadline a reminder goes out. Days and weeks count on the local wall clock; hours and
    minutes count real (UTC) time, so '1d' and '24h' differ by an hour across a daylight-saving change."""

    amount: int
    unit: str  # m, h, d or w

    @property
    def text(self) -> str:
        return f"{self.amount}{self.unit}"

    @property
    def calendar_days(self) -> int | None:
        return self.amount * (7 if self.unit == "w" else 1) if self.unit in ("d", "w") else None

    @property
    def approx_minutes(self) -> int:
        return self.amount * _UNIT_MINUTES[self.unit]

    @classmethod
    def parse(cls, value: Any) -> Offset:
        text = str(value or "").strip().lower()
        m = _OFFSET.match(text)
        if not m:
            raise InputError(f"reminder offset {text[:40]!r} is not a duration like 14d, 7d, 1d, 2h or 30m")
        amount, unit = int(m[1]), m[2][0]
        offset = cls(amount, unit)
        if amount <= 0:
            raise InputError(f"reminder offset {text!r} must be more than zero")
        if offset.approx_minutes > MAX_OFFSET_DAYS * 1440:
            raise InputError(f"reminder offset {text!r} is more than {MAX_OFFSET_DAYS} days")
        if unit == "m" and amount < 5:
            raise InputError(f"reminder offset {text!r} is under 5 minutes; the shortest is 5m")
        return offset


def parse_offsets(value: Any) -> list[str]:
    """'14d,7d,1d,2h' (or a list) -> normalised offsets, longest first; InputError names the bad part."""
    if value is None:
        return []
    parts = re.split(r"[,\s;]+", value.strip()) if isinstance(value, str) else list(value)
    offsets = [Offset.parse(p) for p in parts if str(p).strip()]
    if not offsets:
        raise InputError("give at least one reminder offset, like 14d,7d,1d,2h")
    unique = {o.text: o for o in offsets}
    if len(unique) > MAX_OFFSETS:
        raise InputError(f"{len(unique)} reminder offsets; the limit is {MAX_OFFSETS}")
    return [o.text for o in sorted(unique.values(), key=lambda o: (-o.approx_minutes, o.unit))]


# --- the model -------------------------------------------------------------------------------------------------
@dataclass
class Deadline:
    id: str
    title: str
    kind: str
    start: dt.datetime  # aware, in `zone`
    zone: str
    all_day: bool = False
    end: dt.datetime | None = None  # aware, in `zone`; for all-day, midnight of the last day
    description: str = ""
    link: str | None = None
    sources: list[str] = field(default_factory=list)
    guild_id: str | None = None  # None: every server
    offsets: list[str] | None = None  # None: each server's default
    status: str = "active"
    rev: int = 0
    created_at: str = ""
    updated_at: str = ""
    repeat: str | None = None  # an iCalendar RRULE (bot.core.deadlines.recurrence); start is the first occurrence
    skip: list[str] = field(default_factory=list)  # occurrences cancelled, by their local date
    moved: dict[str, str] = field(default_factory=dict)  # occurrence date -> its new start, as typed in records
    occurrence: str | None = None  # set on one occurrence of a repeating deadline: its date
    series_start: dt.datetime | None = None  # and there, the first occurrence's start (where the rule begins)

    @property
    def start_utc(self) -> dt.datetime:
        return self.start.astimezone(UTC)

    @property
    def end_utc(self) -> dt.datetime | None:
        return None if self.end is None else self.end.astimezone(UTC)

    @property
    def ends_at(self) -> dt.datetime:
        """The moment the deadline is over (UTC): its end, or for all-day dates midnight after the last day."""
        last = self.end or self.start
        if self.all_day:
            return resolve_local(dt.datetime.combine(last.date() + dt.timedelta(days=1), dt.time(0)),
                                 self.zone).astimezone(UTC)
        return last.astimezone(UTC)

    @property
    def anchor(self) -> dt.datetime:
        """What reminders count back from (aware, local): the start, or ALL_DAY_ANCHOR on the first day."""
        if self.all_day:
            return resolve_local(dt.datetime.combine(self.start.date(), ALL_DAY_ANCHOR), self.zone)
        return self.start

    def start_when(self) -> When:
        return When(self.start.date(), None if self.all_day else self.start.time().replace(tzinfo=None), self.zone)

    def end_when(self) -> When | None:
        if self.end is None:
            return None
        return When(self.end.date(), None if self.all_day else self.end.time().replace(tzinfo=None), self.zone)

    def record(self) -> dict[str, Any]:
        """The record as data/deadlines.yaml holds it; reading it back gives the same deadline."""
        data: dict[str, Any] = {"id": self.id, "title": self.title, "kind": self.kind,
                                "start": self.start_when().record_text()}
        end = self.end_when()
        if end is not None:
            data["end"] = end.record_text()
        data["zone"] = self.zone
        if self.repeat:
            data["repeat"] = self.repeat
        if self.skip:
            data["skip"] = list(self.skip)
        if self.moved:
            data["moved"] = dict(self.moved)
        if self.description:
            data["description"] = self.description
        if self.link:
            data["link"] = self.link
        data["sources"] = list(self.sources)
        if self.guild_id:
            data["guild"] = self.guild_id
        if self.offsets:
            data["offsets"] = list(self.offsets)
        if self.status != "active":
            data["status"] = self.status
        return data

    def when_text(self, lang: str = "en") -> str:
        """Discord timestamps (each reader sees their own zone), plus the given zone in words for all-day dates;
        the words around them in `lang`."""
        french = lang == "fr"
        if self.all_day:
            first = self.start_when().reading(lang)
            if self.end is not None:
                last = self.end_when().reading(lang)  # type: ignore[union-attr]
                first = f"du {first} au {last}" if french else f"{first} to {last}"
            starts = "commence le" if french else "starts"
            start, relative = discord_timestamp(self.start_utc, "F"), discord_timestamp(self.start_utc, "R")
            return f"{first} — {starts} {start}, {relative}"
        text = f"{discord_timestamp(self.start_utc, 'F')} ({discord_timestamp(self.start_utc, 'R')})"
        if self.end is not None:
            text += f" {'jusqu’au' if french else 'until'} {discord_timestamp(self.end_utc, 'F')}"  # type: ignore[arg-type]
        return text

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = to_iso(self.start)
        data["end"] = to_iso(self.end) if self.end else None
        return data


def _clean_paragraphs(value: Any, name: str, *, limit: int) -> str:
    """Free text keeping its line breaks (descriptions are paragraphs), trimmed and length-checked."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"{name} must be text")
    if "\x00" in value:
        raise InputError(f"{name} contains a NUL character")
    lines = [" ".join(line.split()) for line in value.strip().splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(text) > limit:
        raise InputError(f"{name} is {len(text):,} characters; the limit is {limit:,}. Shorten it and try again.")
    return text


def check_kind(value: Any) -> str:
    text = clean_text(value, "kind", limit=40).lower().replace(" ", "-").replace("_", "-")
    if text not in KINDS:
        raise InputError(f"kind {text!r} must be one of: {', '.join(KINDS)}")
    return text


def _sources(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise InputError("sources must be a list of source ids")
    out = [check_slug(str(s).strip(), "source id") for s in items if str(s).strip()]
    if len(out) > MAX_SOURCES:
        raise InputError(f"sources has {len(out)} entries; the limit is {MAX_SOURCES}")
    return list(dict.fromkeys(out))


def deadline_from_record(record: dict[str, Any], *, sources: set[str] | None = None,
                         now: dt.datetime | None = None) -> Deadline:
    """Build a Deadline from untrusted fields (a file record or what a moderator typed) or raise InputError.

    `sources`, when given, is the set of known source ids. `now`, when given, refuses a start (or end) already
    over; files are checked without it, because they also record sessions that have happened. Either way dates
    must fall in `deadline_window(now)`: not before 1998, nor more than YEARS_AHEAD years ahead.
    """
    unknown = set(record) - set(RECORD_KEYS)
    if unknown:
        names = ", ".join(sorted(map(str, unknown)))
        raise InputError(f"unknown field(s): {names}; a deadline has {', '.join(RECORD_KEYS)}")
    deadline_id = check_slug(record.get("id"))
    title = clean_text(record.get("title"), "title", limit=MAX_TITLE)
    kind = check_kind(record.get("kind") or "other")
    zone = check_zone(record.get("zone") or DEFAULT_ZONE)
    window = deadline_window(now)  # from 1998 to a few years ahead, whether or not the past is refused
    start = parse_when(record.get("start"), zone, name="start", window=window)
    end = parse_when(record["end"], zone, name="end", window=window) if record.get("end") not in (None, "") else None
    if end is not None:
        if end.all_day != start.all_day:
            raise InputError(f"start {start.record_text()!r} and end {end.record_text()!r} must both be dates or both "
                             f"be dates with a time")
        if (end.all_day and end.date < start.date) or (not end.all_day and end.local <= start.local):
            raise InputError(f"end (read as {end.reading()}) is not after start (read as {start.reading()})")
    if now is not None:
        # an event already under way may still be added while its end is ahead
        check_future(end or start, now, "end" if end else "start")
    src = _sources(record.get("sources"))
    if sources is not None:
        missing = [s for s in src if s not in sources]
        if missing:
            raise InputError(f"unknown source id(s): {', '.join(missing)}")
    link = check_url(record.get("link"), "link")
    guild = record.get("guild")
    guild_id = clean_text(guild, "guild", limit=32) if guild not in (None, "") else None
    if guild_id is not None and not re.match(r"^[A-Za-z0-9_-]{1,32}$", guild_id):
        raise InputError(f"guild {guild_id!r} must be a server id (digits)")
    offsets = parse_offsets(record["offsets"]) if record.get("offsets") not in (None, "", []) else None
    status = str(record.get("status") or "active")
    if status not in ("active", "cancelled"):
        raise InputError(f"status {status!r} must be active or cancelled")
    deadline = Deadline(
        id=deadline_id, title=title, kind=kind, zone=zone, all_day=start.all_day,
        start=start.local, end=end.local if end is not None else None,
        description=_clean_paragraphs(record.get("description"), "description", limit=MAX_DESCRIPTION),
        link=link, sources=src, guild_id=guild_id, offsets=offsets, status=status,
        repeat=parse_repeat(record.get("repeat"), start.date, window), skip=_skip(record.get("skip")),
        moved=_moved(record.get("moved"), zone, window),
    )
    check_exceptions(deadline.id, deadline.repeat, deadline.start.replace(tzinfo=None), zone, deadline.all_day,
                     deadline.skip, deadline.moved)
    return deadline


def _skip(value: Any) -> list[str]:
    items = value.split(",") if isinstance(value, str) else (value or [])
    if not isinstance(items, list | tuple):
        raise InputError("skip must be a list of dates (YYYY-MM-DD)")
    return sorted({parse_when(str(v).strip(), name="skip").date.isoformat() for v in items if str(v).strip()})


def _moved(value: Any, zone: str, window: tuple[dt.date, dt.date]) -> dict[str, str]:
    if not value:
        return {}
    if not isinstance(value, dict):
        raise InputError("moved must map an occurrence's date to its new start, like 2026-08-05: 2026-08-12 15:00")
    return {parse_when(str(k), name="moved").date.isoformat(): parse_when(str(v), zone, name=f"moved {k}",
                                                                          window=window).record_text()
            for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}


def validate_deadline_record(record: dict[str, Any], *, sources: set[str]) -> str:
    """Check one data/deadlines.yaml record (as `facts check` does); returns its id or raises InputError."""
    return deadline_from_record(dict(record), sources=sources).id
