"""How well a candidate fact mentions each concept of a question: exact stems, stems that extend one another
(porter leaves "complying" as "compli" but "compliance" as "complianc"), typo guesses at part credit, and the
title, example questions and keywords above the body text; and how much each concept weighs. The answerer
turns these into coverage.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise

from bot.core.fact_readings import NO_READINGS, Readings
from bot.core.lexicon import WordSet, word_set
from bot.core.question_kinds import KIND_NOUNS
from bot.core.text import ENGLISH, Concept, Pipeline

BODY_WEIGHT = 0.45  # a concept found only in a fact's body text counts for this share of a title/question hit
PREFIX_CREDIT = 0.85  # a word matched only through a shared stem prefix (complying ~ compliance)
MEMO_TERMS = 256  # terms remembered per fact (a stream of made-up words must not grow it without end)
RARE_SHARE = 1 / 12  # an everyday word in fewer facts than this share weighs as if in this share, beside a subject
SUBJECT_WEIGHT = 0.8  # a known word weighing this much says what a question is about
ORDINARY_SHARE = 0.5  # an ordinary word the store lacks, beside known words, weighs this share of the lightest
# where a member read it, not what they ask: "the coalition statement names them", "la liste exacte que donne",
# "selon la déclaration écrite de LRWC", "la liste complète", "lister", "in the LRWC footnotes", "dans une note",
# "the registrar LRWC quotes", "mentionné par la FIDH"
DOCUMENT_WORDS = frozenset("statement statements piece release text texte page post discussion discussions list liste "
                           "communique document declaration ecrite complete lister footnote footnotes footnoted note "
                           "notes quote quotes quoted mention mentions mentioned mentionne mentionnent mentionnee"
                           .split())
ASKED_OTHERWISE = 0.6  # an example question asking for another kind of detail counts for this share
TYPO_CREDIT = 0.75  # a word matched only as a guessed typo ("sanctoins"); the guess may be wrong ("african")


# how a fact holds a term (`Candidate.has`): (in title, questions or keywords; anywhere), made once so that the
# memo of each fact refers to these few and holds nothing new for the collector to walk
_HELD = {(strong, either): (strong, either) for strong in (0.0, PREFIX_CREDIT, 1.0)
         for either in (0.0, PREFIX_CREDIT, 1.0)}


@dataclass
class Terms:
    """A fact's stems as the matcher reads them, made once per version of the fact and shared by every question
    it comes up for, with the memo of how it holds each term (`Candidate.has`). Thousands stay cached between
    questions, so they are word sets, which the garbage collector does not walk (bot.core.lexicon.WordSet)."""

    strong: WordSet  # stems in title, questions and keywords
    title_stems: frozenset[str]  # stems in the title alone (a few)
    body: WordSet  # stems in the text
    body_text: str  # the text's stems in order
    prefixes: WordSet  # the first five letters of every stem
    seen: dict[str, tuple[float, float]] = field(default_factory=dict)  # term -> (in strong fields, anywhere)
    content: dict[frozenset[str], str] = field(default_factory=dict)  # stop stems -> " content stems in order "

    @cached_property
    def strong_sorted(self) -> tuple[str, ...]:  # sorted only for the few terms that may extend a stem
        return tuple(sorted(self.strong))

    @cached_property
    def body_sorted(self) -> tuple[str, ...]:
        return tuple(sorted(self.body))


@lru_cache(maxsize=4096)
def fact_terms(title: str, questions: str, keywords: str, text: str) -> Terms:
    """The matcher's view of one fact's indexed (stemmed) fields; the same fields give the same object."""
    strong = word_set(f"{title} {questions} {keywords}".split())
    body = word_set(text.split())
    return Terms(strong=strong, title_stems=frozenset(title.split()), body=body, body_text=text,
                 prefixes=word_set([w[:5] for w in strong if len(w) >= 5] + [w[:5] for w in body if len(w) >= 5]))


@dataclass
class Candidate:
    rowid: int
    rank: float
    fact_id: str
    title: str
    topic: str
    text: str  # the fact's text as written (for the detail checks)
    raw: str  # title and text, folded (for years)
    terms: Terms
    readings: Readings = NO_READINGS  # its example questions and title as read (bot.core.fact_readings)
    coverage: float = 0.0
    order: float = 0.0
    credit: dict[int, float] = field(default_factory=dict)  # concept index -> weight this fact earns
    language: Pipeline = ENGLISH  # the pipeline the question and the fact's fields were read with
    publishers: frozenset[tuple[str, ...]] = frozenset()  # the names of the one publisher of all its sources

    def credit_concepts(self, concepts: list[Concept], weights: list[float], shared_pairs: set[tuple[str, str]],
                        own: list[set[str]], total: float, named_only: frozenset[int],
                        terms: Sequence[frozenset[str]]) -> None:
        """What each concept earns this fact (its weight, times how strongly the fact mentions it), and the
        coverage that adds up to. A word pair the question and fact share side by side counts whole, and so does
        the publisher of all its sources ("according to HRW": the fact is HRW's). `terms`: each concept's terms,
        made once for all the question's candidates (`AlternativeSets.unions`)."""
        side_by_side = {t for pair in shared_pairs for t in pair}
        for i, concept in enumerate(concepts):
            if i in named_only:  # a word of a publisher's name, asked alone: no fact holds it otherwise
                continue
            found = presence(concept, self, terms[i])
            if found < 1 and (side_by_side & own[i] or not self.publishers.isdisjoint(concept.alternatives)):
                found = 1.0
            if found:
                self.credit[i] = weights[i] * found
        self.coverage = sum(self.credit.values()) / total

    def closest_example(self, alternatives: AlternativeSets, weights: list[float], total: float,
                        kind: str | None = None) -> float:
        """How closely one of the fact's example questions asks what this question asks: the weight of the
        question's concepts it names, discounted by the words it has that the question lacks, and by asking
        for another kind of detail ("who did the US sanction" is asked by "who has the US sanctioned", not by
        "are more sanctions coming")."""
        best = 0.0
        unions = alternatives.unions
        for example in self.readings.examples:
            held = example.held
            named = [i for i, alts in enumerate(alternatives)
                     if not unions[i].isdisjoint(held) and any(alt <= held for alt in alts)]
            if not named:
                continue
            used = {t for i in named for alt in alternatives[i] if alt <= held for t in alt}
            score = sum(weights[i] for i in named) / total * (len(used) / len(held)) ** 0.5
            if score > best and kind and example.kind != kind:
                score *= ASKED_OTHERWISE
            best = max(best, score)
        return best

    def leads(self, concept: Concept) -> bool:
        """An example question of the asked word alone ("Budget?"): the curator's fact for that one word."""
        alternatives = {frozenset(alt) for alt in concept.alternatives}
        return any(e.held in alternatives and e.length == len(e.held)  # no "how did ... go"
                   for e in self.readings.examples)

    def shared_pairs(self, asked: frozenset[tuple[str, str]], stop_stems: frozenset[str]) -> set[tuple[str, str]]:
        """The question's pairs of adjacent content stems (see `phrase_pairs`) that are adjacent in the fact's text
        too. Most facts lack a stem of every pair, so the text is joined only for the few that hold both."""
        body = self.terms.body
        maybe = [pair for pair in asked if pair[0] in body and pair[1] in body]
        if not maybe:
            return set()
        content = self.terms.content.get(stop_stems)
        if content is None:
            content = self.terms.content[stop_stems] = \
                f" {' '.join(s for s in self.terms.body_text.split() if s not in stop_stems)} "
        return {pair for pair in maybe if f" {pair[0]} {pair[1]} " in content}

    def titled(self, concept: Concept) -> bool:
        """The fact's title names the concept (one of its alternatives whole)."""
        title = self.terms.title_stems
        return any(title.issuperset(alt) for alt in concept.alternatives)

    def has(self, term: str) -> tuple[float, float]:
        """How the fact holds a term: in its title, questions or keywords, and anywhere (memoised for the fact:
        a long question asks about the same terms through several concepts, and the next question again)."""
        terms = self.terms
        found = terms.seen.get(term)
        if found is None:
            if term in terms.strong:
                found = _HELD[1.0, 1.0]
            elif term in terms.body:
                found = _HELD[0.0, 1.0]
            elif len(term) < 5 or term[:5] not in terms.prefixes:  # no stem could extend or be cut from it
                found = _HELD[0.0, 0.0]
            else:
                strong = _has(term, terms.strong, terms.strong_sorted)
                found = _HELD[strong, max(strong, _has(term, terms.body, terms.body_sorted))]
            if len(terms.seen) < MEMO_TERMS:
                terms.seen[term] = found
        return found


class AlternativeSets(list[list[frozenset[str]]]):
    """Each concept's alternatives as sets, made once per question rather than once per candidate, with the union
    of each concept's terms: an example question sharing no term with a concept cannot name it, which is most."""

    def __init__(self, concepts: list[Concept]) -> None:
        super().__init__([frozenset(alt) for alt in c.alternatives] for c in concepts)
        self.unions = [frozenset().union(*alts) for alts in self]


@lru_cache(maxsize=4096)
def phrase_pairs(text: str, language: Pipeline = ENGLISH) -> frozenset[tuple[str, str]]:
    """Adjacent content stems of a text. Two words of a question found side by side in a fact ("international
    justice director") say more than the same words scattered through its body, so they count in full."""
    seq = [s for s in language.stems(text) if s not in language.stop_stems]
    return frozenset(pairwise(seq))


def _has(term: str, stems: WordSet, ordered: tuple[str, ...]) -> float:
    """1 when the stem is there; PREFIX_CREDIT when a fact's stem extends it (porter leaves "complying" as
    "compli" but "compliance" as "complianc"), or extends a fact's stem by at most two letters ("canadian",
    "canada"); else 0. Never further: "internship" must not match the "intern" of "international"."""
    if term in stems:
        return 1.0
    if len(term) >= 5:
        at = bisect.bisect_left(ordered, term)  # the stems that extend `term` sort right after it
        if at < len(ordered) and ordered[at].startswith(term):
            return PREFIX_CREDIT
        if any(term[:cut] in stems for cut in (len(term) - 1, len(term) - 2) if cut >= 5):
            return PREFIX_CREDIT
    return 0.0


def presence(concept: Concept, cand: Candidate, terms: Iterable[str]) -> float:
    """How strongly a fact mentions a concept (whose `terms` are those of all its alternatives): its best
    alternative, title/questions/keywords above body."""
    # one word, most concepts: the loop below for one term, without its dict (the answer's hot path; measured)
    if len(concept.alternatives) == 1 and len(concept.alternatives[0]) == 1:
        held = cand.has(concept.alternatives[0][0])
        found = max(held[0], held[1] * BODY_WEIGHT)
        return found * TYPO_CREDIT if concept.alternatives[0] in concept.guessed else found
    best = 0.0
    has = {t: cand.has(t) for t in terms}
    if not any(h[1] for h in has.values()):
        return 0.0
    for alt in concept.alternatives:
        strong = either = 1.0
        for t in alt:
            held = has[t]
            strong, either = min(strong, held[0]), min(either, held[1])
        found = max(strong, either * BODY_WEIGHT)
        best = max(best, found * TYPO_CREDIT if alt in concept.guessed else found)
    return best


def concept_weights(concepts: list[Concept], df: dict[str, int], n: int,
                    is_ordinary: Callable[[str], bool], kind: str | None = None) -> list[float]:
    """Rarer words weigh more; a word the store never saw weighs most: it may be the subject ("Netanyahu").
    But an everyday word the store lacks, beside two known words, is a paraphrase ("did the US *ditch*"), and
    one it holds in a fact or two, beside two words of weight, weighs no more than a word of a few facts. A word
    naming the `kind` of detail asked weighs little too (`_kind_nouns_light`)."""

    dfs = [max(min(df.get(t, 0) for t in alt) for alt in concept.alternatives) for concept in concepts]
    weights = [math.log(1 + (n - d + 0.5) / (d + 0.5)) for d in dfs]
    known = [w for d, w in zip(dfs, weights, strict=True) if d]
    rare_cap = math.log(1 + (n - n * RARE_SHARE + 0.5) / (n * RARE_SHARE + 0.5))
    strong = [bool(d) and w >= SUBJECT_WEIGHT for d, w in zip(dfs, weights, strict=True)]
    subject_words = sum(strong)
    unknown = sum(not d and " " not in c.label and is_ordinary(c.label) for d, c in zip(dfs, concepts, strict=True))
    if len(known) >= 2 and unknown <= len(known):  # more words the store lacks than it holds: another subject
        for i, concept in enumerate(concepts):
            ordinary = is_ordinary(concept.label)
            if not dfs[i] and " " not in concept.label and ordinary:
                weights[i] = ORDINARY_SHARE * min(known)
            elif concept.label in DOCUMENT_WORDS:
                weights[i] = min(weights[i], ORDINARY_SHARE * min(known))
            elif ordinary and len(concept.alternatives) == 1 and " " not in concept.label and \
                    subject_words - strong[i] >= 2:
                weights[i] = min(weights[i], rare_cap)  # "hurt", "listen" beside the subject's words
    return _kind_nouns_light(concepts, weights, kind)


def _kind_nouns_light(concepts: Sequence[Concept], weights: list[float], kind: str | None) -> list[float]:
    """A word that names the kind of detail asked ("on what date", "which US official") weighs as an ordinary word
    the store lacks: a fact gives a date or a name without the word (whether it gives one is checked apart, in
    bot.core.holds), though a fact that has the word too ("LRWC dates the sanctions from ...") keeps its edge."""
    nouns = KIND_NOUNS.get(kind or "", frozenset())
    light = [i for i, c in enumerate(concepts) if c.label in nouns]
    rest = [w for i, w in enumerate(weights) if i not in light and w]
    if not light or not rest:
        return weights
    return [min(w, ORDINARY_SHARE * min(rest)) if i in light else w for i, w in enumerate(weights)]


def own_terms(concepts: Sequence[Concept]) -> list[set[str]]:
    """Each concept's terms that no other concept of the question has. Two words of the question found side by side
    in a fact credit the concepts they belong to: "statute" beside "Rome" credits "the Rome Statute", not
    "withdrawal" through its synonym "leave the statute"."""
    terms = [c.terms() for c in concepts]
    count = Counter(t for held in terms for t in held)
    return [{t for t in held if count[t] == 1} for held in terms]
