"""The classes the hundred-and-ninth to hundred-and-eleventh made-up pages (two leaders in Kyiv, a ministry's press
comment, an analysis of a conditional) showed, each pinned on sentences of their own: a clause saying how a speaker
came to speak ("Asked whether …,") names no speaker, but "Speaking for …" names whom they speak for; a proposal
"put forward by" someone is a reference, not a proposal made; a consequence told as a participle ("…, prolonging
the conflict") is a verdict; the author's conditionals and hypotheticals ("If Kyiv agrees …, it could …", "a freeze
would leave …") are the author's predictions; what an outcome "depends on whether" is the author's reading, not
the stance of the party in the whether-clause; a stance whose subject is no party ("Any deal must guarantee
Ukraine's …") is not the party named after its verb; "Others say" after analysts is theirs; "Russian speakers" is a
language, not the state; training a state's forces is military aid.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_how_a_speaker_came_to_speak_names_no_speaker(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "Polish Foreign Minister Marta Madeupska arrived in Kyiv.",
                                 "Asked whether Moscow would attend, Madeupska said she did not know.",
                                 day=date(2027, 7, 22))
    assert drafted["Asked whether Moscow would attend, Madeupska said she did not know."].asserted_by == \
        "dgr:marta-madeupska"
    assert drafted_alone("Speaking for Estonia, the ambassador accused Russia of sabotage.")[1] == "dgr:estonia"


def test_a_proposal_put_forward_by_someone_is_a_reference():
    assert kind_of("The diplomats discussed the plan put forward by Brazil.") != "Proposal"
    assert kind_of("Brazil put forward a plan.") == "Proposal"


def test_the_authors_conditionals_consequences_and_dependencies_are_judgements():
    assert drafted_alone("If Moscow accepts the truce, Kyiv could hold elections in the spring.") == \
        ("Prediction", _AUTHOR, "Judgement")
    assert drafted_alone("Such a deal would hand Russia a fifth of Ukraine.") == ("Prediction", _AUTHOR, "Judgement")
    assert drafted_alone("Brussels keeps sending shells to Kyiv, prolonging the war.") == \
        ("Assessment", _AUTHOR, "Judgement")
    assert drafted_alone("Everything hinges on whether Ankara is ready to mediate.") == \
        ("Assessment", _AUTHOR, "Judgement")


def test_a_stance_whose_subject_is_no_party_is_not_the_party_after_its_verb():
    assert drafted_alone("Any settlement must protect Moldova's neutrality.") == ("Assessment", _AUTHOR, "Judgement")
    assert drafted_alone("Moldova must protect its neutrality.")[1:] == (_AUTHOR, "Judgement")  # obliged, as before
    assert drafted_alone("Moldova rejects any settlement without its consent.")[1] == "dgr:moldova"


def test_others_after_analysts_are_analysts(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "Some analysts argue that the truce will not hold.",
                                 "Others say the sanctions will force Moscow to talk.", day=date(2027, 7, 22))
    others = drafted["Others say the sanctions will force Moscow to talk."]
    assert (others.asserted_by, others.assertion_mode) == ("dgr:analysts", "Interpretation")


def test_a_peoples_language_is_not_its_state_and_training_is_military_aid():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions("Kyiv guarantees the rights of Russian speakers.", gazetteer)] == \
        ["dgr:ukraine"]
    assert "dg:MilitaryAid" in gazetteer.measures_in("Poland will train Ukrainian pilots.")
