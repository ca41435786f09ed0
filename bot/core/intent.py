"""What a question asks for beyond its words: the kind of detail it wants (a date, a number, a person, a place, an
article of the Statute, a reason, contact details, what came of something, the names of things), the thing that
detail is about ("how many *deputy prosecutors*", "the president *of the ASP*"), whether it looks ahead ("the
*next* session"), the years and titled offices it names; and which of its words are searched by at all.

Words alone find the facts about a subject; they cannot tell a fact that holds the asked detail from one that
merely mentions the subject. The answerer reads a question's `Wants` (once: a question asked again is not read
again) and asks `bot.core.holds` whether a fact holds it; when none does, the reply is partial ("the curated facts
don't say which banks; what they do say: ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from bot.core import beyond_facts, persons_asked, question_kinds, sums_asked
from bot.core.framing import FRAMING
from bot.core.prefilter import gated
from bot.core.question_kinds import NAMES_ASKED, WHICH_COUNTRY, kind_and_which
from bot.core.text import ENGLISH, STOP_WORDS, Concept, Pipeline, as_typed, fold, words

# titles whose holder a fact must mention to answer a question naming them ("what did the UN secretary-general say")
TITLED = re.compile(r"\b(secretary general|secretaire general|minister|ministre|ambassador|ambassadeur|spokesperson|"
                    r"spokesman|porte parole|rapporteur|registrar|greffier|vice president|vice presidente?|"
                    r"deputy prosecutor|procureur adjoint|chair|chairperson)s?\b")
# whose words are asked: "what did south africa say about the sanctions", "qu'a répondu la France"
_SAID = re.compile(r"\bwhat (?:(?:exactly|actually|really) )?(?:did|does|has|have) (?:the )?(?P<who>(?:\w+ ){0,5}?\w+) "
                   r"(?:(?:actually|exactly|really) )?(?:say|said|tell|told|respond|reply|answer|state|ask|asked|urge|"
                   r"urged|demand|demanded)\b"
                   r"|\bqu (?:a |ont )?(?:dit|repondu|declare|reagi) (?:(?:precisement|exactement|vraiment) )?"
                   r"(?:la |le |les |l )?(?P<qui>(?:\w+ ){0,2}?\w+)\b"
                   # how one named state reacted: "how did south africa react", "la France a réagi comment"
                   r"|\bhow (?:did|does|has|have) (?:the )?(?P<one>(?:\w+ ){0,2}?\w+) (?:react|respond|reply)\w*\b")
_INCLUSIVE = re.compile(r"(?<=\w)(?:\((?:e|es|s)\)|·e?s?\b)")  # "président(e)", "représentant·es"
# what a report itself recommends ("what did the Bureau's report on non-cooperation recommend"): the report's words,
# not an author's proposals that cite it
_DOC_SAID = re.compile(r"\bwhat (?:(?:exactly|actually|really) )?(?:did|does|has|have) (?:the )?(?P<doc>(?:\w+ ){0,2}"
                       r"(?:report|reports|resolution|study|paper)(?: \w+){0,3}?) (?:(?:actually|exactly|really) )?"
                       r"(?:recommend|recommended|propose|proposed|suggest|suggested)\b")
# "what did the EU actually say": whose words are asked, without the hedge
_HEDGES = frozenset("actually exactly really even officially ever vraiment exactement".split())
# "et la France, elle a dit quoi", read where "a" (has) is still there ("elle dit quoi" asks about a text)
_SAID_PAST = gated(r"\b(?P<qui2>\w+),? (?:elle|il|ils|elles) (?:a|ont) (?:dit|repondu|declare) quoi\b"
                   r"|^(?:la |le |les |l |l')?(?P<qui3>(?:\w+ ){0,3}?\w+) (?:a|ont) (?:dit|repondu|declare) quoi\b"
                   r"|\bqu.?est.ce que? (?:la |le |les |l.)?(?P<qui4>(?:\w+ ){0,3}?\w+) (?:a|ont) (?:dit|repondu)"
                   r"|\b(?P<un>(?:\w+ ){0,2}?\w+) (?:a|ont) (?:reagi|repondu) comment\b"
                   r"|\bcomment (?:la |le |les |l'|l )?(?P<une>(?:\w+ ){0,2}?\w+) (?:a|ont)"
                   r"(?:-t-(?:elle|il|ils|elles))? (?:reagi|repondu)\b")
_AT = frozenset("at in during lors pendant au aux".split())
# many speakers at once: "how did states react" asks what the facts say of their reactions, not a quote
_MANY = frozenset("states countries governments govts members ngos parties etats pays gouvernements membres ong "
                  "ongs parties".split())
# the one capturing group an alternative fills is the acronym; "what does CICC mean", not what LRWC means by words
_STANDS = gated(r"\bwhat (?:does |do |is )?(?:the )?((?!(?:that|this|it|they|these|those|he|she|we|you)\b)[a-z]{2,8}) "
                r"(?:stands? for|means?(?! (?:by|for|to|when|with|that|if|here|concretely|in practice)\b))\b"
                r"|^([a-z]{2,8}) (?:\w+ )?what (?:does|do|is) (?:that|this|it) stand(?:s)? for\b"
                r"|^([a-z]{2,8}) (?:(?:full|whole) name|(?:c |est )*(?:[qk]u?oi )?(?:le|son) nom complet)\b"
                r"|^what (?:is )?(?!the )([a-z]{2,8}) full name\b"  # "what is FIDH's full name"
                r"|\b(?:(?:full|whole) name of (?:the )?|nom complet (?:de |du )?(?:la |le |l )?)([a-z]{2,8})$"
                r"|\b([a-z]{2,8}) (?:stands? for|expansion|(?:\w+ ){0,4}?en toutes lettres)\b"
                r"|\b(?:que|qu) (?:veut dire|signifie) (?:le |la |l )?([a-z]{2,8})\b"
                r"|\bca (?:veut dire|signifie) quoi (?:le |la |l )?([a-z]{2,8})(?: deja| encore| au juste)?$"
                r"|^([a-z]{2,8}) (?:est )?(?:ca )?(?:veut dire quoi|signifie quoi|abreviation de quoi)\b"
                r"|\babreviation (?:de )?(?:la |le )?([a-z]{2,8})\b"
                r"|^([a-z]{2,8}) (?:est )?quoi (?:\w+ )?comme sigle\b"
                r"|^([a-z]{2,8}) (?:c |c est |est )?(?:quoi )?en (?:entier|toutes lettres)\b"
                r"|\b(?:what s |whats |what is )?([a-z]{2,8}) (?:is )?short for\b"  # "whats fidh short for"
                r"|^(?:what s |whats |what is |what )?([a-z]{2,8}) in full\b"  # "whats FIDH in full"
                # "APIC c'est quoi l'acronyme ?", "HRW, the acronym?"
                r"|^([a-z]{2,8}) (?:\w+ ){0,4}?(?:l |the )?(?:acronyme|abreviation|acronym|abbreviation)\b")
_EQUALS = re.compile(r"\s*([a-z]{2,8})\s*=\s*\?+(?:\s.*)?")  # "FIDH = ?", "APIC = ? je le vois partout"
# who came out of a choice ("who got elected"): a fact about a call, a plan or a matter pending names no one chosen
CHOSEN = re.compile(r"\b(elected|appointed|chosen|picked|selected|won|wins|nominated|elu|elus|elue|elues|nomme|nommee|"
                    r"nommes|designe|designee|designes|choisi|choisie|choisis|gagne|replaced|succeeded|successor|"
                    r"remplace|remplacee|succede|successeur)\b")
# who is behind something, or did it: whom it is attributed to ("who hacked the ICC", "qui a piraté la CPI")
_BEHIND = re.compile(r"\b(behind|derriere)\b|\bwho (\w+ )?(hacked|attacked|was responsible for|carried out|"
                     r"orchestrated|perpetrated)\b|\bqui (a |ont )?(pirate|attaque|pilote|orchestre|commis)\b")
_FUTURE = re.compile(r"\b(next|upcoming|coming(?! out)|future|will|going to|gonna|prochaine?s?|a venir|futur"
                     # a return, after a leave: "when is he back", "il revient quand", "censé revenir"
                     r"|(?:is|be|are|come|comes|(?:is|are) (?:he|she|they)) back|returns?|returning"
                     r"|revient|reviendra\w*|revenir|retour)\b"
                     # the French near future: "les USA vont finir par sanctionner", "la Cour va-t-elle fermer"
                     r"|\bvont (?:\w+ )?\w+(?:er|ir|re)\b|\bva(?: t)? (?:il|elle|on) \w+(?:er|ir|re)\b")
_YEAR = re.compile(r"(?<!annees )\b(19[89]\d|20\d\d)\b")  # "les années 2010" is a decade, as "the 2010s" is
# a session of the Assembly by its number: "ASP24", "asp 23", "the 23rd session", "la 24e session de l'AEP"
_SESSION = re.compile(r"\b(?:asp|aep)\s?-?\s?(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th|e|eme|ieme)\s+"
                      r"(?:session|assembly|asp|assemblee|aep)\b"
                      r"|\b(twenty[- ]\w+|vingt[- ]\w+)\s+(?:session|assembly|assemblee)\b")
_SESSION_WORDS = {"twenty-second": "22", "twenty-third": "23", "twenty-fourth": "24", "twenty-fifth": "25",
                  "vingt-deuxieme": "22", "vingt-troisieme": "23", "vingt-quatrieme": "24", "vingt-cinquieme": "25"}

# words too common to search by that still say what is counted ("how many people work at the ICC")
COUNTED = frozenset("people persons staff employees members times years months days countries states groups "
                    "organisations organizations ngos personnes "
                    "membres employes fois ans annees mois jours pays etats".split())
# what is counted, as the facts word it: "combien d'années" (24 ans); "orgs" is read as organisations already
COUNTED_AS = {"annees": "ans", "annee": "ans"}
_NUMBER_AFTER = re.compile(r"\b(?:how many|how much|combien (?:de |d )?)\s*(?P<rest>.*)")
# an amount ("the figure"), not things counted ("combien d'États")
# a whole asked for, not a part of it: "the total budget for 2025", "combien au total"
_TOTAL = re.compile(r"\b(total|overall|in all|altogether|au total|en tout|global|globale)\b")
_TOTAL_OF = re.compile(r"\b(?:total|overall) (?:\w+ )?(?P<noun>budget|cost)\b"  # "total amount": any figure
                       r"|\b(?P<nom>budget) (?:total|global)\b"
                       r"|\b(?P<figure>vote|sentence|peine)\b|\b(?P<voted>unanimous|abstain|abstenu)\w*")
_SINCE = re.compile(r"\bsince (when|what|which)\b|\bsince when$|\bdepuis (quand|quelle|quel|combien de temps)\b"
                    r"|\bhow long (has|have|had)\b")
# a question about the call itself: "does LRWC want the US to revoke it", "la FIDH demande-t-elle de lever ...",
# "what should states do re banks"
# (not "s'appelle", nor "despite the pressure", "wanted by the ICC", "what does it call itself", "before the call",
# "does CICC call the ICC a court of last resort")
_CALL_ASKED = re.compile(r"\b(want(?!ed by\b)\w*|(?<!the )(?:calls?|calling)(?! (?:it|itself|them|the icc|the court)\b)"
                         r"(?! (?!on\b|for\b|upon\b)(?:\w+ ){1,5}?(?:a|an)\b)|called (?:on|for|upon)|urg\w*|ask\w*|"
                         r"demand\w*|recommend\w*|push\w*|request\w*|veu\w*|"
                         r"press(?:es|ed|ing)? (?:for|on)|voul\w*|(?<!\bs[ '’])appel\w*|exhort\w*|recommand\w*|"
                         r"reclam\w*|what (?:should|must) (?:\w+ ){1,3}do|que doi\w+ (?:\w+ ){0,3}faire"
                         r"|devr\w+ faire)\b")
_SETTLED = re.compile(r"\b(in the end|finally|eventually|actually adopt\w*|au final|finalement|en fin de compte|"
                      r"finalement adopte|(?:montant|budget|chiffre) final|final (?:approved |adopted )?(?:\w+ )?"
                      r"(?:budget|figure|amount|number)|(?:approved|adopted) (?:figure|amount|number))\b")
_COUNT_ASKED = re.compile(r"\bhow many (?!million|billion)\w"
                          r"|\bcombien d(e|es)? (?!argent|fric|thune|euros|dollars|millions|arrier|contribution|budget|"
                          r"fonds|financement)\w")
_PERCENT_ASKED = re.compile(r"\b(?:what|which|quel|how many) (?:%|per ?cent|percentage|pourcentage)|"
                            r"\bcombien (?:de |en )?(?:%|pour ?cent|pourcentage)")
_AMOUNT_ASKED = re.compile(r"\bhow much\b|\bcombien\b(?!\s*(de |d\s*['’]|d ))")

# "the Opinio Juris article", "l'article d'Opinio Juris": a piece of writing, not an article of the Statute
_LOOSE_ARTICLE = re.compile(r"\b(?:articles?|provisions?|dispositions?)\b(?!\s*\(?\d)", re.I)  # "which provision"

# "co-organisé": a prefix of two letters is no word of its own (unknown, it would weigh the most); "op-ed" is one
_PREFIX_PIECE = re.compile(r"\b\w{1,2}-(?=\w{3})")
_SHORT_PIECES = re.compile(r"\b([^\W\d_]{1,2})-([^\W\d_]{1,2})\b")  # not "1-5 Dec", a range of days
_SIDE = re.compile(r"\bon the (\w+) side\b|\bc[oô]t[eé] (\w+)\b", re.I)  # "on the money side": money
# "which 3 states", "quels deux pays": a small count is checked against the fact's (figures.count_differs), not
# searched; "which 37 states" keeps its figure, which finds the fact that gives it
_WHICH_COUNT = re.compile(r"\b(which|quels|quelles) (?:[2-9]|two|three|four|five|six|deux|trois|quatre|cinq)\b", re.I)
# "pourquoi le procureur n'est pas là": absent, said in words that are all stop words
_NOT_THERE = re.compile(r"\b(?:n['’ ]?\s*)?(?:est|etait|était|sont|sera)(?:-(?:il|elle))? (?:pas|plus) "
                        r"(?:l[aà]|[aà] son poste|en poste|en fonctions?)\b", re.I)
# "a-t-il été adopté": "a été adopté", not a word "at"; "n'exerce-t-il pas" meets the curated "exerce pas"
_INVERSION = re.compile(r"-t-(?:il|elle|on|ils|elles)\b", re.I)


@lru_cache(maxsize=8192)
def sessions_of(text: str) -> frozenset[str]:
    """The numbers of the Assembly's sessions a text names ("ASP24", "the 23rd session": {"24", "23"})."""
    numbers = (m.group(1) or m.group(2) or _SESSION_WORDS.get(m.group(3).replace(" ", "-"))
               for m in _SESSION.finditer(fold(text)))
    return frozenset(n for n in numbers if n)


@lru_cache(maxsize=1024)
def searched(question: str) -> str:
    """The question as its words are searched by: "article" without a number names no article of the Statute
    (it would pull in the facts about Article 86 or 112), a prefix of two letters is read as its word, and
    words that frame the question ("so far", "for a post") are left out. A question asking what letters stand for
    is searched by those letters alone ("wait what does APIC stand for": APIC)."""
    text = " ".join(words(question.replace("'", " ")))
    if stands := _STANDS.search(text) or _EQUALS.fullmatch(fold(question)):
        return question_kinds.letters_asked(stands, question)
    question = _NOT_THERE.sub(" absent ", _WHICH_COUNT.sub(r"\1", question))
    question = _SIDE.sub(lambda m: m.group(1) or m.group(2), _INVERSION.sub("", FRAMING.sub(" ", question)))
    return _SHORT_PIECES.sub(r"\1\2", _PREFIX_PIECE.sub("", _LOOSE_ARTICLE.sub(" ", question)))


@dataclass(frozen=True)
class Wants:
    kind: str | None = None  # contact | time | day | article | number | duration | place | date | reason | office
    # | person | outcome | symbol | names ("which banks") | expansion ("what does FIDH stand for")
    focus: tuple[str, ...] = ()  # stems of what a count or amount is of ("deputy prosecutor")
    role: str | None = None  # a role whose holder is asked for ("president")
    org: tuple[str, ...] = ()  # stems naming whose role it is ("asp")
    future: bool = False
    years: frozenset[str] = field(default_factory=frozenset)
    sessions: frozenset[str] = field(default_factory=frozenset)  # the Assembly's sessions asked about, by number
    # what was asked, for "the curated facts don't say ...": a messages key and values, worded in the reply's language
    missing: tuple[str, dict[str, str]] = field(default_factory=lambda: ("missing_that", {}))
    language: bool = False  # asks how to say or translate something: not a question the facts answer
    media: bool = False  # asks for a book, film or shoe to recommend, a joke or the weather: no fact is one
    beyond: str = ""  # what it asks that no fact is (beyond_facts.asked): a fact can only be shown as related
    titles: tuple[str, ...] = ()  # titled offices the question names ("secretary general"): the fact must name them
    speaker: tuple[str, ...] = ()  # stems of whose words are asked ("what did south africa say"): the fact must quote
    plural: bool = False  # the role is asked in the plural ("who are the judges"): any names will do
    chosen: bool = False  # who came out of a choice ("who got elected")
    behind: bool = False  # who is behind something ("who was behind the cyberattack")
    speakers: bool = False  # who spoke at an event ("who spoke at the side event on ...")
    total: bool = False  # a whole is asked for ("the total budget"): a part of it ("€50 million of the budget") is not
    settled: bool = False  # what came of it, with another kind ("au final ... à combien"): not a call or a plan
    counted: bool = False  # a count ("how many states"), not an amount: "€74 million from States Parties" counts none
    since: bool = False  # when something began ("since when is he President"): not the date of a statement by him
    calls: bool = False  # asks about a call itself ("does LRWC want the US to revoke it"): a call answers it
    which_country: bool = False  # "which country surrendered him": a country the fact names is the place asked
    names_asked: bool = False  # names asked outright ("what are they called"): a plural role needs names beside it
    currencies: tuple[sums_asked.Currency, ...] = ()  # a sum asked "in US dollars": the fact gives one in them
    author: bool = False  # who issued a statement ("which US official announced the sanctions"), not whom it named
    counterpart: bool = False  # whom someone dealt with ("the Dutch minister spoke with whom"): an office will do
    also: frozenset[str] = frozenset()  # kinds a later clause asks too ("when ... and who was it"): "person"

    @property
    def checked(self) -> bool:
        """Whether a fact must be read for more than its words before it answers."""
        return bool(self.kind or self.future or self.titles or self.speaker)


@lru_cache(maxsize=1024)
def read(question: str, language: Pipeline = ENGLISH) -> Wants:
    """A question's wants; `kind` is None for questions that ask about a subject in general. The thing counted and
    whose role is asked are stemmed with `language`, the pipeline the facts are matched in."""
    question = _INCLUSIVE.sub("", question)  # "le ou la président(e) de l'Assemblée": one word
    text = " ".join(language.abbreviations.get(w, w) for w in words(question.replace("'", " ")))  # "c ki": c qui
    folded = fold(question)
    currencies = sums_asked.currencies_in(question)  # "$" too, which `words` drops: "the budget in US dollars"
    kind, which = kind_and_which(text)
    if not kind and (named := question_kinds.OFFICE_OF_NAMED.search(text)) and not any(
            language.is_ordinary(w) for w in named.group("first", "last")):  # not "what is the ICC's role"
        kind = "office"
    kind = kind or ("number" if currencies else None)
    role = org = None
    focus: tuple[str, ...] = ()
    rest: list[str] = []
    missing: tuple[str, dict[str, str]] | None = None
    if stands := _STANDS.search(text) or _EQUALS.fullmatch(folded):  # "what does FIDH stand for"
        kind, which = "expansion", None
        focus = (question_kinds.letters_asked(stands, question),)
        missing = ("missing_expansion", {"acronym": focus[0].upper()})
    if kind == "names" and which:
        noun = which.group("noun") or which.groupdict().get("listed")
        focus = (language.stem(noun),)
        asked = which.group("which") or ("quels" if language.lang == "fr" else "which")
        missing = ("missing_names", {"which": "quel" if asked.startswith("quoi") else asked.removeprefix("les"),
                                     "noun": noun})
    author = persons_asked.author_asked(text) if kind == "person" else None
    if kind == "person" and (person := persons_asked.read(text, folded, language, author)):
        role, org, focus, rest, missing = person  # nothing before sets these for a person question
    if kind == "number":
        match = _NUMBER_AFTER.search(text)
        after = match.group("rest").split() if match else []
        after = [w for w in after if w not in ("total", "overall", "tout")]  # "combien au total": no thing counted
        rest = [w for w in after if w not in language.stop_words or w in COUNTED][:1]
        if rest == ["temps"] or sums_asked.subject_acting(after, rest):  # "depuis combien de temps": how long;
            rest, after = [], []  # "how much was the Court missing": the Court is what lacked it, not what it lacked
        if _AMOUNT_ASKED.search(folded):
            missing = ("missing_number", {})
        if currencies:  # "the budget in US dollars": the sum in that currency
            missing = ("missing_currency", {"currency": currencies[0].name(language.lang)})
        group = []  # "how many member orgs": organisations that are members, not members (of the Assembly)
        for w in after[:3]:
            if w in language.stop_words and w not in COUNTED:
                break
            group.append(w)
        if language.lang == "en" and len(group) >= 2 and group[-1].endswith("s") and (
                language.is_ordinary(group[-2]) or group[-1] != "members"):  # "FIDH members": members, its own
            rest = group[-2:]
        focus = tuple(language.stem(COUNTED_AS.get(w, w)) for w in rest)
        sum_word = next((w[language.lang] for p, w in sums_asked.SUMS_ASKED if p.search(text)), None)
        if sum_word:  # "how much money have the sanctions cost": a cost; "what do judges get paid": their pay
            focus, missing = (language.stem(sum_word),), ("missing_number", {})
        elif not focus and (whole := _TOTAL_OF.search(text)):  # "the total budget": the budget's figure
            focus = (language.stem(whole.group("noun") or whole.group("nom") or whole.group("figure")
                                   or ("vote" if whole.group("voted") else "")),)
    if kind in ("number", None) and _PERCENT_ASKED.search(folded):  # "what % increase": a share, not any figure
        kind, focus = "number", (language.stem("pourcentage" if language.lang == "fr" else "percentage"),)
        missing = ("missing_number", {})
    titles = tuple(m.group(1).replace("-", " ") for m in TITLED.finditer(text))
    if titles and not kind:
        missing = ("missing_title", {"title": titles[0]})
    said = _SAID.search(text) or _SAID_PAST.search(folded) or _DOC_SAID.search(text)
    who = [w for w in _group(said, "who", "qui", "qui2", "qui3", "qui4", "one", "un", "une", "doc").split()
           if w not in _HEDGES] if said else []
    if said and _group(said, "one", "un", "une") and who[-1:] and who[-1] in _MANY:
        who = []
    if (where := next((i for i, w in enumerate(who) if w in _AT), 0)) > 0:
        who = who[:where]  # "the survivors at the side events": the survivors, wherever they spoke
    speaker = tuple(language.stem(w) for w in who
                    if w not in language.stop_words and w not in STOP_WORDS) if said and not kind else ()
    if speaker and not titles:  # a titled office the fact never mentions says more ("the secretary general")
        missing = ("missing_said", {"who": as_typed(who, question)})
    plural = bool(role and persons_asked.plural_role(role).search(folded))
    also = question_kinds.other_asks(question, text) - {kind}
    return Wants(
        kind=kind, focus=focus, role=role,
        org=tuple(language.stem(w) for w in (org or "").split() if w not in language.stop_words)[:3],
        future=bool(_FUTURE.search(text)) and bool({kind, *also} & {"date", "day", "time"}),
        years=frozenset(_YEAR.findall(folded)), sessions=sessions_of(question),
        missing=missing or _missing(kind, role, org, focus and rest, plural),
        language=bool(beyond_facts.LANGUAGE_ASKED.search(text)), media=bool(beyond_facts.MEDIA_ASKED.search(folded)),
        beyond=beyond_facts.asked(question, kind), titles=titles, speaker=speaker, plural=plural,
        chosen=bool(CHOSEN.search(folded)), behind=bool(_BEHIND.search(folded)),
        speakers=kind == "person" and persons_asked.speakers_asked(question, folded, role),
        total=kind == "number" and bool(_TOTAL.search(folded)),
        settled=kind not in (None, "outcome") and bool(_SETTLED.search(text)),
        since=kind in ("date", "day") and bool(_SINCE.search(text)),
        calls=bool(_CALL_ASKED.search(folded)),
        which_country=bool(WHICH_COUNTRY.search(folded)),
        names_asked=bool(NAMES_ASKED.search(folded)) or (kind == "person" and which is not None),
        counted=kind == "number" and bool(_COUNT_ASKED.search(folded.replace("'", " ").replace("’", " "))),
        currencies=currencies if kind == "number" else (),
        author=author is not None, counterpart=kind == "person" and persons_asked.counterpart_asked(text, folded),
        also=also,
    )


def corrected(wants: Wants, concepts: list[Concept]) -> Wants:
    """The wants with the thing counted read as the typo correction the question's words got ("how much in
    assesed contributions": assessed contributions, which the fact's figure stands beside)."""
    fixes = {c.alternatives[0][0]: min(c.guessed)[0] for c in concepts if c.guessed and len(min(c.guessed)) == 1}
    if not fixes or not set(wants.focus) & fixes.keys():
        return wants
    return replace(wants, focus=tuple(fixes.get(stem, stem) for stem in wants.focus))


# kinds whose missing detail is worded without values ("missing_day": "the exact date")
_WORDED = frozenset("contact time day date article number place reason person outcome office charge ranking duration "
                     "symbol nationality doc_title effect example".split())


def _group(match: re.Match[str], *names: str) -> str:
    """The first of the named groups the pattern has and the match filled."""
    return next((match.group(n) for n in names if n in match.re.groupindex and match.group(n)), "")


def _missing(kind: str | None, role: str | None, org: str | None,
             focus: list[str] | tuple, plural: bool = False) -> tuple[str, dict[str, str]]:
    """What was asked, as a bot.core.messages key and its values."""
    if role and org:
        return "missing_role_of", {"role": role, "org": org.upper() if len(org) <= 5 else org}
    if role and plural:
        return "missing_role_plural", {"role": role}
    if role:
        return "missing_role", {"role": role}
    if kind == "number" and focus:
        return "missing_count", {"thing": " ".join(focus)}
    return f"missing_{kind}" if kind in _WORDED else "missing_that", {}

