"""The classes the three-hundred-and-thirty-third to -fifth made-up pages (an Olympic body's ruling, a bloc's
report on two candidates, a parliament's ban on a church) showed, each pinned on sentences of their own: people of a
sport quoted after their words are no party, for the drafter and the audit alike; a ruling is a claim about what is
allowed; being "concerned that" something could happen forecasts it; what "violated the rights" of others, and "a
risky precedent", are verdicts; a party's report "recommends" (a proposal) and "finds" in its name; a hope added to
a welcome does not outweigh it; joining the European Union and the reforms asked of a candidate are measures.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.drafting import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of


def test_a_sportsman_quoted_after_his_words_is_no_party(project, tmp_path):
    sentence = "“We only want to ski,” a Belarusian biathlete told a local newspaper."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 1, 11))[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and drafted.assertion_mode == "Reported"
    assert not [f for f in drafted.findings if "speaker-not-asserter" in f]


def test_a_ruling_is_a_claim_about_what_is_allowed():
    kind, asserter, mode = drafted_alone("The arbitration court ruled that Ukraine must return the seized tankers "
                                         "within weeks.")
    assert (kind, mode) == ("Claim", "Reported")


def test_concern_that_something_could_happen_forecasts_it_and_violating_rights_is_a_verdict():
    assert kind_of("Poland said it was concerned that the new rules could be used against its truck drivers.") \
        == "Prediction"
    assert kind_of("Romania's president said the decree violated the rights of the Romanian minority.") == "Assessment"


def test_a_risky_precedent_is_the_authors_verdict():
    assert drafted_alone("Seizing the assets outright would be a dangerous precedent for every central bank.")[::2] \
        == ("Assessment", "Judgement")


def test_a_partys_report_recommends_and_finds_in_its_name(project, tmp_path):
    said = "The European Commission said on Thursday that Moldova had met four of its nine conditions."
    recommends = "Its report recommends that the member states open the first cluster of talks in March."
    finds = "The report also finds that Chisinau must still reform the way its judges are appointed."
    drafted = drafted_paragraphs(project, tmp_path, f"{said} {recommends} {finds}", day=date(2029, 1, 12))
    assert (drafted[recommends].kind, drafted[recommends].asserted_by) == ("Proposal", "dgr:european-union")
    assert (drafted[finds].kind, drafted[finds].asserted_by) == ("Demand", "dgr:european-union")


def test_a_hope_added_to_a_welcome_does_not_outweigh_it():
    assert kind_of("Chisinau welcomed the decision and said it hoped the talks would open before the summer.") \
        == "Position"


def test_joining_the_union_and_the_reforms_asked_of_a_candidate_are_measures():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:EUMembership" in gazetteer.measures_in("Kyiv wants accession talks to open by June.")
    assert "dg:CandidateReforms" in gazetteer.measures_in("Brussels asked Kyiv to do more against corruption.")
    assert "dg:EUMembership" not in gazetteer.measures_in("Finland completed its accession to NATO.")
