"""Whether a fact reports what came of something: not while it is pending (a call, a plan, a matter awaited), and
not when it only lists what took place ("FIDH co-sponsored several side events: ... on workplace culture, ...").
"What came out of the side event on workplace culture" is answered by the fact that gives its key messages, not by
the one that names the event among others. Likewise what a measure did to people ("how have the sanctions hit ICC
officials"): not told by a fact that only says whom it targeted."""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

from bot.core.text import fold

_PENDING = re.compile(r"\b(pending|awaiting|await(s|ed)?|preparing to|prepares? to|(was|were|had been|is|are|not) "
                      r"expected|not yet|ha(s|ve) yet to|would reduce|urged?s?|calls? (on|for)|called (on|for)|"
                      r"dans l attente|en attente|en cours|s appret\w*|se prepar\w*|pas encore|exhort\w*|"
                      r"appel\w* (a|les)|considering|reportedly|imminent\w*|envisag\w*|proposed|propose|drafting|"
                      r"in draft|en cours d elaboration|would (?:address|consider|discuss|examine|take up)|"
                      r"to consider)\b")
# what a fact says came of something: what was said, stressed, found, decided or achieved
_RESULT = re.compile(r"\b(key messages?|messages? cles?|stress\w*|said|says|argu\w*|conclu\w*|found|agreed|adopt\w*|"
                     r"decid\w*|decision|result\w*|achiev\w*|outcome\w*|must|should|need\w*|essential|recommend\w*|"
                     r"condemn\w*|condamn\w*|elect\w*|elu\w*|welcom\w*|reaffirm\w*|insist\w*|soulign\w*|doivent|doit|"
                     r"affirm\w*|declar\w*|approv\w*|signed|signe\w*|estim\w*|accord\w*|resolution|no result|"
                     # what was done ("surrendered Duterte", "convicted"), and calls, which are what was said
                     r"surrender\w*|remis\w*|handed|charge\w*|convict\w*|condamne\w*|sentenc\w*|urg\w*|call\w*|"
                     r"ask\w*|demand\w*|appel\w*|exhort\w*)\b")


def pending(folded: str) -> bool:
    """A folded fact (curly apostrophes already straight) about a call, a plan or a matter still pending."""
    return bool(_PENDING.search(folded.replace("'", " ")))


# what was said at an event ("the key messages of the side event", "what came out of it"): a call made there is one;
# bot.core.question_kinds reads these words as asking an outcome
MESSAGES = r"c[oa]me out of|takeaways?|(?:key|main) (?:message|point)s?|messages? cles?|sortie? de"
# and what a discussion concluded ("what did the side event on workplace culture conclude"); what an investigation
# concluded is its finding, which a fact about it still pending does not report
_DISCUSSION = r"\b(?:side events?|panels?|discussions?|dialogues?|debates?)\b"
_MESSAGES_ASKED = re.compile(rf"\b(?:{MESSAGES})\b|{_DISCUSSION}.*\bconclu\w*|\bconclu\w*\b.*{_DISCUSSION}")


def reports_outcome(folded: str, question: str) -> bool:
    """A folded fact reports what came of what the question asks about: what was said, found, decided or achieved,
    not only what took place; and, unless the question asks what was said at an event, nothing still pending."""
    return bool(_RESULT.search(folded)) and (not pending(folded) or bool(_MESSAGES_ASKED.search(fold(question))))


# what a measure did, asked (folded words): "how have the US sanctions hit people", "what damage have they done",
# "what have they done to the NGOs", "en quoi les sanctions ont gêné", "concrètement les sanctions font quoi aux ONG"
_MEASURE = r"(?:sanctions?|measures?|designations?|listings?|mesures?|decret|order)"
EFFECT_ASKED = re.compile(
    r"\bwhat (?:sort of |kind of |kinds of )?(?:damage|harm|impact|effects?|consequences?) (?:have|has|did|do|does|"
    rf"would|will|could)\b|\bhow (?:have|has|did|do|does|would|will|could) (?:\w+ ){{0,3}}?{_MEASURE} "
    r"(?:\w+ ){0,2}?(?:hit|hurt|harm\w*|damag\w*|affect\w*|impact\w*)\b"
    rf"|\bwhat (?:have|has|had|did) (?:\w+ ){{0,3}}?{_MEASURE} (?:\w+ )?(?:done|do) to\b"
    rf"|\ben quoi (?:\w+ ){{0,3}}?{_MEASURE}\b(?: \w+){{0,6}}? (?:gene|genent|gener|genes|genees|penalis\w*|affect\w*|"
    rf"touch\w*|nui\w*|entrav\w*)\b|\b{_MEASURE}\b(?: \w+){{0,4}}? (?:fait|font|change|changent|empech\w*|priv\w*) "
    r"quoi\b"
    r"|\bquels? (?:sont )?(?:les )?(?:effets|degats)\b"
    # what a change means for the Court: "what does going from 125 to 121 members mean for the court", "so what if
    # a few states leave", "et concrètement ça change quoi pour la Cour"
    r"|\bwhat (?:does|do|would|will) (?:\w+ ){0,8}?mean (?:\w+ )?(?:for|in practice|practically|concretely)\b"
    r"|(?<!if )\bso what(?: if\b|$)|^(?:et |mais |bon )?(?:concretement )?(?:ca |cela )?change quoi\b")
# what a fact says a measure did: restricted, cut off, hampered, isolated
_EFFECTS = re.compile(r"\b(effects?|impacts?|consequen\w*|restrict\w*|hamper\w*|hinder\w*|cut off|cut ties|isolat\w*|"
                      r"blacklist\w*|harm\w*|damag\w*|disrupt\w*|prevent\w*|block\w*|froze|frozen|forced|means?|less|los(?:e|s|ing)|"
                      r"weaken\w*|undermin\w*|impossible|silenc\w*|moins|pert\w*|affaibl\w*|signifi\w*|"
                      r"effets?|restreint\w*|entrav\w*|isole\w*|empech\w*|prive\w*|coupe\w*|nui\w*|gel\w*|"
                      r"force\w*|bloqu\w*|contraint\w*|perturb\w*)\b")


# a text coming into force ("takes effect", "entre en vigueur"): a date, neither an effect nor a reason
IN_FORCE = re.compile(r"\b(takes?|took|taking|taken|comes?|came|into) effect\b|\bprend\w* effet\b|\ben vigueur\b")


def reports_effect(folded: str) -> bool:
    """A folded fact says what a measure did to those it reached (restricted their banking, cut them off)."""
    return bool(_EFFECTS.search(IN_FORCE.sub(" ", folded)))


# a call a fact reports (folded): "CICC urged States Parties to engage with service providers", "HRW calls on
# members", "la CICC demande aux États"
_CALLED = re.compile(r"\b(urg(?:e|es|ed|ing)|calls? (?:on|for|upon)|called (?:on|for|upon)|asks?|asked|demand\w*|"
                     r"recommend\w*|request\w*|exhort\w*|appel\w* (?:a|les)|recommand\w*|demande\w*)\b")
CALL_SHARE = 0.6  # how much of the top fact's coverage a fact reporting a call must have to go before it


class Ranked(Protocol):  # a bot.core.matching.Candidate, which this module cannot import (matching reads it)
    raw: str
    coverage: float


R = TypeVar("R", bound=Ranked)


def call_first(ranked: list[R], least: float) -> list[R]:
    """For a question about what someone asks ("what's the coalition's ask wrt banks"): a fact that reports a
    call ahead of one that only reports a warning or a fact about the same things ("CICC warned that banks might
    cut ties"), when it covers nearly as much of the question, and at least `least` of it (enough to be chosen)."""
    if not ranked or _CALLED.search(fold(ranked[0].raw)):
        return ranked
    for c in ranked[1:3]:
        if c.coverage >= max(CALL_SHARE * ranked[0].coverage, least) and _CALLED.search(fold(c.raw)):
            return [c, *[x for x in ranked if x is not c]]
    return ranked
