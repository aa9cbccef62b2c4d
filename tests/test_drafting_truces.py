"""The classes the hundred-and-thirty-ninth and hundred-and-fortieth made-up pages (an energy truce agreed, a joint
statement of three states reported) showed, each pinned on sentences of their own: a welcome followed by ", but
warned …" is the welcome's stance, the warning a second statement (", but insisted …" still demands); a deal
"brokered in" a capital names where, not the state.
"""

from __future__ import annotations

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions


def test_a_welcome_then_a_warning_is_the_welcomes_stance():
    assert kind_of("Poland's minister welcomed the deal but warned that Warsaw would respond to any breach.") == \
        "Position"
    assert kind_of("A Latvian delegate said Riga would study the plan but insisted that the troops must leave.") == \
        "Demand"


def test_a_deal_brokered_in_a_capital_names_where():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert mentions("The deal was brokered in Doha after three weeks.", gazetteer) == []
