"""Whether a fact spells out the letters a question asks about ("what does APIC stand for"): the words beside them
in brackets ("... Immunities of the ICC (APIC)", "APIC (Agreement on ...)"), or a curated synonym whose initials are
those letters ("Executive Order 14203" for EO). `bot.core.holds` asks it for questions of the expansion kind."""

from __future__ import annotations

import re

from bot.core.fact_tokens import Expand, fact_tokens, phrase_positions
from bot.core.text import Pipeline, fold


def spells_out(acronym: str, fact: str, expand: Expand, language: Pipeline) -> bool:
    """The fact gives what the letters stand for, beside them or by a curated name."""
    return _spelt_out(acronym, fact) or _named_in_full(acronym, fact, expand, language)


_LINKS = frozenset("of on and the for to in de des du la le les et".split())  # words an acronym skips
_RUN_BEFORE = re.compile(r"(?:[\w'’-]+\s+){1,10}\Z")


def _spelt_out(acronym: str, fact: str) -> bool:
    """The letters spelt out beside them, "... Immunities of the ICC (APIC)" or "APIC (Agreement on ...)": the
    words' initials (an acronym among them: all its letters) hold the letters in order, or the words are a name
    in another language ("Coalition pour la CPI (CICC)"); "la plénière coopération (FIDH)" does not spell out FIDH."""
    acr = re.escape(acronym) + r"\d*"  # "(AEP24)"
    for match in re.finditer(rf"\(\s*{acr}\s*\)|\b{acr}\s*\(((?:\s*[\w'’-]+){{2,10}})\s*\)", fact, re.I):
        # the words just before "(APIC)", found from the brackets back (a search for them from every position of
        # the text, a dozen words at a time, cost half a millisecond a fact)
        before = None if match.group(1) else _RUN_BEFORE.search(fact, max(0, match.start() - 300), match.start())
        if not (before or match.group(1)):
            continue
        words = [re.split(r"['’]", w)[-1] for w in (before.group(0) if before else match.group(1)).split()]
        spelt = iter(fold("".join(w if w.isupper() else w[:1] for w in words)))  # "États" gives an e
        if all(letter in spelt for letter in acronym.lower()):
            return True
        near = words[-4:] if before else words[:4]  # a name translated: "Coalition pour la CPI (CICC)"
        if sum(w[:1].isupper() for w in near) >= 2:
            return True
        # a French name capitalised only at its start: "Centre palestinien pour les droits de l'homme (PCHR)"
        head = max((i for i, w in enumerate(words) if w[:1].isupper()), default=None) if before else None
        if head is not None and len(acronym) <= len(words) - head <= 2 * len(acronym) + 2:
            return True
    return False


def _named_in_full(acronym: str, fact: str, expand: Expand, language: Pipeline) -> bool:
    """The fact uses a curated synonym whose initials spell the letters: "Executive Order 14203" spells out "EO"."""
    tokens = fact_tokens(fact, language)
    for phrase in expand((language.stem(acronym.lower()),)):  # "... Political Rights": the R of ICCPR
        initials = iter("".join(s[0] for s in phrase if s not in _LINKS))
        if len(phrase) > 1 and all(letter in initials for letter in acronym.lower()) \
                and phrase_positions(tokens, [phrase]):
            return True
    return False
