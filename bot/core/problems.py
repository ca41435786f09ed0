"""Every problem of a record at once, not only the first.

The validators (`validate_fact`, `deadline_from_record`) stop at the first thing wrong, which is right for a
moderator typing one field but slow for a file: fix one problem, import again, meet the next. This module asks the
same validators about each field on its own, set into a record known to be valid, so every field's problem is found
in one pass and in the validators' own words; fields that are only judged together (start, end and zone; as_of and
review_by; the French fields) are asked about together. Whatever is still wrong once every field that passes on its
own is put back (a rule across fields) is reported too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from bot.core.models import InputError

Validate = Callable[[dict[str, Any]], object]

FACT_GROUPS = (("as_of", "review_by"), ("title_fr", "text_fr", "questions_fr"))
DEADLINE_GROUPS = (("start", "end", "zone"),)


def _error(validate: Validate, record: dict[str, Any]) -> str | None:
    try:
        validate(record)
    except InputError as exc:
        return str(exc)
    return None


def record_problems(validate: Validate, record: dict[str, Any], base: dict[str, Any],
                    groups: Iterable[tuple[str, ...]] = ()) -> list[str]:
    """The problems of `record` in the validator's words; [] when it is valid. `base` is a valid record the
    fields are tried in, one field (or one group of fields judged together) at a time."""
    first = _error(validate, record)
    if first is None:
        return []
    grouped = [tuple(k for k in group if k in record) for group in groups]
    in_groups = {k for group in grouped for k in group}
    parts = [g for g in grouped if g] + [(k,) for k in record if k not in in_groups]
    found: list[str] = []
    remainder = dict(record)  # with each field that fails on its own replaced: what is left is missing or across fields
    for part in parts:
        trial = {k: v for k, v in base.items() if k not in part} | {k: record[k] for k in part}
        message = _error(validate, trial)
        if message is None:
            continue
        for k in part:
            if k in base:
                remainder[k] = base[k]
            else:
                remainder.pop(k)
        if message not in found:
            found.append(message)
    rest = _error(validate, remainder)
    if rest is not None and rest not in found:
        found.append(rest)
    return found or [first]


def fact_problems(record: dict[str, Any], *, topics: set[str], sources: set[str]) -> list[str]:
    from bot.core.models import validate_fact

    def validate(data: dict[str, Any]) -> object:
        return validate_fact(data, topics=topics, sources=sources)

    base = {"id": "a", "topic": min(topics, default=""), "title": "t", "text": "t",
            "sources": [min(sources, default="")], "as_of": "2020-01-01"}
    if _error(validate, base) is not None:  # nothing to try fields in (no topic or source yet): the first problem
        first = _error(validate, record)
        return [first] if first else []
    return record_problems(validate, record, base, FACT_GROUPS)


def deadline_problems(record: dict[str, Any], *, sources: set[str]) -> list[str]:
    from bot.core.deadlines.model import deadline_from_record

    def validate(data: dict[str, Any]) -> object:
        return deadline_from_record(data, sources=sources)

    base = {"id": "a", "title": "t", "start": "2020-01-01", "zone": "Europe/Amsterdam"}
    return record_problems(validate, record, base, DEADLINE_GROUPS)
