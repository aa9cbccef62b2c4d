"""The classes the three-hundred-and-seventy-second to -fourth made-up pages (an aluminium ban, a venue offered for
talks, tanker owners leaving a trade) showed, each pinned on sentences of their own: what a speaker "said" something
"had to" do is demanded; an industry's association or union speaks for no party.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.kinds import kind_of


def test_what_a_speaker_said_had_to_be_done_is_demanded():
    assert kind_of("Warsaw welcomed the offer but said any mission had to include Polish officers.") == "Demand"


def test_an_industrys_association_or_union_is_no_party(project, tmp_path):
    association = "The country's steel association said the tariff would change little for its members."
    union = "The Union of Norwegian Fishermen said its boats had stopped landing catches in Murmansk."
    drafted = drafted_paragraphs(project, tmp_path, association, union, day=date(2029, 4, 11))
    for sentence in (association, union):
        assert drafted[sentence].asserted_by.startswith("dgr:author-"), sentence
        assert not drafted[sentence].findings, sentence
