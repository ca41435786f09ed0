"""A question that sets a thing aside ("besides Duterte, which other success does HRW cite", "apart from the omnibus
resolution, did states adopt another text") asks for something else: the thing set aside weighs little, and a
fact whose title is about it is shown last. A fact that names it beside the rest of what is asked ("halt the
measures and move toward joining the ICC") still answers "besides halting the measures, what else"."""

from __future__ import annotations

import pytest

from bot.core import set_aside
from bot.core.desk import Desk
from bot.core.text import ENGLISH, Pipeline
from bot.core.text_fr import FRENCH


@pytest.mark.parametrize(("question", "fact"), [
    ("À part Duterte, quel autre succès de la CPI HRW met-il en avant ?", "janjaweed-leader-convicted-darfur"),
    ("Apart from the omnibus resolution, did states parties adopt another text at ASP24 standing by the Court?",
     "asp24-joint-declaration-solidarity"),
    ("besides Article 70, which treaties does LRWC say the US sanctions violate?", "sanctions-breach-human-rights-law"),
    ("Au-delà de condamner les sanctions, que demande la CICC aux États en matière de coopération ?",
     "cicc-cooperation-asks-june-2025"),
    # the fact names the thing set aside beside what is asked
    ("apart from halting the measures, what else does the coalition want washington to do?",
     "cicc-calls-on-us-to-join"),
    # "beyond" after a verb is what is asked, not a thing set aside
    ("why do the sanctions reach far beyond the people named, per HRW", "sanctions-effects-banking-services"),
])
def test_what_is_set_aside_is_not_the_answer(asking_desk: Desk, question: str, fact: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", fact)


@pytest.mark.parametrize(("question", "language", "stems"), [
    ("Apart from the omnibus resolution, did states adopt another text?", ENGLISH, {"omnibu", "resolut"}),
    ("what else does cicc ask of the US, besides halting the measures?", ENGLISH, {"halt", "measur"}),
    ("Beyond condemning the sanctions, what does the CICC ask?", ENGLISH, {"condemn", "sanction"}),
    ("HRW parle de quelles attaques contre la Cour à part les sanctions américaines ?", FRENCH,
     {"sanction", "americain"}),
    # a verb's "beyond" and a question without an aside set nothing aside
    ("why do the sanctions spread so far beyond the people named", ENGLISH, set()),
    ("what other attacks on the court does HRW mention", ENGLISH, set()),
])
def test_the_thing_set_aside_is_read_up_to_the_question(question: str, language: Pipeline, stems: set[str]) -> None:
    assert set_aside.stems(question, language) == stems
