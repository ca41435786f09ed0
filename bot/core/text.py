"""Turning free text into search terms: fold case and accents, split words, drop filler, stem, expand synonyms.

The same functions index facts and read questions, so a question and a fact always meet on identical stems.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from bot.core.number_words import without_guesses
from bot.core.word_order import question_word_first

_STEMMER = Stemmer.Stemmer("porter")
_WORD = re.compile(r"[a-z0-9]+")

# Common English words plus the filler of questions in chat ("tell me", "what happened", "any news").
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any anything are aren around as at be because been
    before being below between both but by can cannot could couldn d did didn do does doesn doing don down during
    each either else ever every few for from further get gets getting go goes going gone got had hadn has hasn
    have haven having he her here hers herself him himself his how i if in into is isn it its itself just know
    known let ll m may me might more most much must mustn my myself need needs no nor not now o of off on once only
    or other our ours ourselves out over own please pls plz re really s same say said says shall shan she should
    shouldn so some something still such t tell than thank thanks that the their theirs them themselves then there
    these they this those through thx to too u under until up us ve very via want wanted was wasn way we were
    weren what whats when where whether which while who whom whose why will with won would wouldn y yet you your
    yours yourself yourselves hi hello hey happen happened happening happens news latest update updates info
    information explain anyone someone somebody thing things stuff think mean means like lot lots kind sort
    currently current right ok okay actually exactly again ever everyone everybody anybody one ones
    summary summarise summarize summarised summarized gist tldr key points point main details detail
    status full give heard hear talking talk ideas idea deal big picture basically quick quickly short brief
    briefly somehow sure wondering wonder guys folks asking ask question questions
    year years month months week weeks day days today tomorrow yesterday recent recently lately soon next last
    ago these those dont doesnt didnt cant wont isnt arent wasnt werent havent hasnt hadnt shouldnt wouldnt
    couldnt im ive youre theyre thats hows whos wheres whens whys
    """.split()
)
# Generic question vocabulary: verbs, adjectives and discourse words that say how something is asked, not what
# about. Left in, a member's "what does X require" would need a fact containing "require". Domain verbs
# (arrest, withdraw, sanction, cooperate, condemn, elect, surrender, convict, pay, ratify) are deliberately absent.
GENERIC_WORDS = frozenset(
    """
    apply applying applied require requires required requirement need needed mean meaning decide decided decides
    decision make made
    makes making take took taken takes do done doing does show shows showed shown look looking looks
    seem seems seemed keep kept work works worked working put puts putting come came comes coming use used uses
    using try tried trying call called calls help helps helped allow allows allowed stop stopped change changed
    changes replace replaced replaces replacing affect affects affected impact impacts cause caused causes matter
    matters happen write wrote written message messages publicly
    writing read reading see saw seen hear told telling say saying says finally even strictly exactly really
    describe describes described describing characterise characterises characterised characterize characterizes
    characterized mention mentions mentioned mentioning refer refers referred referring etc instead
    actually just still already yet also maybe perhaps probably possible possibly likely unlikely certain
    certainly clear clearly big bigger biggest small smaller large huge much many more most less least few several
    good bad better worse best worst new old first second third last final entire overall general specific
    particular important main major minor real true false right wrong different same similar other another
    basis based problem problems issue issues question answer answers reason reasons thing things stuff way ways
    piece article bit part parts kind sort type lot lots number amount size level rate point points fact facts
    position view views opinion opinions argument arguments idea ideas plan plans situation case cases example
    people person someone anyone everyone nobody somebody
    quick quicker quickest fast faster slow slower easy easier hard harder simple simpler
    behind ahead around across along within without against toward towards between among beyond inside outside
    org orgs list lists advocacy advocate advocates advocating
    trigger triggered triggering hit hitting hits going goes gone get gets got getting let lets
    anything everything nothing something somewhere anywhere everywhere whatever whenever however
    according per acc regarding concerning away back apart aside along title titled name names named
    consider considers considered believe believes believed deem deems deemed
    despite topic topics remind reminds reminded concrete include includes involve involves entail entails
    emphasise emphasised emphasises emphasising emphasize emphasized emphasizes emphasizing stress stressed stresses
    stressing underline underlined underlines underscore underscored underscores
    """.split()
)
# Chat: interjections and hedges that say nothing about the subject ("tbh", "ngl", "lol").
CHAT_WORDS = frozenset(
    """
    tbh ngl lol lmao omg btw fyi imo imho idk iirc afaik smh tho though anyways anyway hmm hm um uh ah oh ok k kk
    yeah yep yup nah nope pls plz thx ty tysm cheers q qq quick hiya yo folks guys team all y'all yall
    sorry newbie noob newb smth sth atm irl wdyt
    """.split()
)
# Chat abbreviations of ordinary words, read as the word (so "recs" meets "recommendations").
ABBREVIATIONS = {
    "recs": "recommendations", "rec": "recommendation", "intl": "international", "govt": "government",
    "govts": "governments", "gov": "government", "yr": "year", "yrs": "years", "abt": "about", "acc": "according",
    "bc": "because", "cuz": "because", "coz": "because", "rn": "now", "ppl": "people", "vs": "against",
    "thru": "through", "ur": "your", "wrt": "about", "mgmt": "management", "dept": "department",
    "org": "organisation", "orgs": "organisations", "doc": "document", "docs": "documents",
    "shd": "should", "shld": "should", "wd": "would", "usg": "us government", "depts": "departments",
    "convo": "conversation", "convos": "conversations", "msg": "message", "msgs": "messages",
    "approx": "approximately", "natl": "national", "pct": "percent", "mln": "million", "bn": "billion",
    "rep": "representative", "reps": "representatives",
    # months as members shorten them ("feb 2025"); not "mar" or "may", which are words
    "jan": "january", "feb": "february", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
    "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
    "wat": "what", "wut": "what", "wot": "what", "wht": "what", "whta": "what", "waht": "what",  # chat spellings
    "whn": "when", "wen": "when",  # of a question word
    # a misspelling that stems as another word: "prosecuter" would be read as "prosecute", a prosecution
    "prosecuter": "prosecutor", "prosecuters": "prosecutors",
}
STOP_WORDS = STOP_WORDS | GENERIC_WORDS | CHAT_WORDS
STOP_STEMS = _STOP_STEMS = frozenset(_STEMMER.stemWords(sorted(STOP_WORDS)))


def fold(text: str) -> str:
    """Lower case, accents removed, curly quotes straightened."""
    if text.isascii():  # nothing to decompose or straighten; answering folds fact texts many times a question
        return text.lower()
    return _fold_accented(text)


_NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=64)
def folded_words(text: str) -> str:
    """The text folded, every run of other characters one space: what the patterns on a question's words read
    ("Albanese a-t-elle contesté ..." as "albanese a t elle conteste ..."). Remembered: the checks after the
    ranking each read the same question."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


@lru_cache(maxsize=8192)
def _fold_accented(text: str) -> str:
    """Remembered: the same French fact texts are folded question after question."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


_CONTRACTED = re.compile(r"\b(int|nat|gov|dep)'(l|t)\b")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}


# Discord markup in a question is not words: mentions (<@id>, <@!id>, <@&id>, <#id>), custom emoji
# (<:name:id>, <a:name:id>), timestamps (<t:unix:F>), and links.
_MARKUP = re.compile(r"<(?:@[!&]?|#|a?:\w+:|t:)[^>\s]{0,40}>|https?://\S+")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")  # "u.s.", "e.o." are one word each: "us", "eo"
# Senses porter would join: "on leave" (absent from work) is not "leave" (withdraw from the Statute).
# "which one", "that one": a pronoun, not the number 1
_SENSES = [(re.compile(r"\bon (?:a )?leave\b|\bleave of absence\b"), " onleave "),
           (re.compile(r"\b(which|that|this|each|any|no|every|another|other) one\b"), r" \1 ")]


# "ASP24", "AEP24": the Assembly and its session, so a fact about "ASP24" is one about the Assembly too
_SESSION_NAME = re.compile(r"\b(asp|aep)-?(\d{1,2})\b")


def strip_markup(text: str) -> str:
    return _MARKUP.sub(" ", text)


def split_sessions(folded: str) -> str:
    return _SESSION_NAME.sub(r"\1 \2", folded)


def words(text: str) -> list[str]:
    """Folded words, with "6th" read as "6" and "four" as "4" so dates and counts meet however they are typed,
    chat abbreviations read as their word, and Discord markup left out."""
    return list(_words(text))


@lru_cache(maxsize=16)  # the few forms of one question that reading it splits more than once
def _words(text: str) -> tuple[str, ...]:
    folded = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), fold(strip_markup(text)))
    folded = split_sessions(_CONTRACTED.sub(r"\1\2", folded))  # "int'l", "gov't": one word, its abbreviation
    for pattern, replacement in _SENSES:
        folded = pattern.sub(replacement, folded)
    out = []
    for word in _WORD.findall(folded):
        ordinal = _ORDINAL.match(word)
        word = ordinal.group(1) if ordinal else _NUMBER_WORDS.get(word, word)
        if len(word) == 1 and word.isalpha():  # "r u", "q": a lone letter is chat, not a subject
            continue
        out.extend(ABBREVIATIONS.get(word, word).split())
    return tuple(out)


# Words porter would join to another: "interns" are not "international" ("intern" both)
_OWN_STEMS = {"intern": "interne", "interns": "interne",  # not the "intern" of "international"
              "successive": "successiv", "successively": "successiv",  # not the "success" of a win
              "department": "departm", "departments": "departm"}  # the State Department does not "depart"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _OWN_STEMS.get(word) or _STEMMER.stemWord(word)


def stems(text: str) -> list[str]:
    """Every word stemmed, stop words kept: what the index stores."""
    typed = words(text)
    return [_OWN_STEMS.get(word) or found for word, found in zip(typed, _STEMMER.stemWords(typed), strict=True)]


# Bump when the words a fact is indexed under change (stemming, folding, either language): a database indexed
# under another version is indexed again when it is opened.
INDEX_VERSION = "2026-12-06 (18) la 1ère is la première"


def index_text(text: str) -> str:
    return " ".join(stems(text))


def first_run(text: str, stop_words: frozenset[str]) -> list[str]:
    """The first words in a row that carry meaning: "which german software did ..." -> german, software."""
    run: list[str] = []
    for w in text.split():
        if w in stop_words:
            if run:
                break
            continue
        run.append(w)
    return run


def as_typed(folded: list[str], question: str) -> str:
    """Read folded words back as the member typed them: "what EU said", not "what eu said"."""
    typed = {fold(w): w for w in re.findall(r"[\w-]+", question)}
    return " ".join(typed.get(w, w) for w in folded)


def normalize_question(text: str) -> str:
    """A canonical form for counting repeats of the same unanswered question."""
    return " ".join(w for w in words(text) if w not in STOP_WORDS)


@dataclass(frozen=True)
class Pipeline:
    """One language's way from text to search terms, and where its index lives: questions in that language are
    read with it and matched against that index (English: this module; French: bot/core/text_fr.py)."""

    lang: str
    words: Callable[[str], list[str]]
    stem: Callable[[str], str]
    stop_words: frozenset[str]
    stop_stems: frozenset[str]
    index: str  # the table of stemmed fields; its FTS5 index is `<index>_fts`
    vocab: str  # the fts5vocab table of document frequencies
    is_ordinary: Callable[[str], bool]
    # chat's shortenings, read as the word ("ki": qui); not part of what tells two pipelines apart
    abbreviations: Mapping[str, str] = field(default_factory=dict, compare=False)
    # a question as it is read, its spelling variants made one (French inclusive writing: "le/la président·e");
    # `str` leaves it as typed
    plain: Callable[[str], str] = field(default=str, compare=False)

    def stems(self, text: str) -> list[str]:
        return [self.stem(w) for w in self.words(text)]

    def index_text(self, text: str) -> str:
        return " ".join(self.stems(text))


def _is_ordinary_en(word: str) -> bool:
    from bot.core.lexicon import is_ordinary

    return is_ordinary(word)


def plain(text: str) -> str:
    """The question as the engine reads it: no sum it gives only roughly, a question word typed last read first."""
    return question_word_first(without_guesses(text), "en")


ENGLISH = Pipeline(lang="en", words=words, stem=stem, stop_words=STOP_WORDS, stop_stems=_STOP_STEMS,
                   index="fact_index", vocab="fact_vocab", is_ordinary=_is_ordinary_en, abbreviations=ABBREVIATIONS,
                   plain=plain)


@dataclass
class Concept:
    """One thing a question asks about: a word, or a named thing with its synonyms.

    `alternatives` are stem sequences; a fact mentions the concept when it contains any one of them whole.
    """

    label: str
    alternatives: list[tuple[str, ...]] = field(default_factory=list)
    guessed: set[tuple[str, ...]] = field(default_factory=set)  # alternatives that are typo corrections

    def terms(self) -> set[str]:
        return {term for alt in self.alternatives for term in alt}


class Synonyms:
    """Groups of interchangeable names (ASP / Assembly of States Parties). Phrases are matched on word stems."""

    def __init__(self, groups: Iterable[Iterable[str]] = (), pipeline: Pipeline | None = None) -> None:
        self.pipeline = pipeline or ENGLISH
        self.groups: list[list[tuple[str, ...]]] = []
        self.labels: list[list[str]] = []
        for group in groups:
            phrases = [p for p in group if self.pipeline.words(p)]
            if len(phrases) < 2:
                continue
            self.groups.append([tuple(self.pipeline.stems(p)) for p in phrases])
            self.labels.append(phrases)
        # phrases by their first stem, longest first, so "executive order 14203" wins over "executive order"
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for i, group in enumerate(self.groups):
            for phrase in group:
                self._by_first.setdefault(phrase[0], []).append((phrase, i))
        for entries in self._by_first.values():
            entries.sort(key=lambda item: -len(item[0]))

    def expand(self, phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
        """A stemmed phrase and every synonym of it ("asp" -> "assembly of states parties", ...)."""
        for group in self.groups:
            if phrase in group:
                return list(group)
        return [phrase]

    def concepts(self, question: str) -> tuple[list[Concept], list[str]]:
        """The question's synonym concepts, and its remaining stems (in order) that no phrase consumed."""
        tokens = self.pipeline.words(question)
        token_stems = [self.pipeline.stem(w) for w in tokens]
        used = [False] * len(tokens)
        found: list[Concept] = []
        seen_groups: set[int] = set()
        # longest phrases first wherever they start: "la cour pénale internationale" is the Court's full name,
        # not "la cour" and two loose words
        matches = sorted(
            ((start, len(phrase), group) for start, first in enumerate(token_stems)
             for phrase, group in self._by_first.get(first, ())
             if tuple(token_stems[start : start + len(phrase)]) == phrase),
            key=lambda m: (-m[1], m[0]))
        chosen = []
        for start, n, group in matches:
            if not any(used[start : start + n]):
                used[start : start + n] = [True] * n
                chosen.append((start, n, group))
        for start, n, group in sorted(chosen):
            if group not in seen_groups:
                seen_groups.add(group)
                found.append(Concept(" ".join(tokens[start : start + n]), list(self.groups[group])))
        rest = [
            token_stems[i]
            for i, w in enumerate(tokens)
            if not used[i] and w not in self.pipeline.stop_words and token_stems[i] not in self.pipeline.stop_stems
        ]
        return found, rest
