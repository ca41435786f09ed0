"""Who wrote a piece the question names by its outlet: "who wrote the Reuters story about sanctioning the whole
Court?", "qui est l'auteur du billet d'Opinio Juris ?". A fact citing the outlet's piece answers only when it
names someone beside the outlet ("Opinio Juris author Ezequiel Jimenez"); the other names it holds (another
outlet's author, the judge a piece is about) are not who wrote that piece, and the reply is partial instead."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.named import FULL_NAME
from bot.core.text import ENGLISH, fold
from bot.core.text_fr import FRENCH

_PIECE = (r"(?:story|stories|piece|article|report|op-?ed|post|blog(?: post)?|column|billet|papier|tribune|"
          r"reportage|enquete)")
# the writer asked: "who wrote", "the authors of", "which reporters", "qui a écrit", "l'auteur du billet"
_WRITES = re.compile(r"\bwho (?:wrote|authored|penned)\b|\bqui (?:l.)?a (?:ecrit|redige|signe)\b|\bsigne\w* par qui\b")
_WRITER_NOUN = r"(?:authors?|writers?|reporters?|journalists?|auteurs?|auteures?|journalistes?)"
# a writer asked by who or which: "who is the author", "c'est qui l'auteur", "which reporters"; not "the author
# argues ...", which names the writer to ask something else
_WHO = re.compile(rf"\b(?:who|whos|qui)\b(?=.*\b{_WRITER_NOUN}\b)|\b{_WRITER_NOUN}\b(?=.*\b(?:who|qui)\b)|"
                  rf"\b(?:which|what|quels?|quelles?)\s+(?:(?!does|did|do|is|are|was|were)[\w']+\s+)?{_WRITER_NOUN}\b")
# another ask before the writer's: "when did Reuters report it, and who wrote it" asks first when
_OTHER_ASK = re.compile(rf"\b(?:when|where|why|what|which|how|quand|pourquoi|combien|quel\w*|date)\b"
                        rf"(?!\s+(?:[\w']+\s+)?{_WRITER_NOUN}\b)")
# the outlet, just before the piece in English ("the Reuters story", "the le monde piece"), just after it in
# French ("l'article de Reuters", "le billet d'Opinio Juris", "l'article Reuters")
_OUTLET = (re.compile(rf"(?:\b(?:the|that|this|a|an)\s+|^|[,:;!?-]\s*)"
                      rf"(?P<outlet>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){{0,2}}?)(?:'s)?\s+{_PIECE}\b"),
           re.compile(r"\b(?:article|billet|papier|post|tribune|reportage|enquete|rapport)\s+(?:de\s+l'|de\s+|d'|du\s+)?"
                      r"(?P<outlet>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"),
           re.compile(r"\b(?:which|what|quels?|quelles?)\s+(?P<outlet>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+"
                      r"(?:reporters?|journalists?|writers?|journalistes?)\b"),
           re.compile(r"\b(?:reporters?|journalists?|journalistes?)\s+(?:at|from|de|du|chez)\s+(?P<outlet>[a-z][\w-]*)"))
_LINKS = frozenset("sur on about abt de du des qui que publie paru in of by par".split())
_ABOUT = re.compile(r"(?:\bon|\babout|\bsur|\bconcernant)\s+$")  # "an article on Nicolas Guillou": whom it is about
_AFTER, _BEFORE = 60, 40  # characters from the outlet's name: "Opinio Juris post, Ezequiel Jimenez"
_EVERYDAY_NAMED = ("monde", "juris")  # outlets named by everyday words: Le Monde, Opinio Juris


def _ordinary(word: str) -> bool:
    return ENGLISH.is_ordinary(word) or FRENCH.is_ordinary(word)


@lru_cache(maxsize=256)
def outlet_asked(question: str) -> str | None:
    """The outlet whose piece's writer the question asks for first, folded ("reuters", "opinio juris"), or None.
    Remembered: every candidate fact checked for a question asks it again."""
    folded = fold(question)
    writer = _WRITES.search(folded) or _WHO.search(folded)
    if not writer:
        return None
    for pattern in _OUTLET:
        for match in pattern.finditer(folded):
            words = match.group("outlet").split()
            while words and words[-1] in _LINKS:  # "l'article Reuters sur ...": the outlet ends before "sur"
                words.pop()
            if any(_OTHER_ASK.fullmatch(w) or re.fullmatch(rf"(?:\w')?{_WRITER_NOUN}", w) for w in words) or all(
                    _ordinary(w) and w not in _EVERYDAY_NAMED for w in words):
                continue  # "when did reuters report", "l'auteur du post": no outlet; "the whole story": none named
            return None if _OTHER_ASK.search(folded, 0, writer.start()) else " ".join(words)
    return None


def writer_named(question: str, fact: str) -> bool | None:
    """Whether the fact names someone beside the outlet whose piece's writer the question asks for; None when the
    question asks no such thing or the fact does not mention the outlet."""
    outlet = outlet_asked(question)
    if outlet is None:
        return None
    folded = fold(fact)  # folding keeps each character's place, so its spans are the fact's
    places = [m.span() for m in re.finditer(rf"\b{re.escape(outlet)}\b", folded)]
    if not places:
        return None
    asked = set(re.findall(r"\w+", fold(question)))
    for name in FULL_NAME.finditer(fact):
        words = [fold(w) for w in name.group().split()]
        if outlet in " ".join(words) or any(w in asked for w in words) or all(_ordinary(w) for w in words):
            continue
        if _ABOUT.search(fact[max(0, name.start() - 12):name.start()]):
            continue
        if any(start - _BEFORE <= name.end() and name.start() <= end + _AFTER for start, end in places):
            return True
    return False


def unwritten(question: str, fact: str) -> tuple[str, dict[str, str]] | None:
    """What a partial reply says is missing when the writer asked is not named beside the outlet."""
    return ("missing_person", {}) if writer_named(question, fact) is False else None
