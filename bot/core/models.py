"""Plain data the core passes around, and the validation every write goes through before touching the database.

Limits here are the project's own and sit inside Discord's (embed description 4096, field 1024, modal input
4000), so anything the store accepts can also be shown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.core.timeutil import add_years, parse_date, utcnow

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
MAX_TITLE = 100
MAX_TEXT = 1000
MAX_QUESTIONS = 10
MAX_QUESTION_LEN = 200
MAX_KEYWORDS = 25
MAX_KEYWORD_LEN = 60
MAX_SOURCES = 6
MAX_REASON = 500
EARLIEST_AS_OF = dt.date(1998, 1, 1)  # the year of the Rome Statute: no fact here holds as of an earlier date
REVIEW_YEARS_AHEAD = 10
FACT_FIELDS = ("id", "topic", "title", "text", "sources", "as_of", "review_by", "questions", "keywords", "title_fr",
               "text_fr", "questions_fr")
FRENCH_FIELDS = ("title_fr", "text_fr", "questions_fr")  # optional: a fact without them is shown in English


class InputError(ValueError):
    """Input a person typed or uploaded that cannot be accepted; the message says exactly what to fix."""


class NotFound(InputError):
    pass


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    date: str
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"id": self.id, "publisher": self.publisher, "title": self.title, "date": self.date}
        if self.url:
            data["url"] = self.url
        return data


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str = ""
    name_fr: str = ""
    description_fr: str = ""

    def label(self, lang: str = "en") -> str:
        return self.name_fr if lang == "fr" and self.name_fr else self.name


@dataclass
class Fact:
    id: str
    topic: str
    title: str
    text: str
    sources: list[str]
    as_of: str
    review_by: str | None = None
    questions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    title_fr: str = ""
    text_fr: str = ""
    questions_fr: list[str] = field(default_factory=list)
    status: str = "active"
    rev: int = 0
    created_at: str = ""
    updated_at: str = ""
    text_changed_at: str = ""  # when the English title or text last changed
    text_fr_changed_at: str = ""  # when the French title or text last changed

    def content(self) -> dict[str, Any]:
        """The curated fields, in file order: what a revision snapshots and what the data files hold."""
        data = {name: getattr(self, name) for name in FACT_FIELDS}
        for name in ("review_by", *FRENCH_FIELDS):
            if not data[name]:
                del data[name]
        return data

    @property
    def has_french(self) -> bool:
        return bool(self.text_fr)

    def shown_in(self, lang: str) -> tuple[str, str, list[str]]:
        """Title, text and example questions as a question in `lang` meets them: in French, the French ones, or the
        English ones where the fact has none (bot.core.language.SHOWN_COLUMNS says the same in SQL)."""
        if lang == "fr" and self.has_french:
            return self.title_fr, self.text_fr, self.questions_fr
        return self.title, self.text, self.questions

    @property
    def french_outdated(self) -> bool:
        """The French text predates the latest change to the English one: it needs a translator's review."""
        return self.has_french and self.text_fr_changed_at < self.text_changed_at

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Revision:
    """One kept change to a fact or a deadline: who, when, what changed, why, and the content after it."""

    subject_id: str
    rev: int
    action: str
    actor_id: str
    actor_name: str
    at: str
    reason: str
    changed: list[str]
    snapshot: dict[str, Any]


def clean_text(value: Any, name: str, *, limit: int, required: bool = True) -> str:
    """One line of text from untrusted input: whitespace folded, length checked, or InputError saying what to fix."""
    if value is None:
        value = ""
    if not isinstance(value, str | int | float):
        raise InputError(f"{name} must be text")
    text = " ".join(str(value).split())
    if "\x00" in text:
        raise InputError(f"{name} contains a NUL character")
    if required and not text:
        raise InputError(f"{name} is required")
    if len(text) > limit:
        raise InputError(f"{name} is {len(text):,} characters; the limit is {limit:,}. Shorten it and try again.")
    return text


def _list(value: Any, name: str, *, limit: int, item_limit: int, sep: str = "|") -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        value = [part for part in value.split(sep)]
    if not isinstance(value, list | tuple):
        raise InputError(f"{name} must be a list")
    items = [clean_text(v, f"{name} item", limit=item_limit, required=False) for v in value]
    items = [i for i in items if i]
    if len(items) > limit:
        raise InputError(f"{name} has {len(items)} entries; the limit is {limit}")
    return list(dict.fromkeys(items))


def check_date(value: Any, name: str, *, required: bool = True) -> str | None:
    if value is None or value == "":
        if required:
            raise InputError(f"{name} is required (YYYY-MM-DD)")
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return parse_date(str(value)).isoformat()
    except ValueError as exc:
        raise InputError(f"{name}: {exc}") from None


def check_as_of(value: Any, today: dt.date | None = None) -> str:
    """The date a fact holds as of: a day, or only a month when the source gives no day (YYYY-MM), so the bot
    never shows more precision than the source has. It may be neither before 1998 nor after today (`today` in
    UTC, default the clock), where today is counted in the time zone furthest ahead: UTC's date plus one day."""
    text = str(value or "").strip()
    if re.match(r"^\d{4}-\d{2}$", text):
        try:
            first = dt.date.fromisoformat(text + "-01")
        except ValueError:
            raise InputError(f"as_of: {text!r} is not a month written YYYY-MM") from None
        date, day = text, first
    else:
        checked = check_date(value, "as_of")
        assert checked is not None
        date, day = checked, dt.date.fromisoformat(checked)
    latest = (today or utcnow().date()) + dt.timedelta(days=1)
    window = f"a fact's as_of must be from {EARLIEST_AS_OF.isoformat()} to today"
    if day > latest:
        raise InputError(f"as_of {date} is in the future; {window}")
    if day < EARLIEST_AS_OF:
        raise InputError(f"as_of {date} is before {EARLIEST_AS_OF.year}; {window} (the Rome Statute dates from "
                         f"{EARLIEST_AS_OF.year})")
    return date


def check_slug(value: Any, name: str = "id") -> str:
    text = clean_text(value, name, limit=64)
    if not SLUG.match(text):
        raise InputError(f"{name} {text!r} must be lowercase letters, digits and hyphens (like 'asp24-budget')")
    return text


def check_url(value: Any, name: str = "url") -> str | None:
    if value in (None, ""):
        return None
    text = clean_text(value, name, limit=500)
    if not re.match(r"^https://[^\s/$.?#][^\s]*$", text):
        raise InputError(f"{name} {text!r} must be a full https:// address")
    return text


def validate_fact(data: dict[str, Any], *, topics: set[str], sources: set[str],
                  today: dt.date | None = None) -> Fact:
    """Build a Fact from untrusted fields or raise InputError naming the first thing to fix. Its dates are
    checked against `today` (UTC; default the clock): see `check_as_of` and REVIEW_YEARS_AHEAD."""
    unknown = set(data) - set(FACT_FIELDS) - {"status", "rev", "created_at", "updated_at"}
    if unknown:
        raise InputError(f"unknown field(s): {', '.join(sorted(map(str, unknown)))}")
    fact_id = check_slug(data.get("id"))
    topic = clean_text(data.get("topic"), "topic", limit=64)
    if topic not in topics:
        raise InputError(f"topic {topic!r} is not one of: {', '.join(sorted(topics))}")
    src = _list(data.get("sources"), "sources", limit=MAX_SOURCES, item_limit=64, sep=",")
    if not src:
        raise InputError("a fact needs at least one source")
    missing = [s for s in src if s not in sources]
    if missing:
        raise InputError(f"unknown source id(s): {', '.join(missing)}")
    as_of = check_as_of(data.get("as_of"), today)
    review_by = check_date(data.get("review_by"), "review_by", required=False)
    if review_by and review_by < as_of:
        raise InputError(f"review_by {review_by} is before as_of {as_of}")
    last_review = add_years(today or utcnow().date(), REVIEW_YEARS_AHEAD).isoformat()
    if review_by and review_by > last_review:
        raise InputError(f"review_by {review_by} is more than {REVIEW_YEARS_AHEAD} years ahead; review_by must be "
                         f"from the fact's as_of to {last_review}")
    status = str(data.get("status") or "active")
    if status not in ("active", "retired"):
        raise InputError(f"status {status!r} must be active or retired")
    return Fact(
        status=status,
        id=fact_id,
        topic=topic,
        title=clean_text(data.get("title"), "title", limit=MAX_TITLE),
        text=clean_text(data.get("text"), "text", limit=MAX_TEXT),
        sources=src,
        as_of=as_of,
        review_by=review_by,
        questions=_list(data.get("questions"), "questions", limit=MAX_QUESTIONS, item_limit=MAX_QUESTION_LEN),
        keywords=_list(data.get("keywords"), "keywords", limit=MAX_KEYWORDS, item_limit=MAX_KEYWORD_LEN, sep=","),
        **_french(data),
    )


def _french(data: dict[str, Any]) -> dict[str, Any]:
    """The optional French title, text and example questions: title and text come together or not at all."""
    title = clean_text(data.get("title_fr"), "title_fr", limit=MAX_TITLE, required=False)
    text = clean_text(data.get("text_fr"), "text_fr", limit=MAX_TEXT, required=False)
    questions = _list(data.get("questions_fr"), "questions_fr", limit=MAX_QUESTIONS, item_limit=MAX_QUESTION_LEN)
    if bool(title) != bool(text):
        raise InputError("a French version needs both title_fr and text_fr (or neither)")
    if questions and not text:
        raise InputError("questions_fr need a French text: give title_fr and text_fr too")
    return {"title_fr": title, "text_fr": text, "questions_fr": questions}


def validate_source(data: dict[str, Any]) -> Source:
    unknown = set(data) - {"id", "publisher", "title", "date", "url"}
    if unknown:
        raise InputError(f"unknown source field(s): {', '.join(sorted(map(str, unknown)))}")
    date = clean_text(data.get("date"), "source date", limit=10)
    if not re.match(r"^\d{4}-\d{2}(-\d{2})?$", date):
        raise InputError(f"source date {date!r} must be YYYY-MM-DD or YYYY-MM")
    if len(date) == 10:
        check_date(date, "source date")
    return Source(
        id=check_slug(data.get("id"), "source id"),
        publisher=clean_text(data.get("publisher"), "publisher", limit=200),
        title=clean_text(data.get("title"), "source title", limit=300),
        date=date,
        url=check_url(data.get("url"), "source url"),
    )
