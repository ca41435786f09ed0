"""The ways French answers went wrong on questions nobody here wrote, each as francophone members type it. Every
test names the class of mistake it guards against (the English classes are in test_answer_classes.py)."""

from __future__ import annotations

import pytest

from bot.core import intent
from bot.core.desk import Desk
from bot.core.text import ENGLISH, Pipeline
from bot.core.text_fr import FRENCH, plain_gender
from tests.conftest import top


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    desk = Desk.open(tmp_path_factory.mktemp("classes_fr") / "classes_fr.db")
    yield desk
    desk.close()


@pytest.mark.parametrize("question", ["Le Statut de Rome a été adopté quand ?", "c'est quand la prochaine AEP"])
def test_quand_at_the_end_asks_for_a_date(question: str) -> None:
    assert intent.read(question, FRENCH).kind == "date"


@pytest.mark.parametrize(("question", "expected"), [
    ("duterte il est poursuivi pour quoi au juste", "duterte-surrendered-to-icc"),  # poursuivi = accusé
    ("la coalition cite quelle loi de blocage comme exemple ?", "blocking-statute-calls"),  # la coalition = CICC
    ("LRWC c'est quoi comme orga ?", "about-lrwc"),  # a chat abbreviation, read as "organisation"
    # French idioms a curator names as synonyms: "pris la parole" (s'est exprimé), "bafoués" (violés),
    # "reposent sur" (en vertu de)
    ("qui a pris la parole pour la coalition a la pleniere sur la cooperation ?",
     "cicc-cooperation-plenary-statement"),
    ("quels droits sont bafoués par les sanctions selon lrwc ?", "sanctions-breach-human-rights-law"),
    ("Les sanctions contre les 4 juges en juin, elles reposent sur quel texte américain ?",
     "us-sanctions-four-judges-june-2025"),
    ("par quoi la CPI a remplacé Microsoft ?", "icc-it-microsoft-replaced"),  # remplacé = « abandonné ... au profit »
    ("combien de fric manquait dans les caisses de la CPI en fevrier 2025", "arrears-74-million-feb-2025"),  # fric
    ("<@123456789012345678> l'assemblee des etats parties se tient ou cette annee ?", "asp24-dates-and-venue"),
    # French word order: "le budget 2026 de la CPI de 193 millions", five words away, three of them "de", "la", "de";
    # "La directrice de la justice internationale de HRW, Liz Evenson", seven apart, three that carry meaning
    ("C'est combien le budget proposé de la CPI pour 2026 ?", "budget-2026-193-million"),
    ("qui est la directrice justice internationale chez HRW ?", "asp24-hrw-expectations"),
    # inversion: "a-t-il" is "a il", not an unknown word "at" that outweighs the rest
    ("Quand le département d'État a-t-il annoncé des sanctions contre des ONG étrangères liées à la CPI ?",
     "us-sanctions-timeline-2025"),
    # months as members shorten them; "espagnol" is Spain's, "a pris position" is reacting (synonyms a curator keeps)
    ("arriérés en fév 2025 ?", "arrears-74-million-feb-2025"),
    ("quel ministère espagnol a pris position sur les sanctions ?", "reactions-june-2025-sanctions"),
    # the State Department's releases are Secretary of State Marco Rubio's (LRWC's footnotes)
    ("annonce de Rubio du 20 août sur la CPI ?", "us-further-sanctions-august-2025"),
    # "depuis combien de temps" asks how long, as "how long" does: any figure, not a count of "temps"
    ("la plénière sur la non-coopération, c'est une première depuis combien de temps ?",
     "first-non-cooperation-plenary"),
    # a translated name spells its letters out ("Coalition pour la CPI (CICC)"); "abréviation" frames the question
    ("CICC c'est l'abréviation de quoi ?", "us-sanctions-four-judges-june-2025"),
    ("la décision sur la non-conformité de l'Italie, elle date de quand ?", "italy-noncompliance-decision-oct-2025"),
    ("Quels gouvernements sapent la CPI d'après HRW ?", "icc-polycrisis-2025"),
    # chat French: "cb" is combien, Moscou is Russia, "c'est quoi comme sigle" asks what the letters stand for
    ("c'est une première depuis cb de temps, la plénière sur la non-coopération ?", "first-non-cooperation-plenary"),
    ("qu'a fait Moscou contre des responsables de la CPI ?", "russia-warrants-against-icc-officials"),
    ("AEP c'est quoi comme sigle ?", "asp24-dates-and-venue"),
    ("la liste exacte des crimes de dernier recours que donne la coalition ?", "icc-court-of-last-resort"),
    ("elle juge quels crimes, la CPI ?", "icc-court-of-last-resort"),
    ("LRWC fait démarrer les sanctions américaines quand ?", "us-executive-order-14203"),  # démarrer: commencer
    ("les Amerloques ont sanctionné qui en lien avec la CPI ?", "us-sanctions-who-is-targeted"),  # slang for US
    ("la CPI juge quels crimes ? c'est pour une présentation", "icc-court-of-last-resort"),  # why they ask frames
    # "l'auteur" is Opinio Juris's, the one authored piece; "départs" are withdrawals; a verb in -ent whose
    # infinitive is a French word ("fragilisent") is phrasing, not a subject the store lacks
    ("quelles pénalités l'auteur propose pour les États qui ne coopèrent pas ?",
     "penalties-for-non-cooperation-proposal"),
    ("selon Opinio Juris, pourquoi ces départs fragilisent-ils la Cour ?", "withdrawals-impact"),
    # "l'ancien" says which holder, not whose office; a head of state is named by the office ("l'ancien président")
    ("c'est qui l'ancien chef d'État que les Philippines ont livré à la Cour ?", "duterte-surrendered-to-icc"),
    # "un tel retour de bâton" is such a backlash, no telephone; "vers" says when, not what
    ("Pourquoi la CPI a-t-elle connu un tel retour de bâton vers le milieu des années 2010 ?", "icc-past-crises"),
    # criticised then, as the fact's "rejet" says
    ("pourquoi la CPI se faisait-elle tant critiquer au milieu des années 2010 ?", "icc-past-crises"),
    # "s'appelle comment" asks the name; it is not part of whose President
    ("le président de la FIDH s'appelle comment déjà ?", "fidh-president-on-impunity"),
])
def test_french_paraphrases_reach_the_fact(desk: Desk, question: str, expected: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.hits[0].fact.id) == ("answered", "fr", expected)


@pytest.mark.parametrize(("question", "missing"), [
    ("le procureur en congé, il s'appelle comment ?", "qui est procureur"),  # "s'appelle comment" asks a name
    ("qui a piraté la CPI ?", "qui"),  # who did it: HRW and LRWC report the attacks, they did not carry them out
    ("la Hongrie n'a pas arrêté qui au juste ?", "qui"),  # "qui au juste" asks who; no source names the person
    ("le logiciel allemand de la CPI, il s'appelle comment ?", "le nom du logiciel"),  # the thing named first
    ("le logiciel allemand de la CPI, c'est lequel ?", "qui"),  # which one: its name
    ("c'était qui les 4 juges sanctionnés en juin ?", "qui sont les juges"),
    ("Les mandats d'arrêt russes visent quels responsables de la CPI, nommément ?", "qui"),  # none named
    ("Le budget de 193 millions pour 2026 a bien été adopté à l'AEP ?", "ce qu'il en est advenu"),  # proposed
])
def test_a_name_or_a_culprit_the_fact_lacks_is_partial(desk: Desk, question: str, missing: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.missing) == ("partial", "fr", missing)


def test_c_est_qui_asks_for_a_person_and_a_fact_that_does_not_name_them_is_partial(desk: Desk) -> None:
    # "c'est qui" loses its "c" when read as words; "dont la déclaration ne les nomme pas" says the names are missing
    assert intent.read("c'est qui les 4 juges sanctionnes en juin ?", FRENCH).kind == "person"
    answer = desk.answerer.ask("c'est qui les 4 juges sanctionnes en juin ? je trouve pas les noms")
    assert (answer.status, answer.lang, answer.missing) == ("partial", "fr", "qui sont les juges")


@pytest.mark.parametrize(("question", "kind"), [
    ("pk les américains s'en prennent à la CPI ?", "reason"),
    ("pq la hongrie quitte la cpi", "reason"),
    ("qd est-ce que l'AEP24 a commencé", "date"),
])
def test_chat_spellings_of_question_words_ask_what_the_word_asks(question: str, kind: str) -> None:
    assert intent.read(question, FRENCH).kind == kind


def test_le_nom_du_asks_for_a_name_beside_that_thing_but_au_nom_de_does_not(desk: Desk) -> None:
    answer = desk.answerer.ask("c'est quoi le nom du logiciel allemand qui remplace Microsoft a la CPI")
    assert (answer.status, answer.missing) == ("partial", "le nom du logiciel")
    assert intent.read("Qui a pris la parole au nom de la CICC ?", FRENCH).focus == ()


def test_elle_a_dit_quoi_asks_what_that_one_said_and_elle_dit_quoi_what_a_text_says(desk: Desk) -> None:
    answer = desk.answerer.ask("et la France, elle a dit quoi sur les sanctions contre les juges ?")
    assert (answer.status, answer.missing) == ("partial", "ce qu'a dit France")  # as typed
    assert intent.read("y a eu une declaration commune ? elle dit quoi en gros", FRENCH).speaker == ()


@pytest.mark.parametrize("question", ["qui sont les candidats aux élections des juges de 2026 ?",
                                      "Qui sont les candidats pour l'élection des six juges en 2026 ?"])
def test_a_fact_that_gives_no_candidates_does_not_answer_who_they_are(desk: Desk, question: str) -> None:
    # "Les sources réunies ici ne donnent ni les dates des élections ni les candidats"
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.lang, answer.missing) == ("partial", "fr", "qui sont les juges")  # not "de 2026"


@pytest.mark.parametrize(("word", "ordinary"), [("fragilisent", True), ("sapent", True), ("janjawid", False)])
def test_a_french_verb_in_the_plural_is_an_everyday_word(word: str, ordinary: bool) -> None:
    assert FRENCH.is_ordinary(word) is ordinary


def test_a_participle_typed_without_accents_meets_the_one_the_facts_hold() -> None:
    """The French stemmer reads accents: "visées" and "visé" share a stem only when the accent is put back on a
    word folded without it ("visees")."""
    assert FRENCH.stem("visees") == FRENCH.stem("vise") == FRENCH.stem("visés")
    assert FRENCH.stem("premiere") == FRENCH.stem("premier")


@pytest.mark.parametrize("question", ["Quelles ONG palestiniennes sont visées par les sanctions américaines ?",
                                      "les ONG palestiniennes visees par les USA, c'est lesquelles ?"])
def test_a_feminine_plural_participle_reaches_the_fact(desk: Desk, question: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", "us-sanctions-palestinian-ngos")


@pytest.mark.parametrize(("question", "shown"), [
    ("le decret 14203 contre la cpi il a été signé par quel president americain", "us-executive-order-14203"),
    ("le briefing paper fidh redress sur l'immunité vise quel chef d'etat en particulier",
     "fidh-redress-heads-of-state-paper"),
])
def test_quel_with_a_role_asks_who_and_needs_someone_named(desk: Desk, question: str, shown: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("partial", shown)


def test_combien_d_etats_counts_states_not_euros(desk: Desk) -> None:
    question = "combien d'etats parties doivent leur contribution depuis plus d'un an"
    assert intent.read(question, FRENCH).counted
    assert not intent.read("combien d'arriérés de contributions en fevrier 2025", FRENCH).counted
    assert desk.answerer.ask(question).hits[0].fact.id == "arrears-states-lose-vote"


@pytest.mark.parametrize(("question", "shown"), [
    ("l'afrique du sud a dit quoi exactement dans sa reaction aux sanctions des juges",
     "reactions-june-2025-sanctions"),  # CICC's page names the department, quotes no one
    ("la session speciale sur l'agression en juillet c'etait ou", "special-session-aggression-july-2025"),
])
def test_what_a_speaker_said_and_where_asked_at_the_end(desk: Desk, question: str, shown: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("partial", shown)
    assert desk.answerer.ask("le procureur est en conge, on en est ou").status == "answered"  # how it stands


def test_a_percentage_asked_is_held_by_a_percentage(desk: Desk) -> None:
    answer = desk.answerer.ask("la hausse du budget 2026 c'est combien en pourcentage")  # "une hausse de 1,1 %"
    assert (answer.status, answer.hits[0].fact.id) == ("answered", "budget-2026-193-million")


def test_la_nouveaute_is_what_happened_for_the_first_time(desk: Desk) -> None:
    question = "c quoi la nouveauté dans la résolution omnibus cette année ?"
    assert desk.answerer.ask(question).hits[0].fact.id == "asp24-omnibus-condemns-sanctions"  # "pour la première fois"


@pytest.mark.parametrize(("question", "left"), [
    # "à cause de", "qui risque d'être": links of French chat, no part of what is asked
    ("d'après la CICC, qui pourrait se retrouver isolé à cause de ces sanctions ?", "cause"),
    ("Qui risque d'être ciblé par les sanctions ?", "risque"),
    # "on prépare une note": the asker's errand, not the subject
    ("on prépare une fiche pour nos membres : LRWC c'est quelle organisation ?", "fiche"),
    # and whom the errand is for: the ministry reads the note, it is not asked about
    ("Je prépare une note pour notre ministère des Affaires étrangères : que demande la CICC aux États ?",
     "ministère"),
    ("On rédige une lettre pour notre ministère des Affaires étrangères : combien d'États parties ne votent plus ?",
     "lettre"),
])
def test_french_links_and_asides_are_not_the_subject(desk: Desk, question: str, left: str) -> None:
    assert left not in intent.searched(question)
    if left == "fiche":
        assert desk.answerer.ask(question).hits[0].fact.id == "about-lrwc"


def test_a_qui_after_which_noun_describes_it_and_asks_for_no_one(desk: Desk) -> None:
    assert intent.read("quels États qui ont refusé d'arrêter des suspects HRW cite-t-elle ?", FRENCH).kind != "person"
    answer = desk.answerer.ask("HRW cite quels États qui n'ont pas arrêté des personnes recherchées ?")
    assert answer.status == "answered" and answer.hits[0].fact.id in (
        "non-cooperating-states-2025", "hungary-non-cooperation-and-withdrawal")


@pytest.mark.parametrize("question", ["le bilan de la FIDH est daté du combien ?", "c'était le combien, le vote ?",
                                      "la session spéciale sur l'agression a eu lieu du combien au combien ?"])
def test_le_combien_asks_for_a_day_not_a_figure(question: str) -> None:
    assert intent.read(question, FRENCH).kind == "day"


@pytest.mark.parametrize("question", ["qu'est-ce qui sera voté à la prochaine session ?", "ce qui est prévu en 2026 ?"])
def test_ce_qui_asks_what_not_who(question: str) -> None:
    assert intent.read(question, FRENCH).kind != "person"


def test_une_reunion_is_a_meeting_not_the_island(desk: Desk) -> None:
    # "Réunion" names a place only in capitals; "on a une réunion demain" is a member's meeting
    assert top(desk, "on a une réunion lundi : combien la CPI avait d'arriérés de contributions en 2025 ?") == (
        "arrears-74-million-feb-2025")


@pytest.mark.parametrize("question", ["qui dirige la FIDH en ce moment ?",
                                      "qui est à la tête de la FIDH à l'heure actuelle ?"])
def test_en_ce_moment_frames_the_question(question: str) -> None:
    assert "moment" not in intent.searched(question) and "heure" not in intent.searched(question)


def test_nest_pas_la_is_absent(desk: Desk) -> None:
    # every word of "n'est pas là" is a stop word; together they say the Prosecutor is away
    assert intent.searched("pourquoi le procureur de la CPI n'était plus là cet automne ?").split().count("absent") == 1
    answer = desk.answerer.ask("pk le procureur est pas là ?")
    assert answer.hits[0].fact.id == "prosecutor-on-leave-external-investigation"


@pytest.mark.parametrize(("question", "expected"), [
    # "bosser" is "travailler", "continuer" is "poursuivre": French chat for the fact's words
    ("d'après Chaikel, que faut-il pour que les ONG puissent continuer à bosser ?",
     "fidh-over-compliance-financial-channels"),
    # "les avocats canadiens" are Lawyers' Rights Watch Canada
    ("les avocats canadiens disent que les sanctions violent quel article du Statut ?", "sanctions-violate-article-70"),
])
def test_french_chat_words_a_curator_names_as_synonyms(desk: Desk, question: str, expected: str) -> None:
    assert top(desk, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    # chat contractions and abbreviations: "jsais", "kesako", "orgs", "recos"
    ("c'était quel jour, les sanctions contre les quatre juges ? jsais plus", "us-sanctions-four-judges-june-2025"),
    ("loi de blocage kesako ? la CICC en cite laquelle ?", "blocking-statute-calls"),
    # the asker's errand: "c'est pour un atelier de sensibilisation", "pour notre newsletter"
    ("la CPI est compétente pour quels crimes ? c'est pour notre webinaire", "icc-court-of-last-resort"),
    # a curator's French synonyms: "sorti" a report (published it), "co-parrainé", "le trou" in the contributions
    ("FIDH et REDRESS ont sorti quelle note à l'Assemblée ?", "fidh-redress-heads-of-state-paper"),
    ("les events co-parrainés par la FIDH à l'AEP24, c'était sur quoi ?", "asp24-fidh-side-events"),
    ("le trou dans les contributions en février 2025, il était de combien ?", "arrears-74-million-feb-2025"),
    ("d'après LRWC, quels droits fondamentaux ces sanctions enfreignent-elles ?", "sanctions-breach-human-rights-law"),
    # "laisser tomber" a supplier is to abandon it; "la quote-part" is the contribution owed; a country and its
    # people are one word ("en Palestine": "trois ONG palestiniennes")
    ("J'ai lu que la CPI avait laissé tomber Microsoft, c'est vrai ?", "icc-it-microsoft-replaced"),
    ("Combien d'États parties doivent leur quote-part depuis plus d'un an ?", "arrears-states-lose-vote"),
    ("combien de membres de la FIDH en Palestine sont sous sanctions US ?", "us-sanctions-palestinian-ngos"),
    ("quelles ONG de Palestine sont sanctionnées ?", "us-sanctions-palestinian-ngos"),
    # what an organisation "attend" of states, "suggère" or "exige": its calls, as "recommande" and "exhorte" say
    ("pour les arrestations, la CICC attend quoi des États ?", "cicc-cooperation-asks-june-2025"),
    ("Jimenez suggère quoi contre les États qui refusent de coopérer ?", "penalties-for-non-cooperation-proposal"),
    ("LRWC exige quoi des États face au décret 14203 ?", "lrwc-refuse-to-implement-sanctions"),
    # "inédit" is "sans précédent" and "pour la première fois"; "contrevenir" is "violer"
    ("la déclaration commune de l'AEP24 a un côté inédit selon la FIDH, c'est quoi ?",
     "asp24-joint-declaration-solidarity"),
    ("les sanctions US contreviennent à quel article du Statut d'après LRWC ?", "sanctions-violate-article-70"),
    # "décrite comme" says how a thing is put, as "described as" does in English: no subject of its own
    ("Dans le communiqué de la Coalition, la CPI est décrite comme un tribunal de dernier recours pour quels types "
     "de crimes ?", "icc-court-of-last-resort"),
])
def test_french_chat_and_curated_paraphrases(desk: Desk, question: str, expected: str) -> None:
    assert top(desk, question) == expected


def test_a_french_name_capitalised_only_at_its_start_spells_out_an_acronym(desk: Desk) -> None:
    # "le Centre palestinien pour les droits de l'homme (PCHR)"
    assert top(desk, "PCHR, c'est l'acronyme de quoi ?") == "us-sanctions-palestinian-ngos"


def test_elle_a_quel_role_asks_her_office_with_or_without_accents(desk: Desk) -> None:
    assert intent.read("Danya Chaikel, elle a quel rôle ?", FRENCH).kind == "office"
    # "sa représentante auprès de la CPI, Danya Chaikel": near once "de la" is not counted
    assert top(desk, "Chaikel elle a quel rôle à la FIDH ?") == "fidh-over-compliance-financial-channels"


def test_quelle_ville_is_the_kind_asked_not_a_subject(desk: Desk) -> None:
    assert top(desk, "l'AEP24 ça se passait dans quelle ville ?") == "asp24-dates-and-venue"


def test_letters_equals_question_mark_then_chat_asks_what_they_stand_for(desk: Desk) -> None:
    assert top(desk, "APIC = ? on le voit dans les recos de tout le monde") == "apic-ratification-calls"


def test_saper_in_its_forms(desk: Desk) -> None:
    # Snowball leaves "sapent" whole and cuts "sapant" to "sap": the curator's group holds both
    assert top(desk, "quels gouvernements sont en train de saper le mandat de la CPI d'après HRW ?") == (
        "icc-polycrisis-2025")


def test_chat_shortenings_are_read_as_the_word_for_the_kind_asked_too() -> None:
    # "c ki": c'est qui; the kind of detail asked is read from the words as the search reads them
    wants = intent.read("c ki le président de la CPI actuellement ?", FRENCH)
    assert wants.kind == "person" and wants.role == "president"


@pytest.mark.parametrize("question", ["pourquoi le procureur n'est-il pas à son poste ?",
                                      "pk le procureur est plus en fonction ?"])
def test_not_at_ones_post_is_absent(question: str) -> None:
    assert "absent" in intent.searched(question)


def test_s_elever_a_is_how_an_amount_is_asked(desk: Desk) -> None:
    assert top(desk, "à combien s'élevaient les arriérés de contributions en février 2025 ?") == (
        "arrears-74-million-feb-2025")


@pytest.mark.parametrize("question", ["Qui est le président ou la présidente de la CPI actuellement ?",
                                      "qui est le/la président·e de la CPI ?"])
def test_inclusive_writing_asks_about_one_office(desk: Desk, question: str) -> None:
    # "le président ou la présidente de la CPI" is the Court's president, not the FIDH's, whose fact names her
    answer = desk.answerer.ask(question)
    assert answer.status == "partial" and answer.missing_key == "missing_role_of"
    assert answer.missing_values == {"role": "president", "org": "CPI"} and answer.question == question
    assert plain_gender("les avocat·es canadien·nes et le directeur ou la directrice") == (
        "les avocats canadiens et le directeur")


def test_qui_inside_a_sentence_is_a_relative_clause(desk: Desk) -> None:
    # "ceux qui ont réagi" names who is meant; it does not ask for a person
    assert intent.read("les survivants qui ont animé le dialogue venaient de quels pays", FRENCH).kind == "names"
    assert intent.read("et qui est le président de l'AEP ?", FRENCH).kind == "person"
    assert intent.read("comment il s'appelle déjà le procureur qui est en congé ?", FRENCH).kind == "person"
    assert top(desk, "quels etats parties la CICC liste parmi ceux qui ont reagi aux sanctions contre les juges ?") == (
        "reactions-june-2025-sanctions")


@pytest.mark.parametrize(("question", "fact"), [
    ("LRWC c'est quoi comme organisation? ça vient d'où", "about-lrwc"),
    ("La décision sur l'Italie, elle vient de quelle chambre et de quand ?", "italy-noncompliance-decision-oct-2025")])
def test_where_it_comes_from_is_how_it_is_asked(desk: Desk, question: str, fact: str) -> None:
    assert "vient" not in intent.searched(question)
    assert top(desk, question) == fact


@pytest.mark.parametrize(("question", "language", "role"), [
    ("qui représente la FIDH devant la Cour pénale internationale ?", FRENCH, "representant"),
    ("who represents FIDH at the ICC?", ENGLISH, "representative"),
])
def test_who_represents_asks_for_the_representative_of_that_body(desk: Desk, question: str, language: Pipeline,
                                                                 role: str) -> None:
    # "sa représentante auprès de la CPI, Danya Chaikel": the fact about the paper FIDH launched names no one
    assert (intent.read(question, language).role, intent.read(question, language).org) == (role, ("fidh",))
    answer = desk.answerer.ask(question)
    assert not (answer.status == "answered" and answer.hits[0].fact.id == "fidh-redress-heads-of-state-paper")


def test_fini_par_asks_what_came_of_it(desk: Desk) -> None:
    # the facts hold calls for a blocking statute, not that one was switched on
    question = "Bruxelles a fini par étendre son statut de blocage aux sanctions contre la CPI ?"
    assert intent.read(question, FRENCH).kind == "outcome"
    assert desk.answerer.ask(question).status != "answered"


def test_quelles_peines_asks_for_the_sentences(desk: Desk) -> None:
    # the fact holds Russia's warrants and prosecutions, no sentence
    question = "la Russie a infligé quelles peines aux responsables de la CPI ?"
    assert intent.read(question, FRENCH).kind == "number"
    assert desk.answerer.ask(question).status == "partial"


def test_publiquement_says_how_not_what_about() -> None:
    assert FRENCH.stem("publiquement") in FRENCH.stop_stems
    assert FRENCH.stem("public") not in FRENCH.stop_stems  # "le débat public": the adjective stays


@pytest.mark.parametrize(("question", "expected"), [
    # what letters stand for, "en entier"
    ("APIC c'est quoi en entier ?", "apic-ratification-calls"),
    # the asker's need ("j'ai besoin de la date exacte pour notre lettre") frames the question
    ("Quand exactement les sanctions contre les quatre juges ? J'ai besoin de la date exacte pour notre lettre.",
     "us-sanctions-four-judges-june-2025"),
    # "mis quoi à la place": what replaced it
    ("la CPI a abandonné Microsoft, elle a mis quoi à la place ?", "icc-it-microsoft-replaced"),
])
def test_en_entier_an_askers_need_and_a_la_place(desk: Desk, question: str, expected: str) -> None:
    assert top(desk, question) == expected


@pytest.mark.parametrize(("question", "missing"), [
    # "pour quelles raisons", "quels sont les motifs": a reason, not the names of reasons; the withdrawals' fact
    # says who is leaving and when it was reported, not why
    ("Pour quelles raisons le Burkina Faso, le Mali et le Niger quittent le Statut de Rome ?", "missing_reason"),
    ("quels sont les motifs du retrait du Mali et du Niger de la CPI ?", "missing_reason"),
    # "ce sont qui": their names; the fact lists the deputy prosecutors among those sanctioned without naming them
    ("les procureurs adjoints visés par les sanctions américaines, ce sont qui exactement ?", "missing_role_plural"),
    # "quels sont les résultats": what came of the inquiry, which the fact reports still awaited
    ("quels sont les résultats de l'enquête externe visant le procureur de la CPI ?", "missing_outcome"),
])
def test_french_reasons_names_and_outcomes_asked(desk: Desk, question: str, missing: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.missing_key, answer.lang) == ("partial", missing, "fr")


@pytest.mark.parametrize(("question", "expected"), [
    # "le nom complet" asks what the letters stand for, as "en entier" does
    ("APIC c'est quoi son nom complet ?", "apic-ratification-calls"),
    ("LRWC quoi le nom complet", "about-lrwc"),
])
def test_le_nom_complet_asks_what_letters_stand_for(desk: Desk, question: str, expected: str) -> None:
    assert top(desk, question) == expected
    assert intent.read(question, FRENCH).kind == "expansion"


def test_qu_est_ce_que_x_a_dit_asks_what_they_said(desk: Desk) -> None:
    # what was said to the minister the fact does not quote
    answer = desk.answerer.ask("qu'est-ce que la présidente de la CPI a répondu au ministre néerlandais ?")
    assert (answer.status, answer.missing_key) == ("partial", "missing_title")  # the reply names the office asked
    assert intent.read("Qu'est-ce que l'Espagne a dit sur les sanctions ?", FRENCH).speaker == ("espagn",)


@pytest.mark.parametrize("question", [
    "le ministre néerlandais s'est entretenu avec qui après les sanctions ?",
    # asked first, before whoever dealt with them: not "qui est le ministre"
    "Avec qui le ministre néerlandais a-t-il échangé après les sanctions visant les juges ?",
    "Suite aux sanctions de juin, avec qui le ministre néerlandais s'est-il entretenu ?",
    "Whom did the Netherlands' foreign minister meet after the sanctions on the judges?",
    "Who did the Dutch Minister of Foreign Affairs hold further conversations with after the June sanctions?",
])
def test_avec_qui_asks_whom_one_dealt_with(desk: Desk, question: str) -> None:
    # an office answers whom the minister spoke with, though the fact names no official
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id) == ("answered", "reactions-june-2025-sanctions")


def test_en_toutes_lettres_asks_what_letters_stand_for(desk: Desk) -> None:
    assert intent.read("la FIDH, ça donne quoi en toutes lettres ?", FRENCH).kind == "expansion"


@pytest.mark.parametrize("question", [
    "le ministre neerlandais des AE il a discute avec qui apres les sanctions des juges",
    "Le ministre néerlandais des AE, il a eu des échanges avec qui suite aux sanctions ?",
])
def test_ae_is_foreign_affairs(desk: Desk, question: str) -> None:
    assert top(desk, question) == "reactions-june-2025-sanctions"


@pytest.mark.parametrize(("question", "fact"), [
    ("Madame, Monsieur, pourriez-vous me rappeler les dates de l'AEP24 ?", "asp24-dates-and-venue"),
    ("Bonsoir, chers collègues. Les dates de la vingt-quatrième session de l'AEP, c'est quoi déjà ?",
     "asp24-dates-and-venue"),
    ("Mesdames, Messieurs, quel est le budget proposé pour 2026 ?", "budget-2026-193-million"),
])
def test_greetings_and_forms_of_address_say_nothing_about_the_subject(desk: Desk, question: str, fact: str) -> None:
    assert top(desk, question) == fact


@pytest.mark.parametrize("question", [
    "qui c'est le greffier de la cpi deja ? il est cité dans une note de LRWC je crois",
    "Le Greffier de la CPI cité dans les notes de la déclaration de LRWC, c'est qui ?",
])
def test_where_in_a_document_something_is_cited_is_no_subject(desk: Desk, question: str) -> None:
    assert top(desk, question) == "russia-warrants-against-icc-officials"


@pytest.mark.parametrize(("question", "fact"), [
    ("Quelles normes onusiennes LRWC invoque-t-elle contre les sanctions ?", "sanctions-breach-human-rights-law"),
    ("Quelle experte onusienne la FIDH cite-t-elle parmi les cibles des sanctions ?",
     "asp24-omnibus-condemns-sanctions"),
])
def test_onusien_is_of_the_un(desk: Desk, question: str, fact: str) -> None:
    assert top(desk, question) == fact


@pytest.mark.parametrize(("question", "fact"), [
    ("Quels étaient les thèmes des événements parallèles de la FIDH à La Haye ?", "asp24-fidh-side-events"),
    ("La note d'information commune de la FIDH et de REDRESS, elle s'intitule comment ?",
     "fidh-redress-heads-of-state-paper"),
    ("Quels États Opinio Juris range-t-il parmi les récalcitrants en matière de coopération en 2025 ?",
     "non-cooperating-states-2025"),
    ("Qui précisément est visé par les sanctions américaines d'après LRWC ?", "us-sanctions-who-is-targeted"),
    ("Quels pays quittent le Statut de Rome en 2026 ? On m'a parlé de plusieurs États africains.",
     "withdrawals-four-states-2026"),
])
def test_how_a_french_question_is_framed_is_not_what_it_asks(desk: Desk, question: str, fact: str) -> None:
    # "sur quels thèmes", "note d'information", "en matière de", "précisément", "on m'a parlé de" frame the question
    assert top(desk, question) == fact


@pytest.mark.parametrize(("question", "fact"), [
    ("wrt le budget 2026, HRW conseille quoi aux États ?", "hrw-sufficient-funding"),
    ("les Philippines ont remis qui à la CPI ? pls", "duterte-surrendered-to-icc"),
    ("tbh pourquoi la Cour a abandonné Microsoft ?", "icc-it-microsoft-replaced"),
])
def test_english_chat_words_in_a_french_question_say_nothing_about_it(desk: Desk, question: str, fact: str) -> None:
    answer = desk.answerer.ask(question)
    assert (answer.status, answer.hits[0].fact.id, answer.lang) == ("answered", fact, "fr")


def test_europeen_is_of_the_eu(desk: Desk) -> None:
    # the Coalition names the EU Blocking Statute as a model; "européen" asks after the EU
    assert top(desk, "Quel texte européen la Coalition donne-t-elle en modèle pour les lois de blocage ?") \
        == "blocking-statute-calls"


@pytest.mark.parametrize("question", [
    "Pourquoi Jimenez parle-t-il de l'article 122 ?",
    "OJ mentionne l'article 122, pourquoi ?",
    "why does the opinio juris piece point to article 122?",
])
def test_a_purpose_given_as_a_way_to_is_a_reason(desk: Desk, question: str) -> None:
    # "comme moyen de créer une dynamique", "as a way to build momentum": why Article 122 is brought up
    assert top(desk, question) == "article-122-institutional-amendments"


@pytest.mark.parametrize("question", [
    "les 16 pays privés de vote à cause de leurs arriérés, c'est lesquels ?",
    "tu peux lister les 16 États qui ne votent plus ?",
])
def test_lesquels_at_the_end_and_lister_ask_for_names(desk: Desk, question: str) -> None:
    # the fact says the source does not name the states: their names asked get a partial reply, not the fact
    answer = desk.answerer.ask(question)
    assert intent.read(question, FRENCH).kind == "names"
    assert (answer.status, answer.missing_key) == ("partial", "missing_names")
    assert answer.missing.startswith("quels ")  # "quels pays", never "lesquels pays"


def test_a_title_s_month_dates_the_day_its_text_gives_in_that_month(desk: Desk) -> None:
    # "US Executive Order 14203 ... (February 2025)": "7 February 2025", far down its text, is the order's date, not
    # the 5 June sanctions that another fact says were made under it; a start is still asked as a start
    assert top(desk, "the date of EO 14203, pls") == "us-executive-order-14203"
    answer = desk.answerer.ask("Selon LRWC, depuis quand les Américains imposent-ils ces sanctions liées à la Cour ?")
    assert answer.status != "answered" or answer.hits[0].fact.id != "us-further-sanctions-august-2025"


@pytest.mark.parametrize(("question", "fact"), [
    # "adresser ... à": recommendations sent to the states, not an address the facts must hold
    ("quelles demandes LRWC adresse-t-elle aux États parties ?", "lrwc-recommendations-asp24"),
    ("résumé des recommandations adressées aux États parties par Lawyers' Rights Watch Canada",
     "lrwc-recommendations-asp24"),
    ("la FIDH, quelles demandes a-t-elle adressées aux États à l'AEP24 ?", "fidh-asks-at-asp24"),
    # "pour notre compte rendu interne" says what the answer is for, as "pour notre note" does
    ("Pour notre compte rendu interne : les grandes demandes adressées par la FIDH aux États pendant l'AEP24 ?",
     "fidh-asks-at-asp24"),
    # the noun is still the contact detail
    ("LRWC a une adresse courriel ?", "about-lrwc"),
])
def test_adresser_a_is_sending_not_an_address(desk: Desk, question: str, fact: str) -> None:
    assert top(desk, question) == fact


def test_the_states_leaving_are_named_by_a_fact_that_names_all_four(desk: Desk) -> None:
    answer = desk.answerer.ask("quels pays sont en train de quitter la Cour ?")  # "en train de" frames the question
    assert (answer.status, answer.lang) == ("answered", "fr")
    text = answer.hits[0].fact.text_fr  # the withdrawals' fact, or Hungary's, which names the three leaving with it
    assert all(name in text for name in ("Hongrie", "Burkina Faso", "Mali", "Niger"))


def test_posent_elles_probleme_asks_why_as_posent_probleme_does(desk: Desk) -> None:
    # the inverted verb ("posent-elles", "poseraient-ils") frames the question as the plain one does: no "problème"
    assert top(desk, "pourquoi les banques posent-elles problème, d'après la Coalition ?") == (
        "sanctions-effects-banking-services")


def test_la_1ere_is_la_premiere_and_le_1er_decembre_a_date() -> None:
    assert FRENCH.words("la 1ère fois, la 1re plénière") == FRENCH.words("la première fois, la première plénière")
    assert FRENCH.words("le 1er décembre") == ["le", "1", "decembre"]


def test_a_first_written_in_figures_reaches_the_fact_that_spells_it(desk: Desk) -> None:
    assert top(desk, "c'est la 1ère plénière sur la non-coopération depuis combien de temps ?") == (
        "first-non-cooperation-plenary")


def test_risquent_elles_de_frames_what_is_at_stake(desk: Desk) -> None:
    # "les sanctions risquent-elles de paralyser la Cour": the inverted "risquent-elles de" is "risquent de", not a risk
    question = "selon la CCPI, des sanctions visant des juges risquent-elles de paralyser le fonctionnement de la Cour"
    assert top(desk, question) == "sanctions-effects-banking-services"


def test_le_debut_de_is_when_a_thing_started_and_debut_juin_is_early_june(desk: Desk) -> None:
    # "le début des sanctions" asks when they began, as "commencé" does; "début juin" only says when
    began = top(desk, "Quelle date LRWC retient-il pour le début des sanctions américaines ?")
    assert began == "us-executive-order-14203"
    question = ("petite vérif pour un communiqué : les sanctions US contre des juges de la Cour, c'était bien début "
                "juin 2025 ? Quel jour précisément ?")
    assert top(desk, question) == "us-sanctions-four-judges-june-2025"


def test_les_annees_2010_are_a_decade_not_the_year_2010(desk: Desk) -> None:
    # read as "the 2010s" is: not a year the fact must tie to the Court ("au début des années 2000, la CPI ...")
    assert intent.read("dans les années 2010, la CPI était critiquée pour quoi ?", FRENCH).years == frozenset()
    assert top(desk, "dans les années 2010, la CPI était critiquée pour quoi d'après Jimenez ?") == "icc-past-crises"


def test_une_note_interne_is_the_errand_not_the_subject(desk: Desk) -> None:
    question = ("Je prépare une note interne : pourriez-vous me lister toutes les recommandations de LRWC aux États "
                "parties pour l'AEP24 ?")
    assert top(desk, question) == "lrwc-recommendations-asp24"


@pytest.mark.parametrize("question", ["pourquoi les retraits c'est si grave selon opinio juris",
                                      "en quoi c'est grave la baisse du nombre d'États parties, selon OJ ?"])
def test_c_est_grave_asks_why_it_matters(desk: Desk, question: str) -> None:
    # "c'est si grave" says how the member sees it, not a word the fact must hold; "en quoi" asks why
    assert top(desk, question) == "withdrawals-impact"
