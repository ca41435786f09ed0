"""Running the site: alone (`python -m bot serve`) or beside the Discord client in one process
(`python -m bot run --web HOST:PORT`), on the same Desk either way."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import AsyncIterator

from aiohttp import web

from bot.core.desk import Desk
from bot.web.app import create_app
from bot.web.middleware import Probe

log = logging.getLogger(__name__)


class ListenError(RuntimeError):
    """The address cannot be listened on (in use, not this machine's, a privileged port). Not an OSError, so a
    caller that handles network errors of its own (the Discord client's) does not mistake it for one."""


def parse_address(value: str) -> tuple[str, int]:
    """'127.0.0.1:8080', '[::1]:8080' or ':8080' (127.0.0.1) -> (host, port); ValueError in one sentence."""
    host, sep, port = value.strip().rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{value!r} is not HOST:PORT, like 127.0.0.1:8080")
    return host.strip("[]") or "127.0.0.1", int(port)


@contextlib.asynccontextmanager
async def site(desk: Desk, host: str, port: int, probe: Probe | None = None) -> AsyncIterator[web.AppRunner]:
    """The site listening on host:port for as long as the block runs."""
    runner = web.AppRunner(create_app(desk, probe=probe), access_log=None, handle_signals=False)
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as exc:
            raise ListenError(f"The web site cannot listen on {host}:{port}: {exc.strerror or exc}.") from exc
        log.info("web site on http://%s:%d/ (facts, search, /calendar.ics, /healthz)",
                 f"[{host}]" if ":" in host else host, port)
        yield runner
    finally:
        await runner.cleanup()


async def _serve(desk: Desk, host: str, port: int) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
    async with site(desk, host, port):
        await stop.wait()


def serve(desk: Desk, host: str, port: int) -> int:
    """Run the site until SIGTERM or Ctrl-C. An address that cannot be listened on is one sentence, exit 1."""
    try:
        asyncio.run(_serve(desk, host, port))
    except ListenError as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    log.info("web site stopped")
    return 0
