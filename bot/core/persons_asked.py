"""Whose role or what name a question asks for: "who is the ASP President" asks for the holder of the President's
role at the ASP; "the name of the German software" for the name of the software; "which former head of state" for a
President; whom someone dealt with ("who did the minister talk to"), and who put a statement out ("who signed the
release"). `bot.core.intent` reads the rest of a question; this is the reading of its person questions, kept apart
because a role, its organisation and a thing named each need their own words read."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.core import countries, question_kinds
from bot.core.prefilter import gated
from bot.core.question_kinds import ROLES, WITH_WHOM
from bot.core.text import STOP_WORDS, Pipeline, first_run

_ROLE = rf"(?P<role>{ROLES})(?:e?s?)"  # "représentante(s)": the feminine of a role
# "who is the president of the ASP", "name of the ASP president", "fidh's rep", "qui est le président de l'AEP"
_NOW = r"(?:\s+(?:current|present|actuel|actuelle|actuels|actuelles)\b)?"  # "le président actuel de", "ICC's current"
_ROLE_OF = re.compile(rf"\b{_ROLE}\b{_NOW}(?:\s+(?P<prep>of|at|for|de|du|des|de la|de l)\b\s*"
                      r"(?:the\s+|la\s+|le\s+|l\s+)?(?P<org>[a-z0-9][a-z0-9 -]{0,40}))?")
_ORG_ROLE = re.compile(rf"\b(?P<org>[a-z0-9-]+)(?:\s+s)?{_NOW}\s+{_ROLE}\b")

# "apart from the judges themselves, who ...": those left aside are not the role asked about
_BESIDES = re.compile(r"\b(?:apart from|aside from|besides|other than|except|[aà] part|en dehors d\w*|hormis|outre)\b"
                      r"(?:\s+[\w'’-]+){1,4}?(?=[\s,]+(?:who|qui)\b)", re.I)
# "the paper on immunity of heads of state": leaders as a subject, not a head whose name is asked ("which heads ...")
_HEADS_OF_STATE = re.compile(r"\b(?P<which>(?:which|what|quels?) (?:\w+ )?)?(heads? of states?|chefs? d? ?etats?)\b")
_WITH_WHOM = re.compile(WITH_WHOM)

# whom one dealt with ("who did the minister talk to", "avec qui"); not "with whom he spoke"
_COUNTERPART = re.compile(r"\b(?:with|to) whom?\b(?! (?:the|he|she|they|his|her|their|a|an)\b)"
                         r"|\bwhom? (?:else )?(?:did|does|do|has|have|had) "
                         r"(?:\w+ ){1,8}?(?:also )?(?:talk|talked|speak|spoke|spoken|meet|met|consult|consulted|"
                         r"hold talks|(?:have|had|hold)(?: \w+)? conversations)\b"
                         r"|\b(?:talk|talked|spoke|speak|met|meet|consulted)(?: \w+)? (?:with|to) (?:which|what)\b"
                         r"|\bavec qui\b(?! (?:le|la|les|l|il|elle|ils|elles|on|son|sa|ses|leur|leurs|un|une|des)\b)")
# asked first in its sentence, "avec qui" asks whom, whoever follows: "après les sanctions, avec qui le ministre
# s'est-il entretenu ?" (read on the folded question, which keeps its commas)
_COUNTERPART_FIRST = re.compile(r"(?:^\W*|[,;:.?!]\s*)avec qui\b")
# who spoke for a state or an office ("who spoke on behalf of the Netherlands"): an office will do, though the
# office asked is not whom one dealt with
_SPOKE_FOR = re.compile(r"\bwho (?:spoke|responded|reacted) (?:for|on behalf of)\b")


def whom_asked(text: str, folded: str) -> bool:
    """Whom someone dealt with is asked: `text`, the question's words; `folded`, the question folded whole."""
    return bool(_COUNTERPART.search(text) or _COUNTERPART_FIRST.search(folded))


def counterpart_asked(text: str, folded: str) -> bool:
    """Whom someone dealt with, or who spoke for a state or an office: an office will do for either."""
    return whom_asked(text, folded) or bool(_SPOKE_FOR.search(text))


# who put the words out ("which US official announced the sanctions", "qui a signé les communiqués", "whose press
# statements does LRWC cite"): the author of a release; not those a release designated ("who was sanctioned in
# Rubio's announcement", "qui a été visé par les sanctions annoncées")
_AUTHOR = re.compile(r"\b(?:who(?! (?:did|does|do) )|whos|which(?: \w+){0,2}? (?:official|person)|qui|"
                     r"quel(?:le)? (?:\w+ )?"
                     r"(?:responsable|secretaire|ministre|personne))(?: \w+){0,6}? (?P<verb>announc(?:ed|es|ing|e)|"
                     r"issu(?:ed|es|ing|e)|put(?:s|ting)? out|sign(?:ed|s|ing)?|releas(?:ed|es|ing)|"
                     r"(?<!par )(?<!de )(?<!une )(?<!cette )annonce|annoncait|signe|publie)\b|"
                     r"\bwhose (?:\w+ )?(?:statements?|releases?|announcements?)\b")
_PASSIVE = re.compile(r"\b(?:was|were|got|been|get|gets|is|are) \w+ed\b|\bete\b")  # "été visé": "a" is dropped


def author_asked(text: str) -> re.Match[str] | None:
    """Where a question asks who issued a statement or release (`text` as `bot.core.text.words` folds it); not
    "who did Rubio announce sanctions against", which asks whom."""
    match = _AUTHOR.search(text)
    return match if match and not _PASSIVE.search(match.group(0)) else None


# who spoke at an event ("who spoke at the side event on ...", "c'était qui les intervenants"), asked of its speakers'
# names; not who spoke for a state in its reaction, which its office may answer ("the Dutch reaction - who spoke")
_SPEAKERS_ASKED = re.compile(r"\bwho (?:spoke|speaks|were the (?:speakers|panell?ists)|was on the panel|presented"
                             r"|talked)\b|\bqui (?:a|ont) (?:parle|pris la parole|intervenu)\b|\bintervenants?\b"
                             r"|\bpanell?istes?\b")
_STATE_REACTED = re.compile(r"\b(?:reaction|reactions|reacted|responded|response|reagi\w*)\b")
_SPEAKER_ROLES = (None, "intervenant", "panelist", "panellist", "speaker")


def speakers_asked(question: str, folded: str, role: str | None) -> bool:
    """Who spoke at an event is asked (`folded`: the question folded whole; `role`: the role it names, if any)."""
    return role in _SPEAKER_ROLES and bool(_SPEAKERS_ASKED.search(folded)) and not (
        _STATE_REACTED.search(folded) and (countries.named_in(question) or countries.by_adjective(question)))


# "the name of the software", "names of the deputy prosecutors", "comment s'appelle le procureur": a name of that thing
_NAME_OF = gated(question_kinds.NAMES_AND + r"(?:of|for) (?:the |a |an |its |their |le |la |les |l )?(?P<rest>.*)"
                 r"|\bcomment (?:s )?appell?e(?:nt)? (?:le |la |les |l )?(?P<rest_fr>.*)"
                 r"|(?<!au )\bnoms? (?:du|des|de la|de l|de|d) (?P<rest_nom>.*)")  # not "au nom de": for
# the thing named before: "le logiciel s'appelle comment", "which german software ..., what's it called", "what's
# the software called that replaced ..." (not "what's the FIDH president called": a role, maybe misspelt)
_CALLED_AFTER = re.compile(r"\bappell?e(?:nt)? comment\b|\bwhat(?: s| is|s)? (it|that) called\b"
                           r"|\bwhat(?: s| is|s)? the(?: \w+){1,3} called (?=that|which|who)")

_CALLED = frozenset("appelle appellent called named".split())  # "le président de la FIDH s'appelle comment"


class Person(NamedTuple):
    """What a person question asks: whose role, or the name of what."""

    role: str | None  # "president"
    org: str | None  # whose role, as typed ("asp")
    focus: tuple[str, ...]  # stems of the thing whose name is asked ("software")
    rest: list[str]  # that thing as typed
    missing: tuple[str, dict[str, str]] | None  # what was asked, when it is worded apart from the role


def read(text: str, folded: str, language: Pipeline, author: re.Match[str] | None) -> Person | None:
    """The role and thing named a person question asks about; None when it asks whom someone dealt with."""
    focus: tuple[str, ...] = ()
    missing: tuple[str, dict[str, str]] | None = None
    if _WITH_WHOM.search(text) or whom_asked(text, folded):
        return None
    # a role's holder ("who is the ASP President"), not whom a holder spoke with ("whom did the Dutch minister
    # consult"), nor those a release named ("who announced the sanctions on the judges")
    before = text[:author.start("verb")] if author and author.group("verb") else text
    asked = _HEADS_OF_STATE.sub(lambda m: m.group(0) if m.group("which") else " ", _BESIDES.sub(" ", before))
    if _HEADS_OF_STATE.search(asked):  # "which former head of state": the fact gives the office, "President"
        role, org, missing = "president", None, ("missing_head_of_state", {})
    else:
        role, org = role_of(asked, language.stop_words | STOP_WORDS)
    acted = None if org else question_kinds.ROLE_VERB.search(text)  # "who presides over the ASP": its President
    verb_role = question_kinds.ROLE_VERBS[acted.group("verb")] if acted else None
    if verb_role and role in (None, verb_role):  # "who heads X", where role_of read "head" without its X
        role = verb_role
        after = [w for w in text[acted.end():].split() if w not in language.stop_words and w not in STOP_WORDS
                 and w != "over"]
        org = after[0] if role in ("president", "representative", "representant", "head") and after \
            and not after[0].isdigit() else None  # of a body
    rest: list[str] = []
    named = _NAME_OF.search(text)
    if named:
        group = []  # "the name of the german software the ICC uses": the thing named is "software"
        for w in (named.group("rest") or named.group("rest_fr") or named.group("rest_nom") or "").split()[:3]:
            if w in language.stop_words or (group and not language.is_ordinary(w)):
                break  # "the name of the briefing paper FIDH launched": a name begins what follows
            group.append(w)
        rest = group[:1] if language.lang == "fr" else group[-1:]
        focus = tuple(language.stem(w) for w in rest)
    elif not role and _CALLED_AFTER.search(text):  # the first thing named: its head, last in English
        run = first_run(text, language.stop_words | STOP_WORDS)
        rest = run[:1] if language.lang == "fr" else run[-1:]
        focus = tuple(language.stem(w) for w in rest)
    if rest and not role:
        missing = ("missing_name_of", {"thing": _of(text, rest[0]) if language.lang == "fr" else rest[0]})
    return Person(role, org, focus, rest, missing)


def role_of(text: str, stop_words: frozenset[str]) -> tuple[str | None, str | None]:
    """The role named and whose it is, as typed: ("president", "asp"), taken where the role is named again with
    its organisation ("le président (ou la présidente) de la CPI"); the organisation ends where the sentence goes
    on, and a year or a session is when, not whose."""
    matches = list(_ROLE_OF.finditer(text))
    if not matches:
        return None, None
    match = next((m for m in matches if m.group("org") and m.group("role") == matches[0].group("role")), matches[0])
    role = {"rep": "representative", "spokesman": "spokesperson", "secretaire etat": "secretaire d etat"}.get(
        match.group("role"), match.group("role")).replace("-", " ")
    org = (match.group("org") or "").strip()
    if match.group("prep") == "at" and re.match(r"[a-z]+ \d", org):  # "Registrar at ASP23": when, not whose
        org = ""
    if not org:
        before = _ORG_ROLE.search(text)
        whose = before.group("org") if before else ""
        if whose and whose not in stop_words and whose not in question_kinds.NOT_WHOSE and not whose.isdigit():
            org = whose
    named = []  # the organisation's name ends where the sentence goes on ("de la CPI qui est en congé")
    for word in org.split()[:3]:
        if word in stop_words or word.isdigit() or word in _CALLED:  # "des juges de 2026": a year, not whose
            break
        named.append(word)
    return role, " ".join(named) or None


@lru_cache(maxsize=256)
def plural_role(role: str) -> re.Pattern[str]:
    """The role in the plural as a noun ("les juges"), not a verb ("who heads it"), "the prosecutors name" nor
    leaders as a subject ("the heads-of-state immunity paper")."""
    return re.compile(rf"\b(the|les|des|its|their|which|what|all|these|those|ces|quels|quelles|\d+|two|three|four|"
                      rf"five|six|deux|trois|quatre|cinq)\s+(\w+\s+)?{re.escape(role)}s\b(?! (?:full )?name\b)"
                      r"(?![\s-]+of[\s-]+states?\b)")


_FRENCH_OF = {"le": "du ", "du": "du ", "la": "de la ", "l": "de l'", "les": "des ", "des": "des ", "d": "d'"}


def _of(text: str, word: str) -> str:
    """The thing whose name is asked, as French says it after "le nom": "du logiciel", "de la Cour", "de l'outil"."""
    article = re.search(rf"\b(le|la|l|les|du|des|d) {re.escape(word)}\b", text)
    return (_FRENCH_OF[article.group(1)] if article else "de ") + word
