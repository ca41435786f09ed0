"""The kind of detail a question asks for (a date, a number, a person, a place, an article of the Statute, a reason,
contact details, what came of something, the names of things), read from its wording alone: one table of patterns,
the first that matches naming the kind. bot.core.intent reads the rest of what a question wants around it."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.doc_titles import DOCS
from bot.core.outcomes import EFFECT_ASKED, MESSAGES
from bot.core.prefilter import Gated, gated
from bot.core.sums_asked import BUDGET_ASKED, PAY
from bot.core.text import words

ROLES = (
    "president|vice president|vice-president|registrar|deputy prosecutor|prosecutor|judge|chair|chairperson|director|"
    "head|leader|spokesperson|spokesman|rapporteur|secretary general|secretary-general|ambassador|secretary of state|"
    "secretaire (?:d )?etat|minister|representative|rep|coordinator|founder|author|moderator|panelist|panellist|"
    "presidente|procureur|greffier|juge|directeur|directrice|dirigeant|chef|porte-parole|representant|fondateur|"
    "auteur|moderateur|moderatrice|paneliste|speaker|intervenant|orateur|oratrice|secretaire generale?|"
    "coordinat(?:eur|rice)"
)
# a word before a role that is not whose it is: a count ("the 4 judges"), which holder ("ex"), which kind ("special")
NOT_WHOSE = frozenset("the le la two three four five six seven eight nine ten deux trois quatre cinq sept huit neuf "
                      "dix ex former current acting new next last previous outgoing incoming interim special chief "
                      "senior permanent executive ancien ancienne anciens actuel actuelle nouveau nouvelle premier "
                      "premiere".split())
# "names of", "names and nationalities of": what follows is whose names are asked
NAMES_AND = r"\bnames? (?:(?:and |& )?(?:nationalit\w+|roles?|titles?|positions?|countr\w+) )?"
SO_GRAVE = r"(?:en quoi )?(?:c.?est|est.ce) (?:si |aussi |tellement |vraiment )?grave"  # why it matters: framing too
# "which country surrendered him": a country the fact names; "is from which country" asks where one comes from
WHICH_COUNTRY = gated(r"(?<!from )\b(which|what) (country|state)\b|(?<!de )\bquel (pays|etat)\b")
# names asked for outright: "what are they called", "who are the deputy prosecutors", "c'est qui les ..."
NAMES_ASKED = re.compile(r"\b(names?|noms?|named|nommes?|appell?ent|called|who (are|were)|qui (sont|etaient)|"
                         r"c (est )?qui|(ce )?sont qui)\b")
# whom someone spoke with or named: "the Dutch minister spoke with whom", "avec qui", "who did Rubio name"
WITH_WHOM = r"\b(?:with|to) whom?\b|\bavec qui\b|\bwho (?:else )?(?:did|does|do) (?!not\b)"
# a named person's office, asked with a pronoun for them (folded text; bot.core.intent leaves it out of the search)
OFFICE_ASKED = (r"\bwhat(?: s| is| was|s)? (?:his|her|their) (?:role|position|job|title)\b"
                r"|\b(?:elle|il) (?:a |avait |occupe |occupait |exerce )?quel(?:le)? (?:r[oô]le|poste|fonction)\b"
                r"|\b(?:c est quoi|quel(?:le)? est) (?:son|sa) (?:r[oô]le|poste|fonction)\b")
# "what is danya chaikel's role", "remind me what X Y's role is": two words the reader checks are a person's names
OFFICE_OF_NAMED = re.compile(r"\bwhat(?: s| is| was|s)? (?P<first>[a-z]+) (?P<last>[a-z]+)(?: s)? "
                             r"(?:role|position|job)\b")
# "who moderated the side event", "qui a animé le débat": the holder of a role, asked with its verb
ROLE_VERBS = {"moderated": "moderator", "moderates": "moderator", "modere": "moderateur", "anime": "moderateur",
               "chaired": "chair", "chairs": "chair", "chairing": "chair", "chair": "chair", "presides": "president",
               "presided": "president", "preside": "president", "presider": "president", "presidera": "president",
               "represents": "representative", "represented": "representative", "represente": "representant",
               "representent": "representant", "coordinates": "coordinator", "coordinated": "coordinator",
               "coordonne": "coordinateur", "leads": "leader", "heads": "head", "runs": "head", "ran": "head",
               "leading": "leader", "heading": "head"}
ROLE_VERB = re.compile(r"\b(?:who|qui)\s+(?:(?:has|a|had|avait|is|was|ended up|will|va|is now|now)\s+)?(?P<verb>"
                        + "|".join(ROLE_VERBS) + r")\b")
# (kind, pattern) in order: the first that matches names the kind. Patterns run on folded text.
_KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # a document's number or symbol: "the case number", "the regulation number", "le numéro de la résolution"
    ("symbol", re.compile(r"\b(case|document|doc|regulation|resolution|reference|file|docket|decision|filing) "
                          r"(number|no|nr|symbol)\b|\bnumero (de |du |d )?(l )?(affaire|dossier|document|resolution|"
                          r"decision|reglement)\b")),
    # "tel" is a phone, but "un tel retour de bâton" is "such a backlash"
    ("contact", re.compile(r"\b(phone|telephone|(?<!un )(?<!de )tel)\s*(number|no|nr)?\b|\b(?:e-?)?mail\b"
                           r"|\bcontact (details|info)|\bwebsite\b|\b(?:postal|street|office|mailing|physical) "
                           r"address\b|\bnumero de telephone\b|\badresse (?:postale|du siege)\b|\bcourriel\b"
                           r"|\bsite web\b|^(a |the )?link (to|for)\b|\b(le|un) lien (vers|du|de la|pour)\b")),
    ("time", re.compile(r"\b(what|which) time\b|\bat what hour\b|\btime of (the )?day\b|\bquelle heure\b"
                        r"|\ba quelle heure\b")),
    ("day", re.compile(r"\b(what|which|exact|precise) (days?|dates?)\b|\bon what (day|date)\b"
                       r"|\bdate (of|did|was|when)\b|\bwhen exactly\b"
                       r"|\bquels? jours?\b|\bquelles? dates?\b|\ba quelle date\b|\bdates? (?:exacte|precise)s?\b"
                       r"|\bquand (exactement|precisement)\b"
                       # "le combien", "du combien au combien": which day, which days
                       r"|\bdatee?s? du combien\b|\b(est|etait|c est) le combien\b|\bdu combien au combien\b"
                       # "date d'effet du retrait", "Duterte surrender date?", "effective date"
                       r"|\bdate (?:de |du |des )?(?:effet|entree|remise|signature|adoption|publication|ratification|"
                       r"depot|retrait)\b|\b(?:effective|surrender|designation|signing|publication) date\b")),
    ("article", re.compile(r"\b(which|what) (\w+ ){0,2}?(article|provision)\b|\bunder what (article|provision)\b"
                           r"|\bquel article\b|\bquelle disposition\b")),
    # "how long has he been President": since when, not a figure
    ("date", re.compile(r"\bhow long (has|have|had) (\w+ ){1,4}(been|had|held|led|served)\b"
                        r"|\bdepuis combien de temps (est|il|elle)\b")),
    # how long something lasts: "how long do the sanctions last", not "how long ago" nor "how long has he been"
    ("duration", re.compile(r"\bhow long (do|does|will|would|did|can|could)\b(?! \w+ been)")),
    # the first of a ranking: "which State Party owes the most", "quel pays doit le plus d'argent"
    ("ranking", re.compile(r"\b(?:which|what) (?:\w+ ){0,2}(?:states?|countr(?:y|ies)|part(?:y|ies)|governments?)\b"
                           r"(?: \w+){0,6}? (?:the )?(?:most|biggest|largest|highest|greatest)\b"
                           r"|\bquel(?:le)?s? (?:\w+ ){0,2}(?:etats?|pays|gouvernements?)\b(?: \w+){0,6}? "
                           r"(?:le|la) plus\b")),
    ("number", re.compile(r"\bhow (many|much)\b|\bwhat (number|percentage|share|proportion|amount|figure|sum)\b"
                          rf"|\b(?:{PAY})\b"
                          r"|\b(recommended|proposed|requested|exact|total|dollar|euro) (figure|amount|sum)\b"
                          # "what budget figure", "HRW's recommended number", "un chiffre", "the max penalty"
                          r"|\b(?:what|which|quel) (?:\w+ ){0,2}?(?:figure|chiffre)\b"
                          r"|\b(?:recommended|proposed) number\b|\bun chiffre\b"
                          r"|\bmontant (?:final|exact|precis|adopte|approuve)\b"
                          r"|\b(?:max|maximum|minimum) (?:\w+ )?(?:penalty|penalties|prison|term|sentence|fine)\b"
                          r"|\bpeine maximale\b|\b(?:what|which) majority\b|\bquelle majorite\b|\bquelles? amendes?\b"
                          r"|\bwhat fines?\b"
                          r"|\b(exact|precise|total|overall) number\b|\bnombre (exact|precis|total)\b"
                          r"|\bs (\w+ )?figure\b|\ble (chiffre|montant)\b"
                          r"|\bwhat(?: s| is| was|s)? the (?:amount|sum|(?:approved|final|exact|total|adopted|actual|"
                          r"official|headline|overall|precise|real) (?:amount|sum|number))\b"
                          r"|\bhow (big|long)\b|\bcombien\b|\bquel montant\b|\bquel pourcentage\b|\bquelle somme\b"
                          r"|\b(total|overall) (\w+ )?(budget|amount|cost|sum|figure)\b"
                          r"|\b(budget|montant) (total|global)\b"
                          # a vote's figures, a sentence's length: "what was the vote on ...", "what sentence"
                          r"|\bwhat was the vote\b|\bvote (tally|count|breakdown|result)s?\b|\bwhat sentence\b"
                          r"|\bunanimous\w*\b|\bvot\w* against\b|\babstain\w*\b|\bvote contre\b|\babstenu\w*\b"
                          r"|\b(by|par) consensus\b|\bquelles? peines?\b|\bresultat du vote\b|\bhow large\b"
                          rf"|{BUDGET_ASKED}")),
    ("place", re.compile(r"^where\b|\bwhere (is|was|will|are|were|did|does|do)\b"
                         r"|\b(which|what) (?:\w+ or )?(city|country|venue|place|town|building)\b"
                         r"|^ou\b(?! en )|\bou (est|se|a|ont|sont|aura|etait)\b|\bdans quelle ville\b"
                         r"|\bquel pays\b|\bquel (?:lieu|batiment|endroit)\b|\bwhere and when\b"
                         r"|\b(tient|tiendra|tenu|tenue|deroule|deroulee|lieu|adoptee?s?|signee?s?) ou\b"
                         r"|(?<!\ben )\b(est|etait) ou$")),  # "c'était où", not "on en est où" (how it stands)
    ("date", re.compile(r"^when\b|\bwhen (is|was|did|does|do|will|are|were|has|have)\b|\bsince when\b"
                        r"|\b(what|which) (year|month)\b|^(quand|qd)\b|\bqd (est|a|ont|sera|se|la|le|les)\b"
                        r"|\bquand (est|a|ont|sera|aura|etait|se|la|le"
                        r"|les)\b|\bdepuis quand\b|\bquelle annee\b|\bquel mois\b|\bc est quand\b|\bquand$"
                        r"|\b(?:revient|reviennent|reviendra|rentre|reprend) quand\b")),
    # what someone is accused of: "what exactly is the prosecutor accused of", "on lui reproche quoi"; not what a
    # critic reproaches ("LRWC reproche quoi à la Russie"), whom HRW accuses, nor what a state accused them of "by"
    ("charge", re.compile(r"\bwhat\b(?: \w+){0,8}? (?:accused of(?! by)|charged with|alleged to have)\b"
                          r"|\bwhat (?:\w+ ){0,2}(?:charges|allegations|accusations|misconduct)\b"
                          r"|\b(?:accused of|charged with) what\b|\bfacing charges for\b"
                          r"|\bon (?:lui |leur )?reproche (?:quoi|exactement|precisement)\b"
                          r"|\bqu on (?:lui |leur )?reproche\b"
                          r"|\bde quoi (?:\w+ ){0,4}(?:accuse|accusee|accuses|soupconne)\w*\b|\baccuse\w* de quoi\b"
                          r"|\bquel(?:le)?s? (?:sont |etaient )?(?:exactement |precisement )?(?:les )?"
                          r"(?:accusations|allegations|charges)\b")),
    ("reason", re.compile(r"^why\b|\bwhy\b|\bwhat(?: s| is| was|s)? the (reason|motive|rationale)\b|\bhow come\b"
                          r"|\bwhat (reasons?|motives?|grounds|justifications?) (did|do|does|have|has|had|were|was)\b"
                          r"|\breasons? (for|behind|why)\b|\b(pourquoi|pk|pq|pkoi|pquoi)\b"
                          r"|\bquelle (est la )?raison\b|\bquel(le)?s (sont les |etaient les )?(raisons|motifs)\b"
                          r"|\b(meant|intended|supposed) (for|to do|to achieve)\b|\b(trying|tried|aiming|aimed) to "
                          r"(achieve|do|get)\b|\bdans quel but\b|\bpurpose of\b|\bobjectif\b"
                          r"|\b(?:give|gave|given|offer\w*|provide\w*) (?:any |an |a |some )?(?:explanation|reason|"
                          r"justification)s?\b|\b(?:donne|fourni|avance)\w* (?:une |des |la moindre )?(?:explication|"
                          r"raison|justification)s?\b"
                          r"|\bhow (?:did|does|do|has|have|would) (?:\w+ ){1,4}?(?:justif(?:y|ied)|explain(?:ed)?)\b"
                          r"|\bcomment (?:\w+ ){0,4}?(?:justifie|explique)\w*\b" rf"|\b{SO_GRAVE}\b")),
    # a publication's title: "what's the title of his book (and who publishes it)"; not "who wrote the one titled"
    ("doc_title", re.compile(rf"^(?!(?:(?!\btit).)*\bwho\b)(?!qui\b)(?!.*\best qui\b)(?=.*\b{DOCS}\b).*\b("
                             r"titles?|titled|titre|intitulee?s?|called(?! on| for| upon)|appell?e comment|"
                             r"comment s? ?appell?e)\b")),
    # a named person's office: "danya chaikel - what's her role", "elle a quel rôle exactement"
    ("office", re.compile(OFFICE_ASKED)),
    # where someone is from: "what nationality is Francesca Albanese", "Deswaef il est de quelle nationalité"
    # (not "whatever the suspect's nationality", "quelle que soit la nationalité": a nationality that is no answer)
    ("nationality", re.compile(r"(?<!matter )\b(what|which) nationalit(?:y|ies)\b|\bquelle nationalite\b"
                               r"|^(?:what|which) countr(?:y|ies) (?:is|are|was|were) (?:\w+ ){1,8}from$"
                               r"|\bwhat(?: s| is| was| are|s)? (?:the )?nationalit(?:y|ies) of\b"
                               r"|\bquelles? (?:est|sont|etait) (?:la |les )?nationalites?\b"
                               r"|\bde quelles? nationalites?\b|^what(?: s| is|s)? (?:\w+ ){1,3}nationalit(?:y|ies)\b"
                               r"|\bwhat country (is|was) (he|she) from\b|\b(il|elle) (est|vient) de quel pays\b")),
    ("person", re.compile(r"^(who|whom|whose|whos)\b"
                          r"|\b(who|whom|whose) (is|was|are|were|s|did|does|will|has|have|didn|didnt|doesn|doesnt)\b"
                          r"|" + NAMES_AND + r"of\b|\bwhat(?: s| is|s)? (his|her|their) name\b|\bnamed\b"
                          r"|\b(?:" + ROLES + r")s?\b.*\bname(?: pls| please)?\W*$"  # "fidh rep to the icc, name?"
                          r"|^qui\b|\bnoms? (?:exacts? )?d|\bbrand name\b"
                          # "qui est-ce qu'elle n'a pas arrêté", "qui a-t-elle refusé d'arrêter": asked, not relative
                          r"|\bqui est ce qu|\bqui (?:ont |avait )?(?:il|elle|ils|elles)\b"  # (words drops "a", "t")
                          r"|\b(?:sais|savez|sait|savoir|dire) qui\b"  # "qqn sait qui a présidé l'AEP24"
                          # "which state was behind the cyberattack": whom it is attributed to
                          r"|\bwhich (?:\w+ ){0,2}?(?:was|is|were|are) behind\b(?! on\b| in\b| with\b)"
                          r"|\bquel\w* (?:\w+ ){0,2}?(?:est|etait) derriere\b"
                          # "qui est" asks who at the start of a clause; "les survivants qui ont ..." is a relative one
                          r"|(?:^|[,;:?!.(]\s*|\b(?:et|mais|donc|alors|bref|bon|ok|dis|dites|sais|savez|sait|savoir|moi"
                          r"|nous|dire|voir|ou)\s+)qui (est|sont|a|ont|etait|sera)\b"
                          r"|\bwhat(?: s| is|s)? (it|that) called\b|\bcalled what\b|^what(?: s| is|s)?\b.*\bcalled$"
                          r"|\bwhat(?: s| is|s)? the(?: \w+){1,3} called\b"
                          r"|\bwhat(?: s| is|s)? the name\b"
                          r"|\bwhat(?: s| is| was|s)? (?:his|her) (?:full )?name\b"  # "... what was his name"
                          r"|\bwhat(?: are| were|re)? their (?:full )?names\b"
                          r"|\b(?:names?|noms?) (?:please|pls|plz|svp|stp)\b"
                          r"|\bcomment (?:il |elle |ils |elles |on )?(s )?appell?e(?:nt)?\b|\bappell?e(?:nt)? comment\b"
                          r"|\bc (est|etait) qui\b|\best qui\b|\bce (sont|etaient) qui\b"
                          r"|\betai(en)?t qui\b|\b(lequel|laquelle)$"
                          # who holds an office now or next: "qui dirige le Bureau", "who'll take over"
                          r"|\bqui (?:dirige|dirigera|remplace\w*|assure l interim|succede\w*)\b"
                          r"|\bwho (?:ll|replaces|will replace|would replace|takes over|will take over|would take over"
                          r"|took over)\b|\b(?:par|contre) qui\b|\bagainst whom?\b(?! (?:is|was|are|were)\b)"
                          rf"|\b({ROLES})(?: s|s)? (?:full )?name\b"
                          r"|\bquel est (le|son|leur) nom\b|\bleurs? noms?\b|\bles noms\b"  # "vous avez leurs noms"
                          r"|\bson nom\b"  # "je retrouve pas son nom\"
                          r"|\bqui (exactement|au juste|donc)\b|\bqui$|\bnommement\b"
                          r"|(?<!\bfrom )\bwho$"  # not "came from who": which body, a ministry will do
                          r"|\bwhom? (?:exactly|precisely|specifically)\b"  # "didn't arrest who exactly"
                          # "mongolia refused to arrest who in 2025", "failed to arrest whom": who was not arrested
                          r"|\b(?:arrest|surrender|sanction|target)\w* whom?\b(?! (?:is|was|are|were)\b)"
                          r"|\b(?:arreter|arretee?s?|remettre|remise?s?|livrer|livree?s?|sanctionner|sanctionnee?s?|viser"
                          r"|visee?s?|visai(?:en)?t|passer|partir|filer|echapper) qui\b"
                          r"(?! (?:est|sont|etait|etaient|a|ont|avait|avaient|sera|seront)\b)"
                          r"|\b(?:list|liste) of who\b|\bwho (?:the|they|he|she|we)\b|^qui (?:les|le|la|l)\b"
                          r"|\b(?:list|name) (?:everyone|everybody)\b"  # "could you list everyone LRWC says ..."
                          rf"|{WITH_WHOM}"  # whom one spoke with
                          rf"|\bquel(le)? (?:(?:est|etait) (?:la |le |l )?)?({ROLES}|personne|responsable|ministre|"
                          r"avocate?|diplomate|suspect)\b")),
    # what came of something: a fact about a call, a plan or a matter still pending does not say
    ("outcome", re.compile(r"\b(conclu\w*|outcomes?|results?|verdict|in the end|end(ed)? up(?! \w+ed\b)|"
                           rf"{MESSAGES}|"
                           r"eventually|finally (\w+ed|approv\w*|adopt\w*|pass\w*|decid\w*|agree\w*)|"
                           r"final (\d{4} )?(budget|figure|amount|vote|text|version|decision|result)|"
                           r"actually (?!called)(\w+ed|happen\w*|leave|left|go|went|trigger\w*|adopt\w*|"
                           r"pass\w*|"
                           r"do|did|take|took|make|made)|what came of|resultats?|au final|finalement|"
                           r"en fin de compte|blanchi\w*|ca (a )?donne|aboutit?|fini(t)? par)\b"
                           # "a bien été voté": was it, in the end
                           r"|\bbien ete (vote|adopte|approuve|valide|ratifie)\w*"
                           # what an inquiry found; how a call was answered
                           r"|\bfindings?\b|\b(?:what )?did (?:\w+ ){1,8}find\b"
                           r"|\b(reply|replied|respond|responded) to (the|its|their|this|that|(cicc|coalition)( s)?) "
                           r"(\w+ )?(call|appeal|request|demand)s?\b"
                           # whether a call was acted on: "did Canada adopt any of LRWC's recommendations"
                           r"|^(did|has|have) (?:\w+ ){1,4}?(adopt|implement|activat|enact|heed|follow|extend|"
                           r"decid|impos|approv)\w*\b"
                           # what the Assembly decided: "what penalty did the ASP impose", "was it adopted at ASP24"
                           r"|\bwhat (?:\w+ ){0,2}?(?:did|has|have) (?:the )?(?:asp|aep|assembly|assemblee|icc|court)"
                           r"(?: \d+)? "
                           r"(?:\w+ )?(?:impose|decide|adopt|agree|approve|pass)\w*\b"
                           r"|\b(?:was|were) (?:\w+ ){1,5}?(?:adopted|approved|passed|imposed) (?:at|by|during) "
                           r"(?:the )?(?:asp|aep|assembly)\b|\bwhat was (?:decided|adopted|agreed)\b"
                           # "did the EU actually extend it": whether it happened (not "did CICC actually ask")
                           r"|^(did|has|have) (?:\w+ ){1,4}?(?:actually|already) "
                           r"(?!(?:ask|tell|told|call|urg|say|said|demand|recommend|want|propos)\w*)"
                           r"|\b(elle|il|ils|elles) (?:\w+ )?(active|adopte|applique|mis en oeuvre|suivi)\w*\b"
                           # whether the Assembly acted on something: "did ASP24 agree any penalties for Italy",
                           # "l'AEP24 a-t-elle décidé de sanctionner", "was Hungary punished by the Assembly"
                           r"|\b(?:did|has|have) (?:the )?(?:asp|aep|assembly|states parties|states)(?: \d+)? "
                           r"(?:\w+ ){0,4}?"
                           r"(?:agree|take|took|impose|adopt|decide|punish|penali[sz]|sanction|strip|fine|act)\w*\b"
                           r"|\b(?:was|were|got|been|did (?:\w+ ){1,3}get) (?:\w+ ){0,2}?"
                           r"(?:fined|penali[sz]ed|punished|stripped)\b"
                           r"|\b(?:aep|assemblee)(?: \d+)? (?:elle )?"
                           r"(?:decide|adopte|impose|pris|sanctionne|prononce)\w*\b"
                           r"|\bqu (?:a|ont) (?:decide|adopte|impose)\w*\b"
                           r"|\b(?:sanctionnee?s?|punie?s?|penalisee?s?) (?:comment )?par (?:l )?(?:aep|assemblee)\b"
                           # what an inquiry concluded: "did the investigation clear the prosecutor", "was he cleared"
                           r"|\b(?:clear|cleared|exonerate\w*) (?:him|her|the prosecutor)\b|\bcleared or not\b"
                           r"|\b(?:was|been|is|got) (?:he |she |the prosecutor )?(?:cleared|exonerated)\b")),
    ("effect", EFFECT_ASKED),  # what a measure did to people: a fact saying only whom it targeted does not say
    # an example asked for: "which blocking statute does CICC give as an example", "quel exemple concret"
    ("example", re.compile(r"\b(?:what|which|quel|quelle)(?: \w+){0,2}? (?:example|exemple)s?\b|\bas an example\b"
                           r"|\bcomme exemple\b"
                           r"|\b(?:give|gives|gave|donne|donnent|cite|cites) (?:un |an )?(?:example|exemple)")),
]
# "which banks", "which 16 states", "quels pays": the names of those things
_WHICH = re.compile(r"\b(?P<which>which|quels|quelles)\s+(?:(?:are|were|sont|etaient)\s+(?:the\s+|les\s+)?)?(?:\d+\s+)?"
                    # "which are the 16 states", "quels sont les", "which EU member states"
                    r"(?:(?:specific|exact|particular|precise|individual)\s+)?"  # "which specific states"
                    r"(?:[a-z]{2,3}\s+)?(?:member\s+)?(?P<noun>[a-z][a-z-]{3,})\b"
                    r"|\b(?P<list>list|liste|lister|name|nommer) (?:of|des|de|the|all|those|these|les) (?:the\s+)?"
                    r"(?:\d+\s+)?(?P<listed>[a-z][a-z-]{3,})s?\b")  # "name the 37 states": their names
# "c'est lesquels les 16 pays", "les 16 pays c'est lesquels": which ones, their names (a count says of what)
_WHICH_ONES = re.compile(r"\b(?P<which>lesquels|lesquelles)\s+(?:les\s+)?(?:\d+\s+)?(?P<noun>[a-z][a-z-]{3,})\b")
_ONES_LAST = re.compile(r"\bles\s+\d+\s+(?P<noun>[a-z][a-z-]{3,})\b.*\b(?P<which>lesquels|lesquelles)$")
_ROLE_WORD = re.compile(ROLES)
# things asked for by name ("which case", "which banks"), and people ("which US official"): in English, both numbers
NAMED_THINGS = frozenset("case cases bank banks company companies firm firms software platform platforms ruling "
                         "rulings logiciel plateforme plateformes court courts tribunal tribunals boite "
                         "event evenement statute banque banques provider product products produit produits "
                         "entreprise entreprises publisher editeur chamber chambers".split())  # one event ("which
# side event"); "which events" lists them
_NAMED_THING = "|".join(sorted(NAMED_THINGS, key=len, reverse=True))
# "which German software", "quel logiciel allemand", "which social media platforms": a thing asked for by name,
# a word or two of description between
_WHICH_NAMED = re.compile(r"\b(?P<which>which|quel|quelle|quels|quelles|(?<!en )quoi (?:le|la|les))\s+"
                          rf"(?:[a-z]+\s+){{0,2}}?(?P<noun>{_NAMED_THING})\b")
# "un logiciel allemand, c'est lequel exactement": the thing named before, asked for by its name
_THING_THEN_WHICH = re.compile(rf"\b(?P<noun>{_NAMED_THING})\b.*\best (?P<which>lequel|laquelle|lesquels|lesquelles)\b")
# "on connaît déjà les candidats", "can you list the nominees": who is running, by name
_CANDIDATES = re.compile(r"\b(?:on connait|connait on|do we know|known|list|liste)\b(?P<which>) (?:\w+ ){0,3}?"
                         r"(?P<noun>candidat|candidats|candidate|candidates|nominees)\b")
# "what German software", "what's that German firm": a thing described by one word and asked for by its name (not
# "what software did the Court drop", which the fact naming what was dropped answers)
_WHAT_NAMED = re.compile(r"\b(?P<which>what)(?: s| is|s)?(?: the| that)? "
                         r"(?!(?:is|was|are|were|does|do|did|has|have|the|a|an|could|might|may|must|can|will|would"
                         r"|should|to|of|for|about)\b)[a-z]+ "
                         r"(?P<noun>software|platforms?|compan(?:y|ies)|firms?|banks?|providers?)\b")
_KINDS = [(kind, Gated(pattern)) for kind, pattern in _KIND_PATTERNS]  # each run only over a text it may match
_OUTCOME = dict(_KINDS)["outcome"]  # what came of it: "the conclusions", "les résultats"
_DESCRIBES = re.compile(r" (?:and|or|et|ou) ")  # "which court and system reports": "court" describes "reports"
# "quels pays qui ...", "which states that ...": the "who" or "that" after the noun only goes on to describe it
_WHICH_THAT = re.compile(r"\b(?:which|quels|quelles|quel|quelle)\s+(?:(?P<first>[a-z]+)\s+)?(?P<noun>[a-z]{3,})\s+"
                         r"(?:qui|that|who)\b")
# Words that name the kind of detail asked, not what it is about: "on what date", "which US official", "à quel
# endroit". A fact gives a date or a name without the word; whether it gives one is checked apart (bot.core.holds).
KIND_NOUNS = {"date": frozenset("date day jour".split()),  # not "dates": "ASP24: dates and venue" is a title
              "place": frozenset("location lieu endroit".split()),  # not "place": "where did it take place"
              "person": frozenset("official officials individual individuals personne personnes".split()),
              "time": frozenset("time heure".split()),
              "number": frozenset("figure figures chiffre chiffres nombre".split()),
              "doc_title": frozenset("title titre".split()),
              "office": frozenset("role rôle job position poste fonction".split())}
KIND_NOUNS["day"] = KIND_NOUNS["date"]
PEOPLE = frozenset("official person people individual suspect fugitive judge minister diplomat lawyer activist "
                   "staff".split())
# "which Russian officials": people described by one word, asked for by name; not "which groups/persons did the
# resolution mention" (whoever it names), nor "peoples" or "staffs"
_WHICH_PEOPLE = re.compile(r"\b(?P<which>which|quels|quelles)\s+[a-z]+\s+(?P<noun>(?:"
                           + "|".join(sorted(PEOPLE - {"person", "people", "staff"})) + r")s)\b")


def _a_person(word: str) -> bool:
    return word in PEOPLE or bool(_ROLE_WORD.fullmatch(word))


def _plural_person(after: list[str]) -> bool:
    """"which deputy prosecutors": holders of a role of two words, in the plural, asked for by name."""
    return bool(after) and after[0].endswith("s") and bool(_ROLE_WORD.fullmatch(after[0][:-1]))


# "quand" opening a clause inside a question asked with another word ("quoi", "pourquoi" ...)
_WHEN_CLAUSE = re.compile(r"\b(?:quoi|comment|pourquoi|combien|quels?|quelles?)\b.*\bquand (?:les?|la|l|un|une|des|on|"
                          r"il|elle|ils|elles|ca|c|vous|nous|je|tu)\b|^quand (?:les?|la|l|un|une|des|on|il|elle|ils|"
                          r"elles|ca|c|vous|nous|je|tu)\b.*\b(?:quoi|comment|pourquoi|combien)\b")
_WHEN_ASKED = re.compile(r"\b(?:depuis|jusqu a) quand\b|\bc est quand\b|\bquand\W*$")


# "who was convicted (what role did they have)", "c'était qui comme profil": a description will do, not a name
_DESCRIBED = re.compile(r"\b(?:what|which) (?:role|kind|sort|type|profile)\b|\bbroadly\b|\bas in what\b|"
                        r"\bcomme profil\b|\bquel (?:profil|type|genre)\b|\bqui en gros\b")


def kind_and_which(text: str) -> tuple[str | None, re.Match[str] | None]:
    """The kind of detail asked (see `Wants.kind`), with the "which ..." match that settled it, if one did."""
    text = text.replace("quand meme", "meme")  # "y a quand même eu des avancées": nevertheless, not when
    kind = next((name for name, pattern in _KINDS if pattern.search(text)), None)
    if kind == "person" and _DESCRIBED.search(text):
        return None, None
    if kind == "date" and _WHEN_CLAUSE.search(text) and not _WHEN_ASKED.search(text):
        kind = None  # "c'est quoi le souci quand les États ...": when they do, what is the problem
    if kind == "person" and (rel := _WHICH_THAT.search(text)) and not _a_person(rel.group("noun")) \
            and not _a_person(rel.group("first") or ""):  # "quel suspect c'était qui": a person
        kind = None  # "quels pays qui n'ont pas arrêté": the countries' names; that "qui" asks for no one
    which = (_WHICH_NAMED.search(text) or _WHICH.search(text) or _WHICH_ONES.search(text)
             or _ONES_LAST.search(text) or _WHAT_NAMED.search(text) or _THING_THEN_WHICH.search(text)
             or _CANDIDATES.search(text)) if kind in (None, "outcome") else None
    if kind == "outcome" and which and _OUTCOME.fullmatch(which.groupdict().get("noun") or ""):
        which = None  # "quelles sont les conclusions": what came of it, not names
    if which and which.groupdict().get("list"):  # "la liste des 16 etats": their names
        return "names", which
    # "which Russian official": a person; not "quelles sanctions l'auteur propose", where the role is who proposes
    after = text[which.end():].split()[:2] if which and which.group("which") == "which" else []
    if which and (people := _WHICH_PEOPLE.match(text, which.start())):
        return "names", people  # "which Russian officials": their names, as "which officials" asks
    if which and (_a_person(which.group("noun")) or any(_a_person(w) for w in after)):
        return "person", None  # "which US official", "which US president": who
    if which and _plural_person(after):
        return "person", which  # "which deputy prosecutors": who they are, by name
    if which and (which.group("which") != "which" or which.group("noun").endswith("s")
                  or (which.group("noun") in NAMED_THINGS and not _DESCRIBES.match(text, which.end())
                      and not text[:which.start("noun")].endswith("rome "))):
        # "which case", "which bank": its name; "which Rome Statute article" asks the article, the Statute is named
        return "names", which
    return kind, None


# a second question asked beside the first: "when did Hungary fail to arrest someone and who was it", "le Tadjikistan
# n'a pas arrêté qui, et c'était quand"
_ANOTHER_ASK = re.compile(r"[,;?]|\b(?:and|et|also|aussi)\b", re.IGNORECASE)
_ASKING = re.compile(r"\b(?:who|whom|when|where|which|how|what|qui|quand|ou|quel|quelle|quels|quelles|combien)\b")


def other_asks(question: str, text: str) -> frozenset[str]:
    """The kinds of detail a question of several clauses asks, each clause read on its own (none for one clause;
    `text` is the question's words as `bot.core.intent.read` reads them)."""
    if len(_ASKING.findall(text)) < 2:
        return frozenset()  # one question word: one ask (most questions; this spares reading each clause)
    clauses = [" ".join(words(c.replace("'", " "))) for c in _ANOTHER_ASK.split(question)]
    return frozenset(kind for c in clauses if len(clauses) > 1 and _ASKING.search(c) and (kind := kind_and_which(c)[0]))


@lru_cache(maxsize=65536)
def kind_of(question: str) -> str | None:
    """Only the kind of detail a question asks for: how a fact's example questions are compared with a member's.
    Remembered: the same examples come up for question after question."""
    return kind_and_which(" ".join(words(question.replace("'", " "))))[0]


# "I keep seeing 'CICC' ... what does the acronym stand for": the letters written in capitals earlier
_THE_LETTERS = frozenset("acronym abbreviation acronyme abreviation sigle".split())
_HEDGES = frozenset("actually really exactly even again".split())
_CAPITALS = re.compile(r"\b[A-Z]{2,8}\b")


def letters_asked(stands: re.Match[str], question: str) -> str:
    """The letters a question asks to have spelt out (`stands`: intent's match of how it asks)."""
    letters = next(letters for letters in stands.groups() if letters)
    capitals = _CAPITALS.findall(question) if letters in _THE_LETTERS or letters in _HEDGES else []
    if not capitals:
        return letters
    # "APIC keeps coming up in the NGO asks. What does it actually stand for?": the letters it opened with
    return (capitals[0] if letters in _HEDGES else capitals[-1]).lower()
