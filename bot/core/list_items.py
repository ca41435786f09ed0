"""A fact that lists several asks ("condemn the measures; adopt blocking statutes; protect human rights defenders;
urge the US to halt them") shares every word of a question about one of them, and wins on bm25 and on its title
("CICC's call to action"), though another fact holds that one ask in full. A member asking "what does CICC ask
states to do for human rights defenders" wants the fact about defenders; one asking for the list keeps the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from bot.core.matching import DOCUMENT_WORDS, Candidate
from bot.core.text import Concept, Pipeline, fold

SEARCHED = 6  # the list fact and the next five facts: the item's own fact is among them
HELD = 0.5  # the share of the item's words the item's own fact must hold: about it, not merely naming its word
# the whole list asked for: "list pls", "the full list", "la liste complète"
_WHOLE = re.compile(r"\blist\W*(?:pls|please)?\W*$|\b(?:the|a|full|whole|complete) list\b|\bla liste\b", re.I)
# when the list was made, or what is set aside, not what is asked of it: "after the US sanctioned the judges",
# "suite aux sanctions", "apart from cooperation"
_WHEN = re.compile(r"\b(?:after|following|since|in response to|apr[eè]s|suite (?:aux|à la|à|au)|depuis|"
                   r"apart from|besides|other than|except|[àa] part|en dehors d\w*|hormis|sauf)\b"
                   r"(?P<clause>[^,;?.!]*?)(?=[,;?.!]|\b(?:what|which|how|que|quoi|quels?|quelles?)\b|$)", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])")


@dataclass
class Item:
    """The one item of a list fact a question asks about, as the indexes of the question's concepts."""

    words: set[str]  # the item's own word stems
    own: list[int]  # the concepts only this item names
    needed: list[int]  # what a fact about the item must hold: all the list holds beyond its context, and its
    # publisher when the question names it ("FIDH's asks")
    context: list[int]  # what the list holds as its context: its title ("after the sanctions on judges"), the
    # document it was read in, a clause saying when, a phrase the list uses outside its list


def _parts(text: str) -> list[str]:
    """The items of the sentence of `text` that lists most (a list of three or more, split by semicolons);
    the first also holds the sentence's opening."""
    listing = max(_SENTENCE.split(text), key=lambda s: s.count(";"))
    parts = [p for p in listing.split(";") if p.strip()]
    return parts if len(parts) >= 3 else []


def _document(concept: Concept) -> bool:
    """The concept names where the member read it ("the statement", "le communiqué"), not an item."""
    return set(fold(concept.label).split()) <= DOCUMENT_WORDS


def _when(question: str, concepts: list[Concept], language: Pipeline) -> set[int]:
    """The concepts only a clause names that says when ("after the US sanctioned the judges") or sets a thing
    aside ("besides asking the US to stop": "what else does CICC ask Washington" still asks about the US)."""
    said = {t for m in _WHEN.finditer(question) for t in language.stems(m["clause"])}
    rest = set(language.stems(_WHEN.sub(" ", question)))
    return {i for i, c in enumerate(concepts) if said and set(language.stems(c.label)) <= said
            and not any(rest.issuperset(alt) for alt in c.alternatives)}


def _pairs(text: str, language: Pipeline) -> set[tuple[str, str]]:
    """Word stems side by side, small words too ("US" is "us")."""
    return set(pairwise(language.stems(text)))


def _qualifying(question: str, top: Candidate, listing: str, concepts: list[Concept], context: list[int],
                language: Pipeline) -> set[int]:
    """The concepts that qualify the list's context as the list fact itself does outside its list: "the US
    sanctions on judges" beside a title on the sanctions, when the fact also says "U.S. sanctions"."""
    pairs = _pairs(question, language) & _pairs(top.text.replace(listing, " "), language)
    around = {t for i in context for t in concepts[i].terms()}
    return {i for i, c in enumerate(concepts) if i not in context
            and any((a in c.terms() and b in around) or (b in c.terms() and a in around) for a, b in pairs)}


def asked_item(top: Candidate, concepts: list[Concept], language: Pipeline, question: str) -> Item | None:
    """The item of `top`'s list that the question's words single out (every concept it earns that the title
    lacks and one item alone names, past the opening), or None when it asks about none, or several."""
    parts = _parts(top.text)
    if not parts:
        return None
    part_stems = [set(language.stems(p)) for p in parts]
    when = _when(question, concepts, language)
    context = [i for i in top.credit if top.titled(concepts[i]) or _document(concepts[i]) or i in when]
    context += sorted(_qualifying(question, top, ";".join(parts), concepts, context, language) & top.credit.keys())
    where = {i: [k for k, s in enumerate(part_stems) if any(s.issuperset(alt) for alt in concepts[i].alternatives)]
             for i in top.credit if i not in context}
    own = {i: at[0] for i, at in where.items() if len(at) == 1 and at[0] > 0}
    if len(set(own.values())) != 1:
        return None
    words = {t for t in language.stems(parts[next(iter(own.values()))]) if t not in language.stop_stems}
    published = [i for i in context if not top.publishers.isdisjoint(concepts[i].alternatives)]
    return Item(words, sorted(own), sorted([*where, *published]), context)


def item_first(ranked: list[Candidate], concepts: list[Concept], language: Pipeline, question: str,
               floor: float) -> list[Candidate]:
    """`ranked` with the fact about the one item asked before the list fact that ranks first, when one of the
    next few holds all the question asks beyond the list's context, holds most of the item, is titled by a word
    only that item names, is not itself a list, and with the context still covers `floor` of the question;
    unless the question asks for the whole list."""
    item = asked_item(ranked[0], concepts, language, question) if len(ranked) > 1 else None
    if item is None or _WHOLE.search(question):
        return ranked
    listing = ranked[0]
    per_weight = listing.coverage / sum(listing.credit.values())
    for c in ranked[1:SEARCHED]:
        held = sum(w in c.terms.body or w in c.terms.title_stems for w in item.words) / max(1, len(item.words))
        inherited = {**{i: listing.credit[i] for i in item.context}, **c.credit}
        if held >= HELD and not _parts(c.text) and all(i in c.credit for i in item.needed) \
                and any(c.titled(concepts[i]) for i in item.own) and sum(inherited.values()) * per_weight >= floor:
            # the item's fact earns what the list earns for its context ("after the judges were sanctioned"):
            # it details one ask of that list, which it need not repeat
            c.credit, c.coverage = inherited, sum(inherited.values()) * per_weight
            return [c, *[x for x in ranked if x is not c]]
    return ranked


def with_item_facts(ranked: list[Candidate], concepts: list[Concept]) -> list[Candidate]:
    """The best fact, then only the facts that cover the question as fully and are titled by a word of it that the
    best one's title lacks: what came of one item of a list ("the side event on workplace culture") is in the fact
    about that item, not in another that merely covers as much."""
    best = ranked[:1]
    return best + [c for c in ranked[1:] if c.coverage >= best[0].coverage
                   and any(c.titled(k) and not best[0].titled(k) for k in concepts)]
