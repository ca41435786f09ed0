"""What the bot says around an answer, in English and French: labels, declines, partial replies, suggestions, the
out-of-date note, the cooldown and error messages, and dates written the way each language writes them.

A small catalog kept as Python rather than gettext .po/.mo files: two languages and a few dozen sentences, each
English sentence beside its French one so a reviewer reads both together, no compiled files to keep in step and
no build step; tests/core/test_french.py checks that every entry has both languages with the same placeholders.
The core picks the language (`Answer.lang`, a server's setting); adapters ask here for the words.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.core.models import Fact
from bot.core.timeutil import MONTHS_FR, human_date

CATALOG: dict[str, dict[str, str]] = {
    "topics_heading": {"en": "Topics:", "fr": "Sujets :"},
    "topic_line": {"en": "- **{name}** (`{id}`, {count} facts): {description}",
                   "fr": "- **{name}** (`{id}`, {count} faits) : {description}"},
    "no_answer": {"en": "No curated fact on that yet.",
                  "fr": "Pas encore de fait vérifié sur ce sujet."},
    "closest_topics": {"en": "Closest topics: {topics}.", "fr": "Sujets les plus proches : {topics}."},
    "see_topics": {"en": "See /topics, or ask a moderator to add a fact.",
                   "fr": "Voir /topics, ou demandez à un modérateur d'ajouter un fait."},
    "partial": {"en": "The curated facts don't say {missing}. What they do say:",
                "fr": "Les faits vérifiés ne disent pas {missing}. Voici ce qu'ils disent :"},
    "source": {"en": "Source: {source}", "fr": "Source : {source}"},
    "sources": {"en": "Sources", "fr": "Sources"},
    "none_listed": {"en": "none listed", "fr": "aucune indiquée"},
    "as_of": {"en": "As of", "fr": "À jour au"},
    "as_of_line": {"en": "As of {date} · fact `{id}`", "fr": "À jour au {date} · fait `{id}`"},
    "fact_id": {"en": "Fact id", "fr": "Identifiant du fait"},
    "topic": {"en": "Topic", "fr": "Sujet"},
    "revision": {"en": "Revision", "fr": "Révision"},
    "review_by": {"en": "Review by", "fr": "À relire le"},
    "status": {"en": "Status", "fr": "Statut"},
    "example_questions": {"en": "Example questions", "fr": "Exemples de questions"},
    "keywords": {"en": "Keywords", "fr": "Mots-clés"},
    "see_also": {"en": "See also: {facts}", "fr": "Voir aussi : {facts}"},
    "related": {"en": "Related facts", "fr": "Faits liés"},
    "asked": {"en": "Asked: ", "fr": "Question : "},
    "review_overdue": {"en": "Review overdue", "fr": "Relecture en retard"},
    "stale": {"en": "⚠ May be out of date: its review was due on {date}.",
              "fr": "⚠ Peut-être dépassé : sa relecture était prévue le {date}."},
    "no_french": {"en": "This fact has no French version yet; it is shown in English.",
                  "fr": "Ce fait n'a pas encore de version française ; le voici en anglais."},
    "french_outdated": {"en": "The English text changed after this French version was written.",
                        "fr": "Le texte anglais a changé depuis cette version française ; elle est en cours de "
                              "relecture."},
    "private_answer": {"en": "Answers are posted in {channel}; this one is only shown to you.",
                       "fr": "Les réponses sont publiées dans {channel} ; celle-ci n'est visible que par vous."},
    "helpful": {"en": "Helpful", "fr": "Utile"},
    "outdated": {"en": "Outdated or wrong", "fr": "Dépassé ou faux"},
    "cooldown": {"en": "This server allows one question every {seconds} s per member, so nobody floods the "
                       "channel. You can ask again {when}.",
                 "fr": "Ce serveur permet une question toutes les {seconds} s par membre, pour que personne "
                       "n'inonde le salon. Vous pourrez redemander {when}."},
    "no_words": {"en": "I couldn't find any words to search for in that question.",
                 "fr": "Je n'ai trouvé aucun mot à chercher dans cette question."},
    "too_general": {"en": "That question is too general for one fact; try naming what you want to know about.",
                    "fr": "Cette question est trop générale pour un seul fait ; précisez ce que vous voulez savoir."},
    "other_body": {"en": "That's about another court or body ({name}); this desk covers the ICC and its Assembly "
                         "of States Parties.",
                   "fr": "Cela concerne une autre juridiction ou instance ({name}) ; ce bureau couvre la CPI et son "
                         "Assemblée des États parties."},
    # what a partial reply says was asked: "The curated facts don't say {missing}" (keys from bot.core.intent)
    "missing_that": {"en": "that", "fr": "cela"},
    "missing_contact": {"en": "contact details", "fr": "les coordonnées"},
    "missing_symbol": {"en": "its number", "fr": "son numéro"},
    "missing_time": {"en": "the time of day", "fr": "l'heure"},
    "missing_day": {"en": "the exact date", "fr": "la date exacte"},
    "missing_date": {"en": "when", "fr": "quand"},
    "missing_article": {"en": "which article", "fr": "quel article"},
    "missing_number": {"en": "the figure", "fr": "le chiffre"},
    "missing_sentence": {"en": "the sentence handed down", "fr": "la peine prononcée"},
    "missing_currency": {"en": "the sum in {currency}", "fr": "la somme en {currency}"},
    "missing_count": {"en": "how many {thing}", "fr": "combien de {thing}"},
    "missing_place": {"en": "where", "fr": "où"},
    "missing_reason": {"en": "why", "fr": "pourquoi"},
    "missing_person": {"en": "who", "fr": "qui"},
    "missing_office": {"en": "what role they hold", "fr": "quel rôle cette personne occupe"},
    "missing_ranking": {"en": "which one comes first", "fr": "lequel arrive en tête"},
    "missing_charge": {"en": "what exactly they are accused of", "fr": "ce qui est reproché exactement"},
    "missing_nationality": {"en": "their nationality", "fr": "sa nationalité"},
    "missing_duration": {"en": "how long it lasts", "fr": "combien de temps cela dure"},
    "missing_effect": {"en": "what it did or means for those it reaches",
                       "fr": "ce que cela a fait ou signifie pour ceux que cela touche"},
    "missing_example": {"en": "which example it gives", "fr": "quel exemple est donné"},
    "missing_name_of": {"en": "the name of the {thing}", "fr": "le nom {thing}"},  # French: "du logiciel"
    "missing_role": {"en": "who the {role} is", "fr": "qui est {role}"},
    "missing_role_plural": {"en": "who the {role}s are", "fr": "qui sont les {role}s"},
    "missing_role_of": {"en": "who the {role} of {org} is", "fr": "qui est {role} de {org}"},
    "missing_summary": {"en": "what {thing} say", "fr": "ce que disent {thing}"},
    "missing_head_of_state": {"en": "which head of state it is", "fr": "de quel chef d'État il s'agit"},
    "missing_outcome": {"en": "what came of it", "fr": "ce qu'il en est advenu"},
    "missing_event": {"en": "whether that happened", "fr": "si cela s'est produit"},
    "missing_forecast": {"en": "whether that will happen", "fr": "si cela va se produire"},
    "missing_body_act": {"en": "what the {name} did", "fr": "ce qu'a fait cet organe ({name})"},
    "missing_expansion": {"en": "what {acronym} stands for", "fr": "ce que veut dire {acronym}"},
    "missing_opinion": {"en": "what will happen or what anyone should think of it",
                        "fr": "ce qui va se passer ni ce qu'il faut en penser"},
    "missing_recording": {"en": "whether there is a recording", "fr": "s'il en existe un enregistrement"},
    "missing_said": {"en": "what {who} said", "fr": "ce qu'a dit {who}"},
    "missing_doc_title": {"en": "its title", "fr": "son titre"},
    "missing_title": {"en": "anything about the {title}", "fr": "quoi que ce soit sur : {title}"},
    "missing_names": {"en": "{which} {noun}", "fr": "{which} {noun}"},  # in the question's own words
    "missing_years": {"en": "that for {years}", "fr": "cela pour {years}"},
    "missing_count_of": {"en": "{counted}", "fr": "{counted}"},  # the count as asked: "four Palestinian NGOs"
    "missing_session": {"en": "that for ASP{n}", "fr": "cela pour l'AEP{n}"},
    "missing_membership": {"en": "whether {name} is a State Party", "fr": "si ce pays ({name}) est un État partie"},
    "missing_country": {"en": "that about {name}", "fr": "cela au sujet de ce pays ({name})"},
    "missing_union": {"en": "that about the {name}", "fr": "cela au sujet de l'{name}"},
    "missing_source": {"en": "that, as {name} puts it", "fr": "cela, selon {name}"},
    "missing_source_figure": {"en": "what figure {name} gives", "fr": "quel chiffre donne {name}"},
    "language_question": {"en": "That's a language question; this desk answers from curated facts about the ICC and "
                                "its Assembly of States Parties, not translations.",
                          "fr": "C'est une question de langue ; ce bureau répond à partir de faits vérifiés sur la CPI "
                                "et son Assemblée des États parties, pas par des traductions."},
}

_ELIDED = re.compile(r"\bde (?=[aeiouyàâéèêîôh])", re.I)


def say(key: str, lang: str = "en", **values: object) -> str:
    """The message in `lang`; a `name_fr` among the values (another body's French name) stands for `name` in French."""
    entry = CATALOG[key]
    if lang == "fr" and "name_fr" in values:
        values["name"] = values["name_fr"]
    text = entry.get(lang, entry["en"]).format(**values)
    if lang == "fr" and key.startswith("missing_"):  # "combien de États" -> "combien d'États"
        text = _ELIDED.sub("d'", text)
    return text


def date_in(value: str | dt.date, lang: str = "en") -> str:
    """'2025-06-05' -> '5 June 2025' or '5 juin 2025'; '2025-06' -> 'June 2025' or 'juin 2025'."""
    if lang != "fr":
        return human_date(value)
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return text
    month = f"{MONTHS_FR[int(match.group(2)) - 1]} {match.group(1)}"
    if match.group(3) is None:
        return month
    day = int(match.group(3))
    return f"{'1er' if day == 1 else day} {month}"


def shown(fact: Fact, lang: str = "en") -> tuple[str, str, str | None]:
    """(title, text, note) of a fact as shown in `lang`: its French version when it has one (with a note when
    the English changed since), else the English with a note saying there is no French yet."""
    if lang != "fr":
        return fact.title, fact.text, None
    if not fact.has_french:
        return fact.title, fact.text, say("no_french", lang)
    return fact.title_fr, fact.text_fr, say("french_outdated", lang) if fact.french_outdated else None
