"""The classes the two-hundred-and-thirty-second and -third made-up pages left (donors who pledge or want something
without a state named, a verdict "would be theft", members' stance as diplomats tell it), each pinned on sentences
of their own.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_page

from diplograph.review import accept


def test_unnamed_creditors_are_no_party_the_page_vouches_for_them(project, tmp_path):
    sentence = "Several creditors said they wanted the bonds restructured before the summer."
    kind, asserter, mode = drafted_alone(sentence)
    assert (kind, mode) == ("Claim", "Reported") and asserter.startswith("dgr:author")
    name, drafted = drafted_page(project.layout, tmp_path, sentence + "\n", title="Bonds (made up)",
                                 day=date(2028, 5, 19))
    assert drafted[sentence].findings == []  # the audit reads the same: the page vouches, no one is left unnamed
    accept(project.layout, name, drafted[sentence].id)


def test_calling_an_act_a_crime_or_theft_is_a_verdict():
    assert drafted_alone("Moscow has said any confiscation of its reserves would be robbery.")[:2] == \
        ("Assessment", "dgr:russia")
    assert drafted_alone("Ukraine's foreign minister said the deportations were a crime.")[0] == "Assessment"


def test_unnamed_members_counted_by_a_source_are_a_claim_about_their_stance():
    assert drafted_alone("Diplomats said a majority of allies oppose sending troops.")[0] == "Claim"
    assert drafted_alone("Several governments back the new sanctions package, according to two diplomats.")[0] == \
        "Claim"


def test_a_party_s_stance_told_by_diplomats_stays_its_stance():
    kind = drafted_alone("Hungary opposes the new sanctions package, two diplomats said.")[0]
    assert kind == "Position"
