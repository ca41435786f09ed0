"""Whether a fact reports what came of something: not while it is pending (a call, a plan, a matter awaited), and
not when it only lists what took place ("FIDH co-sponsored several side events: ... on workplace culture, ...").
"What came out of the side event on workplace culture" is answered by the fact that gives its key messages, not by
the one that names the event among others."""

from __future__ import annotations

import re

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
_MESSAGES_ASKED = re.compile(rf"\b(?:{MESSAGES})\b")


def reports_outcome(folded: str, question: str) -> bool:
    """A folded fact reports what came of what the question asks about: what was said, found, decided or achieved,
    not only what took place; and, unless the question asks what was said at an event, nothing still pending."""
    return bool(_RESULT.search(folded)) and (not pending(folded) or bool(_MESSAGES_ASKED.search(fold(question))))
