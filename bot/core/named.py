"""Names a question holds that the fact shown first must hold too: a country ("did Germany condemn the
sanctions" is not answered by CICC's call on all States Parties, which never names Germany) and an organisation the
curated facts come from, a source's publisher ("what does LRWC recommend on money" is not answered by HRW's call for
funding that shares its other words). A publisher the store names in most facts (the Court itself) tells no fact
from another and is left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from bot.core import countries, persons_asked
from bot.core.db import Database
from bot.core.fact_dates import YEAR
from bot.core.fact_tokens import asked_stems, fact_tokens, phrase_positions
from bot.core.figures import in_date
from bot.core.intent import Wants
from bot.core.models import Source
from bot.core.text import Concept, Pipeline, fold, words

_FIGURE = re.compile(r"[€$£]?\d[\d.,]*%?")
# an office before a person's name in brackets ("International Criminal Court (Registrar Osvaldo Zavala Giler)"):
# the person asked by name alone ("who is Osvaldo Zavala Giler") is asked whole
_TITLED = re.compile(r"^(?:Registrar|President|Prosecutor|Judge|Director|Secretary of State|Minister|Dr|Prof)\.?\s+")
COMMON_SHARE = 0.5  # a publisher named in more than this share of the facts (the Court) is not a source that picks one


def by_source(sources: Iterable[Source], pipeline: Pipeline) -> dict[str, frozenset[tuple[str, ...]]]:
    """Each source's publisher names as stem sequences, by source id: "FIDH (International Federation for Human
    Rights)" gives both, "Opinio Juris (Ezequiel Jimenez)" the journal and its author, "(Registrar Osvaldo Zavala
    Giler)" the person with and without the office; a long description in brackets is no name."""
    found = {}
    for source in sources:
        head, _, rest = source.publisher.partition("(")
        names = [head.split(",")[0], *([rest.rstrip(") ")] if 0 < len(rest.split()) <= 5 else [])]
        names += [_TITLED.sub("", name) for name in names[1:] if _TITLED.match(name)]  # "Registrar X": X too
        found[source.id] = frozenset(key for name in names if (key := tuple(pipeline.stems(name))))
    return found


def sole_publisher(source_ids: Iterable[str], names: Mapping[str, frozenset[tuple[str, ...]]]
                   ) -> frozenset[tuple[str, ...]]:
    """The names of the one publisher all of a fact's sources come from ("according to HRW" is what an
    HRW-sourced fact reports, whether or not its text says "HRW"); none when it draws on several."""
    publishers = {names.get(source, frozenset()) for source in source_ids}
    return next(iter(publishers)) if len(publishers) == 1 else frozenset()


class Publishers:
    """The store's publishers as the answerer reads them: every publisher's names (`names`), the one publisher of a
    fact's sources, remembered by its sources as stored (JSON), since the same facts come up question after
    question, and the words the store holds only inside their names. Made again when the store changes."""

    def __init__(self, sources: Iterable[Source], pipeline: Pipeline, db: Database) -> None:
        self.by_source = by_source(sources, pipeline)
        self.names: frozenset[tuple[str, ...]] = frozenset().union(*self.by_source.values())
        self._pipeline, self._db = pipeline, db
        self._sole: dict[str, frozenset[tuple[str, ...]]] = {}
        self._inside: dict[str, bool] = {}  # a word -> whether the store holds it only inside publishers' names

    def only_in_names(self, concepts: Sequence[Concept], df: Mapping[str, int], question: str) -> frozenset[int]:
        """The positions of the concepts that are a word the store holds only inside a publisher's name of several
        words ("watch": Human Rights Watch, Lawyers' Rights Watch Canada), asked without the rest of the name: "a
        series to watch" is not about HRW; "what did Le Monde report" is about Le Monde."""
        found, asked = set(), None
        for i, concept in enumerate(concepts):
            terms = {alt[0] for alt in concept.alternatives if len(alt) == 1}
            names = [n for n in self.names if not terms.isdisjoint(n)]
            if not names or len(terms) != len(concept.alternatives) or any(len(n) == 1 for n in names):
                continue
            asked = set(self._pipeline.stems(question)) if asked is None else asked
            if any(asked.issuperset(n) for n in names):
                continue
            for term in terms:
                if term not in self._inside:
                    holding = [n for n in names if term in n]
                    self._inside[term] = bool(holding) and 0 < df.get(term, 0) <= self._facts_naming(holding)
            if all(self._inside[t] for t in terms):
                found.add(i)
        return frozenset(found)

    def _facts_naming(self, names: list[tuple[str, ...]]) -> int:
        """How many facts the search index holds any of the names in (stem sequences)."""
        fts = f"{self._pipeline.index}_fts"
        match = " OR ".join('"' + " ".join(name) + '"' for name in names)
        row = self._db.query_one(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", (match,))
        return int(row[0]) if row else 0

    def sole(self, sources: str) -> frozenset[tuple[str, ...]]:
        found = self._sole.get(sources)
        if found is None:
            found = self._sole[sources] = sole_publisher(json.loads(sources), self.by_source)
        return found


def named(concepts: Sequence[Concept], df: Mapping[str, int], total: int,
          publishers: frozenset[tuple[str, ...]]) -> list[int]:
    """The positions of the concepts that name a publisher, one the store names in few facts."""
    return [i for i, concept in enumerate(concepts)
            if any(alt in publishers for alt in concept.alternatives)
            and max(min(df.get(t, 0) for t in alt) for alt in concept.alternatives) <= COMMON_SHARE * total]


def unnamed(concepts: Sequence[Concept], df: Mapping[str, int], total: int, credit: Mapping[int, float],
            publishers: frozenset[tuple[str, ...]], language: Pipeline, *, question: str = "",
            fact: str = "") -> tuple[str, dict[str, str]] | None:
    """What a reply must say it lacks (a messages key and its values) when the fact whose `credit` is given does
    not name a country or a publisher the question names; None when it names them all. A country of several words
    ("the United Kingdom", "la Côte d'Ivoire"), which no one concept names, is looked for in the `fact`'s text;
    one a concept names must stand in its title or text by one of its names, whole ("United Nations ...
    statements" holds both words of "the United States", apart). A state named by its adjective beside one of its
    organs ("the French government") is looked for by its name or its adjective ("French judge Nicolas Guillou")."""
    lang = language.lang
    for i, concept in enumerate(concepts):
        country = countries.named(concept.label)
        if country and (i not in credit or (fact and not phrase_positions(  # "États-Unis": two words
                fact_tokens(fact.replace("-", " "), language), concept.alternatives))):
            return "missing_union" if country.union else "missing_country", {"name": country.name(lang)}
    by_concept = {countries.named(concept.label) for concept in concepts}
    asked = countries.named_in(question, lang, least=2) | countries.by_adjective(question, organs=True)
    for country in asked - countries.named_in(fact, lang) - countries.by_adjective(fact) - by_concept:
        if country.en != "United States":  # the US by any name ("Washington") is a concept of its own
            return "missing_union" if country.union else "missing_country", {"name": country.name(lang)}
    for i in named(concepts, df, total, publishers):
        if i not in credit:
            return "missing_source", {"name": _shown(concepts[i].label)}
    return None


def unattributed(wants: Wants, concepts: Sequence[Concept], df: Mapping[str, int], total: int, fact: str,
                 publishers: frozenset[tuple[str, ...]], pipeline: Pipeline) -> tuple[str, dict[str, str]] | None:
    """For an amount asked of a source ("how much does HRW say the budget should be"): ("missing_source_figure", its
    name) when no figure in the fact is that source's, None otherwise. A figure is the source's named last before
    it: in "Opinio Juris wrote that the Assembly was asked to approve €193 million ... HRW also noted ..." the
    €193 million is Opinio Juris's, not HRW's. Years, days of the month and counts are no amounts."""
    if wants.kind != "number" or wants.counted:
        return None
    asked = named(concepts, df, total, publishers)
    if not asked:
        return None
    tokens = fact_tokens(fact, pipeline)
    starts = sorted((p, phrase) for phrase in publishers for p in phrase_positions(tokens, [phrase]))
    owners = set()
    for j, (word, _) in enumerate(tokens):
        if _FIGURE.fullmatch(word) and not YEAR.fullmatch(word) and not in_date(tokens, j):
            before = [phrase for p, phrase in starts if p < j]
            if before:
                owners.add(before[-1])
    for i in asked:
        if not any(alt in owners for alt in concepts[i].alternatives):
            return "missing_source_figure", {"name": _shown(concepts[i].label)}
    return None


def _shown(label: str) -> str:
    """A source's name as a reply shows it: "LRWC", not "lrwc"."""
    return label.upper() if len(label) <= 5 else label


# a word with a capital inside a sentence (not its first word), a brand's inner capital anywhere ("iPhone"), or a
# name's first word before its link ("Tour de France 2025 vainqueur ?")
_CAPITALISED = re.compile(r"(?<![.?!:]\s)(?<=\s)[A-ZÀ-Ý][a-zà-ÿ]+\b|\b[a-z]+[A-Z][A-Za-z]*\b"
                          r"|^[A-ZÀ-Ý][a-zà-ÿ]+(?= (?:de|du|des|of) [A-ZÀ-Ý])")


def ordinary_unless_named(question: str, df: Mapping[str, int], pipeline: Pipeline) -> Callable[[str], bool]:
    """`pipeline.is_ordinary`, but an everyday word the store lacks, typed with a capital inside a sentence, is a
    name ("who won the Tour de France"): it is the question's subject, not a paraphrase of the store's words. A
    country has its own rule (a fact must name it)."""
    capitalised = {fold(m.group()): m.group() for m in _CAPITALISED.finditer(question)}
    names = {w for w, typed in capitalised.items() if not df.get(pipeline.stem(w), 0) and not countries.named_in(typed)}
    return lambda word: word not in names and pipeline.is_ordinary(word)


FULL_NAME = re.compile(r"\b[A-Z][a-zà-ÿ'’-]+(?:\s+[A-Z][a-zà-ÿ'’-]+)+")  # two or more capitalised words in a row


def named_in_full(fact: str, question: str, language: Pipeline) -> bool:
    """The fact names in full someone the question names ("who is Osvaldo Zavala Giler": "ICC Registrar Osvaldo
    Zavala Giler"): words of a name in a row, none an everyday word or its stem, every one asked, and no country.
    Who that is, the fact says, whomever else it says it does not name."""
    asked = asked_stems(question, language)
    for match in FULL_NAME.finditer(fact):
        if countries.named_in(match.group()):  # "Burkina Faso": a state, not whom it failed to arrest
            continue
        words = [fold(w) for w in match.group().split()]
        while words and language.is_ordinary(words[0]):  # "ICC Registrar Osvaldo Zavala Giler": his office first
            words.pop(0)
        if len(words) > 1 and all(language.stem(w) in asked and not language.is_ordinary(w)
                                  and not language.is_ordinary(language.stem(w)) for w in words):  # "Sanctioning"
            return True
    return False


# a statement's author named beside it: "a release by Secretary of State Marco Rubio", "du secrétaire d'État Rubio"
_AUTHORED = re.compile(r"\b(?:by|du|de la|de l'|d')\s+(?:\w+\s+){0,2}?(?:Secretary of State|[Ss]ecrétaire d'État|"
                       r"Minister|[Mm]inistre|President|[Pp]résidente?|Prosecutor|[Pp]rocureure?)\s+[A-Z]\w+ [A-Z]\w+")
# an office typed in a question, and the same office just before a full name in a fact ("ICC Registrar Osvaldo
# Zavala Giler", "le Greffier de la CPI, Osvaldo Zavala Giler")
_OFFICES = ("registrar", "greffier", "greffiere", "secretary of state", "secretaire d'etat", "prosecutor", "procureur",
            "president", "presidente", "minister", "ministre")
_ASKED_OFFICE = {office: re.compile(rf"\b{office}\b") for office in _OFFICES}  # in the folded question
_BEFORE_NAME = {office: re.compile("(?i:" + re.sub("e", "[eéèê]", office) + r")(?: de la CPI| of the ICC)?,?\s+"
                                   r"[A-Z][a-zà-ÿ'’-]+\s+[A-Z][a-zà-ÿ'’-]+") for office in _OFFICES}


def authored(fact: str) -> bool:
    """The fact names the author of a statement it cites ("by Secretary of State Marco Rubio")."""
    return bool(_AUTHORED.search(fact))


def named_for(question: str, fact: str) -> bool:
    """The fact names in full the one the question asks about by office ("who was the registrar who spoke at
    ASP23") or as the author of a statement ("who signed the releases"): its saying it does not name others (the
    officials Russia targets, whom each release designated) is about someone else."""
    asked = fold(question)
    if persons_asked.author_asked(" ".join(words(question))) and authored(fact):
        return True
    return any(_ASKED_OFFICE[office].search(asked) and _BEFORE_NAME[office].search(fact) for office in _OFFICES)
