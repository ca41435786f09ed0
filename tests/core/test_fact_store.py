"""The fact store on a real SQLite file: revisions, retire and revert, validation, and search staying in sync."""

from __future__ import annotations

import pytest

from bot.core.candidate_rows import CandidateRows
from bot.core.desk import Desk
from bot.core.models import InputError, NotFound
from bot.core.named import Publishers
from bot.core.permissions import Actor
from bot.core.text import ENGLISH, INDEX_VERSION


def test_seeding_loads_the_files_once_with_an_import_revision(mini_desk: Desk, tmp_path) -> None:
    assert {f.id for f in mini_desk.facts.list()} == {"judges-sanctioned", "blocking-statute", "budget-2026"}
    history = mini_desk.facts.history("budget-2026")
    assert [(r.rev, r.action, r.actor_name) for r in history] == [(1, "import", "import")]
    mini_desk.close()
    again = Desk.open(tmp_path / "desk.db", mini_desk.data_root)
    assert len(again.facts.history("budget-2026")) == 1  # a restart does not seed twice
    again.close()


def test_a_database_indexed_under_an_older_stemming_is_indexed_again_when_opened(mini_desk: Desk, tmp_path) -> None:
    """After an upgrade that stems words another way, the index written by the old one would miss questions."""
    with mini_desk.db.transaction():
        mini_desk.db.utils.execute("UPDATE fact_index SET title = '', questions = '', keywords = '', text = ''")
        mini_desk.db.set_meta("index_version", "older")
    mini_desk.close()
    again = Desk.open(tmp_path / "desk.db", mini_desk.data_root)
    try:
        assert again.db.get_meta("index_version") == INDEX_VERSION
        assert again.answerer.ask("how big is the 2026 budget").hits[0].fact.id == "budget-2026"
        assert [r.action for r in again.facts.history("budget-2026")] == ["import"]  # no revision for it
    finally:
        again.close()


def test_edit_retire_revert_keep_every_revision(mini_desk: Desk, moderator: Actor) -> None:
    store = mini_desk.facts
    store.edit("budget-2026", {"text": "The 2026 budget is 193 million euros."}, moderator, "shorter")
    store.retire("budget-2026", moderator, "superseded")
    assert store.get("budget-2026").status == "retired"
    assert "budget-2026" not in {f.id for f in store.list()}
    restored = store.revert("budget-2026", 1, moderator, "back to the original")
    assert restored.status == "active"
    assert restored.text.startswith("The Assembly of States Parties was asked")
    history = store.history("budget-2026")
    assert [r.action for r in history] == ["import", "edit", "retire", "revert"]
    assert history[1].changed == ["text"] and history[1].reason == "shorter"
    assert history[1].actor_id == "u-mod" and history[1].at.endswith("+00:00")
    assert history[2].snapshot["status"] == "retired"


def test_retired_facts_are_never_answers_and_edits_reach_search(mini_desk: Desk, moderator: Actor) -> None:
    assert mini_desk.answerer.ask("how big is the 2026 budget").hits[0].fact.id == "budget-2026"
    mini_desk.facts.retire("budget-2026", moderator, "test")
    assert not mini_desk.answerer.ask("how big is the 2026 budget").answered
    mini_desk.facts.revert("budget-2026", 1, moderator)
    mini_desk.facts.edit("budget-2026", {"keywords": ["budget", "finances", "zorblax"]}, moderator)
    assert mini_desk.answerer.ask("zorblax budget").hits[0].fact.id == "budget-2026"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"as_of": "2025-13-40"}, "as_of"),
        ({"text": "x" * 10_000}, "10,000 characters"),
        ({"sources": ["nope"]}, "unknown source"),
        ({"topic": "weather"}, "topic 'weather'"),
        ({"review_by": "2020-01-01"}, "before as_of"),
        ({"title": ""}, "title is required"),
        ({"colour": "red"}, "unknown field"),
    ],
)
def test_bad_edits_are_refused_and_write_nothing(mini_desk: Desk, moderator: Actor, changes, message) -> None:
    before = mini_desk.facts.history("budget-2026")
    with pytest.raises(InputError, match=message):
        mini_desk.facts.edit("budget-2026", changes, moderator)
    assert mini_desk.facts.history("budget-2026") == before


def test_add_refuses_duplicates_and_unknown_ids_suggest_close_ones(mini_desk: Desk, moderator: Actor) -> None:
    with pytest.raises(InputError, match="already exists"):
        mini_desk.facts.add(
            {"id": "budget-2026", "topic": "budget", "title": "t", "text": "t", "sources": ["src-a"],
             "as_of": "2025-01-01"},
            moderator,
        )
    with pytest.raises(NotFound, match="budget-2026"):
        mini_desk.facts.require("budget-2025")


def test_revert_to_missing_revision_and_no_op_edit(mini_desk: Desk, moderator: Actor) -> None:
    with pytest.raises(NotFound, match="no revision 9"):
        mini_desk.facts.revert("budget-2026", 9, moderator)
    text = mini_desk.facts.get("budget-2026").text
    with pytest.raises(InputError, match="nothing changed"):
        mini_desk.facts.edit("budget-2026", {"text": text}, moderator)


def test_writes_roll_back_whole_when_one_part_fails(mini_desk: Desk) -> None:
    plan = mini_desk.facts.plan_import(
        [{"id": "new-one", "topic": "budget", "title": "New", "text": "A new fact.", "sources": ["src-a"],
          "as_of": "2025-01-01"}]
    )
    broken = Actor(id=None, name=None)  # type: ignore[arg-type]  # NOT NULL columns make the revision insert fail
    with pytest.raises(Exception):  # noqa: B017
        mini_desk.facts.apply_import(plan, broken)
    assert mini_desk.facts.get("new-one") is None
    row = mini_desk.db.query_one("SELECT count(*) FROM fact_index_fts")
    assert row[0] == 3


def test_backup_is_a_consistent_copy(mini_desk: Desk, tmp_path) -> None:
    target = mini_desk.db.backup(tmp_path / "backups" / "copy.db")
    copy = Desk.open(target, mini_desk.data_root, seed=False)
    assert {f.id for f in copy.facts.list()} == {f.id for f in mini_desk.facts.list()}
    copy.close()


def test_as_of_may_be_a_month_when_the_source_gives_no_day(mini_desk: Desk, moderator: Actor) -> None:
    from bot.core.render import fact_text

    fact = mini_desk.facts.edit("budget-2026", {"as_of": "2025-02"}, moderator, "figures hold as of February")
    assert fact.as_of == "2025-02"
    assert "As of February 2025" in fact_text(fact, mini_desk.facts.sources_for(fact))
    with pytest.raises(InputError, match="as_of"):
        mini_desk.facts.edit("budget-2026", {"as_of": "2025-13"}, moderator)


def test_a_fact_found_again_is_read_once_until_the_store_changes(mini_desk: Desk, moderator: Actor,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # a fact that comes up question after question is fetched and read for matching once; an edit reads it again
    reads = []
    query = mini_desk.facts.db.query

    def counting(sql: str, params: tuple | dict = ()) -> list:
        reads.extend([sql] if "JOIN facts ON facts.rowid = i.id" in sql else [])
        return query(sql, params)

    monkeypatch.setattr(mini_desk.facts.db, "query", counting)
    for _ in range(3):
        assert mini_desk.answerer.ask("how big is the 2026 budget").hits[0].fact.id == "budget-2026"
    assert len(reads) == 1
    mini_desk.facts.edit("budget-2026", {"keywords": ["budget", "finances", "zorblax"]}, moderator)
    assert mini_desk.answerer.ask("zorblax budget").hits[0].fact.id == "budget-2026"
    assert len(reads) == 2


def test_rows_remembered_beyond_their_number_are_read_again_never_lost(mini_desk: Desk,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # past its size the oldest rows are forgotten, after a question has its own: none goes missing from the answer
    monkeypatch.setattr(CandidateRows, "SIZE", 1)
    rowids = [row[0] for row in mini_desk.facts.db.query("SELECT id FROM fact_index ORDER BY id LIMIT 3")]
    assert len(rowids) == 3
    rows = CandidateRows(mini_desk.facts.db, ENGLISH, Publishers((), ENGLISH, mini_desk.facts.db))
    assert [c.rowid for c in rows.candidates({rowids[0]: -2.0, rowids[1]: -1.0})] == rowids[:2]
    assert [c.rowid for c in rows.candidates({rowids[1]: -2.0, rowids[2]: -1.0})] == rowids[1:]
    assert [c.rowid for c in rows.candidates(dict.fromkeys(rowids, -1.0))] == rowids
