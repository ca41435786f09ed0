"""Answering in a process of its own, so the Discord client's process keeps its interpreter for Discord's I/O.

Python runs one thread at a time. At a couple of hundred questions a second the answering (a few milliseconds of
pure Python per question) and the event loop that speaks to Discord (a millisecond and a half per interaction)
take turns on that one lock, and each holds the other up: more reader threads add nothing. A child process has an
interpreter of its own, so its answering runs beside the event loop on the machine's other core.

The child is started with the "spawn" method (the parent has threads, so it is never forked), opens the same
database read-only with its own connection and caches, warms them, and answers the questions from a pipe in the
order they come. Its caches follow the parent's writes: every request carries the parent's
`FactStore.generation` and the changes made since the child last heard, and the child follows them before
answering, so its answerer forgets exactly the terms an edit touched, as the parent's own would (a bulk change:
it starts again).

When the child dies or does not answer in time, the question is answered here with the parent's own answerer,
one line is logged, and the child is restarted once; while it starts, questions are answered here too.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Mapping
from concurrent.futures import Future
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from bot.core.answering import Answer, check_question
from bot.core.desk import Desk

log = logging.getLogger(__name__)

REPLY_SECONDS = 2.0  # a child that has not answered by then is taken for dead (an answer takes milliseconds)
MAX_WAITING = 8  # a question that would wait behind this many others for the child is answered here instead
START_SECONDS = 60.0  # for the child to open the database and warm its caches
RESTARTS = 1
SWITCH_ENV = "BOT_ANSWER_PROCESS"  # on, off, or auto: on where the machine has two CPUs or more
# `python -m bot run` takes "auto" (bench/bench_load.py, 200 a second: 99% or more answered in time in nine runs
# of thirteen, against 29-100% in five runs alternated with them in the bot's own process); a script of its own that
# builds the client keeps "off", since spawn imports its main module again and a script without a main guard would
# start a second client.
DEFAULT = "off"
RUN_DEFAULT = "auto"


def wanted(choice: bool | None = None, environ: Mapping[str, str] | None = None, *, default: str = DEFAULT) -> bool:
    """Whether a long-lived adapter should answer in a child process: `choice` when given, else
    `BOT_ANSWER_PROCESS`: on, off, or auto (on when there is a second CPU for the child); `default` when unset."""
    if choice is not None:
        return choice
    value = (os.environ if environ is None else environ).get(SWITCH_ENV, "").strip().lower() or default
    if value == "auto":
        return (os.cpu_count() or 1) >= 2
    return value in ("1", "on", "yes", "true")


def attach(desk: Desk) -> AnswerProcess:
    """Answer `desk`'s members' questions (`Desk.answer`) in a child process from now on. Returns at once: the
    child starts in the background, and questions are answered here until it is ready."""
    process = AnswerProcess(desk)
    desk.attach_answer_process(process)
    process.start()
    return process


def serve(conn: Connection, path: str, data_root: str, generation: int) -> None:
    """The child: open the database read-only, warm, say ready, then answer until told to stop (None) or the
    parent is gone (the pipe closes)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in a terminal reaches the whole group; the parent stops us
    try:
        desk = Desk.open(path, Path(data_root), seed=False, read_only=True)
        desk.facts.changes.follow(generation, [])  # what the parent had written when this child began to read
        desk.warm()
    except Exception as exc:  # the parent logs it in one line and answers the questions itself
        with contextlib.suppress(OSError):
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    try:
        conn.send(("ready", None))
        while (request := conn.recv()) is not None:
            generation, changes, question, limit, lang, hint = request
            desk.facts.changes.follow(generation, changes)
            try:
                reply: tuple[str, Any] = ("ok", desk.answerer.ask(question, limit=limit, lang=lang, hint=hint))
            except Exception as exc:  # the parent answers it itself, and so meets the same error if it is real
                reply = ("error", f"{type(exc).__name__}: {exc}")
            conn.send(reply)
    except (EOFError, OSError):  # the parent is gone
        pass
    finally:
        desk.close()


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


class Gone(Exception):
    """The child stopped (or was stopped) before it answered."""


class _Child:
    """One started child: its process, the parent's end of its pipe, and the questions sent to it and not answered
    yet, in the order it answers them. Once ready, a thread of its own reads the answers and hands each to its
    asker, so the next question already waits in the pipe when the child finishes one: it never waits for the
    parent's threads (which wait for the event loop) between two questions."""

    def __init__(self, desk: Desk) -> None:
        self.facts = desk.facts
        self.sent = desk.facts.generation  # the generation the child has mirrored: read before it reads anything
        context = multiprocessing.get_context("spawn")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=serve, name="desk-answer", daemon=True,
                                       args=(theirs, str(desk.db.path), str(desk.data_root), self.sent))
        self.process.start()
        theirs.close()  # ours alone now: when the child dies, reading from the pipe ends instead of waiting
        self._send = threading.Lock()  # one request written at a time, in the order of `_waiting`
        self._waiting: deque[Future[tuple[str, Any]]] = deque()
        self._gone = False
        self._reader: threading.Thread | None = None

    def ready(self, timeout: float) -> None:
        """Wait for the child to say it is ready (it may say why it cannot be instead)."""
        if not self.conn.poll(timeout):
            raise TimeoutError(f"not ready after {timeout:g} s")
        status, problem = self.conn.recv()
        if status != "ready":
            raise RuntimeError(problem.splitlines()[0])  # the child's one line

    def start_reading(self) -> None:
        """From now on the answers are read by a thread of the child's own, which closes the pipe at the end."""
        self._reader = threading.Thread(target=self._read, name="desk-answer-read", daemon=True)
        self._reader.start()

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def submit(self, question: str, limit: int, lang: str | None, hint: str | None) -> Future[tuple[str, Any]]:
        """Send a question, with the writes since the last one; its future gets ("ok", answer) or ("error", why),
        or raises Gone."""
        future: Future[tuple[str, Any]] = Future()
        with self._send:
            if self._gone:
                raise Gone
            generation = self.facts.generation
            changes = self.facts.changes.between(self.sent, generation) if generation != self.sent else []
            self._waiting.append(future)
            try:
                self.conn.send((generation, changes, question, limit, lang, hint))
            except (OSError, ValueError):
                self.process.kill()  # a request half written: nothing it answers could be matched to its asker
                raise Gone from None
            self.sent = generation
        return future

    def _read(self) -> None:
        try:
            while True:
                reply = self.conn.recv()
                self._waiting.popleft().set_result(reply)
        except (EOFError, OSError, IndexError):  # it stopped, or was stopped (or answered what was never asked)
            pass
        finally:
            with self._send:
                self._gone = True
                unanswered, self._waiting = self._waiting, deque()
            for future in unanswered:
                future.set_exception(Gone())
            self.conn.close()

    def stop(self, timeout: float = 2.0) -> None:
        """Let it answer what was sent and finish, or kill it after `timeout` seconds. The pipe is closed by the
        thread reading it (the answers' reader, or the one waiting for `ready`)."""
        if self._send.acquire(timeout=timeout):  # not behind a request stuck on a full pipe: that one ends below
            try:
                with contextlib.suppress(OSError, ValueError):
                    self.conn.send(None)
            finally:
                self._send.release()
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout + 1)
        if self._reader is not None and self._reader is not threading.current_thread():
            self._reader.join(timeout + 1)


class AnswerProcess:
    """`ask` as the desk's answerer has it, answered in a child process. Thread-safe: several threads may ask at
    once; the child answers their questions in turn, and a question that would wait behind too many is answered
    here."""

    def __init__(self, desk: Desk, *, reply_seconds: float = REPLY_SECONDS, max_waiting: int = MAX_WAITING,
                 start_seconds: float = START_SECONDS, restarts: int = RESTARTS) -> None:
        self.desk = desk
        self.local = desk.answerer
        self.reply_seconds = reply_seconds
        self.max_waiting = max_waiting
        self.start_seconds = start_seconds
        self.restarts = restarts  # left
        self.answered_here = 0  # questions answered in this process while a child was meant to answer them
        self.errors = 0  # questions the child raised on
        self._lock = threading.Lock()  # guards the fields below
        self._child: _Child | None = None  # answering
        self._starting: _Child | None = None  # started, not ready yet
        self._wanted = False  # start() was called and close() was not
        self._ready = threading.Event()
        self._launcher: threading.Thread | None = None

    # --- life -------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the child in the background and return at once; until it is ready, questions are answered
        here. A database in memory cannot be shared with another process: then everything is answered here."""
        if str(self.desk.db.path) == ":memory:":
            log.info("the database is in memory: questions are answered in this process")
            return
        self._wanted = True
        self._launcher = threading.Thread(target=self._launch, name="desk-answer-start", daemon=True)
        self._launcher.start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """True once a child is answering (for tests and benchmarks; the adapters never wait)."""
        return self._ready.wait(timeout)

    @property
    def pid(self) -> int | None:
        child = self._child
        return child.process.pid if child is not None else None

    @property
    def waiting(self) -> int:
        """Questions sent to the child and not answered yet."""
        child = self._child
        return child.waiting if child is not None else 0

    def _launch(self) -> None:
        started = time.monotonic()
        try:
            child = _Child(self.desk)
        except Exception as exc:
            self._failed(f"could not start ({_one_line(exc)})")
            return
        with self._lock:
            wanted = self._wanted
            self._starting = child if wanted else None
        try:
            if not wanted:
                raise EOFError
            child.ready(self.start_seconds)
        except (TimeoutError, EOFError, OSError, RuntimeError) as exc:
            child.stop(0)
            child.conn.close()
            self._failed(f"did not start ({str(exc) if isinstance(exc, RuntimeError) else _one_line(exc)})")
            return
        child.start_reading()
        with self._lock:
            self._starting = None
            if wanted := self._wanted:
                self._child = child
                self._ready.set()
        if not wanted:
            child.stop()
            return
        log.info("answering questions in process %s (ready in %.1f s)", child.process.pid,
                 time.monotonic() - started)

    def _failed(self, what: str) -> None:
        """One line for the log, and one restart while any are left (in the background)."""
        if not self._wanted:
            return
        restart = self.restarts > 0
        self.restarts -= restart
        log.warning("the answering process %s; answering in this process %s", what,
                    "while it restarts" if restart else "from now on")
        if restart:
            self.start()

    def _drop(self, child: _Child, what: str) -> None:
        """The child failed: the first asker to see it stops it and has it restarted."""
        with self._lock:
            if self._child is not child:
                return
            self._child = None
            self._ready.clear()
        child.stop(0)
        self._failed(what if what else f"stopped (exit code {child.process.exitcode})")

    def close(self, timeout: float = 2.0) -> None:
        """Stop the child (once it has answered what it was sent; one still starting at once) and wait for it;
        later questions are answered here."""
        with self._lock:
            self._wanted = False
            child, starting = self._child, self._starting
            self._child = self._starting = None
            self._ready.clear()
        if starting is not None:
            starting.stop(0)
        if child is not None:
            child.stop(timeout)
        launcher = self._launcher
        if launcher is not None and launcher is not threading.current_thread():
            launcher.join(timeout + 2)  # a child it is starting right now is stopped as soon as it exists

    # --- asking -----------------------------------------------------------------------------------------------
    def ask(self, question: str, *, limit: int = 3, lang: str | None = None, hint: str | None = None) -> Answer:
        """What the desk's answerer would answer, worked out in the child; here when there is none (yet), when
        `max_waiting` questions already wait for it, or when it fails."""
        check_question(question)  # a question that is no question is refused here, as the answerer refuses it
        child = self._child
        if child is not None and child.waiting < self.max_waiting:
            try:
                status, value = child.submit(question, limit, lang, hint).result(timeout=self.reply_seconds)
            except Gone:
                self._drop(child, "")
            except TimeoutError:
                self._drop(child, f"did not answer within {self.reply_seconds:g} s")
            else:
                if status == "ok":
                    answer: Answer = value
                    return answer
                self.errors += 1
                if self.errors == 1:  # the same fault would fill the log with one line a question
                    log.warning("the answering process could not answer a question (%s); it was answered in this "
                                "process, as later ones it cannot answer will be", value)
        if self._wanted:
            self.answered_here += 1
        return self.local.ask(question, limit=limit, lang=lang, hint=hint)
