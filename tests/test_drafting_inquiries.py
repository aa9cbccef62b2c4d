"""The classes the two-hundred-and-eighty-fifth to -seventh made-up pages (a UN inquiry's findings, a televised
debate, G7 ministers on frozen assets) showed, each pinned on sentences of their own: what evidence is said to amount
to in law is a verdict; assets kept "immobilised until" a party pays demand the payment; unnamed ministers' own stance
("the ministers said they would …") is a claim the page tells of, no party's.
"""

from __future__ import annotations

from helpers import drafted_alone

from diplograph.kinds import kind_of
from diplograph.wording import comes_first_before

AUTHOR = "dgr:author-x"


def test_what_evidence_amounts_to_in_law_is_a_verdict():
    assert kind_of("The prosecutor said the killings amounted to war crimes.") == "Assessment"
    assert kind_of("The panel said the evidence points to crimes against humanity.") == "Assessment"


def test_assets_kept_immobilised_until_a_party_pays_demand_the_payment():
    sentence = "The ministers agreed to keep the reserves immobilised until Moscow pays for the damage."
    assert kind_of(sentence) == "Demand"
    assert comes_first_before(sentence) == "keep the reserves immobilised"


def test_unnamed_ministers_own_stance_is_a_claim_the_page_tells_of():
    assert drafted_alone("In a joint statement, the ministers said they would tighten controls on exports.") == \
        ("Claim", AUTHOR, "Reported")
