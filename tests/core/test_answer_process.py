"""Answering in a child process (bot.core.answer_process): the same answers as the desk's own answerer, caches
that follow the parent's writes, a dead or stuck child replaced while the parent answers, and no child left
behind. Real SQLite files and real child processes throughout."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
import yaml

from bot.core import answer_process, countries, fact_tokens, language, lexicon, text_fr
from bot.core.answer_process import AnswerProcess, attach
from bot.core.answering import Answer
from bot.core.changelog import ChangeLog
from bot.core.desk import Desk
from bot.core.matching import fact_terms
from bot.core.models import InputError
from bot.core.permissions import Actor
from bot.core.text_fr import FRENCH

BLIND = Path(__file__).resolve().parents[1] / "eval" / "blind" / "round1"
READY = 30
ACTOR = Actor.importer()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database seeded from data/ for the module; each test works on a copy."""
    path = tmp_path_factory.mktemp("answer-process") / "desk.db"
    Desk.open(path).close()
    return path


def copy_of(template: Path, tmp_path: Path) -> Desk:
    shutil.copyfile(template, tmp_path / "desk.db")
    return Desk.open(tmp_path / "desk.db")


@pytest.fixture
def desk(template: Path, tmp_path: Path):
    desk = copy_of(template, tmp_path)
    yield desk
    desk.close()


@pytest.fixture
def process(desk: Desk) -> AnswerProcess:
    process = attach(desk)
    assert process.wait_ready(READY), "the child answers"
    return process


@pytest.fixture(scope="module")
def reading(template: Path, tmp_path_factory: pytest.TempPathFactory):
    """A desk and its child for the tests that only ask (one child for them all)."""
    desk = copy_of(template, tmp_path_factory.mktemp("reading"))
    process = attach(desk)
    assert process.wait_ready(READY), "the child answers"
    yield desk, process
    desk.close()


def summary(answer: Answer) -> tuple:
    return ([h.fact.id for h in answer.hits], answer.status, answer.lang, answer.missing, answer.reason,
            round(answer.confidence, 6), [t.id for t in answer.suggestions])


def children() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == "desk-answer"]


def test_the_blind_tuning_questions_get_the_same_answers_in_the_child(reading: tuple[Desk, AnswerProcess]) -> None:
    desk, process = reading
    before = process.answered_here
    items = [item for name in ("en-tuning.yaml", "fr-tuning.yaml")
             for item in yaml.safe_load((BLIND / name).read_text(encoding="utf-8"))]
    assert len(items) > 100
    for item in items:
        there, here = desk.answer(item["q"]), desk.answerer.ask(item["q"])
        assert summary(there) == summary(here), item["q"]
    hinted = desk.answer("Duterte?", hint="fr"), desk.answerer.ask("Duterte?", hint="fr")
    assert summary(hinted[0]) == summary(hinted[1]) and hinted[0].lang == "fr"
    forced = desk.answer("how big is the 2026 budget?", lang="fr")
    assert forced.lang == "fr" and forced.hits[0].fact.id == desk.answerer.ask(
        "how big is the 2026 budget?", lang="fr").hits[0].fact.id
    assert process.answered_here == before and process.pid != os.getpid(), "the child answered every one"


def test_threads_asking_at_once_each_get_their_own_answer(reading: tuple[Desk, AnswerProcess]) -> None:
    desk, _ = reading  # more at once than may wait for the child: some are answered here, each its own
    questions = ["how big is the 2026 budget?", "who is withdrawing from the Rome Statute?",
                 "what is the weather in The Hague?", "quelles sanctions contre les juges ?"] * 5
    expected = {q: summary(desk.answerer.ask(q)) for q in set(questions)}
    got: list[tuple[str, tuple]] = []

    def ask(q: str) -> None:
        got.append((q, summary(desk.answer(q))))

    threads = [threading.Thread(target=ask, args=(q,)) for q in questions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == len(questions) and all(expected[q] == s for q, s in got)


def test_a_question_that_would_wait_behind_too_many_is_answered_here(template: Path, tmp_path: Path) -> None:
    desk = copy_of(template, tmp_path)
    process = AnswerProcess(desk, max_waiting=1, reply_seconds=READY)
    desk.attach_answer_process(process)
    process.start()
    try:
        assert process.wait_ready(READY) and process.pid is not None
        os.kill(process.pid, signal.SIGSTOP)  # the child holds the first question
        first: list[Answer] = []
        asking = threading.Thread(target=lambda: first.append(desk.answer("how big is the 2026 budget?")))
        asking.start()
        deadline = time.monotonic() + READY
        while process.waiting < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        second = desk.answer("who is withdrawing from the Rome Statute?")  # not behind the first: here
        assert process.answered_here == 1 and second.status == "answered" and not first
        os.kill(process.pid, signal.SIGCONT)
        asking.join(READY)
        assert first and first[0].hits[0].fact.id == "budget-2026-193-million", "the child answered the first"
    finally:
        desk.close()


def test_a_question_that_is_no_question_is_refused_as_the_answerer_refuses_it(
        reading: tuple[Desk, AnswerProcess]) -> None:
    with pytest.raises(InputError, match="under 500"):
        reading[0].answer("x" * 600)


def test_an_edit_reaches_the_childs_caches(desk: Desk, process: AnswerProcess) -> None:
    """A misspelled new word is read as the word once an edit brings it to the store: only a child that forgot
    what the edit touched (its typo guesses, the store's words) finds it."""
    question = "zanzibr marmalde?"
    assert desk.answer(question).status == "declined"  # and the child remembers that it knows no such word
    fact = desk.facts.require("arrears-74-million-feb-2025")
    desk.facts.edit(fact.id, {"text": fact.text + " The Zanzibar marmalade summit decided nothing.",
                              "questions": [*fact.questions[:5], "What did the Zanzibar marmalade summit decide?"]},
                    ACTOR, "a new example question")
    answer = desk.answer(question)
    assert [h.fact.id for h in answer.hits] == [fact.id] and answer.status == "answered"
    assert "Zanzibar marmalade" in answer.hits[0].fact.text
    assert summary(answer) == summary(desk.answerer.ask(question))

    desk.facts.retire(fact.id, ACTOR, "retired for the test")
    after = desk.answer(question)
    assert fact.id not in [h.fact.id for h in after.hits] and summary(after) == summary(desk.answerer.ask(question))
    assert process.answered_here == 0


def test_a_new_synonym_from_an_import_reaches_the_child(desk: Desk, process: AnswerProcess) -> None:
    """An import is a bulk change: the child starts its caches again."""
    assert desk.answer("jam jar?").status == "declined"
    groups = [[*g, "jam jar"] if "arrears" in g else g for g in desk.facts.synonyms()]
    desk.facts.apply_import(desk.facts.plan_import([], synonyms=groups), ACTOR, "a synonym")
    answer = desk.answer("jam jar?")
    assert answer.status == "answered" and "arrears" in answer.hits[0].fact.id, "read as arrears"
    assert summary(answer) == summary(desk.answerer.ask("jam jar?")) and process.answered_here == 0


def test_a_change_log_that_follows_forgets_what_the_writer_s_would() -> None:
    """The child's store, following the writer's, tells each of its answerers (one a language) what the writer's
    would."""
    writer, follower = ChangeLog(), ChangeLog()
    writer.bump(frozenset({"budget"}))
    writer.bump(frozenset({"arrear"}))
    follower.follow(writer.generation, writer.between(0, writer.generation))
    assert follower.since(0) == {"budget", "arrear"} and follower.since(1) == {"arrear"}
    writer.bump()  # a bulk change: not known term by term
    writer.bump(frozenset({"judg"}))
    follower.follow(writer.generation, writer.between(2, writer.generation))
    assert follower.generation == 4
    assert follower.since(3) == {"judg"} and follower.since(2) is None
    for since in range(-1, writer.generation + 1):
        assert follower.since(since) == writer.since(since), since


def test_a_killed_child_is_restarted_once_and_meanwhile_the_parent_answers(desk: Desk, process: AnswerProcess,
                                                                          caplog: pytest.LogCaptureFixture) -> None:
    question = "how big is the 2026 budget?"
    expected = summary(desk.answerer.ask(question))
    first = process.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    with caplog.at_level(logging.WARNING, "bot.core.answer_process"):
        assert summary(desk.answer(question)) == expected, "answered here when the child is gone"
        assert process.wait_ready(READY), "a new child"
        second = process.pid
        assert second not in (None, first)
        assert summary(desk.answer(question)) == expected and process.answered_here == 1
        os.kill(second, signal.SIGKILL)
        assert summary(desk.answer(question)) == expected
    assert not process.wait_ready(0.5) and process.pid is None, "restarted once, not again"
    assert summary(desk.answer(question)) == expected and process.answered_here == 3
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2 and all(r.exc_info is None for r in caplog.records), lines
    assert "while it restarts" in lines[0] and "from now on" in lines[1]


def test_a_stuck_child_is_stopped_and_replaced(template: Path, tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    desk = copy_of(template, tmp_path)
    process = AnswerProcess(desk, reply_seconds=0.5)
    desk.attach_answer_process(process)
    process.start()
    try:
        assert process.wait_ready(READY)
        stuck = process.pid
        assert stuck is not None
        os.kill(stuck, signal.SIGSTOP)
        with caplog.at_level(logging.WARNING, "bot.core.answer_process"):
            assert desk.answer("how big is the 2026 budget?").hits[0].fact.id == "budget-2026-193-million"
        assert "did not answer within 0.5 s" in caplog.records[0].getMessage()
        assert process.wait_ready(READY) and process.pid != stuck
        with pytest.raises(ProcessLookupError):
            os.kill(stuck, 0)  # killed and reaped, not left stopped
    finally:
        desk.close()


def test_closing_the_desk_leaves_no_child_behind(template: Path, tmp_path: Path) -> None:
    others = children()  # the module's shared one
    desk = copy_of(template, tmp_path)
    process = attach(desk)
    assert process.wait_ready(READY)
    pid = process.pid
    desk.close()
    assert desk.answer_process is None and children() == others
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_closing_while_the_child_starts_stops_it(template: Path, tmp_path: Path) -> None:
    others = children()
    desk = copy_of(template, tmp_path)
    attach(desk)
    desk.close()  # at once: the child is still starting, or not even started
    assert children() == others


def test_a_child_that_cannot_open_the_database_is_reported_in_one_line(template: Path, tmp_path: Path,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    desk = copy_of(template, tmp_path)
    try:
        with caplog.at_level(logging.WARNING, "bot.core.answer_process"):
            desk.db.path = tmp_path / "missing" / "desk.db"  # where the child looks, and finds nothing to open
            attach(desk)
            assert desk.answer("how big is the 2026 budget?").hits[0].fact.id == "budget-2026-193-million"
            deadline = time.monotonic() + READY
            while len(caplog.records) < 2 and time.monotonic() < deadline:  # the restart fails in the background
                time.sleep(0.05)
        lines = [r.getMessage() for r in caplog.records]
        assert len(lines) == 2 and "did not start (StorageError" in lines[0] and "from now on" in lines[1], lines
    finally:
        desk.close()


@pytest.mark.parametrize(("value", "cpus", "wanted"), [
    ("off", 8, False), ("0", 8, False), ("on", 1, True), ("1", 1, True), ("auto", 2, True), ("auto", 1, False),
    ("", 8, answer_process.DEFAULT == "on"),
])
def test_the_switch(value: str, cpus: int, wanted: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answer_process.os, "cpu_count", lambda: cpus)
    assert answer_process.wanted(environ={answer_process.SWITCH_ENV: value}) is wanted
    assert answer_process.wanted(not wanted, {answer_process.SWITCH_ENV: value}) is not wanted, "a choice wins"


@pytest.mark.parametrize(("cpus", "wanted"), [(2, True), (1, False)])
def test_python_m_bot_run_answers_apart_where_there_is_a_cpu_for_it(cpus: int, wanted: bool,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answer_process.os, "cpu_count", lambda: cpus)
    assert answer_process.wanted(environ={}, default=answer_process.RUN_DEFAULT) is wanted
    assert answer_process.wanted(environ={answer_process.SWITCH_ENV: "off"}, default=answer_process.RUN_DEFAULT) \
        is False, "the environment still decides"
    assert answer_process.wanted(environ={}) is False, "a script's own client keeps it off"


def test_warming_reads_both_languages_dictionaries_before_the_first_member_asks(template: Path,
                                                                                tmp_path: Path) -> None:
    # the first French question and the first typo after a start no longer wait for a dictionary to be read
    desk = copy_of(template, tmp_path)
    try:
        for loaded in (lexicon._read, lexicon._counts, lexicon.ordinary_words):
            loaded.cache_clear()
        desk.warm()
        read = lexicon._read.cache_info().misses
        assert desk.answerer.ask("c'est quoi le budjet 2026 de la CPI ?").lang == "fr"
        assert desk.answerer.ask("what did the ASP say abt sanctoins tbh").status == "answered"
        assert lexicon._read.cache_info().misses == read
    finally:
        gc.unfreeze()
        desk.close()


def test_warming_reads_the_store_s_words_and_countries_before_the_first_typo(template: Path, tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # the first typo or unknown word after a start waited about 65 ms at 10,000 facts for the store's words (the
    # typo guesses' pool) and the countries' names to be read
    desk = copy_of(template, tmp_path)
    try:
        countries._by_name.cache_clear()
        desk.warm()
        assert countries._by_name.cache_info().currsize == 1
        asked: list[str] = []
        query = desk.db.query
        monkeypatch.setattr(desk.db, "query", lambda sql, *args: asked.append(sql) or query(sql, *args))
        # typos that reach each language's pool (a swapped pair, "sanctoins", is mended without it)
        assert desk.answerer.ask("what did the asp say abot the sancions").status == "answered"
        assert desk.answerer.ask("c'est quoi le budjet 2026 de la CPI en Hongrie ?").lang == "fr"
        assert asked and not [sql for sql in asked if "GLOB" in sql]
    finally:
        gc.unfreeze()
        desk.close()


def test_what_answering_keeps_between_questions_is_not_walked_by_the_collector() -> None:
    # the stems of every fact read for a question, the dictionaries and where a fact's phrases stand stay cached for
    # the next questions; kept as frozensets and lists, a full collection at 10,000 facts walked them for about
    # 25 ms, in the middle of whichever member's question it fell on
    terms = fact_terms("budget approv", "what budget did asp24 approv", "budget", "the assembli approv the budget")
    assert "approv" in terms.strong and "assembli" in terms.body and "assem" in terms.prefixes
    _, starts = fact_tokens._stem_index(fact_tokens.fact_tokens("The Assembly approved the budget, the budget."))
    assert starts["budget"] == (4, 6)
    gc.collect()  # a tuple or dict of strings and numbers only is let go by the collector once it has seen it
    kept = [terms.strong, terms.body, terms.prefixes, starts, lexicon.ordinary_words("en"),
            lexicon.ordinary_words("fr"), language._ordinary("fr"), text_fr._ordinary()]
    assert [gc.is_tracked(words) for words in kept] == [False] * len(kept)
    assert "budget" in lexicon.ordinary_words("en") and FRENCH.is_ordinary("abandonnent")


def test_warming_settles_what_is_loaded_out_of_the_collector_s_way(template: Path, tmp_path: Path) -> None:
    # the answering process warms, then freezes what it loaded: a full collection no longer walks the store
    desk = copy_of(template, tmp_path)
    try:
        before = gc.get_freeze_count()
        desk.warm()
        assert gc.get_freeze_count() > before
        assert desk.answerer.ask("what is the ICC budget for 2026?").status == "answered"
    finally:
        gc.unfreeze()
        desk.close()
