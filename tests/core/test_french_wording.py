"""French wordings that read as loose words unless the pipeline knows them: the Court's full name inside a longer
phrase, and the words that say how something is asked rather than what about. Each question is in words no blind
set used."""

from __future__ import annotations

import pytest

from bot.core import holds, intent
from bot.core.desk import Desk
from bot.core.fact_tokens import fact_tokens
from bot.core.language import detect
from bot.core.text import ENGLISH, Synonyms
from bot.core.text_fr import FRENCH
from tests.conftest import top


def test_the_longest_name_wins_where_names_overlap() -> None:
    # "la cour" is a name of the Court too; read first, it left "pénale internationale" as two loose words
    synonyms = Synonyms([["cpi", "cour penale internationale", "la cour"], ["juges", "magistrats"]], FRENCH)
    found, rest = synonyms.concepts("les juges de la Cour pénale internationale, et la Cour")
    assert [c.label for c in found] == ["juges", "cour penale internationale"]
    assert rest == []


@pytest.mark.parametrize(("question", "expected"), [
    ("C'est qui la représentante de la FIDH auprès de la Cour pénale internationale ?",
     "fidh-over-compliance-financial-channels"),
    ("La FIDH est représentée auprès de la Cour pénale internationale par qui ?",
     "fidh-over-compliance-financial-channels"),
])
def test_the_courts_full_name_after_la(asking_desk: Desk, question: str, expected: str) -> None:
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    # "concret", "inédit", "apporte", "mentionne": how the question is asked, as "concretely" and "mention" are
    ("Quel exemple concret de loi de blocage la Coalition mentionne-t-elle ?", "blocking-statute-calls"),
    ("La résolution omnibus de l'AEP24 apporte quoi d'inédit sur les sanctions ?", "asp24-omnibus-condemns-sanctions"),
])
def test_words_that_say_how_a_question_is_asked(asking_desk: Desk, question: str, expected: str) -> None:
    assert top(asking_desk, question) == expected


def test_the_name_of_an_office_asks_for_its_holder(asking_desk: Desk) -> None:
    # "comment s'appelle" is "what is ... called", not "la CICC appelle les États" (a call); and the name of the
    # ICC's president is the holder of that office: the FIDH president's fact does not hold it
    answer = asking_desk.answerer.ask("Comment s'appelle le président de la CPI ?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_role_of")
    assert top(asking_desk, "Comment s'appelle la présidente de la FIDH ?") == "fidh-president-on-impunity"


@pytest.mark.parametrize("question", [
    "Qu'a dit exactement l'Espagne à propos des sanctions contre les juges ?",
    "Qu'a dit précisément l'Espagne sur les sanctions visant les juges ?",
])
def test_a_hedge_before_whose_words_are_asked(asking_desk: Desk, question: str) -> None:
    # the reactions' fact lists Spain's ministry among those who reacted, but does not quote what each said
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key, answer.missing_values) == ("partial", "missing_said", {"who": "Espagne"})


def test_a_session_name_is_the_assembly_and_its_number() -> None:
    # "ASP24", "l'AEP24": a fact about the 24th session is about the Assembly too
    assert ENGLISH.words("At ASP24 (asp-24)") == ["at", "asp", "24", "asp", "24"]
    assert FRENCH.words("à l'AEP24") == ["aep", "24"]


@pytest.mark.parametrize("question", [
    "Le document d'information FIDH/REDRESS lancé pendant l'Assemblée, il a quel titre ?",
    "Quel titre porte le document conjoint que la FIDH et REDRESS ont présenté pendant l'Assemblée ?",
])
def test_the_assembly_named_without_its_session(asking_desk: Desk, question: str) -> None:
    # the fact says the paper was launched at AEP24; the question says "l'Assemblée"
    assert top(asking_desk, question) == "fidh-redress-heads-of-state-paper"


@pytest.mark.parametrize(("question", "expected"), [
    # "la déclaration écrite de LRWC", "la liste complète", "lister": where the member read it and how they want
    # it, weighed as "statement" and "list" are
    ("Les sanctions américaines visent qui, d'après la déclaration écrite de LRWC ? Donnez-moi la liste complète.",
     "us-sanctions-who-is-targeted"),
    ("Pouvez-vous lister les recommandations de LRWC aux États parties ?", "lrwc-recommendations-asp24"),
])
def test_the_document_read_and_the_list_wanted(asking_desk: Desk, question: str, expected: str) -> None:
    assert top(asking_desk, question) == expected


def test_a_kind_of_office_is_not_whose_office() -> None:
    # "the UN special rapporteur": "special" says which kind of rapporteur, not whose
    assert intent.read("who is the UN special rapporteur the US sanctioned?").org == ()
    assert intent.read("who is the FIDH representative?").org == ("fidh",)


def test_the_feminine_of_a_role_is_that_role(asking_desk: Desk) -> None:
    # "la représentante de la FIDH": the FIDH's representative, checked as the holder of that office
    assert intent.read("Comment s'appelle la représentante de la FIDH ?", FRENCH).role == "representant"
    assert top(asking_desk, "Elle s'appelle comment, la représentante de la FIDH auprès de la Cour ?") == \
        "fidh-over-compliance-financial-channels"


def test_mis_en_garde_is_a_warning(asking_desk: Desk) -> None:
    # the fact says Deswaef "a averti" (warned); members say "mis en garde" (curated synonyms)
    assert top(asking_desk, "À la plénière sur la coopération, Deswaef a mis en garde contre quoi ?") == \
        "cicc-cooperation-plenary-statement"


@pytest.mark.parametrize("question", [
    "Quand la Coalition parle de coopérer pleinement, elle met quoi derrière ?",
    "Selon Deswaef, c'est quoi le problème quand les États changent de position selon les cas ?",
    "Y a quand même des victoires pour la CPI en 2025 d'après HRW ?",
])
def test_quand_opening_a_clause_asks_no_date(question: str) -> None:
    # "when the Coalition says X, what does it mean": the question is "quoi"; "quand même" is "nevertheless"
    assert intent.read(question, FRENCH).kind != "date"
    assert intent.read("Le budget 2026, il a été adopté quand ?", FRENCH).kind == "date"


def test_a_writing_asked_by_another_name_is_that_writing(asking_desk: Desk) -> None:
    # the fact calls it "une note de synthèse conjointe, « Ending Immunity ... »"; members say "le rapport",
    # "le papier": its title in quotation marks after any writing word is its name
    fact = asking_desk.facts.get("fidh-redress-heads-of-state-paper")
    for question in ("Le rapport commun de la FIDH et de REDRESS, il s'appelle comment ?",
                     "le papier FIDH-REDRESS il s'appelle comment"):
        wants = intent.read(question, FRENCH)
        assert holds.holds(wants, fact.title_fr, fact.text_fr, question=question, expand=lambda p: [p],
                           language=FRENCH)


@pytest.mark.parametrize("question", [
    "La Hongrie a refusé d'arrêter qui exactement en 2025 ?",
    "Le Tadjikistan devait remettre quel suspect ? c'était qui ?",
    "Quelle est la personne que la Mongolie n'a pas arrêtée ?",
])
def test_who_was_not_arrested_is_a_person(asking_desk: Desk, question: str) -> None:
    # the non-cooperation facts say neither source names the suspects: a partial reply, not an answer
    answer = asking_desk.answerer.ask(question)
    assert intent.read(question, FRENCH).kind == "person"
    assert (answer.status, answer.missing_key) == ("partial", "missing_person")


@pytest.mark.parametrize("question", [
    "Combien d'États parties devaient leurs contributions depuis plus d'un an en février 2025 ?",
    "how many states parties were more than a year behind on their contributions?",
])
def test_more_than_a_year_behind_is_the_37_not_the_16(asking_desk: Desk, question: str) -> None:
    # "plus d'un an" / "more than a year" (curated synonyms): the 37 states of the arrears fact, not Article 112(8)'s
    # two full years (the 16 who cannot vote)
    assert top(asking_desk, question) == "arrears-states-lose-vote"


@pytest.mark.parametrize("question", [
    "Le procureur de la CPI n'exerce plus ses fonctions ? Pourquoi ?",
    "Pourquoi le procureur n'est plus en fonction en ce moment ?",
])
def test_out_of_office_is_on_leave(asking_desk: Desk, question: str) -> None:
    assert top(asking_desk, question) == "prosecutor-on-leave-external-investigation"


def test_plaidoyer_and_puissent_say_how_not_what(asking_desk: Desk) -> None:
    # "plaidoyer" weighs as "advocacy" does in English; "puissent" is "peuvent" in the subjunctive
    assert FRENCH.stem("plaidoyer") in FRENCH.stop_stems and FRENCH.stem("puissent") in FRENCH.stop_stems
    assert top(asking_desk, "Quelles étaient les priorités de plaidoyer de la FIDH à l'AEP24 ?") == "fidh-asks-at-asp24"


def test_his_name_asks_for_a_person(asking_desk: Desk) -> None:
    # "what was his name": the non-cooperation facts say neither source names the suspects
    answer = asking_desk.answerer.ask("Hungary didn't arrest a suspect the ICC wanted, what was his name?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_person")
    assert FRENCH.stem("entend") in FRENCH.stop_stems  # "on entend des choses": heard, as "heard" is in English


@pytest.mark.parametrize(("question", "expected"), [
    # "X parle de ...": what a text is about, not a request for who spoke (the curated "a parlé" / "pris la
    # parole" group)
    ("Jimenez parle d'un article du Statut pour amender plus facilement, lequel ?",
     "article-122-institutional-amendments"),
    ("HRW parle d'une condamnation liée au Darfour, c'est laquelle exactement ?", "janjaweed-leader-convicted-darfur"),
])
def test_parle_de_says_what_a_text_is_about(asking_desk: Desk, question: str, expected: str) -> None:
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("la chambre a constaté la non-coopération de l'Italie à quelle date ?", "italy-noncompliance-decision-oct-2025"),
    ("D'après LRWC, les États-Unis imposent des sanctions depuis quelle date ?", "us-executive-order-14203"),
])
def test_quelle_date_asks_a_date_of_what_follows(asking_desk: Desk, question: str, expected: str) -> None:
    """"Date" says what is asked, not what about: a fact needs no word "date" to give one."""
    assert top(asking_desk, question) == expected


def test_a_word_spelt_alike_in_both_languages_is_no_evidence() -> None:
    assert detect("EO 14203 date??") == "en"


@pytest.mark.parametrize(("question", "expected"), [
    ("Est-ce que les Américains envisagent d'aller encore plus loin dans les sanctions ?",
     "us-possible-sanctions-whole-court"),
    ("Quel ancien chef d'Etat a été remis à la CPI par son propre pays, selon Human Rights Watch ?",
     "duterte-surrendered-to-icc"),
    ("Pourquoi l'impact des sanctions dépasse-t-il les seules personnes visées, d'après HRW ?",
     "sanctions-effects-banking-services"),
])
def test_french_for_english_stop_words(asking_desk: Desk, question: str, expected: str) -> None:
    """"Au-delà", "seul", "propre", "plus loin" say what English's "beyond", "only", "own", "further" say."""
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize("question", [
    "Bonjour à toutes et à tous. Je prépare une note de plaidoyer pour notre coalition nationale sur les sanctions.",
    "Notre organisation prépare un plaidoyer auprès du ministère des Affaires étrangères.",
    "Suite aux sanctions contre les juges, je dois préparer une note pour notre ministère.",
])
def test_the_askers_errand_and_its_reader_are_framing(question: str) -> None:
    """What the asker is writing, and for whom, is not what the question is about."""
    searched = intent.searched(question)
    assert not {"note", "plaidoyer", "coalition", "ministere", "nationale"} & set(FRENCH.words(searched))


def test_voir_and_partout_say_how_not_what(asking_desk: Desk) -> None:
    """English's "see" and "everywhere" are generic words; French's "voit" and "partout" are too."""
    assert top(asking_desk, "APIC c koi deja ? on le voit partout ds les recommandations") == "apic-ratification-calls"


def test_qui_en_gros_takes_a_description(asking_desk: Desk) -> None:
    question = "HRW parle d'une condamnation pour le Darfour, c'etait qui en gros ?"
    assert top(asking_desk, question) == "janjaweed-leader-convicted-darfur"


@pytest.mark.parametrize(("question", "expected"), [
    ("pourquoi le procureur n'exerce-t-il plus ses fonctions ?", "prosecutor-on-leave-external-investigation"),
    ("ça veut dire quoi APIC au juste ?", "apic-ratification-calls"),
    ("combien manquait-il en contributions non versées en février 2025 ?", "arrears-74-million-feb-2025"),
])
def test_french_inversions_acronyms_and_arrears(asking_desk: Desk, question: str, expected: str) -> None:
    """"N'exerce-t-il plus ses fonctions" is the curated "exerce plus ses fonctions" (the inverted pronoun is
    dropped, not left between the words); "ça veut dire quoi FIDH" asks for the letters; "contributions non
    versées" are the curated "contributions impayées"."""
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("petit rappel rapide : la CPI juge quels crimes déjà ?", "icc-court-of-last-resort"),
    ("tu peux me rappeler vite fait ce que la FIDH a demandé aux États à l'AEP24 ?", "fidh-asks-at-asp24"),
    ("pls remind me who heads international justice at hrw", "asp24-hrw-expectations"),
])
def test_a_reminder_asked_quickly_is_how_not_what(asking_desk: Desk, question: str, expected: str) -> None:
    """"Rappel rapide", "me rappeler vite fait", "remind me": how a member asks, as "quick" already was."""
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("la Coalition demande quoi aux États pour protéger les défenseurs des droits humains ?",
     "protecting-human-rights-defenders"),
    ("selon Danya Chaikel, qu'est-ce que les États doivent mettre en place pour que les ONG puissent continuer leur "
     "travail ?", "fidh-over-compliance-financial-channels"),
])
def test_what_is_asked_of_states_in_french(asking_desk: Desk, question: str, expected: str) -> None:
    """"Demande(nt)" joins the curated recommendations group, as English "asks" is in it; "mettre en place" is how
    an ask is put, as English "put" is."""
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize("question", [
    "les juges sanctionnés le 5 juin, on connaît leurs noms ?",
    "les procureurs adjoints visés par Washington, c'est quoi les noms ?",
])
def test_their_names_in_french_asks_for_people(asking_desk: Desk, question: str) -> None:
    """"Leurs noms", "les noms" ask for people, as English "what are their names" does: facts that do not name
    them give a partial reply, not an answer."""
    answer = asking_desk.answerer.ask(question)
    assert intent.read(question, FRENCH).kind == "person"
    assert answer.status == "partial"


def test_a_french_nationality_adjective_says_where_from(asking_desk: Desk) -> None:
    """"Une organisation canadienne" says where LRWC is from, as "a Canadian organisation" does in English."""
    assert top(asking_desk, "C'est une organisation de quel pays, LRWC ?") == "about-lrwc"


@pytest.mark.parametrize("question", [
    "la directrice de la justice internationale à HRW, c'est qui ?",
    "C'est qui la directrice de la justice internationale à Human Rights Watch ?",
])
def test_whose_office_is_read_up_to_a_lost_preposition(asking_desk: Desk, question: str) -> None:
    # "à" is no word once folded: "justice internationale HRW" reads as one organisation; its first words name it
    assert top(asking_desk, question) == "asp24-hrw-expectations"


def test_impact_and_effects_are_one_thing_in_french(asking_desk: Desk) -> None:
    # the fact speaks of "retombées"; members ask for the "impact"
    question = "Quel impact concret ont eu les sanctions US, selon HRW ?"
    assert top(asking_desk, question) == "sanctions-effects-banking-services"


@pytest.mark.parametrize(("question", "expected"), [
    # "cette histoire de sanctions": this business of sanctions, not a history
    ("pourquoi la CICC s'inquiète des banques dans toute cette histoire de sanctions ?",
     "sanctions-effects-banking-services"),
    ("Jimenez dit quoi sur les problèmes récurrents dans l'histoire de la CPI ?", "icc-past-crises"),
    # the organisations that help the Court are those that support it ("qui soutiennent la Cour")
    ("selon HRW les sanctions gênent quoi pour les ONG qui aident la Cour ?", "sanctions-effects-banking-services"),
    # "miner" as "saper": undermining the Court
    ("HRW dit que quels gouvernements minent la Cour ?", "icc-polycrisis-2025"),
])
def test_a_story_help_and_undermining_in_french(asking_desk: Desk, question: str, expected: str) -> None:
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize("question", [
    "LRWC a envoyé sa déclaration écrite à l'AEP24 quel jour ?",
    "elle est datée de quand, la déclaration écrite de LRWC pour l'AEP24 ?",
])
def test_an_english_name_s_closing_apostrophe_is_no_french_elision(asking_desk: Desk, question: str) -> None:
    # "Lawyers' Rights Watch Canada" in the French text: "Lawyers'" is Lawyers, not the empty word after an
    # elision, so the statement's date stands beside LRWC's name, as the question asks
    assert fact_tokens("Lawyers' Rights Watch", FRENCH)[0][1] == FRENCH.stem("lawyers")
    assert top(asking_desk, question) == "lrwc-words-are-not-enough"


@pytest.mark.parametrize(("question", "expected"), [
    # francophone members say "side events" and "co-sponsorisé" for the "événements parallèles coparrainés"
    ("les side events co-sponsorisés par la FIDH à l'AEP24, c'était sur quoi ?", "asp24-fidh-side-events"),
    # the curator's French examples say what the English ones do: the NGOs' sanctions announced, the Statute amended
    ("c'est quand que les sanctions visant des ONG palestiniennes ont été annoncées ?",
     "us-sanctions-palestinian-ngos"),
    ("le Statut de Rome, adopté en quelle année et amendé pour la dernière fois quand ?", "rome-statute-preamble"),
])
def test_side_events_announcements_and_amendments_in_french(asking_desk: Desk, question: str, expected: str) -> None:
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    # "les grandes lignes", "les grands axes", "l'ensemble des": how much of an answer is wanted, not what about
    ("Quelles sont les grandes lignes des demandes de LRWC aux États parties ?", "lrwc-recommendations-asp24"),
    ("Les grands axes de ce que la FIDH demandait aux États à l'AEP24 ?", "fidh-asks-at-asp24"),
    ("Pourriez-vous me donner l'ensemble des recommandations de LRWC aux États ?", "lrwc-recommendations-asp24"),
    # "au moment de", "là-dessus", "met(-elle) en avant": when, about what was just said, what a text highlights
    ("Au moment des sanctions de juin 2025, combien d'États parties au Statut ?", "states-parties-count-125"),
    ("Le budget de l'AEP24 : que recommandait HRW là-dessus ?", "hrw-sufficient-funding"),
    ("Quelle condamnation récente HRW met-elle en avant ?", "janjaweed-leader-convicted-darfur"),
    # English chat words in a French question are no subject: "u know", "who is"
    ("u know ce que Jimenez propose pour élire le CBF ?", "subsidiary-body-elections-merit"),
    ("who is le représentant de la FIDH auprès de la CPI ?", "fidh-over-compliance-financial-channels"),
])
def test_how_much_is_wanted_and_english_chat_in_french(asking_desk: Desk, question: str, expected: str) -> None:
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id, answer.lang) == ("answered", expected, "fr")


def test_a_secretary_general_is_an_office(asking_desk: Desk) -> None:
    # "la secrétaire générale d'Amnesty International": an office of another organisation, which no fact names;
    # a fact naming someone who works at Amnesty does not say who holds it
    answer = asking_desk.answerer.ask("Qui est actuellement la secrétaire générale d'Amnesty International ?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_role")


@pytest.mark.parametrize(("question", "expected"), [
    # "l'intitulé officiel": the title, however official; "officiellement" closing a question frames it
    ("Quel est l'intitulé officiel du décret 14203 ?", "us-executive-order-14203"),
    # the date of the Registrar's speech beside the speech, in the curator's French as in English
    ("Le Greffier a fait son discours sur la Russie quel jour ?", "russia-warrants-against-icc-officials"),
    ("When did the ICC Registrar give the ASP23 speech LRWC relies on?", "russia-warrants-against-icc-officials"),
])
def test_an_official_title_and_the_day_of_a_speech(asking_desk: Desk, question: str, expected: str) -> None:
    assert top(asking_desk, question) == expected


@pytest.mark.parametrize("question", [
    "Les survivants, quels messages ont-ils adressés aux États pendant l'AEP24 ?",
    "Qu'ont dit les survivants comme messages à l'AEP ?",
])
def test_the_survivors_messages(asking_desk: Desk, question: str) -> None:
    # the curator's keywords say what the fact holds: the survivors' messages at the side events
    assert top(asking_desk, question) == "survivors-messages-asp24"


@pytest.mark.parametrize("question", [
    "Selon Jimenez, pourquoi la baisse du nombre d'États parties est-elle un problème ?",
    "D'après Opinio Juris, pourquoi la chute du nombre d'États parties est-elle un problème ?",
])
def test_why_something_is_a_problem_asked_with_inversion(asking_desk: Desk, question: str) -> None:
    # "est-elle un problème", "sont-ils un problème": why it is one, as "pose problème" asks; no fact holds "problème"
    assert top(asking_desk, question) == "withdrawals-impact"


@pytest.mark.parametrize("question", [
    "dates exactes (les jours) de la session speciale sur l'agression en juillet ?",
    "La session spéciale sur l'agression de juillet, c'était quels jours exactement ?",
])
def test_which_days_in_the_plural_asks_the_exact_dates(asking_desk: Desk, question: str) -> None:
    # the fact gives the month (July 2025), not the days
    assert intent.read(question, FRENCH).kind == "day"
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_day")


def test_which_days_of_a_session_with_dates_is_answered(asking_desk: Desk) -> None:
    assert top(asking_desk, "c'est quels jours l'AEP24 ?") == "asp24-dates-and-venue"


@pytest.mark.parametrize(("question", "lang"), [
    ("Qui va présider le sous-groupe sur l'agression du groupe de travail sur les amendements ?", "fr"),
    ("who will preside over the aggression sub-group?", "en"),
])
def test_who_will_preside_asks_for_the_holder_of_that_role(asking_desk: Desk, question: str, lang: str) -> None:
    # the fact suggests finding a Chair; the names it holds (Opinio Juris, the Court President) are no answer
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.hits[0].fact.id) == ("partial", lang,
                                                                     "special-session-aggression-july-2025")
    assert answer.missing_key.startswith("missing_role")


@pytest.mark.parametrize("question", ["Mongolie : qui est-ce qu'elle n'a pas arrêté ?",
                                      "La Mongolie est citée, mais qui a-t-elle refusé d'arrêter au juste ?"])
def test_qui_est_ce_que_and_qui_a_t_elle_ask_who(asking_desk: Desk, question: str) -> None:
    # asked, not a relative "qui": the fact names the states, not the suspects they let go
    assert intent.read(question, FRENCH).kind == "person"
    answer = asking_desk.answerer.ask(question)
    assert (answer.status, answer.missing_key) == ("partial", "missing_person")
