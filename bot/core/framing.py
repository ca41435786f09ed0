"""How a member frames a question, apart from what it asks: "so far", "this fall", "for our newsletter", "I'm
preparing a note for our foreign ministry", "in a nutshell", "hold up as an example", "en ce moment". These words
say when, for whom or how the answer is wanted; left in, they would count as the question's subject, and a fact
would have to hold "newsletter" or "moment" to answer it. bot.core.intent blanks them before a question is read."""

from __future__ import annotations

import re

from bot.core.question_kinds import OFFICE_ASKED, SO_GRAVE

# whom the asker's errand is for: "a note for our foreign ministry" (the ministry is the reader, not what is asked)
_FOR_WHOM = (r"(?: (?:(?:for|to|pour|[aà]) (?:our|my|the|notre|nos|mon|ma|le|la|les)|aupr[eè]s (?:du|de la|des)) "
             r"(?:\w+ ){0,2}?(?:foreign ministry|ministry of foreign affairs|ministry|minister|minist[eè]re des "
             r"affaires [eé]trang[eè]res|minist[eè]re|ministre|government|gouvernement|mission|embassy|ambassade|board|"
             r"members|membres|partners|partenaires|team|[eé]quipe|direction|parliamentarians|parlementaires|network|"
             r"r[eé]seau|coalition|platform|plateforme|organi[sz]ation)(?: nationale| national)?)?")
# how a member frames a question, not what it is about: "so far", "this fall", "need the date for a post"
FRAMING = re.compile(r"\b(so far|as of now|right now|at (?:the|this) moment|these days|(?:sets?|lays?|laid) out|"
                      r"in (?:a|one) (?:sentence|line)|this (fall|autumn|spring|summer|winter)|how long"
                      r"( ago| since)?|(the )?(full|whole|complete|entire) list|"
                      # how many points the member wants: "the 3 main things", "4-5 points max", "en deux mots"
                      r"(?:(?:the|les|like|top|en|in|au moins|at least) )?(?:\d(?:-\d)?|two|three|four|five|six|"
                      r"deux|trois|quatre|cinq|six) (?:main |big |key |major |grands? |grandes |principa(?:les|ux) )?"
                      r"(?:things|points|choses|trucs|mots|words|lines|sentences|bullets)(?: max(?:imum)?)?|"
                      r"for an? (post|tweet|thread|newsletter|presentation|briefing)( note| paper| doc)?|"
                      # the asker's errand: "I'm preparing a comparison", "we're drafting a briefing note"
                      r"(i.m|i am|im|we.re|we are|our (?:\w+ ){1,2}?(?:is|are)) (preparing|writing|drafting|"
                      r"putting together|working on) (a|an|our|my|some) ([\w-]+ )?(note|brief|briefing|report|"
                      r"comparison|presentation|training|workshop|memo|paper|newsletter|summary|overview|factsheet|"
                      r"document|doc|deck|slides|letter|statement|submission|op-ed|blog post)" + _FOR_WHOM + "|"
                      r"need (the |a |an )?(exact |full )?(date|number|name|figure|list)s?( for (a )?translation)?|"
                      r"translating (this |it )?for (a |my |our )?\w+|jusqu.ici|[aà] ce jour|"
                      r"for (my|our) [\w ]{0,20}(flyer|leaflet|handout|slides?|deck|poster|post|thread|newsletter|"
                      r"briefing|presentation)( note| paper| doc| memo)?|good (morning|afternoon|evening)|"
                      r"(c.?est |c )?pour (une|un|ma|mon|notre|nos) (intro d.)?(pr[eé]sentation|"
                      r"formation|r[eé]union|note|publication|post|tweet|atelier|newsletter|webinaire|fiche|communiqu[eé]|"
                      r"lettre|courrier|compte.rendu|bulletin)( interne| de sensibilisation)?|"
                      r"pour un post|au juste|(?:mettre|met|mettent|mis|mise|mises) en place|"
                      # "les banques posent problème", "est-elle un problème": why, not what problem ("les 3 problèmes")
                      r"(?:pose\w*(?:-\w+){0,2}|c.?est un|c un|(?:est|sont)(?:-\w+)? une?) "
                      r"(?:gros |vrai )?(?:probl[eè]me|pb)|"
                      # "could end up targeted", "risque de se retrouver isolé": what becomes of them
                      r"(?:end|ends|ended|ending) up (?=\w+ed\b)|se retrouv(?:er|e|ent)|"
                      # "apart from the judges themselves, who else ...": those left aside are not who is asked about
                      r"(?:apart from|aside from|besides|other than|[aà] part|en dehors d\w*|hormis)\s+[^,?]{1,40}?"
                      r"(?=,?\s+(?:who|qui)\b)|"
                      # French links and asides of chat: "à cause de", "en ce moment", "qui risque d'être", "on prépare
                      # un plaidoyer", "jamais entendu parler"
                      r"[aà] cause (de|des|du|d.)|risquen?t?(?:-(?:t-)?(?:il|elle|ils|elles|on))? (de|d.)|"
                      r"j.ai pas compris|en ce moment|"
                      + SO_GRAVE + "|"
                      # how much is wanted and what a text highlights: "les grands axes", "là-dessus", "au moment de",
                      # "met(-elle) en avant", "l'ensemble des", "besoin de savoir"
                      r"(?:les |des )?(?:grands axes|grandes lignes)|l[aà][ -]dessus|"
                      r"au moment (?:de|du|des|d['’]|o[uù])|(?:met|mettent|mettre|mis|mise|mettait)(?:-\w+)?\s+en "
                      r"(?:avant|lumi[eè]re|exergue|valeur)|(?:j.ai |on a )?besoin de savoir|"
                      r"l.ensemble (?:des|de la|du|de)|intitul[eé]e? officiel(?:le)?|officiellement(?=\W*$)|"
                      r"[aà] l.heure actuelle|(?:on|quelqu.un) m.a parl[eé] d\w*|dans le cadre d\w*|en mati[eè]re d\w*|"
                      # "ça vient d'où", "elle vient de quelle chambre", "il vient faire quoi": where from, what for
                      r"(?:[cç]a|il|elle|ils|elles) vien(?:t|nent) (?:faire|de|d['’])|"
                      r"jamais entendu parler|never heard of (?:it|them|him|her|this|that)\b|"
                      # "which states does OJ call out": names, not a call made to them; "tbh i lost track"
                      r"(?:call|calls|called|calling|single|singles|singled|singling) out|"
                      r"(?:i(?:.?ve| have)? |i )?(?:lost|lose|losing) track|j.ai perdu le fil|"
                      # "début juin", "début 2025": when, not the start asked about ("le début des sanctions")
                      r"d[eé]but(?= (?:janvier|f[eé]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|"
                      r"novembre|d[eé]cembre|(?:19|20)\d\d)\b)|"
                      # a remark on values that disagree: "j'ai vu passer deux dates différentes", "I keep seeing
                      # two different dates" (the fact says which sources give which)
                      r"(?:(?:j.ai|on a) (?:vu|lu|entendu)(?: passer| circuler)?|i(?:.?ve| have)? (?:seen|read|heard)|"
                      r"i keep (?:seeing|reading|hearing)|i saw)(?: \w+)? (?:deux|two|2|plusieurs|several|"
                      r"conflicting|contradictory)(?: diff[eé]rent\w*| diff| contradictoires?)? (?:dates?|versions?|"
                      r"chiffres?|figures?|numbers?|ones|montants?|amounts?)"
                      r"(?: diff[eé]rent\w*| diff| contradictoires?)?"
                      r"(?: going around| qui circulent| selon les sources| depending on the source)?|"
                      r"s.appel(?:le|lent|ait|aient)\b|"
                      # "HRW parle d'une condamnation": what a text is about, not who spoke
                      r"parl(?:e|ent|ait|aient|er) (?:de |des |du |d['’])|"
                      r"(j.ai )?besoin (de la|du|des|d.) ?(date|chiffre|nom|liste|montant)s?"
                      r"( pr[eé]cises?| exactes?)?|"
                      r"(je|on|nous|notre \w+) (dois |devons )?(pr[eé]par(e|ons|er)|r[eé]dig(e|eons|er)|"
                      r"[eé]cri(s|t|vons|re)) (une?|des|notre|ma|mon) \w+( de \w+| internes?)?" + _FOR_WHOM + "|"
                      # "which one does CICC hold up as an example": an instance named, not what holds
                      r"(?:holds?|held|holding) up(?: as (?:an? |the )?(?:example|model))?|(?:as|for) an? example|"
                      r"(?:en|comme|pour) exemple|[aà] titre d.exemple|"
                      r"in (plain|simple|other) (words|terms|english)|in a nutshell|tl ?;? ?dr|"
                      r"en (termes )?simples?|en gros|en bref|en resume|en train de?|(like )?concretely|stands? for|"
                      r"veut dire|abr[eé]viations?( de)?|acronymes?|abbreviations?|acronyms?|comme sigle|sigles?|"
                      # a purpose asked: "what were they meant for", "trying to achieve", "dans quel but"
                      r"(meant|intended|supposed) (for|to do|to achieve)|(trying|tried|aiming|aimed) to (achieve|do|"
                      r"get)|dans quel but|dans le but de quoi)\b"
                      # "what's EO 14203 called?": a name; "what's her role": the office kind asks it
                      r"|\b(actually |officially |really )?called(?=\W*$|\W+and (?:when|where|who|what|how|why)\b)|"
                      + OFFICE_ASKED, re.I)
