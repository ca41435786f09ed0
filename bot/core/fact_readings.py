"""What the matcher reads of a fact beyond its indexed stems: each example question's content stems, the kind of
detail it asks for and its length in words, and the kind of detail its title announces.

They are written into the search index beside the stems whenever a fact is indexed (bot.core.facts), so a fact
that comes up for a question for the first time costs a JSON parse rather than a stemming and a dozen regular
expressions per example. At 10,000 facts most of a new question's candidates are facts no question has brought
up yet, and reading them was most of what a first asking cost.

Each stored reading carries the version of the code that made it (`VERSION`, a digest of the modules that decide
stems and kinds): a reading made by other code is not trusted but read again from the fact, so a change to how
questions are read takes effect at once, before the index is written again (bot.core.desk does that at start).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.core import question_kinds, text, text_fr
from bot.core.models import Fact
from bot.core.question_kinds import kind_of
from bot.core.text import INDEX_VERSION, Pipeline


def _version() -> str:
    digest = hashlib.sha256(INDEX_VERSION.encode())
    for module in (question_kinds, text, text_fr):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


VERSION = _version()


@dataclass(frozen=True)
class Example:
    held: frozenset[str]  # its content stems
    kind: str | None  # the kind of detail it asks for (bot.core.question_kinds)
    length: int  # its words, stop words included


@dataclass(frozen=True)
class Readings:
    title_kind: str | None
    examples: tuple[Example, ...]


NO_READINGS = Readings(None, ())


def read(title: str, examples: Sequence[str], language: Pipeline) -> Readings:
    """A fact's readings, made from its title and example questions in one language."""
    return Readings(kind_of(title), tuple(
        Example(held, kind_of(example), len(language.words(example))) for example in examples
        if (held := frozenset(language.stems(example)) - language.stop_stems)))


def stored(fact: Fact, language: Pipeline) -> str:
    """A fact's readings as its row in that language's index stores them: read from the fields a question in that
    language meets (`Fact.shown_in`)."""
    title, _, questions = fact.shown_in(language.lang)
    return dumps(read(title, questions, language))


def dumps(readings: Readings) -> str:
    """The readings as stored in the index (JSON, marked with the version of the code that made them)."""
    return json.dumps({"v": VERSION, "title": readings.title_kind,
                       "examples": [[sorted(e.held), e.kind, e.length] for e in readings.examples]},
                      ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=4096)
def loads(stored: str) -> Readings | None:
    """Stored readings, or None when there are none or other code made them."""
    if not stored:
        return None
    data = json.loads(stored)
    if data.get("v") != VERSION:
        return None
    return Readings(data["title"], tuple(Example(frozenset(held), kind, length)
                                         for held, kind, length in data["examples"]))


@lru_cache(maxsize=4096)
def _read_stored_examples(title: str, examples: str, language: Pipeline) -> Readings:
    return read(title, json.loads(examples), language)


def readings_of(stored: str, title: str, examples: str, language: Pipeline) -> Readings:
    """The readings stored in the index for a fact, or read now from its title and example questions (as stored,
    JSON) when the index holds none that this code made."""
    return loads(stored) or _read_stored_examples(title, examples, language)
