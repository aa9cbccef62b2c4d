"""The classes the hundred-and-seventy-first to hundred-and-seventy-third made-up pages (officials' posts rounded up,
a monitoring mission's figures, a donors' conference) showed, each pinned on sentences and pages of their own: an
official "Russian-installed" or "Russian-appointed" speaks for Russia; a channel or a list is a source of no party's
(with what qualifies it), vouched for by the page and the audit alike — but a paper a party's adjective qualifies
("a Ukrainian intelligence report") is that party's; "designed to fail" is a verdict.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.judgements import EVALUATIVE

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_an_official_a_state_installed_speaks_for_it():
    assert drafted_alone("The Russian-appointed mayor of the occupied city said the bridge would reopen in spring.")[
        1] == "dgr:russia"


def test_channels_and_lists_are_vouched_for(project, tmp_path):
    channel = "A nationalist channel with half a million followers accused the army of lying about losses."
    listed = "Poland and Canada gave the most, according to a table published after the conference."
    drafted = drafted_paragraphs(project, tmp_path, channel, listed, day=date(2027, 12, 23))
    for sentence in (channel, listed):
        assert (drafted[sentence].asserted_by, drafted[sentence].assertion_mode) == (
            drafted[channel].asserted_by, "Reported")
        assert drafted[sentence].asserted_by.startswith("dgr:author-") and drafted[sentence].findings == []
    assert drafted_alone("According to a Polish intelligence report, Minsk is moving troops to the border.")[1] == \
        "dgr:poland"


def test_designed_to_fail_is_a_verdict():
    assert EVALUATIVE.search("Minsk said the Western plans were designed to fail.")
