"""The classes the two-hundred-and-seventy-third to -fifth made-up pages (a clash at sea, an explainer of a draft
framework, a communiqué of seven foreign ministers) showed, each pinned on sentences of their own: office-holders
named alone are those the page named "of" their states before, the first of them speaking; "It would also …" right
after a proposal gives more of its terms.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs


def test_office_holders_named_alone_are_those_of_the_states_named_before(project, tmp_path):
    met = "The defence ministers of Poland, Romania and Bulgaria met in Constanta on 4 May."
    alone = "The ministers called on Russia to stop attacks on Danube ports."
    again = "They reaffirmed their support for Moldova's sovereignty."
    drafted = drafted_paragraphs(project, tmp_path, met, f"{alone} {again}", day=date(2028, 5, 5))
    assert (drafted[alone].kind, drafted[alone].asserted_by) == ("Demand", "dgr:poland")
    assert drafted[again].asserted_by == "dgr:poland"


def test_it_would_also_after_a_proposal_gives_more_of_its_terms(project, tmp_path):
    plan = "The draft accord, a copy of which was obtained by this newspaper, would freeze the front line."
    more = "It would also create a joint commission to monitor the crossings."
    drafted = drafted_paragraphs(project, tmp_path, f"{plan} {more}", day=date(2028, 5, 5))
    assert drafted[plan].kind == "Proposal"
    assert drafted[more].kind == "Proposal"
