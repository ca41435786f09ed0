"""Who did a thing, asked: "who facilitated the omnibus resolution", "which state chaired the talks", "quel État a
facilité la résolution". The act is asked about as much as the thing acted on: a fact about the omnibus resolution
that never mentions its facilitation cannot say who facilitated it, however many other words it shares with the
question. The reply is then partial: the curated facts don't say who."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.core.text import Concept, folded_words

# the doer asked, then the act (folded words): "who facilitated", "which state delegation chaired", "quel État a
# facilité", "qui a présidé"
_DOER = {
    "en": re.compile(r"^(?:\w+ ){0,3}?(?:who|which (?:\w+ ){0,2}?(?:states?|country|countries|delegations?|"
                     r"governments?|organi[sz]ations?|ngos?|person|people|officials?|body|bodies)) "
                     r"(?:\w+ly )?(?P<act>\w+ed)\b"),
    "fr": re.compile(r"^(?:\w+ ){0,3}?(?:qui|(?:quel|quels|quelle|quelles) (?:\w+ )?(?:etats?|pays|delegations?|"
                     r"gouvernements?|organisations?|ong|personnes?|responsables?)) (?:a|ont|avait|avaient) "
                     r"(?P<act>\w+(?:e|es|ee|ees|i|is|u|us))\b"),
}
# the acts of running a process, whose doer a fact names when it tells of them ("the resolution, facilitated by
# ..."); other acts ("announced", "signed", "delivered") a fact tells in words of its own
_RUNS = re.compile(r"(?:co)?(?:facilit|chair|presid|moder|broker|mediat|coordinat|coordonn|negotiat|negoci|tabl|"
                   r"depos)\w*")


def undone(concepts: Sequence[Concept], credit: Mapping[int, float], question: str,
           lang: str) -> tuple[str, dict[str, str]] | None:
    """("missing_person", {}) when the question asks who ran a process (facilitated, chaired, tabled it) and the
    fact whose `credit` is given never mentions that act (nor a synonym of it); None otherwise."""
    pattern = _DOER.get(lang)
    asked = pattern.search(folded_words(question)) if pattern else None
    act = asked.group("act") if asked else ""
    if not _RUNS.fullmatch(act):
        return None
    held = [i in credit for i, concept in enumerate(concepts) if concept.label == act]
    return ("missing_person", {}) if held and not any(held) else None
