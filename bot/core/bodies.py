"""Courts and bodies the desk does not cover (`data/other_bodies.yaml`), so that a question about the ICJ or the
European Court of Human Rights is told "that's about another court or body" instead of being answered with an
ICC fact that shares a word or two ("judges", "court", "president").

A body counts as asked about when one of its names or abbreviations stands in the question as whole words. It
is set aside when the facts found for the question themselves name it (the store does talk about the UN
Special Rapporteur of the Human Rights Council, for instance), unless the question has the body act ("what did
the Human Rights Council do", "le Conseil des droits de l'homme a-t-il réagi") and the facts name it only as the
holder of an office ("the Council's Special Rapporteur"): the facts do not say what the body did, and the reply
says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.core.models import InputError, check_slug, clean_text
from bot.core.question_kinds import ROLES
from bot.core.text import words

# words after a body's name that make it the holder of an office ("the Council's Special Rapporteur"), and before
# it with "of" ("rapporteur spécial du Conseil")
_OFFICES = frozenset(w for role in ROLES.split("|") for w in role.replace("-", " ").split()) | frozenset(
    "special speciale rapporteuse mandate mandat experts expert".split())
_OF = frozenset("of the du de des la le".split())
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

    def idle(self, body: Body | None, question: str, fact: str) -> tuple[str, dict[str, str]] | None:
        """("missing_body_act", its names) when the question has the body act and the fact names it only as the
        holder of an office: "what did the Human Rights Council do" beside "the Council's Special Rapporteur"."""
        if body is None or not self.acts_in(question, body) or self.acts_in(fact, body):
            return None
        return "missing_body_act", {"name": body.name, "name_fr": body.name_fr}

    def acts_in(self, text: str, body: Body) -> bool:
        """The body's name stands in `text` other than as the holder of an office: "what did the Human Rights
        Council do", not "the Human Rights Council's Special Rapporteur" or "rapporteur spécial du Conseil"."""
        tokens = words(text)
        for phrase in body.phrases:
            n = len(phrase)
            for i in range(len(tokens) - n + 1):
                if tuple(tokens[i:i + n]) != phrase:
                    continue
                after = tokens[i + n] if i + n < len(tokens) else ""
                j = i
                while j > 0 and tokens[j - 1] in _OF:
                    j -= 1
                if after not in _OFFICES and not (j < i and j > 0 and tokens[j - 1] in _OFFICES):
                    return True
        return False
