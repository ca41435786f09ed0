"""Reading typed dates and times, strictly, apart from any store.

People type dates in many forms and zones; this module turns them into a `When` (a local date, an optional time
and an IANA zone) or refuses them with a message showing how the input was read. Anything that could mean two
things, that does not exist on the clock (a daylight-saving gap) or that happens twice (the hour the clocks go
back) is refused. It also holds the zone helpers and the lenient `resolve_local` that reminders and digests use
on wall times that were already accepted. Nothing here touches the database, so the CLI, the scheduler and the
calendar export can use it without a store.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import difflib
import re
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.core.models import InputError
from bot.core.timeutil import DAYS_FR, MONTHS_FR, UTC, add_years, utcnow

DEFAULT_ZONE = "Europe/Amsterdam"  # the Court's seat
EARLIEST_DATE = dt.date(1998, 1, 1)  # the year of the Rome Statute: no deadline or session tracked is earlier
YEARS_AHEAD = 5  # nothing is scheduled further ahead than this; a year like 9999 is a typo


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

    def reading(self, lang: str = "en") -> str:
        """How the input was read, in words nobody can misread: 'Monday 7 December 2026, 10:00 Europe/Amsterdam'
        ('lundi 7 décembre 2026, 10:00 Europe/Amsterdam' in French)."""
        if lang == "fr":
            day = f"{DAYS_FR[self.date.weekday()]} {self.date.day} {MONTHS_FR[self.date.month - 1]} {self.date.year}"
        else:
            day = f"{calendar.day_name[self.date.weekday()]} {self.date.day} {calendar.month_name[self.date.month]} " \
                  f"{self.date.year}"
        if self.time is None:
            return f"{day} ({'toute la journée' if lang == 'fr' else 'all day'}, {self.zone})"
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


def deadline_window(now: dt.datetime | None = None) -> tuple[dt.date, dt.date]:
    """The first and last dates a deadline may have: from 1998 to YEARS_AHEAD years after `now` (default the
    clock)."""
    return EARLIEST_DATE, add_years((now or utcnow()).astimezone(UTC).date(), YEARS_AHEAD)


def parse_when(text: Any, zone: str = DEFAULT_ZONE, *, name: str = "date",
               window: tuple[dt.date, dt.date] | None = None) -> When:
    """Read a typed date, with an optional time, strictly. Accepts ISO (`2026-12-07 10:00`), day-month-year with a
    month name (`7 Dec 2026 10:00`), month-day-year with a month name, and all-numeric dates only when they cannot
    be read two ways. The wall time must exist exactly once in `zone`. With `window` (see `deadline_window`), a
    date outside it is refused before any time-zone arithmetic, which would overflow near year 9999."""
    zone = check_zone(zone)
    try:
        return _parse_when(text, zone, name, window)
    except OverflowError:  # a moment at either end of the calendar (years 1 or 9999), read without a window
        raise InputError(f"{name} {str(text)[:60]!r} is outside the dates this bot can read") from None
    except InputError as exc:
        message = str(exc)
        raise InputError(message if message.startswith(name) else f"{name} {message}") from None


def _in_window(day: dt.date, original: str, name: str, window: tuple[dt.date, dt.date] | None) -> None:
    if window is None:
        return
    first, last = window
    allowed = f"a deadline's dates must be from {first.isoformat()} to {last.isoformat()}"
    if day > last:
        raise InputError(f"{name} {original!r} is more than {YEARS_AHEAD} years ahead; {allowed}")
    if day < first:
        raise InputError(f"{name} {original!r} is before {first.year}; {allowed}")


def _parse_when(text: Any, zone: str, name: str, window: tuple[dt.date, dt.date] | None = None) -> When:
    if isinstance(text, dt.datetime):
        _in_window(text.date(), str(text), name, window)
        if text.tzinfo is not None:
            text = text.astimezone(_zone(zone)).replace(tzinfo=None)
        return _checked(When(text.date(), text.time().replace(second=0, microsecond=0), zone), str(text), name)
    if isinstance(text, dt.date):
        _in_window(text, text.isoformat(), name, window)
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
    _in_window(when.date, original, name, window)
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
