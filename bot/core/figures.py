"""The figures a fact gives and what they count, for "how many" and "how much": a number beside the thing counted
("four ICC judges"), a sum of money, a share, the figure for a whole rather than a part of it. Not everything
written in digits counts: an article's number, a document's symbol ("ICC-ASP/1/3"), a year, a day of the month,
"toutes deux" (both), and the number of those called on to do something ("CICC urged all 125 States Parties to
condemn ...") when the question counts those who did it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.core.fact_dates import DAY, MONTH_NUMBERS, YEAR
from bot.core.fact_tokens import Expand, asked_stems, fact_tokens, phrase_positions, stem_set
from bot.core.intent import Wants
from bot.core.sums_asked import currencies_in
from bot.core.text import Pipeline, fold

ARTICLE = re.compile(r"\barticles?\s+\d+", re.I)
SYMBOL = re.compile(r"\b[A-Z]{2,}(?:-[A-Z\d]+)*/[\w-]+(?:[/.][\w-]+)*")  # "ICC-ASP/1/3", "ICC-01/11-209"
_SESSION = re.compile(r"\b(?:asp|aep)[\s-]?\d+\b|\b\d+(?:st|nd|rd|th|e)\s+(?:session|assembly|assemblee)\b")
_BOTH = re.compile(r"\b(tou[st]e?s?|aucune? des|ni l.une? des|neither of the|none of the) (deux|trois|two|three)\b",
                   re.I)
# a count of those called on: "CICC urged all 125 States Parties to condemn" says 125 were urged, not how many did
_CALLED_COUNT = re.compile(r"\b(urg\w*|calls? on|called on|exhort\w*|appel\w*|invit\w*)((?:\s+(?:all|the|les|des|"
                           r"l['’ ]?ensemble|tous|toutes|aux|a))*)\s+\d+", re.I)
_MONEY = re.compile(r"[€$£]\s?\d[\d.,]*(?:\s*(?:million|billion|bn|m|millions|milliards?))?|\d[\d.,]*\s*(?:million|"
                    r"billion|millions|milliards?)?\s*(?:d'|d’)?(?:euros?|dollars?|€|\$)")
_AMOUNT = re.compile(r"\d|\b(half|dozen|dozens|hundreds?|thousands?|millions?|billions?|moitie|douzaine)\b")
_PERCENT_WORDS = ("percent", "percentage", "pourcentage", "pourcent")
_PERCENT = re.compile(r"\d[\d.,]*\s?(?:%|per ?cent\b|pour ?cent\b)")
_MONEY_WORDS = tuple("money cash funds dollars euros argent caisse caisses fric thune".split())  # the amount is money
_LOSS = re.compile(r"\b(lost|lose|loses|losing|loss|losses|perdu|perdue|perdre|perd|perdent|perte|pertes)\b")
NEAR = 4  # words between a count or a name and the thing it belongs to
# counts written in words ("four ICC judges", "trois ONG"); "one", "un", "une" count nothing asked
_COUNT_WORDS = {w: n for n, group in enumerate((
    "", "one un une", "two deux", "three trois", "four quatre", "five cinq", "six", "seven sept", "eight huit",
    "nine neuf", "ten dix", "eleven onze", "twelve douze")) for w in group.split()} | {"sixteen": 16, "seize": 16}


def in_date(tokens: Sequence[tuple[str, str]], j: int) -> bool:
    """The word at j is beside a month: "9 July", "July 9" is a day of the month, which counts nothing."""
    return any(0 <= k < len(tokens) and fold(tokens[k][0]) in MONTH_NUMBERS for k in (j - 1, j + 1))


def _number_near(tokens: Sequence[tuple[str, str]], where: list[int]) -> bool:
    for i in where:
        for j in range(max(0, i - NEAR), min(len(tokens), i + NEAR + 1)):
            word = fold(tokens[j][0])
            if (word.isdigit() and not YEAR.fullmatch(word) and not in_date(tokens, j)) or \
                    (not word.isdigit() and _AMOUNT.fullmatch(word)) or \
                    _COUNT_WORDS.get(word, 0) >= 2:
                return True
    return False


# words between a thing and its figure that keep the figure the thing's own ("the budget of €193 million")
_LINKS = frozenset("of is was at : stood stands reached totalled totaled totalling totaling amounts amounted to de d "
                   "est etait s eleve elevait atteint a".split())
_PART = frozenset("of from de du des d sur".split())  # "€50 million of the 2025 budget": a part of it
_WHOLE = frozenset("total overall totals totalled totaled totalling totaling".split())


def _whole_near(tokens: Sequence[tuple[str, str]], counted: list[tuple[str, ...]], language: Pipeline) -> bool:
    """A figure for the whole of the thing counted: right after it ("budget of €193 million"), right before it
    with nothing saying it is a part ("€74 million in assessed contributions"), or beside a word saying it is a
    total."""
    def figure(j: int) -> bool:  # not a year, nor a day of the month ("9 July")
        word = fold(tokens[j][0])
        return (word.isdigit() and not YEAR.fullmatch(word) and not in_date(tokens, j)) or \
            word in ("million", "millions", "billion")

    words = [fold(w) for w, _ in tokens]

    def link(k: int) -> bool:  # "le budget 2026 de la CPI de 193 millions", not "the budget and €24 million"
        if words[k] in ("and", "et", "or", "ou", "but", "mais", "while", "plus"):
            return False
        return words[k] in _LINKS or words[k] in language.stop_words or bool(YEAR.fullmatch(words[k])) or \
            tokens[k][0].isupper()

    for p in phrase_positions(tokens, counted):
        after = [j for j in range(p + 1, min(len(tokens), p + 7)) if figure(j)]
        if after and all(link(k) for k in range(p + 1, after[0])):
            return True
        before = [j for j in range(max(0, p - 4), p) if figure(j)]
        if before and not any(words[k] in _PART for k in range(before[-1] + 1, p)):
            return True
    return any(figure(j) and any(words[k] in _WHOLE for k in range(max(0, j - NEAR), min(len(words), j + NEAR)))
               for j in range(len(tokens)))


def holds_figure(wants: Wants, fact: str, folded: str, question: str, expand: Expand, language: Pipeline) -> bool:
    """The fact (title and text; `folded` as bot.core.text.fold leaves it) gives the figure a "how many" or
    "how much" question asks for."""
    if wants.currencies and not set(wants.currencies) & set(currencies_in(fact)):
        return False
    if not wants.focus:  # a year, a day, a session or a document's number is no amount: "the 2026 budget", "ASP24"
        return bool(_AMOUNT.search(_SESSION.sub(" ", YEAR.sub(" ", DAY.sub(" ", fold(_figures(fact, False)))))))
    if wants.focus[-1] in stem_set(_MONEY_WORDS, language):  # "how much cash", "combien dans les caisses"
        # money lost ("how much has the ICC lost because of the sanctions") is a loss the fact must speak of,
        # not any sum it gives (the year's budget)
        lost = _LOSS.search(fold(question))
        return bool(_MONEY.search(fact)) and (not lost or bool(_LOSS.search(folded)))
    if wants.focus[-1] in stem_set(_PERCENT_WORDS, language):  # "combien en pourcentage": a share
        return bool(_PERCENT.search(fact))
    figures = _figures(fact, wants.counted)
    if wants.counted and not wants.calls:  # "CICC urged all 125 States Parties" counts none that did it
        figures = _CALLED_COUNT.sub(lambda m: _called(m, figures, question, wants, language), figures)
    tokens = fact_tokens(figures, language)
    counted = list(expand(wants.focus))
    if wants.total:
        return _whole_near(tokens, counted, language)
    # nearness in words that carry meaning: "le budget 2026 de la CPI de 193 millions" is as near as "the 2026
    # ICC budget of 193 million"
    kept = {stem for phrase in counted for stem in phrase}
    tokens = tuple(t for t in tokens if t[1] in kept or fold(t[0]) not in language.stop_words)
    return _number_near(tokens, phrase_positions(tokens, counted))


@lru_cache(maxsize=4096)
def _figures(fact: str, counted: bool) -> str:
    """The fact with what counts nothing put aside: "Article 86", "ICC-ASP/1/3", "toutes deux" (both); and for a
    count ("how many states"), sums of money ("€74 million in contributions from States Parties" counts no
    states). Remembered: the same facts are read for question after question."""
    figures = _BOTH.sub("both", SYMBOL.sub("symbol", ARTICLE.sub("article", fact)))
    return _MONEY.sub("money", figures) if counted else figures


@lru_cache(maxsize=1024)
def _asked_acts(question: str, focus: tuple[str, ...], language: Pipeline) -> frozenset[str]:
    """The stems a question asks besides the thing counted: what those counted might have been called to do. A name
    the question gives ("the Rome Statute") is none ("adopt blocking statutes"). Remembered: every fact with a count
    of those called on reads it."""
    named = set(language.stems(" ".join(re.findall(r"(?<=\w )[A-Z]\w+", question))))
    return frozenset(asked_stems(question, language) - set(focus) - language.stop_stems - named)


def _called(match: re.Match[str], fact: str, question: str, wants: Wants, language: Pipeline) -> str:
    """A count of those called on, left out when what they were called to do is what the question counts: "how
    many states condemned" is not answered by "CICC urged all 125 States Parties to publicly condemn", though
    "how many States Parties does the coalition count" is."""
    asked = _asked_acts(question, wants.focus, language)
    rest = fact[match.end():match.end() + 120]
    to = re.search(r"\b(to|à|de)\b", rest)  # what they were called to do, after those called ("States Parties")
    after = set(language.stems(rest[to.end():] if to else rest))
    return f"{match.group(1)}{match.group(2)} called" if asked & after else match.group(0)


_NOT_COUNTS = frozenset("article articles art asp aep session sessions eo order decret paragraph paragraphe "
                        "resolution number numero no page rule regle".split())


def _counts(tokens: Sequence[tuple[str, str]], language: Pipeline) -> list[tuple[int, int, str]]:
    """(position, value, stem of the thing counted) for every small count in `tokens`: "four ICC judges" gives
    (i, 4, "judg"), "trois ONG palestiniennes" (i, 3, "ong"); not an article's or a session's number, a year, a day
    of the month. The thing counted is the last word of the run of words that follows in English (up to a
    participle), the first in French."""
    found = []
    for i, (word, _) in enumerate(tokens):
        folded = fold(word)
        value = int(folded) if folded.isdigit() and len(folded) <= 3 else _COUNT_WORDS.get(folded)
        if not value or value == 1 or in_date(tokens, i) or (i and fold(tokens[i - 1][0]) in _NOT_COUNTS):
            continue
        run = []
        for word_after, stem in tokens[i + 1:i + 4]:
            if stem in language.stop_stems or (run and language.lang == "en" and fold(word_after).endswith("ed")):
                break  # "five judges sanctioned in June": judges, not what was done to them
            run.append(stem)
        if run:
            found.append((i, value, run[0] if language.lang == "fr" else run[-1]))
    return found


def count_differs(question: str, fact: str, language: Pipeline) -> tuple[str, dict[str, str]] | None:
    """What a partial reply says is missing when the question states a count the fact gives otherwise ("which
    four Palestinian NGOs" of a fact on three), in the question's own words; None when they agree, or the fact
    counts no such thing."""
    asked = fact_tokens(question, language)
    given = [(value, stem) for _, value, stem in _counts(fact_tokens(fact, language), language)]
    for i, value, stem in _counts(asked, language):
        others = {v for v, s in given if s == stem}
        if others and value not in others:
            end = next(j for j in range(i + 1, len(asked)) if asked[j][1] == stem)
            return "missing_count_of", {"counted": " ".join(w for w, _ in asked[i:end + 1])}
    return None

