"""Turns of events a question asks about: whether the sanctions were lifted, a judge resigned, an order was
rescinded, a decision challenged in court. The sources stop at a date, and these are the later steps members ask
after. A fact about the sanctions or the order shares every other word of such a question, so words alone would
answer "did the US lift the sanctions on the judges" with the fact that they were imposed; a fact answers it only
when it mentions that step itself (or a word the synonyms give for it), and not only as a call ("LRWC urges the
US to rescind EO 14203" does not say it was rescinded), unless the question asks about the call ("does LRWC want
the US to revoke EO 14203"). Otherwise the honest reply is partial: "the curated facts don't say whether that
happened".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.core.holds import pending
from bot.core.intent import Wants
from bot.core.text import Concept, fold

# the step, as a member types it (folded, unstemmed: a concept's label)
_TURNS = {
    "en": re.compile(r"(resign\w*|lift(s|ed|ing)?|revok\w*|rescind\w*|repeal\w*|overturn\w*|revers(ed|al)|"
                     r"cancel+(ed|ing|ation)?|sue[sd]?|suing|lawsuits?|reinstat\w*|convict\w*|acquit\w*|re-?join\w*|"
                     r"re-?accede\w*|re-?accession)"),
    "fr": re.compile(r"(demission\w*|lev(e|ee|ees|es|er|ent|era|eront)|leve[er]s?|abrog\w*|annul\w*|revoqu\w*|"
                     r"retabli\w*|poursuivi\w*|recours|reintegr\w*|readhe\w*)"),
}
# "appel" is a call unless one "fait appel" (appeals a decision)
_APPEALED = {"fr": re.compile(r"\b(fait|faire|fera|interjete|interjeter) appel\b"),
             "en": re.compile(r"\bappeal(s|ed|ing)?\b")}


def unheld(wants: Wants, concepts: Sequence[Concept], credit: Mapping[int, float], fact: str, question: str,
           lang: str) -> tuple[str, dict[str, str]] | None:
    """("missing_event", {}) when the question asks about a turn of events the fact (whose `credit` is given)
    never mentions, or mentions only as a call; None otherwise."""
    pattern = _TURNS.get(lang)
    if pattern is None:
        return None
    appealed = lang in _APPEALED and _APPEALED[lang].search(fold(question)) is not None
    turns = [i for i, concept in enumerate(concepts)
             if pattern.fullmatch(concept.label) or (appealed and concept.label.startswith("appe"))]
    if not turns:
        return None
    if all(i not in credit for i in turns):  # "convicted or acquitted": one the fact holds will do
        return "missing_event", {}
    if pending(fold(fact)) and not wants.calls:
        return "missing_event", {}
    return None
