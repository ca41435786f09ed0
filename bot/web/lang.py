"""The site's two languages: which one a reader gets (`?lang=fr`, else their browser's Accept-Language, else
English), the few words of the page chrome in each, and a fact's fields in that language when it has them.

A fact without a French text is shown in English on the French pages, with a note saying so.
"""

from __future__ import annotations

from typing import Any

from bot.core.messages import date_in

LANGUAGES = ("en", "fr")

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "site": "Coalition Desk", "tagline": "Curated, sourced facts on the International Criminal Court",
        "search": "Search the facts", "ask": "Search", "topics": "Topics", "facts": "facts",
        "answered": "Answered", "partial": "Partly answered", "declined": "No curated fact on that yet",
        "sources": "Sources", "as_of": "As of", "review": "Review", "review_due": "review due by",
        "review_overdue": "review overdue since", "review_none": "no review date set", "history": "History",
        "retired": "This fact was retired and is no longer used in answers.", "no_sources": "none listed",
        "english_only": "This fact has no French text yet; it is shown in English.",
        "closest": "Closest topics", "related": "See also", "deadlines": "Deadlines", "calendar": "Subscribe",
        "calendar_hint": "Deadlines for every server, for your calendar app", "home": "All topics",
        "not_found": "No fact with that id.", "fact_id": "Fact id", "topic": "Topic", "changed": "changed",
        "missing": "The curated facts don't say {missing}. What they do say:", "other_lang": "Français",
        "question_label": "Your question", "revision": "revision", "skip": "Skip to content",
    },
    "fr": {
        "site": "Coalition Desk", "tagline": "Des faits vérifiés et sourcés sur la Cour pénale internationale",
        "search": "Chercher dans les faits", "ask": "Chercher", "topics": "Thèmes", "facts": "faits",
        "answered": "Réponse", "partial": "Réponse partielle", "declined": "Aucun fait vérifié sur ce point",
        "sources": "Sources", "as_of": "À jour au", "review": "Révision", "review_due": "à revoir d'ici le",
        "review_overdue": "à revoir depuis le", "review_none": "pas de date de révision",
        "history": "Historique", "retired": "Ce fait a été retiré et n'est plus utilisé dans les réponses.",
        "no_sources": "aucune", "english_only": "Ce fait n'a pas encore de texte en français ; il est affiché en "
        "anglais.", "closest": "Thèmes les plus proches", "related": "Voir aussi", "deadlines": "Échéances",
        "calendar": "S'abonner", "calendar_hint": "Les échéances de tous les serveurs, pour votre agenda",
        "home": "Tous les thèmes", "not_found": "Aucun fait avec cet identifiant.", "fact_id": "Identifiant",
        "topic": "Thème", "changed": "modifié", "missing": "Les faits vérifiés ne disent pas {missing}. "
        "Ce qu'ils disent :", "other_lang": "English", "question_label": "Votre question",
        "revision": "révision", "skip": "Aller au contenu",
    },
}


def choose(query_lang: str | None, accept_language: str | None) -> str:
    """`?lang=` wins; then the first of the browser's languages we have (quality order); else English."""
    if query_lang in LANGUAGES:
        return query_lang
    ranked: list[tuple[float, str]] = []
    for part in (accept_language or "").split(",")[:20]:
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((quality, tag.strip().lower().split("-")[0]))
    for quality, tag in sorted(ranked, key=lambda item: -item[0]):
        if quality > 0 and tag in LANGUAGES:
            return tag
    return "en"


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def fact_fields(fact: Any, lang: str) -> tuple[str, str, bool]:
    """(title, text, translated): the French title and text when asked for and present, else the English."""
    if lang == "fr" and getattr(fact, "text_fr", ""):
        return getattr(fact, "title_fr", "") or fact.title, fact.text_fr, True
    return fact.title, fact.text, lang == "en"


def topic_name(topic: Any, lang: str) -> str:
    return (getattr(topic, "name_fr", "") if lang == "fr" else "") or topic.name


def date_text(value: str | None, lang: str) -> str:
    """'2025-06-05' as '5 June 2025' or '5 juin 2025' (the bot's own wording); a month alone ('2025-06') as
    'June 2025'; a timestamp by its day."""
    return date_in(str(value or "")[:10], lang)
