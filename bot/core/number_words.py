"""Figures as members write them in a question, read before it is searched.

French numbers written out ("soixante-quatorze", "septante-quatre millions", "cent nonante-trois") become the
figures they are, so the question meets the fact that gives the figure in digits. Belgian and Swiss members say
septante, huitante (or octante) and nonante; France says soixante-dix, quatre-vingts and quatre-vingt-dix. Both are
read. Numbers under twenty alone are left to the French pipeline, which reads them from `UNITS` word by word; a
run of number words is rewritten here only when it holds a ten from twenty up, "cent" or "mille".

A sum given roughly ("around 190 million", "dans les 190 millions") is left out: it is the member's guess.
"""

from __future__ import annotations

import re

UNITS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
         "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16}
_TENS = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70,
         "huitante": 80, "octante": 80, "nonante": 90}
_LARGE = ("cent", "cents", "mille")
_WORD = "|".join(sorted([*UNITS, *_TENS, *_LARGE], key=len, reverse=True))
_RUN = re.compile(rf"(?<![\w-])(?:{_WORD})(?:(?:-| |-et-| et )(?:{_WORD}))*(?![\w-])", re.IGNORECASE)
_PERCENT = re.compile(r"pour\s*$", re.IGNORECASE)


def _value(words: list[str]) -> int | None:
    total = current = 0
    for i, word in enumerate(words):
        if word == "mille":
            total, current = total + (current or 1) * 1000, 0
        elif word in _LARGE:
            current = (current or 1) * 100
        elif word in ("vingt", "vingts") and i and words[i - 1] == "quatre":
            current += 76  # quatre-vingt(s): the four already counted, eighty in all
        elif word in _TENS:
            current += _TENS[word]
        elif word in UNITS:
            current += UNITS[word]
        else:
            return None
    return total + current


def figures_for_words(text: str) -> str:
    """`text` with each run of French number words from twenty up written as digits."""

    def replace(match: re.Match[str]) -> str:
        words = [w.lower() for w in re.split(r"-et-| et |-| ", match.group(0)) if w]  # no number word has an accent
        percent = words == ["cent"] and _PERCENT.search(text[:match.start()])  # "dix pour cent"
        if percent or not any(w in _TENS or w in _LARGE for w in words):
            return match.group(0)
        value = _value(words)
        return match.group(0) if value is None else str(value)

    return _RUN.sub(replace, text)


# a sum given roughly ("around 190 million", "dans les 190 millions", "70 millions et des") is the member's
# guess, not what the question is about: it is neither searched for nor checked against the fact's figure
_ROUGHLY = (r"(?:about|around|roughly|approximately|approx\.?|nearly|almost|circa|some|environ|presque|quelque|"
            r"pr[eè]s de|[aà] peu pr[eè]s|dans les|autour de)")
_FIGURE = r"(?!(?:19|20)\d\d\b)\d[\d.,]*"  # not a year ("about 2026" asks about the year)
_SUM = r"(\s*(?:millions?|billions?|milliards?|bn|m|€|euros?|dollars?|\$|%)(?!\w))"  # a sum or share, not "16 weeks"
_GUESS_BEFORE = re.compile(rf"\b{_ROUGHLY}\s+{_FIGURE}(?={_SUM})", re.IGNORECASE)
_GUESS_AFTER = re.compile(rf"\b{_FIGURE}{_SUM}\s*(?:et des|et quelques|-?odd|-?ish|or so)\b", re.IGNORECASE)


def without_guesses(text: str) -> str:
    """`text` without the sums it gives only roughly (their unit stays: "dans les millions")."""
    return _GUESS_BEFORE.sub(" ", _GUESS_AFTER.sub(r"\1", text))
