"""The command line (`python -m bot ...`): one answer, data checks, imports and exports, deadlines, backups,
and starting the bot or the local chat. Each subcommand imports only what it needs, so a one-off answer starts
quickly."""
