"""What the matcher reads of a fact's example questions and title is written into the search index with the fact:
the same as reading it from the fact, trusted only when this code wrote it, and written again when the code that
reads questions changes."""

from __future__ import annotations

import json

from bot.core import fact_readings
from bot.core.desk import Desk
from bot.core.permissions import Actor
from bot.core.text import ENGLISH
from bot.core.text_fr import FRENCH

QUESTIONS = [
    "who did the US sanction", "budget?", "why are states leaving the Rome Statute", "how much is the 2026 budget",
    "which countries failed to arrest Putin", "qui a été sanctionné par les États-Unis", "budget de la CPI 2026",
    "pourquoi le Burkina Faso quitte le Statut", "c'est quoi l'article 86",
]


def _stored(desk: Desk, table: str) -> dict[str, str]:
    return dict(desk.db.utils.execute(f"SELECT facts.id, i.readings FROM {table} i JOIN facts "
                                      "ON facts.rowid = i.id").fetchall())


def test_every_fact_is_indexed_with_its_readings_in_both_languages(shipped_desk: Desk) -> None:
    facts = {f.id: f for f in shipped_desk.facts.list()}
    for table, language in (("fact_index", ENGLISH), ("fact_index_fr", FRENCH)):
        stored = _stored(shipped_desk, table)
        assert stored.keys() == facts.keys()
        for fact_id, value in stored.items():
            fact = facts[fact_id]
            french = language is FRENCH and fact.has_french
            live = fact_readings.read(fact.title_fr if french else fact.title,
                                      fact.questions_fr if french else fact.questions, language)
            assert fact_readings.loads(value) == live
    budget = fact_readings.loads(_stored(shipped_desk, "fact_index")["budget-2026-193-million"])
    assert budget is not None and any(e.kind == "number" for e in budget.examples)  # "how much ..."


def test_answers_are_the_same_whether_readings_are_stored_or_read_from_the_fact(shipped_desk: Desk) -> None:
    def answers() -> list[tuple[str, list[str], float]]:
        out = []
        for q in QUESTIONS:
            a = shipped_desk.answerer.ask(q)
            out.append((a.status, [h.fact.id for h in a.hits], round(a.confidence, 6)))
        return out

    stored = answers()
    fact_readings.loads.cache_clear()
    with shipped_desk.db.transaction():
        shipped_desk.db.utils.execute("UPDATE fact_index SET readings = ''")
        shipped_desk.db.utils.execute("UPDATE fact_index_fr SET readings = ''")
    shipped_desk.answerer.refresh()
    assert answers() == stored
    assert sum(1 for s in stored if s[0] == "answered") >= 6  # the questions are answered, not all declined alike


def test_readings_made_by_other_code_are_not_trusted() -> None:
    made = fact_readings.read("Who the US sanctioned", ["who did the US sanction"], ENGLISH)
    stored = json.loads(fact_readings.dumps(made))
    assert fact_readings.loads(json.dumps(stored)) == made
    stored["examples"][0][1] = "date"  # what older code might have read the example as
    stored["v"] = "another"
    older = json.dumps(stored)
    assert fact_readings.loads(older) is None
    assert fact_readings.readings_of(older, "Who the US sanctioned", '["who did the US sanction"]', ENGLISH) == made
    assert made.title_kind == "person" and made.examples[0].kind == "person"


def test_an_index_read_by_older_code_is_written_again_when_opened(shipped_desk: Desk, tmp_path) -> None:
    with shipped_desk.db.transaction():
        shipped_desk.db.utils.execute("UPDATE fact_index SET readings = '{\"v\": \"older\"}'")
        shipped_desk.db.set_meta("readings_version", "older")
    path = shipped_desk.db.path
    shipped_desk.close()
    again = Desk.open(path)
    try:
        assert again.db.get_meta("readings_version") == fact_readings.VERSION
        assert all(fact_readings.loads(v) is not None for v in _stored(again, "fact_index").values())
        assert [r.action for r in again.facts.history("budget-2026-193-million")] == ["import"]  # no revision for it
    finally:
        again.close()


def test_an_edit_writes_the_new_example_questions_readings(shipped_desk: Desk, moderator: Actor) -> None:
    fact = shipped_desk.facts.get("budget-2026-193-million")
    shipped_desk.facts.edit("budget-2026-193-million",
                            {"questions": [*fact.questions[:9], "when was the budget zorblaxed"]},
                            moderator, "a member's wording")
    readings = fact_readings.loads(_stored(shipped_desk, "fact_index")["budget-2026-193-million"])
    assert readings is not None
    assert any("zorblax" in e.held and e.kind == "date" for e in readings.examples)
