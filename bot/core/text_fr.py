"""The French text pipeline, beside the English one in bot/core/text.py: accents folded, elisions split ("l'AEP"
is "aep"), "24e" read as "24" and "quatre" as "4", French stop words and question filler dropped, and the Snowball
French stemmer. French questions and the French fields of facts go through it alike, into their own index
(`fact_index_fr`), so they meet on the same stems; English terms members use in French ("ICC", "executive
order") are stemmed the same way on both sides.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import Stemmer

from bot.core.lexicon import WordSet, accented, ordinary_words, verb_form, word_set
from bot.core.models import Fact
from bot.core.number_words import UNITS, figures_for_words, without_guesses
from bot.core.text import Pipeline, fold, split_sessions, strip_markup
from bot.core.word_order import question_word_first

_STEMMER = Stemmer.Stemmer("french")
_WORD = re.compile(r"[a-z0-9]+")
_ORDINAL = re.compile(r"^(\d+)(?:e|eme|er|ere|re|ème)$")
_FIRST = frozenset({"1ere", "1re"})  # the feminine first, folded
# number words read as digits ("trois ONG"); not "un"/"une", which are articles far more often than counts
_NUMBER_WORDS = {w: str(n) for w, n in UNITS.items() if n > 1} | {"zero": "0", "vingt": "20"}
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")

# Function words, folded (no accents), then the filler of questions in chat ("c'est quoi", "ça dit quoi déjà") and
# the English words francophone members mix in ("u know", "what does Jimenez propose pour ...").
STOP_WORDS = frozenset(
    """
    a ai aie aient aies ait as au aucun aucune aupres aura aurai auraient aurais aurait aurez auriez aurions
    aurons auront aussi autre autres aux avaient avais avait avant avec avez aviez avions avoir avons ayant c ca
    ce ceci cela celle celles celui cependant certain certaine certains ces cet cette ceux chaque chez comme
    comment d dans de des deja depuis donc dont du elle elles en encore entre es est et etaient etais etait etant
    ete etes etiez etions etre eu eue eues eurent eus eut eux fut ici il ils j je jusqu l la le les leur leurs lui
    m ma mais me meme memes mes moi mon n ne ni nos notre nous on ont or ou par parce pas peu peut peuvent peux
    plus pour pourquoi quand que quel quelle quelles quels qu qui quoi s sa sans se sera serai seraient serait
    seront ses si sien soi soient soit son sont sous suis sur t ta te tes toi ton tous tout toute toutes tres tu
    un une unes uns vos votre vous y est-ce estce cest quest cetait ya
    bonjour bonsoir salut coucou madame monsieur mesdames messieurs cher chers chere cheres collegue collegues
    merci svp stp hello hi bref voila alors genre truc trucs chose choses quelque quelques
    quelqu rien personne gens dit dire dis disent disait parle parler parlait sait savoir sais saviez connait
    connaitre veux voudrais voulais voulez aimerais aimerait peut-etre vraiment exactement actuellement
    maintenant aujourd hui recemment dernierement bientot prochainement deja toujours jamais encore fait faire
    fais font faisait passe passer passee arrive arrivee arriver donne donner donnee concerne concernant propos
    sujet niveau cote selon question questions info infos nouvelle nouvelles news resume resumer explique
    expliquer expliquez explication detail details point points exemple cas fois facon maniere moyen ok oui non
    ah oh euh bah ben hein quoi voir vu dire entendu entendre entend entends entendent lu lire
    cherche chercher trouve trouver ecrit
    important principal principaux principale principales general generale grand grande gros petit petite
    nouveau nouveaux annee annees an ans mois semaine semaines jour jours hier demain dernier derniere derniers
    dernieres prochain prochaine prochains prochaines recent recente recents recentes apres avant lors pendant
    malgre lequel laquelle lesquels lesquelles duquel auquel combien numero bon bien final finalement enfin
    contre parmi cela celui-ci ceux-ci voici ainsi donc puis etc vs via
    va vont vais allons allez aller allait allaient ira iront doit doivent devait devrait devraient pourrait
    pourraient faut fallait coute coutent vaut valent existe existent
    decrit decrite decrits decrites decrire publiquement
    qqn qqun qq1 qqch qqc slt bjr cc pk pq psk jsp mdr lol ptdr dsl bcp pdt ds tjs tjrs mtn auj jai jsuis chui
    dapres jsais jcrois jpense jveux jvois kesako passait passaient passera ville villes endroit
    trop assez plutot surtout
    tbh ngl pls plz thx btw fyi imo idk wrt abt asap rn
    u you know what whats who whos does do did is are the how explain
    elevait elevaient elevent elevera
    """.split()
)
# How something is asked, not what about, as English's GENERIC_WORDS: "à quelle date précise", "concrètement",
# "la FIDH évoque / mentionne / cite", "comment s'intitule", "a pris des sanctions", "qu'est-ce que la
# résolution apporte d'inédit", "au-delà des seules personnes visées", "son propre pays", "aller plus loin",
# "cette histoire de sanctions"
# (English's stop words "beyond", "only", "own", "further"). Domain verbs (arrêter, retirer, sanctionner, coopérer,
# condamner, élire, remettre, payer, ratifier) are deliberately absent.
GENERIC_WORDS = frozenset(
    """
    concretement exact exacte exacts exactes
    specifique specifiquement particulier particuliere particulierement
    mentionne mentionnent mentionner mentionnee mentionnes mentionnees evoque evoquent evoquer evoquee evoques
    evoquees cite citent citer citee cites citees intitule intitulee intitules intitulees
    prend prennent prendre pris prise prises apporte apportent apporter apportee apportes apportees
    utilise utilisent utiliser utilisee utilises utilisees semble semblent sembler montre montrent
    precisement theme themes information informations
    montrer montree type types pouvez pourriez pouvons puisse puissent possible possibles plaidoyer plaidoyers
    date dates dela seul seule seuls seules seulement propre propres pense pensent penser loin
    voir voit vois voient vu vue vus vues partout
    considere considerent estime estiment montant montants rappel rappels rappeler rappelle rapide rapidement vite
    vers histoire
    souligne soulignent souligner soulignait soulignee insiste insistent insister insistait
    """.split()
)
STOP_WORDS = STOP_WORDS | GENERIC_WORDS
STOP_STEMS = frozenset(_STEMMER.stemWords(sorted(STOP_WORDS)))


# Chat abbreviations of ordinary words, read as the word ("orga" meets "organisation")
ABBREVIATIONS = {"orga": "organisation", "orgas": "organisations", "orgs": "organisations",
                 "reco": "recommandation", "recos": "recommandations", "doc": "document", "docs": "documents",
                 "asso": "association", "assos": "associations",
                 "gouv": "gouvernement", "gvt": "gouvernement", "gvts": "gouvernements", "intl": "international",
                 "infos": "informations", "ae": "affaires etrangeres", "dc": "donc", "tt": "tout", "pr": "pour",
                 "cb": "combien", "cmb": "combien", "cbn": "combien", "qd": "quand", "qnd": "quand",
                 "nb": "nombre", "nbre": "nombre",
                 "kel": "quel", "kels": "quels", "kelle": "quelle", "kelles": "quelles", "koi": "quoi", "ki": "qui",
                 # months as members shorten them ("fév 2025"); not "sept", which is also seven
                 "janv": "janvier", "fev": "fevrier", "fevr": "fevrier", "avr": "avril", "juil": "juillet",
                 "oct": "octobre", "nov": "novembre", "dec": "decembre"}


# French inclusive writing: "le président ou la présidente", "le ou la procureur(e)", "élu·e·s" ask about one
# office or group whatever its holder's gender, and are read as its first form
_BOTH_ARTICLES = re.compile(r"\b(le|la|un|une|du|au)\s*(?:ou|/)\s*(?:le|la|un|une|de la|du|[aà] la|au)\b", re.I)
_BOTH_FORMS = re.compile(r"\b(\w{3,})(\w{0,4}) (?:ou|/) (?:la |le |l'|l’|une |un )?\1\w{0,5}\b", re.I)
_ENDINGS = re.compile(r"(?<=\w)(?:[·(](?:e|s|es|ne|se)\)?)+")


def plain_gender(text: str) -> str:
    """The question with each doublet read as its first form: "le président de la CPI"."""
    return _BOTH_FORMS.sub(r"\1\2", _BOTH_ARTICLES.sub(r"\1", _ENDINGS.sub("", text)))


def plain(text: str) -> str:
    """The question as the engine reads it: doublets as their first form, numbers written out as figures, no
    figure it gives only roughly, and a question word typed last read first."""
    return question_word_first(without_guesses(figures_for_words(plain_gender(text))), "fr")


def words(text: str) -> list[str]:
    """Folded French words: elisions split off and dropped with the stop words, "1er"/"24e" read as numbers,
    number words as digits, chat abbreviations as their word or words ("AE": affaires étrangères), lone letters
    left out (they are elided articles)."""
    folded = split_sessions(_DOTTED.sub(lambda m: m.group(0).replace(".", ""), fold(strip_markup(text))))
    out = []
    found = _WORD.findall(folded)
    for at, word in enumerate(found):
        word_before = found[at - 1] if at else ""
        if word == "part" and word_before == "a":  # "à part la Cour": besides the Court
            continue
        if word in _ADDRESSED and word_before not in _BEFORE_A_NOUN and (
                found[at + 1:at + 2] in (["a"], ["aux"], ["au"], ["par"], ["t"]) or word_before in ("s", "a", "ont")):
            continue  # "les recommandations que LRWC adresse aux États": to whom they go, not an address
        ordinal = _ORDINAL.match(word)
        if word in _FIRST:  # "la 1ère plénière": la première, as the facts write it; "le 1er décembre" is a date
            word = "premiere"
        else:
            word = ordinal.group(1) if ordinal else ABBREVIATIONS.get(word) or _NUMBER_WORDS.get(word, word)
        out.extend(part for part in word.split() if len(part) > 1 or not part.isalpha())
    return out


# Words the stemmer would join to another: the "Département d'État" is no "départ" (a withdrawal)
_OWN_STEMS = {"departement": "departement", "departements": "departement"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of a folded word, read with its accents where its ending has one: the stemmer cuts "visées" and
    "première" to "vis" and "premi", but "visees" and "premiere" to "vise" and "premier", apart from "visé"."""
    if own := _OWN_STEMS.get(word):
        return own
    stemmed = fold(_STEMMER.stemWord(accented(word)))
    if stemmed == word and verb_form(word) and word not in _NOT_VERBS:
        return stem(word[:-3] + "er")  # "sanctionnent", "quittent": the stemmer leaves the plural verb whole
    return stemmed


# "adresser ... à": a verb of sending; "l'adresse mail", "une adresse" is the contact detail
_ADDRESSED = frozenset("adresse adressent adressee adressees adresses adresser adressait adressaient".split())
_BEFORE_A_NOUN = frozenset("l une son sa ses leur leurs votre vos ton ta tes cette quelle notre nos mon ma mes des les "
                           "d".split())


# words in -ent that are no plural of a verb in -er, though one is spelt like them ("président", "présider")
_NOT_VERBS = frozenset("president resident content different excellent talent evident parent urgent precedent "
                       "couvent devient convient soutient".split())


@cache
def _ordinary() -> WordSet:
    words = {fold(w) for w in ordinary_words("fr")}
    return word_set(words | set(_STEMMER.stemWords(sorted(words))))


def is_ordinary(word: str) -> bool:
    """A common French word, or the stem of one (pyspellchecker's French list, accents folded): a paraphrase,
    not a subject."""
    folded = fold(word)
    return folded in _ordinary() or verb_form(folded)


def french_index(fact: Fact) -> dict[str, str]:
    """A fact's row in the French index: its French fields stemmed, or its English ones where it has no French
    (so a French question still finds it by names and figures, and is shown it in English with a note)."""
    title, text, questions = fact.shown_in("fr")
    return {"title": FRENCH.index_text(title), "questions": FRENCH.index_text(" ".join(questions)),
            "keywords": FRENCH.index_text(" ".join(fact.keywords)), "text": FRENCH.index_text(text)}


def french_terms(fact: Fact) -> set[str]:
    return {term for value in french_index(fact).values() for term in value.split()}


FRENCH = Pipeline(lang="fr", words=words, stem=stem, stop_words=STOP_WORDS, stop_stems=STOP_STEMS,
                  index="fact_index_fr", vocab="fact_vocab_fr", is_ordinary=is_ordinary, abbreviations=ABBREVIATIONS,
                  plain=plain)
