"""The names checks outside the test suite use: `from bot import Desk, create_client`, and the 0.1 module names
that still import (deprecated) as the same module objects."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest


def test_desk_and_create_client_are_the_real_objects() -> None:
    from bot import Desk, create_client
    from bot.core.desk import Desk as CoreDesk
    from bot.discord_bot.client import create_client as factory

    assert Desk is CoreDesk and create_client is factory


def test_importing_bot_or_desk_does_not_load_discord() -> None:
    code = "import sys\nfrom bot import Desk\nprint(sorted(m for m in ('discord', 'aiohttp') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_an_unknown_name_is_an_attribute_error() -> None:
    import bot

    with pytest.raises(AttributeError):
        _ = bot.NoSuchThing


@pytest.mark.parametrize(("old", "new"), [("bot.desk", "bot.core.desk"), ("bot.discord_app", "bot.discord_bot.client"),
                                          ("bot.facts", "bot.core.facts")])
def test_old_module_names_still_import_with_a_warning(old: str, new: str) -> None:
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=new):
        module = importlib.import_module(old)
    assert module is importlib.import_module(new)
