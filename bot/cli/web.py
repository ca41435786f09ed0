"""`python -m bot serve` and the `--web HOST:PORT` of `python -m bot run`: the command line starts the web site,
alone or beside the Discord client, and tells the site what it can see of that client for /healthz."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.core.desk import Desk


def address(value: str) -> tuple[str, int]:
    """argparse type for HOST:PORT."""
    from bot.web.server import parse_address

    try:
        return parse_address(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parser(sub: Any, handler: Any) -> None:
    serve = sub.add_parser("serve", help="the web site alone: fact pages, search, calendar feeds, JSON, /healthz")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    serve.set_defaults(func=handler)


def serve(desk: Desk, host: str, port: int) -> int:
    from bot.web.server import serve as run_site

    return run_site(desk, host, port)


def beside(desk: Desk, host: str, port: int) -> Any:
    """For run_bot: the site on host:port while the Discord client runs, reporting its gateway and dispatcher."""
    from bot.web.middleware import Probe
    from bot.web.server import site

    @contextlib.asynccontextmanager
    async def running(client: Any) -> AsyncIterator[Any]:
        reminders = getattr(client, "reminders", None)
        probe = Probe(gateway=lambda: client.is_ready() and not client.is_closed(),
                      leading=(lambda: bool(reminders.service.leader)) if reminders is not None else None)
        async with site(desk, host, port, probe) as runner:
            yield runner

    return running


def listen_failure(exc: Exception) -> int:
    print(exc, file=sys.stderr)
    return 1
