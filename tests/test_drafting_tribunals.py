"""The classes the two-hundred-and-seventh to two-hundred-and-ninth made-up pages (drones across a border, a tribunal
endorsed, talks on an energy truce) showed, each pinned on sentences of their own: "does not recognise" refuses;
what "is not expected" is a prediction too; what a party "would attend but wanted" is its demand.
"""

from __future__ import annotations

from diplograph.kinds import kind_of
from diplograph.stances import stance_of


def test_not_recognising_refuses():
    sentence = "Minsk said it does not recognise the commission."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Rejects")


def test_what_is_not_expected_is_a_prediction():
    assert kind_of("The court is not expected to rule before the autumn.") == "Prediction"


def test_what_a_party_would_do_but_wanted_is_its_demand():
    sentence = "Turkey's envoy said Ankara would take part but wanted any accord to include the grain ports."
    assert kind_of(sentence) == "Demand"
