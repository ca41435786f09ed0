"""The engine every adapter holds: one database, the stores on it, and the answerer.

`Desk.open()` applies migrations and, on a new database, seeds it from `data/`, so the first question after
start-up already has the shipped facts and deadlines behind it.
"""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path

from bot.core.answering import Answerer
from bot.core.datafiles import Problem, check_dataset, data_dir, load_other_bodies, render_files
from bot.core.db import Database, resolve_db_path
from bot.core.deadlines.store import DeadlineStore
from bot.core.facts import FactStore
from bot.core.feedback import FeedbackStore
from bot.core.models import InputError
from bot.core.permissions import Actor
from bot.core.settings import SettingsStore
from bot.core.storage import FaultNotices, StorageError
from bot.core.timeutil import to_iso, utcnow

BODIES_SEEDED = "other_bodies_seeded_at"


class DataError(InputError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Desk:
    def __init__(self, db: Database, data_root: Path | None = None) -> None:
        self.db = db
        self.data_root = Path(data_root) if data_root else data_dir()
        self.facts = FactStore(db)
        self.settings = SettingsStore(db)
        self.feedback = FeedbackStore(db)
        self.deadlines = DeadlineStore(db)
        self.answerer = Answerer(self.facts)
        self.started_monotonic = time.monotonic()
        self.started_at = utcnow()
        self.answer_latencies_ms: deque[float] = deque(maxlen=200)
        self.fault_notices = FaultNotices()  # storage faults servers were told about (once each)

    @classmethod
    def open(cls, path: str | Path | None = None, data_root: Path | None = None, *, seed: bool = True,
             read_only: bool | None = None) -> Desk:
        """read_only: None opens read-only when the file or folder cannot be written; True always (SQLite mode=ro).
        A database that cannot be opened raises bot.core.storage.StorageError (one sentence)."""
        desk = cls(Database(resolve_db_path(path), read_only=read_only), data_root)
        if seed and desk.db.get_meta("seeded_at") is None:
            if desk.db.read_only:
                desk.close()
                raise StorageError("readonly", f"The database {desk.db.path} is read-only and has never been filled "
                                               "from data/, so it cannot be used until it is writable.")
            desk.seed()
        elif seed and not desk.db.read_only and desk.db.get_meta(BODIES_SEEDED) is None:
            desk.seed_other_bodies()  # a database seeded before the list existed
        return desk

    def seed_other_bodies(self) -> None:
        bodies, problems = load_other_bodies(self.data_root)
        if problems:
            raise DataError(problems)
        with self.db.transaction():
            if bodies:
                self.facts.replace_other_bodies(bodies)
            self.db.set_meta(BODIES_SEEDED, to_iso(utcnow()))

    def seed(self) -> None:
        """Load the curated files into a new database, all or nothing."""
        data, problems = check_dataset(self.data_root)
        if problems:
            raise DataError(problems)
        actor = Actor.importer()
        with self.db.transaction():
            plan = self.facts.plan_import(data.facts, data.sources, data.topics, data.synonyms or [])
            self.facts.apply_import(plan, actor, "seeded from data/")
            self.deadlines.seed(data.deadlines, actor)
            if data.other_bodies is not None:
                self.facts.replace_other_bodies(data.other_bodies)
            self.db.set_meta(BODIES_SEEDED, to_iso(utcnow()))
            self.db.set_meta("seeded_at", to_iso(utcnow()))
        self.answerer.refresh()

    def export_files(self) -> dict[str, str]:
        return render_files(
            list(self.facts.sources().values()),
            self.facts.topics(),
            self.facts.list(include_retired=True),
            self.facts.synonyms(),
            self.deadlines.export_records(),
            self.facts.other_bodies(),
        )

    def uptime_seconds(self) -> float:
        return time.monotonic() - self.started_monotonic

    def close(self) -> None:
        self.db.close()
