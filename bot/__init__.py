"""Coalition Desk: a shared, sourced memory for civil-society coalitions working around the ICC.

The public face, kept stable for scripts and checks outside the test suite:

    from bot import Desk, create_client

`bot.core` is the engine (plain Python, plain data in and out); `bot.discord_bot`, `bot.chat` and `bot.cli` are
the adapters. Both names are loaded on first use, so `import bot` stays cheap and `Desk` alone never loads
discord.py. Modules from before the packages existed (`bot.desk`, `bot.discord_app`, ...) still import, with a
DeprecationWarning naming their new place.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = ["Desk", "__version__", "create_client"]

if TYPE_CHECKING:
    from bot.core.desk import Desk
    from bot.discord_bot.client import create_client

_PUBLIC = {"Desk": "bot.core.desk", "create_client": "bot.discord_bot.client"}

# Deprecated since 0.2: the flat modules of 0.1 and where each now lives.
MOVED = {
    "bot.desk": "bot.core.desk", "bot.discord_app": "bot.discord_bot.client", "bot.commands": "bot.core.commands",
    "bot.command_registry": "bot.core.registry", "bot.facts": "bot.core.facts", "bot.answering": "bot.core.answering",
    "bot.models": "bot.core.models", "bot.db": "bot.core.db", "bot.timeutil": "bot.core.timeutil",
    "bot.text": "bot.core.text", "bot.render": "bot.core.render", "bot.datafiles": "bot.core.datafiles",
    "bot.settings": "bot.core.settings", "bot.permissions": "bot.core.permissions",
    "bot.feedback": "bot.core.feedback", "bot.ics": "bot.core.ics", "bot.scheduler": "bot.core.scheduler",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        value = getattr(importlib.import_module(_PUBLIC[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'bot' has no attribute {name!r}")


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves an old module name with the module at its new place (the same object), warning once."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: Any) -> Any:
        warnings.warn(f"{spec.name} is deprecated; import {MOVED[spec.name]} (or `from bot import Desk, "
                      "create_client`)", DeprecationWarning, stacklevel=3)
        return importlib.import_module(MOVED[spec.name])

    def exec_module(self, module: Any) -> None:
        """Nothing to run: the module was imported at its new place."""


sys.meta_path.append(_MovedModules())
