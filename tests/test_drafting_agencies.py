"""The classes the fortieth to forty-second made-up pages (shipping talks with a list of terms, an agency's warning
about a nuclear plant, a week-ahead letter) showed, each pinned on sentences of their own: a name inside a longer
name the graph knows is that entity, not a new person; "the agency" is the organisation last named whose name
ends so, however far back; "who asked not to be named" asks for nothing; a verb's word after a preposition and a
qualifier is a noun; agreeing only if something happens demands it; of two opposed measures, the one more words
name; "sees no reason to" rejects; what could happen in a month to come, or is unlikely before a season, is
forecast; "shows that" reads meaning into events; something going on in a clause of its own does not make the
statement recurring; a dateline's city, a city that locates an institute and a meeting's venue are places,
while officials in a capital speak for its government; "POWs" is not "power".
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_page

from diplograph.dating import date_of
from diplograph.drafting import draft_sentence
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions, people
from diplograph.reporting import voice

AUTHOR = "https://w3id.org/diplograph/id/author-x"


def _drafted(sentence: str):
    return draft_sentence(KnowledgeGraph.open(), sentence, author=AUTHOR)


def _named(sentence: str) -> list[str]:
    return [m.entity for m in mentions(sentence, gazetteer_of(KnowledgeGraph.open()))]


def test_a_name_inside_a_longer_known_name_is_no_new_person():
    sentence = "The head of the International Atomic Energy Agency said the reactor was stable."
    assert people(sentence, gazetteer_of(KnowledgeGraph.open())) == []
    assert _drafted(sentence).asserted_by == "dgr:iaea"


def test_the_agency_is_the_organisation_last_named_so_however_far_back(project, tmp_path):
    _, drafted = drafted_page(project.layout, tmp_path, "\n\n".join([
        "The International Atomic Energy Agency said on Monday that inspectors had reached the site.",
        "Kyiv accused Moscow of shelling the area.", "Moscow denied it.", "Ukraine said it had evidence.",
        "The agency has proposed a demilitarised zone around the site."]) + "\n", title="A page (made up)",
        day=date(2027, 3, 3))
    proposal = drafted["The agency has proposed a demilitarised zone around the site."]
    assert (proposal.kind, proposal.asserted_by) == ("Proposal", "dgr:iaea")


def test_asking_not_to_be_named_demands_nothing_and_unlikely_before_a_season_forecasts():
    drafted = _drafted("An EU diplomat, who asked not to be named, said a deal was unlikely before the summer.")
    assert (drafted.kind, drafted.assertion_mode) == ("Prediction", "Reported")
    assert kind_of("The envoy asked Kyiv to withdraw.") == "Demand"  # asking someone to act still demands


def test_a_verbs_word_after_a_preposition_and_a_qualifier_is_a_noun():
    for sentence in ("Grain talks falter over Western demands", "Ministers bristle at new demands"):
        assert voice(sentence).kind == "none", sentence
        assert kind_of(sentence) != "Demand", sentence


def test_agreeing_only_if_something_happens_demands_it():
    drafted = _drafted("Belarus said it would agree only if the sanctions on its potash were lifted.")
    assert (drafted.kind, drafted.asserted_by) == ("Demand", "dgr:belarus")
    assert drafted.measures == ["dg:SanctionsRelief"]  # not the sanctions themselves: their lifting


def test_of_two_opposed_measures_the_one_more_words_name():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert gazetteer.measures_in("Warsaw wants new sanctions on Minsk.") == ["dg:Sanctions"]
    assert gazetteer.measures_in("Minsk wants the sanctions on its banks to be lifted.") == ["dg:SanctionsRelief"]


def test_seeing_no_reason_to_do_something_rejects_it():
    assert kind_of("The Kremlin said it saw no reason to extend the truce.") == "Position"


def test_what_could_happen_in_a_month_to_come_is_forecast():
    drafted = _drafted("If the vote fails, the deal could slip into April.")
    assert (drafted.kind, drafted.assertion_mode) == ("Prediction", "Judgement")


def test_shows_that_reads_meaning_into_events():
    drafted = _drafted("The vote shows that the bloc is tiring of the war.")
    assert (drafted.kind, drafted.assertion_mode, drafted.asserted_by) == \
        ("Assessment", "Interpretation", "dgr:author-x")


def test_something_going_on_in_a_clause_of_its_own_does_not_make_the_statement_recurring():
    friday = date(2027, 1, 22)
    assert date_of("Minsk said on Thursday that it would not talk while sanctions kept piling up.", friday) == \
        ("2027-01-21", "DayPrecision")
    assert date_of("Minsk kept saying that it would not talk.", friday) == (None, "Recurring")


def test_places_are_not_parties_but_officials_in_a_capital_speak_for_it():
    assert "dgr:latvia" not in _named("RIGA, 3 March — Estonia and Lithuania said the talks had failed.")
    assert "dgr:estonia" not in _named("According to a Tallinn think tank, the front is static.")
    assert "dgr:lithuania" not in _named("Poland and Latvia will meet again in Vilnius in May.")
    assert "dgr:finland" in _named("Officials in Helsinki said they would send more shells.")


def test_pows_is_not_power():
    assert _drafted("Moscow demands that the plant's power lines be repaired.").measures == []
    assert "dg:PrisonerExchange" in _drafted("Kyiv demands the release of all POWs.").measures
