"""What sum a question asks for: a cost, a pay, a budget's figure, or any sum in a named currency. A fact must give
that very sum (bot.core.figures checks), not the first figure it holds."""

from __future__ import annotations

import re
from typing import NamedTuple

# a budget asked for, its figure: "what's the Trust Fund for Victims' budget", "quel est le budget annuel du Fonds"
# (not "what is HRW's position on the budget", "what's the deadline for the budget")
BUDGET_ASKED = (r"^(?:so |and |ok )?(?:what(?: s| is|s| was| will be)?|quel (?:est|etait|sera)|how (?:big|large) "
                r"(?:is|was|will be)) (?:the |le |l )?"
                r"(?!.*\b(?:on|about|sur|re|wrt|regarding|concerning|recommend\w*|deadline|date|debate|process"
                r"|position|view|stance|discussion)\b)"
                r"(?:\w+ ){0,6}?budgets?(?: (?:for|of|pour|du|de|des|d|annuel|annual|in|en)\b.*)?\W*$")
PAY = r"salary|salaries|salaires?|wages?|remuneration|gets? paid"  # what someone is paid


# a cost ("ça a coûté combien") or a pay ("what do judges get paid"): no other sum; with the word a fact would use
SUMS_ASKED = ((re.compile(r"\b(?:costs?|costing|couts?|coute\w*|coutait)\b"), {"en": "cost", "fr": "cout"}),
              (re.compile(rf"\b(?:{PAY}|earns?)\b"), {"en": "salary", "fr": "salaire"}),
              (re.compile(BUDGET_ASKED), {"en": "budget", "fr": "budget"}))


class Currency(NamedTuple):
    """A currency a sum may be asked in, by its name in English and French (as a reply says it)."""

    en: str
    fr: str

    def name(self, lang: str | None) -> str:
        return self.fr if lang == "fr" else self.en


# a currency the question asks a sum in ("the 2026 budget in US dollars"): a sum in euros does not give it
CURRENCIES = {Currency("US dollars", "dollars"): re.compile(r"\$|\bdollars?\b|\busd\b"),
              Currency("euros", "euros"): re.compile(r"€|\beuros?\b|\beur\b"),
              Currency("pounds sterling", "livres sterling"): re.compile(r"£|\b(pounds?|livres?) sterling\b|\bgbp\b"),
              Currency("Swiss francs", "francs suisses"): re.compile(r"\bchf\b|\bfrancs? suisses?\b|\bswiss francs?\b")}


def currencies_in(text: str) -> tuple[Currency, ...]:
    """The currencies a text names (its symbols too: read it before bot.core.text.words drops them)."""
    lowered = text.lower()
    return tuple(currency for currency, pattern in CURRENCIES.items() if pattern.search(lowered))


_AUXILIARIES = frozenset("was were is are did does do has have had will would could can".split())


# what the subject was of a sum it lacked: "how much was the Court short", "how much are states behind"
_SHORT_OF = frozenset("short behind due unpaid outstanding".split())


def subject_acting(after: list[str], counted: list[str]) -> bool:
    """Whether the word read as the thing counted after "how much" is the subject of a verb instead: "how much was
    the Court missing" (`after`: the words after "how much"; `counted`: the one taken as counted)."""
    if not after or after[0] not in _AUXILIARIES or not counted or counted[0] not in after:
        return False
    following = after[after.index(counted[0]) + 1:][:1]
    return bool(following) and (following[0].endswith(("ing", "ed")) or following[0] in _SHORT_OF)
