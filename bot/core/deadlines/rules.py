"""Repeat rules as iCalendar RRULEs: reading what a moderator types (`monthly x12`, `weekly until 2027-06-30`, or
an RRULE) into one canonical rule, expanding it with python-dateutil's `rrule`, and checking a deadline's cancelled
and moved occurrences against it. Plain values in and out, so the deadline model can validate with it; the
occurrences of a `Deadline` are in bot.core.deadlines.recurrence.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateutil import rrule

from bot.core.deadlines.dates import parse_when
from bot.core.models import InputError

FREQUENCIES = {"YEARLY": rrule.YEARLY, "MONTHLY": rrule.MONTHLY, "WEEKLY": rrule.WEEKLY}
WORDS = {"yearly": "YEARLY", "annually": "YEARLY", "monthly": "MONTHLY", "weekly": "WEEKLY"}
MAX_COUNT = 200
MAX_INTERVAL = 12
MAX_EXCEPTIONS = 100
EXAMPLES = "`monthly x12`, `weekly until 2027-06-30`, `yearly 5 times`, or an RRULE like `FREQ=MONTHLY;COUNT=12`"
_WORDS = re.compile(r"^(?:every\s+(?P<n>\d{1,2})\s+(?P<unit>years?|months?|weeks?)|(?P<freq>yearly|annually|monthly"
                    r"|weekly))\s*,?\s*(?:(?:until|till|to)\s+(?P<until>\S+)|(?:x\s*|count\s+|for\s+)?(?P<count>\d{1,4})"
                    r"\s*(?:times|occurrences)?)$")


def _rule_from_words(text: str) -> dict[str, str]:
    m = _WORDS.match(text.lower())
    if not m and text.lower().split()[0] in WORDS:
        raise InputError(f"repeat: give an end date or a number of times, like {EXAMPLES}")
    if not m:
        raise InputError(f"repeat {text[:60]!r} is not a rule like {EXAMPLES}")
    freq = WORDS[m["freq"]] if m["freq"] else WORDS[m["unit"].rstrip("s") + "ly"]
    parts = {"FREQ": freq}
    if m["n"] and int(m["n"]) != 1:
        parts["INTERVAL"] = m["n"]
    if m["until"]:
        parts["UNTIL"] = m["until"]
    else:
        parts["COUNT"] = m["count"]
    return parts


def parse_repeat(value: Any, start: dt.date, window: tuple[dt.date, dt.date] | None = None) -> str | None:
    """What was typed (words or an RRULE) -> the canonical RRULE, or None for no repeat; InputError otherwise."""
    text = " ".join(str(value or "").split())
    if not text or text.lower() in ("none", "no", "never", "off"):
        return None
    body = text[6:] if text.upper().startswith("RRULE:") else text
    if body.upper().startswith("FREQ="):
        try:
            parts = dict(part.split("=", 1) for part in body.upper().split(";") if part)
        except ValueError:
            raise InputError(f"repeat {text[:60]!r} is not a rule like {EXAMPLES}") from None
    else:
        parts = _rule_from_words(body)
    unknown = set(parts) - {"FREQ", "INTERVAL", "COUNT", "UNTIL"}
    if unknown:
        raise InputError(f"repeat: only FREQ, INTERVAL and COUNT or UNTIL are understood, not {', '.join(unknown)}")
    if parts.get("FREQ") not in FREQUENCIES:
        raise InputError("repeat: a deadline repeats yearly, monthly or weekly")
    if ("COUNT" in parts) == ("UNTIL" in parts):
        raise InputError(f"repeat: give an end date or a number of times (not both), like {EXAMPLES}")
    out = {"FREQ": parts["FREQ"]}
    if parts.get("INTERVAL", "1") != "1":
        if not parts["INTERVAL"].isdigit() or not 1 < int(parts["INTERVAL"]) <= MAX_INTERVAL:
            raise InputError(f"repeat: the interval must be a whole number from 1 to {MAX_INTERVAL}")
        out["INTERVAL"] = str(int(parts["INTERVAL"]))
    if "COUNT" in parts:
        if not parts["COUNT"].isdigit() or not 2 <= int(parts["COUNT"]) <= MAX_COUNT:
            raise InputError(f"repeat: the number of times must be from 2 to {MAX_COUNT}")
        out["COUNT"] = str(int(parts["COUNT"]))
    else:
        until = until_date(parts["UNTIL"])
        if until <= start:
            raise InputError(f"repeat: the end date {until.isoformat()} is not after the first occurrence")
        if window is not None and until > window[1]:
            raise InputError(f"repeat: the end date {until.isoformat()} is after {window[1].isoformat()}")
        out["UNTIL"] = until.strftime("%Y%m%d")
    return ";".join(f"{k}={v}" for k, v in out.items())


def until_date(text: str) -> dt.date:
    digits = text.replace("-", "")[:8]
    try:
        return dt.datetime.strptime(digits, "%Y%m%d").date()
    except ValueError:
        raise InputError(f"repeat: the end date {text[:20]!r} must be written YYYY-MM-DD") from None


def rule_walls(repeat: str, first: dt.datetime) -> list[dt.datetime]:
    """Every local wall-clock start the rule gives from `first` (naive, local), skipped ones included."""
    parts = dict(part.split("=", 1) for part in repeat.split(";"))
    until = dt.datetime.combine(until_date(parts["UNTIL"]), dt.time(23, 59, 59)) if "UNTIL" in parts else None
    return list(rrule.rrule(FREQUENCIES[parts["FREQ"]], dtstart=first, interval=int(parts.get("INTERVAL", 1)),
                            count=int(parts["COUNT"]) if "COUNT" in parts else None, until=until))


def check_exceptions(deadline_id: str, repeat: str | None, first: dt.datetime, zone: str, all_day: bool,
                     skip: list[str], moved: dict[str, str]) -> None:
    """`skip` and `moved` must name occurrences the rule gives; a moved one keeps its kind (date or date and time)."""
    if not repeat:
        if skip or moved:
            raise InputError("skip and moved are for deadlines that repeat")
        return
    if len(skip) + len(moved) > MAX_EXCEPTIONS:
        raise InputError(f"more than {MAX_EXCEPTIONS} cancelled or moved occurrences; end the rule and add a new one")
    keys = {wall.date().isoformat() for wall in rule_walls(repeat, first)}
    for key in [*skip, *moved]:
        if key not in keys:
            raise InputError(f"{key} is not one of the dates `{deadline_id}` repeats on")
    for key, text in moved.items():
        when = parse_when(text, zone, name=f"the new time of {key}")
        if when.all_day != all_day:
            raise InputError(f"the new time of {key} must be {'a date' if all_day else 'a date with a time'}, "
                             "like the deadline's")


def repeat_text(repeat: str) -> str:
    """'monthly, 12 times' / 'every 2 weeks until 30 June 2027', for listings and the calendar description."""
    parts = dict(part.split("=", 1) for part in repeat.split(";"))
    unit = {"YEARLY": "year", "MONTHLY": "month", "WEEKLY": "week"}[parts["FREQ"]]
    every = f"every {parts['INTERVAL']} {unit}s" if "INTERVAL" in parts else parts["FREQ"].lower()
    if "COUNT" in parts:
        return f"{every}, {parts['COUNT']} times"
    until = until_date(parts["UNTIL"])
    return f"{every} until {until.day} {until:%B %Y}"
