"""A question word typed last after a short subject ("ASP24 when?", "budget 2026 how much?", "AEP24 quand et
où ?") is read as if asked first ("when ASP24?"): chat puts the subject first, and what kind of answer is wanted is
read from the start of a question. A longer question, one that already opens with a question word ("what happened
at ASP24, and when?") and one whose question word ends a phrase ("talked with whom?", "du combien au combien ?",
"depuis quand ?") keep their order, unless "where" follows the verb that ends a longer subject ("the Guidelines on
the Role of Prosecutors - adopted where?").
"""

from __future__ import annotations

import re

_EN = r"when|where|who|whom|why|how much|how many|how long|which one"
_FR = r"quand|où|qui|pourquoi|combien|c.est quand|c.est où|c.est qui"
_AND = r"\s*(?:\band\b|&|\+|/|\bor\b|\bet\b|\bou\b)\s*"  # "where and when", "where + when", "quand et où"
_LAST = {lang: re.compile(rf"^(?P<body>.+?)[\s,:;-]+(?P<asked>(?:{words})(?:{_AND}(?:{words}))?)\s*[?!.]*\s*$",
                          re.IGNORECASE)
         for lang, words in (("en", _EN), ("fr", _FR))}
_OPENS = {lang: re.compile(rf"^\W*(?:{words}|what|which|how|quel\w*|que|qu.|comment|est-ce)\b", re.IGNORECASE)
          for lang, words in (("en", _EN), ("fr", _FR))}
_SHORT = 5  # words of subject before the question word
_LINKS = frozenset("with to from since by for of at in on about avec a à au aux de du des depuis par pour sur en et "
                   "and or ou".split())


def question_word_first(text: str, lang: str) -> str:
    """`text` with a question word typed last after a short subject moved to the front."""
    found = _LAST[lang].match(text)
    if not found or _OPENS[lang].match(found.group("body")):
        return text
    body = re.findall(r"[\w'’]+", found.group("body").lower())
    if not body or body[-1] in _LINKS:
        return text
    after_verb = lang == "en" and body[-1].endswith("ed") and found.group("asked").lower().startswith("where")
    if len(body) > _SHORT and not after_verb:  # a longer subject only when "where" follows its verb: "adopted where?"
        return text
    return f"{found.group('asked')} {found.group('body')}?"
