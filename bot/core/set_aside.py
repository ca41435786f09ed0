"""What a question sets aside: "apart from the US sanctions, what other attacks does HRW mention", "besides Duterte,
which other success", "à part la Cour elle-même, qui est menacé". The thing set aside is what the member already
knows; it is not what is asked. Its words weigh a quarter of their weight (a fact about the US sanctions would hold
them and win), and a fact whose title is about it is shown after the facts that answer the rest of the question."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.core.matching import Candidate
from bot.core.text import Concept, Pipeline

# the clause runs to a comma, a question word, a source ("selon", "per") or the end of the question; "beyond" and
# "au-delà" set a thing aside only at the head of the question ("beyond condemning, what ..."), not after a verb
# ("the sanctions spread far beyond the people named")
_MARKER = (r"(?:\b(?:apart from|aside from|besides|other than|except(?: for)?|[aà] part|"
           r"en dehors d(?:e la|e l.|es|u|e)|hormis|outre)|^\W*(?:beyond|au[- ]del[aà] d(?:e la|e l.|es|u|e)))\s+")
MARKER = re.compile(_MARKER, re.I)
_ENDS = (r"(?:what|which|who|whose|how|why|when|where|did|does|do|is|are|quel\w*|qui|quoi|que|comment|pourquoi|"
         r"combien|selon|d.apr[eè]s|according|per|for|pour|in|en|dans)\b")
ASIDE = re.compile(_MARKER + rf"(?P<thing>(?:(?!{_ENDS})[\w'’.-]+\s*){{1,5}}?)(?=[,;?!]|\s+{_ENDS}|\s*$)", re.I)

ASIDE_SHARE = 0.25  # what a concept set aside weighs, as a share of its weight
TITLED_REST = 0.5  # a word of the rest this share of its heaviest word's weight, titled, keeps the fact in place


def unmarked(question: str) -> str:
    """The question without the words that set a thing aside ("besides" is not what is asked about)."""
    return MARKER.sub(" ", question)


def stems(question: str, language: Pipeline) -> frozenset[str]:
    """The content stems of what the question sets aside ("the US sanctions": us, sanction)."""
    found = ASIDE.search(question)
    if not found:
        return frozenset()
    return frozenset(s for s in language.stems(found.group("thing")) if s not in language.stop_stems)


@dataclass(frozen=True)
class Aside:
    """What one question sets aside: its stems, and the question's concepts named only there."""

    stems: frozenset[str] = frozenset()
    concepts: frozenset[int] = frozenset()

    @classmethod
    def read(cls, question: str, language: Pipeline, concepts: Sequence[Concept]) -> Aside:
        aside = stems(question, language)
        return cls(aside, frozenset(i for i, c in enumerate(concepts)
                                    if any(set(alt) <= aside for alt in c.alternatives))) if aside else NOTHING

    def lighter(self, weights: list[float]) -> list[float]:
        """The weights with the concepts set aside made light: a fact that names them ("cooperation beyond arrest
        warrants") may still be the answer, but they are not what makes one."""
        return [w * ASIDE_SHARE if i in self.concepts else w for i, w in enumerate(weights)]

    def after_titled(self, ranked: list[Candidate], concepts: Sequence[Concept], weights: Sequence[float],
                     doc_freq: Callable[[set[str]], dict[str, int]], n: int) -> list[Candidate]:
        """The ranking with each fact whose title is about what is set aside moved last: it is what the member
        already has. A title is about it when it names most of its words' weight ("Duterte" more than "surrender")
        and no weighty word of the rest of the question: "besides Duterte, which other success" is not answered by
        the Duterte fact, but "besides halting the measures, what else does CICC ask the US" is answered by the fact
        titled "CICC: the US should halt its measures and move toward joining the ICC". `doc_freq` is read only when
        something is set aside."""
        if not self.stems:
            return ranked
        df = doc_freq(set(self.stems))
        weight = {s: math.log(1 + n / (1 + df[s])) for s in self.stems if df.get(s)}  # no title holds an unknown
        whole = sum(weight.values())
        if not whole:
            return ranked
        rest = [i for i in range(len(concepts)) if i not in self.concepts]
        heavy = max((weights[i] for i in rest), default=0.0)

        def about_aside(c: Candidate) -> bool:
            return sum(w for s, w in weight.items() if s in c.terms.title_stems) >= whole / 2 and \
                not any(weights[i] >= heavy * TITLED_REST and c.titled(concepts[i]) for i in rest)

        named = [c for c in ranked if about_aside(c)]
        return [c for c in ranked if c not in named] + named if named else ranked


NOTHING = Aside()
