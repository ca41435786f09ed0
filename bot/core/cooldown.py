"""A per-member cooldown on questions, so one member (or a script) cannot flood a channel with answers.

It lives in the core because the rule is the same everywhere: a member who asked less than the server's
`cooldown_seconds` ago waits for the rest. Adapters decide how to say so; the tracker also remembers whether
that member was already told during the current wait, so an adapter can answer a flood once and then stay quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_TRACKED = 10_000  # keys kept before expired ones are swept: memory stays bounded under a flood of members


@dataclass(frozen=True)
class Wait:
    """A refused question: how long until the member may ask again, and whether they were told already."""

    retry_after: float
    already_told: bool


class CooldownTracker:
    """Remembers when each key (e.g. "guild:user") last asked. Not thread-safe: call it from one event loop."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._last: dict[str, float] = {}
        self._told: set[str] = set()

    def check(self, key: str, seconds: float) -> Wait | None:
        """None (and the ask is recorded) when `key` may ask now; otherwise how long it must wait.

        Refused asks do not restart the wait, so a member who keeps trying is let through as soon as the
        cooldown that began with their last answered question is over.
        """
        now = self.clock()
        if seconds <= 0:
            return None
        last = self._last.get(key)
        if last is not None and now - last < seconds:
            told = key in self._told
            self._told.add(key)
            return Wait(retry_after=seconds - (now - last), already_told=told)
        self._last[key] = now
        self._told.discard(key)
        if len(self._last) > MAX_TRACKED:
            self._sweep(now, seconds)
        return None

    def reset(self, key: str) -> None:
        """Forget a key (for example when its question could not be answered because of an error on our side)."""
        self._last.pop(key, None)
        self._told.discard(key)

    def _sweep(self, now: float, seconds: float) -> None:
        horizon = max(seconds, 3600.0)
        for key in [k for k, at in self._last.items() if now - at >= horizon]:
            del self._last[key]
            self._told.discard(key)
