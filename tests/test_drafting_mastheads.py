"""The classes the hundred-and-forty-seventh to hundred-and-forty-ninth made-up pages (a state agency's item, a press
review, an open letter of rights groups) showed, each pinned on sentences of their own: a dateline with the agency
between slashes opens the first sentence; a newspaper named by its masthead is no party, whatever country owns it,
and what it "reports" is a claim; a verdict in quotation marks after "calling" is reported; rights groups and
organisations are people of no party, in a title too, and the audit vouches for them; "no readiness for" takes no
stance; "not on the table" rejects; "urge" and "call for" report after a plural subject, not after "I".
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_html

from diplograph.kinds import kind_of
from diplograph.reporting import voice
from diplograph.review import accept
from diplograph.wording import DATELINE

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_a_dateline_with_the_agency_between_slashes():
    line = "KYIV, November 3. /Made-up Wire/. Ukraine is ready to resume talks, the foreign minister said."
    assert DATELINE.match(line).group() == "KYIV, November 3. /Made-up Wire/. "


def test_a_newspaper_named_by_its_masthead_is_no_party():
    assert drafted_alone("France's Made-up Figaro argues that sanctions relief would reward Moscow.")[1:] == \
        (_AUTHOR, "Reported")
    assert drafted_alone("The Made-up Post of Washington reports that US officials privately doubt the truce "
                         "will hold.")[0] == "Claim"
    assert drafted_alone("In Rome, Il Made-up Corriere's editors take another line, calling the truce \"a "
                         "fragile gift\" for Kyiv.")[2] == "Reported"


def test_rights_groups_are_no_party_in_a_title_too(project, tmp_path):
    html = ("<!doctype html><html><head><meta charset='utf-8'><title>Aid groups urge a pause (made up)</title>"
            "<meta name='author' content='Made-up Correspondent'></head><body><article>"
            "<h1>Aid groups urge Moscow and Kyiv to open a corridor for civilians</h1>"
            "<p>Dozens of humanitarian organisations on Monday urged Russia and Ukraine to let civilians leave "
            "the besieged town.</p><p>In a joint letter, the groups said evacuation could not wait.</p>"
            "</article></body></html>")
    name, drafted = drafted_html(project.layout, tmp_path, html, day=date(2027, 10, 26))
    for sentence in ("Aid groups urge Moscow and Kyiv to open a corridor for civilians",
                     "Dozens of humanitarian organisations on Monday urged Russia and Ukraine to let civilians "
                     "leave the besieged town.", "In a joint letter, the groups said evacuation could not wait."):
        candidate = drafted[sentence]
        assert (candidate.asserted_by, candidate.assertion_mode) == (f"dgr:author-{name}", "Reported")
        assert candidate.findings == []
    accept(project.layout, name, drafted["In a joint letter, the groups said evacuation could not wait."].id)


def test_stance_words_that_take_no_stance_or_reject():
    assert kind_of("Minsk has shown no readiness for a serious dialogue.") != "Position"
    assert kind_of("An official said a partition was not on the table.") == "Position"


def test_urge_and_call_for_report_after_a_plural_subject_not_after_i():
    assert voice("Baltic ministers urge Brussels to act.").verb == "urge"
    assert voice("Nordic leaders call for a special tribunal.").verb == "call for"
    assert voice("I urge my colleagues to vote for the package.").kind != "reported"
    assert voice("Moscow's call for talks went unanswered.").verb != "call for"
