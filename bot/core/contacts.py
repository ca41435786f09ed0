"""Which contact detail a question asks for, and whether a fact gives that one: an e-mail address answers "LRWC's
email?", not "LRWC's phone number?" (a fact that holds one way to reach an organisation does not hold them all)."""

from __future__ import annotations

import re

from bot.core.text import fold

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
_WEB = re.compile(r"https?://|\bwww\.")
_ANY = re.compile(f"{_EMAIL.pattern}|{_PHONE.pattern}|{_WEB.pattern}")

# (what the question names, what gives it); a postal address is given by none of them
_ASKED = [
    (re.compile(r"\b(?:phone|telephone|tel|whatsapp|fax)\b"), _PHONE),
    (re.compile(r"\b(?:e-?mail|courriel|mail)\b"), _EMAIL),
    (re.compile(r"\b(?:website|site web|site|link|lien|url)\b"), _WEB),
    (re.compile(r"\b(?:postal|street|mailing|physical|postale|siege)\b"), None),
]


def gives_contact(question: str, text: str) -> bool:
    """The fact's text gives the contact detail the question asks for first ("a phone number? I'd rather call
    than email": a phone number), or any one when it names none."""
    folded = fold(question)
    named = [(m.start(), gives) for asked, gives in _ASKED if (m := asked.search(folded))]
    if not named:
        return bool(_ANY.search(text))
    gives = min(named, key=lambda pair: pair[0])[1]
    return gives is not None and bool(gives.search(text))
