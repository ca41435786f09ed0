"""Deadlines: the dated events coalitions live by, kept with revisions like facts.

A deadline is stored as UTC instants plus the IANA zone it was given in, because reminders are computed on that
zone's wall clock ("1 day before 10:00 Amsterdam" is 10:00 Amsterdam the day before, whatever daylight saving
does in between). Dates typed by people are read strictly: anything that could mean two things, that does not
exist on the clock (a daylight-saving gap) or that is already over is refused with a message showing how the
input was read, and nothing is written.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import difflib
import json
import re
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from typing import Any

from bot.core.db import Database
from bot.core.models import (
    MAX_REASON,
    MAX_SOURCES,
    InputError,
    NotFound,
    Revision,
    check_slug,
    check_url,
    clean_text,
)
from bot.core.permissions import Actor
from bot.core.timeutil import UTC, discord_timestamp, from_iso, to_iso, utcnow

DEFAULT_ZONE = "Europe/Amsterdam"  # the Court's seat
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
ALL_DAY_ANCHOR = dt.time(9, 0)
RECORD_KEYS = ("id", "title", "kind", "start", "end", "zone", "description", "link", "sources", "guild", "offsets",
               "status")


# --- zones and local times ---------------------------------------------------------------------------------------
@lru_cache(maxsize=512)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


@lru_cache(maxsize=1)
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def check_zone(value: Any) -> str:
    """An IANA zone name such as Europe/Amsterdam; close matches are suggested for typos."""
    name = " ".join(str(value or "").split()).replace(" ", "_")
    if not name:
        return DEFAULT_ZONE
    if len(name) > 64 or name.startswith(("/", ".")) or ".." in name:
        raise InputError(f"zone {name[:64]!r} is not an IANA time zone name (like Europe/Amsterdam)")
    names = _zone_names()
    if name not in names:
        folded = {n.lower(): n for n in names}
        if name.lower() in folded:
            return folded[name.lower()]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise InputError(f"zone {name!r} is not an IANA time zone name (like Europe/Amsterdam or "
                         f"America/New_York).{hint}")
    return name


def zone_choices(prefix: str = "", limit: int = 25) -> list[str]:
    """Zone names for an autocomplete list: the default first, then names containing what was typed."""
    prefix = prefix.strip().lower().replace(" ", "_")
    names = [n for n in _zone_names() if "/" in n or n == "UTC"]
    hits = [n for n in names if prefix in n.lower()] if prefix else [DEFAULT_ZONE, "UTC", *names]
    return list(dict.fromkeys(hits))[:limit]


def local_status(naive: dt.datetime, zone: str) -> str:
    """'ok', 'gap' (the wall time never happens: clocks jump over it) or 'fold' (it happens twice)."""
    tz = _zone(zone)
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return "ok"
    back = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    return "gap" if back != naive else "fold"


def resolve_local(naive: dt.datetime, zone: str) -> dt.datetime:
    """A wall time made aware without refusing: a time in a gap moves forward by the gap (02:30 on the spring
    change becomes 03:30 summer time), and a time that happens twice is the first occurrence (the earlier, so a
    reminder is never late). This is what reminders and digests use; typed input is checked strictly instead."""
    tz = _zone(zone)
    aware = naive.replace(tzinfo=tz, fold=0)
    # fold=0 in a gap carries the offset from before the change; normalising through UTC lands after the gap.
    return aware.astimezone(UTC).astimezone(tz)


def _describe_change(naive: dt.datetime, zone: str) -> tuple[str, str]:
    tz = _zone(zone)
    before = naive.replace(tzinfo=tz, fold=0)
    after = naive.replace(tzinfo=tz, fold=1)
    return before.tzname() or "", after.tzname() or ""


# --- reading typed dates -------------------------------------------------------------------------------------
_MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    _MONTHS[calendar.month_name[_number].lower()] = _number
    _MONTHS[calendar.month_abbr[_number].lower()] = _number
_MONTHS["sept"] = 9
_WEEKDAYS: dict[str, int] = {}
for _number in range(7):
    _WEEKDAYS[calendar.day_name[_number].lower()] = _number
    _WEEKDAYS[calendar.day_abbr[_number].lower()] = _number

_TIME = r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?"
_ISO = re.compile(rf"^(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?:(?:\s+|t|,\s*)(?:at\s+)?{_TIME})?$")
_DAY_MONTH = re.compile(
    rf"^(?:(?P<weekday>[a-z]+),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>[a-z]+)\.?,?\s+(?P<year>\d+)"
    rf"(?:,?\s+(?:at\s+)?{_TIME})?$"
)
_MONTH_DAY = re.compile(
    rf"^(?:(?P<weekday>[a-z]+),?\s+)?(?P<mon>[a-z]+)\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d+)"
    rf"(?:,?\s+(?:at\s+)?{_TIME})?$"
)
_NUMERIC = re.compile(rf"^(?P<a>\d{{1,4}})[/.](?P<b>\d{{1,2}})[/.](?P<c>\d{{1,4}})(?:,?\s+(?:at\s+)?{_TIME})?$")
EXAMPLES = "`2026-12-07 10:00`, `7 Dec 2026 10:00`, or `2026-12-07` for an all-day date"


@dataclass(frozen=True)
class When:
    """A moment as typed: the local date and time (None for all day) in an IANA zone."""

    date: dt.date
    time: dt.time | None
    zone: str

    @property
    def all_day(self) -> bool:
        return self.time is None

    @property
    def local(self) -> dt.datetime:
        """Aware local start: for all-day, midnight (moved forward if midnight falls in a gap)."""
        return resolve_local(dt.datetime.combine(self.date, self.time or dt.time(0, 0)), self.zone)

    def reading(self) -> str:
        """How the input was read, in words nobody can misread: 'Monday 7 December 2026, 10:00 Europe/Amsterdam'."""
        day = f"{calendar.day_name[self.date.weekday()]} {self.date.day} {calendar.month_name[self.date.month]} " \
              f"{self.date.year}"
        if self.time is None:
            return f"{day} (all day, {self.zone})"
        return f"{day}, {self.time:%H:%M} {self.zone}"

    def record_text(self) -> str:
        """The form data/deadlines.yaml uses: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM' (local time in `zone`)."""
        return self.date.isoformat() if self.time is None else f"{self.date.isoformat()} {self.time:%H:%M}"


def _year(text: str, original: str) -> int:
    if len(text) != 4:
        raise InputError(f"{original!r}: write the year with four digits (read {text!r} as the year). "
                         f"Use {EXAMPLES}.")
    return int(text)


def _time(match: re.Match[str], original: str) -> dt.time | None:
    if match.group("hour") is None:
        return None
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    ampm = (match.group("ampm") or "").replace(".", "")
    if not ampm and match.group("minute") is None:
        raise InputError(f"{original!r}: write the time as HH:MM (24-hour, like 10:00 or 14:30) or with am/pm")
    if ampm:
        if not 1 <= hour <= 12:
            raise InputError(f"{original!r}: {hour}{ampm} is not a time; with am/pm the hour is 1 to 12")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        raise InputError(f"{original!r}: {match.group('hour')}:{match.group('minute') or '00'} is not a time of day "
                         f"(hours 00-23, minutes 00-59)")
    return dt.time(hour, minute)


def _date(year: int, month: int, day: int, original: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        month_name = calendar.month_name[month] if 1 <= month <= 12 else f"month {month}"
        raise InputError(f"{original!r}: there is no day {day} in {month_name} {year}") from None


def _month(name: str, original: str) -> int:
    month = _MONTHS.get(name.lower().rstrip("."))
    if month is None:
        raise InputError(f"{original!r}: {name!r} is not a month name. Use {EXAMPLES}.")
    return month


def _check_weekday(weekday: str | None, day: dt.date, original: str) -> None:
    if not weekday:
        return
    number = _WEEKDAYS.get(weekday.lower().rstrip("."))
    if number is None:
        raise InputError(f"{original!r}: {weekday!r} is not a day of the week. Use {EXAMPLES}.")
    if number != day.weekday():
        raise InputError(f"{original!r}: {day.day} {calendar.month_name[day.month]} {day.year} is a "
                         f"{calendar.day_name[day.weekday()]}, not a {calendar.day_name[number]}")


def parse_when(text: Any, zone: str = DEFAULT_ZONE, *, name: str = "date") -> When:
    """Read a typed date, with an optional time, strictly. Accepts ISO (`2026-12-07 10:00`), day-month-year with a
    month name (`7 Dec 2026 10:00`), month-day-year with a month name, and all-numeric dates only when they cannot
    be read two ways. The wall time must exist exactly once in `zone`."""
    zone = check_zone(zone)
    try:
        return _parse_when(text, zone, name)
    except InputError as exc:
        message = str(exc)
        raise InputError(message if message.startswith(name) else f"{name} {message}") from None


def _parse_when(text: Any, zone: str, name: str) -> When:
    if isinstance(text, dt.datetime):
        if text.tzinfo is not None:
            text = text.astimezone(_zone(zone)).replace(tzinfo=None)
        return _checked(When(text.date(), text.time().replace(second=0, microsecond=0), zone), str(text), name)
    if isinstance(text, dt.date):
        return When(text, None, zone)
    original = " ".join(str(text if text is not None else "").split())
    if not original:
        raise InputError(f"{name} is required. Use {EXAMPLES}.")
    if len(original) > 60:
        raise InputError(f"{name} is {len(original)} characters; a date is at most 60. Use {EXAMPLES}.")
    s = original.lower()
    when: When | None = None
    if m := _ISO.match(s):
        when = When(_date(_year(m["year"], original), int(m["month"]), int(m["day"]), original), _time(m, original),
                    zone)
    elif (m := _DAY_MONTH.match(s)) or ((m := _MONTH_DAY.match(s)) and m["mon"].rstrip(".") in _MONTHS):
        day = _date(_year(m["year"], original), _month(m["mon"], original), int(m["day"]), original)
        _check_weekday(m["weekday"], day, original)
        when = When(day, _time(m, original), zone)
    elif m := _NUMERIC.match(s):
        when = When(_numeric_date(m["a"], m["b"], m["c"], original), _time(m, original), zone)
    if when is None:
        raise InputError(f"{name}: could not read {original!r} as a date. Use {EXAMPLES}.")
    return _checked(when, original, name)


def _numeric_date(a: str, b: str, c: str, original: str) -> dt.date:
    if len(a) == 4:  # 2026/12/07: year first is only ever year-month-day
        return _date(int(a), int(b), int(c), original)
    year = _year(c, original)
    first, second = int(a), int(b)
    readings = set()
    for day, month in ((first, second), (second, first)):
        with contextlib.suppress(ValueError):
            readings.add(dt.date(year, month, day))
    if not readings:
        raise InputError(f"{original!r} is not a date (neither day/month/year nor month/day/year). Use {EXAMPLES}.")
    if len(readings) > 1:
        options = " or ".join(f"{d.day} {calendar.month_name[d.month]} {d.year}" for d in sorted(readings))
        raise InputError(f"{original!r} is ambiguous: it could be {options}. Write the month as a word or use "
                         f"year-month-day, like {EXAMPLES}.")
    return readings.pop()


def _checked(when: When, original: str, name: str) -> When:
    if when.time is None:
        return when
    naive = dt.datetime.combine(when.date, when.time)
    status = local_status(naive, when.zone)
    if status == "gap":
        before, after = _describe_change(naive, when.zone)
        raise InputError(
            f"{name} {original!r} (read as {when.reading()}) does not exist: the clocks in {when.zone} skip that "
            f"hour when they change from {before} to {after}. Pick a time before or after the change.")
    if status == "fold":
        before, after = _describe_change(naive, when.zone)
        raise InputError(
            f"{name} {original!r} (read as {when.reading()}) happens twice: the clocks in {when.zone} go back that "
            f"night, so it is both {when.time:%H:%M} {before} and {when.time:%H:%M} {after}. Pick a time outside "
            f"that hour, or give the time in UTC.")
    return when


def check_future(when: When, now: dt.datetime, name: str = "start") -> None:
    """Refuse a moment that is already over: a timed start at or before now, or an all-day date before today."""
    tz = _zone(when.zone)
    if when.time is None:
        today = now.astimezone(tz).date()
        if when.date < today:
            raise InputError(f"{name} {when.record_text()!r} (read as {when.reading()}) is in the past; today in "
                             f"{when.zone} is {today.isoformat()}.")
        return
    if when.local <= now:
        raise InputError(f"{name} {when.record_text()!r} (read as {when.reading()}) is in the past; it is now "
                         f"{now.astimezone(tz):%Y-%m-%d %H:%M} in {when.zone}.")


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

    def when_text(self) -> str:
        """Discord timestamps (each reader sees their own zone), plus the given zone in words for all-day dates."""
        if self.all_day:
            first = self.start_when().reading()
            text = first if self.end is None else f"{first} to {self.end_when().reading()}"  # type: ignore[union-attr]
            return f"{text} — starts {discord_timestamp(self.start_utc, 'F')}, {discord_timestamp(self.start_utc, 'R')}"
        text = f"{discord_timestamp(self.start_utc, 'F')} ({discord_timestamp(self.start_utc, 'R')})"
        if self.end is not None:
            text += f" until {discord_timestamp(self.end_utc, 'F')}"  # type: ignore[arg-type]
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
    over; files are checked without it, because they also record sessions that have happened.
    """
    unknown = set(record) - set(RECORD_KEYS)
    if unknown:
        names = ", ".join(sorted(map(str, unknown)))
        raise InputError(f"unknown field(s): {names}; a deadline has {', '.join(RECORD_KEYS)}")
    deadline_id = check_slug(record.get("id"))
    title = clean_text(record.get("title"), "title", limit=MAX_TITLE)
    kind = check_kind(record.get("kind") or "other")
    zone = check_zone(record.get("zone") or DEFAULT_ZONE)
    start = parse_when(record.get("start"), zone, name="start")
    end = parse_when(record["end"], zone, name="end") if record.get("end") not in (None, "") else None
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
    return Deadline(
        id=deadline_id, title=title, kind=kind, zone=zone, all_day=start.all_day,
        start=start.local, end=end.local if end is not None else None,
        description=_clean_paragraphs(record.get("description"), "description", limit=MAX_DESCRIPTION),
        link=link, sources=src, guild_id=guild_id, offsets=offsets, status=status,
    )


def validate_deadline_record(record: dict[str, Any], *, sources: set[str]) -> str:
    """Check one data/deadlines.yaml record (as `facts check` does); returns its id or raises InputError."""
    return deadline_from_record(dict(record), sources=sources).id


# --- the store -------------------------------------------------------------------------------------------------
def _row_to_deadline(row: Any) -> Deadline:
    zone = row["zone"]
    tz = _zone(zone)
    return Deadline(
        id=row["id"], title=row["title"], kind=row["kind"], zone=zone, all_day=bool(row["all_day"]),
        start=from_iso(row["start_utc"]).astimezone(tz),
        end=from_iso(row["end_utc"]).astimezone(tz) if row["end_utc"] else None,
        description=row["description"], link=row["link"], sources=json.loads(row["sources"]),
        guild_id=row["guild_id"], offsets=json.loads(row["offsets"]) if row["offsets"] else None,
        status=row["status"], rev=row["rev"], created_at=row["created_at"], updated_at=row["updated_at"],
    )


def _check_reason(reason: str | None) -> str:
    reason = " ".join((reason or "").split())
    if len(reason) > MAX_REASON:
        raise InputError(f"the reason is {len(reason)} characters; the limit is {MAX_REASON}")
    return reason


class DeadlineStore:
    """Deadlines in SQLite. Writes are validated first, then written with a revision in one transaction.

    Reminder rows are derived from deadlines by bot.core.reminders; callers that change deadlines re-derive them (the
    commands do it in the same transaction) and `notify()` so a running scheduler re-arms its wake-up.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.listeners: list[Callable[[], None]] = []

    def notify(self) -> None:
        """Tell whoever schedules reminders (the running scheduler, if any) that deadlines or settings changed."""
        for listener in list(self.listeners):
            listener()

    # --- reading ---------------------------------------------------------------------------------------------
    def get(self, deadline_id: str) -> Deadline | None:
        row = self.db.query_one("SELECT * FROM deadlines WHERE id = ?", ((deadline_id or "").strip(),))
        return None if row is None else _row_to_deadline(row)

    def require(self, deadline_id: str) -> Deadline:
        deadline = self.get(deadline_id)
        if deadline is None:
            ids = [r["id"] for r in self.db.query("SELECT id FROM deadlines")]
            close = difflib.get_close_matches((deadline_id or "").strip(), ids, n=3, cutoff=0.5)
            more = f" Did you mean {', '.join(f'`{c}`' for c in close)}?" if close else ""
            raise NotFound(f"No deadline with id `{deadline_id}`.{more}")
        return deadline

    def list(self, *, include_cancelled: bool = False) -> list[Deadline]:
        where = "" if include_cancelled else "WHERE status = 'active'"
        return [_row_to_deadline(r) for r in self.db.query(f"SELECT * FROM deadlines {where} ORDER BY start_utc, id")]

    def count(self) -> int:
        row = self.db.query_one("SELECT count(*) FROM deadlines WHERE status = 'active'")
        return int(row[0]) if row else 0

    def upcoming(self, now: dt.datetime | None = None, days: int | None = 30,
                 guild_id: str | None = None) -> list[Deadline]:
        """Active deadlines not yet over that start within `days` (None: any time), soonest first; for a server,
        its own and the all-server ones (guild_id None: every deadline)."""
        now = now or utcnow()
        # a cheap prefilter in SQL (all-day dates run to the next midnight in their zone), the exact test below
        floor = to_iso(now - dt.timedelta(days=2))
        sql = "SELECT * FROM deadlines WHERE status = 'active' AND coalesce(end_utc, start_utc) >= ?"
        params: list[Any] = [floor]
        if days is not None:
            sql += " AND start_utc < ?"
            params.append(to_iso(now + dt.timedelta(days=days)))
        if guild_id is not None:
            sql += " AND (guild_id IS NULL OR guild_id = ?)"
            params.append(str(guild_id))
        rows = self.db.query(sql + " ORDER BY start_utc, id", tuple(params))
        return [d for d in map(_row_to_deadline, rows) if d.ends_at > now]

    def history(self, deadline_id: str) -> list[Revision]:
        self.require(deadline_id)
        rows = self.db.query("SELECT * FROM deadline_revisions WHERE deadline_id = ? ORDER BY rev", (deadline_id,))
        return [Revision(r["deadline_id"], r["rev"], r["action"], r["actor_id"], r["actor_name"], r["at"],
                                 r["reason"], json.loads(r["changed"]), json.loads(r["snapshot"])) for r in rows]

    def source_ids(self) -> set[str]:
        return {r["id"] for r in self.db.query("SELECT id FROM sources")}

    def next_reminder_due(self) -> dt.datetime | None:
        """When the next pending reminder is due (UTC), for status lines."""
        row = self.db.query_one(
            "SELECT min(coalesce(next_attempt_utc, due_utc)) FROM reminders WHERE state = 'pending'")
        return from_iso(row[0]) if row and row[0] else None

    # --- writing ---------------------------------------------------------------------------------------------
    def validate(self, data: dict[str, Any], *, now: dt.datetime | None = None) -> Deadline:
        deadline = deadline_from_record(data, sources=self.source_ids(), now=now)
        if not deadline.sources and not deadline.link:
            raise InputError("give a source id or a link, so members can check where the date comes from")
        return deadline

    def add(self, data: dict[str, Any], actor: Actor, reason: str = "", *, now: dt.datetime | None = None) -> Deadline:
        """A new deadline typed by a moderator: must be in the future (relative to `now`, default the clock)."""
        now = now or utcnow()
        reason = _check_reason(reason)
        deadline = self.validate({k: v for k, v in data.items() if v not in (None, "")}, now=now)
        with self.db.transaction():
            if self.get(deadline.id) is not None:
                raise InputError(f"a deadline with id `{deadline.id}` already exists; edit it or pick another id")
            self._write(deadline, None, "add", actor, reason)
        return self.require(deadline.id)

    def edit(self, deadline_id: str, changes: dict[str, Any], actor: Actor, reason: str = "", *,
             now: dt.datetime | None = None) -> Deadline:
        """Change some fields; the rest keep their values. A changed start, end or zone must be in the future.
        Giving a new zone without a new start keeps the wall-clock time and reads it in the new zone."""
        now = now or utcnow()
        reason = _check_reason(reason)
        changes = {k: v for k, v in changes.items() if v is not None}
        with self.db.transaction():
            current = self.require(deadline_id)
            if current.status != "active":
                raise InputError(f"`{deadline_id}` is cancelled; add a new deadline instead of editing it")
            if "id" in changes and changes["id"] != current.id:
                raise InputError("a deadline's id cannot change; cancel it and add a new one")
            merged = {**current.record(), **changes, "id": current.id}
            for key in ("end", "link", "guild", "offsets", "description"):
                if merged.get(key) == "":
                    merged.pop(key)
            timing = any(k in changes for k in ("start", "end", "zone"))
            deadline = self.validate(merged, now=now if timing else None)
            if deadline.record() == current.record():
                raise InputError("nothing changed: the new values are the same as the current ones")
            self._write(deadline, current, "edit", actor, reason)
        return self.require(deadline_id)

    def cancel(self, deadline_id: str, actor: Actor, reason: str) -> Deadline:
        reason = _check_reason(reason)
        if not reason:
            raise InputError("say why the deadline is cancelled (a reason is required)")
        with self.db.transaction():
            current = self.require(deadline_id)
            if current.status == "cancelled":
                raise InputError(f"`{deadline_id}` is already cancelled")
            self._write(replace(current, status="cancelled"), current, "cancel", actor, reason)
        return self.require(deadline_id)

    def _write(self, deadline: Deadline, current: Deadline | None, action: str, actor: Actor, reason: str) -> None:
        now = to_iso(utcnow())
        rev = (current.rev if current else 0) + 1
        created = current.created_at if current else now
        before = current.record() if current else {}
        after = deadline.record()
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        row = {
            "id": deadline.id, "title": deadline.title, "kind": deadline.kind,
            "start_utc": to_iso(deadline.start), "end_utc": to_iso(deadline.end) if deadline.end else None,
            "zone": deadline.zone, "all_day": int(deadline.all_day), "description": deadline.description,
            "link": deadline.link, "sources": json.dumps(deadline.sources, ensure_ascii=False),
            "guild_id": deadline.guild_id, "offsets": json.dumps(deadline.offsets) if deadline.offsets else None,
            "status": deadline.status, "rev": rev, "created_at": created, "updated_at": now,
        }
        cols = list(row)
        conn = self.db.conn
        conn.execute(
            f"INSERT INTO deadlines ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in cols if c != 'id')}",
            [row[c] for c in cols],
        )
        conn.execute(
            "INSERT INTO deadline_revisions (deadline_id, rev, action, actor_id, actor_name, at, reason, changed,"
            " snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (deadline.id, rev, action, actor.id, actor.name, now, reason, json.dumps(changed),
             json.dumps({**after, "status": deadline.status}, ensure_ascii=False)),
        )

    # --- bulk: seeding and export ----------------------------------------------------------------------------
    def seed(self, records: Iterable[dict[str, Any]], actor: Actor, reason: str = "seeded from data/") -> list[str]:
        """Load file records (already checked by `facts check`; checked again here) all or nothing.

        Past dates are accepted: the file also records what has happened. A record whose content matches the
        stored deadline is left alone, so seeding twice writes nothing the second time.
        """
        known = self.source_ids()
        deadlines = []
        seen: set[str] = set()
        for number, record in enumerate(records, start=1):
            where = getattr(record, "where", None) or f"deadline {number}"
            try:
                deadline = deadline_from_record(dict(record), sources=known)
            except InputError as exc:
                raise InputError(f"{where}: {exc}") from None
            if deadline.id in seen:
                raise InputError(f"{where}: deadline id `{deadline.id}` appears twice")
            seen.add(deadline.id)
            deadlines.append(deadline)
        written = []
        with self.db.transaction():
            for deadline in deadlines:
                current = self.get(deadline.id)
                if current is not None and current.record() == deadline.record():
                    continue
                self._write(deadline, current, "import" if current else "seed", actor, _check_reason(reason))
                written.append(deadline.id)
        return written

    def export_records(self) -> list[dict[str, Any]]:
        """Every deadline (cancelled ones marked `status: cancelled`) in the data/deadlines.yaml format."""
        return [d.record() for d in self.list(include_cancelled=True)]
