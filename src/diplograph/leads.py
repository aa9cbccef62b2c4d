"""A line read through its place in the page: the list's lead above it and the headings of its section.

An article says whose words a line is in its structure as much as in its
sentences: "Zelenskyy emphasizes three principles:" leads his principles,
"Ukraine's delegation set out three conditions:" its demands, "Analysts: …"
heads readings, and a title in the author's voice frames what follows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .judgements import interpretive
from .kinds import kind_of
from .mentions import mentions
from .outsiders import no_partys_subject
from .reporting import after_preposition, voice
from .review import Candidate, Mention
from .wording import comes_first_before, framing

__all__ = ["ANALYTIC_LEAD", "IT_WOULD", "READERS", "as_its_points", "in_context", "its_points", "labelled_party",
           "labelled_reading", "listed_points", "referred_by", "standing_for", "terms_of_a_plan"]

READERS = ("dgr:analysts", "dgr:diplomats")
"""The readers of events among the actors: a line under their heading is their reading."""
_PRINCIPLES = re.compile(r"\b(principles?|red lines?|non-negotiable|(?:clear|firm|common|shared|consistent) "
                         r"(?:stance|line|position))\b", re.I)
_BOUND = re.compile(r"(?:\b(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:must|should|has to|have to|needs? to|"
                    r"is to|are to|(?:will|would) have to)|\b(?:call(?:s|ed|ing)?\s+on|urg(?:e|es|ed|ing))\s+"
                    r"(?P<whom>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+to)\s*:\s*$")
"""A lead that names who is to act ("Kyiv must:", "called on Moscow to:"): its points are what that party is to do."""
_CONDITIONS = re.compile(r"\b(conditions?|demands?|terms|preconditions?|requirements?)\b", re.I)
"""A list lead of a party's demands ("Ukraine's delegation set out three conditions:")."""
_PLAN_POINTS = re.compile(r"\b(?:plan|proposal|framework|initiative|roadmap)\b[^:]*\b(?:calls? for|includes?|"
                          r"proposes?|envisages?|provides? for|would)\s*:$", re.I)
"""A list lead of a plan's points ("presented a joint plan on Sunday that calls for:")."""
ANALYTIC_LEAD = re.compile(r"\b(implications?|consequences?|risks?|reasons?|lessons?|dangers?|effects?|issues|"
                           r"sticking points|differences|points of contention|questions|takeaways)\b", re.I)
"""A list lead of the author's analysis: its points are the author's reading."""
_QUOTED = re.compile(r"^[“\"‘']\s*([A-Za-z]+)")
_IMPERATIVES = frozenset({"recognize", "recognise", "withdraw", "stop", "end", "accept", "lift", "release", "give",
                          "hand", "leave", "return", "cease", "guarantee", "respect", "agree", "pull", "drop",
                          "abandon", "renounce", "halt", "disarm", "surrender", "negotiate", "talk"})
"""Verbs a quoted demand opens with, in the imperative ("Recognize our control …")."""


def in_context(candidate: Candidate, around: list[str], gazetteer, referred: Candidate | None = None, *,
               item: bool = False) -> Candidate:
    """A candidate re-read through the line's list lead and headings: an article says whose words a line is in
    its structure ("Zelenskyy emphasizes three principles:" leads his principles; "Analysts: …" heads readings;
    "The statement lists four points:" leads the points of ``referred``, the statement it refers back to; a list
    ``item`` naming a measure under a heading that is a party's name, "Russia", is its terms)."""
    lead = around[0] if around and around[0].endswith(":") else ""
    candidate = _bound_to(candidate, lead, gazetteer)
    if not lead and _unsaid_title(candidate):
        return replace(candidate, kind="Assessment", assertion_mode="Framing", rule="a title whose words no party "
                       "it names is reported to say (\"Leaders trade vows …\"): how the author frames what follows")
    if candidate.assertion_mode == "Reported" or candidate.asserted_by in READERS:
        return candidate  # a party's words, or readers' already: the line says whose it is
    if lead and referred is not None and candidate.assertion_mode == "FactualAssertion" and \
            not ANALYTIC_LEAD.search(lead):  # "The demand carries implications:": the author's reading of it
        return _point_of(candidate, referred)
    headings = [a for a in around if not a.endswith(":")]
    quoted = _QUOTED.match(candidate.sentence)
    if lead and quoted:
        named = [m for m in mentions(lead, gazetteer) if m.actor]
        if named and lead.casefold().startswith(named[0].text.casefold()):
            imperative = quoted.group(1).casefold() in _IMPERATIVES
            return replace(candidate, kind="Demand" if imperative else "Claim", asserted_by=named[0].entity,
                           assertion_mode="Reported", rule="a quotation under a lead that names whose words it is"
                           + (", in the imperative: a demand" if imperative else ""),
                           mentions=_with(named[0], candidate.mentions) if imperative else candidate.mentions)
    readers = [m for heading in headings for m in _speaker(heading, gazetteer) if m.entity in READERS]
    if readers and candidate.assertion_mode == "Interpretation" and interpretive(candidate.sentence) and \
            voice(candidate.sentence, [m.text for m in candidate.mentions]).kind != "author":
        return replace(candidate, asserted_by=readers[0].entity, assertion_mode="Interpretation",
                       rule="an interpretive line in a section headed by its readers (\"Analysts: …\"): theirs")
    if candidate.assertion_mode != "FactualAssertion" and (lead or not _titled(candidate)):
        return candidate  # the author's own evaluation stands; the rest is read through the line's context
    if lead and ANALYTIC_LEAD.search(lead):
        return replace(candidate, kind="Assessment", assertion_mode="Judgement",
                       rule="a point under a lead announcing implications or reasons: the author's reading")
    holders = [m for m in mentions(lead, gazetteer)
               if m.actor and not after_preposition(lead, lead.casefold().find(m.text.casefold()))] if lead else []
    for cue, kind, says in ((_PRINCIPLES, "Principle", "a list of principles, held by the actor its lead names"),
                            (_CONDITIONS, "Demand", "a list of conditions, demanded by the actor its lead names"),
                            (_PLAN_POINTS, "Proposal", "a plan's points, put forward by the actor its lead names")):
        if holders and cue.search(lead):
            return replace(candidate, kind=kind, asserted_by=holders[0].entity, assertion_mode="Reported",
                           rule=says, mentions=_with(holders[0], candidate.mentions))
    party = next((m for heading in headings[:1] for m in _party_alone(heading, gazetteer)), None)
    if party and item and candidate.measures and not _FINITE.search(candidate.sentence):  # "Russia": "- A ban …"
        return replace(candidate, kind="Demand", asserted_by=party.entity, assertion_mode="Reported",
                       rule="a list item naming a measure, under a heading that is a party's name: its terms",
                       mentions=_with(party, candidate.mentions))
    floor = _given_the_floor(candidate, headings, gazetteer, lead)
    if floor is not None:
        return floor
    if not lead and framing(candidate.sentence) and candidate.speaks_for is None:  # a body's own stance stays
        return replace(candidate, kind="Assessment", assertion_mode="Framing",
                       rule="a heading or title in the author's voice (no list leads it): how the author frames it")
    return candidate


def _given_the_floor(candidate: Candidate, headings: list[str], gazetteer, lead: str | None) -> Candidate | None:
    """A line under a heading that names whose words follow ("Analysts: …"), or a heading that gives the floor to a
    party itself ("Kyiv: no talks on territory"): their words; None when no heading gives the floor."""
    for heading in headings:
        named = _speaker(heading, gazetteer)
        if named:
            reading = named[0].entity in READERS
            return replace(candidate, kind="Assessment" if reading else "Claim", asserted_by=named[0].entity,
                           assertion_mode="Interpretation" if reading else "Reported",
                           rule="a line under a heading that names whose words follow (\"Analysts: …\")")
    own = _speaker(candidate.sentence, gazetteer) if not lead and _FLOOR.match(candidate.sentence.split(":")[-1]) \
        else []
    if own and own[0].entity not in READERS:
        return replace(candidate, kind=kind_of(candidate.sentence) or "Claim",
                       asserted_by=own[0].entity, assertion_mode="Reported", mentions=_with(own[0], candidate.mentions),
                       rule="a heading that gives the floor to a party (\"Kyiv: no talks on …\"): its words")
    return None


def _titled(candidate: Candidate) -> bool:
    """Whether the candidate is a title the author wrote in the first person: it frames, whatever it judges."""
    return framing(candidate.sentence) and candidate.assertion_mode == "Judgement" and \
        (candidate.asserted_by or "").startswith("dgr:author-")


def _point_of(candidate: Candidate, referred: Candidate) -> Candidate:
    """A list's point as part of ``referred``, the statement its lead refers back to: its kind, asserter, mode."""
    party = [m for m in referred.mentions if m.entity == referred.asserted_by]
    return replace(candidate, kind=referred.kind, asserted_by=referred.asserted_by,
                   assertion_mode=referred.assertion_mode, derived_by="ReferentFromContext",
                   mentions=_with(party[0], candidate.mentions) if party else candidate.mentions,
                   rule="a point of the statement its lead refers back to (\"The statement lists …:\")")


_LABELLED = re.compile(r"(?P<label>[A-Z][\w’' .-]{1,40}?):\s+(?=(?P<verb>(?-i:[a-z]))|(?-i:[A-Z])(?!(?i:what|why|how|"
                       r"who|when|where|which|inside|explainer|analysis|timeline)\b)[^.?!]*\b(?:will|would|must|"
                       r"cannot|can|won['’]t|shall|should|is|are|has|have)\b)")


def labelled_reading(sentence: str, gazetteer) -> str | None:
    """A line labelled by a party, its stance a verb phrase with no subject of its own ("Ukraine: wants a full
    ceasefire …", a factbox's line), or a headline giving a party's words after its name ("Zelensky: Ukraine will
    not …"): read as that party's sentence, "Ukraine wants a full ceasefire …", "Zelensky says Ukraine will not …"
    — not a topic's ("Ukraine: what we know")."""
    found = _LABELLED.match(sentence)
    if found is None or labelled_party(sentence, gazetteer) is None:
        return None
    return f"{found.group('label')} {'' if found.group('verb') else 'says '}{sentence[found.end():]}"


def labelled_party(line: str, gazetteer) -> Mention | None:
    """The party a line's label names ("Germany: Chancellor <Name> said …", a reactions page's paragraph): whose
    office an office named after it is."""
    found = re.match(r"(?P<label>[A-Z][\w’' .-]{1,40}?):\s+\S", line)
    label = found.group("label") if found else ""
    key = (gazetteer.lookup(label) or gazetteer.closest(label.casefold())) if found else None
    if key is None or not gazetteer[key][2]:
        return None
    entity, name, _ = gazetteer[key]
    return Mention(label, entity, name, 1.0, True)


def _unsaid_title(candidate: Candidate) -> bool:
    """Whether the line is a title reported as said by someone it does not name (its reporting source's words) —
    not by sources it says it does not name ("Kremlin prepares for a long war, sources say", "…, documents show"),
    nor by people of no party it names ("Rights groups urge …")."""
    return framing(candidate.sentence) and candidate.assertion_mode == "Reported" and \
        not any(m.entity == candidate.asserted_by for m in candidate.mentions) and \
        voice(candidate.sentence, [m.text for m in candidate.mentions]).kind not in ("anonymous", "according") and \
        not no_partys_subject(candidate.sentence)  # "Rights groups urge …": the page tells of people it names


_VOICE = re.compile(r"^(?:(?:['’]s?\s+)?(?:response|position|view|answer|reply|stance|line))?$", re.I)
"""What may follow the actor's name before a heading's colon for the heading to say whose words follow."""


_FLOOR = re.compile(r"\s*(?:no|not|never|yes|ready|open|willing|we|our|[\"“‘'])(?:\b|(?<=[\"“‘']))", re.I)
"""What a heading gives a party to say after its name and a colon ("Kyiv: no talks on …", "Moscow: “we are ready”"),
not an item of a digest with a subject of its own ("EU: ministers failed to agree …")."""


def _speaker(heading: str, gazetteer) -> list[Mention]:
    """The actor a heading gives the floor to: "Analysts: …", "Ukraine’s response: …" — not "Europe’s dilemma: …"."""
    if ":" not in heading:
        return []
    prefix = heading.split(":", 1)[0].strip()
    for mention in mentions(prefix, gazetteer):
        start = prefix.casefold().find(mention.text.casefold())
        if mention.actor and start == 0 and _VOICE.match(prefix[len(mention.text):].strip()):
            return [mention]
    return []


def _party_alone(heading: str, gazetteer) -> list[Mention]:
    """The party a heading is the name of, alone ("Russia", "Ukraine's terms"), as a guide's section per party is."""
    for mention in mentions(heading, gazetteer):
        rest = re.sub(re.escape(mention.text), "", heading, count=1, flags=re.I).strip()
        if mention.actor and re.fullmatch(r"(?:the\s*)?(?:(?:['’]s?\s+)?(?:terms|demands|conditions|position))?",
                                          rest, re.I):
            return [mention]
    return []


_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|should|can|could|may|might|"
                     r"must|does|do|did|says?|said|wants?|seeks?|calls?|insists?|demands?)\b", re.I)
"""Words a sentence has and a point of terms ("A full withdrawal of forces.") has not."""


def _bound_to(candidate: Candidate, lead: str, gazetteer) -> Candidate:
    """A point under a lead that names who is to act ("According to the statement, Kyiv must:") mentions that
    party: what the point asks is the party's to do."""
    bound = _BOUND.search(lead)
    named = [m for m in mentions(bound.group("who") or bound.group("whom"), gazetteer) if m.actor] if bound else []
    return replace(candidate, mentions=_with(named[0], candidate.mentions)) if named else candidate


def _with(party: Mention, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the party a lead names first: the holder or demander of what a point under it says."""
    return mentions if any(m.entity == party.entity for m in mentions) else [party, *mentions]


def as_its_points(lead: Candidate, points: list[Candidate]) -> Candidate:
    """A list's lead as the statements it introduces, if its first point was read through it ("Kyiv's red lines:")."""
    point = points[0] if points else None
    if point is None or not lead.sentence.endswith(":") or "lead" not in point.rule:
        return lead
    party = [m for m in point.mentions if m.actor and m.entity == point.asserted_by]
    return standing_for(replace(
        lead, kind=point.kind, asserted_by=point.asserted_by, assertion_mode=point.assertion_mode,
        derived_by=point.derived_by, mentions=_with(party[0], lead.mentions) if party else lead.mentions,
        rule="a list's lead: part of the statements it introduces (as its first point was read)"), points)


def standing_for(statement: Candidate, points: list[Candidate]) -> Candidate:
    """A demand or principle that names no measure itself but whose list does ("set out three conditions:", or
    "published a list of conditions" that a later "Kyiv must:" gives) calls for what its points call for, quoting
    them beside itself (the measures' words stand there), and is a condition for what they must come before."""
    if statement.kind not in ("Demand", "Principle") or statement.measures:
        return statement
    own = [p for p in points if p.kind == statement.kind and p.asserted_by == statement.asserted_by and p.measures]
    if not own:
        return statement
    return replace(statement, measures=list(dict.fromkeys(m for p in own for m in p.measures)),
                   points=[p.sentence for p in own], mentions=statement.mentions + _preceded(own, statement.mentions),
                   rule=f"{statement.rule}; calling for what the points of its list call for")


def _preceded(points: list[Candidate], known: list[Mention]) -> list[Mention]:
    """What the points say they must come before ("a ceasefire before any talks": the talks), not yet in ``known``:
    the lead that stands for them is a condition for it too."""
    seen = {m.entity for m in known}
    found = [m for p in points for m in p.mentions if not m.actor and m.entity not in seen
             and m.text.casefold() in (comes_first_before(p.sentence) or "").casefold()]
    return list({m.entity: m for m in found}.values())


IT_WOULD = re.compile(r"It\s+(?:would\s+(?:also\s+)?(?-i:[a-z])|(?:also\s+)?(?:stops\s+short\s+of|provides\s+for|"
                       r"commits|obliges|requires|envisages|excludes)\b)")
"""A sentence right after a proposal's that gives more of its terms ("It would also defer …", "It stops short of
…")."""
_TERMS_OF = re.compile(r"^(?:(?:Under|In)\s+(?:the|that|this|its|their|such an?)\s+(?:[\w-]+\s+){0,2}?"
                       r"(?:plan|proposal|draft|deal|text|framework|initiative|offer|package)\s*,|"
                       r"(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+){0,2}?(?:plan|proposal|draft|text|framework|"
                       r"initiative|offer|package)\s+(?:would|will)\s)", re.I)
"""A sentence that gives a proposal's terms, referring back to it: "Under the plan, each side would …", "The
package would also add …"."""


_A_PLAN = re.compile(r"\b(?:back|support|endorse|adopt)\s+(?:(?:a|an|the|its|their|our)\s+)?(?:[\w-]+\s+){0,2}?"
                     r"(?:plan|proposal|initiative|framework)\b", re.I)
"""A call to back a plan, which the caller presses: the plan the page goes on to describe is theirs."""
_PROPOSING = re.compile(r"propos|offer|table|put forward|circulat|float|present|unveil", re.I)
"""Verbs whose subject puts the plan forward itself ("Canada proposed …"), rather than reporting another's."""


def terms_of_a_plan(candidate: Candidate, found: list[Candidate]) -> Candidate:
    """A sentence of the author's that opens "Under the plan, …" ( ``_TERMS_OF``) gives the terms of the proposal
    drafted last: a proposal too, of its proposer — the subject of a verb of proposing ("Canada proposed …"), else
    the party the reported words put forward (the first named in them), else whoever reported it; with no proposal
    drafted, the party that last pressed others to back a plan ("urged the Assembly to back a six-point plan")."""
    continued = IT_WOULD.match(candidate.sentence) and found and found[-1].kind == "Proposal"  # whoever "it" seemed
    if not continued and (candidate.assertion_mode != "FactualAssertion" or not _TERMS_OF.match(candidate.sentence)):
        return candidate
    proposal = next((c for c in reversed(found) if c.kind == "Proposal"), None)
    pressed = next((c for c in reversed(found) if c.kind in ("Demand", "Position") and c.assertion_mode == "Reported"
                    and _A_PLAN.search(c.sentence)), None) if proposal is None else None
    if pressed is not None:  # "<President> urged the Assembly to back a plan drawn up with China.": the plan's
        proposal, proposer = pressed, pressed.asserted_by
    elif proposal is None:
        return candidate
    else:  # a paper's terms the page gave with no proposer ("The draft commits …") go on being the page's
        proposer = proposal.asserted_by if proposal.assertion_mode == "FactualAssertion" or _PROPOSING.match(
            voice(proposal.sentence).verb) else next(
            (m.entity for m in proposal.mentions if m.actor and m.entity in proposal.content), proposal.asserted_by)
    if proposer is None:
        return candidate
    described = proposer == proposal.asserted_by and proposal.assertion_mode == "FactualAssertion"
    return replace(candidate, kind="Proposal", asserted_by=proposer, derived_by="ReferentFromContext",
                   assertion_mode="FactualAssertion" if described else "Reported",  # a draft the page has seen
                   rule=f"the terms of the proposal drafted before (\"Under the plan, …\"): {proposer}'s")


_ITS_POINTS = re.compile(r"(?:^|[.!?]\s+)(?:among\s+)?(?:its|their|the\s+(?:plan|proposal|draft|initiative)['’]s)\s+"
                         r"(?:[\w-]+\s+)?(?:points|terms|provisions|proposals|elements|ideas)\b[^:.]{0,30}:$", re.I)


def its_points(lead: str, found: list[Candidate]) -> Candidate | None:
    """The proposal drafted last, when ``lead``, a list's lead, ends by announcing its points ("… Among its points:",
    "Its main terms include:", too short to draft): the list under it gives that proposal's terms."""
    return next((c for c in reversed(found) if c.kind == "Proposal"), None) if _ITS_POINTS.search(lead) else None


def referred_by(lead: Candidate, found: list[Candidate]) -> dict[str, Candidate]:
    """A list's lead that refers back to a statement drafted before ("The statement lists four points:"), with it:
    its points are that statement's — or a lead whose party was found before it ("Their declaration sets out three
    conditions:"), with itself."""
    if not lead.sentence.endswith(":"):
        return {}
    if lead.derived_by == "ReferentFromContext" and lead.assertion_mode == "Reported":  # "Their declaration …:"
        return {lead.sentence: lead}  # its points are its party's, as it is
    drafted = {f"dgr:{c.kind.lower()}-{c.id}": c for c in found}
    return next(({lead.sentence: drafted[m.entity]} for m in lead.mentions if m.entity in drafted), {})


def listed_points(found: list[Candidate], leads: dict[str, list[Candidate]], referred: dict[str, Candidate]
            ) -> dict[str, list[Candidate]]:
    """Each statement drafted before a list whose lead refers back to it ("The statement lists four points:",
    "Their declaration sets out …:" after a title that announced it) → the points of that list."""
    drafted = {f"dgr:{c.kind.lower()}-{c.id}": c for c in found}
    listed: dict[str, list[Candidate]] = {}
    for lead in found:
        points = leads.get(lead.sentence) if lead.sentence.endswith(":") else None
        targets = [referred[lead.sentence]] if points and lead.sentence in referred else []
        targets += [drafted[m.entity] for m in lead.mentions if points and m.entity in drafted]
        listed |= {target.id: points for target in targets if target.id != lead.id}
    return listed
