"""Dates and years in facts: whether a fact's date is the date of what was asked (near the question's words,
not the date of a call for it), whether it lies ahead, and whether the years and sessions a question names are
the ones the fact is about."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.core.doc_titles import PUBLICATIONS
from bot.core.fact_tokens import TOKEN, Expand, fact_tokens, phrase_positions, stem_set
from bot.core.intent import sessions_of
from bot.core.text import ENGLISH, Pipeline, fold

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
          "jun|jul|aug|sep|sept|oct|nov|dec|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|"
          "novembre|decembre")
MONTH_NUMBERS = {name: i for i, names in enumerate(
    ["january jan janvier", "february feb fevrier", "march mar mars", "april apr avril", "may mai", "june jun juin",
     "july jul juillet", "august aug aout", "september sep sept septembre", "october oct octobre",
     "november nov novembre", "december dec decembre"], start=1) for name in names.split()}
DAY = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th|er)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{MONTHS})\b|\b(?:{MONTHS})\s+\d{{1,2}}"
                 r"(?:st|nd|rd|th)?\b|\b\d{4}-\d{2}-\d{2}\b")
MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTHS})\s+(?P<year>(?:19|20)\d\d)\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def future_date(text: str, today: dt.date) -> bool:
    """A month and year, or a year, not yet past: "the next session" is not answered by the last one."""
    for match in MONTH_YEAR.finditer(text):
        month = MONTH_NUMBERS.get(match.group("month"), 1)
        if (int(match.group("year")), month) >= (today.year, today.month):
            return True
    return any(int(y) > today.year for y in YEAR.findall(text))


# when something began ("when did the prosecutor go on leave", "when was he put on leave"), which a date a state of
# affairs is only observed on does not say ("As of 1 December 2025 the Prosecutor was on leave": `_POINT_HELD`)
_BEGAN = re.compile(r"\b(?:go|goes|went|gone|start\w*|began|begin\w*|took|take|taken|commenc\w*|pris|partie?|put|"
                    r"placed|mise?)\b")
# "when was Deswaef elected FIDH president", "when did she become ...": the date of a choice, which a fact gives
# beside the word for it ("elected in ..."), not the date of a statement the person made
_CHOSEN_ASKED = re.compile(r"\b(?:elected|appointed|chosen|nominated|sworn in|t[ao]ke?n? office|became|become|"
                           r"elue?s?|nommee?s?|devenue?s?)\b")
_CHOSEN_HELD = re.compile(r"\b(?:elect\w*|appoint\w*|chosen|choice|nominat\w*|sworn|office|assum\w*|became|since|"
                          r"elue?s?|election\w*|nomm\w*|devenue?s?|depuis)\b")
CHOICE_NEAR = 60  # characters between a date and the word for the choice it dates


@lru_cache(maxsize=256)
def _start_asked(question: str) -> tuple[bool, bool]:
    """Whether a question asks when someone was chosen, and when something began: read once per question, not once
    for every fact checked against it."""
    asked = fold(question)
    return bool(_CHOSEN_ASKED.search(asked)), bool(_BEGAN.search(asked))


def began_dates(folded: str, dates: list[int], question: str) -> list[int]:
    """The dates (positions in the folded fact) that may say when something began, for a question asking when it
    did: all of them, but for a date a state is only observed on; and for a question asking when someone was
    chosen, only the dates beside a word for a choice."""
    chosen_asked, began_asked = _start_asked(question)
    if chosen_asked:
        chosen = [m.start() for m in _CHOSEN_HELD.finditer(folded)]
        dates = [at for at in dates if any(abs(at - c) <= CHOICE_NEAR for c in chosen)]
    if not began_asked:
        return dates
    observed = [m.span() for m in _POINT_HELD.finditer(folded)]
    return [at for at in dates if not any(start <= at < end for start, end in observed)]


DATE_NEAR = 12  # words between a date and a word of the question for the date to be about what was asked
CALLED_NEAR = 7  # words between a date and a verb of calling for the date to be when the call was made
PUBLISHED_NEAR = 10  # words between a day and a publication or its issuing ("On 17 October 2025 ICC Pre-Trial Chamber
# I issued a decision") for the day to be when it came out
_CALLS = tuple("urge urges urged urging call calls called demand demands demanded appeal appeals appealed exhort "
               "exhorts exhorted recommend recommends recommended exhorte exhortent appelle appellent demande "
               "demandent recommande recommandent".split())


_REPORTS = tuple("report reports reported write writes wrote note notes noted say says said argue argues argued "
                 "publish publishes published rapporte rapportent ecrit ecrivait note notait dit disait affirme "
                 "affirmait publie publiee".split())
# the date a source gives: "according to LRWC", "what date does LRWC give (use, cite) for it", "la date que cite LRWC"
_PER_SOURCE = re.compile(r"\b(according to|per|selon|d ?apres|d'apres|gives?|gave|cites?|cited|mentions?|mentioned"
                         r"|uses?|donnee?s?|donnent|citee?s?|citent|indiquee?s?|indiquent|avancee?s?|avancent)\b")
# a question about a publication asks its date: "when did FIDH put out its summary" (not "put on the list")
_PUBLISHED = (*"publish published publication released issue issued piece op ed press wrap publie publiee sorti "
              "sortie paru parution".split(), *PUBLICATIONS)
# the words of coming out, as typed: "sorti", not "qu'on sort demain"; not "date", the noun
_COMING_OUT = frozenset("publish published publishes released issued sorti sortie sortis paru parue publie publiee"
                        .split())
# the word just before a day that dates a document: "(dated 4 December 2025)", "(datée du ...)", "LRWC le date du
# 7 février" (checked before the day only: "a release of the same date" after one dates nothing)
_DATED = frozenset("dated datee date".split())
_PUT_OUT = re.compile(r"\b(put|came|come|comes|was|is) (\w+ )?out\b")


def near_asked(folded: str, at: list[int], question: str, expand: Expand, language: Pipeline, *,
               day: bool = False) -> bool:
    """Some of the characters at `at` (dates) lie within DATE_NEAR words of a word the question searches by; for
    the `day` a named publication came out, beside that publication or its coming out."""
    if not at:
        return False
    asked = _question_stems(question, language)[0]
    tokens = fact_tokens(folded, language)
    where = phrase_positions(tokens, [p for stem in asked for p in expand((stem,))])
    starts = [m.start() for m in TOKEN.finditer(folded)]
    dates = [bisect.bisect_left(starts, a) for a in at]
    calls = stem_set(_CALLS, language)
    if not asked & calls:  # "In June 2025 CICC urged ...": the date of a call, not of what the call was for
        dates = [d for d in dates if not _beside(tokens, d, calls)]
    reports = stem_set(_REPORTS, language)
    if not _publication_asked(question, language):
        # "Opinio Juris (1 December 2025) reports that the ICC has ditched Microsoft": the date of the report
        dates = [d for d in dates if not _beside(tokens, d, reports)]
    elif day and _publication_named(question, language):
        # "what day did the Coalition publish its statement": a day beside the statement, its publishing or its
        # dating ("dated 4 December 2025"), not the day of the sanctions the statement was about
        issued = reports | stem_set(_PUBLISHED, language)
        dates = [d for d in dates if _beside(tokens, d, issued, PUBLISHED_NEAR)
                 or any(fold(t[0]) in _DATED for t in tokens[max(0, d - CALLED_NEAR):d])]
    return any(abs(d - w) <= DATE_NEAR for d in dates for w in where)


@lru_cache(maxsize=256)
def _question_stems(question: str, language: Pipeline) -> tuple[frozenset[str], frozenset[str]]:
    """The stems a question searches by (not its date words, years, nor the Court's own name), and all it typed:
    read once per question, not once for every fact checked against it."""
    typed = language.words(question)
    asked = {language.stem(w) for w in typed
             if w not in language.stop_words and w not in _DATE_WORDS and not YEAR.fullmatch(w)}
    return frozenset(asked - stem_set(_EVERYWHERE, language)), frozenset(language.stem(w) for w in typed)


@lru_cache(maxsize=256)
def _publication_asked(question: str, language: Pipeline) -> bool:
    """Whether the question asks when something was published or put out, or what date a source gives ("according
    to LRWC"): read once per question, not once for every fact checked against it."""
    folded = fold(question)
    typed = _question_stems(question, language)[1]
    return bool(typed & (stem_set(_REPORTS, language) | stem_set(_PUBLISHED, language))
                or _PER_SOURCE.search(folded) or _PUT_OUT.search(folded))


@lru_cache(maxsize=256)
def _publication_named(question: str, language: Pipeline) -> bool:
    """Whether the question asks when a publication it names came out ("when did the Coalition publish its
    statement", "le communiqué est sorti quel jour"), not the day of something else it cites one for ("the date for
    our press release")."""
    folded = fold(question)
    return bool(_question_stems(question, language)[1] & stem_set(PUBLICATIONS, language)) and bool(
        _COMING_OUT.intersection(language.words(question)) or _PUT_OUT.search(folded))


def _beside(tokens: Sequence[tuple[str, str]], at: int, stems: frozenset[str], near: int = CALLED_NEAR) -> bool:
    return any(t[1] in stems for t in tokens[max(0, at - near):at + near])


_EVERYWHERE = ("icc", "cpi", "court", "cour")  # near every date in the store: they tell no event from another
_DATE_WORDS = frozenset("date dates day days exact exactly precise precisely when year month jour quand annee mois "
                        "exacte exactement precisement".split())


def _thing_beside(tokens: Sequence[tuple[str, str]], i: int, step: int, language: Pipeline) -> str | None:
    """The word a year qualifies, on one side of it: "the 2025 budget", "the budget for 2025", "budget de 2025"."""
    for j in (i + step, i + 2 * step):
        if not 0 <= j < len(tokens) or YEAR.fullmatch(tokens[j][0]):
            return None
        if fold(tokens[j][0]) not in language.stop_words:
            return tokens[j][1]
    return None


def sessions_agree(sessions: frozenset[str], fact: str) -> bool:
    """A session of the Assembly asked about ("what did the Registrar say at ASP24") is not answered by a fact
    that names only other sessions ("the Registrar's speech to the 23rd session"). A fact naming no session may
    still be about it."""
    named = sessions_of(fact)
    return not sessions or not named or bool(sessions & named)


# months as a question names them; not "may" or "march", which are also words, nor "dec" or "mar", which stand for
# other words too
_MONTH_WORD = re.compile(r"\b(january|february|april|june|july|august|september|october|november|december|janvier|"
                         r"fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b")
_MONTH_ANY = re.compile(rf"\b(?:{MONTHS})\b")


def months_named(question: str) -> frozenset[int]:
    """The months a question names ("the sanctions on the judges in June": {6})."""
    return frozenset(MONTH_NUMBERS[m] for m in _MONTH_WORD.findall(fold(question)))


@lru_cache(maxsize=4096)
def _months_held(fact: str) -> frozenset[int]:
    return frozenset(MONTH_NUMBERS[m] for m in _MONTH_ANY.findall(fold(fact)))


def years_agree(years: Iterable[str], question: str, fact: str, language: Pipeline = ENGLISH,
                focus: tuple[str, ...] = (), months: frozenset[int] = frozenset()) -> bool:
    """Every year the question names is a year the fact is about: present in the fact, and where the question
    ties the year to a thing ("the 2025 budget"), not contradicted by the fact tying another year to that thing
    ("the 2026 budget", adopted in December 2025, is not the 2025 budget). And every month it names (`months`,
    from `months_named`) is one the fact names, when it names months at all: "announced in June" is not answered
    by "Further US sanctions announced on 20 August 2025"."""
    years = set(years)
    held = _months_held(fact) if months else frozenset()
    if held and not months & held:
        return False
    if not years:
        return True
    if not all(y in fact for y in years):
        return False
    asked = fact_tokens(question, language)
    told = fact_tokens(fact, language)
    for i, (word, _) in enumerate(asked):
        if word not in years:
            continue
        # the thing counted is tied to the year too: "the total budget of the court in 2025"
        things = ({_thing_beside(asked, i, step, language) for step in (-1, 1)} | set(focus[-1:])) - {None}
        beside = [fold(told[k][0]) for p in phrase_positions(told, [(t,) for t in things])
                  for k in (p - 2, p - 1, p + 1, p + 2) if 0 <= k < len(told) and YEAR.fullmatch(told[k][0])]
        if beside and word not in beside:
            return False
    return _months_agree(question, fact)


# a point in time asked ("as of December 2025", "by Dec 2025", "fin décembre 2025") and one a fact's figures hold
# at ("as of February 2025"): the same year at another month is another figure
_POINT_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th|er)?\s+)?(?P<month>{MONTHS})\.?\s+(?P<year>(?:19|20)\d\d)\b"
_POINT_ASKED = re.compile(r"\b(?:as of|as at|by|at the end of|au|a la fin d[eu]?|fin|en date du)\s+"
                          r"(?:(?:early|late|mid|debut|mi)\s+)?" + _POINT_DATE)
_POINT_HELD = re.compile(r"\b(?:as of|as at|au|en date du)\s+" + _POINT_DATE)


def _months_agree(question: str, fact: str) -> bool:
    asked = _POINT_ASKED.search(fold(question))
    if not asked:  # the fact is read only when a point in time is asked
        return True
    held = {MONTH_NUMBERS[m.group("month")] for m in _POINT_HELD.finditer(fold(fact))
            if m.group("year") == asked["year"]}
    return not held or MONTH_NUMBERS[asked["month"]] in held


def asked_period(question: str, years: Iterable[str]) -> str:
    """What a reply says the facts lack: the point in time asked ("december 2025"), or the years, or the months
    ("june")."""
    asked = _POINT_ASKED.search(fold(question))
    if asked:
        return f"{asked['month']} {asked['year']}"
    return " and ".join(sorted(years)) or " and ".join(dict.fromkeys(_MONTH_WORD.findall(fold(question))))
