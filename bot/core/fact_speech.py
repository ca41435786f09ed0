"""Whose words a fact reports: a verb of saying or a quotation near the speaker's name, where the speaker is the
one saying it ("X says", "X: '...'") and not a name inside what someone else reports ("LRWC reports that the US
has sanctioned the UN Human Rights Council's Special Rapporteur") or inside a quoted title. "What did South Africa
say" is not answered by a fact that lists South Africa among those who reacted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.core.fact_tokens import Expand, fact_tokens, phrase_positions, stem_set
from bot.core.question_kinds import ROLES
from bot.core.text import Pipeline, fold

# words that report what someone said, and quotation marks
_CRIMES = ("crime", "crimes", "hate", "haine")
_SPEECH = frozenset("say says said tell tells told state states stated call calls called urge urges urged note notes "
                    "noted welcome welcomes welcomed argue argues argued warn warns warned describe describes "
                    "described condemn condemns condemned stress stresses stressed recommend recommends recommended "
                    "ask asks asked write writes wrote report reports reported express expresses expressed declare "
                    "declares declared regret regrets regretted insist insists insisted criticise criticises "
                    "criticised criticize criticizes criticized praise praises praised deplore deplores deplored "
                    "quote quotes quoted cite cites cited statement speech remarks words "
                    "dit disent declare declarent appelle appellent exhorte exhortent note notent salue saluent "
                    "estime estiment affirme affirment avertit decrit condamne condamnent souligne soulignent "
                    "recommande recommandent demande demandent ecrit ecrivent qualifie qualifient regrette "
                    "regrettent critique critiquent declaration discours propos according lists list counts sees "
                    "considers believes highlights interview spoke speak speaks exprime selon cite citent liste "
                    "voit considere".split())
_POSSESSIVE = frozenset("his her their its ses son sa leur leurs".split())
# a speech named, not reported: "the reports of the Court President", "le discours du Greffier" (what they said is
# not given)
_SPEECH_NOUNS = frozenset("report reports speech speeches statement statements remarks discours declaration "
                          "declarations".split())
_NAMING = frozenset("the a an le la les un une".split())
_OF = frozenset("of by de du des d".split())
_QUOTE = re.compile(r"[\"“”«»]")
_ROLE_WORDS = tuple(ROLES.replace("-", " ").replace("|", " ").split())


SAID_NEAR = 8  # words between whose words are asked and the verb that reports them


def quoted(fact: str, speaker: tuple[str, ...], expand: Expand, language: Pipeline) -> bool:
    """The fact reports what the speaker said: a reporting verb or a quotation near one of the speaker's words."""
    tokens, said = _reported(fact, language)
    if not said:
        return False
    # the whole name, its last word ("the UN Human Rights Council": Council) or a title in it ("judge Guillou":
    # judge), not "human" or "UN" alone
    named = [speaker, ("the", *speaker), speaker[-1:], *((w,) for w in speaker if w in stem_set(_ROLE_WORDS, language))]
    where = phrase_positions(tokens, [p for w in named for p in expand(w)])
    whole = set(phrase_positions(tokens, [p for w in named[:2] for p in expand(w)]))
    own = set(phrase_positions(tokens, named))  # the name itself, not a word it stands for ("French" for France)
    quoted = _inside_quotes(tokens)  # "... Targets U.S. and Israeli Persons": a title that names, not a speaker

    def reported_by_another(s: int, w: int) -> bool:  # "LRWC reports that the US has sanctioned the Council's
        # Special Rapporteur": the Council is in what LRWC reports, not speaking; "FIDH gives ... Francesca Albanese
        # as examples of those targeted, and calls ...": an example another gives, not one who speaks
        return (s < w and any(tokens[k][0].lower() in ("that", "que", "qu") for k in range(s + 1, w))) or (
            w < s and any(tokens[k][0].lower().startswith(("exampl", "exempl")) for k in range(w + 1, s)))

    def near(s: int, w: int) -> bool:  # "Guillou, a French judge sanctioned by the US, headlined with his words":
        # "his words" are the words of the one named before, by name ("a French judge" is no France speaking)
        his = s > 0 and tokens[s - 1][0].lower() in _POSSESSIVE and w < s and w in own and tokens[w][0][:1].isupper()
        return abs(w - s) <= (2 * SAID_NEAR if his else SAID_NEAR)

    def anothers(w: int) -> bool:  # "FIDH President Alexis Deswaef": a president, not the ICC's
        if w == 0 or w in whole:
            return False
        word, stem = tokens[w - 1]
        return len(word) > 1 and word.isalpha() and word.isupper() and stem not in speaker

    return any(near(s, w) and not reported_by_another(s, w) for w in where if w not in quoted and not anothers(w)
               for s in said)


def _inside_quotes(tokens: Sequence[tuple[str, str]]) -> set[int]:
    inside, positions = False, set()
    for i, (word, _) in enumerate(tokens):
        if word == "QUOTE":
            inside = not inside
        elif inside:
            positions.add(i)
    return positions


@lru_cache(maxsize=4096)
def _reported(fact: str, language: Pipeline) -> tuple[tuple[tuple[str, str], ...], tuple[int, ...]]:
    """A fact's tokens (quotation marks as a token of their own) and where its words report speech; not a speech
    word naming a kind of crime ("events on speech crimes", "discours de haine") nor one naming a speech without
    reporting it ("the reports of the Court President")."""
    tokens = fact_tokens(_QUOTE.sub(" QUOTE ", fact), language)
    speech, crimes = stem_set(_SPEECH, language), stem_set(_CRIMES, language)

    def names_a_speech(i: int) -> bool:
        return (0 < i < len(tokens) - 1 and fold(tokens[i][0]) in _SPEECH_NOUNS
                and fold(tokens[i - 1][0]) in _NAMING and fold(tokens[i + 1][0]) in _OF)

    return tokens, tuple(i for i, (word, stem) in enumerate(tokens) if word == "QUOTE" or (stem in speech and not any(
        tokens[j][1] in crimes for j in (i - 2, i - 1, i + 1) if 0 <= j < len(tokens)) and not names_a_speech(i)))
