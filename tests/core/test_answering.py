"""Answering on the shipped data: the evaluation set's bars, sources and dates on every answer, and declines
that name the closest topics instead of stretching an unrelated fact."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.desk import Desk
from bot.core.render import NO_ANSWER, answer_text

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
EVAL = yaml.safe_load((EVAL_DIR / "questions.yaml").read_text(encoding="utf-8"))
# Written separately, before the engine was tuned. It is a second check rather than a clean hold-out: the weight
# search scored it at half weight, and three synonyms (washington, countries, handed over) came from its misses.
HOLDOUT = yaml.safe_load((EVAL_DIR / "holdout.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    desk = Desk.open(tmp_path_factory.mktemp("eval") / "eval.db")
    yield desk
    desk.close()


def test_eval_set_is_big_enough_and_refers_to_real_facts(desk: Desk) -> None:
    answerable = [q for q in EVAL if q["expect"]]
    unanswerable = [q for q in EVAL if not q["expect"]]
    assert len(EVAL) >= 50 and len(unanswerable) >= 10
    ids = {f.id for f in desk.facts.list()}
    assert {i for q in answerable for i in q["expect"]} <= ids
    examples = {q.lower().strip() for f in desk.facts.list() for q in f.questions}
    assert not [q["q"] for q in EVAL if q["q"].lower().strip() in examples], "eval questions copy example questions"


@pytest.mark.parametrize("items", [EVAL, EVAL + HOLDOUT], ids=["eval", "eval+holdout"])
def test_eval_answered_correctly_and_declined_correctly(desk: Desk, items: list[dict]) -> None:
    wrong, missed, stretched = [], [], []
    for item in items:
        answer = desk.answerer.ask(item["q"])
        if item["expect"]:
            if not answer.answered:
                missed.append(item["q"])
            elif answer.hits[0].fact.id not in item["expect"]:
                wrong.append((item["q"], answer.hits[0].fact.id))
        elif answer.answered:
            stretched.append((item["q"], answer.hits[0].fact.id))
    answerable = sum(1 for q in items if q["expect"])
    unanswerable = len(items) - answerable
    correct = (answerable - len(wrong) - len(missed)) / answerable
    declined = (unanswerable - len(stretched)) / unanswerable
    report = f"correct {correct:.0%}, declined {declined:.0%}; wrong={wrong} missed={missed} stretched={stretched}"
    # The curator-written sets, kept as a regression check. They measured the curator's own phrasing (90.8% here
    # against about 65% for strangers' questions), so the engine is now tuned on the blind sets
    # (tests/core/test_answer_classes.py); trading a few of these for fewer wrong answers there was deliberate.
    # The fact about Ezequiel Jimenez (5 December) holds what 449 blind questions ask of him, and takes "opinio
    # juris piece - main argument?" from the fact on the post's argument: the Opinio Juris synonyms name him too.
    assert correct >= 0.82, report
    assert declined >= 0.9, report


def test_every_answer_shows_sources_and_as_of(desk: Desk) -> None:
    answer = desk.answerer.ask("what did the states say about sanctions at ASP24?")
    assert answer.answered
    text = answer_text(answer)
    for hit in answer.hits:
        assert hit.sources, hit.fact.id
        assert f"fact `{hit.fact.id}`" in text
    assert "Source:" in text and "As of " in text


def test_weather_in_the_hague_is_not_about_asp24(desk: Desk) -> None:
    answer = desk.answerer.ask("What's the weather like in The Hague?")
    assert not answer.answered
    assert answer_text(answer).startswith(NO_ANSWER)
    assert answer.suggestions, "a decline points to the closest topics"


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("which judges got sanctoined by the US?", "which judges got sanctioned by the US?"),
        ("WHICH JUDGES GOT SANCTIONED BY THE US", "which judges got sanctioned by the US?"),
        ("Which júdges got sanctioned?!", "which judges got sanctioned"),
        ("whats the 2026 budjet", "what is the 2026 budget?"),
    ],
)
def test_typos_case_and_accents_do_not_matter(desk: Desk, question: str, plain: str) -> None:
    expected = desk.answerer.ask(plain)
    answer = desk.answerer.ask(question)
    assert expected.answered
    assert answer.answered and answer.hits[0].fact.id == expected.hits[0].fact.id


def test_sources_that_disagree_are_said_to_disagree(desk: Desk) -> None:
    def text(fact_id: str) -> str:
        return desk.facts.require(fact_id).text.lower().replace("–", "-")

    assert "1-6 december 2025" in text("asp24-dates-and-venue") and "1-5 december 2025" in text("asp24-dates-and-venue")
    for fact_id in ("us-executive-order-14203", "us-sanctions-timeline-2025"):
        assert "6 february" in text(fact_id) and "7 february" in text(fact_id), fact_id
    asp24 = desk.deadlines.require("asp24").description.lower().replace("–", "-")
    assert "1-5 december" in asp24


def test_json_shape(desk: Desk) -> None:
    answer = desk.answerer.ask("what is the 2026 budget?")
    data = answer.to_json(answer_text(answer))
    assert set(data) == {"question", "lang", "status", "answered", "missing", "answer", "facts", "suggestions"}
    assert data["status"] == "answered" and data["answered"] is True and data["missing"] == ""
    fact = data["facts"][0]
    assert set(fact) == {"id", "text", "sources", "as_of", "score"}
    assert set(fact["sources"][0]) == {"publisher", "title", "date", "url"}
