"""What a question may ask for that no curated fact is: how to say or translate something, a book, film or recipe
to recommend, the desk's own opinion or forecast, or a recording. Such a question can share every word with a fact
("do you think the US will sanction the whole Court?"), so its words alone would pick that fact as the answer; the
answerer reads these first and declines, or shows the related facts as what the facts do say, never as the answer."""

from __future__ import annotations

import re

from bot.core.text import folded_words

_TONGUES = r"(?:french|english|spanish|arabic|dutch|francaise|anglaise|francais|anglais|espagnol|arabe|neerlandais)"
# "how do you say thank you in Dutch", "translate ...": a language question, whatever words it shares with facts;
# not a member who says why they ask ("translating for a partner", "need the name for translation")
LANGUAGE_ASKED = re.compile(r"\bhow (do|would|can|to|should) (you|u|i|we|one|people)? ?(say|spell|pronounce|write)\b"
                            r"|\bhow to (say|spell|pronounce)\b"
                            r"|(?<!for )(?<!for a )\btranslat\w*\b(?! for (a |my |our )?\w+)"
                            r"|\bwhat( s| is)? the \w+ (word|term) for\b"
                            r"|\bcomment (dit on|dire|ecrire|prononcer|traduire|on dit)\b|\btradui\w*\b|\btraduction\b"
                            # "is the ICC's statement available in French": which languages a text exists in
                            rf"|\b(?:available|exists?|dispo\w*|existe\w*) (?:in|en) {_TONGUES}\b"
                            rf"|\b{_TONGUES} (?:version|translation)s?\b|\bversions? {_TONGUES}\b")

# a recommendation of something to read, watch, hear, eat, buy or do, a joke or the weather: no fact is one
# ("recommend a good crime drama to binge", "tu peux me conseiller une série", "recommande-moi un livre", "any
# podcasts to recommend")
_MEDIA = (r"(?:books?|novels?|films?|movies?|series|serie|shows?|dramas?|thrillers?|games?|playlists?|podcasts?|"
          r"documentar\w+|restaurants?|recipes?|songs?|albums?|livres?|docus?|emissions?|recettes?|chansons?)")
MEDIA_ASKED = re.compile(r"\b(?:recommend\w*|suggest\w*|recommand\w*|conseill\w*)[ -](?:me |us |moi |nous )?"
                         rf"(?:a |an |some |any |un |une |des |de )?(?:\w+ ){{0,3}}?{_MEDIA}\b"
                         rf"|\b{_MEDIA} (?:to |you d |you would )?recommend\b"
                         # or anything else one would buy, do or try ("recommend me a good running shoe", "any
                         # good novel recs"): not what a source recommends ("lrwc recs for states parties")
                         r"|\b(?:can|could) (?:you|u) (?:recommend|suggest|conseiller|recommander)\b"
                         r"|\b(?:recommend|suggest)\w*[ -](?:me|us)\b|\b(?:recommend|suggest)\w* (?:a|an|some|any) "
                         r"(?:good|great|nice|decent|cheap|beginner)\b|\b(?:any|some) (?:good|great) (?:\w+ )?"
                         r"(?:recs|recommendations|suggestions)\b"
                         # a joke, the weather: no fact is one
                         r"|\b(?:tell|give) (?:me|us) a joke\b|\bune blague\b|\bweather\b|\bmeteo\b"
                         r"|\b(?:rain|raining|rainy|snow|snowing|umbrella)\b|\bpleu(?:t|voir|vra)\b|\b(?:para)?pluie\b"
                         # a market price: "exchange rate euro to us dollar today", "le cours de l'action Apple"
                         r"|\bexchange rate\b|\btaux de change\b|\b(?:stock|share) price\b"
                         r"|\bcours (?:de l['’ ]|du |de la )?(?:euro|dollar|action|bourse|bitcoin)\b")

# the desk's own view asked for ("do u think the US will join", "whats ur prediction", "honest opinion: will the ICC
# survive", "tu penses que les Américains vont ...", "d'après vous", "à ton avis"): the facts report what sources
# said and did, never what will happen or what to think of it
_OPINION_ASKED = re.compile(r"\b(?:do|d) (?:you|u|ya) (?:really )?(?:think|reckon|expect)\b|\bwdyt\b"
                            r"|\b(?:your|ur|yr) (?:honest )?(?:prediction|opinion|take|guess|view|forecast)\b"
                            r"|\bhonest opinion\b|\bin your (?:view|opinion)\b"
                            r"|\b(?:tu penses|vous pensez|pensez vous|penses tu|tu crois|vous croyez|croyez vous|"
                            r"crois tu|selon (?:vous|toi)|d apres (?:vous|toi)|(?:ton|votre) avis|ton pronostic|"
                            r"votre pronostic)\b")


# a recording asked for ("is there a recording of the workplace culture event", "was it filmed", "le lien vers
# l'enregistrement"): no fact is one; asked beside a time ("what time did it start? want to find the recording"),
# the time is what is asked
_RECORDING_ASKED = re.compile(r"\b(?:recording|recordings|recorded|filmed|livestream\w*|webcast|replay|footage|"
                              r"enregistrement|enregistre|filme|rediffusion)\b")


def asked(question: str, kind: str | None) -> str:
    """The messages.CATALOG key of what the question asks beyond any fact ("missing_opinion": what the desk itself
    thinks or expects; "missing_recording": a recording), or "" when it asks for nothing of the kind."""
    plain = folded_words(question)
    if _OPINION_ASKED.search(plain):
        return "missing_opinion"
    return "missing_recording" if kind is None and _RECORDING_ASKED.search(plain) else ""
