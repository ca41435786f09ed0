"""Members' words for the detail they ask (a figure, a day, a place, a person, a thing's name), read from the
question alone: a fact about the same matter that lacks that detail gets no answer (a partial reply, or none where
no fact comes near); a fact that holds it still answers (issue: answers that hold up)."""

from __future__ import annotations

import pytest

from bot.core import holds, intent
from bot.core.desk import Desk
from bot.core.text_fr import FRENCH
from tests.conftest import top

EN, FR = holds.ENGLISH, FRENCH


@pytest.mark.parametrize(("question", "language", "kind"), [
    ("what budget figure does HRW want for 2026?", EN, "number"),  # HRW gives no figure
    ("HRW avance un chiffre pour le budget 2026 ?", FR, "number"),
    ("max prison term for offences under art 70?", EN, "number"),  # the fact names the offences, not the penalty
    ("quelle amende pour l'Italie après la décision de non-coopération ?", FR, "number"),
    ("date de remise de Duterte à la CPI ?", FR, "day"),  # HRW does not date the surrender
    ("Duterte surrender date?", EN, "day"),
    ("date d'effet du retrait de la Hongrie ?", FR, "day"),
    ("Le Bureau du Procureur est dirigé par qui en son absence ?", FR, "person"),
    ("if the prosecutor is found at fault, who'll take over?", EN, "person"),
    ("la Mongolie a laissé filer qui ?", FR, "person"),
    ("Quelle banque a coupé le compte du juge Guillou ?", FR, "names"),
    ("la CPI est passée à un logiciel allemand, c'est lequel au juste ?", FR, "names"),
    ("which german provider is the court's IT on now?", EN, "names"),
])
def test_a_detail_asked_in_members_words_is_one_the_fact_must_hold(asking_desk: Desk, question: str, language,
                                                                   kind: str) -> None:
    assert intent.read(question, language).kind == kind
    assert top(asking_desk, question) is None  # partial, or declined where no fact comes near enough


@pytest.mark.parametrize(("question", "fact"), [
    # the same words where the fact holds the detail: an answer
    ("l'APIC, elle a été adoptée où ?", "apic-ratification-calls"),  # New York, at the first session
    ("what budget figure was proposed for 2026?", "budget-2026-193-million"),  # €193 million
    ("Duterte a été remis par qui ?", "duterte-surrendered-to-icc"),  # the Philippines
])
def test_the_same_words_answer_where_the_fact_holds_the_detail(asking_desk: Desk, question: str, fact: str) -> None:
    assert top(asking_desk, question) == fact


@pytest.mark.parametrize("question", [
    "Selon la CCPI, en quoi les banques posent problème avec ces sanctions ?",  # "en quoi": how, not which banks
    "Le ministère espagnol qui a réagi aux sanctions, c'est lequel exactement ?",  # a ministry, named by its country
])
def test_which_one_is_asked_only_of_a_thing_named_by_its_name(question: str) -> None:
    assert intent.read(question, FR).kind is None


@pytest.mark.parametrize("question", [
    "which day in june did the coalition put out its statement?",
    "le communiqué de la coalition sur les juges, il est sorti quel jour de juin ?",
])
def test_the_day_a_statement_came_out_is_not_the_day_it_was_about(asking_desk: Desk, question: str) -> None:
    # "On 5 June 2025 the United States sanctioned four ICC judges ..., according to CICC": the day of the
    # sanctions, far from the statement; no fact gives the day the statement came out
    assert top(asking_desk, question) is None


@pytest.mark.parametrize(("question", "fact"), [
    ("what day is LRWC's written statement dated?", "lrwc-words-are-not-enough"),  # "(dated 4 December 2025)"
    ("on what day did the chamber issue the Italy decision?", "italy-noncompliance-decision-oct-2025"),
    ("les quatre juges ont été sanctionnés quel jour ? c'est pour notre communiqué",
     "us-sanctions-four-judges-june-2025"),  # a press release of the member's own
])
def test_a_day_beside_the_publication_or_not_about_one_still_answers(asking_desk: Desk, question: str,
                                                                     fact: str) -> None:
    assert top(asking_desk, question) == fact


@pytest.mark.parametrize(("question", "kind", "role"), [
    ("what's francesca albanese's nationality?", "nationality", None),  # the fact gives her mandate, not where from
    ("who runs al-haq?", "person", "head"),  # the head of Al-Haq: the facts name the NGO, not who leads it
    ("who ran REDRESS when the paper came out?", "person", "head"),
])
def test_whose_nationality_or_who_runs_it_is_a_detail_of_its_own(asking_desk: Desk, question: str, kind: str,
                                                                   role: str | None) -> None:
    wants = intent.read(question, EN)
    assert (wants.kind, wants.role) == (kind, role)
    assert top(asking_desk, question) is None


@pytest.mark.parametrize("question", ["will it rain in the hague tomorrow? thinking of biking to the venue",
                                      "il pleut à La Haye demain ? je voulais venir à vélo à l'AEP"])
def test_the_weather_is_no_fact(asking_desk: Desk, question: str) -> None:
    assert asking_desk.answerer.ask(question).status == "declined"


@pytest.mark.parametrize(("question", "language"), [
    ("What exactly is the Prosecutor accused of in the external investigation that put him on leave?", EN),
    ("what charges did russia bring against the icc officials", EN),  # warrants, none named
    ("Le procureur en congé, c'est bien Karim Khan ? on lui reproche quoi au juste ?", FR),
    ("Quelles sont exactement les accusations contre le procureur dans l'enquête externe ?", FR),
])
def test_what_someone_is_accused_of_needs_a_fact_naming_the_offence(asking_desk: Desk, question: str,
                                                                     language) -> None:
    # "an external investigation into alleged wrongdoing" says there is an accusation, not what it is
    assert intent.read(question, language).kind == "charge"
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_charge")


@pytest.mark.parametrize(("question", "fact"), [
    ("what's duterte facing charges for", "duterte-surrendered-to-icc"),  # crimes against humanity
    ("LRWC reproche quoi exactement à la Russie ?", "russia-warrants-against-icc-officials"),  # a critic's reproach
    ("Quels gouvernements HRW accuse de saper le mandat de la CPI ?", "icc-polycrisis-2025"),  # whom HRW accuses
])
def test_a_charge_named_or_a_reproach_made_still_answers(asking_desk: Desk, question: str, fact: str) -> None:
    assert top(asking_desk, question) == fact


@pytest.mark.parametrize(("question", "language"), [
    ("Which State Party owes the most in unpaid contributions?", EN),  # the arrears facts give totals, no ranking
    ("which country pays the biggest share of the ICC budget?", EN),
    ("Quel pays doit le plus d'argent à la CPI ?", FR),
])
def test_the_first_of_a_ranking_needs_a_fact_that_ranks(asking_desk: Desk, question: str, language) -> None:
    assert intent.read(question, language).kind == "ranking"
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_ranking")


def test_what_a_report_recommended_needs_the_report_s_own_words(asking_desk: Desk) -> None:
    # Opinio Juris urges states to use the Bureau's report to discuss penalties: its author's proposals, not the
    # report's recommendations
    answer = asking_desk.answerer.ask("what exactly did the bureau's report on non-cooperation recommend?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_said")
    assert top(asking_desk, "what did Jimenez propose for non-cooperating states") == \
        "penalties-for-non-cooperation-proposal"
    assert top(asking_desk, "What does HRW recommend on the budget?") == "hrw-sufficient-funding"
