"""Whether a state is a State Party, asked of a fact that names it for something else: "is Ukraine a State Party
now?" is not answered by LRWC's word on Russia's warrants over the Situation of Ukraine, nor "are the Philippines
back as a State Party?" by their surrender of Duterte. Such a question is answered only by a fact that names the
state within a few words of what membership is (being a State Party or a member, joining, ratifying, withdrawing,
leaving): the withdrawals' fact for Hungary, the call on the US to move toward joining the ICC for the US."""

from __future__ import annotations

import re

from bot.core import countries
from bot.core.text import fold

# "is Ukraine a State Party now", "are the Philippines back as a state party", "l'Ukraine est-elle devenue État
# partie", "when did Armenia join the ICC"
_ASKED = re.compile(
    r"\b(?:is|are|was|were|still|now|become|became|becomes)\b(?:\s+[\w'-]+){0,6}?\s+(?:an?\s+|one of the\s+)?"
    r"(?:full\s+|fully\s+|icc\s+)?(?:state party|states parties|member state|member of the (?:icc|court)|party to)\b"
    r"|\bwhen did\b(?:\s+[\w'-]+){1,4}?\s+(?:join|ratify|accede)\b"
    r"|\bha(?:s|ve)\b(?:\s+[\w'-]+){1,4}?\s+(?:joined|ratified|acceded)\b"
    r"|\b(?:est|sont|etait|etaient|devenue?s?|redevenue?s?)(?:-\w+)?\b(?:\s+[\w'-]+){0,5}?\s+(?:un\s+|une\s+)?"
    r"(?:etats? partie|membres? de la cpi|partie au statut)\b"
    r"|\b(?:a|ont|avait)\s+(?:\w+\s+)?(?:rejoint|ratifie|adhere)\b")
# what membership is, in a fact's sentence (folded)
_MEMBERSHIP = re.compile(
    r"\b(?:states? part(?:y|ies)|member states?|members? of the (?:icc|court)|join\w*|ratif\w*|accession|acced\w*|"
    r"withdr\w*|leav\w*|quit\w*|depart\w*|etats? parties?|membres? de la cpi|rejoin\w*|adhe\w*|retrait\w*|quitt\w*|"
    r"se retir\w*)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
NEAR = 14  # words: "preparing to withdraw from the Rome Statute in 2026, along with Burkina Faso, Mali and Niger"


def unstated(question: str, title: str, text: str, lang: str) -> tuple[str, dict[str, str]] | None:
    """("missing_membership", the state's name) when the question asks whether a state it names is a State Party
    and no sentence of the fact (its `title` and `text`) names that state beside what membership is; None
    otherwise. Most questions ask no such thing, and cost one search of the question."""
    if not _ASKED.search(fold(question)):
        return None
    fact = f"{title}. {text}"
    for country in sorted(countries.named_in(question, lang), key=lambda c: c.en):
        if country.union:
            continue
        if not any(country in countries.named_in(near) and _MEMBERSHIP.search(fold(near))
                   for sentence in _SENTENCE.split(fact) for near in _spans(sentence.split())):
            return "missing_membership", {"name": country.name(lang)}
    return None


def _spans(words: list[str]) -> list[str]:
    """The runs of NEAR words of a sentence (the sentence itself when shorter)."""
    return [" ".join(words[i:i + NEAR]) for i in range(max(1, len(words) - NEAR + 1))]
