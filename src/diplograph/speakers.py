"""Who speaks in a sentence: the party named as the subject of its reporting verb (``speaker_of``), and, when the
sentence does not name them — a pronoun ("They argue …", "his office said"), a body named by what it is ("the
Council said"), a document of theirs ("Their declaration sets out …") — the one found in the sentences drafted
before it, as a reader would: the drafter first says which kind of unnamed speaker a sentence has
(``unnamed_speaker``, ``their_paper``: a rule kept as the candidate's), then whom it stands for (``as_before``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .gazetteer import Gazetteer
from .leads import IT_WOULD, terms_of_a_plan
from .mentions import with_people
from .reporting import IT_SAYS, OTHERS, Voice, after_preposition, voice, without_asides
from .review import Candidate, Mention
from .wording import BOTH_PARTIES, DATELINE, ITS_CLAUSE, LINE_LABEL, THE_COUNTED, UNNAMED_MEMBERS, joined_subject

__all__ = ["INSTITUTION", "NO_ONE_IN_PARTICULAR", "NO_PARTY_FIRST", "as_before", "named_again",
           "of_a_body", "pronoun_subject", "speaker_of", "spoken_of", "their_paper",
           "unnamed_speaker"]

INSTITUTION = re.compile(r"the\s+(?:[\w’'-]+\s+){0,2}?(?:ministry|government|office|cabinet|presidency|general staff|"
                         r"army|spokes(?:man|woman|person))", re.I)
"""A body named by what it is, after what it reports ("…, the interior ministry announced"): whose, the sentence's
party says."""

NO_ONE_IN_PARTICULAR = re.compile(r"(?:few|many|most|some|fewer|nobody|no one|everyone|everybody)|"
                                  r"(?:few|fewer|nobody|no one|some|many|most|others)\s+in\s+[A-Z][\w’'-]+", re.I)
"""A subject that is no one in particular ("Few expect …", "Few in Chisinau expect …")."""

NO_PARTY_FIRST = re.compile(r"(?:(?:the|a|an|some|several|many|most)\s+)?(?:critics|pollsters?|surveys?|polls?)\b|"
                            + UNNAMED_MEMBERS.pattern, re.I)
"""A speaker that is no party, whatever place follows it ("Critics in Kyiv accuse …")."""

_PRONOUN = re.compile(r"(?:(?:he|she|they|it|him|her|them)|(?:his|her|its|their)\s+(?:[\w-]+\s+)?(?:office|"
                      r"spokes(?:man|woman|person)|ministry|government|envoy|aides?|team|administration|cabinet|"
                      r"deputy|director|head|chief|governor|chair(?:man|woman)?|negotiators?|delegat(?:ion|es)|officials|leaders?|"
                      r"secretary-general))(?:\s+(?:also|again|later|then|further|still))?", re.I)
_PRONOUN_FIRST = re.compile(r"(?:he|she|they)\s+[a-z]+\b[^,;]*\band|(?:he|she|they|it)\s+(?-i:[a-z]+)\b[^,;]*,?", re.I)
"""A pronoun, the subject of a verb before the reporting one ("He thanked his allies and asked …"): it speaks."""
_PRONOUN_SPEAKS = "a pronoun speaks (\"they argue\", \"his office said\"): the party who spoke in the sentence before"
_BODY = re.compile(r"(?:the\s+|an?\s+)?(?:(?:senior|top|high-ranking)\s+)?(?:council|commission|bloc|alliance|"
                   r"organi[sz]ation|mission|monitors|union|agency)(?:['’]s\s+[\w -]{1,40}|\s+(?:spokes(?:man|woman|"
                   r"person)|officials?|sources?|diplomats?))?", re.I)
_THE_BODY = re.compile(r"\bthe\s+(council|commission|bloc|alliance|organi[sz]ation|agency)\b", re.I)
"""A body named by what it is anywhere in a sentence ("membership of the alliance"): what it stands for."""
_AUXILIARIES = re.compile(r"(?:\s+(?:has|have|had|also|again|later|then|further|still|now|repeatedly|already|long|"
                          r"often|publicly))+$", re.I)
_WHEN_FIRST = re.compile(r"^(?:(?:in|on|at|during|after|before|last|later|earlier|this)\s+(?:[\w-]+\s+){0,2}?"
                         r"[\w-]+\s*,?\s+|(?:later|then|afterwards|meanwhile|again),?\s+)(?=(?:he|she|they|it)\b)",
                         re.I)
"""When, before a pronoun that speaks: "In March he rejected …", "At those talks he insisted …", "Later, she said
…"."""
_BODY_SPEAKS = "a body named by what it is (\"the Council\"): the party named in the sentence before"
_OFFICE = re.compile(r"the\s+(?:[\w-]+\s+){0,2}?(?P<office>envoy|ambassador|minister|spokes(?:man|woman|person)|"
                     r"chancellor|commissioner|secretary|negotiator|representative|president|premier|cardinal|"
                     r"archbishop|bishop|patriarch|general|admiral)", re.I)
_THEN = re.compile(r"(?:later|then|afterwards|meanwhile|earlier|again)\b,?\s*", re.I)  # "Later, the ambassador told"
_OFFICE_SPEAKS = "an office speaks (\"the envoy replied\"): the person the page introduced with it"
_ORGAN = re.compile(r"(?:(?:a|an|the)\s+spokes(?:man|woman|person)\s+for\s+)?the\s+(?:[\w’'-]+\s+){0,2}?(?:ministry|"
                    r"government|presidency|cabinet|foreign office|(?-i:T)reasury|(?-i:p)arliament|legislature|navy|"
                    r"army|air force|armed forces|general staff|(?-i:S)peaker|governor|mayor|bureau|security service|"
                    r"central bank|(?:president|prime minister|chancellor|prosecutor(?:[- ]general)?)['’]s office)|"
                    r"(?:(?:the|federal|state|military)\s+)?prosecutors", re.I)
_ORGAN_SPEAKS = ("a state's organ, or its office, named by what it is (\"The ministry said …\", \"the speaker of "
                 "parliament told …\"): the party the page spoke of before")
_HOME_ORGAN = re.compile(r"\b(?:government|cabinet|parliament|(?-i:T)reasury|mayor|governor|presidency|"
                         r"president['’]s office|prosecutors)\b", re.I)
"""A state's organ named alone, as a page filed in its capital names its own ("The government has said …", "a
Treasury official said …")."""
_ORGANS_OFFICIAL = re.compile(r"(?:an?\s+)?(?:(?:senior|top|high-ranking)\s+)?(?:(?-i:T)reasury|(?:[\w-]+\s+)?ministry|"
                              r"government)\s+(?:officials?|spokes(?:man|woman|person)|aides?|sources?)", re.I)
"""An unnamed official of a state's organ named by what it is ("a Treasury official", "a defence ministry source"):
the organ's state speaks, as the page's dateline or the party it spoke of says."""
_COUNTED_SPEAKS = "parties counted (\"the three countries\"): those the page spoke of before, the first of them"
_PAPER = re.compile(r"(?:their|its|his|her|the)\s+(?:joint\s+|final\s+|new\s+|closing\s+|adopted\s+)?"
                    r"(?:declaration|statement|communiqu[eé]|letter|reply|response|text|resolution|motion|appeal|plan|"
                    r"proposal|initiative|report)\b", re.I)
_PAPER_SPEAKS = ("a document of theirs (\"Their declaration sets out …\", \"The resolution urges …\"): the parties the "
                 "page spoke of in the sentence before")


def unnamed_speaker(who: str) -> str | None:
    """The rule that finds the party behind ``who``, the words before a reporting verb, when they name none: a
    pronoun (also one that is the subject of a verb joined to the reporting one), or a body named by what it is."""
    who = _WHEN_FIRST.sub("", _AUXILIARIES.sub("", DATELINE.sub("", who.strip())))  # "The agency has proposed": the
    # agency; "KYIV, 17 February — The capital's mayor": the mayor; "In March he": he; "Later, the ambassador": the
    # ambassador
    who = who[then.end():] if (then := _THEN.match(who)) else who
    if _PRONOUN.fullmatch(who) or _PRONOUN_FIRST.fullmatch(who):
        return _PRONOUN_SPEAKS
    if _OFFICE.fullmatch(who):
        return _OFFICE_SPEAKS
    if _ORGAN.fullmatch(who):
        return _ORGAN_SPEAKS
    if _PAPER.fullmatch(who):  # "The resolution said …": the words of whoever adopted it
        return _PAPER_SPEAKS
    if THE_COUNTED.fullmatch(who):  # "The three countries have ruled out …": those the page named before
        return _COUNTED_SPEAKS
    return of_a_body(who)  # "the alliance said", "a ministry spokesman added"


def of_a_body(who: str) -> str | None:
    """The rule for an unnamed speaker of a body or a state's organ named by what it is ("a senior alliance official",
    "a Treasury official"): the body's, or the organ's state's."""
    if _ORGANS_OFFICIAL.fullmatch(who.strip(" ,")):
        return _ORGAN_SPEAKS
    return _BODY_SPEAKS if _BODY.fullmatch(who.strip(" ,")) else None


def pronoun_subject(span: str) -> bool:
    """Whether ``span`` opens with a pronoun that is the subject of a verb joined to the reporting one."""
    return bool(_PRONOUN_FIRST.fullmatch(span))


def their_paper(sentence: str) -> str | None:
    """The rule for a sentence whose subject is a document of parties it does not name ("Their declaration …")."""
    return _PAPER_SPEAKS if _PAPER.match(sentence) else None


def spoken_of(found: list[Candidate]) -> Mention | None:
    """The party the page spoke of in the last sentence that spoke of one: who spoke there, else the first party it
    named — not a person the page introduced (whose party is what is wanted)."""
    before = next((c for c in reversed(found) if c.kind != "Affiliation" and (
        c.speaks_for or any(m.actor for m in c.mentions) or c.assertion_mode == "Reported"
        and not (c.asserted_by or "").startswith("dgr:author-"))), None)  # not a banner, nor sources unnamed
    if before is None:
        return None
    owners = {c.mentions[0].entity: c.mentions[1] if len(c.mentions) > 1 else None
              for c in found if c.kind == "Affiliation" and c.mentions}  # a person the page introduced: whose
    speaker = before.speaks_for or (before.asserted_by if before.assertion_mode == "Reported"
                                    and not (before.asserted_by or "").startswith("dgr:author-") else None)
    if speaker in owners:
        return owners[speaker]
    if speaker:
        return next((m for m in before.mentions if m.entity == speaker), Mention(speaker, speaker, speaker, 1.0, True))
    return next((m for m in before.mentions if m.actor and m.entity not in owners), None)


def _called(sentence: str, read: list[Candidate], gazetteer: Gazetteer) -> Mention | None:
    """The organisation last named on the page whose name ends in the word the sentence calls its body by ("the
    agency" after "the International Atomic Energy Agency"), however far back."""
    body = _BODY.match(sentence) or _THE_BODY.search(sentence)  # "… membership of the alliance" too
    noun = re.sub(r"^the\s+", "", body.group(), flags=re.I).split()[0].split("'")[0].split("’")[0].casefold() \
        if body else ""
    named = next((m for c in read for m in c.mentions if m.entity in gazetteer.organisations and noun
                  and any(name.casefold().split()[-1] == noun for name in (m.text, m.label, *(
                      key for key, (entity, _, _) in gazetteer.items() if entity == m.entity)))), None)
    return None if named is None else replace(named, text=body.group())  # "the alliance": NATO's other name


def as_before(candidate: Candidate, found: list[Candidate], gazetteer: Gazetteer) -> Candidate:
    """A sentence whose speaker is a pronoun ("They argue that …") given to the party who spoke in the one before;
    one whose speaker is a body named by what it is ("the organisation said", "the bloc's foreign policy chief") to
    the organisation named in it or in the three sentences before, else to the party the sentence before named;
    one whose subject is a document of theirs to the party the page spoke of in the sentence before."""
    before = found[-1] if found else None
    if (holders := _holders_named_before(candidate, found)) is not None:  # "EU leaders agreed …. Leaders call on …"
        return holders
    if before is not None and before.assertion_mode == "Interpretation" and not (before.asserted_by or "").startswith(
            "dgr:author-") and (OTHERS.match(candidate.sentence) or candidate.rule == _PRONOUN_SPEAKS):  # "They also …"
        return replace(candidate, kind="Prediction" if candidate.kind == "Prediction" else "Assessment",
                       asserted_by=before.asserted_by, assertion_mode="Interpretation",
                       derived_by="ReferentFromContext",
                       rule=f"others of the readers, or the readers again, the sentence before gave: "
                       f"{before.asserted_by}'s reading")
    if before is not None and OTHERS.match(candidate.sentence) and before.assertion_mode == "Reported" and \
            (before.asserted_by or "").startswith("dgr:author-"):  # "One diplomat said …. Others see …": unnamed too
        return replace(candidate, kind="Prediction" if candidate.kind == "Prediction" else "Assessment",
                       asserted_by=before.asserted_by, assertion_mode="Reported",
                       rule="others of the unnamed sources the sentence before gave: the source vouches for them")
    if candidate.rule == _BODY_SPEAKS:  # "EU ministers met …. The Council calls on …": the body of the party named
        bodies = sorted((m for c in [candidate, *found[:-4:-1]] for m in c.mentions
                         if m.entity in gazetteer.organisations),
                        key=lambda m: not _named_so(m, candidate, found))  # "the UN refugee agency. The agency …"
        named = _called(candidate.sentence, [candidate, *reversed(found)], gazetteer) or (bodies[0] if bodies else (
            next((m for m in before.mentions if m.actor), None) if before else None))
        return candidate if named is None else replace(
            candidate, asserted_by=named.entity, mentions=[named, *candidate.mentions],
            derived_by="ReferentFromContext", rule=f"{_BODY_SPEAKS}: {named.entity}")
    if candidate.rule == _OFFICE_SPEAKS:  # "The US envoy, <Name>, told …. The envoy replied …": that person
        then = _THEN.match(candidate.sentence)  # "Later, the ambassador told …"
        office = _OFFICE.match(candidate.sentence, then.end() if then else 0)
        holder = next((c.mentions[0] for c in reversed(found) if c.kind == "Affiliation" and c.mentions and office
                       and office.group("office").casefold() in f"{c.role} {c.sentence}".casefold()), None) \
            or _office_of_party(office.group("office") if office else "", found) or _filed_in([*found, candidate],
                                                                                              gazetteer)
        return candidate if holder is None else replace(
            candidate, asserted_by=holder.entity, derived_by="ReferentFromContext",
            mentions=[holder, *(m for m in candidate.mentions if m.entity != holder.entity)],
            rule=f"{_OFFICE_SPEAKS}: {holder.entity}")
    if candidate.rule in (_PAPER_SPEAKS, _ORGAN_SPEAKS, _COUNTED_SPEAKS):  # "… issued a joint declaration. Their
        # declaration …"
        home = _filed_in([*found, candidate], gazetteer) if candidate.rule == _ORGAN_SPEAKS and _HOME_ORGAN.search(
            _who(candidate)) else None  # "LONDON — … The government has said …": the dateline's state's
        party = home or spoken_of(found)
        named = [] if candidate.rule == _ORGAN_SPEAKS else [party]  # "The ministry said …" does not name its state
        return candidate if party is None else replace(
            candidate, asserted_by=party.entity, mentions=[*named, *candidate.mentions],
            derived_by="ReferentFromContext", rule=f"{candidate.rule}: {party.entity}")
    if candidate.rule != _PRONOUN_SPEAKS or IT_WOULD.match(candidate.sentence) and before and before.kind == "Proposal":
        named = _called(candidate.sentence, list(reversed(found)), gazetteer)  # "The council is likely to meet …"
        if named is not None and named.entity not in {m.entity for m in candidate.mentions}:
            candidate = replace(candidate, mentions=[named, *candidate.mentions],
                                derived_by=candidate.derived_by or "ReferentFromContext")
        return terms_of_a_plan(candidate, found)
    return _pronouns_party(candidate, found)


def _pronouns_party(candidate: Candidate, found: list[Candidate]) -> Candidate:
    """A sentence whose speaker is a pronoun given to the party who spoke just before; when none did, to the person
    the page introduced last ("he"), or to the party it named last ("Its governor told …"), else to no one."""
    before = found[-1] if found else None
    if before is None or before.assertion_mode != "Reported" or before.asserted_by in (None, candidate.asserted_by):
        person = _last_person(candidate.sentence, found)
        if person is not None:  # "In March he rejected …" after an anonymous verdict on the man the page introduced
            return replace(candidate, asserted_by=person.entity, mentions=[person, *candidate.mentions],
                           derived_by="ReferentFromContext", rule=f"{_PRONOUN_SPEAKS}: the last person introduced, "
                           f"{person.entity}")
        if _ITS.match(candidate.sentence) and (owner := spoken_of(found)):  # "Russia's central bank … Its governor"
            return replace(candidate, asserted_by=owner.entity, derived_by="ReferentFromContext",
                           rule=f"{_PRONOUN_SPEAKS}: {owner.entity}'s organ")
        return replace(candidate, rule="a pronoun speaks, and no party spoke just before: the source vouches for it")
    return replace(candidate, asserted_by=before.asserted_by, rule=f"{_PRONOUN_SPEAKS}: {before.asserted_by}",
                   derived_by="ReferentFromContext")  # the pronoun names no one: the party is the context's


def _named_so(body: Mention, candidate: Candidate, found: list[Candidate]) -> bool:
    """Whether a sentence before named ``body`` with the word ``candidate`` calls its speaker ("the UN refugee
    agency" before "The agency warned …"): that body, rather than another the sentences name."""
    noun = _THE_BODY.search(candidate.sentence)
    return noun is not None and any(re.search(rf"{re.escape(body.text)}\s+(?:[\w-]+\s+){{0,2}}?{noun.group(1)}\b",
                                              c.sentence, re.I) for c in found[-3:])


def _who(candidate: Candidate) -> str:
    """The words of ``candidate``'s sentence that name who speaks (before its reporting verb, or after its content)."""
    heard = voice(candidate.sentence, [m.text for m in candidate.mentions])
    return candidate.sentence[heard.speaker_start:heard.speaker_end]


_HOLDERS = re.compile(r"(?:the\s+)?(?P<noun>leaders|ministers|(?:foreign|defen[cs]e)\s+ministers|heads\s+of\s+"
                      r"(?:state|government)|envoys|negotiators)", re.I)
"""Office-holders named by their office alone, as a speaker ("Leaders call on …", "The ministers agreed …")."""


def _holders_named_before(candidate: Candidate, found: list[Candidate]) -> Candidate | None:
    """The candidate given to the party whose office-holders the page named before with its name ("European Union
    leaders agreed …"), when its unnamed speaker is those holders again ("Leaders call on Russia …"); None for holders
    of no party named ("Western leaders")."""
    if candidate.assertion_mode != "Reported" or not (candidate.asserted_by or "").startswith("dgr:author-"):
        return None
    held = _HOLDERS.fullmatch(_who(candidate).strip(" ,"))
    noun = held.group("noun").split()[-1] if held else ""
    party = next((m for c in reversed(found) for m in _holders_of(c, noun)), None) if noun else None
    return None if party is None else replace(
        candidate, asserted_by=party.entity, derived_by="ReferentFromContext",
        rule=f"office-holders named alone (\"Leaders call on …\"): the party's whose the page named before, "
        f"{party.entity}")


def _holders_of(candidate: Candidate, noun: str) -> list[Mention]:
    """The parties ``candidate``'s sentence names as having the office-holders ``noun`` names: "EU leaders", "Poland's
    ministers", "the foreign ministers of Denmark, Estonia and Finland" (all of them, in the order named)."""
    listed = re.search(rf"\b{noun}\s+of\s+(?:the\s+)?(?P<names>[^.;:]+)", candidate.sentence, re.I)
    return [m for m in candidate.mentions if m.actor and (re.search(
        rf"{re.escape(m.text)}(?:['’]s)?\s+(?:[\w-]+\s+)?{noun}\b", candidate.sentence, re.I)
        or listed and m.text in listed.group("names"))]


def _office_of_party(office: str, found: list[Candidate]) -> Mention | None:
    """The party whose office the page named before without a person ("Russia's ambassador walked out. Later, the
    ambassador told reporters …"): that party speaks through it."""
    return next((m for c in reversed(found) for m in c.mentions if office and m.actor and re.search(
        rf"{re.escape(m.text)}\s+(?:[\w-]+\s+){{0,2}}?{re.escape(office)}\b", c.sentence, re.I)), None)


def _filed_in(found: list[Candidate], gazetteer: Gazetteer) -> Mention | None:
    """The state whose capital the page's dateline names ("BRATISLAVA, 23 May —"): an office no one was introduced
    with ("the prime minister said") is that state's, when the page named no other party's."""
    place = next((m.group("place").strip() for c in found if (m := DATELINE.match(c.sentence))), None)
    key = gazetteer.lookup(place.title()) if place else None
    entity, label, actor = gazetteer[key] if key else (None, "", False)
    return Mention(place.title(), entity, label, 1.0, True) if actor and entity not in gazetteer.organisations else None


def _people(found: list[Candidate]) -> list[tuple[str, Mention]]:
    """The people the page introduced so far, with an office ("President of Turkey Recep Madeupoglu") or a trade
    ("the historian Clara Madeupwell"): each name and the person's mention, in order."""
    return list({c.new_person: (c.new_person, m) for c in found if c.new_person
                 for m in c.mentions if m.text == c.new_person}.values())


def _last_person(sentence: str, found: list[Candidate]) -> Mention | None:
    """The person a "he" or "she" opening the sentence's report stands for: the last one the page introduced, else
    the party whose office-holder the sentence before named ("… remarks by Finland's president …. He told …", "the
    head of the agency", "who led Ukraine's delegation"), over sentences that go on about him naming no party ("He
    was 71.")."""
    if not re.search(r"\b(?:he|she)\b", sentence, re.I):
        return None
    if people := _people(found):
        return people[-1][1]
    before = next((c for c in reversed(found) if any(m.actor for m in c.mentions)
                   or not re.search(r"\b(?:he|she)\b", c.sentence, re.I)), None)
    return next((m for m in before.mentions if m.actor and re.search(
        rf"{re.escape(m.text)}(?:['’]s)?\s+(?:[\w-]+\s+)?{_HEAD}\b|\b{_HEAD}\s+of\s+(?:the\s+)?{re.escape(m.text)}|"
        rf"\b(?:led|leads|headed|heads)\s+{re.escape(m.text)}(?:['’]s)?\s+(?:[\w-]+\s+)?(?:delegation|team|mission)\b",
        before.sentence)), None) if before else None


_HEAD = (r"(?:president|prime\s+minister|chancellor|minister|envoy|ambassador|spokes(?:man|woman|person)|negotiator|"
         r"head|chief|director(?:[- ]general)?|secretary[- ]general|chair(?:man|woman)?)")  # an office of one person


def named_again(candidate: Candidate, found: list[Candidate]) -> Candidate:
    """A person the page introduced with an office, named again without it ("Madeupoglu reiterated …"): that person
    is mentioned — and speaks, when the name is the subject of the reporting verb no party was found for."""
    heard = voice(candidate.sentence, [m.text for m in candidate.mentions])
    who = candidate.sentence[heard.speaker_start:heard.speaker_end]
    for name, person in _people(found):
        if person.entity in {m.entity for m in candidate.mentions}:
            continue
        spelled = next((n for n in (name, name.split()[-1], name.split()[0])  # "Li" for Li Madeuhui, surname first
                        if re.search(rf"\b{re.escape(n)}\b", candidate.sentence)), None)
        if spelled is None:
            continue
        candidate = replace(candidate, mentions=[*candidate.mentions, replace(person, text=spelled)])
        if heard.kind == "reported" and spelled in who and (candidate.asserted_by or "").startswith("dgr:author-"):
            candidate = replace(candidate, asserted_by=person.entity,
                                rule=f"{spelled!r} {heard.verb}: the person the page introduced, who speaks")
    return candidate


_ITS = re.compile(r"(?:its|their|his|her|the\s+(?:country|nation|government|state)['’]s)\s", re.I)
"""A speaker named by a possessive after the content ("…, its foreign ministry said", "…, the country's oil
minister said"): the subject's own."""
def speaker_of(sentence: str, heard: Voice, gazetteer: Gazetteer) -> Mention | None:
    """The party whose words the sentence reports: the actor named nearest before the reporting verb (or after
    "according to", or after the content: "…, the Russian foreign ministry said"); None when no party is named
    there. The speaker's words are read on their own: a party named in the content too ("Russia will leave …") is
    the speaker by the name it has there ("the Russian foreign ministry")."""
    if heard.kind not in ("reported", "according"):
        return None
    span = without_asides(sentence[heard.speaker_start:heard.speaker_end])  # "The EU, which has banned …, urged"
    label = LINE_LABEL.match(span)  # "Kyiv: Zelenskyy thanked …": the line's own subject speaks, not its label
    if label and any(m.actor for m in with_people(span[label.end():], gazetteer)):
        span = span[label.end():]
    if pronoun_subject(span.strip()):  # "He thanked European partners and asked …": he, not Europe
        return None
    if heard.speaker_start and _ITS.match(span.strip(" ,”\"")):  # "Kyiv will never …, its envoy said": Kyiv's
        span = sentence[:heard.speaker_start]
        return next((m for m in with_people(span, gazetteer) if m.actor), None)
    if own := ITS_CLAUSE.search(span):  # "Ukraine endorsed …, and its foreign ministry said …": Ukraine's
        return next((m for m in with_people(span[:own.start()], gazetteer) if m.actor), None)
    before = [m for m in with_people(span, gazetteer) if m.actor]
    if not before:  # "according to readouts released by both governments": the parties the sentence names
        both = BOTH_PARTIES.search(span)
        return next((m for m in with_people(sentence, gazetteer) if m.actor), None) if both else None
    if heard.kind == "according":
        return before[0]
    # "Russia's envoy to the UN accused …": a party named after a preposition is where the speaker serves, not who
    # speaks, when another party is named before it
    heads = [m for m in before if not after_preposition(span, span.find(m.text))]
    first = (heads or before)[0]
    between = span[span.find(first.text) + len(first.text):span.find(heads[1].text)] if len(heads) > 1 else ""
    if re.fullmatch(r"\s*(?:,|and|,\s+and)\s*", between):  # "China and India abstained, saying …": both speak,
        return first  # the first for the drafter, as for the audit
    if IT_SAYS.search(span):  # "… sanctions on Chinese firms it accuses of …": it, the sentence's subject
        return first
    if joined_subject(span, span.find(first.text) + len(first.text)):
        return first  # "Zelenskyy thanked the Emirates … and called for …": the subject of both verbs
    return (heads or before)[-1]
