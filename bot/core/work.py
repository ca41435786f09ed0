"""Where commands run for a long-lived adapter: a small pool of readers and one writer, behind bounded queues.

Answers, listings and autocomplete only read, so they run on reader threads, each with its own SQLite
connection (bot.core.db): a long import on the writer never holds them up. Writes keep one thread, so the core
still sees one writer at a time. Readers serve the servers in turn, and one server may hold only some of them,
so one busy server cannot starve the others. Admission is bounded: when too much is already waiting, or one
server already has its share queued, `submit` refuses at once with `Busy` so the adapter can say "busy, try
again in a moment" while there is still time to say it, and a job that waited past its start-by time is not
run at all: a queue that only grows would answer nobody in time.
"""

from __future__ import annotations

import concurrent.futures
import functools
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from bot.core import commands
from bot.core.registry import Context, Reply

if TYPE_CHECKING:
    from bot.core.desk import Desk

T = TypeVar("T")

READERS = 3
MAX_PENDING = 512  # jobs queued or running, all servers together
PER_SERVER = 256  # of those, for one server (direct messages count as one server)
RUNNING_PER_SERVER = 2  # readers one server may hold at once: the others stay free for other servers
# When answers are worked out in a child process (bot.core.answer_process), a reader asking mostly waits for the
# child, so more of them keep its pipe full: with two, the child sat idle between questions and a queue built up
# (bench/bench_load.py at 200 a second: p50 240-450 ms with 3 and 2, 11-22 ms with these).
READERS_APART = 8
RUNNING_PER_SERVER_APART = 6

# Commands that only read; anything else runs on the writer. `ask` may keep an unanswered question, a write
# of one row that takes the writer's lock for a moment and never waits for the writer's queue.
READ_ONLY = frozenset({
    "ask", "topics", "help", "status", "fact show", "fact list", "fact history", "fact search", "fact diff",
    "facts export", "facts feedback", "facts gaps", "facts stale", "deadlines", "deadline show",
    "deadline calendar", "deadline history", "config show", "reminders status",
})

BUSY = "Busy right now: please try again in a moment."


class Busy(Exception):
    """Too much is waiting already (or this server has its share in flight), or the job waited past its
    start-by time: nothing was run."""


@dataclass
class _Job:
    future: concurrent.futures.Future[Any]
    func: Callable[[], Any]
    server: str
    start_by: float | None


class Workers:
    """Reader and writer threads for one Desk. Thread-safe; `submit` never blocks.

    Readers take queued jobs server by server in turn (round robin), and at most RUNNING_PER_SERVER of them
    work for one server at a time, so one busy server cannot starve the others."""

    def __init__(self, desk: Desk, *, readers: int = READERS, max_pending: int = MAX_PENDING,
                 per_server: int = PER_SERVER, running_per_server: int = RUNNING_PER_SERVER,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.desk = desk
        self.max_pending = max_pending
        self.per_server = per_server
        self.running_per_server = max(1, min(running_per_server, readers))
        self.clock = clock
        # One lock guards the queues; the writer waits on `_cond`, the readers on `_readable`, and each event
        # wakes one thread that can act on it, not all of them: a needless wake-up takes the GIL from the event
        # loop for nothing.
        lock = threading.Lock()
        self._cond = threading.Condition(lock)
        self._readable = threading.Condition(lock)
        self._lanes: dict[str, deque[_Job]] = {}  # reads waiting, by server, in the order servers came
        self._running: dict[str, int] = {}
        self._writes: deque[_Job] = deque()
        self._by_server: dict[str, int] = {}
        self._stopped = False
        self.pending = 0
        self.refused = 0  # Busy so far
        self._threads = [threading.Thread(target=self._read_loop, name=f"desk-read-{i}", daemon=True)
                         for i in range(readers)]
        self._threads.append(threading.Thread(target=self._write_loop, name="desk-write", daemon=True))
        for thread in self._threads:
            thread.start()

    @classmethod
    def sized(cls, desk: Desk, *, answers_apart: bool) -> Workers:
        """Workers for a desk that answers here, or in a child process (then more readers: each mostly waits)."""
        if answers_apart:
            return cls(desk, readers=READERS_APART, running_per_server=RUNNING_PER_SERVER_APART)
        return cls(desk)

    def submit(self, func: Callable[[], T], *, server: str | None = None, write: bool = True,
               start_by: float | None = None) -> concurrent.futures.Future[T]:
        """Queue `func` on the writer (or the readers); Busy at once when the queues are full for this server.
        A job still waiting at `start_by` (on `clock`) is not run: its future raises Busy."""
        key = server or "dm"
        job = _Job(concurrent.futures.Future(), func, key, start_by)
        with self._cond:
            if self._stopped:
                raise RuntimeError("the workers are shut down")
            if self.pending >= self.max_pending or self._by_server.get(key, 0) >= self.per_server:
                self.refused += 1
                raise Busy(key)
            self.pending += 1
            self._by_server[key] = self._by_server.get(key, 0) + 1
            if write:
                self._writes.append(job)
                self._cond.notify()
            else:
                self._lanes.setdefault(key, deque()).append(job)
                self._readable.notify()
        return job.future

    def command(self, ctx: Context, name: str, args: dict[str, Any], *,
                start_by: float | None = None) -> concurrent.futures.Future[Reply]:
        """`bot.core.commands.run` on a reader when the command only reads, else on the writer."""
        return self.submit(functools.partial(commands.run, self.desk, ctx, name, args), server=ctx.guild_id,
                           write=name not in READ_ONLY, start_by=start_by)

    def read(self, func: Callable[[], T], *, server: str | None = None) -> concurrent.futures.Future[T]:
        return self.submit(func, server=server, write=False)

    def _next_read(self) -> _Job | None:
        for key in list(self._lanes):
            if self._running.get(key, 0) < self.running_per_server:
                lane = self._lanes.pop(key)
                job = lane.popleft()
                if lane:
                    self._lanes[key] = lane  # to the back: the next read goes to another server
                return job
        return None

    def _read_loop(self) -> None:
        while True:
            with self._cond:
                job = self._next_read()
                while job is None and not self._stopped:
                    self._readable.wait()
                    job = self._next_read()
                if job is None:
                    return
                self._running[job.server] = self._running.get(job.server, 0) + 1
            self._run(job)

    def _write_loop(self) -> None:
        while True:
            with self._cond:
                while not self._writes and not self._stopped:
                    self._cond.wait()
                if not self._writes:
                    return
                job = self._writes.popleft()
                self._running[job.server] = self._running.get(job.server, 0) + 1
            self._run(job)

    def _run(self, job: _Job) -> None:
        try:
            if job.future.set_running_or_notify_cancel():
                if job.start_by is not None and self.clock() > job.start_by:
                    with self._cond:
                        self.refused += 1
                    job.future.set_exception(Busy(job.server))
                else:
                    try:
                        job.future.set_result(job.func())
                    except BaseException as exc:
                        job.future.set_exception(exc)
        finally:
            with self._cond:
                self.pending -= 1
                self._running[job.server] -= 1
                if not self._running[job.server]:
                    del self._running[job.server]
                left = self._by_server[job.server] - 1
                if left:
                    self._by_server[job.server] = left
                else:
                    del self._by_server[job.server]
                if self._lanes:  # a read may have been waiting for this server's share
                    self._readable.notify()

    def shutdown(self) -> None:
        """Stop taking jobs; what is queued is cancelled, what runs finishes on its own."""
        with self._cond:
            self._stopped = True
            queued = [*self._writes, *(job for lane in self._lanes.values() for job in lane)]
            self._writes.clear()
            self._lanes.clear()
            self._cond.notify_all()
            self._readable.notify_all()
        for job in queued:
            job.future.cancel()
            with self._cond:
                self.pending -= 1
                self._by_server[job.server] -= 1
