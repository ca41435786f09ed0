"""The engine every adapter holds: one database, the stores on it, and the answerer.

`Desk.open()` applies migrations and, on a new database, seeds it from `data/`, so the first question after
start-up already has the shipped facts and deadlines behind it.
"""

from __future__ import annotations

import gc
import hashlib
import threading
import time
from collections import OrderedDict, deque
from pathlib import Path
from typing import Protocol

from bot.core import countries, fact_readings, lexicon
from bot.core.answering import Answer, Answerer
from bot.core.datafiles import Problem, check_dataset, data_dir, load_other_bodies, render_files
from bot.core.db import Database, resolve_db_path
from bot.core.deadlines.store import DeadlineStore
from bot.core.facts import FactStore, ImportPlan
from bot.core.feedback import FeedbackStore
from bot.core.models import InputError
from bot.core.permissions import Actor
from bot.core.settings import SettingsStore
from bot.core.storage import FaultNotices, StorageError
from bot.core.text import INDEX_VERSION
from bot.core.timeutil import to_iso, utcnow

BODIES_SEEDED = "other_bodies_seeded_at"
INDEXED_AS = "index_version"  # the bot.core.text.INDEX_VERSION the search index was last written with
READ_AS = "readings_version"  # the bot.core.fact_readings.VERSION its readings were last written with
DATA_FINGERPRINT = "data_fingerprint"  # of the curated files the database was last seeded or synced from


def data_fingerprint(root: Path) -> str:
    """A hash of every curated file under `root` (names and bytes), to tell whether data/ changed since."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.yaml")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


WARM_QUESTIONS = {"en": "what is new on the budget?", "fr": "quoi de neuf sur le budget ?"}


def settle() -> None:
    """Move what is loaded so far (the store's rows, word lists, caches) out of the garbage collector's
    generations. A full collection no longer walks it: at 10,000 facts one question in a few hundred waited about
    170 ms for one (bench/bench_answers.py warms as the answering process does)."""
    gc.collect()
    gc.freeze()


def warm(answerer: Answerer) -> None:
    """Load what answering caches and loads on first use (synonyms, topics, each language's answerer, the
    dictionaries that tell an ordinary word, the store's words a typo is matched against, the countries' names),
    by answering a question in each language and reading the rest, so the first members' questions after a start
    do not pay for it (a first French question or first typo waited 55 to 70 ms, a first unknown word at 10,000
    facts about 65 ms); then settle what is loaded."""
    for lang, question in WARM_QUESTIONS.items():
        lexicon.load(lang)  # otherwise read at the first question with a word the store lacks
        answerer.ask(question, lang=lang)
        answerer.in_language(lang).vocabulary.load()
    countries.load()
    settle()


class DataError(InputError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class ImportPlans:
    """Import previews kept for their confirm. The preview parses, checks and plans the file; a confirm of the same
    file by the same person, with the store unchanged since, writes that plan instead of doing it all again (a
    1,000-fact file is parsed once). A few are kept, the oldest dropped first."""

    SIZE = 8

    def __init__(self) -> None:
        self._plans: OrderedDict[str, tuple[int, ImportPlan]] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(who: str, filename: str, content: bytes) -> str:
        return hashlib.sha256(b"\0".join([who.encode(), filename.encode(), content])).hexdigest()

    def keep(self, key: str, generation: int, plan: ImportPlan) -> None:
        with self._lock:
            self._plans[key] = (generation, plan)
            while len(self._plans) > self.SIZE:
                self._plans.popitem(last=False)

    def take(self, key: str, generation: int) -> ImportPlan | None:
        """The kept plan, if the store has not changed since it was made; it is handed out once."""
        with self._lock:
            kept = self._plans.pop(key, None)
        return kept[1] if kept is not None and kept[0] == generation else None


class Asker(Protocol):
    """Answers questions as `Answerer.ask` does, elsewhere (bot.core.answer_process: in a process of its own)."""

    def ask(self, question: str, *, limit: int = 3, lang: str | None = None, hint: str | None = None) -> Answer: ...

    def close(self) -> None: ...


class Desk:
    def __init__(self, db: Database, data_root: Path | None = None) -> None:
        self.db = db
        self.data_root = Path(data_root) if data_root else data_dir()
        self.facts = FactStore(db)
        self.settings = SettingsStore(db)
        self.feedback = FeedbackStore(db)
        self.deadlines = DeadlineStore(db)
        self.answerer = Answerer(self.facts)
        self.answer_process: Asker | None = None  # where members' questions are answered, when not here
        self.started_monotonic = time.monotonic()
        self.started_at = utcnow()
        self.answer_latencies_ms: deque[float] = deque(maxlen=200)
        self.fault_notices = FaultNotices()  # storage faults servers were told about (once each)
        self.import_plans = ImportPlans()

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
        if not desk.db.read_only and (desk.db.get_meta(INDEXED_AS) != INDEX_VERSION
                                      or desk.db.get_meta(READ_AS) != fact_readings.VERSION):
            with desk.db.transaction():  # words are stemmed, or questions read, another way since it was indexed
                desk.facts.reindex()
                desk.db.set_meta(INDEXED_AS, INDEX_VERSION)
                desk.db.set_meta(READ_AS, fact_readings.VERSION)
            desk.answerer.refresh()
        return desk

    def data_behind(self) -> bool:
        """The curated files in data/ differ from what this database was last seeded or synced from (or it
        predates the check): `python -m bot data sync` shows what would change."""
        if not self.data_root.is_dir():
            return False
        return self.db.get_meta(DATA_FINGERPRINT) != data_fingerprint(self.data_root)

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
            plan = self.facts.plan_import(data.facts, data.sources, data.topics, data.synonyms or [],
                                          data.synonyms_fr or [])
            self.facts.apply_import(plan, actor, "seeded from data/")
            self.deadlines.seed(data.deadlines, actor)
            if data.other_bodies is not None:
                self.facts.replace_other_bodies(data.other_bodies)
            self.db.set_meta(BODIES_SEEDED, to_iso(utcnow()))
            self.db.set_meta("seeded_at", to_iso(utcnow()))
            self.db.set_meta(INDEXED_AS, INDEX_VERSION)
            self.db.set_meta(READ_AS, fact_readings.VERSION)
            self.db.set_meta(DATA_FINGERPRINT, data_fingerprint(self.data_root))
        self.answerer.refresh()

    def export_files(self) -> dict[str, str]:
        return render_files(
            list(self.facts.sources().values()),
            self.facts.topics(),
            self.facts.list(include_retired=True),
            self.facts.synonyms(),
            self.deadlines.export_records(),
            self.facts.other_bodies(),
            self.facts.synonyms("fr"),
        )

    def warm(self) -> None:
        """See `warm`. Long-lived adapters call it off their event loop."""
        warm(self.answerer)

    def answer(self, question: str, *, lang: str | None = None, hint: str | None = None) -> Answer:
        """A member's question answered: by the attached answering process, else here. Autocomplete and fact
        search keep using `answerer`, this process's own."""
        return (self.answer_process or self.answerer).ask(question, lang=lang, hint=hint)

    def attach_answer_process(self, process: Asker) -> None:
        self.detach_answer_process()
        self.answer_process = process

    def detach_answer_process(self) -> None:
        """Stop the answering process (it may take a moment: not on an event loop); answer here again."""
        process, self.answer_process = self.answer_process, None
        if process is not None:
            process.close()

    def uptime_seconds(self) -> float:
        return time.monotonic() - self.started_monotonic

    def close(self) -> None:
        self.detach_answer_process()
        self.db.close()
