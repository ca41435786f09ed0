"""Questions that ask for what no curated fact holds: the desk's own opinion or forecast, which languages a text
exists in, a recording, a state's explanation, what a session decided when the fact reports another. They share
their words with a fact ("will the US sanction the whole Court?"), so they must be read before the words pick that
fact as the answer (issue: answers that hold up, traps)."""

from __future__ import annotations

import pytest

from bot.core import beyond_facts, intent, turns
from bot.core.desk import Desk
from bot.core.messages import say
from bot.core.render import answer_text
from bot.core.text import ENGLISH
from bot.core.text_fr import FRENCH
from tests.conftest import reply, top


@pytest.mark.parametrize(("question", "shown", "lang"), [
    ("do you reckon the US will sanction the entire court next year?", "us-possible-sanctions-whole-court", "en"),
    ("wdyt, will the US ever join the ICC?", "cicc-calls-on-us-to-join", "en"),
    ("what's your honest take: could the whole court be sanctioned by the US?", "us-possible-sanctions-whole-court",
     "en"),
    ("À votre avis, les US vont sanctionner la CPI en tant qu'institution ?", "us-possible-sanctions-whole-court",
     "fr"),
    ("d'apres toi les etats-unis vont rejoindre la cpi un jour ?", "cicc-calls-on-us-to-join", "fr"),
    ("les etats-unis vont rejoindre la cpi un jour, votre avis ?", "cicc-calls-on-us-to-join", "fr"),
])
def test_an_opinion_or_forecast_asked_shows_the_related_fact_but_never_as_the_answer(asking_desk: Desk, question: str,
                                                                                     shown: str, lang: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.missing_key) == ("partial", lang, "missing_opinion")
    assert answer.hits[0].fact.id == shown
    said = answer_text(answer)
    assert ("what will happen" if lang == "en" else "ce qui va se passer") in said


@pytest.mark.parametrize(("question", "expected"), [
    ("is the 2026 budget going to be set at the 24th session?", "budget-2026-193-million"),
    ("how many judges will the Assembly elect in 2026?", "elections-2026-judges-and-bureau"),
    ("What did the CICC think of the June sanctions on the four judges?", "us-sanctions-four-judges-june-2025"),
])
def test_a_question_about_what_sources_expected_or_thought_is_still_answered(asking_desk: Desk, question: str,
                                                                            expected: str) -> None:
    assert not beyond_facts.asked(question, None)
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize(("question", "lang"), [
    ("Is the CICC statement on the sanctions available in french?", "en"),
    ("Is there an English version of the FIDH release on ASP24?", "en"),
    ("la déclaration de la CICC existe en anglais ?", "fr"),
])
def test_which_languages_a_text_exists_in_is_a_language_question(asking_desk: Desk, question: str, lang: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.lang) == ("declined", lang)
    assert answer.reason == say("language_question", lang)


@pytest.mark.parametrize(("question", "shown", "lang"), [
    ("was the survivor-led dialogue at ASP24 recorded?", "survivors-messages-asp24", "en"),
    ("is there any footage of the workplace culture event", "asp24-fidh-side-events", "en"),
    ("y a un enregistrement du dialogue avec les survivants ?", "survivors-messages-asp24", "fr"),
])
def test_a_recording_asked_for_shows_the_event_but_never_as_the_answer(asking_desk: Desk, question: str, shown: str,
                                                                       lang: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.missing_key) == ("partial", lang, "missing_recording")
    assert answer.hits[0].fact.id == shown


@pytest.mark.parametrize("question", [
    "Did Hungary give any explanation for not arresting the suspect?",
    "La Hongrie a-t-elle donné une explication pour ne pas avoir arrêté le suspect ?",
])
def test_an_explanation_asked_for_is_a_reason_the_fact_must_give(asking_desk: Desk, question: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_reason")


@pytest.mark.parametrize(("question", "lang"), [
    ("was a chair for the aggression sub-group finally picked at the 24th session?", "en"),
    ("L'AEP24 a-t-elle fini par trouver un président pour le sous-groupe agression ?", "fr"),
])
def test_what_a_session_decided_is_not_reported_by_a_fact_naming_no_session(asking_desk: Desk, question: str,
                                                                           lang: str) -> None:
    answer = asking_desk.answerer.ask(question)  # the fact reports July's Special Session and a suggestion for later
    assert (answer.status, answer.lang, answer.missing_key) == ("partial", lang, "missing_outcome")
    assert answer.hits[0].fact.id == "special-session-aggression-july-2025"


def test_what_the_session_a_fact_reports_achieved_is_still_answered(asking_desk: Desk) -> None:
    assert top(asking_desk, "what was the result of the special session on aggression") == \
        "special-session-aggression-july-2025"


@pytest.mark.parametrize(("question", "lang", "status", "shown"), [
    # the side-events fact names the events, not what came of them: the fact about that one event holds it
    ("what were the key points of the side event FIDH held on workplace culture?", "en", "answered",
     "workplace-culture-at-the-court"),
    ("FIDH/REDRESS arrests side event - main takeaway?", "en", "answered", "fidh-redress-heads-of-state-paper"),
    # or, when no fact about the event covers the question as fully, the list is shown as what the facts do say
    ("qu'est-ce qui est sorti de l'événement parallèle sur la culture de travail ?", "fr", "partial",
     "asp24-fidh-side-events"),
])
def test_what_came_out_of_an_event_is_not_held_by_a_list_of_events(asking_desk: Desk, question: str, lang: str,
                                                                     status: str, shown: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.hits[0].fact.id) == (status, lang, shown)
    assert answer.missing_key == ("missing_outcome" if status == "partial" else "")


@pytest.mark.parametrize(("question", "expected"), [
    ("did the philippines really hand over duterte?", "duterte-surrendered-to-icc"),
    ("What did the July special session on aggression conclude?", "special-session-aggression-july-2025"),
])
def test_a_fact_reporting_what_was_done_or_concluded_still_answers(asking_desk: Desk, question: str,
                                                                   expected: str) -> None:
    assert top(asking_desk, question) == expected


def test_a_forecast_of_a_pending_matter_is_read_from_the_fact_own_words() -> None:
    question = "will states adopt blocking statutes?"
    wants = intent.read(question, ENGLISH)
    urged = "LRWC urges States Parties to adopt blocking statutes; HRW says the sanctions restricted banking."
    # an urged matter says nothing of what states will do, whatever other words the fact holds ("restricted")
    assert turns.unsettled(wants, urged, question) == ("missing_forecast", {})
    # a fact that says what is expected answers it
    assert turns.unsettled(wants, urged + " Several states are expected to act in 2026.", question) is None


@pytest.mark.parametrize(("question", "lang"), [
    ("did a US court block EO 14203?", "en"),
    ("has francesca albanese challenged her sanctions in court?", "en"),
    ("is albanese taking the US govt to court over the sanctions?", "en"),
    ("Did the three sanctioned Palestinian NGOs challenge the sanctions in US courts?", "en"),
    ("Un juge fédéral américain a-t-il suspendu le décret 14203 ?", "fr"),
    ("Le juge Guillou a-t-il saisi un tribunal français contre les sanctions ?", "fr"),
    ("Les juges sanctionnés ont-ils contesté le décret devant un tribunal américain ?", "fr"),
])
def test_a_measure_taken_to_court_is_not_reported_by_the_measure(asking_desk: Desk, question: str, lang: str) -> None:
    # the fact about the order or the listing shares every other word; it says nothing of a court case
    assert reply(asking_desk, question) == ("partial", lang, "missing_event")


def test_a_fact_reporting_a_court_case_answers_whether_there_was_one() -> None:
    question = "has anyone challenged Executive Order 14203 in US courts?"
    order = "Executive Order 14203 (6 February 2025) authorises sanctions on ICC staff."
    assert turns.unlitigated(question, order) == ("missing_event", {})
    assert turns.unlitigated(question, order + " In July 2025 a federal court blocked its use against two lawyers.") \
        is None
    # a challenge before the ICC itself ("Duterte's challenge to the Court's jurisdiction") is no national case
    assert turns.unlitigated("What did the Appeals Chamber rule on Duterte's challenge to the Court's jurisdiction?",
                             order) is None


@pytest.mark.parametrize(("question", "lang"), [
    ("did the United States send a delegation or speak at ASP24?", "en"),
    ("which states took the floor in the ASP24 general debate?", "en"),
    ("did francesca albanese attend asp24 in person", "en"),
    ("Israël a pris la parole à l'AEP24 ?", "fr"),
    ("Liz Evenson a-t-elle pris la parole au débat général de l'AEP24 ?", "fr"),
])
def test_whether_someone_spoke_at_a_meeting_needs_a_fact_reporting_it(asking_desk: Desk, question: str,
                                                                     lang: str) -> None:
    # a fact urging states to use the general debate, or reporting what HRW expects, says nothing of who spoke
    assert reply(asking_desk, question) == ("partial", lang, "missing_event")


def test_a_fact_reporting_a_speech_answers_who_spoke_or_whom_one_spoke_with(asking_desk: Desk) -> None:
    # FIDH reports that its President spoke at the cooperation plenary
    assert top(asking_desk, "did FIDH's president speak at the ASP24 cooperation plenary?") == (
        "first-non-cooperation-plenary")
    # talking with someone is no speech at a meeting; nor do survivors "qui ont pris la parole" ask whether they did
    assert top(asking_desk, "who did the dutch FM speak with after the sanctions on the judges?") == (
        "reactions-june-2025-sanctions")
    assert top(asking_desk, "Les survivants qui ont pris la parole, ils demandaient quoi aux États et à la Cour ?") == (
        "survivors-messages-asp24")
    assert turns.unheard("did the US speak at ASP24?", "Opinio Juris urged states to use the General Debate.") == (
        "missing_event", {})
    assert turns.unheard("did the US speak at ASP24?", "The US delegation took the floor on 2 December.") is None


@pytest.mark.parametrize(("question", "shown"), [
    ("Did states at the cooperation plenary agree on any penalties for non-cooperating countries?",
     "penalties-for-non-cooperation-proposal"),
    ("What penalty did the ICC impose on Tajikistan for not arresting the suspect?", "non-cooperating-states-2025"),
])
def test_whether_states_or_the_court_acted_asks_what_came_of_it(asking_desk: Desk, question: str, shown: str) -> None:
    # a proposal of penalties, a list of states that failed to arrest: neither says what was decided
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id, answer.missing_key) == ("partial", shown, "missing_outcome")


def test_a_decision_the_court_took_still_answers_what_it_decided(asking_desk: Desk) -> None:
    assert top(asking_desk, "what did the ICC decide on Italy's non-compliance?") == \
        "italy-noncompliance-decision-oct-2025"


def test_a_total_number_asks_for_a_figure(asking_desk: Desk) -> None:
    assert intent.read("total number of ICC staff sanctioned by the US so far?", ENGLISH).kind == "number"
    answer = asking_desk.answerer.ask("total number of ICC staff sanctioned by the US so far?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_number")


@pytest.mark.parametrize("question", [
    "what example of a blocking statute does the cicc statement give",
    "CICC asks states to adopt blocking statutes - which one do they give as an example?",
])
def test_an_example_asked_needs_a_fact_that_gives_one(asking_desk: Desk, question: str) -> None:
    # the call to action urges blocking statutes without naming one; the EU's is cited "as an example" elsewhere
    assert intent.read(question, ENGLISH).kind == "example"
    assert top(asking_desk, question) == "blocking-statute-calls"


@pytest.mark.parametrize("question", [
    "final 2026 budget adopted at ASP24 - exact figure?",
    "Quel est le montant final du budget 2026 adopté à la clôture de l'AEP24 ?",
])
def test_the_final_figure_is_not_the_one_proposed(asking_desk: Desk, question: str) -> None:
    # the budget fact gives the figure proposed before the session, not the one adopted
    assert intent.read(question, FRENCH if "budget 2026" in question else ENGLISH).settled
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "budget-2026-193-million")


@pytest.mark.parametrize(("question", "lang"), [
    ("What does dropping from 125 to 121 members actually mean for the Court?", "en"),
    ("et concrètement ça change quoi pour la Cour si l'AEP passe de 125 à 121 membres ?", "fr"),
])
def test_what_a_change_means_is_not_told_by_the_fact_that_it_happens(asking_desk: Desk, question: str,
                                                                   lang: str) -> None:
    # the fact on the four withdrawals gives the count and says when each "takes effect" is unknown: no effect told
    assert reply(asking_desk, question) == ("partial", lang, "missing_effect")


def test_what_fewer_members_mean_is_told_by_the_fact_on_what_withdrawals_mean(asking_desk: Desk) -> None:
    assert top(asking_desk, "so what if a few states leave? what does that actually mean for the court") == (
        "withdrawals-impact")
    # "if so, what" asks what was mentioned, not an effect
    assert top(asking_desk, "did hrw mention any wins for the court this year? if so what") == (
        "duterte-surrendered-to-icc")


@pytest.mark.parametrize(("question", "lang"), [
    ("whos the prosecutor thats on leave rn and when is he back?", "en"),
    ("le procureur revient quand de son congé ?", "fr"),
    ("Qui est le procureur de la CPI actuellement en congé ? et il revient quand ?", "fr"),
])
def test_a_return_from_leave_is_asked_of_the_future(asking_desk: Desk, question: str, lang: str) -> None:
    # "as of 1 December 2025 on leave", "the report was expected in October 2025": no day he comes back
    assert intent.read(question, FRENCH if lang == "fr" else ENGLISH).future
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.hits[0].fact.id) == (
        "partial", lang, "prosecutor-on-leave-external-investigation")


@pytest.mark.parametrize(("question", "lang"), [
    ("HRW a-t-elle elle-même été sanctionnée par Washington ?", "fr"),
    ("was the CICC itself sanctioned by the US?", "en"),
    ("Is Danya Chaikel herself under US sanctions?", "en"),
    ("has alexis deswaef himself been sanctioned by the US?", "en"),
])
def test_whether_one_who_speaks_was_sanctioned_themselves_needs_them_listed(asking_desk: Desk, question: str,
                                                                          lang: str) -> None:
    # "HRW likewise says ...", "CICC: the US should ...", "Danya Chaikel, said ...": the one named speaks
    assert reply(asking_desk, question) == ("partial", lang, "missing_event")


def test_one_named_among_the_sanctioned_was_sanctioned() -> None:
    question = "was Judge Guillou himself sanctioned?"
    assert turns.unlisted(question, "The US sanctioned Judge Nicolas Guillou in August 2025.") is None
    assert turns.unlisted(question, "Judge Nicolas Guillou says banks closed his accounts.") == ("missing_event", {})
    # no one named: "the judges" are what the facts are about
    assert turns.unlisted("were the judges themselves sanctioned", "Judges say banks closed accounts.") is None


@pytest.mark.parametrize("question", ["what did the ICC itself say in response to the sanctions on its judges",
                                      "how did the four sanctioned judges themselves respond publicly",
                                      "What did the ICC's own statement on the June sanctions actually say?"])
def test_what_one_said_themselves_needs_them_speaking(asking_desk: Desk, question: str) -> None:
    # "CICC called sanctioning sitting judges 'a direct attack'": the Coalition's words, not the judges' or the ICC's
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_event")


def test_one_speaking_in_the_fact_answers_what_they_said_themselves(asking_desk: Desk) -> None:
    assert top(asking_desk, "what did Guillou himself say about his bank accounts") == "judge-guillou-banking-le-monde"
    # whether the ICC reacted at all is told by the fact listing its reaction
    assert top(asking_desk, "did the icc itself put out a reaction to the june sanctions") == (
        "reactions-june-2025-sanctions")
    assert turns.unvoiced("what did the ICC itself say?", "The ICC said it would not be deterred.") is None


@pytest.mark.parametrize(("question", "lang"), [
    ("Did ASP24 finally appoint a chair for the aggression sub-group of the Working Group on Amendments?", "en"),
    ("L'AEP24 a-t-elle enfin trouvé un président pour le sous-groupe sur l'agression ?", "fr"),
    ("Est-ce que l'UE a enfin étendu son règlement de blocage pour protéger la CPI ?", "fr"),
    ("did the states manage to find a chair for the aggression sub-group?", "en"),  # managing to is doing in the end
    ("les États ont-ils réussi à désigner un président pour le sous-groupe agression ?", "fr"),
    ("so in the end, who got to chair the aggression sub-group?", "en"),  # an outcome asked, not a yes/no
])
def test_a_matter_only_suggested_or_urged_was_not_done_in_the_end(asking_desk: Desk, question: str,
                                                                  lang: str) -> None:
    # "suggests starting at least by finding a Chair", "urge EU states to adopt blocking statutes": not done
    assert reply(asking_desk, question) == ("partial", lang, "missing_event")


@pytest.mark.parametrize("question", [
    "the special session on aggression in july, what did it come to in the end?",
    "La session spéciale sur l'agression de juillet, ça a donné quoi finalement ?",
])
def test_what_a_session_came_to_is_its_outcome_not_a_suggestion_beside_it(asking_desk: Desk, question: str) -> None:
    # "no result was achieved" is where the session ended; the author's suggestion in a later sentence is another
    # matter
    assert top(asking_desk, question) == "special-session-aggression-july-2025"


def test_whether_a_chair_was_found_yet_is_still_answered_by_the_suggestion(asking_desk: Desk) -> None:
    # as of the fact's date there was none: the suggestion to find one says so
    question = "Is there a chair for the aggression sub-group of the Working Group on Amendments yet?"
    assert top(asking_desk, question) == "special-session-aggression-july-2025"
    assert top(asking_desk, "does jimenez think EU states should finally do a blocking statute") == (
        "blocking-statute-calls")


@pytest.mark.parametrize(("question", "lang"), [
    ("How did Italy respond to the Pre-Trial Chamber's non-compliance finding?", "en"),
    ("qu'est ce que l'Italie a répondu apres la decision de non-conformite?", "fr"),
    ("Et la France, elle a réagi comment à la sanction du juge Guillou ?", "fr"),
    ("Washington a-t-il répondu à la déclaration de solidarité de l'AEP24 ?", "fr"),
])
def test_how_one_named_responded_needs_them_responding(asking_desk: Desk, question: str, lang: str) -> None:
    # "a decision on Italy's non-compliance", "reactions from ... the European Union": named, not answering
    assert reply(asking_desk, question) == ("partial", lang, "missing_event")


def test_a_reaction_the_fact_reports_is_still_answered(asking_desk: Desk) -> None:
    # the reactions the Coalition listed: whether South Africa reacted, and through which department
    assert reply(asking_desk, "Did South Africa's reaction come from the presidency?")[0] == "answered"
    assert reply(asking_desk, "Est-ce que les Pays-Bas ont réagi officiellement aux sanctions ?")[0] == "answered"
    assert top(asking_desk, "what did the icc replace microsoft with") == "icc-it-microsoft-replaced"
    assert turns.unanswered("How did Italy respond?", "Italy said it would appeal the finding.") is None
    assert turns.unanswered("How did Italy respond?", "The Chamber found Italy failed to comply.") == (
        "missing_event", {})


@pytest.mark.parametrize("question", ["what did the survivors at the side events ask for?",
                                      "What did the survivors at the FIDH side event ask states and the Court to do?",
                                      "what did survivors at the fidh side event ask for"])
def test_whose_words_are_asked_is_who_spoke_not_where(asking_desk: Desk, question: str) -> None:
    # the survivors' words, not the side event's: the fact listing the side events has no survivor speaking
    assert intent.read(question, ENGLISH).speaker == ("survivor",)
    assert top(asking_desk, question) == "survivors-messages-asp24"


@pytest.mark.parametrize("question", [
    "Les Américains vont sanctionner toutes les entreprises qui bossent avec la Cour, c'est prévu pour quelle date ?",
    "tbh les US vont finir par sanctionner toute la Cour en tant qu'institution ? ca va arriver quand",
])
def test_the_french_near_future_asks_what_will_happen(asking_desk: Desk, question: str) -> None:
    # "vont sanctionner": what is to come, which a fact reporting what was considered or done does not say
    assert intent.read(question, FRENCH).future
    assert reply(asking_desk, question)[0] == "partial"


@pytest.mark.parametrize(("question", "lang"), [
    ("What was the Darfur militia leader sentenced to?", "en"),
    ("name + sentence of the janjaweed leader convicted for darfur?", "en"),
    ("Quelle est la peine infligée au chef de milice janjawid ?", "fr"),
])
def test_the_sentence_handed_down_needs_a_fact_giving_it(asking_desk: Desk, question: str, lang: str) -> None:
    # the fact reports the conviction, not the term
    assert reply(asking_desk, question) == ("partial", lang, "missing_sentence")


def test_in_a_sentence_is_how_to_answer_not_what() -> None:
    assert turns.unsentenced("What is LRWC, in a sentence?", "LRWC is a committee of lawyers.") is None
    assert turns.unsentenced("what was he sentenced to", "He was sentenced to 20 years in prison.") is None


@pytest.mark.parametrize(("question", "lang"), [
    ("which state delegation facilitated the omnibus resolution?", "en"),
    ("which state chaired the omnibus resolution negotiations?", "en"),
    ("Quel État a facilité la résolution omnibus cette année ?", "fr"),
])
def test_who_ran_a_process_is_not_told_by_a_fact_silent_on_it(asking_desk: Desk, question: str, lang: str) -> None:
    # the omnibus fact says what the resolution did, never who facilitated or chaired its negotiation
    assert reply(asking_desk, question) == ("partial", lang, "missing_person")


@pytest.mark.parametrize(("question", "fact"), [
    ("which US official announced the june 5 sanctions on the judges?", "us-sanctions-four-judges-june-2025"),
    ("Qui a signé le billet d'Opinio Juris « Time to Act » ?", "asp24-not-business-as-usual"),
])
def test_who_did_an_act_the_fact_tells_is_answered(asking_desk: Desk, question: str, fact: str) -> None:
    # acts other than running a process a fact tells in words of its own ("a release by Secretary of State Marco
    # Rubio", "by Ezequiel Jimenez"): the fact answers though it never says "announced" or "signé"
    assert top(asking_desk, question) == fact
