"""The classes the hundredth to hundred-and-second made-up pages (a commodities wire, an editorial board's view, a
book review) showed, each pinned on sentences of their own: a newspaper speaking of itself ("This newspaper has long
argued …") is the author's first person, but not as what something was "seen by"; a verdict on what a party does
("is right to insist") or on an account ("less convincing", "the evidence is thin") is the writer's judgement, not
the party's stance; people named only by their trade ("Traders expect …") are sources the page does not name;
figures ("according to port data") are vouched for by the page; expecting something to happen predicts it; a
person named with a trade ("the historian …") speaks for no party, and accepting their statement defines them.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_page

from diplograph.kinds import kind_of
from diplograph.reporting import voice
from diplograph.review import accept

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_a_newspaper_speaking_of_itself_is_the_authors_first_person():
    assert drafted_alone("This paper has repeatedly warned that the truce will not hold.")[1:] == \
        (_AUTHOR, "Judgement")
    assert voice("A letter obtained by this newspaper says that Warsaw will close the border.").kind != "author"


def test_a_verdict_on_what_a_party_does_is_the_writers():
    assert drafted_alone("Warsaw was wrong to demand a new vote.") == ("Assessment", _AUTHOR, "Judgement")
    assert drafted_alone("Ankara would do well to offer its mediation again.") == ("Assessment", _AUTHOR, "Judgement")


def test_a_verdict_on_an_account_is_the_writers():
    assert drafted_alone("The chapter on sanctions is the least persuasive.") == ("Assessment", _AUTHOR, "Judgement")
    # "offered" tells what the proof is, not who speaks: the verdict on it is the author's
    assert drafted_alone("The proof they offered looks shaky.") == ("Assessment", _AUTHOR, "Judgement")


def test_people_named_by_their_trade_are_sources_the_page_does_not_name():
    assert drafted_alone("Shipowners fear that insurers will raise premiums.") == ("Prediction", _AUTHOR, "Reported")
    assert kind_of("Economists expect food prices to fall.") == "Prediction"


def test_figures_are_vouched_for_by_the_page():
    assert drafted_alone("Exports rose by a fifth in April, according to customs data.") == \
        ("Claim", _AUTHOR, "Reported")


def test_a_person_named_with_a_trade_speaks_for_no_party_and_is_defined_on_accepting(project, tmp_path):
    name, drafted = drafted_page(project.layout, tmp_path,
                                 "The Polish economist Marta Madeupska argues that sanctions on Russia have failed.\n\n"
                                 "Madeupska says the next package will fail too.\n", title="A page (made up)",
                                 day=date(2027, 7, 1))
    first = drafted["The Polish economist Marta Madeupska argues that sanctions on Russia have failed."]
    assert (first.asserted_by, first.assertion_mode, first.new_person) == \
        ("dgr:marta-madeupska", "Reported", "Marta Madeupska")
    assert not [c for c in drafted.values() if c.kind == "Affiliation"]  # an economist is no party's member
    assert drafted["Madeupska says the next package will fail too."].asserted_by == "dgr:marta-madeupska"
    accept(project.layout, name, first.id)  # valid: the person is defined with the statement
    sheet = (project.layout.documents_dir / f"{name}.yaml").read_text(encoding="utf-8")
    assert "id: dgr:marta-madeupska" in sheet and "type: Person" in sheet
