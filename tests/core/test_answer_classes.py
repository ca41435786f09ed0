"""The ways answers went wrong on questions nobody here wrote, each as members would type it (issue: answers that
hold up). Every test names the class of mistake it guards against; the blind tuning set's bars are at the end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.core import answering, holds, intent, word_order
from bot.core.desk import Desk
from bot.core.errands import without_errand
from bot.core.messages import say
from bot.core.permissions import Actor
from bot.core.render import answer_text
from bot.core.text import stem, words
from bot.core.text_fr import FRENCH
from tests.conftest import top
from tests.eval.score import load, score, set_language

BLIND = Path(__file__).resolve().parents[1] / "eval" / "blind"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    desk = Desk.open(tmp_path_factory.mktemp("classes") / "classes.db")
    yield desk
    desk.close()


@pytest.mark.parametrize("chatty", [
    "tbh whats the proposed 2026 int'l criminal court budget ngl",
    "sorry newbie here - whats the proposed 2026 budget for the icc",
    "pls whats the proposed 2026 budget for the icc",
    "wrt the icc, whats the proposed 2026 budget lol",
])
def test_chat_words_do_not_veto_an_answer(desk: Desk, chatty: str) -> None:
    assert top(desk, chatty) == top(desk, "what is the proposed 2026 budget for the icc") == "budget-2026-193-million"


def test_french_chat_abbreviations_do_not_veto_an_answer(desk: Desk) -> None:
    # "qqn" (quelqu'un), "stp": how a member asks, not what about
    assert top(desk, "qqn sait quand les USA ont sanctionné quatre juges de la CPI stp ?") == (
        "us-sanctions-four-judges-june-2025")
    assert top(desk, "jai entendu que la resolution omnibus avait un truc nouveau cette annee, c quoi ?") == (
        "asp24-omnibus-condemns-sanctions")  # "jai": j'ai, typed without its apostrophe
    assert top(desk, "kels pays quittent la cpi ?") in {  # "kels": quels; both facts name the four states
        "withdrawals-four-states-2026", "hungary-non-cooperation-and-withdrawal"}
    # "pas trop": how sure the member is, not what about
    assert top(desk, "j'ai pas trop suivi, la Russie fait quoi contre la CPI ?") == (
        "russia-warrants-against-icc-officials")
    # "qd" (quand), "nb" (nombre), "cmb" (combien)
    assert top(desk, "qd est-ce que les USA ont sanctionné des juges de la CPI ?") == (
        "us-sanctions-four-judges-june-2025")
    assert top(desk, "nb d'États parties au Statut de Rome aujourd'hui ?") == "states-parties-count-125"
    assert top(desk, "cmb de juges de la CPI sanctionnés par les USA en juin ?") == "us-sanctions-four-judges-june-2025"


def test_an_ordinary_word_the_store_lacks_is_a_paraphrase_not_a_typo(desk: Desk) -> None:
    # "ditch" is not in the store; it must neither veto the answer nor be "corrected" to another word
    assert top(desk, "did washington slap sanctions on icc judges in june 2025?") == (
        "us-sanctions-four-judges-june-2025")


@pytest.mark.parametrize("question", [
    "need a running shoe recommendation for a half marathon pls",
    "budget laptop for video editing 2025?",
    "what files did the hackers steal in the court's cyberattack",
])
def test_more_words_the_store_lacks_than_it_holds_are_another_subject(desk: Desk, question: str) -> None:
    # everyday words the store lacks are a paraphrase beside the words it holds, not when they are most of the question
    assert desk.answerer.ask(question).status == "declined"


@pytest.mark.parametrize(("question", "fact"), [
    ("What did Liz Evenson stress?", "asp24-hrw-expectations"),
    ("what did deswaef emphasize?", "fidh-president-on-impunity"),
])
def test_stressing_a_point_is_saying_it(desk: Desk, question: str, fact: str) -> None:
    # "emphasise", "stress", "underline", "souligner": how a source said it, not what about
    assert top(desk, question) == fact


@pytest.mark.parametrize(("question", "fact"), [
    ("what 3 things did HRW want from the ASP this year?", "asp24-hrw-expectations"),
    ("la CICC demande quoi aux États-Unis ? 2 points max", "cicc-calls-on-us-to-join"),
])
def test_how_many_points_are_wanted_frames_the_question(desk: Desk, question: str, fact: str) -> None:
    # "the 3 main things", "4-5 points max", "en deux mots": how long the answer should be, not a figure it holds
    assert top(desk, question) == fact


@pytest.mark.parametrize(("question", "fact"), [
    ("when was EO 14203 signed? i keep seeing two different dates", "us-executive-order-14203"),
    ("le décret 14203, il a été signé quand ? j'ai vu circuler deux dates différentes", "us-executive-order-14203"),
    ("ASP24 c'était quand ? on a lu plusieurs versions", "asp24-dates-and-venue"),
])
def test_a_remark_on_values_that_disagree_is_not_what_is_asked(desk: Desk, question: str, fact: str) -> None:
    # "I've seen two different dates": the member knows the figures differ; the fact says which source gives which
    assert top(desk, question) == fact


@pytest.mark.parametrize(("question", "fact"), [
    ("why is jimenez critical of the bureau?", "bureau-handling-of-investigation-criticised"),
    ("why did the fidh president warn of double standards?", "cicc-cooperation-plenary-statement"),
    ("pourquoi Deswaef a-t-il averti contre le deux poids deux mesures ?", "cicc-cooperation-plenary-statement"),
])
def test_why_a_source_criticises_or_warns_is_the_argument_it_makes(desk: Desk, question: str, fact: str) -> None:
    # "argues that the Bureau let the investigation drag", "warned that selective positions create double standards"
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", fact)


def test_an_ordinary_word_is_judged_as_typed_not_as_its_stem(desk: Desk) -> None:
    # "supposed" is an everyday word; its stem "suppos" is not a word at all
    assert top(desk, "when was the external investigation report supposed to come out") == (
        "prosecutor-on-leave-external-investigation")


@pytest.mark.parametrize("question", ["who wrote that opinio juris article about asp24",
                                      "l'article d'Opinio Juris sur l'AEP24, il est de qui ?"])
def test_an_article_without_a_number_is_a_piece_of_writing_not_the_statute(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)
    assert answer.status == "answered" and "Jimenez" in answer.hits[0].fact.text, answer.hits[:1]
    assert top(desk, "what does article 86 say") == "article-86-duty-to-cooperate"


def test_a_count_of_years_in_french_is_held_by_a_fact_counting_ans(desk: Desk) -> None:
    assert top(desk, "une plénière sur la non-coopération, c'est la première depuis combien d'années ?") == (
        "first-non-cooperation-plenary")


def test_two_swapped_letters_are_read_as_the_word_meant(desk: Desk) -> None:
    # "presdient" is nearer "present" letter for letter; swapping "di" back gives "president"
    assert top(desk, "whats the fidh presdient called") == "fidh-president-on-impunity"


@pytest.mark.parametrize(("question", "expected"), [
    ("how much in assesed contributions was outstanding in feb 2025", "arrears-74-million-feb-2025"),
    ("how many recomendations does lrwc's written statement make", "lrwc-recommendations-asp24"),
    ("how many jugdes did the us sanction in june", "us-sanctions-four-judges-june-2025"),
])
def test_a_misspelt_thing_counted_is_counted_as_the_word_meant(desk: Desk, question: str, expected: str) -> None:
    # the figure stands beside "assessed contributions", "nine recommendations", "four ICC judges": the typo's
    # correction, which the words are searched by, is also the thing whose count is asked
    assert top(desk, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    # a two-letter prefix is no word ("co"); "op-ed" is the Opinio Juris piece; "reso" a resolution
    pytest.param("la FIDH a co-organisé quels événements parallèles pendant l'AEP ?", "asp24-fidh-side-events",
                 id="prefix"),
    pytest.param("what does the op-ed say about microsoft", "icc-it-microsoft-replaced", id="op-ed"),
    pytest.param("what did the omnibus reso say on the sanctions", "asp24-omnibus-condemns-sanctions", id="reso"),
    # "reposent" and "candidates" are in a fact or two; beside the subject's words they are the asker's phrasing
    pytest.param("Sur quel décret présidentiel américain reposent les sanctions ?", "us-executive-order-14203",
                 id="rare-everyday-word-fr"),
    pytest.param("should non compliant states be allowed to run candidates", "penalties-for-non-cooperation-proposal",
                 id="rare-everyday-word"),
    # asked as an example question of the fact asks it ("who has the US sanctioned"), not as another fact's
    # examples ask about the same words ("are more US sanctions coming")
    pytest.param("who did the us sanction", "us-sanctions-who-is-targeted", id="asked-the-same-way"),
    # framing words say how the member asks, not what about
    pytest.param("when were the icc judges sanctioned by the us so far", "us-sanctions-four-judges-june-2025",
                 id="so-far"),
    pytest.param("how long ago was the last non-cooperation plenary", "first-non-cooperation-plenary",
                 id="how-long"),
    pytest.param("in other words, who did the us sanction", "us-sanctions-who-is-targeted", id="in-other-words"),
    pytest.param("in plain words what is the icc budget for 2026", "budget-2026-193-million", id="in-plain-words"),
    # "called" asks for a name here, not who called on whom; "actually" makes no outcome of it
    pytest.param("whats EO 14203 actually called", "us-executive-order-14203", id="called"),
    # chat names of a thing: a wrap-up is the outcomes; to ditch the ICC is to leave it
    pytest.param("when did FIDH publish its asp24 wrap up", "asp24-fidh-overall-assessment", id="wrap-up"),
    pytest.param("why does it matter if a few states ditch the icc", "withdrawals-impact", id="ditch"),
    # "thier" is a typo of a word that says nothing; "shd" and "usg" are chat spellings of everyday words
    pytest.param("what does cicc say states shd do to protect HRDs, thier recs and civil society",
                 "protecting-human-rights-defenders", id="typo-of-a-stop-word"),
    pytest.param("name of the french icc judge sanctioned by the usg?", "judge-guillou-banking-le-monde", id="usg"),
    pytest.param("how many fidh member orgs in palestine are under us sanctions", "us-sanctions-palestinian-ngos",
                 id="orgs"),
    # "concretely" frames; "on the money side" asks about money
    pytest.param("concretely what cooperation steps does cicc ask for", "cicc-cooperation-asks-june-2025",
                 id="concretely"),
    pytest.param("what does hrw want on the money side", "hrw-sufficient-funding", id="on-the-side"),
    # "linking this to the US sanctions" gives the reason
    pytest.param("why did the court switch its IT away from microsoft", "icc-it-microsoft-replaced", id="linking"),
    # a fact titled as the question's kind ("Why civil society matters ...", "Who the US sanctioned ...") answers it,
    # over a neighbour on the same words (civil society's recommendations, LRWC on why the US sanctions)
    pytest.param("why does lrwc say civil society matters so much for the court",
                 "civil-society-role-evidence-victims", id="titled-why"),
    pytest.param("Who exactly has the US sanctioned, as listed by LRWC?", "us-sanctions-who-is-targeted",
                 id="titled-who"),
    # what someone said, where the fact reports it: "Deswaef ... stressing"; "CICC says", the Coalition by its name
    pytest.param("what did deswaef say at asp24, roughly", "cicc-cooperation-plenary-statement", id="said-stressing"),
    pytest.param("What does the Coalition say states should do to protect human rights defenders who work with the "
                 "court?", "protecting-human-rights-defenders", id="said-other-name"),
    pytest.param("arrears in feb 2025", "arrears-74-million-feb-2025", id="month-shortened"),
    pytest.param("who at the state dept announced the sanctions on the ngos", "us-sanctions-palestinian-ngos",
                 id="releases-are-rubio-s"),
    pytest.param("which governments does HRW say are undermining the court", "icc-polycrisis-2025",
                 id="hrw-undermining"),
    # where the member read it ("per those discussions", "the lrwc statement") does not veto what they ask
    pytest.param("what's needed on workplace culture at the ICC, per those discussions",
                 "workplace-culture-at-the-court", id="document-word"),
    # example questions a curator added from the unanswered queue, reached in other words
    pytest.param("which 3 problems kept dogging the court over the years per jimenez", "icc-past-crises",
                 id="three-problems"),
    pytest.param("what is the aim of the US sanctions according to HRW", "us-sanctions-who-is-targeted", id="aim"),
    pytest.param("for our side event flyer: which crimes is the ICC the court of last resort for",
                 "icc-court-of-last-resort", id="for-our-flyer"),
    pytest.param("which ministry reacted for spain? need the full name for translation",
                 "reactions-june-2025-sanctions", id="for-translation"),
    # a named person's office: the fact with a role beside her name, not the one quoting her
    pytest.param("danya chaikel - whats her role", "fidh-over-compliance-financial-channels", id="whats-her-role"),
    pytest.param("Danya Chaikel elle a quel role exactement ?", "fidh-over-compliance-financial-channels",
                 id="elle-a-quel-role"),
    # "APIC c'est quoi l'acronyme": what the letters stand for, not the facts about recommendations
    pytest.param("APIC c'est quoi l'acronyme ? je le vois partout dans les recommandations",
                 "apic-ratification-calls", id="acronyme"),
    # "the list of who the US sanctioned": who, as the fact titled "Who the US sanctioned ..." answers
    pytest.param("lrwc's list of who the US sanctioned?", "us-sanctions-who-is-targeted", id="list-of-who"),
    # "convicted or acquitted": either turn of events asked; the fact holds one
    pytest.param("was the ex janjaweed leader convicted or acquitted", "janjaweed-leader-convicted-darfur",
                 id="one-of-two-turns"),
    # what survivors said or asked for: the fact reporting their words, not the list of side events that names a
    # dialogue led by them beside "events on speech crimes" (a kind of crime, not anyone speaking)
    pytest.param("what did survivors say at the asp side events", "survivors-messages-asp24", id="speech-crimes"),
    pytest.param("what did the survivors ask for at the asp side event", "survivors-messages-asp24",
                 id="what-did-they-ask-for"),
    # "which country" is answered by a country the fact names ("the Philippines surrendered ...")
    pytest.param("which country surrendered duterte to the icc", "duterte-surrendered-to-icc", id="which-country"),
    # "the paper on heads of state": its subject, not a head whose name is asked
    pytest.param("who did FIDH partner with for the paper on immunity of heads of state",
                 "fidh-redress-heads-of-state-paper", id="heads-of-state-as-a-subject"),
    # a paper's name is its title in quotation marks, however ordinary its words
    pytest.param("name of the fidh redress paper?", "fidh-redress-heads-of-state-paper", id="quoted-title"),
    # a head of state asked for by that office is named by it: "former President Rodrigo Duterte"
    pytest.param("which ex head of state did manila hand over to the court", "duterte-surrendered-to-icc",
                 id="which-head-of-state"),
    # "whos" asks who, as "who's" does; "<role> ..., name?" asks who holds it
    pytest.param("whos the icc rep for fidh", "fidh-over-compliance-financial-channels", id="whos"),
    pytest.param("fidh's rep at the icc - name?", "fidh-over-compliance-financial-channels", id="role-then-name"),
    # "successive" crises are no success; the review processes around Covid have names the fact gives
    pytest.param("jimenez: what three things stayed true across the court's successive crises?", "icc-past-crises",
                 id="successive"),
    pytest.param("what were the review processes around the covid period called?", "icc-past-crises", id="covid"),
    # "SA" is South Africa, as members shorten it: its department's reaction is in the roundup
    pytest.param("the SA govt reaction to the judges' sanctions, which dept issued it?",
                 "reactions-june-2025-sanctions", id="sa"),
])
def test_the_members_wording_reaches_the_fact_that_answers(desk: Desk, question: str, expected: str) -> None:
    assert top(desk, question) == expected


def test_a_name_the_store_does_not_know_still_vetoes(desk: Desk) -> None:
    answer = desk.answerer.ask("is there an icc arrest warrant for netanyahu")
    assert answer.status != "answered"


@pytest.mark.parametrize(("question", "missing"), [
    ("what's the phone number of the ICC registry", None),  # contact details: no fact holds any
    ("what date did the philippines surrender duterte to the icc", "the exact date"),
    ("name of the janjaweed leader convicted by the icc?", "who the leader of janjaweed is"),
    ("who is the president of the ASP?", "who the president of ASP is"),
])
def test_a_related_fact_without_the_asked_detail_is_partial_never_the_answer(desk: Desk, question: str,
                                                                           missing: str | None) -> None:
    answer = desk.answerer.ask(question)
    assert answer.status in ("partial", "declined") and not answer.answered
    if answer.status == "partial":
        assert answer.missing == missing
        assert answer.hits, "a partial reply shows what the facts do say"
        assert answer_text(answer).startswith(f"The curated facts don't say {missing}. What they do say:")


@pytest.mark.parametrize(("question", "shown", "missing"), [
    # what came of a pending matter, a plan or a call: the fact says it is pending, planned or called for
    ("what was the outcome of the external investigation into the prosecutor",
     "prosecutor-on-leave-external-investigation", "what came of it"),
    ("did mali and niger actually leave in the end", "withdrawals-four-states-2026", "what came of it"),
    ("has the EU actually updated its blocking statute for the icc sanctions", "blocking-statute-calls",
     "what came of it"),
    ("l'enquête externe sur le procureur, ça a donné quoi ?", "prosecutor-on-leave-external-investigation",
     "ce qu'il en est advenu"),
    # "reportedly considering", an "imminent decision": a matter still pending
    ("so did the US end up sanctioning the entire court or not", "us-possible-sanctions-whole-court",
     "what came of it"),
    # asked as done by now, or as a forecast: the fact reports it as considered, which says neither
    ("has washington by now put sanctions on the court as a whole?", "us-possible-sanctions-whole-court",
     "whether that happened"),
    ("is washington going to sanction all companies that work with the court?", "us-possible-sanctions-whole-court",
     "whether that will happen"),
    ("Washington va-t-il sanctionner toute la Cour ?", "us-possible-sanctions-whole-court", "si cela va se produire"),
    # the fact says it does not name the very things asked for, or the person asked about
    ("which 37 states are behind on their contributions", "arrears-states-lose-vote", "which states"),
    ("who was it that hungary did not arrest", "hungary-non-cooperation-and-withdrawal", "who"),
    ("the prosecutor's name?", "prosecutor-on-leave-external-investigation", "who the prosecutor is"),
    # the possessive typed without its apostrophe: his name, not the names of prosecutors
    ("pls whats the prosecutors full name, the one on leave", "prosecutor-on-leave-external-investigation",
     "who the prosecutor is"),
    # a titled office the question names and the fact never mentions
    ("what did the un secretary-general say about the sanctions on judges", "reactions-june-2025-sanctions",
     "anything about the secretary general"),
])
def test_a_fact_that_says_it_lacks_the_asked_detail_is_shown_as_partial(desk: Desk, question: str, shown: str,
                                                                       missing: str) -> None:
    answer = desk.answerer.ask(question)
    assert answer.status == "partial", (answer.status, [h.fact.id for h in answer.hits])
    assert answer.hits[0].fact.id == shown and answer.missing == missing


def test_a_count_of_a_two_word_thing_is_held_only_by_a_count_of_that_thing(desk: Desk) -> None:
    # "125 States Parties" are members of the Assembly, not member organisations of the Coalition
    answer = desk.answerer.ask("how many member orgs does cicc have")
    assert answer.status == "partial" and answer.missing == "how many member organisations", \
        [h.fact.id for h in answer.hits]
    assert top(desk, "how many deputy prosecutors does the icc have") is None
    assert top(desk, "how many states parties are there") == "states-parties-count-125"


def test_a_year_tied_to_a_thing_must_be_that_things_year(desk: Desk) -> None:
    # the 2026 budget was debated in 2025; it is not the budget for 2025
    assert top(desk, "what is the 2026 budget of the icc") == "budget-2026-193-million"
    assert top(desk, "what was the icc budget for 2025") != "budget-2026-193-million"


def test_a_year_the_question_states_is_neither_the_date_nor_the_figure_asked() -> None:
    def read(question: str, text: str) -> bool:
        return holds.holds(intent.read(question), "", text, question=question, expand=lambda phrase: [phrase])
    plan = "The ICC is drafting its 2026-2029 Strategic Plan."
    assert not read("when will states adopt the 2026-2029 strategic plan", plan)
    assert read("when was the 2026-2029 strategic plan adopted", plan + " It was adopted in 2025.")
    hrw = "HRW recommends sufficient funding in the 2026 budget."
    assert intent.read("hrw's recommended figure for the 2026 budget?").kind == "number"
    assert not read("hrw's recommended figure for the 2026 budget?", hrw)
    assert read("hrw's recommended figure for the 2026 budget?", hrw + " It asks for EUR 200 million.")


def test_a_partial_reply_in_json(desk: Desk) -> None:
    answer = desk.answerer.ask("what date did the philippines surrender duterte to the icc")
    data = answer.to_json(answer_text(answer))
    assert data["status"] == "partial" and data["answered"] is False and data["missing"] == "the exact date"
    assert [f["id"] for f in data["facts"]] == ["duterte-surrendered-to-icc"]


def test_the_asked_year_must_be_the_year_the_fact_is_about(desk: Desk) -> None:
    answer = desk.answerer.ask("what was the approved 2025 budget of the icc")
    assert answer.status != "answered", "the 2026 budget (adopted in December 2025) is not the 2025 budget"
    assert top(desk, "what is the proposed 2026 budget") == "budget-2026-193-million"


@pytest.mark.parametrize("question", [
    "how many judges sit on the ICJ?",
    "did the european court of human rights rule on the sanctions?",
    "what did the inter-american court say about arrests",
    "how did the african union react to the sahel states quitting the court?",  # the facts never name the AU
    "L'Union africaine a-t-elle soutenu les juges sanctionnés ?",
])
def test_another_court_is_not_stretched_into_an_icc_answer(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.reason_key) == ("declined", "other_body")
    assert ("another court or body" if answer.lang == "en" else "autre juridiction ou instance") in answer.reason


@pytest.mark.parametrize(("question", "missing", "related"), [
    ("what's the brand name of the software the ICC moved to from microsoft?", "the name of the software",
     "icc-it-microsoft-replaced"),
    ("names of the deputy prosecutors who were sanctioned?", "who the deputy prosecutors are",
     "us-sanctions-who-is-targeted"),
    # "Microsoft" sits beside "software solution" but is what was left; the fact now says it does not name the new one
    ("what's the name of the german software the ICC switched to", "the name of the software",
     "icc-it-microsoft-replaced"),
])
def test_a_name_asked_of_a_thing_needs_a_name_beside_that_thing(desk: Desk, question: str, missing: str,
                                                                 related: str) -> None:
    # the facts name the thing (German state-owned software; the Deputy Prosecutors) but give no name for it
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.missing, answer.hits[0].fact.id) == ("partial", missing, related)


@pytest.mark.parametrize(("question", "missing"), [
    ("Comment s'appelle le procureur de la CPI qui est en congé ?", "qui est procureur de CPI"),  # "Le Procureur"
    ("qui est le président de la CPI actuellement ?", "qui est president de CPI"),  # "son président" is FIDH's
    ("Et le président actuel de la CPI, c'est qui ?", "qui est president de CPI"),  # "actuel" between the two
])
def test_a_role_s_holder_must_be_named_for_that_organisation(desk: Desk, question: str, missing: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.missing) == ("partial", "fr", missing)


@pytest.mark.parametrize(("question", "lang"), [
    ("how do u say thank you in dutch", "en"),
    ("how would you translate 'state party' into french?", "en"),
    ("comment dit-on sanctions en néerlandais ?", "fr"),
])
def test_a_language_question_is_declined_whatever_words_it_shares_with_facts(desk: Desk, question: str,
                                                                              lang: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.lang) == ("declined", lang)
    assert answer.reason == say("language_question", lang)  # in the asker's language


def test_the_store_s_own_mentions_of_a_body_are_answered(desk: Desk) -> None:
    assert top(desk, "was the UN special rapporteur of the human rights council sanctioned?") == \
        "us-sanctions-un-special-rapporteur"


def test_on_leave_is_not_leaving(desk: Desk) -> None:
    assert top(desk, "is the icc prosecutor on leave?") == "prosecutor-on-leave-external-investigation"
    answer = desk.answerer.ask("which states are leaving the rome statute?")
    assert answer.status == "answered"
    assert all(h.fact.id != "prosecutor-on-leave-external-investigation" for h in answer.hits)


def test_interns_are_not_international(desk: Desk) -> None:
    # porter stems both "interns" and "international" to "intern"
    assert desk.answerer.ask("do interns get paid at the icc").status == "declined"
    assert desk.answerer.ask("is there a discord channel for interns").status == "declined"
    assert top(desk, "what are amnesty international's key recommendations called") == \
        "civil-society-recommendations-assembly"


def test_why_wants_a_fact_that_gives_a_reason(desk: Desk) -> None:
    assert top(desk, "why is the icc prosecutor on leave?") == "prosecutor-on-leave-external-investigation"


def test_a_prefix_written_without_its_hyphen_is_the_word_it_prefixes(desk: Desk) -> None:
    assert top(desk, "which side events did fidh cosponsor?") == "asp24-fidh-side-events"


def test_a_typo_of_a_word_the_store_holds_only_as_a_short_stem_is_read_as_that_word(desk: Desk) -> None:
    # the store holds "cooperation" as the stem "cooper": too short for a fuzzy match on stems
    spelt = desk.answerer.ask("what are the cicc's asks on cooperation with arrest warrants")
    typo = desk.answerer.ask("what are the cicc's asks on cooperaton with arrest warrants")
    assert typo.status == spelt.status == "answered"
    assert typo.hits[0].fact.id == spelt.hits[0].fact.id


def test_words_side_by_side_in_a_fact_count_as_fully_as_its_title(desk: Desk) -> None:
    # "international justice director" is in the body text of one fact only, not in its title or questions
    assert top(desk, "HRW intl justice director name?") == "asp24-hrw-expectations"


def test_discord_markup_is_not_words(desk: Desk) -> None:
    plain = "what is the proposed 2026 budget for the icc"
    marked = f"<@123456789012345678> {plain} <:icc:112233445566778899> <#987654321098765432>"
    assert top(desk, marked) == top(desk, plain) == "budget-2026-193-million"


def test_a_one_word_question_gets_its_topic_and_a_list_to_choose_from(desk: Desk) -> None:
    answer = desk.answerer.ask("sanctions??")
    assert answer.status == "answered" and answer.hits[0].fact.topic == "sanctions"
    assert len(answer.related) >= 3, "a broad question lists other facts to choose from"


@pytest.mark.parametrize(("question", "lead"), [
    ("budget?", "budget-2026-193-million"), ("sanctions ??", "us-sanctions-who-is-targeted"),
    ("budget ?", "budget-2026-193-million"), ("withdrawals?", "withdrawals-four-states-2026"),
])
def test_a_one_word_question_gets_the_fact_the_curator_gave_that_word_as_an_example(desk: Desk, question: str,
                                                                                    lead: str) -> None:
    assert top(desk, question) == lead


def test_an_overdue_fact_is_shown_with_a_warning(tmp_path) -> None:
    desk = Desk.open(tmp_path / "stale.db")
    fact = desk.facts.require("budget-2026-193-million")
    past = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    desk.facts.edit(fact.id, {"review_by": past}, Actor.local(), "test: overdue")
    answer = desk.answerer.ask("what is the proposed 2026 budget for the icc")
    assert answer.hits[0].fact.id == fact.id
    assert "May be out of date: its review was due on" in answer_text(answer)
    desk.close()


# Bars on the blind sets used for tuning (tests/eval/blind/round*/): their tuning parts, and the holdouts of rounds 1
# to 27, spent once scored (their figures stand in the README).
@pytest.mark.parametrize(("name", "right", "declined", "wrong"), [
    ("round1/en-tuning.yaml", 0.89, 1.0, 0.032),
    ("round1/en-spent.yaml", 0.93, 0.96, 0.021),
    ("round1/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round1/fr-spent.yaml", 0.92, 0.92, 0.049),
    ("round2/en-tuning.yaml", 1.0, 0.96, 0.014),
    ("round2/en-spent.yaml", 1.0, 1.0, 0.0),
    ("round2/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round2/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round3/en-tuning.yaml", 0.96, 1.0, 0.012),
    ("round3/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round3/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round3/fr-spent.yaml", 0.94, 1.0, 0.017),
    ("round4/en-tuning.yaml", 1.0, 0.96, 0.012),
    ("round4/fr-tuning.yaml", 0.91, 1.0, 0.034),
    ("round4/en-spent.yaml", 0.87, 0.97, 0.044),
    ("round4/fr-spent.yaml", 0.92, 1.0, 0.017),
    ("round5/en-tuning.yaml", 0.96, 1.0, 0.012),
    ("round5/fr-tuning.yaml", 0.88, 0.95, 0.034),
    ("round5/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round5/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round6/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round6/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round6/en-spent.yaml", 0.87, 0.97, 0.023),
    ("round6/fr-spent.yaml", 0.94, 0.95, 0.034),
    ("round7/en-tuning.yaml", 0.9, 0.94, 0.023),
    ("round7/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round7/en-spent.yaml", 0.96, 0.94, 0.033),
    ("round7/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round8/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round8/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round8/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round8/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round9/en-tuning.yaml", 0.98, 0.97, 0.023),
    ("round9/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round9/en-spent.yaml", 0.92, 0.94, 0.022),
    ("round9/fr-spent.yaml", 0.91, 1.0, 0.034),
    ("round10/en-tuning.yaml", 0.94, 1.0, 0.023),
    ("round10/en-spent.yaml", 0.94, 1.0, 0.022),
    ("round10/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round10/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round11/en-tuning.yaml", 0.94, 1.0, 0.023),
    ("round11/en-spent.yaml", 0.98, 0.97, 0.022),
    ("round11/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round11/fr-spent.yaml", 0.94, 0.95, 0.034),
    ("round12/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round12/en-spent.yaml", 0.96, 0.94, 0.022),
    ("round12/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round12/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round13/en-tuning.yaml", 0.92, 0.96, 0.034),
    ("round13/en-spent.yaml", 0.96, 0.91, 0.055),
    ("round13/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round13/fr-spent.yaml", 0.94, 1.0, 0.034),
    ("round14/en-tuning.yaml", 1.0, 1.0, 0.0),
    ("round14/en-spent.yaml", 0.94, 0.94, 0.033),
    ("round14/fr-tuning.yaml", 0.89, 0.95, 0.017),
    ("round14/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round15/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round15/en-spent.yaml", 0.98, 0.97, 0.022),
    ("round15/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round15/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round16/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round16/en-spent.yaml", 0.91, 1.0, 0.011),
    ("round16/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round16/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round17/en-tuning.yaml", 1.0, 0.93, 0.023),
    ("round17/en-spent.yaml", 1.0, 0.97, 0.011),
    ("round17/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round17/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round18/en-tuning.yaml", 1.0, 1.0, 0.0),
    ("round18/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round18/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round18/fr-spent.yaml", 1.0, 0.95, 0.017),
    ("round19/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round19/en-spent.yaml", 0.91, 1.0, 0.033),
    ("round19/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round19/fr-spent.yaml", 0.91, 0.91, 0.034),
    ("round20/en-tuning.yaml", 0.94, 0.91, 0.045),
    ("round20/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round20/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round20/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round21/en-tuning.yaml", 0.96, 0.96, 0.012),
    ("round21/en-spent.yaml", 1.0, 1.0, 0.0),
    ("round21/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round21/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round22/en-tuning.yaml", 0.96, 0.97, 0.023),
    ("round22/en-spent.yaml", 0.96, 0.91, 0.033),
    ("round22/fr-tuning.yaml", 0.81, 0.95, 0.034),
    ("round22/fr-spent.yaml", 0.86, 0.95, 0.034),
    ("round23/en-spent.yaml", 0.94, 0.97, 0.033),
    ("round23/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round23/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round23/fr-tuning.yaml", 0.91, 0.95, 0.034),
    ("round24/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round24/en-tuning.yaml", 1.0, 1.0, 0.0),
    ("round24/fr-spent.yaml", 0.86, 0.95, 0.017),
    ("round24/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round25/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round25/en-tuning.yaml", 0.96, 1.0, 0.012),
    ("round25/fr-spent.yaml", 0.86, 0.95, 0.017),
    ("round25/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round26/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round26/en-tuning.yaml", 0.96, 1.0, 0.012),
    ("round26/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round26/fr-tuning.yaml", 0.89, 0.95, 0.017),
    ("round27/en-spent.yaml", 0.98, 0.97, 0.011),
    ("round27/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round27/fr-spent.yaml", 0.83, 1.0, 0.017),
    ("round27/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round28/en-spent.yaml", 0.91, 1.0, 0.0),
    ("round28/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round28/fr-spent.yaml", 0.89, 0.91, 0.034),
    ("round28/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round29/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round29/en-tuning.yaml", 0.94, 0.96, 0.012),
    ("round29/fr-spent.yaml", 0.75, 1.0, 0.034),
    ("round29/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round30/en-spent.yaml", 0.89, 0.94, 0.033),
    ("round30/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round30/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round30/fr-tuning.yaml", 0.86, 0.95, 0.034),
    ("round31/en-tuning.yaml", 0.92, 0.96, 0.023),
    ("round31/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round32/en-tuning.yaml", 0.96, 0.96, 0.012),
    ("round32/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round31/en-spent.yaml", 1.0, 0.97, 0.011),
    ("round31/fr-spent.yaml", 0.97, 0.87, 0.05),
    ("round32/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round32/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round33/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round33/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round33/fr-spent.yaml", 0.88, 1.0, 0.017),
    ("round33/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round34/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round34/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round34/fr-spent.yaml", 0.94, 0.95, 0.034),
    ("round34/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round35/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round35/en-tuning.yaml", 0.94, 0.93, 0.034),
    ("round35/fr-spent.yaml", 0.94, 1.0, 0.017),
    ("round35/fr-tuning.yaml", 0.86, 1.0, 0.034),
    ("round36/en-spent.yaml", 0.96, 0.97, 0.022),
    ("round36/en-tuning.yaml", 0.98, 0.94, 0.034),
    ("round36/fr-spent.yaml", 0.91, 0.91, 0.034),
    ("round36/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round37/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round37/en-tuning.yaml", 0.94, 0.97, 0.023),
    ("round37/fr-spent.yaml", 0.91, 1.0, 0.034),
    ("round37/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round38/en-spent.yaml", 1.0, 0.88, 0.044),
    ("round38/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round38/fr-spent.yaml", 0.97, 0.95, 0.034),
    ("round38/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round39/en-spent.yaml", 0.98, 0.94, 0.033),
    ("round39/en-tuning.yaml", 0.9, 0.94, 0.023),
    ("round39/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round39/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round40/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round40/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round40/fr-spent.yaml", 0.94, 1.0, 0.017),
    ("round40/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round41/en-tuning.yaml", 0.92, 0.93, 0.045),
    ("round41/fr-tuning.yaml", 0.89, 1.0, 0.034),
    ("round42/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round42/fr-tuning.yaml", 0.91, 0.91, 0.05),
    ("round43/en-tuning.yaml", 0.94, 0.94, 0.034),
    ("round43/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round44/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round44/fr-tuning.yaml", 0.83, 1.0, 0.034),
    ("round45/en-tuning.yaml", 0.94, 0.94, 0.023),
    ("round45/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round41/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round41/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round42/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round42/fr-spent.yaml", 0.89, 1.0, 0.017),
    ("round43/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round43/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round44/en-spent.yaml", 0.98, 0.97, 0.011),
    ("round44/fr-spent.yaml", 0.88, 1.0, 0.0),
    ("round45/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round45/fr-spent.yaml", 0.89, 0.95, 0.017),
    ("round46/en-spent.yaml", 0.96, 0.94, 0.022),
    ("round46/en-tuning.yaml", 0.94, 0.91, 0.034),
    ("round46/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round46/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round47/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round47/en-tuning.yaml", 1.0, 1.0, 0.0),
    ("round47/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round47/fr-tuning.yaml", 0.91, 0.95, 0.034),
    ("round48/en-spent.yaml", 0.96, 1.0, 0.011),
    ("round48/en-tuning.yaml", 0.98, 1.0, 0.012),
    ("round48/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round48/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round49/en-spent.yaml", 1.0, 1.0, 0.0),
    ("round49/en-tuning.yaml", 0.94, 0.96, 0.012),
    ("round49/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round49/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round50/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round50/en-tuning.yaml", 0.92, 0.96, 0.012),
    ("round50/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round50/fr-tuning.yaml", 0.86, 1.0, 0.017),
    ("round51/en-spent.yaml", 0.9, 0.97, 0.022),
    ("round51/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round51/fr-spent.yaml", 0.89, 0.95, 0.05),
    ("round51/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round52/en-tuning.yaml", 0.94, 0.91, 0.034),
    ("round52/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round53/en-tuning.yaml", 0.91, 1.0, 0.012),
    ("round53/fr-tuning.yaml", 0.86, 0.95, 0.017),
    ("round54/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round54/fr-tuning.yaml", 0.83, 0.87, 0.05),
    ("round55/en-tuning.yaml", 1.0, 0.9, 0.034),
    ("round55/fr-tuning.yaml", 1.0, 0.91, 0.034),
    ("round56/en-tuning.yaml", 0.96, 1.0, 0.012),
    ("round56/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round57/en-tuning.yaml", 0.96, 0.96, 0.012),
    ("round57/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round58/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round58/fr-tuning.yaml", 0.86, 1.0, 0.017),
    ("round59/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round59/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round52/en-spent.yaml", 0.96, 1.0, 0.011),
    ("round52/fr-spent.yaml", 0.97, 0.95, 0.017),
    ("round53/en-spent.yaml", 0.96, 0.94, 0.022),
    ("round53/fr-spent.yaml", 0.86, 0.95, 0.017),
    ("round54/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round54/fr-spent.yaml", 0.97, 1.0, 0.017),
    ("round55/en-spent.yaml", 0.94, 1.0, 0.011),
    ("round55/fr-spent.yaml", 0.89, 0.95, 0.034),
    ("round56/en-spent.yaml", 0.92, 0.97, 0.011),
    ("round56/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round57/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round57/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round58/en-spent.yaml", 0.98, 0.94, 0.022),
    ("round58/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round59/en-spent.yaml", 0.94, 0.94, 0.022),
    ("round59/fr-spent.yaml", 0.94, 0.95, 0.034),
    ("round60/en-spent.yaml", 1.0, 0.97, 0.011),
    ("round60/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round60/fr-spent.yaml", 0.86, 1.0, 0.017),
    ("round60/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round61/en-spent.yaml", 0.94, 0.91, 0.044),
    ("round61/en-tuning.yaml", 0.92, 1.0, 0.0),
    ("round61/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round61/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round62/en-spent.yaml", 0.96, 0.91, 0.044),
    ("round62/en-tuning.yaml", 0.92, 0.94, 0.034),
    ("round62/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round62/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round63/en-spent.yaml", 0.98, 0.94, 0.022),
    ("round63/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round63/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round63/fr-tuning.yaml", 0.91, 0.95, 0.05),
    ("round64/en-tuning.yaml", 0.98, 0.96, 0.023),
    ("round64/fr-tuning.yaml", 0.91, 0.91, 0.05),
    ("round65/en-tuning.yaml", 0.98, 0.96, 0.012),
    ("round65/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round66/en-tuning.yaml", 0.98, 0.96, 0.012),
    ("round66/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round67/en-tuning.yaml", 0.94, 0.94, 0.034),
    ("round67/fr-tuning.yaml", 1.0, 0.95, 0.017),
    ("round68/en-tuning.yaml", 0.9, 0.97, 0.023),
    ("round68/fr-tuning.yaml", 0.91, 0.95, 0.034),
    ("round64/en-spent.yaml", 0.9, 0.94, 0.044),
    ("round64/fr-spent.yaml", 0.97, 0.95, 0.017),
    ("round65/en-spent.yaml", 0.91, 1.0, 0.022),
    ("round65/fr-spent.yaml", 0.97, 0.91, 0.05),
    ("round66/en-spent.yaml", 0.94, 0.91, 0.033),
    ("round66/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round67/en-spent.yaml", 0.92, 1.0, 0.022),
    ("round67/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round68/en-spent.yaml", 0.96, 0.88, 0.044),
    ("round68/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round69/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round69/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round70/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round70/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round71/en-tuning.yaml", 0.98, 0.96, 0.012),
    ("round71/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round72/en-tuning.yaml", 1.0, 1.0, 0.0),
    ("round72/fr-tuning.yaml", 0.89, 0.95, 0.034),
    ("round73/en-tuning.yaml", 0.92, 0.97, 0.012),
    ("round73/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round69/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round69/fr-spent.yaml", 0.83, 0.95, 0.034),
    ("round70/en-spent.yaml", 0.91, 0.97, 0.033),
    ("round70/fr-spent.yaml", 0.97, 1.0, 0.017),
    ("round71/en-spent.yaml", 0.92, 1.0, 0.033),
    ("round71/fr-spent.yaml", 1.0, 0.95, 0.017),
    ("round72/en-spent.yaml", 0.91, 0.91, 0.044),
    ("round72/fr-spent.yaml", 0.88, 1.0, 0.0),
    ("round73/en-spent.yaml", 0.96, 1.0, 0.011),
    ("round73/fr-spent.yaml", 0.91, 1.0, 0.034),
    ("round74/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round74/en-tuning.yaml", 0.94, 0.96, 0.034),
    ("round74/fr-spent.yaml", 0.94, 1.0, 0.017),
    ("round74/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round75/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round75/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round75/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round75/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round76/en-spent.yaml", 0.94, 0.94, 0.022),
    ("round76/en-tuning.yaml", 0.92, 1.0, 0.0),
    ("round76/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round76/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round77/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round77/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round77/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round77/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round78/en-spent.yaml", 0.91, 0.97, 0.022),
    ("round78/en-tuning.yaml", 0.98, 1.0, 0.012),
    ("round78/fr-spent.yaml", 0.91, 0.92, 0.05),
    ("round78/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round79/en-tuning.yaml", 0.94, 0.97, 0.023),
    ("round79/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round80/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round80/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round81/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round81/fr-tuning.yaml", 0.97, 0.91, 0.034),
    ("round82/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round82/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round83/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round83/fr-tuning.yaml", 0.78, 1.0, 0.017),
    ("round84/en-tuning.yaml", 0.98, 0.91, 0.034),
    ("round84/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round85/en-tuning.yaml", 0.98, 0.94, 0.023),
    ("round85/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round86/en-tuning.yaml", 1.0, 1.0, 0.0),
    ("round86/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round79/en-spent.yaml", 0.91, 0.94, 0.022),
    ("round79/fr-spent.yaml", 0.86, 0.95, 0.017),
    ("round80/en-spent.yaml", 0.9, 0.97, 0.011),
    ("round80/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round81/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round81/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round82/en-spent.yaml", 0.98, 0.97, 0.011),
    ("round82/fr-spent.yaml", 0.89, 1.0, 0.017),
    ("round87/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round87/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round88/en-tuning.yaml", 0.92, 0.97, 0.012),
    ("round88/fr-tuning.yaml", 0.81, 1.0, 0.017),
    ("round83/en-spent.yaml", 0.94, 0.94, 0.033),
    ("round83/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round84/en-spent.yaml", 0.94, 0.94, 0.022),
    ("round84/fr-spent.yaml", 0.88, 1.0, 0.0),
    ("round85/en-spent.yaml", 0.94, 1.0, 0.011),
    ("round85/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round86/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round86/fr-spent.yaml", 0.91, 0.88, 0.067),
    ("round87/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round87/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round88/en-spent.yaml", 0.91, 0.97, 0.022),
    ("round88/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round89/en-spent.yaml", 0.94, 0.94, 0.022),
    ("round89/en-tuning.yaml", 0.92, 0.94, 0.034),
    ("round89/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round89/fr-tuning.yaml", 0.83, 1.0, 0.0),
    ("round90/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round90/en-tuning.yaml", 1.0, 1.0, 0.0),
    ("round90/fr-spent.yaml", 0.94, 0.96, 0.017),
    ("round90/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round91/en-tuning.yaml", 0.96, 0.94, 0.034),
    ("round91/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round92/en-tuning.yaml", 0.85, 0.94, 0.045),
    ("round92/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round93/en-tuning.yaml", 0.88, 0.91, 0.045),
    ("round93/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round94/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round94/fr-tuning.yaml", 0.97, 0.91, 0.034),
    ("round95/en-tuning.yaml", 0.96, 0.94, 0.023),
    ("round95/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round96/en-tuning.yaml", 0.89, 1.0, 0.012),
    ("round96/fr-tuning.yaml", 0.89, 0.95, 0.017),
    ("round91/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round91/fr-spent.yaml", 0.83, 1.0, 0.017),
    ("round92/en-spent.yaml", 0.96, 0.94, 0.033),
    ("round92/fr-spent.yaml", 0.89, 1.0, 0.034),
    ("round93/en-spent.yaml", 1.0, 1.0, 0.0),
    ("round93/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round94/en-spent.yaml", 0.94, 1.0, 0.011),
    ("round94/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round95/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round95/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round96/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round96/fr-spent.yaml", 0.89, 1.0, 0.034),
    ("round97/en-tuning.yaml", 0.89, 0.97, 0.045),
    ("round97/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round98/en-tuning.yaml", 0.96, 0.97, 0.034),
    ("round98/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round97/en-spent.yaml", 0.96, 0.91, 0.033),
    ("round97/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round98/en-spent.yaml", 1.0, 1.0, 0.0),
    ("round98/fr-spent.yaml", 0.86, 1.0, 0.034),
    ("round99/en-spent.yaml", 0.89, 1.0, 0.022),
    ("round99/en-tuning.yaml", 0.92, 1.0, 0.023),
    ("round99/fr-spent.yaml", 0.89, 1.0, 0.034),
    ("round99/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round100/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round100/en-tuning.yaml", 0.92, 0.96, 0.023),
    ("round100/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round100/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round101/en-tuning.yaml", 0.92, 1.0, 0.023),
    ("round101/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round102/en-tuning.yaml", 0.85, 0.88, 0.068),
    ("round102/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round103/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round103/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round104/en-tuning.yaml", 0.92, 0.97, 0.012),
    ("round104/fr-tuning.yaml", 1.0, 0.95, 0.017),
    ("round101/en-spent.yaml", 0.91, 0.94, 0.044),
    ("round101/fr-spent.yaml", 0.86, 1.0, 0.034),
    ("round102/en-spent.yaml", 0.94, 0.94, 0.022),
    ("round102/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round103/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round103/fr-spent.yaml", 0.97, 0.96, 0.017),
    ("round104/en-spent.yaml", 0.92, 0.94, 0.022),
    ("round104/fr-spent.yaml", 0.97, 0.95, 0.017),
    ("round105/en-spent.yaml", 0.91, 0.97, 0.033),
    ("round105/en-tuning.yaml", 0.92, 0.9, 0.034),
    ("round105/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round105/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round106/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round106/en-tuning.yaml", 0.9, 1.0, 0.012),
    ("round106/fr-spent.yaml", 0.94, 0.96, 0.017),
    ("round106/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round107/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round107/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round107/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round107/fr-tuning.yaml", 0.86, 1.0, 0.0),
    ("round108/en-spent.yaml", 0.91, 0.94, 0.033),
    ("round108/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round108/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round108/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round109/en-spent.yaml", 0.87, 0.97, 0.033),
    ("round109/en-tuning.yaml", 0.94, 0.9, 0.034),
    ("round109/fr-spent.yaml", 0.91, 0.95, 0.034),
    ("round109/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round110/en-spent.yaml", 1.0, 1.0, 0.0),
    ("round110/en-tuning.yaml", 0.96, 0.94, 0.023),
    ("round110/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round110/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round111/en-spent.yaml", 0.94, 0.94, 0.033),
    ("round111/en-tuning.yaml", 0.92, 0.93, 0.045),
    ("round111/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round111/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round112/en-spent.yaml", 0.91, 0.94, 0.022),
    ("round112/en-tuning.yaml", 0.9, 1.0, 0.0),
    ("round112/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round112/fr-tuning.yaml", 0.86, 0.91, 0.067),
    ("round113/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round113/en-tuning.yaml", 0.98, 0.93, 0.034),
    ("round113/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round113/fr-tuning.yaml", 0.83, 1.0, 0.017),
    ("round114/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round114/en-tuning.yaml", 0.96, 0.91, 0.045),
    ("round114/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round114/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round115/en-spent.yaml", 0.98, 0.94, 0.022),
    ("round115/en-tuning.yaml", 0.9, 0.94, 0.034),
    ("round115/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round115/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round116/en-spent.yaml", 0.91, 1.0, 0.011),
    ("round116/en-tuning.yaml", 0.96, 0.97, 0.023),
    ("round116/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round116/fr-tuning.yaml", 0.94, 1.0, 0.034),
    ("round117/en-spent.yaml", 0.94, 0.91, 0.044),
    ("round117/en-tuning.yaml", 0.98, 0.91, 0.034),
    ("round117/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round117/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round118/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round118/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round118/fr-spent.yaml", 0.91, 0.95, 0.034),
    ("round118/fr-tuning.yaml", 0.89, 0.95, 0.017),
    ("round119/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round119/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round119/fr-spent.yaml", 0.88, 1.0, 0.017),
    ("round119/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round120/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round120/en-tuning.yaml", 0.92, 0.9, 0.034),
    ("round120/fr-spent.yaml", 0.94, 0.95, 0.034),
    ("round120/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round121/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round121/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round121/fr-spent.yaml", 0.97, 0.91, 0.034),
    ("round121/fr-tuning.yaml", 0.88, 1.0, 0.017),
    ("round122/en-spent.yaml", 0.98, 0.94, 0.033),
    ("round122/en-tuning.yaml", 0.94, 0.93, 0.023),
    ("round122/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round122/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round123/en-spent.yaml", 0.91, 1.0, 0.022),
    ("round123/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round123/fr-spent.yaml", 0.97, 0.91, 0.05),
    ("round123/fr-tuning.yaml", 0.91, 0.91, 0.05),
    ("round124/en-spent.yaml", 0.98, 0.91, 0.033),
    ("round124/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round124/fr-spent.yaml", 1.0, 0.95, 0.017),
    ("round124/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round125/en-spent.yaml", 0.9, 1.0, 0.0),
    ("round125/en-tuning.yaml", 0.94, 0.96, 0.023),
    ("round125/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round125/fr-tuning.yaml", 0.83, 1.0, 0.0),
    ("round126/en-spent.yaml", 0.81, 0.97, 0.044),
    ("round126/en-tuning.yaml", 0.96, 0.96, 0.012),
    ("round126/fr-spent.yaml", 1.0, 0.95, 0.017),
    ("round126/fr-tuning.yaml", 0.86, 1.0, 0.017),
    ("round127/en-spent.yaml", 0.89, 0.91, 0.033),
    ("round127/en-tuning.yaml", 0.92, 0.96, 0.034),
    ("round127/fr-spent.yaml", 0.97, 0.95, 0.017),
    ("round127/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round128/en-spent.yaml", 0.98, 0.97, 0.011),
    ("round128/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round128/fr-spent.yaml", 0.94, 0.91, 0.034),
    ("round128/fr-tuning.yaml", 0.94, 0.91, 0.05),
    ("round129/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round129/en-tuning.yaml", 0.94, 0.94, 0.023),
    ("round129/fr-spent.yaml", 0.86, 0.95, 0.017),
    ("round129/fr-tuning.yaml", 0.97, 0.95, 0.034),
    ("round130/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round130/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round130/fr-spent.yaml", 0.97, 0.87, 0.05),
    ("round130/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round131/en-spent.yaml", 0.96, 0.89, 0.044),
    ("round131/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round131/fr-spent.yaml", 0.81, 1.0, 0.017),
    ("round131/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round132/en-spent.yaml", 0.92, 0.94, 0.033),
    ("round132/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round132/fr-spent.yaml", 0.89, 0.95, 0.034),
    ("round132/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round133/en-spent.yaml", 1.0, 0.97, 0.011),
    ("round133/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round133/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round133/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round134/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round134/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round134/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round134/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round135/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round135/en-tuning.yaml", 0.89, 1.0, 0.023),
    ("round135/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round135/fr-tuning.yaml", 0.78, 1.0, 0.017),
    ("round136/en-spent.yaml", 0.91, 1.0, 0.011),
    ("round136/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round136/fr-spent.yaml", 0.97, 0.95, 0.034),
    ("round136/fr-tuning.yaml", 0.94, 0.86, 0.067),
    ("round137/en-spent.yaml", 0.9, 0.97, 0.033),
    ("round137/en-tuning.yaml", 0.92, 0.83, 0.068),
    ("round137/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round137/fr-tuning.yaml", 0.88, 1.0, 0.0),
    ("round138/en-spent.yaml", 0.94, 1.0, 0.022),
    ("round138/en-tuning.yaml", 0.96, 0.97, 0.034),
    ("round138/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round138/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round139/en-spent.yaml", 0.91, 1.0, 0.011),
    ("round139/en-tuning.yaml", 0.87, 0.94, 0.034),
    ("round139/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round139/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round140/en-spent.yaml", 0.88, 0.97, 0.033),
    ("round140/en-tuning.yaml", 0.89, 1.0, 0.012),
    ("round140/fr-spent.yaml", 0.89, 1.0, 0.017),
    ("round140/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round141/en-spent.yaml", 0.98, 0.94, 0.022),
    ("round141/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round141/fr-spent.yaml", 0.86, 1.0, 0.017),
    ("round141/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round142/en-spent.yaml", 0.91, 1.0, 0.0),
    ("round142/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round142/fr-spent.yaml", 0.89, 0.95, 0.05),
    ("round142/fr-tuning.yaml", 0.94, 0.95, 0.034),
    ("round143/en-spent.yaml", 0.85, 1.0, 0.011),
    ("round143/en-tuning.yaml", 0.88, 0.97, 0.023),
    ("round143/fr-spent.yaml", 0.89, 0.95, 0.034),
    ("round143/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round144/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round144/en-tuning.yaml", 0.89, 0.96, 0.045),
    ("round144/fr-spent.yaml", 0.83, 0.95, 0.067),
    ("round144/fr-tuning.yaml", 0.81, 1.0, 0.0),
    ("round145/en-spent.yaml", 0.94, 0.91, 0.033),
    ("round145/en-tuning.yaml", 0.92, 0.94, 0.045),
    ("round145/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round145/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round146/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round146/en-tuning.yaml", 0.92, 0.88, 0.057),
    ("round146/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round146/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round147/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round147/en-tuning.yaml", 0.9, 0.94, 0.034),
    ("round147/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round147/fr-tuning.yaml", 0.88, 1.0, 0.017),
    ("round148/en-spent.yaml", 0.94, 0.91, 0.044),
    ("round148/en-tuning.yaml", 0.96, 0.91, 0.034),
    ("round148/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round148/fr-tuning.yaml", 0.86, 0.95, 0.017),
    ("round149/en-spent.yaml", 0.87, 1.0, 0.022),
    ("round149/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round149/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round149/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round150/en-spent.yaml", 0.94, 1.0, 0.011),
    ("round150/en-tuning.yaml", 0.96, 0.94, 0.023),
    ("round150/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round150/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round151/en-spent.yaml", 0.9, 0.92, 0.044),
    ("round151/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round151/fr-spent.yaml", 0.83, 0.95, 0.017),
    ("round151/fr-tuning.yaml", 0.88, 1.0, 0.0),
    ("round152/en-spent.yaml", 0.91, 1.0, 0.022),
    ("round152/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round152/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round152/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round153/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round153/en-tuning.yaml", 0.85, 0.97, 0.023),
    ("round153/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round153/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round154/en-spent.yaml", 0.89, 0.88, 0.055),
    ("round154/en-tuning.yaml", 0.88, 0.94, 0.045),
    ("round154/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round154/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round155/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round155/en-tuning.yaml", 0.79, 0.94, 0.045),
    ("round155/fr-spent.yaml", 0.89, 1.0, 0.017),
    ("round155/fr-tuning.yaml", 0.83, 1.0, 0.017),
    ("round156/en-spent.yaml", 0.9, 0.94, 0.044),
    ("round156/en-tuning.yaml", 0.9, 0.97, 0.023),
    ("round156/fr-spent.yaml", 0.86, 0.95, 0.034),
    ("round156/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round157/en-spent.yaml", 0.89, 1.0, 0.033),
    ("round157/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round157/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round157/fr-tuning.yaml", 0.89, 0.91, 0.034),
    ("round158/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round158/en-tuning.yaml", 1.0, 0.97, 0.012),
    ("round158/fr-spent.yaml", 0.83, 1.0, 0.017),
    ("round158/fr-tuning.yaml", 0.97, 0.95, 0.034),
    ("round159/en-spent.yaml", 0.91, 0.97, 0.033),
    ("round159/en-tuning.yaml", 0.94, 0.97, 0.034),
    ("round159/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round159/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round160/en-spent.yaml", 0.92, 1.0, 0.022),
    ("round160/en-tuning.yaml", 0.85, 1.0, 0.012),
    ("round160/fr-spent.yaml", 0.86, 0.95, 0.017),
    ("round160/fr-tuning.yaml", 1.0, 0.91, 0.034),
    ("round161/en-spent.yaml", 0.96, 0.94, 0.022),
    ("round161/en-tuning.yaml", 0.92, 1.0, 0.023),
    ("round161/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round161/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round162/en-spent.yaml", 0.91, 1.0, 0.0),
    ("round162/en-tuning.yaml", 0.82, 0.94, 0.034),
    ("round162/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round162/fr-tuning.yaml", 0.94, 0.95, 0.034),
    ("round163/en-spent.yaml", 0.81, 0.91, 0.044),
    ("round163/en-tuning.yaml", 0.92, 0.97, 0.034),
    ("round163/fr-spent.yaml", 0.91, 0.95, 0.034),
    ("round163/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round164/en-spent.yaml", 0.87, 1.0, 0.022),
    ("round164/en-tuning.yaml", 0.9, 0.94, 0.045),
    ("round164/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round164/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round165/en-spent.yaml", 0.81, 1.0, 0.033),
    ("round165/en-tuning.yaml", 0.87, 0.94, 0.023),
    ("round165/fr-spent.yaml", 0.86, 1.0, 0.017),
    ("round165/fr-tuning.yaml", 0.81, 0.95, 0.017),
    ("round166/en-spent.yaml", 0.9, 0.94, 0.033),
    ("round166/en-tuning.yaml", 0.98, 0.94, 0.034),
    ("round166/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round166/fr-tuning.yaml", 0.91, 0.95, 0.05),
    ("round167/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round167/en-tuning.yaml", 0.92, 0.94, 0.045),
    ("round167/fr-spent.yaml", 0.83, 1.0, 0.034),
    ("round167/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round168/en-spent.yaml", 0.89, 0.94, 0.033),
    ("round168/en-tuning.yaml", 0.9, 0.94, 0.023),
    ("round168/fr-spent.yaml", 0.86, 0.91, 0.05),
    ("round168/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round169/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round169/en-tuning.yaml", 0.94, 0.94, 0.034),
    ("round169/fr-spent.yaml", 0.94, 0.95, 0.034),
    ("round169/fr-tuning.yaml", 0.94, 0.95, 0.034),
    ("round170/en-spent.yaml", 0.98, 0.97, 0.011),
    ("round170/en-tuning.yaml", 0.94, 0.97, 0.023),
    ("round170/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round170/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round171/en-spent.yaml", 0.87, 0.97, 0.044),
    ("round171/en-tuning.yaml", 0.9, 1.0, 0.0),
    ("round171/fr-spent.yaml", 1.0, 0.95, 0.017),
    ("round171/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round172/en-spent.yaml", 0.91, 0.97, 0.022),
    ("round172/en-tuning.yaml", 0.9, 0.97, 0.012),
    ("round172/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round172/fr-tuning.yaml", 0.97, 1.0, 0.017),
    ("round173/en-spent.yaml", 0.9, 0.94, 0.055),
    ("round173/en-tuning.yaml", 0.96, 0.96, 0.012),
    ("round173/fr-spent.yaml", 0.83, 1.0, 0.017),
    ("round173/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round174/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round174/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round174/fr-spent.yaml", 0.89, 0.95, 0.05),
    ("round174/fr-tuning.yaml", 0.83, 1.0, 0.017),
    ("round175/en-spent.yaml", 0.9, 0.97, 0.011),
    ("round175/en-tuning.yaml", 0.87, 1.0, 0.012),
    ("round175/fr-spent.yaml", 0.89, 1.0, 0.017),
    ("round175/fr-tuning.yaml", 0.89, 0.91, 0.067),
    ("round176/en-spent.yaml", 0.92, 0.94, 0.044),
    ("round176/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round176/fr-spent.yaml", 0.94, 0.91, 0.05),
    ("round176/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round177/en-spent.yaml", 0.85, 0.97, 0.044),
    ("round177/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round177/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round177/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round178/en-spent.yaml", 0.84, 1.0, 0.011),
    ("round178/en-tuning.yaml", 0.87, 1.0, 0.012),
    ("round178/fr-spent.yaml", 0.89, 1.0, 0.017),
    ("round178/fr-tuning.yaml", 0.94, 0.95, 0.034),
    ("round179/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round179/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round179/fr-spent.yaml", 0.86, 1.0, 0.017),
    ("round179/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round180/en-spent.yaml", 0.92, 0.97, 0.011),
    ("round180/en-tuning.yaml", 0.98, 1.0, 0.012),
    ("round180/fr-spent.yaml", 0.89, 1.0, 0.034),
    ("round180/fr-tuning.yaml", 0.83, 0.95, 0.017),
    ("round181/en-spent.yaml", 0.89, 1.0, 0.011),
    ("round181/en-tuning.yaml", 0.94, 0.97, 0.023),
    ("round181/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round181/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round182/en-spent.yaml", 0.92, 0.97, 0.033),
    ("round182/en-tuning.yaml", 0.91, 0.93, 0.045),
    ("round182/fr-spent.yaml", 0.83, 1.0, 0.0),
    ("round182/fr-tuning.yaml", 0.81, 0.95, 0.034),
    ("round183/en-spent.yaml", 0.92, 0.91, 0.044),
    ("round183/en-tuning.yaml", 0.98, 0.93, 0.034),
    ("round183/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round183/fr-tuning.yaml", 0.97, 0.91, 0.034),
    ("round184/en-spent.yaml", 0.94, 1.0, 0.011),
    ("round184/en-tuning.yaml", 0.94, 0.97, 0.023),
    ("round184/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round184/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round185/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round185/en-tuning.yaml", 0.98, 0.94, 0.034),
    ("round185/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round185/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round186/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round186/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round186/fr-spent.yaml", 0.94, 0.95, 0.034),
    ("round186/fr-tuning.yaml", 0.86, 1.0, 0.017),
    ("round187/en-spent.yaml", 0.96, 0.94, 0.022),
    ("round187/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round187/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round187/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round188/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round188/en-tuning.yaml", 0.85, 1.0, 0.012),
    ("round188/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round188/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round189/en-spent.yaml", 0.9, 1.0, 0.022),
    ("round189/en-tuning.yaml", 0.94, 0.97, 0.034),
    ("round189/fr-spent.yaml", 0.86, 0.91, 0.034),
    ("round189/fr-tuning.yaml", 0.89, 0.95, 0.05),
    ("round190/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round190/en-tuning.yaml", 0.92, 0.91, 0.057),
    ("round190/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round190/fr-tuning.yaml", 0.88, 1.0, 0.017),
    ("round191/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round191/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round191/fr-spent.yaml", 1.0, 0.95, 0.017),
    ("round191/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round192/en-spent.yaml", 0.85, 0.97, 0.022),
    ("round192/en-tuning.yaml", 0.9, 0.97, 0.023),
    ("round192/fr-spent.yaml", 0.81, 0.95, 0.034),
    ("round192/fr-tuning.yaml", 0.88, 1.0, 0.017),
    ("round193/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round193/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round193/fr-spent.yaml", 0.81, 1.0, 0.0),
    ("round193/fr-tuning.yaml", 0.88, 0.95, 0.017),
    ("round194/en-spent.yaml", 0.89, 0.91, 0.066),
    ("round194/en-tuning.yaml", 0.85, 0.94, 0.057),
    ("round194/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round194/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round195/en-spent.yaml", 0.94, 0.89, 0.055),
    ("round195/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round195/fr-spent.yaml", 0.97, 0.91, 0.034),
    ("round195/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round196/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round196/en-tuning.yaml", 0.89, 0.94, 0.023),
    ("round196/fr-spent.yaml", 0.81, 1.0, 0.017),
    ("round196/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round197/en-spent.yaml", 0.92, 0.94, 0.022),
    ("round197/en-tuning.yaml", 0.94, 0.94, 0.023),
    ("round197/fr-spent.yaml", 0.88, 1.0, 0.017),
    ("round197/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round198/en-spent.yaml", 0.92, 0.94, 0.033),
    ("round198/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round198/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round198/fr-tuning.yaml", 0.94, 0.95, 0.034),
    ("round199/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round199/en-tuning.yaml", 0.94, 0.97, 0.023),
    ("round199/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round199/fr-tuning.yaml", 0.91, 1.0, 0.034),
    ("round200/en-spent.yaml", 0.98, 0.97, 0.011),
    ("round200/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round200/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round200/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round201/en-spent.yaml", 0.96, 0.89, 0.044),
    ("round201/en-tuning.yaml", 0.91, 1.0, 0.023),
    ("round201/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round201/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round202/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round202/en-tuning.yaml", 0.89, 1.0, 0.034),
    ("round202/fr-spent.yaml", 0.97, 0.95, 0.017),
    ("round202/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round203/en-spent.yaml", 0.89, 0.97, 0.033),
    ("round203/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round203/fr-spent.yaml", 0.89, 0.95, 0.017),
    ("round203/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round204/en-spent.yaml", 0.98, 0.97, 0.011),
    ("round204/en-tuning.yaml", 0.9, 0.97, 0.023),
    ("round204/fr-spent.yaml", 0.91, 0.86, 0.05),
    ("round204/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round205/en-spent.yaml", 0.96, 0.97, 0.022),
    ("round205/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round205/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round205/fr-tuning.yaml", 0.89, 0.95, 0.017),
    ("round206/en-spent.yaml", 0.98, 0.94, 0.022),
    ("round206/en-tuning.yaml", 0.92, 1.0, 0.023),
    ("round206/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round206/fr-tuning.yaml", 0.86, 1.0, 0.017),
    ("round207/en-spent.yaml", 0.87, 1.0, 0.022),
    ("round207/en-tuning.yaml", 0.83, 0.97, 0.023),
    ("round207/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round207/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round208/en-spent.yaml", 0.96, 0.94, 0.022),
    ("round208/en-tuning.yaml", 0.92, 0.91, 0.034),
    ("round208/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round208/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round209/en-spent.yaml", 0.91, 1.0, 0.0),
    ("round209/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round209/fr-spent.yaml", 0.88, 1.0, 0.017),
    ("round209/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round210/en-spent.yaml", 0.88, 0.91, 0.055),
    ("round210/en-tuning.yaml", 0.87, 1.0, 0.012),
    ("round210/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round210/fr-tuning.yaml", 0.91, 0.91, 0.034),
    ("round211/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round211/en-tuning.yaml", 0.94, 0.96, 0.023),
    ("round211/fr-spent.yaml", 0.97, 0.95, 0.034),
    ("round211/fr-tuning.yaml", 0.85, 1.0, 0.0),
    ("round212/en-spent.yaml", 0.92, 0.94, 0.044),
    ("round212/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round212/fr-spent.yaml", 0.94, 1.0, 0.017),
    ("round212/fr-tuning.yaml", 0.91, 0.91, 0.05),
    ("round213/en-spent.yaml", 0.92, 0.97, 0.011),
    ("round213/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round213/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round213/fr-tuning.yaml", 0.88, 0.91, 0.05),
    ("round214/en-spent.yaml", 0.89, 1.0, 0.033),
    ("round214/en-tuning.yaml", 0.96, 0.93, 0.034),
    ("round214/fr-spent.yaml", 0.88, 1.0, 0.0),
    ("round214/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round215/en-spent.yaml", 0.92, 0.94, 0.033),
    ("round215/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round215/fr-spent.yaml", 0.89, 0.95, 0.017),
    ("round215/fr-tuning.yaml", 0.94, 0.91, 0.034),
    ("round216/en-spent.yaml", 0.98, 1.0, 0.011),
    ("round216/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round216/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round216/fr-tuning.yaml", 0.91, 0.91, 0.05),
    ("round217/en-spent.yaml", 0.92, 0.97, 0.011),
    ("round217/en-tuning.yaml", 0.9, 0.97, 0.023),
    ("round217/fr-spent.yaml", 0.86, 0.95, 0.017),
    ("round217/fr-tuning.yaml", 0.86, 0.95, 0.05),
    ("round218/en-spent.yaml", 0.94, 0.97, 0.033),
    ("round218/en-tuning.yaml", 0.92, 0.97, 0.034),
    ("round218/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round218/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round219/en-spent.yaml", 0.87, 0.94, 0.055),
    ("round219/en-tuning.yaml", 0.88, 0.97, 0.034),
    ("round219/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round219/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round220/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round220/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round220/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round220/fr-tuning.yaml", 0.83, 0.95, 0.034),
    ("round221/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round221/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round221/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round221/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round222/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round222/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round222/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round222/fr-tuning.yaml", 1.0, 0.95, 0.017),
    ("round223/en-spent.yaml", 0.96, 0.94, 0.022),
    ("round223/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round223/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round223/fr-tuning.yaml", 0.83, 1.0, 0.0),
    ("round224/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round224/en-tuning.yaml", 0.94, 0.94, 0.023),
    ("round224/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round224/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round225/en-spent.yaml", 0.96, 0.94, 0.022),
    ("round225/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round225/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round225/fr-tuning.yaml", 0.83, 1.0, 0.017),
    ("round226/en-spent.yaml", 0.9, 0.94, 0.022),
    ("round226/en-tuning.yaml", 0.9, 0.97, 0.012),
    ("round226/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round226/fr-tuning.yaml", 0.94, 0.91, 0.034),
    ("round227/en-spent.yaml", 0.87, 0.97, 0.022),
    ("round227/en-tuning.yaml", 0.98, 1.0, 0.012),
    ("round227/fr-spent.yaml", 0.89, 0.95, 0.034),
    ("round227/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round228/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round228/en-tuning.yaml", 0.92, 0.97, 0.012),
    ("round228/fr-spent.yaml", 0.97, 0.91, 0.034),
    ("round228/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round229/en-spent.yaml", 0.85, 0.97, 0.033),
    ("round229/en-tuning.yaml", 0.85, 0.97, 0.023),
    ("round229/fr-spent.yaml", 0.86, 0.91, 0.034),
    ("round229/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round230/en-spent.yaml", 0.96, 0.94, 0.044),
    ("round230/en-tuning.yaml", 0.92, 0.97, 0.012),
    ("round230/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round230/fr-tuning.yaml", 0.83, 1.0, 0.0),
    ("round231/en-spent.yaml", 0.9, 1.0, 0.0),
    ("round231/en-tuning.yaml", 0.89, 1.0, 0.012),
    ("round231/fr-spent.yaml", 0.83, 0.95, 0.034),
    ("round231/fr-tuning.yaml", 0.83, 1.0, 0.017),
    ("round232/en-spent.yaml", 0.89, 0.97, 0.033),
    ("round232/en-tuning.yaml", 0.87, 0.94, 0.034),
    ("round232/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round232/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round233/en-spent.yaml", 0.92, 0.94, 0.022),
    ("round233/en-tuning.yaml", 0.9, 0.97, 0.023),
    ("round233/fr-spent.yaml", 0.78, 0.95, 0.05),
    ("round233/fr-tuning.yaml", 0.86, 1.0, 0.017),
    ("round234/en-spent.yaml", 0.98, 0.97, 0.011),
    ("round234/en-tuning.yaml", 0.92, 0.94, 0.023),
    ("round234/fr-spent.yaml", 0.83, 1.0, 0.017),
    ("round234/fr-tuning.yaml", 0.89, 0.95, 0.034),
    ("round235/en-spent.yaml", 0.92, 0.94, 0.033),
    ("round235/en-tuning.yaml", 0.94, 0.97, 0.023),
    ("round235/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round235/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round236/en-spent.yaml", 0.89, 0.94, 0.022),
    ("round236/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round236/fr-spent.yaml", 0.86, 0.95, 0.05),
    ("round236/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round237/en-spent.yaml", 1.0, 1.0, 0.0),
    ("round237/en-tuning.yaml", 0.94, 0.94, 0.034),
    ("round237/fr-spent.yaml", 0.86, 1.0, 0.017),
    ("round237/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round238/en-spent.yaml", 0.85, 1.0, 0.033),
    ("round238/en-tuning.yaml", 0.91, 1.0, 0.0),
    ("round238/fr-spent.yaml", 0.91, 0.95, 0.034),
    ("round238/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round239/en-spent.yaml", 0.87, 0.97, 0.033),
    ("round239/en-tuning.yaml", 0.92, 1.0, 0.0),
    ("round239/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round239/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round240/en-spent.yaml", 0.89, 1.0, 0.011),
    ("round240/en-tuning.yaml", 0.9, 0.97, 0.023),
    ("round240/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round240/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round241/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round241/en-tuning.yaml", 0.88, 0.94, 0.034),
    ("round241/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round241/fr-tuning.yaml", 0.86, 0.91, 0.034),
    ("round242/en-spent.yaml", 0.87, 0.97, 0.022),
    ("round242/en-tuning.yaml", 0.9, 0.97, 0.012),
    ("round242/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round242/fr-tuning.yaml", 0.94, 0.95, 0.05),
    ("round243/en-spent.yaml", 0.94, 0.94, 0.033),
    ("round243/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round243/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round243/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round244/en-spent.yaml", 0.94, 1.0, 0.011),
    ("round244/en-tuning.yaml", 0.92, 1.0, 0.0),
    ("round244/fr-spent.yaml", 0.89, 0.95, 0.017),
    ("round244/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round245/en-spent.yaml", 0.96, 0.97, 0.022),
    ("round245/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round245/fr-spent.yaml", 0.86, 0.95, 0.034),
    ("round245/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round246/en-spent.yaml", 0.85, 0.97, 0.055),
    ("round246/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round246/fr-spent.yaml", 0.86, 0.95, 0.017),
    ("round246/fr-tuning.yaml", 1.0, 0.95, 0.017),
    ("round247/en-spent.yaml", 0.9, 0.97, 0.022),
    ("round247/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round247/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round247/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round248/en-spent.yaml", 0.94, 0.97, 0.022),
    ("round248/en-tuning.yaml", 0.94, 0.91, 0.034),
    ("round248/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round248/fr-tuning.yaml", 0.94, 0.95, 0.034),
    ("round249/en-spent.yaml", 0.91, 1.0, 0.022),
    ("round249/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round249/fr-spent.yaml", 0.86, 0.95, 0.034),
    ("round249/fr-tuning.yaml", 0.88, 0.88, 0.067),
    ("round250/en-spent.yaml", 0.89, 0.97, 0.011),
    ("round250/en-tuning.yaml", 0.9, 0.94, 0.034),
    ("round250/fr-spent.yaml", 0.75, 1.0, 0.017),
    ("round250/fr-tuning.yaml", 0.91, 0.87, 0.05),
    ("round251/en-spent.yaml", 0.81, 0.97, 0.055),
    ("round251/en-tuning.yaml", 0.89, 0.97, 0.045),
    ("round251/fr-spent.yaml", 0.89, 1.0, 0.017),
    ("round251/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round252/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round252/en-tuning.yaml", 0.87, 0.96, 0.023),
    ("round252/fr-spent.yaml", 0.83, 1.0, 0.0),
    ("round252/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round253/en-spent.yaml", 0.88, 0.97, 0.033),
    ("round253/en-tuning.yaml", 0.94, 0.96, 0.034),
    ("round253/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round253/fr-tuning.yaml", 0.91, 0.95, 0.034),
    ("round254/en-spent.yaml", 0.94, 0.94, 0.033),
    ("round254/en-tuning.yaml", 0.87, 0.97, 0.045),
    ("round254/fr-spent.yaml", 0.94, 1.0, 0.017),
    ("round254/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round255/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round255/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round255/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round255/fr-tuning.yaml", 0.91, 0.95, 0.034),
    ("round256/en-spent.yaml", 0.91, 0.94, 0.055),
    ("round256/en-tuning.yaml", 0.86, 1.0, 0.034),
    ("round256/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round256/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round257/en-spent.yaml", 0.91, 0.94, 0.022),
    ("round257/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round257/fr-spent.yaml", 0.83, 0.82, 0.084),
    ("round257/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round258/en-spent.yaml", 0.88, 1.0, 0.033),
    ("round258/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round258/fr-spent.yaml", 1.0, 0.96, 0.017),
    ("round258/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round259/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round259/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round259/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round259/fr-tuning.yaml", 0.91, 0.91, 0.034),
    ("round260/en-spent.yaml", 0.94, 0.94, 0.022),
    ("round260/en-tuning.yaml", 0.91, 1.0, 0.034),
    ("round260/fr-spent.yaml", 0.88, 0.91, 0.034),
    ("round260/fr-tuning.yaml", 0.94, 0.95, 0.034),
    ("round261/en-spent.yaml", 0.87, 0.97, 0.044),
    ("round261/en-tuning.yaml", 0.9, 1.0, 0.012),
    ("round261/fr-spent.yaml", 0.85, 1.0, 0.034),
    ("round261/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round262/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round262/en-tuning.yaml", 0.91, 1.0, 0.023),
    ("round262/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round262/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round263/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round263/en-tuning.yaml", 0.96, 0.97, 0.023),
    ("round263/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round263/fr-tuning.yaml", 0.8, 1.0, 0.017),
    ("round264/en-spent.yaml", 0.91, 0.97, 0.022),
    ("round264/en-tuning.yaml", 0.88, 0.97, 0.023),
    ("round264/fr-spent.yaml", 0.94, 1.0, 0.017),
    ("round264/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round265/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round265/en-tuning.yaml", 0.94, 0.97, 0.023),
    ("round265/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round265/fr-tuning.yaml", 0.89, 0.95, 0.017),
    ("round266/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round266/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round266/fr-spent.yaml", 0.89, 0.95, 0.034),
    ("round266/fr-tuning.yaml", 0.81, 0.95, 0.034),
    ("round267/en-spent.yaml", 0.94, 0.94, 0.022),
    ("round267/en-tuning.yaml", 0.96, 0.94, 0.023),
    ("round267/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round267/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round268/en-spent.yaml", 0.88, 1.0, 0.0),
    ("round268/en-tuning.yaml", 1.0, 1.0, 0.0),
    ("round268/fr-spent.yaml", 0.91, 0.95, 0.034),
    ("round268/fr-tuning.yaml", 0.88, 1.0, 0.017),
    ("round269/en-spent.yaml", 0.87, 0.97, 0.033),
    ("round269/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round269/fr-spent.yaml", 0.8, 1.0, 0.05),
    ("round269/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round270/en-spent.yaml", 1.0, 0.97, 0.011),
    ("round270/en-tuning.yaml", 0.9, 1.0, 0.034),
    ("round270/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round270/fr-tuning.yaml", 0.91, 1.0, 0.034),
    ("round271/en-spent.yaml", 0.89, 0.94, 0.044),
    ("round271/en-tuning.yaml", 0.9, 0.97, 0.045),
    ("round271/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round271/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round272/en-spent.yaml", 0.87, 1.0, 0.044),
    ("round272/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round272/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round272/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round273/en-spent.yaml", 0.96, 1.0, 0.011),
    ("round273/en-tuning.yaml", 0.96, 0.94, 0.023),
    ("round273/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round273/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round274/en-spent.yaml", 0.91, 1.0, 0.0),
    ("round274/en-tuning.yaml", 0.9, 1.0, 0.012),
    ("round274/fr-spent.yaml", 0.91, 1.0, 0.017),
    ("round274/fr-tuning.yaml", 0.89, 0.91, 0.034),
    ("round275/en-spent.yaml", 0.87, 1.0, 0.022),
    ("round275/en-tuning.yaml", 0.9, 0.97, 0.034),
    ("round275/fr-spent.yaml", 0.81, 1.0, 0.017),
    ("round275/fr-tuning.yaml", 0.94, 0.95, 0.034),
    ("round276/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round276/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round276/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round276/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round277/en-spent.yaml", 0.87, 1.0, 0.011),
    ("round277/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round277/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round277/fr-tuning.yaml", 0.86, 0.91, 0.05),
    ("round278/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round278/en-tuning.yaml", 0.9, 0.97, 0.012),
    ("round278/fr-spent.yaml", 0.97, 1.0, 0.017),
    ("round278/fr-tuning.yaml", 0.86, 1.0, 0.0),
    ("round279/en-spent.yaml", 0.89, 0.97, 0.022),
    ("round279/en-tuning.yaml", 0.89, 1.0, 0.034),
    ("round279/fr-spent.yaml", 0.89, 0.95, 0.05),
    ("round279/fr-tuning.yaml", 0.86, 1.0, 0.0),
    ("round280/en-spent.yaml", 0.89, 1.0, 0.011),
    ("round280/en-tuning.yaml", 0.92, 0.96, 0.023),
    ("round280/fr-spent.yaml", 0.97, 0.95, 0.017),
    ("round280/fr-tuning.yaml", 0.86, 1.0, 0.017),
    ("round281/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round281/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round281/fr-spent.yaml", 0.78, 1.0, 0.0),
    ("round281/fr-tuning.yaml", 0.89, 0.95, 0.017),
    ("round282/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round282/en-tuning.yaml", 0.89, 0.91, 0.045),
    ("round282/fr-spent.yaml", 0.94, 0.95, 0.05),
    ("round282/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round283/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round283/en-tuning.yaml", 0.98, 0.91, 0.034),
    ("round283/fr-spent.yaml", 0.91, 0.95, 0.034),
    ("round283/fr-tuning.yaml", 0.91, 0.91, 0.034),
    ("round284/en-spent.yaml", 0.9, 1.0, 0.0),
    ("round284/en-tuning.yaml", 0.96, 1.0, 0.012),
    ("round284/fr-spent.yaml", 0.91, 0.95, 0.034),
    ("round284/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round285/en-spent.yaml", 0.91, 0.88, 0.044),
    ("round285/en-tuning.yaml", 0.94, 0.97, 0.034),
    ("round285/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round285/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round286/en-spent.yaml", 0.85, 0.94, 0.055),
    ("round286/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round286/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round286/fr-tuning.yaml", 0.86, 1.0, 0.034),
    ("round287/en-spent.yaml", 0.89, 0.97, 0.044),
    ("round287/en-tuning.yaml", 0.87, 1.0, 0.0),
    ("round287/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round287/fr-tuning.yaml", 0.86, 0.95, 0.05),
    ("round288/en-spent.yaml", 0.94, 1.0, 0.022),
    ("round288/en-tuning.yaml", 0.92, 0.94, 0.034),
    ("round288/fr-spent.yaml", 0.91, 0.91, 0.034),
    ("round288/fr-tuning.yaml", 0.97, 0.91, 0.034),
    ("round289/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round289/en-tuning.yaml", 0.92, 0.91, 0.034),
    ("round289/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round289/fr-tuning.yaml", 0.86, 1.0, 0.0),
    ("round290/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round290/en-tuning.yaml", 0.96, 0.91, 0.045),
    ("round290/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round290/fr-tuning.yaml", 0.89, 0.95, 0.017),
    ("round291/en-spent.yaml", 0.89, 0.91, 0.055),
    ("round291/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round291/fr-spent.yaml", 0.91, 0.96, 0.034),
    ("round291/fr-tuning.yaml", 0.83, 1.0, 0.0),
    ("round292/en-spent.yaml", 1.0, 0.97, 0.011),
    ("round292/en-tuning.yaml", 0.92, 0.97, 0.057),
    ("round292/fr-spent.yaml", 0.97, 0.95, 0.017),
    ("round292/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round293/en-spent.yaml", 0.89, 0.94, 0.033),
    ("round293/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round293/fr-spent.yaml", 0.78, 1.0, 0.017),
    ("round293/fr-tuning.yaml", 0.97, 0.82, 0.067),
    ("round294/en-spent.yaml", 0.88, 1.0, 0.011),
    ("round294/en-tuning.yaml", 0.92, 0.97, 0.012),
    ("round294/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round294/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round295/en-spent.yaml", 1.0, 0.94, 0.022),
    ("round295/en-tuning.yaml", 0.88, 0.97, 0.045),
    ("round295/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round295/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round296/en-spent.yaml", 1.0, 1.0, 0.0),
    ("round296/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round296/fr-spent.yaml", 0.86, 1.0, 0.0),
    ("round296/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round297/en-spent.yaml", 0.94, 0.86, 0.066),
    ("round297/en-tuning.yaml", 0.85, 0.93, 0.034),
    ("round297/fr-spent.yaml", 0.97, 1.0, 0.017),
    ("round297/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round298/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round298/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round298/fr-spent.yaml", 0.94, 0.95, 0.034),
    ("round298/fr-tuning.yaml", 1.0, 0.95, 0.017),
    ("round299/en-spent.yaml", 0.83, 0.97, 0.022),
    ("round299/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round299/fr-spent.yaml", 0.83, 1.0, 0.0),
    ("round299/fr-tuning.yaml", 0.91, 0.95, 0.05),
    ("round300/en-spent.yaml", 0.87, 1.0, 0.022),
    ("round300/en-tuning.yaml", 0.96, 0.97, 0.023),
    ("round300/fr-spent.yaml", 0.83, 1.0, 0.034),
    ("round300/fr-tuning.yaml", 1.0, 0.95, 0.017),
    ("round301/en-spent.yaml", 0.98, 0.94, 0.022),
    ("round301/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round301/fr-spent.yaml", 0.97, 0.91, 0.034),
    ("round301/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round302/en-spent.yaml", 0.85, 0.94, 0.022),
    ("round302/en-tuning.yaml", 0.88, 1.0, 0.023),
    ("round302/fr-spent.yaml", 0.86, 0.91, 0.034),
    ("round302/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round303/en-tuning.yaml", 0.94, 0.97, 0.012),
    ("round303/fr-tuning.yaml", 0.88, 0.95, 0.017),
    ("round304/en-tuning.yaml", 0.92, 0.91, 0.045),
    ("round304/fr-tuning.yaml", 0.89, 0.91, 0.034),
    ("round305/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round305/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round306/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round306/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round303/en-spent.yaml", 0.94, 0.94, 0.044),
    ("round303/fr-spent.yaml", 0.83, 1.0, 0.0),
    ("round304/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round304/fr-spent.yaml", 0.94, 0.91, 0.034),
    ("round305/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round305/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round306/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round306/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round307/en-spent.yaml", 1.0, 0.97, 0.011),
    ("round307/en-tuning.yaml", 1.0, 1.0, 0.0),
    ("round307/fr-spent.yaml", 0.89, 0.86, 0.05),
    ("round307/fr-tuning.yaml", 0.89, 0.95, 0.034),
    ("round308/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round308/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round308/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round308/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round309/en-spent.yaml", 0.89, 0.97, 0.033),
    ("round309/en-tuning.yaml", 0.85, 0.94, 0.045),
    ("round309/fr-spent.yaml", 0.88, 0.95, 0.034),
    ("round309/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round310/en-spent.yaml", 0.91, 0.94, 0.033),
    ("round310/en-tuning.yaml", 0.96, 0.97, 0.012),
    ("round310/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round310/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round311/en-spent.yaml", 0.87, 1.0, 0.033),
    ("round311/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round311/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round311/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round312/en-spent.yaml", 0.83, 0.97, 0.033),
    ("round312/en-tuning.yaml", 0.87, 0.96, 0.034),
    ("round312/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round312/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round313/en-spent.yaml", 0.94, 1.0, 0.0),
    ("round313/en-tuning.yaml", 0.96, 0.96, 0.023),
    ("round313/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round313/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round314/en-spent.yaml", 0.9, 1.0, 0.0),
    ("round314/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round314/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round314/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round315/en-spent.yaml", 0.78, 0.94, 0.033),
    ("round315/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round315/fr-spent.yaml", 0.86, 0.91, 0.067),
    ("round315/fr-tuning.yaml", 0.97, 0.95, 0.017),
    ("round316/en-spent.yaml", 0.81, 0.97, 0.077),
    ("round316/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round316/fr-spent.yaml", 0.86, 1.0, 0.05),
    ("round316/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round317/en-spent.yaml", 0.92, 0.97, 0.022),
    ("round317/en-tuning.yaml", 0.94, 0.94, 0.023),
    ("round317/fr-spent.yaml", 0.83, 1.0, 0.017),
    ("round317/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round318/en-spent.yaml", 0.89, 0.88, 0.066),
    ("round318/en-tuning.yaml", 0.89, 0.94, 0.034),
    ("round318/fr-spent.yaml", 0.78, 1.0, 0.05),
    ("round318/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round319/en-spent.yaml", 0.96, 0.91, 0.044),
    ("round319/en-tuning.yaml", 0.92, 0.94, 0.034),
    ("round319/fr-spent.yaml", 0.89, 0.95, 0.017),
    ("round319/fr-tuning.yaml", 0.91, 0.91, 0.05),
    ("round320/en-spent.yaml", 0.96, 0.97, 0.033),
    ("round320/en-tuning.yaml", 0.92, 1.0, 0.034),
    ("round320/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round320/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round321/en-spent.yaml", 0.82, 0.94, 0.088),
    ("round321/en-tuning.yaml", 0.86, 0.94, 0.045),
    ("round321/fr-spent.yaml", 0.89, 1.0, 0.017),
    ("round321/fr-tuning.yaml", 0.83, 1.0, 0.034),
    ("round322/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round322/en-tuning.yaml", 0.96, 0.97, 0.023),
    ("round322/fr-spent.yaml", 1.0, 0.95, 0.017),
    ("round322/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round323/en-tuning.yaml", 0.92, 1.0, 0.023),
    ("round323/fr-tuning.yaml", 0.94, 0.91, 0.034),
    ("round324/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round324/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round325/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round325/fr-tuning.yaml", 1.0, 1.0, 0.0),
    ("round326/en-tuning.yaml", 1.0, 0.91, 0.034),
    ("round326/fr-tuning.yaml", 0.89, 1.0, 0.017),
    ("round323/en-spent.yaml", 0.87, 1.0, 0.022),
    ("round323/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round324/en-spent.yaml", 0.98, 1.0, 0.0),
    ("round324/fr-spent.yaml", 0.78, 0.95, 0.067),
    ("round325/en-spent.yaml", 0.92, 1.0, 0.0),
    ("round325/fr-spent.yaml", 0.97, 0.95, 0.017),
    ("round326/en-spent.yaml", 0.96, 0.97, 0.011),
    ("round326/fr-spent.yaml", 1.0, 1.0, 0.0),
    ("round327/en-tuning.yaml", 0.94, 1.0, 0.012),
    ("round327/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round328/en-tuning.yaml", 0.92, 0.97, 0.012),
    ("round328/fr-tuning.yaml", 0.91, 1.0, 0.0),
    ("round327/en-spent.yaml", 0.89, 1.0, 0.022),
    ("round327/fr-spent.yaml", 1.0, 0.95, 0.017),
    ("round328/en-spent.yaml", 0.96, 1.0, 0.0),
    ("round328/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round329/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round329/fr-tuning.yaml", 0.86, 1.0, 0.0),
    ("round330/en-tuning.yaml", 0.96, 0.96, 0.023),
    ("round330/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round331/en-tuning.yaml", 0.92, 1.0, 0.034),
    ("round331/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round332/en-tuning.yaml", 0.94, 0.97, 0.034),
    ("round332/fr-tuning.yaml", 0.94, 1.0, 0.034),
    ("round329/en-spent.yaml", 0.87, 0.97, 0.022),
    ("round329/fr-spent.yaml", 0.89, 0.95, 0.017),
    ("round330/en-spent.yaml", 0.91, 0.94, 0.044),
    ("round330/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round331/en-spent.yaml", 0.87, 1.0, 0.0),
    ("round331/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round332/en-spent.yaml", 0.96, 0.92, 0.033),
    ("round332/fr-spent.yaml", 0.83, 1.0, 0.017),
    ("round333/en-tuning.yaml", 0.92, 1.0, 0.012),
    ("round333/fr-tuning.yaml", 0.94, 1.0, 0.017),
    ("round334/en-tuning.yaml", 0.94, 0.94, 0.034),
    ("round334/fr-tuning.yaml", 0.77, 0.95, 0.05),
    ("round333/en-spent.yaml", 0.94, 0.88, 0.055),
    ("round333/fr-spent.yaml", 0.94, 1.0, 0.017),
    ("round334/en-spent.yaml", 0.98, 0.91, 0.033),
    ("round334/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round335/en-tuning.yaml", 0.96, 1.0, 0.012),
    ("round335/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round336/en-tuning.yaml", 0.92, 0.97, 0.034),
    ("round336/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round337/en-tuning.yaml", 0.98, 0.97, 0.012),
    ("round337/fr-tuning.yaml", 0.91, 0.95, 0.017),
    ("round338/en-tuning.yaml", 0.96, 0.97, 0.023),
    ("round338/fr-tuning.yaml", 0.97, 1.0, 0.0),
    ("round339/en-tuning.yaml", 0.94, 1.0, 0.0),
    ("round339/fr-tuning.yaml", 0.89, 1.0, 0.0),
    ("round340/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round340/fr-tuning.yaml", 0.91, 1.0, 0.017),
    ("round335/en-spent.yaml", 0.9, 0.97, 0.022),
    ("round335/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round336/en-spent.yaml", 0.85, 1.0, 0.011),
    ("round336/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round337/en-spent.yaml", 0.94, 1.0, 0.011),
    ("round337/fr-spent.yaml", 0.83, 1.0, 0.017),
    ("round338/en-spent.yaml", 0.94, 0.94, 0.044),
    ("round338/fr-spent.yaml", 0.97, 1.0, 0.0),
    ("round339/en-spent.yaml", 0.94, 0.97, 0.011),
    ("round339/fr-spent.yaml", 0.83, 0.95, 0.05),
    ("round340/en-spent.yaml", 0.98, 1.0, 0.011),
    ("round340/fr-spent.yaml", 0.94, 0.95, 0.017),
    ("round341/en-spent.yaml", 0.92, 0.97, 0.033),
    ("round341/en-tuning.yaml", 0.96, 1.0, 0.0),
    ("round341/fr-spent.yaml", 1.0, 0.95, 0.017),
    ("round341/fr-tuning.yaml", 0.94, 1.0, 0.0),
    ("round342/en-spent.yaml", 0.94, 0.91, 0.033),
    ("round342/en-tuning.yaml", 0.9, 0.97, 0.034),
    ("round342/fr-spent.yaml", 0.91, 0.95, 0.017),
    ("round342/fr-tuning.yaml", 0.89, 0.95, 0.017),
    ("round343/en-spent.yaml", 1.0, 0.97, 0.011),
    ("round343/en-tuning.yaml", 0.96, 0.94, 0.023),
    ("round343/fr-spent.yaml", 0.94, 1.0, 0.0),
    ("round343/fr-tuning.yaml", 0.88, 1.0, 0.017),
    ("round344/en-spent.yaml", 0.96, 0.91, 0.044),
    ("round344/en-tuning.yaml", 0.92, 0.97, 0.023),
    ("round344/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round344/fr-tuning.yaml", 0.94, 0.95, 0.017),
    ("round345/en-spent.yaml", 0.92, 1.0, 0.022),
    ("round345/en-tuning.yaml", 0.88, 1.0, 0.012),
    ("round345/fr-spent.yaml", 0.91, 1.0, 0.0),
    ("round345/fr-tuning.yaml", 0.83, 1.0, 0.017),
    ("round346/en-spent.yaml", 0.92, 1.0, 0.011),
    ("round346/en-tuning.yaml", 0.98, 1.0, 0.0),
    ("round346/fr-spent.yaml", 0.89, 1.0, 0.0),
    ("round346/fr-tuning.yaml", 0.94, 1.0, 0.0),
])
def test_blind_sets_meet_their_bars(desk: Desk, name: str, right: float, declined: float, wrong: float) -> None:
    path = BLIND / name
    result = score(desk, load(path), set_language(path))
    assert result.right_share >= right, result.line() + "\n" + "\n".join(result.misses)
    assert result.declined_share >= declined, result.line() + "\n" + "\n".join(result.misses)
    assert result.wrong_share <= wrong, result.line() + "\n" + "\n".join(result.misses)


def test_an_edit_updates_the_vocabulary_without_rebuilding_it(tmp_path) -> None:
    desk = Desk.open(tmp_path / "vocab.db")
    vocabulary = desk.answerer.vocabulary
    assert desk.answerer.ask("what about the sanctons on judges").status == "answered"  # builds the word list
    words_by_length = vocabulary._by_length
    assert words_by_length is not None and "zanzibarian" not in words_by_length.get((11, 0, "z"), {})
    fact = desk.facts.require("budget-2026-193-million")
    desk.facts.edit(fact.id, {"keywords": [*fact.keywords, "zanzibarian"]}, Actor.local(), "test: new word")
    answer = desk.answerer.ask("zanzibaran budget 2026")  # a typo of the word just added
    assert answer.status == "answered" and answer.hits[0].fact.id == fact.id
    assert vocabulary._by_length is words_by_length, "the word list was updated in place, not rebuilt"
    assert "zanzibarian" in vocabulary._by_length[(11, 0, "z")]
    assert vocabulary.doc_freq({"zanzibarian"}) == {"zanzibarian": 1}, "a word added since the list was read counts"
    desk.close()


def test_words_the_store_lacks_are_not_looked_up_once_its_words_are_read(tmp_path, monkeypatch) -> None:
    desk = Desk.open(tmp_path / "vocab.db")
    vocabulary = desk.answerer.vocabulary
    asked: list[tuple] = []
    real = vocabulary.db.query
    monkeypatch.setattr(vocabulary.db, "query", lambda sql, params=(): asked.append(params) or real(sql, params))
    assert vocabulary.doc_freq({"qzxwvk", "sanction"}) == {"sanction": vocabulary.doc_freq({"sanction"})["sanction"]}
    assert asked == [("qzxwvk", "sanction")], "before the word list is read, the index is asked about every word"
    vocabulary.load()
    asked.clear()
    assert vocabulary.doc_freq({"pqzxwv", "budget"})["budget"] > 0
    assert asked == [("budget",)], "the made-up word is known absent from the word list"
    desk.close()


def test_what_letters_stand_for_needs_a_fact_that_spells_them_out(desk: Desk) -> None:
    # "... Privileges and Immunities of the ICC (APIC)" spells APIC out; no fact spells out FIDH
    assert top(desk, "APIC stands for?") == "apic-ratification-calls"
    assert top(desk, "que veut dire APIC ?") == "apic-ratification-calls"
    answer = desk.answerer.ask("what does FIDH stand for lol")
    assert (answer.status, answer.missing) == ("partial", "what FIDH stands for")
    # "FIDH = ?" asks the same; "la plénière coopération (FIDH)" has FIDH in brackets without spelling it out
    assert top(desk, "APIC = ?") == "apic-ratification-calls"
    assert desk.answerer.ask("FIDH = ?").status == "partial"
    assert desk.answerer.ask("l'abréviation FIDH ?").status == "partial"
    # "what does that stand for" after the letters asks about them; "full name" asks the same
    assert top(desk, "APIC?? what does that stand for") == "apic-ratification-calls"
    assert top(desk, "full name of the CICC") == "us-sanctions-four-judges-june-2025"
    assert desk.answerer.ask("fidh full name").status == "partial"


def test_what_letters_mean_asks_what_they_stand_for(desk: Desk) -> None:
    # "what does CICC mean" asks for the name in full, as "stand for" does; "the Court's building" is no answer
    assert top(desk, "I'm new to the coalition, what does CICC mean?") == "us-sanctions-four-judges-june-2025"
    answer = desk.answerer.ask("pls remind me what OTP means")
    assert (answer.status, answer.missing) == ("partial", "what OTP stands for"), answer.hits[:1]
    # what a source means by its words is asked of the source, not of its letters
    assert top(desk, "What does LRWC mean by 'words are not enough'?") == "lrwc-words-are-not-enough"
    assert intent.read("what does it mean for the court if 4 states withdraw", holds.ENGLISH).kind != "expansion"


@pytest.mark.parametrize(("question", "fact"), [
    ("how many recommendations does LRWC make to states parties in its written statement?",
     "lrwc-recommendations-asp24"),
    ("how many actions does the CICC list in its call to states", "cicc-call-to-action-june-2025"),
])
def test_how_many_recommendations_a_list_makes(desk: Desk, question: str, fact: str) -> None:
    # the facts count the items their sources list (nine bullet points, six)
    assert top(desk, question) == fact


@pytest.mark.parametrize(("question", "fact"), [
    ("the cicc statement says 'fully cooperate' - what does that include concretely?",
     "cicc-cooperation-asks-june-2025"),
    ("CICC's point about 'anticipating new threats' - what does that involve in practice?",
     "cicc-call-to-action-june-2025"),
])
def test_what_a_thing_includes_or_involves_is_how_a_member_asks(desk: Desk, question: str, fact: str) -> None:
    # "include", "involve", "entail" say how the member asks, as "require" and "mean" do
    assert top(desk, question) == fact


def test_calling_out_states_names_them_not_a_call_to_them(desk: Desk) -> None:
    assert top(desk, "which states did jimenez call out as not cooperating in 2025") == "non-cooperating-states-2025"


def test_names_and_nationalities_of_asks_for_names(desk: Desk) -> None:
    # the fact says CICC's statement does not name the four judges
    answer = desk.answerer.ask("names & nationalities of the four judges sanctioned on 5 june?")
    assert (answer.status, answer.missing) == ("partial", "who the judges are"), answer.hits[:1]


def test_what_a_discussion_concluded_is_what_was_said_there(desk: Desk) -> None:
    # the side event's key messages are its conclusions; an investigation's conclusion is a finding still pending
    assert top(desk, "what did the FIDH side event on workplace culture conclude") == "workplace-culture-at-the-court"
    answer = desk.answerer.ask("what did the external investigation into the prosecutor conclude")
    assert (answer.status, answer.missing) == ("partial", "what came of it"), answer.hits[:1]


def test_a_name_asked_is_not_what_those_counted_were_called_to_do(desk: Desk) -> None:
    # "urged all 125 States Parties to ... adopt blocking statutes": "the Rome Statute" the question names is not
    # the statutes they were urged to adopt, so the Coalition's count answers
    question = "How many States Parties to the Rome Statute does the Coalition mention in its statement on the judges?"
    assert top(desk, question) == "cicc-call-to-action-june-2025"
    answer = desk.answerer.ask("How many States Parties adopted blocking statutes?")
    assert answer.status == "partial", answer.hits[:1]


@pytest.mark.parametrize("question", ["HRW lists some ICC successes in 2025 despite the pressure - which?",
                                      "Quels succès de la CPI en 2025 HRW met-il en avant ?"])
def test_milestones_a_2025_summary_lists_are_its_2025_successes(desk: Desk, question: str) -> None:
    # the facts say when HRW's summary listed them (1 December 2025), not when each happened
    assert top(desk, question) == "duterte-surrendered-to-icc"
    answer = desk.answerer.ask("when was the janjaweed leader convicted exactly")
    assert (answer.status, answer.missing) == ("partial", "when"), "the summary's date is not the verdict's"


@pytest.mark.parametrize(("question", "fact"), [
    ("tbh i lost track, which UN expert got sanctioned?", "us-sanctions-un-special-rapporteur"),
    ("tbh I lost track - which 4 states are leaving the ICC?", "withdrawals-four-states-2026"),
])
def test_losing_track_is_how_a_member_asks_not_what(desk: Desk, question: str, fact: str) -> None:
    assert top(desk, question) == fact


@pytest.mark.parametrize("question", ["FIDH rep to the ICC - who's that?", "hey whats FIDH's rep to the ICC called"])
def test_rep_is_short_for_representative(desk: Desk, question: str) -> None:
    # "rep" read as "representative": FIDH's representative to the ICC, not its President
    assert top(desk, question) == "fidh-over-compliance-financial-channels"


@pytest.mark.parametrize(("question", "missing"), [
    # the timeline fact holds "Persons" (a release's title) two words from "9 July": a date, not a head count
    pytest.param("how many people work at the ICC in total", "how many people", id="count-not-a-day"),
    # "how much" asks for the figure, not a count of the next word
    pytest.param("How much has the external investigation into the Prosecutor cost so far?", "the figure",
                 id="how-much"),
    pytest.param("how much money does the trust fund for victims have", "the figure", id="how-much-money"),
    # a budget asked for is its figure: a fact about electing the Fund's Board gives none
    pytest.param("What's the Trust Fund for Victims' budget?", "the figure", id="budget-of"),
    pytest.param("how big is the trust fund for victims budget", "the figure", id="how-big-budget"),
    pytest.param("Quel est le budget annuel du Fonds au profit des victimes ?", "le chiffre", id="budget-du"),
    # the fact cites the Registrar's speech to the 23rd session; it says nothing of what was said at ASP24
    pytest.param("what did the registrar say in his speech at asp24", "that for ASP24", id="session"),
    pytest.param("which 16 countries lost their voting rights over unpaid contributions", "which countries",
                 id="countries-are-the-states-not-named"),
    pytest.param("who heads the coalition for the icc", "who the head of coalition is", id="role-word-as-a-verb"),
    # Opinio Juris urging merit-based elections names no one elected
    pytest.param("who got elected to the committee on budget and finance at asp24", "who", id="chosen"),
    # the fact says July 2025, not which days
    pytest.param("exact dates and city of the july special session on aggression", "the exact date",
                 id="exact-dates"),
    pytest.param("which dates did the special session on aggression run", "the exact date", id="which-dates"),
    # "... the date on which each withdrawal takes effect": no motive given
    pytest.param("why are mali burkina and niger quitting the icc", "why", id="takes-effect"),
    pytest.param("Pourquoi la Hongrie quitte la CPI ?", "pourquoi", id="prend-effet"),
    # "HRW says the ICC faced cyberattacks": HRW reports it, it did not do it
    pytest.param("who was behind the cyberattack on the icc", "who", id="behind"),
    pytest.param("qui est derrière la cyberattaque contre la CPI ?", "qui", id="derriere"),
    pytest.param("who hacked the icc in 2025", "who", id="did-it"),
    # the reactions fact lists South Africa among the states that reacted, without a word of what it said
    pytest.param("what did south africa say about the sanctions on the judges", "what south africa said", id="said"),
    pytest.param("Qu'a répondu la France après les sanctions contre le juge Guillou ?", "ce qu'a dit France",
                 id="a-repondu"),
    # the facts hold LRWC's and the NGOs' calls, not what states did with them
    pytest.param("did any state adopt LRWC's recommendations", "what came of it", id="acted-on"),
    pytest.param("l'UE a-t-elle activé son statut de blocage pour protéger la CPI ?", "ce qu'il en est advenu",
                 id="active"),
    # the reactions fact says it quotes no one; an inquiry pending found nothing yet; a call says nothing of replies
    pytest.param("what did the EU actually say after the judges were sanctioned", "what EU said", id="unquoted"),
    pytest.param("what did the external investigation into the prosecutor find", "what came of it", id="find"),
    pytest.param("how did washington respond to the coalition's call to join the court", "what came of it",
                 id="reply-to-call"),
    # a proposed budget and a plan being drafted say nothing of what was adopted
    pytest.param("what budget did ASP24 actually adopt for 2026?", "what came of it", id="proposed"),
    pytest.param("was the 2026-2029 strategic plan adopted in the end", "what came of it", id="drafting"),
    # "a Chair" is an article and a title, not a place; "à la CPI" names the Court, not where
    pytest.param("where was the july special session on aggression held", "where", id="a-is-no-place"),
    # the one day in the fact is the Registrar's speech in 2024, far from the warrants asked about
    pytest.param("on what date did russia issue the arrest warrant for the ICC prosecutor", "the exact date",
                 id="date-of-something-else"),
    # "what's it called" after the thing: a name beside the software, which the fact does not give
    pytest.param("which German software did the court switch to, what's it called", "the name of the software",
                 id="whats-it-called"),
    # the reactions fact names the states that reacted and quotes none of them
    pytest.param("what exactly did south africa say about the judges being sanctioned", "what south africa said",
                 id="what-exactly-did-say"),
    pytest.param("how did germany react to the sanctions on the judges", "what germany said", id="how-did-react"),
    pytest.param("comment l'Afrique du Sud a réagi aux sanctions contre les juges ?", "ce qu'a dit Afrique du Sud",
                 id="comment-a-reagi"),
    # a release's title in quotation marks names Israeli persons; nothing in the fact is Israel speaking
    pytest.param("what did israel's delegation say at the assembly", "what israel delegation said",
                 id="named-inside-a-quoted-title"),
    # "€50 million of the 2025 budget" is a part of the budget, not the total asked for
    pytest.param("whats the overall icc budget for 2025", "the figure", id="a-part-is-not-the-total"),
    # the year asked is the counted thing's year: "a 2026 ICC budget of €193 million" is not the 2025 budget
    pytest.param("total budget of the court in 2025?", "the figure", id="year-of-the-thing-counted"),
    # a vote's figures and a sentence's length are figures the facts do not give
    pytest.param("what was the vote on the asp24 omnibus resolution", "the figure", id="vote"),
    pytest.param("what sentence did the former janjaweed leader get for darfur", "the figure", id="sentence"),
    pytest.param("quelle peine a reçu l'ancien chef janjawid ?", "le chiffre", id="peine"),
    # "which banks" asks for the names of firms; the fact says what banks did, naming none
    pytest.param("which banks cut off judge guillou", "which banks", id="which-firms"),
    # "Opinio Juris (1 December 2025) reports that the ICC has ditched Microsoft": the date of the report
    pytest.param("when exactly did the ICC switch away from Microsoft", "the exact date", id="date-of-a-report"),
    # "which are the 16 states", "quels sont les 16 pays": their names, which the arrears fact says it lacks
    pytest.param("which are the 16 states without a vote at the assembly", "which states", id="which-are-the"),
    pytest.param("quels sont les 16 États privés de vote à l'AEP ?", "quels etats", id="quels-sont-les"),
    # "les noms des quatre juges": names (of four judges, not the judges of something called "quatre")
    pytest.param("les noms des quatre juges sanctionnés par les USA ?", "qui sont les juges", id="noms-des"),
    # "LRWC reports that the US has sanctioned the UN Human Rights Council's Special Rapporteur": the Council is
    # in what LRWC reports, and "human rights" alone is not the Council
    pytest.param("what did the UN Human Rights Council say about the sanctions on Francesca Albanese",
                 "what UN Human Rights Council said", id="object-of-another-s-report"),
    # a count of states is not an amount from them: "€74 million in contributions from States Parties"
    pytest.param("how many states pay money to the ICC budget?", "how many states", id="money-counts-none"),
    # "au final": what was adopted, which a proposed budget does not say
    pytest.param("finalement, l'AEP a adopté un budget 2026 de combien ?", "le chiffre", id="settled-figure"),
    # "in The Hague" does not say where in The Hague
    pytest.param("which venue in the hague hosted asp24", "where", id="place-the-question-names"),
    # whether a vote was unanimous is a vote's figures
    pytest.param("was the omnibus resolution adopted unanimously?", "the figure", id="unanimous"),
    # "which cases" asks for the cases' names; "la liste des 16 États" for the states' names
    pytest.param("which cases were the four judges working on when the US sanctioned them", "which cases",
                 id="which-cases"),
    pytest.param("la liste des 16 États sans droit de vote stp", "quels etats", id="la-liste-des"),
    # "Neither names the officials concerned"
    pytest.param("which icc officials does russia have warrants out for", "which officials", id="neither-names"),
    # "Article 86 ... States Parties": an article's number counts no one
    pytest.param("how many members does lrwc have", "how many members", id="article-number-is-no-count"),
    # "In June 2025 CICC urged States Parties to adopt ... blocking statutes": the date of a call
    pytest.param("when did the EU first adopt its blocking statute", "when", id="date-of-a-call"),
    # a later turn of events the sanctions fact never mentions, or mentions only as LRWC's call for it
    pytest.param("did any of the judges resign after they were sanctioned", "whether that happened", id="resign"),
    pytest.param("les américains ont levé les sanctions contre les juges depuis ?", "si cela s'est produit",
                 id="leve"),
    pytest.param("has the us rescinded eo 14203 yet", "whether that happened", id="only-as-a-call"),
    pytest.param("l'italie a fait appel de la décision sur sa non-coopération ?", "si cela s'est produit",
                 id="fait-appel"),
    pytest.param("were the icc officials convicted in those russian prosecutions", "whether that happened",
                 id="convicted"),
    # the deputy prosecutors' names, asked for: the fact lists them by office only
    pytest.param("les procureurs adjoints sanctionnés ils s'appellent comment ?", "qui sont les procureurs",
                 id="names-of-a-plural-role"),
    # "which deputy prosecutors": holders of a role, asked for by name, as "what are they called" asks
    pytest.param("which deputy prosecutors did washington blacklist?", "who the deputy prosecutors are",
                 id="which-plural-role"),
    # a head of state asked for by office: the paper's fact names no president, and the reply says which is missing
    pytest.param("which head of state does the fidh redress paper single out?", "which head of state it is",
                 id="which-head-of-state-unnamed"),
    # "in full": the letters spelt out, which the facts on FIDH never do
    pytest.param("fidh in full?", "what FIDH stands for", id="in-full"),
    # the whole Court's sanctions are still a threat in the facts: another fact's date is not theirs
    pytest.param("when did the US slap sanctions on the entire ICC as an institution?", "when", id="pending-date"),
    # speakers are people in a role: the side events' fact names the events, not who spoke at them
    pytest.param("who were the speakers at the FIDH event on human rights defenders?",
                 "who the speaker of fidh event is",
                 id="speakers"),
    # "the sources here do not report the final figure adopted": what came of the budget, asked with "finally"
    pytest.param("what 2026 budget did asp24 finally approve", "what came of it", id="finally-approve"),
    # "who are the deputy prosecutors": their names, which the fact does not give beside the office
    pytest.param("who are the deputy prosecutors that got sanctioned", "who the deputy prosecutors are",
                 id="who-are-the"),
    # what the letters stand for, asked as "short for"
    pytest.param("whats fidh short for", "what FIDH stands for", id="short-for"),
    # "CICC urged all 125 States Parties to publicly condemn ...": 125 were urged, not 125 condemned
    pytest.param("how many states parties publicly condemned the judge sanctions in june", "how many states parties",
                 id="count-of-those-called-on"),
    pytest.param("combien d'États parties ont condamné publiquement les sanctions contre les juges ?",
                 "combien d'etats", id="combien-d-etats-appeles"),
    pytest.param("c qui les procureurs adjoints sanctionnés par Washington ?", "qui sont les procureurs",
                 id="c-qui-les"),
    # "the final budget", what was adopted: "the sources here do not report the final figure adopted"
    pytest.param("what was the final 2026 budget the asp adopted", "what came of it", id="final-budget"),
    # how long the sanctions last: the fact gives their date, no span or end
    pytest.param("how long do the sanctions on the judges last, is there an expiry date", "how long it lasts",
                 id="how-long-do-they-last"),
    # a chair only suggested ("commencer au moins par trouver un président") is no one chosen
    pytest.param("qui a été choisi pour présider le sous-groupe sur l'agression du groupe de travail sur les "
                 "amendements", "qui", id="suggested-not-chosen"),
    # "c'est lesquels les 16 pays": their names, which the arrears fact says it does not give ("quels pays")
    pytest.param("c'est lesquels les 16 pays qui peuvent plus voter a l'AEP", "quels pays", id="lesquels"),
    # "quand exactement": the day, which the fact does not give (only the month)
    pytest.param("Duterte a été remis à la CPI quand exactement ?", "la date exacte", id="quand-exactement"),
    # which ruling: a ruling asked for by name, which the fact on the four judges does not give
    pytest.param("which rulings got those 4 judges sanctioned", "which rulings", id="which-rulings"),
    # heads of state are people: the paper's title names none
    pytest.param("which heads of state does the ending immunity paper look at", "which heads",
                 id="which-heads"),
    # the €193 million is the budget the Court proposed; HRW, named in the same fact, gives no figure
    pytest.param("how much money did hrw say the 2026 budget should be", "what figure HRW gives",
                 id="whose-figure"),
    pytest.param("how many million extra does HRW want for the court's budget", "what figure HRW gives",
                 id="how-many-million"),
    # a software, a platform asked for by name, a word of description between: the facts name none
    pytest.param("which german software does the icc use now", "which software", id="which-german-software"),
    pytest.param("c'est quel logiciel allemand qui a remplacé microsoft à la cour ?", "quel logiciel",
                 id="quel-logiciel"),
    pytest.param("c'est quoi le logiciel allemand de la cour maintenant, à la place de microsoft ?", "quel logiciel",
                 id="c-est-quoi-le-logiciel"),
    pytest.param("which social media platforms cut off icc officials", "which platforms", id="which-platforms"),
    # a link to a paper is contact details, which no fact holds
    pytest.param("link to the fidh redress briefing paper?", "contact details", id="link-to"),
    # the Council is named only as the holder of an office ("the Council's Special Rapporteur"), never acting
    pytest.param("what did the human rights council do about the sanctions on its rapporteur",
                 "what the United Nations Human Rights Council did", id="body-holds-an-office"),
    pytest.param("le Conseil des droits de l'homme a-t-il adopté une résolution sur les sanctions contre Albanese ?",
                 "ce qu'il en est advenu", id="organe"),  # what came of it: the fact reports no act of the Council
    # "CICC and LRWC both (toutes deux) call on States Parties to ratify APIC (ICC-ASP/1/3)": no count of states
    pytest.param("combien d'États ont ratifié l'APIC ?", "combien d'etats", id="both-and-a-symbol-count-none"),
    pytest.param("how many states have ratified the APIC so far", "how many states", id="symbol-counts-none"),
    # who they are, asked "ce sont qui" or for "son nom": the facts name no deputy prosecutor, nor the Janjaweed leader
    pytest.param("les procureurs adjoints sanctionnés ce sont qui ? des noms svp", "qui sont les procureurs",
                 id="ce-sont-qui"),
    pytest.param("quels procureurs adjoints ont été sanctionnés ? noms stp", "qui sont les procureurs",
                 id="noms-stp"),
    pytest.param("le chef janjawid condamné pour le Darfour, je retrouve pas son nom", "qui est chef", id="son-nom"),
    # the role named twice, with its court the second time: the ICC's President, not FIDH's
    pytest.param("Qui est le président (ou la présidente) de la CPI ?", "qui est president de CPI",
                 id="role-named-twice"),
    # "the final amount", what was adopted: the sources do not report the final figure
    pytest.param("what's the final amount the ASP approved for 2026?", "the figure", id="the-final-amount"),
    # a building asked for is a place, which the fact on ASP24's venue gives only as The Hague, named by the question
    pytest.param("what building or venue in the hague did asp24 use", "where", id="which-building"),
])

def test_a_fact_without_what_was_asked_gives_a_partial_reply_naming_it(desk: Desk, question: str,
                                                                       missing: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.missing) == ("partial", missing)


def test_a_call_or_an_office_still_answers_what_it_holds(desk: Desk) -> None:
    """The same facts answer what they do hold: LRWC's call itself, who holds the Council's office, and how many
    States Parties CICC's call was addressed to."""
    assert top(desk, "how many states parties does the ICC have according to the CICC statement on the judges") == \
        "cicc-call-to-action-june-2025"
    assert top(desk, "does lrwc want the us to revoke eo 14203") == "lrwc-refuse-to-implement-sanctions"
    # the €193 million is Opinio Juris's figure (the source named before it), though HRW's is not
    assert top(desk, "how much does opinio juris say the 2026 budget is") == "budget-2026-193-million"
    assert top(desk, "was the human rights council's special rapporteur sanctioned by the US") == \
        "us-sanctions-un-special-rapporteur"


def test_many_speakers_reacting_is_what_the_facts_say_of_their_reactions(desk: Desk) -> None:
    """"How did states react" is answered by the fact that lists the reactions; only a named speaker wants a
    quote."""
    assert top(desk, "how did states react to the sanctions on the judges") == "reactions-june-2025-sanctions"
    assert top(desk, "when did CICC call for blocking statutes") == "cicc-call-to-action-june-2025"


def test_a_total_asked_is_answered_by_the_figure_for_the_whole(desk: Desk) -> None:
    """"The budget of €193 million" is the whole budget; "combien au total" asks a figure, not a thing called
    total."""
    assert top(desk, "what is the overall budget for 2026") == "budget-2026-193-million"
    assert top(desk, "quel est le budget total de la CPI pour 2026") == "budget-2026-193-million"
    assert top(desk, "unpaid contributions in total as of feb 2025?") == "arrears-74-million-feb-2025"


def test_what_letters_stand_for_is_searched_by_the_letters_alone(desk: Desk) -> None:
    """"wait what does APIC stand for": "wait" and "stand" are how it is asked, not what about."""
    assert top(desk, "hold on, what does APIC stand for again") == "apic-ratification-calls"


def test_a_treaty_broken_is_a_convention_violated(desk: Desk) -> None:
    assert top(desk, "which treaty does sanctioning a UN special rapporteur break, per LRWC") == \
        "us-sanctions-un-special-rapporteur"


@pytest.mark.parametrize(("question", "expected"), [
    ("what was the US aiming to achieve with the sanctions, according to HRW", "us-sanctions-who-is-targeted"),
    ("the cyberattacks on the ICC, what were they intended for?", "icc-cyberattacks-2025"),
])
def test_a_purpose_asked_is_a_reason_not_words_to_search(desk: Desk, question: str, expected: str) -> None:
    """"trying to achieve", "meant for", "dans quel but": why, in other words."""
    assert intent.read(question).kind == "reason"
    assert top(desk, question) == expected


@pytest.mark.parametrize(("question", "shown", "missing"), [
    ("did germany condemn the june sanctions against the judges", "cicc-call-to-action-june-2025",
     "that about Germany"),
    ("la Suisse a ratifié l'accord sur les privilèges et immunités de la CPI ?", "apic-ratification-calls",
     "cela au sujet de ce pays (Suisse)"),
])
def test_a_country_the_fact_never_names_is_not_answered_by_it(desk: Desk, question: str, shown: str,
                                                              missing: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id, answer.missing) == ("partial", shown, missing)


@pytest.mark.parametrize(("question", "expected"), [
    ("when did the judges find italy in non-compliance", "italy-noncompliance-decision-oct-2025"),
    ("Pourquoi les Etats-Unis sanctionnent la CPI d'après LRWC ?", "sanctions-reprisals-afghanistan-palestine"),
    ("who exactly did the US sanction according to Lawyers Rights Watch Canada", "us-sanctions-who-is-targeted"),
])
def test_a_country_named_by_the_fact_or_its_synonym_or_inside_a_name_still_answers(desk: Desk, question: str,
                                                                                    expected: str) -> None:
    assert top(desk, question) == expected


@pytest.mark.parametrize(("question", "missing"), [
    ("who moderated the side event on russian speech crimes in ukraine", "who the moderator is"),
    ("qui a animé le side event sur les crimes de discours de la russie en ukraine", "qui est moderateur"),
    ("who presides over the asp", "who the president of ASP is"),
    # the aggression fact suggests finding a Chair for the sub-group: it names none
    ("so who is chairing the amendments sub-group on aggression these days", "who the chair is"),
])
def test_a_role_asked_with_its_verb_needs_its_holder_named(desk: Desk, question: str, missing: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.missing) == ("partial", missing)


def test_which_countries_needs_a_fact_naming_countries(desk: Desk) -> None:
    answer = desk.answerer.ask("which countries pushed back against condemning sanctions in the omnibus")
    assert (answer.status, answer.missing) == ("partial", "which countries")
    assert top(desk, "which states are pulling out of the rome statute") == "withdrawals-four-states-2026"


def test_a_name_the_question_holds_is_not_the_holder_of_the_role_asked(desk: Desk) -> None:
    answer = desk.answerer.ask("who's the current president of the philippines, the one who handed duterte over")
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "duterte-surrendered-to-icc")
    assert top(desk, "who is the president of fidh") == "fidh-president-on-impunity"


def test_what_a_question_sets_aside_is_not_what_it_asks_about(desk: Desk) -> None:
    question = "a part la cour elle meme, qui risque d'etre touché par les sanctions selon la coalition"
    assert top(desk, question) == "sanctions-effects-banking-services"
    assert intent.read("apart from the judges themselves who could get targeted or isolated").role is None


def test_a_french_question_finds_an_english_title_the_french_text_quotes(desk: Desk) -> None:
    assert top(desk, "qui a ecrit le papier time to act sur opinio juris") == "asp24-not-business-as-usual"
    assert top(desk, "lrwc est membre de la ccpi ?") == "about-lrwc"  # the Coalition's French initials


@pytest.mark.parametrize(("question", "expected"), [
    ("how does cicc characterise sanctioning sitting judges", "us-sanctions-four-judges-june-2025"),
    ("which UN standards for judges/lawyers etc does lrwc say the attacks breach", "sanctions-breach-human-rights-law"),
    # the June statement's own asks; the APIC calls fact, which dates the agreement to September 2002, names no June
    ("cicc june statement mentions APIC, what do they want states to do about it", "cicc-cooperation-asks-june-2025"),
    ("what is the icc using instead of microsoft now", "icc-it-microsoft-replaced"),
])
def test_words_about_how_a_source_puts_it_are_not_its_subject(desk: Desk, question: str, expected: str) -> None:
    assert top(desk, question) == expected


def test_an_amount_of_money_is_held_by_a_sum_of_money(desk: Desk) -> None:
    assert top(desk, "Il manquait combien dans les caisses de la cour en fev 2025 ?") == "arrears-74-million-feb-2025"
    assert top(desk, "how much cash do states owe the icc") == "arrears-74-million-feb-2025"
    assert desk.answerer.ask("how much money does the trust fund for victims have").status != "answered"


def test_which_people_needs_people_named(desk: Desk) -> None:
    question = "le side event sur les crimes de discours russes visait quels responsables russes en particulier"
    assert desk.answerer.ask(question).status == "partial"
    answer = desk.answerer.ask("which icc judges did the us sanction in june")  # CICC's statement names none
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "us-sanctions-four-judges-june-2025")
    assert top(desk, "which judges has the US sanctioned") == "judge-guillou-banking-le-monde"


@pytest.mark.parametrize("question", ["when was judge guillou sanctioned by the us",
                                      "le juge guillou il a ete sanctionné a quelle date"])
def test_the_date_an_article_was_published_is_not_the_date_of_what_it_reports(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)  # Le Monde's article of 19 November 2025 on the sanctioned judge
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "judge-guillou-banking-le-monde")


@pytest.mark.parametrize("question", ["since when is deswaef fidh president",
                                      "how long has deswaef been fidh president"])
def test_since_when_asks_for_a_start_not_the_date_of_a_statement(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)  # FIDH's statement of 9 December 2025
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "fidh-president-on-impunity")
    assert top(desk, "how long has lrwc had ecosoc status") == "about-lrwc"
    assert top(desk, "since when does lrwc have ECOSOC status") == "about-lrwc"  # "since 2005"
    assert top(desk, "since when has the US been sanctioning the ICC according to LRWC?") == (
        "us-executive-order-14203")  # "LRWC dates it 7 February 2025 and says ... since then"


def test_a_fact_that_does_not_quote_what_was_said_lets_no_other_fact_speak_for_it(desk: Desk) -> None:
    answer = desk.answerer.ask("what did the un say about the sanctions on the judges")
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "reactions-june-2025-sanctions")


def test_what_the_thing_is_called_is_its_name(desk: Desk) -> None:
    answer = desk.answerer.ask("what's the german software called that replaced microsoft at the court")
    assert (answer.status, answer.missing) == ("partial", "the name of the software")  # "He does not name it"


def test_since_then_is_a_time_not_a_reason() -> None:
    question = "why did the US impose the sanctions"
    fact = "LRWC dates the order 7 February 2025 and says sanctions have been imposed since then."
    assert not holds.holds(intent.read(question), "", fact, question=question, expand=lambda phrase: [phrase])
    assert holds.holds(intent.read(question), "", "They were imposed since the Court opened investigations.",
                       question=question, expand=lambda phrase: [phrase])


def test_who_at_the_end_asks_who(desk: Desk) -> None:
    answer = desk.answerer.ask("hungary failed to arrest someone right? who")  # no source names the person
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "hungary-non-cooperation-and-withdrawal")


def test_an_everyday_verb_in_its_s_form_is_a_paraphrase(desk: Desk) -> None:
    from bot.core.text import ENGLISH
    assert ENGLISH.is_ordinary("suspends") and ENGLISH.is_ordinary("agencies") and not ENGLISH.is_ordinary("fidhs")
    assert top(desk, "which article suspends voting rights for states in arrears") == "arrears-states-lose-vote"


def test_a_source_the_question_names_must_be_named_by_the_fact_shown(desk: Desk) -> None:
    answer = desk.answerer.ask("lrwc recs about money")  # HRW's call for funding is not LRWC's
    assert (answer.status, answer.hits[0].fact.id, answer.missing) == (
        "partial", "hrw-sufficient-funding", "that, as LRWC puts it")
    assert top(desk, "what does hrw say about funding the court") == "hrw-sufficient-funding"
    assert top(desk, "what is the icc budget for 2026") == "budget-2026-193-million"  # the Court is in every fact


def test_which_with_a_role_asks_who_and_a_fact_that_spells_out_no_one_lacks_it(desk: Desk) -> None:
    answer = desk.answerer.ask("which us president signed EO 14203")
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "us-executive-order-14203")
    answer = desk.answerer.ask("who exactly was sanctioned in rubio's 9 july announcement")  # "do not spell out whom"
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "us-sanctions-timeline-2025")
    assert top(desk, "which ex-president did manila hand over to the icc") == "duterte-surrendered-to-icc"


def test_which_case_asks_for_the_case_by_name(desk: Desk) -> None:
    answer = desk.answerer.ask("which case was judge guillou sitting on when he got sanctioned")
    assert (answer.status, answer.hits[0].fact.id) == ("partial", "judge-guillou-banking-le-monde")


@pytest.mark.parametrize("question", ["how much money has the Court lost because of the US sanctions",
                                      "combien d'argent la CPI a-t-elle perdu à cause des sanctions américaines ?"])
def test_money_lost_is_a_loss_the_fact_must_speak_of(desk: Desk, question: str) -> None:
    # the year's budget is a sum of money, but no loss: it does not say how much was lost
    answer = desk.answerer.ask(question)
    assert answer.status == "partial" and answer.missing_key in ("missing_number", "missing_count")
    assert answer.hits[0].fact.id != "budget-2026-193-million"


def test_the_name_asked_is_the_things_not_the_name_after_it(desk: Desk) -> None:
    # "the name of the briefing paper FIDH launched": the paper's name, not FIDH's
    assert intent.read("what's the name of the report fidh put out on immunity", holds.ENGLISH).kind == "person"
    assert top(desk, "what's the name of the briefing paper FIDH launched with REDRESS") == (
        "fidh-redress-heads-of-state-paper")


def test_the_whole_list_please_frames_the_question(desk: Desk) -> None:
    assert top(desk, "LRWC's recommendations to States Parties? the whole list please") == "lrwc-recommendations-asp24"


@pytest.mark.parametrize(("question", "expected"), [
    ("why does LRWC say words are not enough", "lrwc-words-are-not-enough"),
    ("pourquoi LRWC affirme que les paroles ne suffisent pas ?", "lrwc-words-are-not-enough"),
])
def test_why_a_source_says_it_is_answered_by_what_it_argues(desk: Desk, question: str, expected: str) -> None:
    assert top(desk, question) == expected


def test_his_words_are_the_words_of_the_person_named_before(desk: Desk) -> None:
    # "Nicolas Guillou, a French ICC judge sanctioned by the US, headlined with his words ..."
    assert top(desk, "what did Guillou tell Le Monde about the banks") == "judge-guillou-banking-le-monde"
    # but "a French judge" is not France speaking
    assert desk.answerer.ask("what did France say about the sanctions on judge Guillou").status != "answered"


@pytest.mark.parametrize("question", ["did the US sanction six ICC judges in June 2025?",
                                      "les cinq ONG palestiniennes sanctionnées par les USA, c'est lesquelles ?"])
def test_a_count_the_question_states_must_agree_with_the_facts(desk: Desk, question: str) -> None:
    # the facts say four judges and three NGOs: shown as the answer, they would read as a yes
    answer = desk.answerer.ask(question)
    assert answer.status == "partial" and answer.missing_key == "missing_count_of"


def test_a_count_that_agrees_is_answered(desk: Desk) -> None:
    assert top(desk, "did the US sanction four ICC judges in June 2025?") == "us-sanctions-four-judges-june-2025"


@pytest.mark.parametrize(("question", "kind"), [
    ("did the EU actually switch on its blocking statute?", "outcome"),  # whether it happened
    ("has Brussels formally extended the blocking statute to the ICC sanctions?", "outcome"),
    ("what did the Assembly finally decide on the aggression amendments?", "outcome"),
    ("which Rome Statute article covers arrears?", "article"),
    ("which Russian official signed the warrants?", "person"),  # an adjective before the person asked
    ("can you name the 37 states behind on their contributions?", "names"),
])
def test_the_kind_asked_through_a_word_or_two_between(question: str, kind: str) -> None:
    assert intent.read(question, holds.ENGLISH).kind == kind


def test_did_they_actually_ask_is_the_call_not_its_outcome() -> None:
    assert intent.read("did CICC actually ask the US to join the ICC?", holds.ENGLISH).kind != "outcome"


def test_a_session_number_is_no_figure(desk: Desk) -> None:
    # "ASP24" holds no count: "how many were there" (no thing counted) is not answered by a fact that gives none
    answer = desk.answerer.ask("which States Parties signed the ASP24 solidarity declaration, and how many were there?")
    assert answer.status == "partial" and answer.missing_key == "missing_number"


def test_a_briefing_note_is_the_askers_errand() -> None:
    assert "note" not in intent.searched("what did CICC ask of states? I need it for a briefing note")


def test_a_share_asked_needs_a_percentage(desk: Desk) -> None:
    # "what % increase", "what percentage": the sums in euros of the arrears fact are no share
    assert intent.read("what % rise did HRW want for the 2026 budget?", holds.ENGLISH).kind == "number"
    answer = desk.answerer.ask("what percentage of the arrears was owed for earlier years?")
    assert answer.status == "partial" and answer.missing_key == "missing_number"
    assert answer.hits[0].fact.id == "arrears-74-million-feb-2025"


@pytest.mark.parametrize("question", ["has the Philippines rejoined the ICC since Duterte was handed over?",
                                      "les Philippines ont-elles réintégré la CPI depuis la remise de Duterte ?"])
def test_rejoining_is_a_later_turn_of_events(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)
    assert answer.status == "partial" and answer.missing_key == "missing_event"


def test_question_words_typed_short_are_read_as_the_word(desk: Desk) -> None:
    # "wht", "whn": not unknown words that veto the answer
    assert top(desk, "wht is the ICC moving its IT to? heard they dumped microsoft") == "icc-it-microsoft-replaced"
    assert top(desk, "hrw mentions a darfur win, wht was it?") == "janjaweed-leader-convicted-darfur"


def test_smth_and_atm_are_chat(desk: Desk) -> None:
    assert top(desk, "why is the prosecutor not at work atm") == "prosecutor-on-leave-external-investigation"
    assert top(desk, "did the icc get hacked or smth") == "icc-cyberattacks-2025"


@pytest.mark.parametrize("question", ["what's the document number of the ASP24 omnibus resolution?",
                                      "c'est quoi le numéro de l'affaire Duterte ?"])
def test_a_documents_number_needs_a_number_or_symbol_in_the_fact(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)
    assert answer.status == "partial" and answer.missing_key == "missing_symbol"


def test_which_provision_is_the_kind_asked_not_a_word_to_find(desk: Desk) -> None:
    assert "provision" not in intent.searched("which provision of the Statute takes away arrears states' votes")
    assert top(desk, "Which provision of the Rome Statute takes away the vote of states in arrears?") in (
        "article-112-8-voting-rights", "arrears-states-lose-vote")


@pytest.mark.parametrize(("question", "kind"), [("has the EU already extended its blocking statute?", "outcome"),
                                                ("was the joint declaration adopted by consensus?", "number")])
def test_already_and_by_consensus(question: str, kind: str) -> None:
    assert intent.read(question, holds.ENGLISH).kind == kind


@pytest.mark.parametrize("question", ["I'm preparing a comparison of NGO asks. What did FIDH ask states at ASP24?",
                                      "we're drafting a briefing note - what did FIDH ask of states at ASP24?",
                                      # whom the errand is for is no subject either
                                      "I'm preparing a memo for our foreign ministry: what did FIDH ask states "
                                      "at ASP24?",
                                      # the asker's organisation as the subject, and a letter
                                      "Our network is drafting a letter to our foreign ministry. What did FIDH ask "
                                      "states at ASP24?"])
def test_the_askers_errand_in_the_first_person_is_not_searched(desk: Desk, question: str) -> None:
    assert not {"preparing", "drafting", "ministry", "letter"} & set(intent.searched(question).split())
    assert top(desk, question) == "fidh-asks-at-asp24"


def test_which_count_is_checked_not_searched(desk: Desk) -> None:
    # "which 3 countries": the count is checked against the fact's own, and is no word to search by
    assert "3" not in intent.searched("which 3 countries failed to arrest suspects, per HRW?").split()
    assert top(desk, "which three countries failed to arrest ICC suspects according to HRW?") in (
        "non-cooperating-states-2025", "hungary-non-cooperation-and-withdrawal")


@pytest.mark.parametrize("question", ["why did the EU sanction four ICC judges in June 2025?",
                                      "pourquoi l'UE a sanctionné quatre juges de la CPI en juin ?"])
def test_the_eu_is_checked_as_a_country_is(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)  # a false premise: the facts say the US did
    assert answer.status == "partial" and answer.missing_key == "missing_union"


def test_the_eu_named_by_the_fact_is_no_false_premise(desk: Desk) -> None:
    assert top(desk, "does the coalition cite the EU Blocking Statute as an example?") == "blocking-statute-calls"


@pytest.mark.parametrize("question", ["when exactly was ASP24?", "l'AEP24 c'était quand exactement ?"])
def test_a_fact_titled_as_the_dates_holds_them_however_far_the_text_puts_them(desk: Desk, question: str) -> None:
    # "ASP24: dates and venue": "... (ASP24) was held in The Hague. HRW, FIDH and LRWC give its dates as 1-6 December"
    assert top(desk, question) == "asp24-dates-and-venue"


def test_ptc_i_is_pre_trial_chamber_i(desk: Desk) -> None:
    assert top(desk, "what did PTC I decide about Italy in October 2025?") == "italy-noncompliance-decision-oct-2025"


@pytest.mark.parametrize(("question", "currency"), [
    ("how much is the 2026 icc budget in US dollars?", "US dollars"),
    ("le budget 2026 de la CPI ça fait combien en dollars ?", "dollars")])
def test_a_sum_asked_in_another_currency_is_not_given(desk: Desk, question: str, currency: str) -> None:
    # the curated budget is in euros: converting it would be a figure no source gives
    answer = desk.answerer.ask(question)
    assert answer.status == "partial" and answer.missing_key == "missing_currency"
    assert answer.missing_values == {"currency": currency}
    assert answer.hits[0].fact.id == "budget-2026-193-million"
    assert top(desk, "how much is the 2026 icc budget in euros?") == "budget-2026-193-million"


@pytest.mark.parametrize("question", ["What date does LRWC give for Executive Order 14203?",
                                      "what date does lrwc use for the executive order"])
def test_the_date_a_source_gives_is_the_date_beside_what_it_says(desk: Desk, question: str) -> None:
    # "LRWC dates it 7 February 2025 and says ...": asked what date LRWC gives, the date beside its words answers
    assert top(desk, question) == "us-executive-order-14203"


def test_which_court_asks_for_a_court_by_name(desk: Desk) -> None:
    # the facts say Russia issued warrants against ICC officials; none names the Russian court that did
    answer = desk.answerer.ask("which russian court issued the warrants against icc officials?")
    assert answer.status == "partial" and answer.hits[0].fact.id == "russia-warrants-against-icc-officials"
    assert intent.read("which court and system reports does jimenez say states must listen to", holds.ENGLISH).kind \
        is None


@pytest.mark.parametrize("question", ["how many states parties were in arrears as of december 2025?",
                                      "how much were states owing the court in arrears by december 2025?"])
def test_a_point_in_time_asked_must_be_the_facts(desk: Desk, question: str) -> None:
    # the arrears facts hold their figures "as of February 2025": December's are other figures
    answer = desk.answerer.ask(question)
    assert answer.status == "partial" and answer.missing_key == "missing_years"
    assert answer.missing == "that for december 2025"
    assert top(desk, "how many states were in arrears as of feb 2025?") == "arrears-states-lose-vote"


@pytest.mark.parametrize("question", ["What nationality is Francesca Albanese?",
                                      "Alexis Deswaef, il est de quelle nationalité ?",
                                      "Quelle est la nationalité de Danya Chaikel ?",
                                      "what is the nationality of Danya Chaikel",
                                      "what nationalities are the four judges the US sanctioned in june 2025",
                                      "what countries are the 4 judges sanctioned on june 5 from"])
def test_a_nationality_asked_needs_one_beside_the_name(desk: Desk, question: str) -> None:
    # the facts name them and their offices; the "Palestinian territories" of a title are no nationality
    answer = desk.answerer.ask(question)
    assert answer.status == "partial" and answer.missing_key == "missing_nationality"
    # "whatever the suspect's nationality" is what FIDH asks, not a nationality asked for
    assert top(desk, "does fidh want arrest warrants executed no matter the suspect's nationality?") == (
        "fidh-asks-at-asp24")
    assert top(desk, "La FIDH demande-t-elle d'exécuter les mandats quelle que soit la nationalité du suspect ?") == (
        "fidh-asks-at-asp24")


def test_the_courts_budget_and_a_view_of_a_budget_are_still_answered(desk: Desk) -> None:
    # the controls of the budget cases above: the Court's budget holds its figure; a recommendation about the budget
    # asks for the view, not a sum
    assert top(desk, "what is the 2026 budget") == "budget-2026-193-million"
    assert top(desk, "What was HRW's recommendation regarding the 2026 budget?") == "hrw-sufficient-funding"


def test_who_exactly_asks_for_a_person_a_fact_that_names_no_one_does_not_hold(desk: Desk) -> None:
    # "Neither source names the suspects concerned": the fact says so itself, so the reply is partial
    assert intent.read("hungary didn't arrest who, exactly?", holds.ENGLISH).kind == "person"
    answer = desk.answerer.ask("hungary didn't arrest who, exactly?")
    assert answer.status == "partial" and answer.hits[0].fact.id in (
        "non-cooperating-states-2025", "hungary-non-cooperation-and-withdrawal")


@pytest.mark.parametrize("question", [
    # "which side event": the event asked for by name, which the side events' fact and the paper's both give
    "remind me which side event the ending immunity paper was launched at",
    "which side event did the FIDH and REDRESS paper come out at?",
    "la note de la FIDH sur l'immunité, elle a été lancée à quel événement ?",
])
def test_which_event_asks_for_the_event_by_name(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)
    assert answer.status == "answered"
    assert answer.hits[0].fact.id in ("asp24-fidh-side-events", "fidh-redress-heads-of-state-paper")
    assert "Arresting suspects" in answer.hits[0].fact.text


@pytest.mark.parametrize("question", ["what grounds did Burkina Faso give for quitting the ICC?",
                                      "what reasons have Mali and Niger given for pulling out?"])
def test_what_reasons_did_they_give_asks_for_a_reason(desk: Desk, question: str) -> None:
    # the withdrawals' fact says who is leaving and when it was reported, not why
    assert intent.read(question, holds.ENGLISH).kind == "reason"
    assert desk.answerer.ask(question).status == "partial"


@pytest.mark.parametrize("question", ["since when has the prosecutor been on leave?",
                                      "when exactly was the prosecutor put on leave",
                                      "le procureur a été mis en congé quand ?"])
def test_as_of_a_date_is_no_start(desk: Desk, question: str) -> None:
    # "As of 1 December 2025 the ICC Prosecutor was on leave": how things stood that day, not since when nor when he
    # was put on leave
    answer = desk.answerer.ask(question)
    assert answer.status == "partial" and answer.hits[0].fact.id == "prosecutor-on-leave-external-investigation"


@pytest.mark.parametrize(("question", "expected"), [
    # "the message" of a statement is what it says, as "the gist" is; "rights groups" are NGOs
    ("what was HRW's key message to states before ASP24?", "asp24-hrw-expectations"),
    ("which human rights groups in Palestine were sanctioned?", "us-sanctions-palestinian-ngos"),
    # "publicly" says how they reacted, not what about
    ("which governments reacted publicly to the sanctions on the four judges?", "reactions-june-2025-sanctions"),
])
def test_a_message_asked_and_rights_groups(desk: Desk, question: str, expected: str) -> None:
    assert top(desk, question) == expected


@pytest.mark.parametrize(("question", "status", "expected"), [
    # "Rome Statute" side by side in the Preamble's fact credits the Statute, not "withdrawal" through its
    # synonym "leave the statute": the Preamble's fact is no answer about withdrawing
    ("under which article of the Rome Statute does a state withdraw, and how long does it take?", "partial", None),
    # "service providers" side by side in the call to action credits the providers, not "banks" through its
    # synonym "financial services"
    ("what does the coalition fear banks and service providers might do after the sanctions on judges?", "answered",
     "sanctions-effects-banking-services"),
])
def test_words_side_by_side_credit_only_their_own_concept(desk: Desk, question: str, status: str,
                                                          expected: str | None) -> None:
    answer = desk.answerer.ask(question)
    assert answer.status == status and answer.hits[0].fact.id != "rome-statute-preamble"
    if expected:
        assert answer.hits[0].fact.id == expected


RUBIO_FACTS = ("us-sanctions-timeline-2025", "us-sanctions-four-judges-june-2025", "us-further-sanctions-august-2025",
               "us-sanctions-palestinian-ngos")


@pytest.mark.parametrize("question", [
    # the releases' author is named beside his office, though the same facts say they do not name the designees
    "who's the secretary of state who put out the US sanctions releases?",
    "who was the American secretary of state behind the sanctions releases",
    "c'était qui le secrétaire d'État des USA derrière les communiqués sur les sanctions ?",
])
def test_the_holder_of_an_office_named_beside_it_is_no_name_the_fact_lacks(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.lang) == ("answered", "fr" if "qui" in question else "en")
    assert answer.hits[0].fact.id in RUBIO_FACTS


def test_a_fact_still_lacks_the_names_it_says_it_does_not_give(desk: Desk) -> None:
    # "The documents here do not say who was designated in that round": no office asked, so still partial
    answer = desk.answerer.ask("who exactly got designated in the august 2025 round of us sanctions?")
    assert answer.status == "partial" and answer.missing_key == "missing_person"


@pytest.mark.parametrize("question", [
    # "hurt" is how members ask what the facts call "hampering" (a curator's synonym group: hamper, hurt, hinder, harm)
    "how exactly do the US sanctions hurt the Court's work, according to HRW?",
    "why would the sanctions on judges hurt the entire court in practice",
    # "ça pose problème" asks why it is one, not which problem; "les trois problèmes de fond" still names them
    "les banques ça pose problème pourquoi avec ces sanctions ?",
])
def test_how_members_ask_about_the_sanctions_harm(desk: Desk, question: str) -> None:
    assert top(desk, question) == "sanctions-effects-banking-services"


def test_problems_named_are_still_searched(desk: Desk) -> None:
    assert top(desk, "c'est quoi les trois problèmes de fond de la CPI selon Opinio Juris ?") == "icc-past-crises"


@pytest.mark.parametrize("question", [
    # "apart from the judges, who else": those left aside are not searched; "might end up targeted" asks who could
    # be targeted, not what came of something
    "apart from the judges, who else might end up targeted or isolated because of the sanctions, per the Coalition?",
    "à part les juges, qui pourrait se retrouver isolé ou ciblé à cause des sanctions ?",
])
def test_who_else_besides_those_named(desk: Desk, question: str) -> None:
    assert top(desk, question) == "sanctions-effects-banking-services"


def test_another_country_than_one_named_keeps_the_one_named(desk: Desk) -> None:
    # "à part les USA, quel autre pays": the United States are part of what is asked
    assert top(desk, "à part les USA, HRW reproche à quel autre pays de saper la CPI ?") == "icc-polycrisis-2025"


@pytest.mark.parametrize("question", [
    # the curator's example for who FIDH gives as targets, and "as a whole" beside the fact's "collectively"
    "was ASP24 the first time the assembly as a whole condemned the sanctions against UN experts?",
    "la FIDH cite quelles organisations et quelles personnes comme visées par ces sanctions ?",
    "which NGOs and individuals does FIDH cite as targets of the sanctions the omnibus resolution condemns?",
])
def test_the_omnibus_condemnation_and_its_examples(desk: Desk, question: str) -> None:
    assert top(desk, question) == "asp24-omnibus-condemns-sanctions"


def test_which_one_is_no_number(desk: Desk) -> None:
    # "which one", "that one": a pronoun; read as the number 1 it was a subject no fact holds
    assert "1" not in words("which one is it? that one") and words("only one state") == ["only", "1", "state"]
    assert top(desk, "the Coalition cites an existing blocking statute as a model - which one is it?") == \
        "blocking-statute-calls"


@pytest.mark.parametrize("question", [
    # HRW's "available tools such as the EU's blocking statute", asked as members ask it (a curator's example)
    "which tools does Human Rights Watch tell member states to use against the US sanctions?",
    "HRW conseille quels outils aux États contre les sanctions américaines ?",
])
def test_the_tools_hrw_names_against_the_sanctions(desk: Desk, question: str) -> None:
    assert top(desk, question) == "blocking-statute-calls"


def test_a_misspelling_that_stems_as_another_word_is_read_as_meant(desk: Desk) -> None:
    # Porter cuts "prosecuter" to "prosecut", the stem of "prosecute": a prosecution, not the Prosecutor
    assert words("the prosecuter's status") == ["the", "prosecutor", "status"]
    answer = "prosecutor-on-leave-external-investigation"
    assert top(desk, "is the prosecuter back at work or still on leave?") == answer


@pytest.mark.parametrize("question", [
    # "which fugitive" asks for a person, as "which suspect" does; "failed to arrest who in 2025" asks who; the
    # fact says neither source names the suspects, so the reply is partial
    "which fugitive did Tajikistan fail to arrest?",
    "tajikistan declined to arrest who in 2025?",
])
def test_which_fugitive_and_arrest_who_ask_for_a_person(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_person")


@pytest.mark.parametrize("question", [
    "what does full cooperation with the court require according to lrwc",
    "In LRWC's view, what does 'full cooperation' with the Court necessarily involve?",
])
def test_full_cooperation_is_cooperating_fully(desk: Desk, question: str) -> None:
    """The Statute's "cooperate fully" (Article 86), as LRWC reads it, not LRWC's complaint that words are not
    enough, which shares the rest of the question's words."""
    assert top(desk, question) == "article-86-duty-to-cooperate"


def test_what_came_of_one_item_is_that_items_fact(desk: Desk) -> None:
    # the side events' fact names each event among others; what came of one is in the fact titled by it
    for question, fact in (("workplace culture side event at asp24: what were the takeaways?",
                            "workplace-culture-at-the-court"),
                           ("key message of the side event where fidh and redress launched their paper?",
                            "fidh-redress-heads-of-state-paper"),
                           ("the survivors' dialogue side event, what came out of it", "survivors-messages-asp24")):
        assert top(desk, question) == fact, question
    # what came of them all is in no one fact
    assert desk.answerer.ask("what came out of the FIDH side events overall?").status == "partial"


def test_whom_one_dealt_with_is_answered_by_an_office(desk: Desk) -> None:
    # whom someone dealt with: an office answers it, though the fact names no official
    for question in ("after the june sanctions the dutch FM had talks with whom?",
                     "the Dutch foreign affairs minister spoke to who about the judges being sanctioned",
                     # the question word first, its preposition left at the end, or who spoke for a state
                     "who else did the Dutch foreign minister speak to about the sanctions on the judges",
                     "hey, who did the dutch minister meet with after the judges were sanctioned?",
                     "besides the statement, who did the Netherlands' minister hold conversations with?",
                     "who responded on behalf of spain to the june sanctions?"):
        assert top(desk, question) == "reactions-june-2025-sanctions", question
    # a relative clause asks for the name of the one spoken with, which the fact does not give; "who did ... fail
    # to arrest" asks whom, but not whom one dealt with: the fact does not name the suspect
    for question in ("the icc president with whom the dutch minister spoke, what's her name?",
                     "who is the EU high representative the dutch FM spoke with",
                     "who exactly did hungary fail to arrest back then"):
        assert desk.answerer.ask(question).status == "partial", question


def test_a_contact_detail_is_held_only_by_that_kind_of_detail(desk: Desk) -> None:
    # LRWC's statement gives an e-mail address: it answers "email", not "phone" or "postal address"
    assert top(desk, "lrwc email address pls") == "about-lrwc"
    assert top(desk, "LRWC, leur adresse mail svp") == "about-lrwc"
    assert top(desk, "what's the best way to get in touch with lawyers rights watch canada?") == "about-lrwc"
    for question in ("do we have a phone number for lrwc", "what's lrwc's street address"):
        assert desk.answerer.ask(question).status != "answered", question


def test_a_successor_asked_needs_a_fact_that_reports_a_succession(desk: Desk) -> None:
    # the FIDH President is named, but no fact reports who came after him
    for question in ("who replaced alexis deswaef at fidh", "who is the successor of the fidh president"):
        assert desk.answerer.ask(question).status == "partial", question


def test_a_title_asked_first_is_a_title_whoever_else_is_asked_after(desk: Desk) -> None:
    # the fact gives the book's subject and date, not its title; "who publishes it" does not make it a person
    answer = desk.answerer.ask("jimenez's new book - what's it titled, and who is the publisher?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_doc_title")


def test_a_decision_number_is_no_amount(desk: Desk) -> None:
    # "ICC-01/11-209" is the decision's symbol, not a sum the Court fined anyone
    answer = desk.answerer.ask("how much did the court fine italy over the non-compliance?")
    assert answer.status != "answered", [h.fact.id for h in answer.hits]


def test_letters_spelt_out_by_a_curated_name_whose_initials_skip_only_linking_words(desk: Desk) -> None:
    # "International Covenant on Civil and Political Rights": the R of "Rights" counts, "on" and "and" do not
    for question in ("ICCPR expansion?", "what's UDHR stand for again"):
        answer = desk.answerer.ask(question)
        assert (answer.status, answer.hits[0].fact.id) == ("answered", "sanctions-breach-human-rights-law"), question


@pytest.mark.parametrize("question", [
    "who's the icc registrar mentioned in the lrwc footnotes", "name of the icc registrar in lrwc's footnotes?",
])
def test_a_footnote_says_where_something_is_cited_not_what_about(desk: Desk, question: str) -> None:
    assert top(desk, question) == "russia-warrants-against-icc-officials"



@pytest.mark.parametrize("question", [
    "Our coalition is drafting a joint statement. What did FIDH urge states to do at ASP24?",
    "We're writing a joint submission. What did FIDH urge states to do at ASP24?",
    "We're preparing a post-session op-ed. What did FIDH urge states to do at ASP24?",
    "I'm drafting our post-ASP newsletter. What were FIDH's asks to states at ASP24?",
])
def test_the_statement_a_member_is_drafting_is_their_errand_not_the_subject(desk: Desk, question: str) -> None:
    assert top(desk, question) == "fidh-asks-at-asp24"


@pytest.mark.parametrize("question", ["ASP24 when?", "asp24 where and when", "asp24 where + when", "asp24 where"])
def test_a_question_word_typed_last_is_read_as_asked_first(desk: Desk, question: str) -> None:
    assert top(desk, question) == "asp24-dates-and-venue"


@pytest.mark.parametrize(("written", "lang", "read"), [
    ("ASP24 when?", "en", "when ASP24?"), ("AEP24 quand et où ?", "fr", "quand et où AEP24?"),
    ("the dutch FM talked with whom?", "en", "the dutch FM talked with whom?"),  # the question word ends a phrase
    ("aep24 c du combien au combien ?", "fr", "aep24 c du combien au combien ?"),
    ("what happened at asp24 and when?", "en", "what happened at asp24 and when?"),  # already opens with one
])
def test_which_question_words_typed_last_move(written: str, lang: str, read: str) -> None:
    assert word_order.question_word_first(written, lang) == read


@pytest.mark.parametrize("question", [
    "who won the Tour de France in 2025?",
    "Le Congrès a-t-il adopté une loi contre la CPI ?",
    "Which part of the US Treasury keeps the list of sanctioned ICC officials?",
    "Tour de France 2025 vainqueur ?",  # a name opening the question: its first word before "de France"
    "Apple iPhone 17 release date?",  # a brand's inner capital
])
def test_an_everyday_word_typed_as_a_name_is_the_subject_not_a_paraphrase(desk: Desk, question: str) -> None:
    assert desk.answerer.ask(question).status == "declined"  # "Tour", "Congrès", "Treasury": no fact covers them


@pytest.mark.parametrize("question", [
    "c'est quoi le salaire des juges de la CPI ?",
    "what do the sanctioned judges get paid a year?",
])
def test_what_someone_is_paid_is_a_sum_no_other_figure_gives(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)  # the facts about the judges count them and date their sanctions
    assert (answer.status, answer.missing_key) == ("partial", "missing_number")


@pytest.mark.parametrize("question", [
    "Depuis quel jour précis le procureur est-il en congé ?",
    "since what day exactly has the prosecutor been on leave?",
])
def test_the_exact_day_something_began_is_not_the_day_a_source_saw_it_so(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)  # "as of 1 December 2025 the Prosecutor was on leave": not since then
    assert (answer.status, answer.missing_key) == ("partial", "missing_day")


def test_chat_shortenings_of_conversations_and_messages_are_read_as_the_words(desk: Desk) -> None:
    # "convos", "msgs": chat for the words the facts use, not unknown words that sink the question
    assert words("the FM's convos and msgs") == words("the FM's conversations and messages")
    assert top(desk, "the dutch FM had convos with whom after the june sanctions") == "reactions-june-2025-sanctions"


def test_where_after_the_verb_of_a_long_subject_asks_a_place(desk: Desk) -> None:
    # the fact names the UN standards the sanctions breach, not where they were adopted
    for question in ("the UN basic principles on the independence of the judiciary - adopted where?",
                     "the basic principles on the role of lawyers, adopted where?"):
        answer = desk.answerer.ask(question)
        assert (answer.status, answer.missing_key) == ("partial", "missing_place"), question


@pytest.mark.parametrize(("question", "fact"), [
    ("Hi all. I'm putting together a one-pager for our steering group in Kampala. Which article of the Rome "
     "Statute sets out the general duty to cooperate?", "article-86-duty-to-cooperate"),
    ("We're writing a memo for our partners in Bogotá about the arrears. How much did States Parties owe the Court "
     "in February 2025?", "arrears-74-million-feb-2025"),
    ("Je rédige une note pour notre comité à Kinshasa sur les sanctions américaines. Qui a été sanctionné en juin "
     "2025 ?", "us-sanctions-four-judges-june-2025"),
])
def test_the_errand_told_before_a_question_is_not_its_subject(desk: Desk, question: str, fact: str) -> None:
    # the city and the board the answer is for are named by no fact: they must not sink the question
    assert top(desk, question) == fact


def test_an_errand_keeps_what_it_is_about_and_a_report_is_no_errand() -> None:
    assert without_errand("I'm drafting a memo for our board on the budget. How much is it?") == \
        "the budget. How much is it?"
    assert without_errand("Bonsoir. Nous préparons une fiche pour notre réseau à Lomé. Qui préside l'AEP ?") == \
        "Bonsoir. Qui préside l'AEP ?"
    told = "I read that the Court changed its email provider. Why?"  # what was read is the subject
    assert without_errand(told) == told
    assert without_errand("I'm preparing a note for our board.") == "I'm preparing a note for our board."


def test_the_state_department_is_no_departure(desk: Desk) -> None:
    # "department" and "départ(ement)" stem alike: withdrawing from the Statute is not a State Department release
    for question in ("Which states announced their withdrawal from the Rome Statute?",
                     "When are the four departures from the Court due to happen?"):
        assert top(desk, question) != "us-further-sanctions-august-2025", question
    assert stem("department") != stem("depart") and FRENCH.stem("departement") != FRENCH.stem("departs")
    assert top(desk, "what did the state department announce in august 2025") == "us-further-sanctions-august-2025"


@pytest.mark.parametrize("question", ["Osvaldo Zavala Giler - who's that?", "c'est qui Osvaldo Zavala Giler ?"])
def test_who_someone_named_is_is_held_by_the_fact_naming_them(desk: Desk, question: str) -> None:
    # his name is also in a source's publisher ("Registrar Osvaldo Zavala Giler"), and the fact says it names
    # none of the officials Russia targets: neither keeps it from saying who he is
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", "russia-warrants-against-icc-officials")


@pytest.mark.parametrize("question", ["which ICC officials did Russia issue warrants against?",
                                      "who did Burkina Faso fail to arrest, per HRW?"])
def test_whom_a_fact_says_it_does_not_name_stays_unnamed(desk: Desk, question: str) -> None:
    assert desk.answerer.ask(question).status == "partial"  # a state named in full is not whom it failed to arrest


@pytest.mark.parametrize("question", [
    "CICC wants blocking laws adopted - which one does it hold up as an example?",
    "which blocking statute did CICC point to as an example?",
    "CICC cite quelle loi de blocage en exemple ?",
])
def test_an_instance_held_up_as_an_example_is_named_by_the_fact_naming_it(desk: Desk, question: str) -> None:
    # "hold up as an example" frames what is asked, which statute: not a word a fact must hold; and the call to
    # action, which asks for blocking statutes without naming one, does not answer "which blocking statute"
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", "blocking-statute-calls")


def test_which_statute_asks_a_name_but_which_rome_statute_article_does_not() -> None:
    assert intent.read("which blocking statute do they point to", holds.ENGLISH).kind == "names"
    # asked "as an example", it is the example given (bot.core.question_kinds: "example")
    assert intent.read("which blocking statute do they give as an example", holds.ENGLISH).kind == "example"
    assert intent.read("which Rome Statute article obliges states to cooperate", holds.ENGLISH).kind != "names"


@pytest.mark.parametrize(("question", "fact"), [
    ("which official at State signed the sanctions releases LRWC lists, and what dates were they?",
     "us-sanctions-timeline-2025"),
    ("LRWC leans on a speech by the ICC Registrar: which Registrar, and where did he give it?",
     "russia-warrants-against-icc-officials"),
])
def test_whom_a_question_asks_by_office_is_named_whoever_else_the_fact_does_not_name(desk: Desk, question: str,
                                                                                     fact: str) -> None:
    # "who ... and when": the fact names the Registrar (the releases' author) in full; its saying it names neither
    # the officials Russia targets nor whom each release designated is about other people
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", fact)


def test_whom_a_fact_says_it_does_not_name_stays_unnamed_beside_a_date(desk: Desk) -> None:
    assert desk.answerer.ask("which ICC officials did Russia target with warrants, and when?").status == "partial"


def test_a_role_at_a_numbered_session_is_when_not_whose(desk: Desk) -> None:
    # "the Registrar at ASP23" is the Court's Registrar when the 23rd session met, not a Registrar of the Assembly;
    # "the President of the ASP" stays the Assembly's
    answer = desk.answerer.ask("which person was the ICC Registrar at ASP 23, going by LRWC's notes?")
    assert (answer.status, answer.hits[0].fact.id) == ("answered", "russia-warrants-against-icc-officials")
    assert intent.read("who was the registrar at asp 23", holds.ENGLISH).org == ()
    assert intent.read("who is the president of the asp", holds.ENGLISH).org == ("asp",)


@pytest.mark.parametrize(("question", "shown"), [
    ("did the assembly take any action against italy for not arresting the suspect?", "non-cooperating-states-2025"),
    ("did ASP24 impose penalties on hungary for failing to arrest?", "non-cooperating-states-2025"),
    ("was tajikistan punished for not arresting anyone?", "non-cooperating-states-2025"),
    ("L'Assemblée a-t-elle adopté des mesures contre la Mongolie ?", "non-cooperating-states-2025"),
    ("so was the prosecutor cleared by the external investigation?", "prosecutor-on-leave-external-investigation"),
    ("did the external inquiry clear him or not", "prosecutor-on-leave-external-investigation"),
])
def test_whether_the_assembly_acted_or_an_inquiry_cleared_someone_asks_what_came_of_it(desk: Desk, question: str,
                                                                                       shown: str) -> None:
    # the facts report what the Assembly would address and an investigation awaited: neither says what came of it
    answer = desk.answerer.ask(question)
    assert intent.read(question, FRENCH if answer.lang == "fr" else holds.ENGLISH).kind == "outcome"
    assert answer.status != "answered", answer.hits[:1]
    assert answer.status == "declined" or answer.hits[0].fact.id == shown


@pytest.mark.parametrize("question", ["when did the icc prosecutor start his leave of absence?",
                                      "Le procureur est parti en congé quand ?"])
def test_a_date_a_state_is_observed_on_is_not_when_it_began(desk: Desk, question: str) -> None:
    # "As of 1 December 2025 the Prosecutor was on leave": on leave by then, since a day the fact does not give
    answer = desk.answerer.ask(question)
    assert answer.status == "partial", answer.hits[:1]
    assert desk.answerer.ask("is the prosecutor on leave as of december 2025?").status == "answered"


@pytest.mark.parametrize(("question", "kind"), [("mongolia - who didnt they arrest?", "person"),
                                               ("how did italy justify letting the suspect go?", "reason")])
def test_who_was_not_arrested_or_how_it_was_justified_needs_a_fact_that_says(desk: Desk, question: str,
                                                                            kind: str) -> None:
    # the fact names the states and says neither source names the suspects; it gives no state's reasons
    assert intent.read(question, holds.ENGLISH).kind == kind
    assert desk.answerer.ask(question).status != "answered"


@pytest.mark.parametrize(("question", "shown"), [
    ("what german software is the court using now?", "icc-it-microsoft-replaced"),
    ("whats that german platform the icc moved to", "icc-it-microsoft-replaced"),
    ("le nom exact du logiciel allemand de la CPI ?", "icc-it-microsoft-replaced"),
    ("which group was behind the cyber incident at the icc?", "icc-cyberattacks-2025"),
    ("which Russian officials put out the warrants against ICC officials?", "russia-warrants-against-icc-officials"),
])
def test_a_name_asked_with_a_word_of_description_needs_a_fact_that_gives_it(desk: Desk, question: str,
                                                                            shown: str) -> None:
    # "what German software" asks its name as "which software" does; "which state was behind" whom it is
    # attributed to; "which Russian judges" their names: the facts say they do not name them, or blame no one
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("partial", shown), (answer.status, answer.hits[:1])


def test_what_was_dropped_is_named_by_the_fact_naming_it(desk: Desk) -> None:
    # no word of description: "what software did the ICC drop" is answered by "ditched Microsoft"
    assert top(desk, "what software did the icc drop because of the sanctions?") == "icc-it-microsoft-replaced"


@pytest.mark.parametrize(("question", "letters"), [("what is HRW's full name?", "hrw"),
                                                  ("what's CICC in full?", "cicc"),
                                                  ("what's the full name of the CICC?", "cicc")])  # not "the"
def test_an_acronym_s_full_name_is_what_its_letters_stand_for(question: str, letters: str) -> None:
    wants = intent.read(question, holds.ENGLISH)
    assert (wants.kind, wants.focus) == ("expansion", (letters,))


def test_a_name_given_as_an_example_of_those_targeted_is_no_one_speaking(desk: Desk) -> None:
    # "FIDH gives ... Francesca Albanese as examples of those targeted, and calls the ASP24 statements a welcome
    # step": FIDH calls, Albanese is not quoted
    answer = desk.answerer.ask("what did francesca albanese say when the omnibus resolution came out?")
    assert answer.status == "partial" and answer.missing == "what francesca albanese said", answer.hits[:1]


@pytest.mark.parametrize("question", ["when did alexis deswaef become president of fidh?",
                                      "Deswaef a été élu président de la FIDH quand ?"])
def test_when_someone_was_chosen_needs_a_date_beside_the_choice(desk: Desk, question: str) -> None:
    # the fact quotes FIDH's President in December 2025; that is when he spoke, not when he was elected
    answer = desk.answerer.ask(question)
    assert answer.status == "partial", answer.hits[:1]
    assert top(desk, "when are the six judges to be elected?") == "elections-2026-judges-and-bureau"


def test_which_country_joined_needs_a_fact_saying_one_joined(desk: Desk) -> None:
    # the count of 125 names Hungary, Burkina Faso, Mali and Niger as leaving, none as joining
    answer = desk.answerer.ask("which country ratified the rome statute to make it 125 states parties?")
    assert answer.status == "partial", answer.hits[:1]
    assert top(desk, "which country surrendered duterte to the icc") == "duterte-surrendered-to-icc"


@pytest.mark.parametrize("question", ["on connait deja les candidats pour les 6 postes de juges 2026 ?",
                                      "Quels sont les candidats aux six postes de juges en 2026 ?",
                                      "can you list the candidates for the six judge seats in 2026?"])
def test_the_candidates_asked_for_are_their_names(desk: Desk, question: str) -> None:
    # the fact says six judges are to be elected in 2026; it names no one running
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id, answer.missing_key) == (
        "partial", "elections-2026-judges-and-bureau", "missing_names")
    # a question about too few candidates asks what Opinio Juris proposes, not who is running
    assert top(desk, "and if there arent enough candidates for those bodies?") == "subsidiary-body-elections-merit"


@pytest.mark.parametrize(("question", "fact"), [
    ("does LRWC say ratifying the Rome Statute is enough?", "lrwc-words-are-not-enough"),
    ("Pour LRWC, suffit-il de ratifier le Statut de Rome ?", "lrwc-words-are-not-enough"),
    ("HRW conseille quel outil pour limiter l'impact des sanctions ?", "blocking-statute-calls"),
])
def test_what_the_sources_add_to_a_call_is_in_the_fact(desk: Desk, question: str, fact: str) -> None:
    # LRWC: "formal ratification of the Rome Statute is not enough"; HRW: tools "to mitigate their impact"
    assert top(desk, question) == fact


@pytest.mark.parametrize(("question", "fact"), [
    ("la CCPI demande quoi pour les prestataires de services et les banques ?", "cicc-call-to-action-june-2025"),
    ("what does the coalition want states to do after the june sanctions on judges?", "cicc-call-to-action-june-2025"),
])
def test_what_someone_asks_is_the_fact_reporting_their_call(desk: Desk, question: str, fact: str) -> None:
    # "CICC warned that banks might cut ties" and "the US sanctioned four judges" share the words; the call is asked
    assert top(desk, question) == fact


def test_pressure_is_no_call(desk: Desk) -> None:
    # "despite all the pressure": what HRW counts as wins, not what anyone pressed for
    assert top(desk, "despite all the pressure, what wins does HRW say the court had this year?") == (
        "duterte-surrendered-to-icc")


def test_guessing_typos_stops_after_a_few_words_that_are_near_no_word_of_the_store(tmp_path, monkeypatch) -> None:
    desk = Desk.open(tmp_path / "guesses.db")
    vocabulary = desk.answerer.vocabulary
    guessed: list[str] = []
    real = vocabulary.guess
    monkeypatch.setattr(vocabulary, "guess", lambda term: guessed.append(term) or real(term))
    answer = desk.answerer.ask("qzxwvk pqjxzr vbnmqx wqzpxj kxqzvw jzqxwp vkwqzx")  # seven words near none
    assert answer.status == "declined"
    assert len(guessed) == answering.MAX_MISSES, guessed
    desk.close()
