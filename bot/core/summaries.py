"""A fact that says it does not summarise a document ("The sources here do not summarise Amnesty's
recommendations") names that document, its title and who cites it, but holds nothing of what it says. A member
asking what Amnesty recommended shares every word of such a fact, so words alone would answer with it; the honest
reply is partial: "the curated facts don't say what Amnesty's recommendations say". Its title, who cites it and
why are still answered.
"""

from __future__ import annotations

import re

from bot.core.intent import Wants
from bot.core.text import Pipeline, fold

_UNSUMMARISED = {
    "en": re.compile(r"\b(?:do|does|did)(?:n't| not) (?:summari[sz]e|detail|set out) (?P<thing>[^.;]{3,60})", re.I),
    "fr": re.compile(r"\bne (?:r[ée]sument|r[ée]sume|d[ée]taillent|d[ée]taille|exposent|expose) pas "
                     r"(?P<thing>[^.;]{3,60})", re.I),
}
# what it says, asked: "what were Amnesty's key recommendations", "elles disent quoi", "can u summarise"
_CONTENT = {
    "en": re.compile(r"\b(what|whats|summari[sz]e|outline|key|main|say|said|in it)\b"),
    "fr": re.compile(r"\b(quoi|que|qu|quel|quels|quelle|quelles|resume\w*|principal\w*|cles?|disent|dit)\b"),
}
# its title, its name, who or why it is cited: the fact holds those
_ABOUT_IT = frozenset({"doc_title", "names", "reason", "person"})
# which of them is asked: "which organ reports should states listen to" names them, it does not ask what they say
_WHICH = re.compile(r"\b(?:which|quels?|quelles?)((?:\s+\w+){1,4})")
_CITED_FOR = re.compile(r"\b(title|titled|called|named?|titre|intitul\w*|nom|pourquoi)\b|\bcite[sd]?\b.*\bfor\b\W*$")


def unsummarised(wants: Wants, question: str, fact: str, language: Pipeline) -> tuple[str, dict[str, str]] | None:
    """("missing_summary", {"thing": ...}) when `fact` says it does not summarise the thing the question asks the
    content of; None otherwise."""
    said = _UNSUMMARISED.get(language.lang)
    if said is None or wants.kind in _ABOUT_IT:
        return None
    found = said.search(" ".join(fact.split()))
    asking = fold(question)
    if found is None or not _CONTENT[language.lang].search(asking) or _CITED_FOR.search(asking):
        return None
    thing = found.group("thing").strip()
    stems = language.stems(thing)
    named = {s for s in stems if s not in language.stop_stems}
    asked = set(language.stems(question))
    if stems and any(stems[-1] in language.stems(m.group(1)) for m in _WHICH.finditer(asking)):
        return None  # which of them ("which organ reports"): its head noun ("Amnesty's recommendations") asked
    return ("missing_summary", {"thing": thing}) if named and named <= asked else None
