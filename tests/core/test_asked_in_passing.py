"""What a question asks without its usual question words: a sum in a currency ("the budget in US dollars"), whose
words behind a long name and a hedge ("what did Spain's foreign ministry actually say"), an address."""

from __future__ import annotations

import pytest

from bot.core import doc_titles, intent, spelt_out
from bot.core.desk import Desk
from bot.core.text import fold
from tests.conftest import top


@pytest.mark.parametrize(("question", "missing"), [
    # the budget fact gives euros only
    ("and the ICC's 2026 budget in US dollars?", "missing_currency"),
    # the reactions' fact lists the Dutch ministry among those who reacted, but quotes none of them
    ("what did the Netherlands' foreign affairs ministry actually say about the judges' sanctions?", "missing_said"),
    ("what is the street address of LRWC?", "missing_contact"),
    # whom asked after the verb: the fact says neither source names the suspects
    ("Tajikistan failed to arrest whom, and when?", "missing_person"),
])
def test_asked_in_passing(asking_desk: Desk, question: str, missing: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", missing)


def test_an_address_is_contact_details() -> None:
    assert intent.read("do you have FIDH's office address?").kind == "contact"


def test_a_sum_in_the_facts_currency_is_answered(asking_desk: Desk) -> None:
    assert top(asking_desk, "the 2026 ICC budget in euros?") == "budget-2026-193-million"


@pytest.mark.parametrize("question", [
    "hrw mentions a darfur conviction - who was convicted, as in what role",
    "la condamnation pour le Darfour c'était qui comme profil ?",
])
def test_who_asked_with_what_role_takes_a_description(asking_desk: Desk, question: str) -> None:
    """The fact describes him ("a former Janjaweed militia leader") without naming him: that is what was asked."""
    assert top(asking_desk, question) == "janjaweed-leader-convicted-darfur"


def test_who_alone_still_asks_for_a_name(asking_desk: Desk) -> None:
    answer = asking_desk.answerer.ask("hrw mentions a darfur conviction, who was convicted")
    assert (answer.status, answer.missing_key) == ("partial", "missing_person")


@pytest.mark.parametrize("question", [
    "when did hungary fail to arrest someone and who was it",
    "Le Tadjikistan n'a pas arrêté qui, et c'était quand ?",
])
def test_a_second_ask_the_fact_says_it_lacks(asking_desk: Desk, question: str) -> None:
    """The fact names the states but says "neither source names the suspects": not an answer to "and who"."""
    assert asking_desk.answerer.ask(question).status == "partial"


def test_each_clause_is_read_for_what_it_asks() -> None:
    assert intent.read("tajikistan failed to arrest who, and when was the visit").also == frozenset({"person"})
    assert intent.read("when did the assembly meet?").also == frozenset()


def test_a_count_before_a_participle_counts_the_noun(asking_desk: Desk) -> None:
    """"the five judges sanctioned in June": five judges, where the fact says four."""
    answer = asking_desk.answerer.ask("what were the five judges sanctioned in june accused of by the US?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_count_of")


@pytest.mark.parametrize("question", [
    "how much money have the US sanctions cost the court so far",
    "Au total, les sanctions américaines ont coûté combien en euros à la Cour ?",
])
def test_a_cost_is_not_any_sum(asking_desk: Desk, question: str) -> None:
    """The budget fact gives sums, none of them a cost of the sanctions."""
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_number")


def test_how_much_was_the_subject_doing(asking_desk: Desk) -> None:
    """"How much was the Court missing": the Court lacked the sum; it is not the thing counted."""
    assert intent.read("How much was the Court missing in assessed contributions as of February 2025?").focus == ()
    question = "how much was the court owed in assessed contributions as of feb 2025"
    assert top(asking_desk, question) == "arrears-74-million-feb-2025"
    # short of it: "how much was the ICC short in contributions" counts what it lacked, not the ICC
    assert intent.read("how much was the ICC short in contributions as of Feb 2025?").focus == ()
    assert top(asking_desk, "how much was the ICC short in contributions as of Feb 2025?") == (
        "arrears-74-million-feb-2025")


@pytest.mark.parametrize("question", [
    "What penalty did the ASP impose on Italy at ASP24 for failing to cooperate?",
    "was the 2026-2029 strategic plan adopted at asp24?",
])
def test_what_the_assembly_decided_is_an_outcome(asking_desk: Desk, question: str) -> None:
    """A fact saying the Assembly "would address" failures to arrest, or that a plan is being drafted, reports no
    decision: partial."""
    assert intent.read(question).kind == "outcome"
    assert asking_desk.answerer.ask(question).status == "partial"


def test_a_person_two_words_after_which_is_a_person_asked(asking_desk: Desk) -> None:
    """"Which dutch foreign minister" asks for the minister's name, which the fact says it does not give."""
    answer = asking_desk.answerer.ask("which dutch foreign minister made the statement on the judges sanctions")
    assert answer.status == "partial"


def test_did_it_find_anything_asks_what_came_of_it(asking_desk: Desk) -> None:
    """The fact says the Prosecutor was awaiting the investigation's outcome: it reports no findings."""
    answer = asking_desk.answerer.ask("did the external investigation into the prosecutor find anything?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_outcome")


@pytest.mark.parametrize("question", [
    "asp24 - was it 1-5 dec or 1-6 dec? i keep seeing both",
    "good afternoon! for our briefing memo, the dates of the 24th Assembly session please",
])
def test_a_range_of_days_and_a_greeting_are_not_subjects(asking_desk: Desk, question: str) -> None:
    """"1-5 Dec" is days 1 to 5 (not "15", which no fact holds; "op-ed" stays one word), and "good afternoon" and
    "for our briefing memo" say nothing of what is asked."""
    assert top(asking_desk, question) == "asp24-dates-and-venue"


def test_two_letter_pieces_join_but_numbers_do_not() -> None:
    assert intent.searched("the op-ed on 1-5 dec").split() == ["the", "oped", "on", "1-5", "dec"]


@pytest.mark.parametrize(("question", "expected"), [
    ("what does E.O. stand for in the statement on the judges?", "us-executive-order-14203"),
    ("why does the coalition consider sanctions on sitting judges that serious", "us-sanctions-four-judges-june-2025"),
    ("pourquoi HRW estime que les sanctions ont un effet qui dépasse largement les personnes visées ?",
     "sanctions-effects-banking-services"),
    ("why is the prosecutor away at the moment?", "prosecutor-on-leave-external-investigation"),
])
def test_how_a_question_is_put_is_not_its_subject(asking_desk: Desk, question: str, expected: str) -> None:
    """"E.O." is spelt out by the curated synonym the fact uses ("Executive Order 14203"); whether a source
    "considers" or "estime" something, and "at the moment", say how it is asked, not what about."""
    assert top(asking_desk, question) == expected


def test_another_bodys_president_is_not_the_one_asked(asking_desk: Desk) -> None:
    """The plenary fact reports what "FIDH President Alexis Deswaef" said: not the words of the ICC's president."""
    answer = asking_desk.answerer.ask("so what did the icc president say in her asp24 speech?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_said")
    assert top(asking_desk, "what did FIDH's president say at the cooperation plenary?") is not None


def test_the_acronym_asked_is_the_one_written_in_capitals(asking_desk: Desk) -> None:
    question = "hi, new here - the statements keep mentioning APIC. what does the acronym stand for?"
    assert intent.read(question).focus == ("apic",)
    assert top(asking_desk, question) == "apic-ratification-calls"


def test_when_and_where_the_next_session_is_needs_a_date_to_come(asking_desk: Desk) -> None:
    """The one session the facts date is ASP24, past: not where or when the next one is."""
    assert asking_desk.answerer.ask("where and when is the next ASP session happening?").status == "partial"


@pytest.mark.parametrize(("question", "expected"), [
    ("so what is LRWC, in one sentence?", "about-lrwc"),
    ("how come the prosecutor is absent these days", "prosecutor-on-leave-external-investigation"),
    ("is the icc still worth defending despite everything, per hrw", "asp24-hrw-expectations"),
    ("which topics did fidh's side events deal with", "asp24-fidh-side-events"),
])
def test_how_much_and_in_what_terms_is_not_what(asking_desk: Desk, question: str, expected: str) -> None:
    """"In one sentence", "despite" and "topics" say how an answer is wanted; "absent" is the curated "on leave"."""
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize("question", [
    "lrwc says the deputy prosecutors were sanctioned too - what are their names?",
    "the icc deputy prosecutors who got sanctioned, names pls",
])
def test_their_names_asks_for_names(asking_desk: Desk, question: str) -> None:
    """The fact lists "the ICC Deputy Prosecutors" among those sanctioned without naming them."""
    answer = asking_desk.answerer.ask(question)
    assert intent.read(question).kind == "person"
    assert answer.status == "partial"


@pytest.mark.parametrize("question", [
    "can anyone recommend a good beginner book on roman history",
    "recommend me a crime drama to binge this weekend",
    "tu me conseilles un bon film sur la CPI ?",
    "recommande-moi un bon livre sur les crimes de guerre",
    "any podcasts to recommend on the icc?",
    "recommend me a good running shoe for a first marathon?",
    "can u recommend a beginner marathon training plan",
    "any good novel recs for a long flight",
    "tell me a joke pls, long day at the assembly",
    "weather in the hague this weekend? going for asp drinks lol",
    "any idea if it's going to rain in The Hague tomorrow? walking to the venue",
    "exchange rate euro to us dollar today?",
    "le cours euro dollar aujourd'hui ?",
    "C'est quoi le cours de l'action Apple aujourd'hui ?",
])
def test_a_thing_to_recommend_a_joke_or_the_weather_is_no_fact(asking_desk: Desk, question: str) -> None:
    """No fact is a book, film, recipe or running shoe to recommend, a joke, the weather or a market price, whatever
    domain word the request carries ("crime", "assembly", "Hague", "euro")."""
    assert asking_desk.answerer.ask(question).status == "declined"


def test_what_a_source_recommends_is_still_asked(asking_desk: Desk) -> None:
    assert top(asking_desk, "what does the coalition recommend states do about the sanctions") == (
        "cicc-call-to-action-june-2025")
    assert top(asking_desk, "lrwc recs for states parties, short version pls") == "lrwc-recommendations-asp24"
    # LRWC's statement is the one titled "Ending Impunity for Atrocity Crimes Requires Action"
    assert top(asking_desk, "which ngo put out key recs for asp24 called ending impunity") == (
        "lrwc-words-are-not-enough")


def test_a_discussion_is_where_it_was_said(asking_desk: Desk) -> None:
    """"The workplace culture discussion": where a member heard of it, as "statement" or "piece" is."""
    assert top(asking_desk, "so what came out of that discussion on workplace culture?") == \
        "workplace-culture-at-the-court"


def test_sets_out_is_how_a_rule_is_asked(asking_desk: Desk) -> None:
    assert top(asking_desk, "what part of the statute sets out the general duty to cooperate that lrwc relies on?") \
        == "article-86-duty-to-cooperate"


def test_the_exact_number_of_something_asks_a_figure(asking_desk: Desk) -> None:
    """The side events fact lists events without counting them."""
    answer = asking_desk.answerer.ask("the exact number of side events fidh co-sponsored?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_number")


@pytest.mark.parametrize(("question", "fact"), [
    # "official" and "date" say what kind of detail is asked; the facts give a name and a date without the word
    ("Which US official announced the sanctions on the four judges?", "us-sanctions-four-judges-june-2025"),
    ("what date did fidh release its statement on the asp24 results", "asp24-fidh-overall-assessment"),
])
def test_a_word_naming_the_kind_asked_weighs_little(asking_desk: Desk, question: str, fact: str) -> None:
    assert top(asking_desk, question) == fact


def test_a_month_asked_is_one_the_fact_names(asking_desk: Desk) -> None:
    """The release of 20 August names the Secretary of State too, but the sanctions asked about were June's."""
    assert top(asking_desk, "who at the state dept announced the judges sanctions in june") == \
        "us-sanctions-four-judges-june-2025"


def test_a_month_no_fact_is_about_gets_a_partial_reply(asking_desk: Desk) -> None:
    answer = asking_desk.answerer.ask("which NGOs did the US sanction in October?")
    assert (answer.status, answer.missing_key, answer.missing_values) == \
        ("partial", "missing_years", {"years": "october"})


def test_concrete_is_how_an_ask_is_put(asking_desk: Desk) -> None:
    """"Concrete" asks for the detail of what is asked ("concrete steps"), as "exactly" does: the fact that lists
    the Coalition's cooperation asks need not say "concrete"."""
    assert top(asking_desk, "what concrete things does the cicc want states to do to cooperate fully") == \
        "cicc-cooperation-asks-june-2025"


@pytest.mark.parametrize(("acronym", "text", "spelt"), [
    ("APIC", "the Agreement on the Privileges and Immunities of the ICC (APIC), adopted in 2002", True),
    ("CICC", "la Coalition pour la CPI (CICC) demande", True),
    ("FIDH", "la plénière coopération (FIDH) a eu lieu", False),
    ("APIC", "APIC (Agreement on Privileges and Immunities) is", True),
])
def test_letters_spelt_out_beside_them(acronym: str, text: str, spelt: bool) -> None:
    """The words before "(APIC)" are read back from the brackets, as they were found from the text's start."""
    assert spelt_out._spelt_out(acronym, text) is spelt


@pytest.mark.parametrize(("question", "expected"), [
    ("wut is APIC", "apic-ratification-calls"),  # a chat spelling of "what"
    ("APIC is everywhere in the NGO asks. What does it really stand for?", "apic-ratification-calls"),
    ("who is LRWC? never heard of it", "about-lrwc"),
])
def test_chat_asides_and_pronouns_around_letters(asking_desk: Desk, question: str, expected: str) -> None:
    """"Wut" is "what"; "what does it really stand for" asks for the letters the question opened with, not for
    "really"; "never heard of it" is an aside, as French "jamais entendu parler" is."""
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize("question", [
    "when does jimenez's new book come out?",
    "jimenez's book on the assembly, when is it coming out",
])
def test_a_book_comes_out_on_the_date_it_is_published(asking_desk: Desk, question: str) -> None:
    # a book is a publication, whose date is when it is published; "coming out" is that, not "the coming session"
    assert top(asking_desk, question) == "about-ezequiel-jimenez"
    assert intent.read("when is the coming session").future


@pytest.mark.parametrize("question", [
    "what is jimenez's forthcoming book titled?",
    "c'est quoi le titre du livre de Jimenez ?",
    "le nouveau bouquin de Jimenez, il s'intitule comment ?",
])
def test_the_title_of_a_publication_is_only_in_a_fact_that_quotes_it(asking_desk: Desk, question: str) -> None:
    answer = asking_desk.answerer.ask(question)  # the fact on his book gives its subject and date, not its title
    assert (answer.status, answer.missing_key) == ("partial", "missing_doc_title")


def test_a_quoted_title_of_the_kind_of_publication_asked_answers(asking_desk: Desk) -> None:
    assert top(asking_desk, "what's the title of the opinio juris post on asp24?") == "asp24-not-business-as-usual"
    assert top(asking_desk, "what's the HRW summary called?") == "asp24-hrw-expectations"
    # a name asked beside another detail: "called" is not a call
    assert top(asking_desk, "what is the executive order actually called, and when was it issued") == (
        "us-executive-order-14203")
    # "called on" is a call, not a title
    assert intent.read("what did lrwc's statement say it called on states to do").kind != "doc_title"


def test_a_quoted_title_of_another_kind_of_publication_is_no_answer() -> None:
    post = 'The post is titled "The 24th Session of the Assembly of States Parties: Time to Act".'
    assert not doc_titles.gives_title("what s the title of his book", post, fold(post))
    assert doc_titles.gives_title("what s the title of his post", post, fold(post))
    assert doc_titles.gives_title("what s it called", post, fold(post))  # no kind asked: any quoted title
    untitled = "The post gives no title."
    assert not doc_titles.gives_title("what s the title of his post", untitled, fold(untitled))


@pytest.mark.parametrize("question", [
    "what's the total amount of the 2026 budget",
    "montant total du budget 2026 de la cpi ?",
])
def test_a_total_amount_asks_for_the_figure_not_for_the_word_amount(asking_desk: Desk, question: str) -> None:
    assert top(asking_desk, question) == "budget-2026-193-million"


@pytest.mark.parametrize("question", ["what did the icc president say in her report to asp24",
                                      "What did the Registrar tell ASP24 in his report to the Assembly?"])
def test_a_report_named_is_not_a_report_of_what_was_said(asking_desk: Desk, question: str) -> None:
    """Opinio Juris urges states to listen to "the reports of the Court President, the Registrar ...": it names
    their reports, it does not say what was in them."""
    answer = asking_desk.answerer.ask(question)
    assert answer.status == "partial"
    assert answer.hits[0].fact.id == "asp24-general-debate-and-reports"
