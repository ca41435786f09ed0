"""French names and descriptions for the slash commands, so a member whose Discord client is in French sees
/demander, /sujets, /fait afficher ... and French descriptions; the commands behave the same in either language.

discord.py wraps every command, group and option name and description in `locale_str` and, at sync, asks this
`app_commands.Translator` for each locale; Discord then shows the French strings to French clients. Names are
looked up by the English name (unique enough: a group's subcommands never share one), descriptions by the
command's path, since the English descriptions come from the core registry and may be reworded there. Anything
not listed here stays in English for everyone.
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.app_commands import TranslationContextLocation as Where

NAMES_FR = {
    # commands and groups
    "ask": "demander", "topics": "sujets", "help": "aide", "deadlines": "echeances", "deadline": "echeance",
    "fact": "fait", "facts": "faits", "source": "source", "status": "etat", "reminders": "rappels",
    "config": "config",
    # subcommands
    "show": "afficher", "list": "liste", "add": "ajouter", "edit": "modifier", "retire": "retirer",
    "revert": "restaurer", "history": "historique", "search": "chercher", "diff": "comparer",
    "import": "importer", "export": "exporter", "feedback": "signalements", "gaps": "sans-reponse",
    "stale": "a-revoir", "calendar": "calendrier", "cancel": "annuler", "channel": "salon", "role": "role",
    "offsets": "delais", "digest": "resume", "network": "reseau", "modrole": "role-moderation",
    "modlog": "journal", "answers": "reponses", "cooldown": "intervalle", "retention": "conservation",
    "language": "langue",
    # options
    "question": "question", "topic": "sujet", "days": "jours", "past": "passees", "reason": "raison",
    "revision": "revision", "words": "mots", "retired": "retires", "seconds": "secondes", "text": "texte",
    "title": "titre", "title_fr": "titre_fr", "text_fr": "texte_fr", "questions_fr": "questions_fr",
}
COMMANDS_FR = {
    "ask": "Poser une question ; la réponse cite ses sources",
    "topics": "Les sujets que couvrent les faits vérifiés",
    "help": "Ce que le bot sait faire",
    "deadlines": "Les échéances à venir, la plus proche d'abord",
    "deadline": "Une échéance : détails, historique, calendrier",
    "deadline show": "Une échéance en détail",
    "deadline history": "Les révisions d'une échéance",
    "deadline calendar": "Un fichier calendrier (.ics) de toutes les échéances à venir",
    "fact": "Les faits vérifiés : afficher, lister, chercher (modérateurs : modifier)",
    "fact show": "Afficher un fait avec ses sources",
    "fact list": "Lister les identifiants et titres des faits",
    "fact search": "Chercher des faits par leurs mots, le plus pertinent d'abord",
    "fact add": "Ajouter un fait (avec sa version française)",
    "fact edit": "Modifier un fait, y compris sa version française",
    "facts": "Modérateurs : importer, exporter, signalements, questions sans réponse, faits à revoir",
    "facts stale": "Faits à relire : date de relecture passée, ou traduction plus ancienne que l'anglais",
    "config": "Modérateurs : rôle de modération, journal, salon des réponses, intervalle, langue",
    "config language": "La langue des rappels et du résumé hebdomadaire de ce serveur (en ou fr)",
    "reminders": "Modérateurs : salon, rôle, délais et résumé des rappels",
    "status": "Version, disponibilité, chiffres, prochain rappel et temps de réponse",
}
OPTIONS_FR = {
    ("ask", "question"): "votre question",
    ("deadlines", "days"): "combien de jours à l'avance",
    ("deadlines", "past"): "regarder en arrière : ce qui est passé ces derniers jours",
    ("fact show", "id"): "identifiant du fait",
    ("fact show", "revision"): "une révision antérieure (modérateurs)",
    ("fact list", "topic"): "seulement ce sujet",
    ("fact search", "words"): "les mots à chercher",
    ("deadline show", "id"): "identifiant de l'échéance",
    ("deadline history", "id"): "identifiant de l'échéance",
    ("config language", "language"): "en (anglais) ou fr (français)",
}


class FrenchTranslator(app_commands.Translator):
    async def translate(self, string: app_commands.locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContext[Any, Any]) -> str | None:
        if locale != discord.Locale.french:
            return None
        where, data = context.location, context.data
        if where in (Where.command_name, Where.group_name, Where.parameter_name):
            return NAMES_FR.get(string.message)
        if where in (Where.command_description, Where.group_description):
            return COMMANDS_FR.get(getattr(data, "qualified_name", ""))
        if where is Where.parameter_description:
            return OPTIONS_FR.get((data.command.qualified_name, data.name))
        return None
