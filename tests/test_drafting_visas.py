"""The classes the three-hundred-and-forty-eighth to -fiftieth made-up pages (a conscription law, a ship carrying
grain from occupied land, a visa ban) showed, each pinned on sentences of their own: "not acceptable" rejects as
"unacceptable" does; what is told "according to" officials the page does not name is theirs to vouch for, not the
party's they speak of; several parties who say "they would" do something state their own plan; data that "show"
a thing where it was record it (data that "show how" read it).
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.reporting import voice


def test_not_acceptable_rejects():
    assert kind_of("The two governments said a ceasefire that left troops in place was not acceptable.") == "Position"


def test_what_unnamed_officials_tell_is_theirs_to_vouch_for():
    sentence = ("Berlin had urged Warsaw for weeks to reopen the crossing, according to three officials familiar "
                "with it.")
    assert voice(sentence).kind == "anonymous"
    kind, asserter, mode = drafted_alone(sentence)
    assert asserter.startswith("dgr:author-") and mode == "Reported"


def test_several_parties_saying_they_would_act_state_their_plan(project, tmp_path):
    sentence = "Poland and Lithuania said on Monday that they would close two more border crossings with Belarus."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 2, 14))[sentence]
    assert (drafted.kind, drafted.asserted_by) == ("Position", "dgr:poland")


def test_data_showing_a_thing_where_it_was_record_it():
    assert drafted_alone("Tracking data show the tanker at anchor off Sevastopol in early March.")[::2] != \
        ("Assessment", "Interpretation")
    assert drafted_alone("The shrinking majority shows how hard it has become to keep partners united.")[::2] == \
        ("Assessment", "Interpretation")
