"""The engine: the fact store and its revisions, answering, deadlines and reminders, feedback, server settings,
permissions and every command. Plain Python with plain data in and out: nothing here imports discord.py or
aiohttp, so every adapter (Discord, the local chat, the command line) runs the same code.
"""
