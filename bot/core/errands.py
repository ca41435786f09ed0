"""The errand a member tells before asking: "I'm preparing a briefing for our board. Which article ...?", "Je
prépare une note pour notre coalition nationale à Ouagadougou. Quels États ...?". That sentence says what the
answer is for, not what is asked: the board, the city or the ministry it names are no part of what a fact must
hold, and an unknown place named there would count against every fact as the question's subject. So when a question
follows, the errand is left out of what is searched, and only what it is about ("... on the withdrawals") is kept;
the question itself is read whole, and the reply still quotes the member's message as typed."""

from __future__ import annotations

import re

_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou|chers?|ch[eè]res?|"
    r"madame|monsieur)\b[^.!?]*?(?:[,.!]\s+|$))+", re.IGNORECASE)
# the asker, then what they are doing for whom: not "I read that the Court changed providers", which holds the subject
_ERRAND = re.compile(
    r"^(?:i.?m|i am|we.?re|we are|(?:our|my) [\w' -]{1,40}? (?:is|are)|i|we)\s+(?:\w+\s+)?"
    r"(?:preparing|drafting|writing|putting together|working on|compiling|updating|prepare|draft|write)\s+"
    r"(?:a|an|our|my|some|the)\b"
    r"|^(?:je|nous|on)\s+(?:\w+\s+)?(?:pr[eé]pare|pr[eé]parons|r[eé]dige|r[eé]digeons|[eé]cris|[eé]crivons|"
    r"travaille|travaillons|mets? \w+ point|finalise|finalisons)\s+(?:une?|des|notre|nos|ma|mon|la|le)\b",
    re.IGNORECASE)
# where the errand ends and what it is about begins: "... for our board on withdrawals", "... et je dois citer ..."
_TOPIC = re.compile(
    r"\s(?:on|about|regarding|concerning|after|following|before|ahead of|reminding|asking|urging|and|sur|concernant|"
    r"apr[eè]s|avant|(?:[àa] la )?suite (?:[àa]|aux|des?|du)|[àa] propos d\w*|rappelant|et)\s|,\s", re.IGNORECASE)
_ENDED = re.compile(r"(?<=[.!])\s+")
# a closing thanks after the question: "Merci d'avance.", "thanks in advance!" ("d'avance" is no part of the ask)
_THANKS = re.compile(r"(?:merci|thanks|thank you|cheers)(?: (?:d'avance|par avance|in advance|beaucoup|a lot|so much))?"
                     r"\W*", re.IGNORECASE)
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?P<thanks>[^.!?]*\W*)$")


def without_errand(question: str) -> str:
    """The question without the sentences before it that tell only the asker's errand, and without a closing
    thanks."""
    thanked = _LAST_SENTENCE.search(question.strip())
    if thanked and _THANKS.fullmatch(thanked["thanks"]):
        question = question.strip()[:thanked.start()]
    sentences = _ENDED.split(question.strip())
    if len(sentences) < 2:
        return question
    kept = [_told(s) for s in sentences[:-1]]
    if kept == sentences[:-1]:
        return question
    return " ".join([*filter(None, kept), sentences[-1]])


def _told(sentence: str) -> str:
    """The sentence without the errand it begins with, keeping what the errand is about."""
    unwelcomed = _GREETING.sub("", sentence)
    errand = _ERRAND.match(unwelcomed)
    if errand is None:
        return sentence
    rest = unwelcomed[errand.end():]
    topic = _TOPIC.search(rest)
    return rest[topic.end():] if topic else ""
