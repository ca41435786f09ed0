"""Coalition Desk: a shared, sourced memory for civil-society coalitions working around the ICC.

The package is split so that the core (facts, answering, deadlines, reminders, permissions) is plain Python
with plain data in and out; the Discord client, the local chat and the command line are thin adapters on top.
"""

__version__ = "0.1.0"
