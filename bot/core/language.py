"""Which language a question is in, English or French, and the text pipeline for each.

Read from the question's own words: function words ("le", "des", "quoi", "est-ce" against "the", "what", "is"),
accented letters, the acronyms each language uses for the same bodies (CPI, AEP against ICC, ASP), and, for the
rest, pyspellchecker's frequency lists of ordinary words in each language (shipped inside the package). Accents
are optional: "ou a eu lieu l'assemblee" is French. A member's client locale (on Discord) is a hint that only
settles a question the words leave undecided ("Duterte ?"), never a rule.
"""

from __future__ import annotations

import re
from functools import cache

from bot.core.lexicon import WordSet, ordinary_words, word_set
from bot.core.text import ENGLISH, STOP_WORDS, Pipeline, fold
from bot.core.text_fr import FRENCH
from bot.core.text_fr import STOP_WORDS as STOP_WORDS_FR

LANGUAGES = ("en", "fr")
PIPELINES = {"en": ENGLISH, "fr": FRENCH}
# A fact's title, text and example questions as a question in each language meets them (French: its French
# fields, or its English ones where it has none), as SQL over `facts`.
_FRENCH = "CASE WHEN facts.text_fr != '' THEN facts.{0}_fr ELSE facts.{0} END"
SHOWN_COLUMNS = {"en": ("facts.title", "facts.text", "facts.questions"),
                 "fr": (_FRENCH.format("title"), _FRENCH.format("text"), _FRENCH.format("questions"))}
_WORD = re.compile(r"[a-z0-9]+")
_ACCENTED = re.compile(r"[àâçéèêëîïôûùüÿœæ]", re.I)
# French typography: a space before ? ! : ; after a word (not "APIC = ?", spaced in any language), and guillemets.
_FRENCH_TYPOGRAPHY = re.compile(r"(?<=\w)\s[?!:;]|[«»]")
_ACRONYM = re.compile(r"^(?:(?P<fr>cpi|aep)|(?P<en>icc|asp))\d*$")  # "AEP24" is French, "ASP24" English
# Words that settle the language alone: function words each language has and the other lacks.
_FRENCH_MARKS = frozenset(
    "le la les des du de au aux une et est sont qui que quoi quel quelle quels quelles ou quand comment "
    "pourquoi combien ce cette ces il elle ils elles nous vous je tu leur pour par sur dans avec sans pas ne "
    "etats etat statut cour ont sera etait quest cest estce ca deja aussi selon entre apres contre "
    "retrait retire americaines juges procureur".split())
_ENGLISH_MARKS = frozenset(
    "the of and is are was were what which who whom how when where why did does do has have will would could "
    "should this that these those with without from about for any states party parties court judges "
    "prosecutor withdrawal withdrawing sanctioned".split())
# Words spelt alike in both languages, which one language's stop words may list and the other's not ("asp24 date?"):
# no evidence either way
_SHARED = _FRENCH_MARKS & _ENGLISH_MARKS | frozenset("date dates".split())


def pipeline(lang: str) -> Pipeline:
    return PIPELINES.get(lang, ENGLISH)


def normalize_lang(value: str | None) -> str | None:
    """'fr', 'fr-FR', 'French', 'français' -> 'fr'; 'en-GB' -> 'en'; anything else None."""
    text = fold(str(value or "")).strip()
    if text.startswith(("fr", "french")):
        return "fr"
    if text.startswith(("en", "english", "anglais")):
        return "en"
    return None


@cache
def _ordinary(lang: str) -> WordSet:
    return word_set(w if w.isascii() else fold(w) for w in ordinary_words(lang))


def scores(text: str) -> tuple[float, float]:
    """(English, French) evidence in a text. The word lists (a few tenths of a second to load) are consulted
    only when function words, accents and typography leave the question close: most questions settle on the
    first."""
    tokens = _WORD.findall(fold(text))
    en = fr = 0.0
    rest = []
    for word in tokens:
        acronym = _ACRONYM.match(word)
        if acronym:
            fr += 2 * bool(acronym.group("fr"))
            en += 2 * bool(acronym.group("en"))
            continue
        if word in _SHARED:
            continue
        if word in _FRENCH_MARKS:
            fr += 2
        elif word in _ENGLISH_MARKS:
            en += 2
        elif word in STOP_WORDS_FR and word not in STOP_WORDS:
            fr += 1
        elif word in STOP_WORDS and word not in STOP_WORDS_FR:
            en += 1
        else:
            rest.append(word)
    fr += 2 * len(_ACCENTED.findall(text)) + len(_FRENCH_TYPOGRAPHY.findall(text))
    if abs(en - fr) <= 0.5 * len(rest):  # the other words could still tip it
        for word in rest:
            in_fr, in_en = word in _ordinary("fr"), word in _ordinary("en")
            fr += 0.5 * (in_fr and not in_en)
            en += 0.5 * (in_en and not in_fr)
    return en, fr


def detect(text: str, hint: str | None = None) -> str:
    """'fr' or 'en' for a question; `hint` (a locale such as 'fr' or 'en-US') decides only a tie."""
    en, fr = scores(text)
    if fr > en:
        return "fr"
    if en > fr:
        return "en"
    return normalize_lang(hint) or "en"


# a reply asked in the other working language, after the question or with a request: "... ? en français svp",
# "answer in English please"; not "is the statement available in French" (which languages a text exists in)
_REPLY_IN = re.compile(r"(?:[?,;:.!–-]\s*|\b(?:answer|reply|respond|r[eé]pon(?:ds|dez|dre))(?:[ -](?:me|moi))?\s+)"
                       r"(?:(?:please|pls|plz|svp|stp)\s+)?(?:in|en)\s+(?P<tongue>french|english|fran[cç]ais|anglais)\b"
                       r"(?:\s*(?:please|pls|plz|svp|stp|s.il (?:te|vous) pla[iî]t|merci|thanks))?\W*$"
                       r"|\b(?:in|en)\s+(?P<tongue2>french|english|fran[cç]ais|anglais)\s*,?\s*(?:please|pls|plz|svp|stp|"
                       r"s.il (?:te|vous) pla[iî]t)\W*$", re.I)


# a name asked in a language ("CICC c'est l'acronyme de quoi en anglais"), not the reply's language
_NAME_ASKED = re.compile(r"\b(acronym\w*|sigle|stands? for|veut dire|signifie|nom|name|called|appel\w*|titre|title|"
                         r"intitul\w*|mot|word|terme|term|de quoi|fidh|cicc|ccpi|lrwc|hrw|asp|aep|icc|cpi)\W*$", re.I)


def reply_language(text: str) -> tuple[str, str | None]:
    """The question without a request for the reply's language, and that language ('fr' or 'en'), if any: not
    when what is left is one word or ends on a name ("fidh in english pls", "l'acronyme de quoi en anglais")."""
    found = _REPLY_IN.search(text)
    rest = text[:found.start()].rstrip(" ?,;:.!–-") if found else ""
    if not found or len(rest.split()) < 2 or _NAME_ASKED.search(rest):
        return text, None
    return rest, normalize_lang(found.group("tongue") or found.group("tongue2"))
