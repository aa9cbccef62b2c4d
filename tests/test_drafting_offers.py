"""The classes the two-hundred-and-tenth to two-hundred-and-twelfth made-up pages (grain talks, martial law extended,
a force after a truce) showed, each pinned on sentences of their own: observers a party would send are no readers
of events; an offer to send, inspect or monitor proposes; what a party says something would be treated as is its
assessment; a deal "within reach" is a verdict; a demonym's noun ("American backing") takes no stance.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.reporting import reader_voice


def test_observers_a_party_would_send_do_not_speak():
    sentence = "The OSCE said it would send monitors and observers to the border crossings if both governments agreed."
    assert not reader_voice(sentence)
    assert reader_voice("Observers say the election was calm.")
    kind, asserter, mode = drafted_alone(sentence)
    assert (kind, asserter, mode) == ("Proposal", "dgr:osce", "Reported")


def test_an_offer_to_inspect_or_send_proposes():
    assert kind_of("A Swiss spokesperson said Bern stood ready to monitor the withdrawal of heavy weapons.") == \
        "Proposal"
    assert kind_of("Norway said it would send 200 engineers to clear mines near the port.") == "Proposal"
    assert kind_of("Norway said it would not send 200 engineers.") != "Proposal"


def test_what_a_party_says_something_would_be_treated_as_is_its_assessment():
    assert kind_of("Minsk said any foreign aircraft over its territory would be treated as hostile.") == "Assessment"
    assert kind_of("The ministry warned that supply convoys would become legitimate targets.") == "Assessment"


def test_a_deal_within_reach_is_a_verdict():
    assert kind_of("Qatar's envoy said an agreement on the prisoners was within reach.") == "Assessment"
    assert kind_of("A settlement is still out of reach.") == "Assessment"


def test_a_demonyms_backing_takes_no_stance(project, tmp_path):
    sentence = "Germany and Italy said they were willing to send engineers to Ukraine, but only with Turkish backing."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 3, 29))
    assert drafted[sentence].kind == "Position"
