"""The classes the three-hundred-and-sixty-ninth to -seventy-first made-up pages (a refinery taken over, pilots
trained abroad, an arms deal) showed, each pinned on sentences of their own: workers, a company's owner and "one of the
pilots" speak for no party.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs


def test_workers_an_owner_and_one_of_the_pilots_are_no_party(project, tmp_path):
    workers = "Workers at the mine said they had not been paid since January."
    owner = "The owner called the decree a seizure and said he would sue."
    pilot = "One of the pilots, who gave only his first name, said the training had taken a year."
    drafted = drafted_paragraphs(project, tmp_path, workers, owner, pilot, day=date(2029, 4, 4))
    for sentence in (workers, owner, pilot):
        assert drafted[sentence].asserted_by.startswith("dgr:author-"), sentence
        assert drafted[sentence].assertion_mode == "Reported" and not drafted[sentence].findings, sentence
