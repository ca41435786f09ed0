"""The local chat: the same engine and commands as on Discord, in a terminal (what `make run` starts when no
Discord token is set). Reminders print in the terminal as they fire."""
