"""Courts and bodies the desk does not cover (`data/other_bodies.yaml`), so that a question about the ICJ or the
European Court of Human Rights is told "that's about another court or body" instead of being answered with an
ICC fact that shares a word or two ("judges", "court", "president").

A body counts as asked about when one of its names or abbreviations stands in the question as whole words. It
is set aside when the facts found for the question themselves name it (the store does talk about the UN
Special Rapporteur of the Human Rights Council, for instance).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.models import InputError, check_slug, clean_text
from bot.core.text import words

KINDS = ("court", "tribunal", "un-body", "regional-body", "national-court", "organisation")
FILE_HEADER = (
    "# Neighbouring courts and bodies the desk does NOT cover: a question about one of these is \"about another\n"
    "# court or body\", not one to answer by stretching an ICC fact. Names and kinds only.\n"
    "# kind: " + " | ".join(KINDS) + "\n")


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    name_fr: str
    aliases: tuple[str, ...]
    kind: str

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """Every name and alias as folded words."""
        names = [self.name, self.name_fr, *self.aliases]
        return tuple(dict.fromkeys(tuple(words(n)) for n in names if words(n)))

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "name_fr": self.name_fr, "aliases": list(self.aliases),
                "kind": self.kind}


def validate_body(data: dict[str, Any]) -> Body:
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise InputError("aliases must be a list of names")
    kind = str(data.get("kind") or "")
    if kind not in KINDS:
        raise InputError(f"kind must be one of {', '.join(KINDS)}")
    return Body(check_slug(data.get("id"), "body id"), clean_text(data.get("name"), "name", limit=200),
                clean_text(data.get("name_fr") or data.get("name"), "name_fr", limit=200),
                tuple(clean_text(a, "alias", limit=200) for a in aliases), kind)


class OtherBodies:
    def __init__(self, bodies: list[Body] | None = None) -> None:
        self.bodies = bodies or []
        self._phrases = [(body, body.phrases) for body in self.bodies]
        self._first = {phrase[0] for _, phrases in self._phrases for phrase in phrases}

    def named_in(self, text: str) -> Body | None:
        """The first body whose name stands in `text` as whole words, or None."""
        tokens = words(text)
        starts = {i for i, token in enumerate(tokens) if token in self._first}  # most texts name no body at all
        if not starts:
            return None
        for body, phrases in self._phrases:
            for phrase in phrases:
                n = len(phrase)
                if any(tuple(tokens[i:i + n]) == phrase for i in starts):
                    return body
        return None
