"""The facts a search found, read for matching: each one's fields as shown, its stems and its readings. A fact
that comes up question after question is fetched and read once for as long as the store stands unchanged (the
answerer makes a new one when it changes); the search itself, bm25 over the index, runs for every question."""

from __future__ import annotations

import itertools

from bot.core.db import Database
from bot.core.fact_readings import Readings, readings_of
from bot.core.language import SHOWN_COLUMNS
from bot.core.matching import Candidate, Terms, fact_terms
from bot.core.named import Publishers
from bot.core.text import Pipeline

Row = tuple[str, str, str, str, str, Terms, Readings, frozenset[tuple[str, ...]]]


class CandidateRows:
    """Candidates by row id, their fields remembered: the SIZE rows read last (a store of ten thousand facts is not
    kept whole)."""

    SIZE = 1024

    def __init__(self, db: Database, language: Pipeline, publishers: Publishers) -> None:
        self._db, self._language, self._publishers = db, language, publishers
        self._rows: dict[int, Row] = {}

    def candidates(self, rank: dict[int, float]) -> list[Candidate]:
        """A new candidate for each row id, with its bm25 `rank`, in row order."""
        missing = [rowid for rowid in rank if rowid not in self._rows]
        if missing:
            self._rows.update(self._fetch(missing))
        found = [Candidate(rowid=rowid, rank=rank[rowid], fact_id=row[0], title=row[1], topic=row[2], text=row[3],
                           raw=row[4], terms=row[5], readings=row[6], language=self._language, publishers=row[7])
                 for rowid in sorted(rank) if (row := self._rows.get(rowid)) is not None]
        for oldest in list(itertools.islice(self._rows, max(0, len(self._rows) - self.SIZE))):
            del self._rows[oldest]  # the rows read longest ago (after this question's are taken: one may be among them)
        return found

    def _fetch(self, rowids: list[int]) -> dict[int, Row]:
        title, text, questions = SHOWN_COLUMNS[self._language.lang]
        marks = ",".join("?" * len(rowids))
        found = self._db.query(
            f"SELECT i.id, i.title, i.questions, i.keywords, i.text, facts.id, {title}, facts.topic, {text},"
            f" {questions}, i.readings, facts.sources FROM {self._language.index} i JOIN facts ON facts.rowid = i.id"
            f" WHERE i.id IN ({marks})",
            tuple(rowids),
        )
        return {r[0]: (r[5], r[6], r[7], r[8], f"{r[6]} {r[8]}", fact_terms(r[1], r[2], r[3], r[4]),
                       readings_of(r[10], r[6], r[9], self._language), self._publishers.sole(r[11]))
                for r in found}
