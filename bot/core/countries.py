"""Countries by name, in English and French, so that a question naming a country is answered only by a fact that
names it too. "Did Germany condemn the June sanctions?" shares every other word with CICC's call on all States
Parties to condemn them, which never mentions Germany: shown as the answer, it would read as a yes.

The names are pycountry's ISO 3166 list and its French translation, in their short forms ("Iran" for "Iran,
Islamic Republic of"; "Russie" for "Russie, Fédération de"), with the few English names in common use that ISO
spells otherwise ("Russia", "Turkey", "UK"); codes ("US", "FR") are left out, since "us" is also a word. A name
none of these holds is simply not checked.
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache
from typing import NamedTuple

import pycountry

from bot.core.text import fold, words

# English names in common use that the ISO list spells otherwise ("Russian Federation", "Türkiye"), shown in
# replies; and other names members use. "US" counts only in capitals (`named_in`): "us" is also a word.
_SHOWN = {"RU": "Russia", "TR": "Turkey"}
_ALSO = {"US": ("USA",), "GB": ("UK", "Britain", "Great Britain"), "CD": ("DRC",), "CZ": ("Czech Republic",)}
_US = re.compile(r"\bU\.?S\.?(?:A\.?)?(?![\w.])")
# a name that is also an everyday word ("une réunion" is a meeting, French "eu" a participle) names the place only
# in capitals in a text
_WORDS = {("reunion",): re.compile(r"\bR[ée]union\b"), ("eu",): re.compile(r"\bEU\b"), ("ue",): re.compile(r"\bUE\b")}
_LEADING = frozenset({"the", "la", "le", "les", "l", "d", "de", "du", "des"})  # "la Hongrie", "de l'Italie"


# the European Union's member states (ISO codes), so "which EU states" is answered only by them
_EU = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())


class Country(NamedTuple):
    en: str
    fr: str
    union: bool = False  # a union of states, checked as a country is ("pourquoi l'UE a sanctionné 4 juges")
    in_eu: bool = False  # a member state of the European Union

    def name(self, lang: str | None) -> str:
        return self.fr if lang == "fr" else self.en


def _short(name: str) -> str:
    return name.split(",")[0].split("(")[0].strip()  # "Korea, Republic of", "Holy See (Vatican City State)"


@lru_cache(maxsize=1)
def _by_name() -> dict[tuple[str, ...], Country]:
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    table: dict[tuple[str, ...], Country] = {}
    for entry in pycountry.countries:
        english = _SHOWN.get(entry.alpha_2) or getattr(entry, "common_name", None) or _short(entry.name)
        country = Country(english, _short(french.gettext(entry.name)), in_eu=entry.alpha_2 in _EU)
        for name in (entry.name, english, country.fr, getattr(entry, "official_name", ""),
                     *_ALSO.get(entry.alpha_2, ())):
            key = tuple(words(_short(name)))
            if key:
                table.setdefault(key, country)
    union = Country("European Union", "Union européenne", union=True)
    for name in (union.en, union.fr, "EU", "UE"):
        table[tuple(words(name))] = union
    return table


@lru_cache(maxsize=4096)
def named(label: str) -> Country | None:
    """The country a question's words name (a concept's label: "germany", "la Hongrie"), or None."""
    key = tuple(words(label))
    while key and key[0] in _LEADING:
        key = key[1:]
    if key == ("reunion",) and not _WORDS[key].search(label):  # "une réunion" is a meeting; a concept "eu" or "ue"
        return None  # is the EU whatever its case (French "eu" is a stop word, never a concept)
    return _by_name().get(key) if key else None


def load() -> None:
    """Read the countries' names now (`Desk.warm` does), not at the first question with a word the store lacks."""
    _by_name()


@lru_cache(maxsize=4096)
def named_in(text: str, lang: str | None = None, *, least: int = 1) -> frozenset[Country]:
    """The countries a text names ("... by Italy, Hungary and Tajikistan", "les Pays-Bas"), by names of at least
    `least` words. Remembered: the same facts are read for question after question. In a text known to be English,
    "eu" is the Union in any case (only French has the participle)."""
    table = _by_name()
    tokens = words(text)
    found = {table[key] for i in range(len(tokens)) for n in range(least, 5)
             if (key := tuple(tokens[i:i + n])) in table and len(key) == n
             and (key not in _WORDS or _WORDS[key].search(text) or (lang == "en" and key == ("eu",)))}
    if least == 1 and _US.search(text):
        found.add(table[("united", "states")])
    return frozenset(found)


# Adjectives for states, as members write them beside a state's organs ("the Dutch foreign minister", "le
# gouvernement français"): the states the sources and members' questions name, not every state of the list.
_ADJECTIVES = {
    "american": "US", "americain": "US", "americaine": "US", "belgian": "BE", "belge": "BE", "brazilian": "BR",
    "bresilien": "BR", "bresilienne": "BR", "british": "GB", "britannique": "GB", "burkinabe": "BF",
    "canadian": "CA", "canadien": "CA", "canadienne": "CA", "chinese": "CN", "chinois": "CN", "chinoise": "CN",
    "colombian": "CO", "colombien": "CO", "colombienne": "CO", "dutch": "NL", "neerlandais": "NL",
    "neerlandaise": "NL", "french": "FR", "francais": "FR", "francaise": "FR", "german": "DE", "allemand": "DE",
    "allemande": "DE", "hungarian": "HU", "hongrois": "HU", "hongroise": "HU", "israeli": "IL", "israelien": "IL",
    "israelienne": "IL", "italian": "IT", "italien": "IT", "italienne": "IT", "japanese": "JP", "japonais": "JP",
    "japonaise": "JP", "kenyan": "KE", "malian": "ML", "malien": "ML", "malienne": "ML", "mexican": "MX",
    "mexicain": "MX", "mexicaine": "MX", "nigerien": "NE", "nigerienne": "NE", "palestinian": "PS",
    "palestinien": "PS", "palestinienne": "PS", "philippine": "PH", "philippin": "PH", "filipino": "PH",
    "polish": "PL", "polonais": "PL", "polonaise": "PL", "russian": "RU", "russe": "RU", "spanish": "ES",
    "espagnol": "ES", "espagnole": "ES", "sudanese": "SD", "soudanais": "SD", "soudanaise": "SD",
    "swiss": "CH", "suisse": "CH", "tajik": "TJ", "tadjik": "TJ", "ukrainian": "UA", "ukrainien": "UA",
    "ukrainienne": "UA", "venezuelan": "VE", "venezuelien": "VE", "venezuelienne": "VE", "south african": "ZA",
    "sud africain": "ZA", "sud africaine": "ZA",
}
# a state's organs, after its adjective in English, before it in French: "the French government", "le ministre
# néerlandais des Affaires étrangères"; not "in French", "la version française"
_ORGANS_EN = r"(?:government|gov|govt|minister|ministry|foreign minister|prime minister|authorities|officials|" \
             r"delegation|president|presidency|parliament|courts?|prosecutors?|foreign office|embassy|police|army)"
_ORGANS_FR = r"(?:gouvernement|ministre|ministere|autorites|responsables|delegation|president|presidente|" \
             r"presidence|parlement|justice|tribunal|tribunaux|diplomatie|ambassade|police|armee)"
_ADJECTIVE = "|".join(sorted(_ADJECTIVES, key=len, reverse=True))
_BY_ADJECTIVE = re.compile(rf"\b(?P<adjective>{_ADJECTIVE})\b")
_BY_ADJECTIVE_OF_ORGAN = re.compile(rf"\b(?P<adjective>{_ADJECTIVE})\s+(?:foreign\s+|federal\s+)?{_ORGANS_EN}\b"
                                    rf"|\b{_ORGANS_FR}\s+(?P<adjectif>{_ADJECTIVE})\b")


@lru_cache(maxsize=4096)
def by_adjective(text: str, *, organs: bool = False) -> frozenset[Country]:
    """The countries a text names by an adjective ("French judge Nicolas Guillou", "German state-owned"); with
    `organs`, only beside a state's organ ("the Dutch foreign minister"), for a question: "in French" is a
    language, "Dutch" alone may be a name."""
    pattern = _BY_ADJECTIVE_OF_ORGAN if organs else _BY_ADJECTIVE
    folded = fold(text).replace("-", " ")
    codes = {_ADJECTIVES[m.group("adjective") or m.group("adjectif")] for m in pattern.finditer(folded)}
    return frozenset(_by_code()[c] for c in codes if c in _by_code())


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Country]:
    return {entry.alpha_2: _by_name()[tuple(words(_short(entry.name)))] for entry in pycountry.countries
            if tuple(words(_short(entry.name))) in _by_name()}


# a state's joining asked ("which country became the 125th State Party", "qui a ratifié le Statut en dernier"), which
# a fact says only with a word for joining: "Opinio Juris expects the number to fall to 121 with the withdrawals of
# Hungary ..." names countries, none of them joining
_JOINING = r"became|joined|joins|ratif\w*|acced\w*|accession|adher\w*|devenu\w*|rejoint\w*"
_JOINED = re.compile(rf"\b(?:{_JOINING})\b")
_JOINING_ASKED = re.compile(rf"\b(?:{_JOINING}|become|join|newest|latest|dernier|derniere)\b")


def other_named(question: str, fact: str) -> bool:
    """The fact names a country the question does not, and, when the question asks which state joined, says one
    did ("which country surrendered Duterte": the Philippines; not "which country became the 125th State Party")."""
    if not named_in(fact) - named_in(question):
        return False
    return not _JOINING_ASKED.search(fold(question)) or bool(_JOINED.search(fold(fact)))
