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

from bot.core.commands.names_fr import COMMANDS_FR, NAMES_FR

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
