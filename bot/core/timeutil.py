"""Time helpers: every stored datetime is aware UTC, written as ISO 8601, so ordering by text is ordering by time."""

from __future__ import annotations

import datetime as dt

UTC = dt.UTC


def utcnow() -> dt.datetime:
    return dt.datetime.now(UTC)


def to_iso(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetimes are never stored; attach a zone first")
    return value.astimezone(UTC).isoformat(timespec="seconds")


def from_iso(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"stored datetime {text!r} has no zone")
    return value.astimezone(UTC)


def parse_date(text: str) -> dt.date:
    """A calendar date written YYYY-MM-DD; anything else raises ValueError with a readable message."""
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD") from None


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (29 February becomes 28 February in a year with none)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# French names of the days and months, for dates worded in French (bot.core.messages, deadlines, the web site)
DAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")


def human_date(value: str | dt.date) -> str:
    """'2025-06-05' -> '5 June 2025'; a partial 'YYYY-MM' -> 'June 2025'."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    try:
        day = dt.date.fromisoformat(text)
        return f"{day.day} {day:%B %Y}"
    except ValueError:
        try:
            month = dt.datetime.strptime(text, "%Y-%m")
            return f"{month:%B %Y}"
        except ValueError:
            return text


def discord_timestamp(value: dt.datetime, style: str = "F") -> str:
    """Discord renders `<t:unix:F>` in each reader's own zone."""
    return f"<t:{int(value.timestamp())}:{style}>"
