"""The Discord adapter: the client, slash commands, embeds, forms and buttons, and the reminder sender. The only
package that imports discord.py; everything it does is a call into `bot.core`."""
