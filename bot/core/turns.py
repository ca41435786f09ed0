"""Turns of events a question asks about: whether the sanctions were lifted, a judge resigned, an order was rescinded,
a measure challenged in court, a state spoke at the Assembly, one who speaks in a fact was sanctioned themselves,
what one said themselves. The sources stop at a date, and these are the later steps members ask after. A fact about
the sanctions or the order shares every other word of such a question, so words alone would answer "did the US lift
the sanctions on the judges" with the fact that they were imposed; a fact answers it only when it mentions that step
itself (or a word the synonyms give for it), and not only as a call ("LRWC urges the US to rescind EO 14203" does
not say it was rescinded), unless the question asks about the call ("does LRWC want the US to revoke EO 14203").
Otherwise the honest reply is partial: "the curated facts don't say whether that happened". So is a matter the fact
reports as considered or urged, asked about as done by now or as a forecast ("has the US now sanctioned the whole
Court", "will it").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.core.holds import SUGGESTED, pending
from bot.core.intent import Wants
from bot.core.prefilter import Gated, gated
from bot.core.text import ENGLISH, Concept, fold, folded_words
from bot.core.text_fr import FRENCH

# the step, as a member types it (folded, unstemmed: a concept's label)
_TURNS = {
    "en": re.compile(r"(resign\w*|lift(s|ed|ing)?|revok\w*|rescind\w*|repeal\w*|overturn\w*|revers(ed|al)|"
                     r"cancel+(ed|ing|ation)?|sue[sd]?|suing|lawsuits?|reinstat\w*|convict\w*|acquit\w*|re-?join\w*|"
                     r"re-?accede\w*|re-?accession)"),
    "fr": re.compile(r"(demission\w*|lev(e|ee|ees|es|er|ent|era|eront)|leve[er]s?|abrog\w*|annul\w*|revoqu\w*|"
                     r"retabli\w*|poursuivi\w*|recours|reintegr\w*|readhe\w*)"),
}
# "appel" is a call unless one "fait appel" (appeals a decision)
_APPEALED = {"fr": re.compile(r"\b(fait|faire|fera|interjete|interjeter) appel\b"),
             "en": re.compile(r"\bappeal(s|ed|ing)?\b")}


def unheld(wants: Wants, concepts: Sequence[Concept], credit: Mapping[int, float], fact: str, question: str,
           lang: str) -> tuple[str, dict[str, str]] | None:
    """("missing_event", {}) when the question asks about a turn of events the fact (whose `credit` is given)
    never mentions, or mentions only as a call; None otherwise."""
    pattern = _TURNS.get(lang)
    if pattern is None:
        return None
    appealed = lang in _APPEALED and _APPEALED[lang].search(fold(question)) is not None
    turns = [i for i, concept in enumerate(concepts)
             if pattern.fullmatch(concept.label) or (appealed and concept.label.startswith("appe"))]
    if not turns:
        return None
    if all(i not in credit for i in turns):  # "convicted or acquitted": one the fact holds will do
        return "missing_event", {}
    if pending(fold(fact)) and not wants.calls:
        return "missing_event", {}
    return None


# a pending matter asked about as done ("has the US now sanctioned the whole Court", "did they go ahead", "... yet?")
# or as a forecast ("will the US sanction ...", "is Washington going to ...", "is the US likely to join ... any time
# soon", "les Américains vont-ils ..."): a fact
# reporting it as considered, urged or awaited says neither whether it happened nor whether it will
# or as done in the end ("did ASP24 finally appoint a chair", "did they manage to", "l'AEP24 a-t-elle enfin trouvé un
# président", "ont-ils réussi à"): a fact that only suggests it does not say it was done
_FINALLY = re.compile(r"\b(?:(?<!should )(?<!must )finally|in the end|ended up|end up|eventually|enfin|finalement"
                      r"|fini par|au final|manag(?:e|ed) to|succeed(?:ed)? in|(?:a|ont) (?:\w+ )?(?:reussi|"
                      r"pu) a|(?:est|sont) (?:\w+ )?parvenue?s? a)\b")
_DONE = re.compile(r"\b(?:go(?:ne|es)? ahead|went ahead|by now|(?:has|have) (?:\w+ ){1,3}?now \w+ed)\b"
                   r"|^(?:\w+ ){0,2}?(?:has|have|did|is|are)\b.*\byet$")
_FORECAST = re.compile(r"^(?:\w+ ){0,2}?(?:will|(?:is|are) (?:\w+ ){1,3}?(?:going|likely) to|gonna)\b|\bany time soon\b"
                       r"|\b(?:vont|va)(?: t)?(?: ils| elles| il| elle)? \w+(?:er|ir|re)\b")
# a fact that itself says what is expected or still stands ("was not expected to decide", "would be set at ASP24",
# "remain unresolved") answers those questions
_FORESEEN = re.compile(r"\b(?:expected|would|will|remains?|remained|not yet|attendu\w*|devrai\w*|sera|seront|"
                       r"rest(?:e|ent|ait|aient)|pas encore)\b")
# where a matter stands, which answers whether it was done in the end
_STANDS = re.compile(r"\b(?:remains?|remained|not yet|(?:is|was|were|are) expected|attendu\w*|rest(?:e|ent|ait|aient)|"
                     r"pas encore)\b")


_SENTENCE = re.compile(r"(?<=[.!?;])\s+")


def _sentence_asked(fact: str, plain: str) -> str:
    """The fact's sentence sharing most words with the question (folded): "the special session achieved no result"
    for what came of the session, "he suggests finding a chair" for whether a chair was found."""
    asked = {w[:5] for w in plain.split() if len(w) > 3}
    return max(_SENTENCE.split(fact), key=lambda s: len(asked & {w[:5] for w in folded_words(s).split() if len(w) > 3}))


def unsettled(wants: Wants, fact: str, question: str) -> tuple[str, dict[str, str]] | None:
    """("missing_event", {}) or ("missing_forecast", {}) when a yes/no question asks whether a matter the fact
    reports as pending has happened or will happen; None otherwise."""
    if wants.kind not in (None, "outcome") or wants.calls:  # "did they find a chair in the end" asks an outcome
        return None
    folded, plain = fold(fact), folded_words(question)
    finally_ = _FINALLY.search(plain)
    said = fold(_sentence_asked(fact, plain)) if finally_ else folded  # what it says of the matter asked
    if not (pending(folded) or (finally_ and SUGGESTED.search(said))):
        return None
    if _FORECAST.search(plain):
        return None if _FORESEEN.search(folded) else ("missing_forecast", {})
    if finally_:  # a fact saying where the matter stands ("not yet", "remain unresolved") answers it
        return None if _STANDS.search(folded) else ("missing_event", {})
    return ("missing_event", {}) if _DONE.search(plain) and not _FORESEEN.search(folded) else None


# words that name a case in a court, in a question or a fact
_LITIGATION = (r"lawsuits?|sued|suing|legal challenges?|court challenges?|injunctions?|litigation"
               r"|recours (?:en justice|juridique|judiciaire|contentieux)")
# a measure taken to court, asked about ("did a US federal court block EO 14203", "Albanese a-t-elle contesté ses
# sanctions devant un tribunal américain", "has anyone sued"): not an ICC chamber's ruling ("the Appeals Chamber")
_TAKEN_TO_COURT = gated(
    r"\b(?:federal|us|u s|american|national|domestic|french|district|supreme) (?:court|judge|tribunal)s? (?:\w+ ){0,3}?"
    r"(?:block|suspend|halt|strik|struck|overturn|enjoin|rul|froze|freez|paus|stay|invalidat|annul)\w*"
    r"|\b(?:block|suspend|halt|struck|overturn|enjoin|froze|paus|invalidat|annul)\w* (?:\w+ ){0,4}?by (?:a |an )?"
    r"(?:\w+ )?(?:court|judge)s?\b"
    r"|\b(?:challeng|contest|sue|sued|suing|appeal|fight|fought|taken|took|take|brought|bring)\w* (?:\w+ ){0,5}?"
    r"(?:in|before) (?:a |an )?(?:\w+ )?courts?\b|\bto court\b"
    rf"|\b(?:{_LITIGATION})\b"
    r"|\b(?:tribunal|juge|cour|justice)s? (?:federale?|americaine?|francaise?|nationale?|us|interne)s? (?:\w+ ){0,4}?"
    r"(?:suspend|bloqu|annul|invalid|gele|censur)\w*"
    r"|\b(?:saisi\w*|attaqu\w*|contest\w*|poursuiv\w*|recours) (?:\w+ ){0,4}?(?:devant|en) "
    r"(?:la |un |une |le |les |des )?(?:justice|tribunal|tribunaux|juges?)\b"
    r"|\bsaisi\w* (?:la justice|un tribunal|les tribunaux|un juge)\b|\bpoursuites? judiciaires?\b")
# a fact reporting a case in a court: a lawsuit, a ruling or order of a national court, a challenge brought
_COURT_CASE = re.compile(rf"\b(?:{_LITIGATION}|court cases?|(?:federal|district|us|national|domestic) "
                         r"(?:court|judge)s? (?:\w+ )?(?:ruled|blocked|suspended|found|held|ordered)|en justice"
                         r"|devant (?:un|les|le) tribunal)\b")


def _ungiven(asked: Gated, given: re.Pattern[str], question: str, fact: str,
             key: str = "missing_event") -> tuple[str, dict[str, str]] | None:
    """(key, {}) when the question's words match `asked` and the folded fact has nothing `given` matches."""
    if not asked.search(folded_words(question)) or given.search(fold(fact)):
        return None
    return key, {}


def unlitigated(question: str, fact: str) -> tuple[str, dict[str, str]] | None:
    """("missing_event", {}) when the question asks whether a measure was taken to court (a lawsuit, a national
    court's ruling) and the fact reports no such case: a fact about the measure says nothing of one."""
    return _ungiven(_TAKEN_TO_COURT, _COURT_CASE, question, fact)


# whether someone spoke at or attended a meeting ("did the US speak at ASP24", "Israël a pris la parole à l'AEP24 ?",
# "which states took the floor in the general debate", "did Albanese attend in person"); not "who spoke for the
# Coalition", which asks for a name
_SPOKE_ASKED = gated(
    r"\b(?:did|does|do|has|have|had|will|is|was|were)\b (?:\w+ ){0,5}?(?:(?:speak|spoke|spoken|speaking)"
    r"(?! (?:with|to|about)\b)|take the floor|took the floor|taken the floor|attend|attended|attending"
    r"|(?:send|sent) (?:\w+ ){0,2}?delegation)\b"
    r"|\b(?:which|what|how many) (?:\w+ ){0,3}?(?:states|countries|delegations|governments|speakers)\b (?:\w+ ){0,2}?"
    r"(?:spoke|speak|took the floor|take the floor|attended|addressed)\b"
    r"|(?<!qui )\b(?:a|ont|avait|avaient) (?:t )?(?:il |elle |ils |elles )?"
    r"(?:pris la parole|assiste|envoye (?:\w+ ){0,2}?delegation)\b"
    r"|\b(?:quels|combien d) (?:\w+ ){0,3}?(?:etats|pays|delegations) (?:\w+ ){0,3}?pris la parole\b")
_WHOM = re.compile(r"\b(?:with|to) whom\b")  # "with whom did they also speak": whom one talked to
# a fact reporting who spoke or was there: a speech, the floor taken, a statement made on someone's behalf
_SPOKE = re.compile(r"\b(?:spoke|speech|speeches|took the floor|addressed|delivered|remarks|attended|on behalf of"
                    r"|pris la parole|discours|au nom de|s est adresse\w*|a assiste|ont assiste)\b")


def unheard(question: str, fact: str) -> tuple[str, dict[str, str]] | None:
    """("missing_event", {}) when the question asks whether someone spoke at or attended a meeting and the fact
    reports no one speaking there: a fact urging states to use the general debate says nothing of who did."""
    asked = folded_words(question)
    if not _SPOKE_ASKED.search(asked) or _WHOM.search(asked) or _SPOKE.search(fold(fact)):
        return None
    return "missing_event", {}


# whether one named was sanctioned themselves ("was the CICC itself sanctioned", "HRW a-t-elle elle-même été visée",
# "has the US sanctioned the coalition for the icc itself", "is Danya Chaikel herself under US sanctions")
_SELF = r"(?:itself|himself|herself|themselves|elle meme|lui meme|eux memes|elles memes)"
_LISTED = r"(?:sanction\w*|vise\w*|target\w*|designat\w*|listed|blacklist\w*)"
_SELF_LISTED = gated(
    rf"\b(?:the |la |le |les |l )?(?P<who>(?:[a-z]+ ){{1,4}}?){_SELF} (?:as an? \w+ |en tant qu \w+ )?"
    rf"(?:(?:been|ete|was|were|is|are|put|on|the|us|under|a|t|elle|il)\s+){{0,4}}{_LISTED}"
    rf"|\b{_LISTED} (?:the |la |le |les |l )?(?P<whom>(?:[a-z]+ ){{1,4}}?){_SELF}\b")
_NOT_WHO = frozenset("was were is has have did does the la le les l a t been ete elle il us".split())
# a name's own words, the verb just after it ("HRW likewise says", "Deswaef said", "la FIDH demande")
_SAYS = (r"says?|said|stated|reports?|reported|calls?|called|urges?|urged|asks?|asked|argues?|argued|warns?|warned|"
         r"notes?|names?|named|cites?|gives?|lists?|responded|reacted|announced|declared|condemned|stressed|told|"
         r"wrote|recommends?|dit|affirme\w*|appelle\w*|demande\w*|estime\w*|rapporte\w*|nomme\w*|cite\w*|"
         r"indique\w*(?: de meme)?|a dit|a declare|a reagi|a repondu")
# the one named speaking ("HRW likewise says", "CICC: the US should ...") or whose someone is ("FIDH member
# organisations", "FIDH's representative"): not listed themselves
_SPEAKS = re.compile(rf"\s*:|['’]s\b|,?\s+(?:\w+ly\s+|also\s+|aussi\s+)?(?:{_SAYS}|member\w*|membres?)\b")
_SANCTIONED = re.compile(_LISTED)
NEAR = 80  # characters either side of a name for a sanction word to be about it


def _a_name(typed: str, words: list[str]) -> bool:
    """A word of the question among `words`, typed as a name: with a capital, or no everyday word in either language."""
    word = fold(typed).lower()
    return word in words and (typed[:1].isupper() or not (ENGLISH.is_ordinary(word) or FRENCH.is_ordinary(word)))


def unlisted(question: str, fact: str) -> tuple[str, dict[str, str]] | None:
    """("missing_event", {}) when the question asks whether one it names (a name, as typed with a capital) was
    sanctioned themselves and the fact names them only as who speaks ("HRW says the US has sanctioned ..."), not
    among those sanctioned."""
    asked = _SELF_LISTED.search(folded_words(question))
    if not asked:
        return None
    words = [w for w in (asked.group("who") or asked.group("whom")).split() if w not in _NOT_WHO]
    if not any(_a_name(typed, words) for typed in re.findall(r"\w+", question)):
        return None  # "were the judges themselves sanctioned": no one named
    text = fold(fact)
    name = re.compile(rf"\b{words[-1]}\b")  # the surname, the acronym: "Judge Nicolas Guillou" for "Judge Guillou"
    listed = any(not _SPEAKS.match(text, m.end()) and _SANCTIONED.search(text, max(0, m.start() - NEAR), m.end() + NEAR)
                 for m in name.finditer(text))
    return None if listed else ("missing_event", {})


# what one said themselves ("what did the ICC itself say", "how did the judges themselves respond", "the ICC's own
# statement"): their own words, which a fact about others' words on them does not give
_OWN_WORDS = gated(
    rf"\b(?P<who>[a-z]+) {_SELF} (?:\w+ ){{0,2}}?(?:say|said|respond|responded|react|reacted|dit|repondu|reagi)\b"
    r"|\b(?P<whose>[a-z]+) s own (?:statement|press release|release)\b(?: \w+){0,6}? (?:say|said|dit)\b")
_VOICED = (rf"(?:\s+(?:itself|also|has|had|have|then|later))?\s+(?:{_SAYS}|statement|release|communique)\b"
           r"|['’]s (?:own )?(?:statement|release)\b|\W+(?:\w+\W+){0,15}?(?:his|her|their|ses|leurs) (?:own )?"
           r"(?:words|propos)\b")
# the sources' publishers, as members name them (the store's publisher names are stems of whole names, "court"
# among them, so they cannot stand in for these)
_PUBLISHERS = frozenset("coalition cicc ccpi coalitions hrw watch fidh lrwc amnesty juris author auteur".split())


def unvoiced(question: str, fact: str) -> tuple[str, dict[str, str]] | None:
    """("missing_event", {}) when the question asks what one said themselves and the fact never has them speak:
    "CICC called sanctioning sitting judges 'a direct attack'" gives the Coalition's words, not the judges'."""
    asked = _OWN_WORDS.search(folded_words(question))
    if not asked:
        return None
    who = asked.group("who") or asked.group("whose")
    if who in _PUBLISHERS:  # the sources speak in every fact they give: the speaker checks read their words
        return None
    spoke = re.search(rf"\b{who}\w{{0,2}}{_VOICED}", fold(fact))
    return None if spoke else ("missing_event", {})


# how one named answered ("how did Italy respond to the finding", "what was the African Union's reaction", "l'Italie
# a répondu quoi", "la France, elle a réagi comment"), or whether they did at all ("has Washington responded"): a
# fact that has them react or speak, not one that only names them ("the Chamber found Italy failed to comply")
_ANSWERED = r"(?:respond\w*|react\w*|repl(?:y|ied|ies)|answer\w*)"
_HOW_REACTED = gated(
    rf"\b(?:how|what) (?:did|has|have|does|do) (?:the )?(?P<who>(?:[a-z]+ ){{1,3}}?)(?:government |govt |authorities )?"
    rf"(?:(?:officially|publicly|actually) )?{_ANSWERED}"
    r"|\bwhat (?:was|is|were) (?:the )?(?P<whose>[a-z]+(?: [a-z]+)?) s (?:official )?(?:reaction|response|reply)\b"
    r"|\bwhat (?:was|is) the (?:official )?(?:reaction|response) (?:of|from) (?:the )?(?P<of>[a-z]+(?: [a-z]+)?)"
    r"|\b(?:comment|qu est ce que|qu|(?<!est ce )que)\b(?: \w+){0,6}? (?:l |la |le )?(?P<fr>[a-z]+) (?:elle |il )?"
    r"(?:a t elle |a t il |t elle |t il )?(?:a |ont )?(?:repondu|reagi)\b"
    r"|\b(?P<fr_then>[a-z]+) (?:elle |il )?(?:a |ont )?(?:repondu|reagi) (?:quoi|comment)\b"
    r"|\bquelle (?:a ete |est |fut )?(?:la )?(?:reaction|reponse) (?:officielle )?(?:du|de la|de l|des|de) "
    r"(?:gouvernement )?(?P<de>[a-z]+)")
_HAS_REACTED = gated(
    rf"\b(?:has|have|did) (?:the )?(?P<who>(?:[a-z]+ ){{1,3}}?)(?:government |govt |authorities )?"
    rf"(?:(?:ever|officially|publicly|actually) )?{_ANSWERED}(?! to the sanctions\b)"
    r"|\b(?P<fr>[a-z]+) a t (?:il|elle) (?:repondu|reagi)\b")
_HEARD = (rf"(?:{_ANSWERED}|says?|said|stated|declared|announced|condemned|rejected|welcomed|reaction\w*|statement\w*|"
          r"declaration\w*|reponse\w*|reagi\w*|repondu\w*|a dit|dit|a declare|affirme\w*|condamn\w*|rejet\w*)")
_NOT_NAMES = frozenset("how what did has have does the la le l it they he she elle il government states parties etats "
                       "parties".split())


def unanswered(question: str, fact: str) -> tuple[str, dict[str, str]] | None:
    """("missing_event", {}) when the question asks how one it names (typed as a name) responded and the fact
    never has them react or speak (their name, then a saying within a few words, or a reaction or statement named
    shortly before them: "reactions from the ICC, civil society, the European Union"); or asks whether they
    responded and the fact neither has them speak nor tells of any reaction."""
    folded = folded_words(question)
    how = _HOW_REACTED.search(folded)
    asked = how or _HAS_REACTED.search(folded)
    if not asked:
        return None
    words = [w for w in next(g for g in asked.groups() if g).split() if w not in _NOT_NAMES]
    typed = re.findall(r"\w+", question)
    named = [w for w in words if len(w) > 1 and any(_a_name(t, [w]) for t in typed)]
    if not named or set(named) & _PUBLISHERS:
        return None
    text = fold(fact)
    # each word's root, "Italian" for "Italy", "African Union" whole (not the "European Union")
    root = r"\w*\W+".join(w[:max(4, len(w) - 3)] for w in named[-2:])
    heard = re.search(rf"\b{root}\w*(?:\W+\w+){{0,4}}?\W+{_HEARD}\b"
                      rf"|\b(?:reaction|response|statement|declaration|reponse)s?\b.{{0,{NEAR}}}\b{root}", text) \
        or (not how and re.search(rf"\b{root}", text) and re.search(rf"\b{_HEARD}\b", text))
    return None if heard else ("missing_event", {})


# the penalty a court imposed ("what was the Janjaweed leader sentenced to", "quelle est la peine infligée"), not
# "in a sentence": a fact that gives the term, not one that reports only the conviction
_SENTENCE_ASKED = gated(r"\b(?:what|which) (?:was |is |were )?(?:the |his |her |their )?(?:\w+ )?sentence\b(?! about)"
                        r"|\bsentenced to\b|\bsentence (?:given|handed|imposed|did)\b|\bnames? (?:and )?sentence\b"
                        r"|\bquelle (?:est |a ete |etait |fut )?(?:la )?peine\b"
                        r"|\bpeine (?:infligee|prononcee|maximale)\b|\bcondamne\w* a (?:combien|quoi|quelle)\b")
_SENTENCE_GIVEN = re.compile(r"\bsentenced? (?:to|of)\b|\byears? (?:in prison|of imprisonment|imprisonment)\b"
                             r"|\blife imprisonment\b|\bcondamne\w* a \d|\bans de (?:prison|reclusion)\b"
                             r"|\bemprisonnement\b|\breclusion\b|\bpeine de\b")


def unsentenced(question: str, fact: str) -> tuple[str, dict[str, str]] | None:
    """("missing_sentence", {}) when the question asks the sentence a court handed down and the fact gives none."""
    return _ungiven(_SENTENCE_ASKED, _SENTENCE_GIVEN, question, fact, "missing_sentence")
