"""Does a fact hold the detail a question wants? A date for "when", a day for "on what date", a number next to the
thing counted for "how many deputy prosecutors", a named person next to the role (and the right organisation's
role) for "who is the ASP President", an article of the Statute, a reason, contact details; for "what came of
it", a fact that is not about a call, a plan or a matter still pending; the titled office a question names.

Deliberately literal: it reads the fact's own words. A fact that says "the summary does not give the date" holds
no date, and the answerer then says so instead of presenting the fact as the answer (`pick` then reads no other
fact for it: one that holds "a date" does not hold the date of what the first is about).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

from bot.core import countries, figures
from bot.core.contacts import gives_contact
from bot.core.doc_titles import gives_title
from bot.core.fact_dates import DAY, MONTH_NUMBERS, MONTH_YEAR, YEAR, began_dates, future_date, near_asked
from bot.core.fact_speech import quoted
from bot.core.fact_tokens import TOKEN, Expand, asked_stems, fact_tokens, phrase_positions, stem_set
from bot.core.figures import ARTICLE, NEAR, SYMBOL
from bot.core.intent import CHOSEN, Wants, sessions_of
from bot.core.named import authored, named_for, named_in_full
from bot.core.outcomes import IN_FORCE, pending, reports_effect, reports_outcome
from bot.core.question_kinds import NAMED_THINGS, PEOPLE, ROLES, kind_of
from bot.core.spelt_out import spells_out
from bot.core.text import ENGLISH, Pipeline, fold
from bot.core.writers import writer_named

_TIME = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}\s*h\s*\d{0,2}\b")
_QUOTES = re.compile(r"[\"“”«»]")
_WRITINGS = tuple("paper papers report reports statement statements briefing book books resolution declaration "
                  "article op-ed publication document rapport rapports livre bouquin note titre title papier".split())
_EVENTS = ("event", "evenement")  # "the side event \"Arresting suspects ...\"": the event by its title
_OFFICE = re.compile(rf"(?:{ROLES}|expert)(?:e|s|es)?")  # "Representative", "représentante", "UN experts"
# what someone is accused of, named ("crimes against humanity", "crimes committed in Darfur", "harcèlement")
_CHARGED = re.compile(r"\bcrimes? (?:against humanity|committed|contre l.?humanite|de guerre|commis)\b|\bwar crimes?\b"
                      r"|\bgenocide\b|\bmurders?\b|\bmeurtres?\b|\btortur\w*|\brapes?\b|\bviols?\b|\bpersecution\b"
                      r"|\bharass\w*|\bharcelement\b|\bsexual\b|\bsexuel\w*|\bfraud\w*|\bcorruption\b")
_RANKED = re.compile(r"\b(?:most|largest|biggest|highest|greatest)\b|\b(?:le|la) plus\b")
# who spoke at an event (`Wants.speakers`): a word of speaking just after a person's names ("FIDH President Alexis
# Deswaef spoke"), not after a publication's name and what it lists ("Opinio Juris lists")
_SPOKE = re.compile(r"[\s,]+(?:\w+\s+){0,2}?(?:spoke|speaks|said|says|told|stressed|warned|urged|addressed|presented|"
                    r"moderated|opened|delivered|s.est exprim\w*|prend la parole"
                    r"|a (?:dit|d[ée]clar[ée]|soulign[ée]|averti|pris la parole))(?!\w)")
# a choice only suggested: "suggests starting by finding a Chair for the aggression sub-group" names no one chosen
SUGGESTED = re.compile(r"\b(suggest\w*|sugger\w*|propos\w*|recommend\w*|recommand\w*)\b")
# how long something lasts: a span of time, or until when
_DURATION = re.compile(r"\b\d+\s*(days?|weeks?|months?|years?|jours?|semaines?|mois|ans|annees)\b|\buntil\b|\bjusqu"
                       r"|\bexpir\w*|\bfor (a|one|two|three|several) (days?|weeks?|months?|years?)\b")
_EXAMPLE = re.compile(r"\b(?:examples?|exemples?|such as|e\.g\.|for instance|notamment|par exemple|tel(?:le)?s? que)\b")
_HELD_BY = {"time": _TIME, "duration": _DURATION, "example": _EXAMPLE}
_DATES_TITLE = re.compile(r"\bdates?\b", re.I)
_NUMBERED = re.compile(r"\bNo\.? ?\d+|\b\d+/\d+\b|\bICC-\d")
_REASON = re.compile(
    r"\b(because|since(?! then\b| \d| (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)|due to|owing to|"
    r"in response to|in retaliation|retaliat\w*|reprisals?|as a result|in order to|"
    r"so that|aimed at|to punish|to shield|to deter|to pressure|to protect|citing|on the grounds|reasons?|motiv\w*|"
    r"(?:as )?a (?:way|means) to|(?:comme (?:un )?|un )moyen d\w*|"
    r"justif\w*|response to|over (its|the|their)|after (its|the)|driven by|as punishment|pending|awaiting|amid|"
    r"following|in light of|given that|means?|for (its|their|the way|how|failing|not|having)|consequen\w*|"
    r"impacts?|effects?|leads? to|threat\w*|risks?|linking (this|it|them) to|links? (this|it|them) to|"
    r"parce que|car|en raison|a cause|afin de|pour (punir|proteger)|en represailles|motif|signifie|risque|"
    # French facts (bot/core/text_fr.py): the same kinds of reason, in French
    r"parce qu|puisque|represailles|afin qu|pour qu\w*|pour (son|sa|ses|leur|leurs|avoir|ne pas)|en reponse|citant|"
    r"face aux?|du fait d\w*|suite a|a la suite|etant donne|compte tenu|en vue d\w*|dans le but|vis(e|ant) a|"
    r"tentative|consequen\w*|impacts?|effets?|entrain\w*|menac\w*|risqu\w*|signifi\w*|raisons?|justifi\w*|"
    r"motiv\w*|essentiel\w*|dans l.attente|relie|pression\w*)\b")
_WHY, _CRITICAL = r"\b(why|pourquoi|pk|pq)\b", r"\b(critical|critici\w+|critique\w*)\b"
_WHY_SAY = re.compile(rf"{_WHY}.*(?:\b(say|says|said|saying|argue|argues|insist\w*|think|thinks|warn\w*|dit|disent|"
                      rf"affirme\w*|insiste\w*|estime\w*|pense\w*|averti\w*)\b|{_CRITICAL})|{_CRITICAL}.*{_WHY}")
_ARGUES = re.compile(r"\b(argues?|argued|arguing|contends?|warn(?:s|ed)? that|soutient|soutiennent|fait valoir|"
                     r"estime que|averti\w* que)\b")
_SINCE_BEFORE = re.compile(r"\b(since|depuis|from|starting|beginning|des)\s+(\w+\s+)?$")
_SINCE_AFTER = re.compile(r"\b(since then|ever since|depuis lors|depuis cette date)\b")
# The fact's own words saying a detail is missing: "the summary does not give the date", "neither source names".
_LACKS = {
    "person": re.compile(r"\b(do|does|did)(n't| not) (name|identify|say who|spell out whom?)|\bnot named\b|"
                         r"\bwithout naming\b|"
                         r"\bne (disent|dit|precisent|precise) pas qui\b|"
                         r"\b(neither|none of the|no) sources?( \w+)? names?\b|\bneither (of them )?names?\b|"
                         r"\bne (les |le |la )?(nomme|cite)n?t? pas\b|"
                         r"\baucune?\b[^.]{0,40}\bne (nomme|cite|precise)n?t?\b|\bsans (les |le |la )?nommer\b|"
                         r"\b(do|does|did)(n't| not) (give|list)\b[^.]{0,40}\b(candidates?|names?)\b|"
                         r"\bne (donne|precise)n?t? (pas|ni)\b[^.]{0,40}\b(candidats?|noms?)\b"),
    "date": re.compile(r"\b(do|does|did)(n't| not) (name \w+ or )?(give|say|state|specify) (the )?(date|when|day)|"
                       r"\bwithout (a |the )?date\b|\bno date\b|\bne (donne|precise)n?t? (pas|ni) (la|les) dates?\b"),
    "number": re.compile(r"\b(do|does|did)(n't| not) (give|say|state|specify) (how many|the number|a figure|the "
                         r"amount)"),
    # "The sources here do not report the final figure adopted": what came of it
    "outcome": re.compile(r"\b(do|does|did)(n't| not) (report|say|give|state) (the )?(final|outcome|result|what came)"
                          r"|\bne (rapporte|donne|disent|dit)n?t? pas (le|ce qui|l) ?(chiffre final|resultat|issue)"),
    "place": re.compile(r"\b(do|does|did)(n't| not) (give|say|state|specify) where\b"),
}
_LACKS["day"], _LACKS["names"] = _LACKS["date"], _LACKS["person"]
# a fact saying it does not report what was said: "It does not name the officials or quote what each said."
_UNQUOTED = re.compile(r"\b(do|does|did)(n't| not)( \w+){0,4} quote\b|\bne cite pas ce qu")
# a fact saying whom something is attributed to ("who is behind ...")
_BLAMED = re.compile(r"\b(attribut\w*|blam\w*|responsib\w*|behind|carried out by|perpetrat\w*|derriere|imput\w*|"
                     r"commanditai\w*|revendiqu\w*|claimed)\b")
_DEMONYM = re.compile(r"[A-Z][a-zé]+(?:ian|ean|ese|ish|ch|ais|aise|ien|ienne|ois|oise)|American|German|Israeli|Afghan"
                      r"|Moroccan|Mexican|Korean|[Nn]ational|[Cc]itizen|[Rr]essortissant")
# "a Canadian organisation", "une organisation canadienne": where from
_NATIONALITY = re.compile(r"\ban? [A-Z][a-z]+(?:ian|ese) [a-z]"
                          r"|\bune? [a-zé]+ (?!anci|quotidi|mauvais)[a-zé]+(?:ien|ienne|ais|aise|ois|oise)\b")
# "in The Hague", "à La Haye"; an English "a" is an article ("a Chair"), never a place's preposition
_PLACE = {lang: re.compile(rf"(?<!\w)(?:{words})\s+(?:[Tt]he\s+|[Ll]a\s+|[Ll]e\s+)?(?P<name>[A-Z][\w-]+)")
          for lang, words in (("en", "in|at"), ("fr", "en|à|a|au|aux"))}
_CAPITALISED_NAME = re.compile(r"\b[A-Z][a-zà-ÿ'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+|de|van|von|al|el|bin))*\s+"
                               r"[A-Z][a-zà-ÿ'’-]{2,}\b")
_PROPER = re.compile(r"\b(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]{3,})\b")  # a capitalised word or an acronym


def _person_names(fact: str, language: Pipeline, asked: frozenset[str]) -> list[re.Match[str]]:
    """Capitalised names with a word that is no everyday word ("Le Procureur" starts a sentence; it names no one),
    none of whose words the question (`asked`, its folded words) holds itself."""
    return [m for m in _CAPITALISED_NAME.finditer(fact)
            if (proper := {fold(w) for w in m.group().split()
                           if not language.is_ordinary(fold(w)) and fold(w) not in language.stop_words})
            and not asked & proper]


def _named_role(fact: str, tokens: Sequence[tuple[str, str]], wants: Wants, expand: Expand,
                language: Pipeline = ENGLISH, asked: frozenset[str] = frozenset()) -> bool:
    """A name beside the role asked about, and (when the question names whose role) beside that organisation; not
    a name the question holds itself (`asked`, its folded words): "the president who handed Duterte over" is not
    "former President Rodrigo Duterte"."""
    # an elided word is no token of the fact's ("secrétaire d'État": "secretair", "etat")
    role = tuple(language.stem(w) for w in (wants.role or "").split() if len(w) > 1)
    roles = phrase_positions(tokens, [role]) if role else []
    if not roles:
        return False
    if wants.org:  # or its first words: "la directrice de la justice internationale à HRW", whose "à" is no word
        lengths = range(len(wants.org), 1, -1) if len(wants.org) > 1 else (1,)  # two words at least, if it has two
        orgs = next((found for n in lengths if (found := phrase_positions(tokens, expand(wants.org[:n])))), [])

        def whose(r: int) -> bool:  # "ASP President", "President of the ASP", or "its President" after the ASP
            after = r + 1 < len(tokens) and tokens[r + 1][1] in ("of", "de", "du", "to")
            possessive = (r > 0 and tokens[r - 1][1] in ("it", "its", "their", "son", "sa", "leur")
                          and any(o < r for o in orgs))  # "its" points back to an organisation named before
            # "de l'AEP24, le président de la FIDH": a role named "of" someone is theirs, whatever comes before it
            return possessive or any(r + 1 < o <= r + 4 if after else r - 3 <= o < r for o in orgs)

        # a country's office ("the American Secretary of State"): the fact names the country, however far
        national = frozenset().union(*(countries.named_in(" ".join(alt)) for alt in expand(wants.org)))
        roles = roles if national & countries.named_in(fact) else [r for r in roles if whose(r)]
        if not roles:
            return False
    names = [m.start() for m in _person_names(fact, language, asked)]
    if not names:
        return False
    starts = [m.start() for m in TOKEN.finditer(fact)]
    name_positions = {sum(1 for s in starts if s < at) for at in names}
    # in French, nearness in words that carry meaning: "la directrice de la justice internationale de HRW, Liz
    # Evenson" is as near as "HRW's international justice director Liz Evenson"
    meaning = [i for i, (word, _) in enumerate(tokens)
               if language.lang != "fr" or fold(word) not in language.stop_words]
    rank = {i: bisect.bisect_left(meaning, i) for i in (*roles, *name_positions)}
    return any(abs(rank[r] - rank[n]) <= NEAR for r in roles for n in name_positions)


def _name_near(part: str, focus: tuple[str, ...], question: str, expand: Expand, language: Pipeline) -> bool:
    """A capitalised name the question does not already hold, within NEAR words of the thing named. Acronyms
    (ICC, UN) name institutions the question is about, not the name it asks for."""
    writings = stem_set(_WRITINGS, language)
    if focus[-1] in writings or focus[-1] in stem_set(_EVENTS, language):  # a title in quotation marks just after
        # the thing named: 'a joint briefing paper, "Ending ..."', "une note de synthèse conjointe, « Ending ... »"
        # (a writing asked as "le rapport" or "le papier" is any writing; an event is that event)
        quoted = fact_tokens(_QUOTES.sub(" QUOTE ", part), language)
        near = ([p for p, (_, stem) in enumerate(quoted) if stem in writings] if focus[-1] in writings
                else phrase_positions(quoted, expand(focus)))
        if any(quoted[q][0] == "QUOTE" for p in near for q in range(p + 1, min(len(quoted), p + 5))):
            return True
    tokens = fact_tokens(part, language)
    where = phrase_positions(tokens, expand(focus))
    if not where:
        return False
    asked = asked_stems(question, language)
    for at, stem in _proper_words(part, language):
        if stem not in asked and any(abs(at - p) <= NEAR for p in where):
            return True
    return False


@lru_cache(maxsize=4096)
def _proper_words(part: str, language: Pipeline) -> tuple[tuple[int, str], ...]:
    """(word position, stem) of the capitalised words of a fact's title or text that may be names: not acronyms
    (ICC, UN name institutions), not months nor everyday words. Remembered: the same facts are read for question after
    question."""
    starts = [m.start() for m in TOKEN.finditer(part)]
    return tuple((bisect.bisect_left(starts, m.start()), language.stem(fold(m.group())))
                 for m in _PROPER.finditer(part) if not m.group().isupper()
                 and not language.is_ordinary(fold(m.group())) and fold(m.group()) not in MONTH_NUMBERS)


class Candidate(Protocol):
    title: str
    text: str
    coverage: float


C = TypeVar("C", bound=Candidate)


def first_holder(wants: Wants, ranked: Sequence[C], floor: float, *, question: str, expand: Expand,
                 language: Pipeline = ENGLISH) -> C | None:
    """The best candidate covering at least `floor` that holds what is asked, or None. Only the best is read when it
    says it lacks the detail, or when the outcome or the date of what it reports as pending is asked ("when did the
    US sanction the whole court"): another fact's is not this one's. The rest in order, up to the first that holds."""
    best = ranked[:1]
    if any(lacks(wants, f"{c.title}. {c.text}", expand, language, question) for c in best):
        return None
    only_best = (wants.kind == "outcome" or (wants.kind == "date" and not wants.since)) and any(
        pending(fold(c.text)) for c in best)
    return next((c for c in (best if only_best else ranked) if c.coverage >= floor
                 and holds(wants, c.title, c.text, question=question, expand=expand, language=language)), None)


# one thing under its everyday names: "which 16 countries" asks what "the states concerned" are
_COUNTRIES = frozenset({"countri", "state", "nation", "govern", "pay", "etat", "gouvern"})

# "which judges", "quels chefs d'État": people, named (stemmed, so the singular words of PEOPLE count too)
_PEOPLE = (*PEOPLE, *"juges responsables leaders heads dirigeants chefs ministres avocats militants personnes "
                     "expert experts experte expertes signatories signataires candidates candidats nominees".split())
_FIRMS = (*NAMED_THINGS, *"business businesses corporation corporations banque banques entreprise entreprises societe "
          "societes firme firmes affaire affaires".split())


def lacks(wants: Wants, fact: str, expand: Expand, language: Pipeline = ENGLISH, question: str = "") -> bool:
    """The fact's own words say it lacks the detail asked ("the sources do not name the states concerned"; for
    "what did the EU say", "it does not quote what each said"); not who someone the question names is."""
    if wants.kind == "person" and question and named_in_full(fact, question, language):
        return False
    folded = fold(fact)
    if wants.speaker and _UNQUOTED.search(folded):
        return True
    if wants.kind == "person" and wants.role and _named_role(fact, fact_tokens(fact, language), wants, expand,
                                                             language):
        return False  # "the Secretary of State behind the releases": named, whoever else the fact does not name
    if wants.kind == "person" and wants.author and authored(fact):
        return False  # "which US official announced the sanctions": the release's author, whomever it designated
    if any(_LACKS[kind].search(folded) for kind in wants.also if kind in _LACKS and kind != "names"
           and not (kind == "person" and question and named_for(question, fact))):
        return True  # "who was it, and when": a fact saying it does not name them answers neither in full
    pattern = _LACKS.get(wants.kind or "")
    if pattern is None or wants.counterpart:  # an office names whom one spoke with, whoever the fact leaves unnamed
        return False
    if wants.kind != "names":
        return bool(pattern.search(folded))
    things = list(expand(wants.focus))
    if wants.focus and wants.focus[-1] in _COUNTRIES:
        things += [(c,) for c in _COUNTRIES]
    return any(phrase_positions(fact_tokens(folded[m.end():m.end() + 40], language), things)
               for m in pattern.finditer(folded))


def _since(folded: str, at: int) -> bool:
    return bool(_SINCE_BEFORE.search(folded[max(0, at - 12):at]) or _SINCE_AFTER.search(folded[at:].split(".")[0]))


def holds(wants: Wants, title: str, text: str, *, question: str, expand: Expand,
          today: dt.date | None = None, language: Pipeline = ENGLISH) -> bool:
    """True when the fact (title and text) holds the kind of detail `wants` asks for, or asks for nothing special."""
    kind = wants.kind
    fact = f"{title}. {text}"
    folded = fold(fact)
    if wants.titles and not phrase_positions(fact_tokens(fact, language), [p for title_ in wants.titles for p in expand(
            tuple(language.stem(w) for w in title_.split()))]):
        return False
    if lacks(wants, fact, expand, language, question):
        return False
    if kind in ("person", "names") and (writer := writer_named(question, fact)) is not None:
        return writer  # "who wrote the Reuters story": a name beside that outlet (other asks: writers.unwritten)
    if wants.speaker and not quoted(fact, wants.speaker, expand, language):
        return False  # "what did the EU say": a fact that reports the EU's words
    if kind is None and not wants.future:
        return True
    today = today or dt.datetime.now(dt.UTC).date()
    if kind in ("reason", "person", "number") and not (wants.role or wants.focus) and kind_of(title) == kind:
        return True  # the curator titled it as the answer: "Why civil society matters ...", "Who the US sanctioned"
    if kind in ("day", "date") and _DATES_TITLE.search(title) and (DAY.search(folded) or MONTH_YEAR.search(folded)):
        return True  # "ASP24: dates and venue": its dates, however far the text puts them from the session's name
    if kind in ("day", "date") and (month := MONTH_YEAR.search(fold(title))) and any(
            month.group("month") in day.group() and (not wants.since or _since(folded, day.start()))
            for day in DAY.finditer(folded)) and near_asked(fold(title), [month.start()], question, expand, language,
                                                       day=kind == "day"):
        return True  # "Executive Order 14203 (February 2025)": the day its text gives in that month is its date
    if wants.future and not future_date(folded, today):
        return False
    if wants.settled and pending(folded):  # "au final l'AEP a adopté le budget à combien": not a proposed figure
        return False
    if kind == "expansion":
        return spells_out(wants.focus[0], fact, expand, language)
    if kind == "symbol":  # "ICC-01/11-209", "ICC-ASP/24/Res.1", "Regulation (EC) No 2271/96"
        return bool(SYMBOL.search(fact) or _NUMBERED.search(fact))
    if kind == "contact":
        return gives_contact(question, text)
    if kind in _HELD_BY:  # a time of day, a span of time, an example given
        return bool(_HELD_BY[kind].search(folded))
    if kind in ("day", "date"):  # a year the question states itself is no answer: "when will the 2026-2029 plan be
        # adopted"; nor a date far from every word of the question, the date of something else
        dates = [m.start() for m in DAY.finditer(folded)]
        if kind == "date":
            dates += [m.start() for m in MONTH_YEAR.finditer(folded)]
            dates += [m.start() for m in YEAR.finditer(folded) if m.group() not in wants.years]
        if wants.since:  # a start: "since 2005", "depuis 2005", or a date "... since then"
            dates = [at for at in dates if _since(folded, at)]
        dates = began_dates(folded, dates, question)
        return near_asked(folded, dates, question, expand, language, day=kind == "day")
    if kind == "article":
        return bool(ARTICLE.search(fact))
    if kind == "doc_title":
        return gives_title(fold(question), text, folded)
    if kind == "reason":  # why a source says something: the argument the fact reports it making is its reason
        return bool(_REASON.search(IN_FORCE.sub(" ", folded))) or (
            bool(_WHY_SAY.search(fold(question))) and bool(_ARGUES.search(folded)))
    if kind == "names":  # "which 16 states": only a fact saying it does not name those very things fails; but
        # "which banks" asks for the names of firms, which a fact about what banks did may not give
        if wants.focus and wants.focus[-1] in stem_set(_FIRMS + _PEOPLE, language):
            return any(_name_near(part, wants.focus, question, expand, language) for part in (title, text))
        if wants.focus and wants.focus[-1] in _COUNTRIES:  # "which countries pushed back": countries it names,
            # and "which EU states" members of the Union, not the United States the fact names as the sanctioner
            asked = countries.named_in(question, language.lang)
            union = any(a.union for a in asked)
            return any(c.in_eu or not union for c in countries.named_in(fact) - asked)
        return True
    if kind == "outcome":  # what a session decided: not reported by a fact that names no session
        return reports_outcome(folded, question) and (not wants.sessions or bool(wants.sessions & sessions_of(fact)))
    if kind == "effect":  # "how have the sanctions hit ICC officials": what they did, not whom they targeted
        return reports_effect(folded)
    if kind == "ranking":  # the first of a ranking named: "the largest contributor", "le plus gros"
        return bool(_RANKED.search(folded))
    if kind == "charge":  # a crime or an offence named, not "alleged wrongdoing"
        return bool(_CHARGED.search(folded))
    if kind == "office":  # "what's Danya Chaikel's role": a role beside the name asked about, counting the words
        # that carry meaning ("sa représentante auprès de la CPI, Danya Chaikel")
        tokens = [t for t in fact_tokens(fact, language) if fold(t[0]) not in language.stop_words]
        return any(_OFFICE.fullmatch(fold(tokens[j][0])) for i in _names_asked(tokens, question, language)
                   for j in range(max(0, i - NEAR), min(len(tokens), i + NEAR + 1)))
    if kind == "nationality":  # a people's adjective just before the name asked about: "the Italian lawyer
        # Francesca Albanese", not the "Palestinian territories" of her title
        tokens = fact_tokens(fact, language)
        return any(_DEMONYM.fullmatch(tokens[j][0]) for i in _names_asked(tokens, question, language, proper=True)
                   for j in range(max(0, i - 3), i))
    if kind == "place":  # not a place the question names itself: "which venue in The Hague"
        asked = {fold(w) for w in TOKEN.findall(question)}
        return any(fold(m.group("name")) not in MONTH_NUMBERS and not m.group("name").isupper()  # "à la CPI"
                   and fold(m.group("name")) not in asked and fold(m.group(0).split()[-1]) not in asked
                   for m in _PLACE[language.lang].finditer(fact)) or bool(_NATIONALITY.search(fact)) or (
            wants.which_country and countries.other_named(question, fact))
    if kind == "number":
        return figures.holds_figure(wants, fact, folded, question, expand, language)
    if kind == "person":
        if wants.chosen and (pending(folded) or SUGGESTED.search(folded) or not CHOSEN.search(folded)):
            return False  # "who got elected to the CBF": a fact urging how to elect, or naming no choice, names no one
        if wants.behind and not wants.role:  # "who was behind the cyberattack": the names of who says so are no
            # answer; "the Secretary of State behind the releases" asks for whoever holds that office
            return bool(_BLAMED.search(folded))
        if wants.focus and not wants.role:  # "the name of the software": a name beside that thing, in the same
            # title or text; "the name of the ICC's president" asks for the holder of that office, as "who" does
            return any(_name_near(part, wants.focus, question, expand, language) for part in (title, text))
        asked = frozenset(fold(w) for w in TOKEN.findall(question))
        if wants.speakers:  # a person's names just before a word of speaking, not a state's
            return any(not countries.named_in(m.group()) and _SPOKE.match(fact, m.end())
                       for m in _person_names(fact, language, asked))
        # "who are the judges": any names; "what are the deputy prosecutors called": names beside the role
        if wants.role and (not wants.plural or wants.names_asked):
            return any(_named_role(part, fact_tokens(part, language), wants, expand, language, asked)
                       for part in (title, text))
        return any(fold(w) not in asked and not language.is_ordinary(fold(w)) for w in _PROPER.findall(fact))
    return True


def _names_asked(tokens: Sequence[tuple[str, str]], question: str, language: Pipeline, *,
                 proper: bool = False) -> list[int]:
    """Where the fact's tokens name what the question asks about (a capitalised word whose stem it asks);
    `proper`: names only, not a capitalised everyday word ("Sanctioning" in a quoted title)."""
    asked = asked_stems(question, language)
    return [i for i, (word, stem) in enumerate(tokens) if word[:1].isupper() and stem in asked
            and not (proper and language.is_ordinary(fold(word)))]
