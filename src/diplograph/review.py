"""Review of drafted candidates: the review file, and accepting (into the fact sheet, validated) or rejecting.

Candidates live in a review file, ``data/review/<name>.yaml``, which is never
loaded as facts. ``accept`` writes one into the document's YAML fact sheet —
checked as it would be written, validated like a hand-written fact, replaced
atomically — or nothing; ``reject`` remembers the refusal, dated, so the
sentence is not proposed again. The command line and the web review call the
same two functions.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import yaml

from . import atomic
from .errors import DataError, DiplographError, Problem, unknown
from .judgements import UNCERTAIN
from .layout import Layout
from .sheets import dump_yaml, load_yaml
from .stances import stance_of
from .wording import comes_first_before

__all__ = ["Candidate", "Mention", "accept", "proposed_fact", "read_candidates", "reject", "review_file",
           "write_candidates"]


@dataclass(frozen=True)
class Mention:
    """A phrase of the sentence and the entity it names; ``score`` is 1 for an exact label or alias."""

    text: str
    entity: str
    label: str
    score: float
    actor: bool = False
    """Whether the entity is an actor (an instance of dg:Actor or a subclass): who can demand, hold, assert."""


@dataclass
class Candidate:
    """One drafted statement, for review."""

    id: str
    sentence: str
    kind: str
    asserted_by: str | None
    assertion_mode: str
    rule: str
    mentions: list[Mention] = field(default_factory=list)
    stated_on: str | None = None
    date_precision: str | None = None
    confidence: float = 0.0
    status: str = "pending"
    new_entities: list[str] = field(default_factory=list)
    """Names in the sentence the graph does not know (capitalised phrases): entities to add, if they matter."""
    decided_on: str | None = None
    """When it was accepted or rejected (UTC, ISO 8601)."""
    fact: str | None = None
    """The statement it became, once accepted."""
    findings: list[str] = field(default_factory=list)
    """What the audit says of the fact as drafted (see ``vetting``): accepting it unchanged needs ``force``."""
    content: list[str] = field(default_factory=list)
    """The entities the reported content names (after the reporting verb), in order: whom a demand is made of."""
    qualifiers: list[str] = field(default_factory=list)
    """The qualifiers its words carry ("the only guarantee": ``dg:Exclusive``), as the audit reads them."""
    measures: list[str] = field(default_factory=list)
    """The measures the sentence names (by the vocabulary's labels and cue words): what a demand calls for, what a
    position is towards, unless the reviewer says otherwise."""
    new_person: str | None = None
    """The name of a person the graph does not know whom the sentence introduces: an Affiliation's member (named
    with an office, ``role``), or one a statement names with a trade ("the historian …", its speaker or not);
    accepting defines them as a dg:Person unless the fact sheet already does."""
    role: str | None = None
    derived_by: str | None = None
    """The derivation rule (``dg:DerivationRules``) by which its parties come from elsewhere than its own words: a
    point of a statement its list's lead refers back to is that statement's (``ReferentFromContext``)."""
    points: list[str] = field(default_factory=list)
    """For a list's lead that stands for its points ("set out three conditions:"): their sentences, quoted beside
    its own — the words of the measures it calls for stand there."""
    speaks_for: str | None = None
    """When the page is a state body's own (its author a ministry, ``dg:PublisherForState``) and the sentence is in
    its own voice: the state that holds, demands or proposes what the author asserts."""
    seconds: float | None = None
    """How long the reviewer looked at it before deciding (the web review measures it): what review costs."""


def review_file(layout: Layout, name: str) -> Path:
    """Where the candidates of document ``name`` wait for review (a registered document: else the nearest name)."""
    return layout.data / "review" / f"{layout.document(name)}.yaml"


def reject(layout: Layout, name: str, candidate_id: str, *, seconds: float | None = None) -> Candidate:
    """Mark a candidate rejected for good: it is not proposed again (``seconds``: the time the reviewer took).

    Raises
    ------
    DiplographError
        when there is no such candidate, or it was accepted (its fact is in the sheet: remove that instead).
    """
    candidates = read_candidates(review_file(layout, name))
    candidate = _find(candidates, candidate_id, name)
    if candidate.status == "accepted":
        raise DiplographError(f"candidate {candidate.id} was accepted on {_day(candidate)} as {candidate.fact}; "
                              f"to undo it, delete that fact from data/documents/{name}.yaml")
    if candidate.status != "rejected":
        candidate.status, candidate.decided_on, candidate.seconds = "rejected", _now(), seconds
        write_candidates(review_file(layout, name), candidates)
    return candidate


def accept(layout: Layout, name: str, candidate_id: str, *, label: str | None = None,
           edits: dict[str, str | list[str]] | None = None, force: bool = False, seconds: float | None = None
           ) -> str:
    """Write candidate ``candidate_id`` (its id or a unique prefix) into document ``name``'s YAML fact sheet, if
    the corpus validates with it; its IRI (``seconds``: the time the reviewer took to decide, recorded).

    ``edits`` change proposed properties first (``{"demandedOf": "Kyiv"}``; a list gives several values). The
    sheet is checked as it would be written and only then replaced (a temporary file renamed into place), and
    the review file after it: a kill at any instant leaves the old sheet or the new valid one.

    Raises
    ------
    DataError
        listing each problem with file and line, when the fact would not validate; nothing is written then.
    DiplographError
        when the candidate was accepted already, or rejected (unless ``force``).
    """
    from .corpus import validate_files

    candidates = read_candidates(review_file(layout, name))
    candidate = _find(candidates, candidate_id, name)
    if candidate.status == "accepted":
        raise DiplographError(f"candidate {candidate.id} was accepted already, on {_day(candidate)}, as "
                              f"{candidate.fact}")
    if candidate.status == "rejected" and not force:
        raise DiplographError(f"candidate {candidate.id} was rejected on {_day(candidate)}; accept it with --force "
                              "if that was a mistake")
    if candidate.findings and not (force or edits):
        raise DiplographError(f"candidate {candidate.id} ({candidate.sentence[:60]!r}) has audit findings: "
                              f"{candidate.findings[0]}; correct it with --set, or accept it as drafted with --force")
    sheet = layout.documents_dir / f"{name}.yaml"
    if not sheet.exists():
        raise DiplographError(f"{name} has no YAML fact sheet ({sheet}); accepted facts are written to one")
    iri = f"dgr:{candidate.kind.lower()}-{candidate.id}"
    before = sheet.read_text(encoding="utf-8")
    if not re.search(rf"^\s*-?\s*id:\s*{re.escape(iri)}\s*$", before, re.MULTILINE):
        after = before.rstrip("\n") + "\n" + _fact(candidate, name, iri, label, edits or {}, before)
        problems = validate_files(layout, overrides={sheet: after})
        if problems:
            raise DataError(problems)
        atomic.write(sheet, after)
    # else: an accept stopped between writing the sheet and the review file; the fact is in place already
    candidate.status, candidate.decided_on, candidate.fact, candidate.seconds = "accepted", _now(), iri, seconds
    write_candidates(review_file(layout, name), candidates)
    return iri


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(candidate: Candidate) -> str:
    return (candidate.decided_on or "an earlier date")[:10]


def _fact(candidate: Candidate, name: str, iri: str, label: str | None,
          edits: dict[str, str | list[str]], sheet: str) -> str:
    """The candidate as a YAML-LD statement for the fact sheet — after the new person it names (an affiliation's
    member, or the person a statement names with a trade), if the sheet does not define them yet."""
    fact = proposed_fact(candidate, name, iri, label, edits)
    nodes = [fact]
    member = fact.get("member") if candidate.kind == "Affiliation" else next(
        (m.entity for m in candidate.mentions if m.text == candidate.new_person), None)
    if candidate.new_person and isinstance(member, str) and not re.search(
            rf"^\s*-?\s*id:\s*{re.escape(member)}\s*$", sheet, re.MULTILINE):
        nodes.insert(0, {"id": member, "type": "Person", "label": candidate.new_person})
    text = dump_yaml(nodes)
    return f"  # accepted from review (candidate {candidate.id})\n" + "".join(
        f"  {line}\n" for line in text.splitlines())


def _demand(candidate: Candidate, speaker: str, addressees: list[str]) -> dict[str, object]:
    """A drafted demand's own fields: who demands, of whom, what (the measures its words name: no default), and what
    it must come before ("a ceasefire before any talks": a precondition of the talks)."""
    fields: dict[str, object] = {"demandedBy": speaker}
    if candidate.measures:
        fields["callsFor"] = candidate.measures
    if addressees:
        fields["demandedOf"] = addressees[0]
    later = " ".join(comes_first_before(s) or "" for s in [candidate.sentence, *candidate.points]).casefold()
    preceded = [m.entity for m in candidate.mentions if not m.actor and later and m.text.casefold() in later]
    if preceded:
        fields["preconditionFor"] = preceded
    return fields


def _from_context(candidate: Candidate) -> bool:
    """Whether the speaker is a party taken from the context ("It welcomes …"), which the sentence does not name:
    no party is filled in by default, but one the drafter resolved is."""
    return candidate.derived_by == "ReferentFromContext" and not (candidate.asserted_by or "").startswith(
        "dgr:author-")


def _position(candidate: Candidate, speaker: str, others: list[str], actors: list[str]) -> dict[str, object]:
    """A position's holder, stance and what it is towards: a thing or a measure its words name first, else another
    party they name by its name ("committed to supporting Ukraine"); else the reviewer names it (``--set
    towards=…``), or validation asks for it."""
    named = {m.entity for m in candidate.mentions if m.actor and m.score == 1}  # by its name, not a likeness
    target = next((e for e in others if e not in actors), None) or next(iter(candidate.measures), None) or \
        next((e for e in others if e in named), None)
    return {"holder": speaker, "stance": stance_of(candidate.sentence)} | ({"towards": target} if target else {})


def proposed_fact(candidate: Candidate, name: str, iri: str | None = None, label: str | None = None,
                  edits: dict[str, str | list[str]] | None = None) -> dict[str, object]:
    """The statement ``candidate`` of document ``name`` would become (with ``edits``), as fact-sheet fields.

    The speaker holds a position or makes a demand; the parties of the reported content are whom a demand is
    made of and what a position is towards; a demand calls for the measures its words name. Nothing is filled in
    by default: what the sentence does not say, the reviewer sets (or validation asks for).
    """
    iri = iri or f"dgr:{candidate.kind.lower()}-{candidate.id}"
    actors = [m.entity for m in candidate.mentions if m.actor]
    speaker = candidate.speaks_for or (
        candidate.asserted_by if candidate.asserted_by in actors or _from_context(candidate) else None)
    others = [entity for entity in candidate.content or [m.entity for m in candidate.mentions] if entity != speaker]
    fields: dict[str, object] = {"id": iri, "type": candidate.kind, "label": label or candidate.sentence.rstrip(".")}
    if candidate.kind == "Position" and speaker:
        fields |= _position(candidate, speaker, others, actors)
    elif candidate.kind == "Demand" and speaker:
        fields |= _demand(candidate, speaker, [e for e in others if e in actors])
    elif candidate.kind == "Principle" and speaker:
        fields["heldBy"] = speaker
        if candidate.measures:  # no default: a principle calls for what its words name, or the reviewer says
            fields["callsFor"] = candidate.measures
    elif candidate.kind == "Affiliation":
        member, *state = candidate.content
        fields |= {"member": member, "role": candidate.role or ""}
        if not label:
            fields["label"] = f"{candidate.new_person or member} is {candidate.role}"
        if state:
            fields["affiliatedWith"] = state[0]
    elif candidate.kind == "Proposal":
        fields |= {"describedBy": candidate.asserted_by or f"dgs:{name}", "assertionMode": candidate.assertion_mode}
    else:
        fields["about"] = [m.entity for m in candidate.mentions] or [f"dgs:{name}"]
        if candidate.kind == "Claim" and UNCERTAIN.search(candidate.sentence):  # "it is unclear whether …"
            fields["ascribesStance"] = "Undetermined"
    subjects = [e for e in others if e not in actors and e != fields.get("towards")]
    if candidate.kind in ("Demand", "Position", "Principle") and speaker and subjects:  # a territory, process …
        fields["concerns"] = subjects
    if candidate.kind != "Proposal":  # a proposal is described by someone, not asserted
        fields |= {"attributedTo": candidate.asserted_by or f"dgs:{name}",
                   "assertionMode": candidate.assertion_mode, "derivedFrom": f"dgs:{name}"}
    if candidate.derived_by:
        fields["derivedBy"] = candidate.derived_by
    if candidate.qualifiers and candidate.kind != "Affiliation":
        fields["qualifier"] = candidate.qualifiers
    if candidate.stated_on:
        fields |= {"statedOn": candidate.stated_on, "datePrecision": candidate.date_precision}
    elif candidate.date_precision == "Recurring":
        fields["datePrecision"] = "Recurring"
    elif candidate.assertion_mode == "Reported":
        fields["datePrecision"] = "AsOfDocument"
    fields.update({key: value[0] if isinstance(value, list) and len(value) == 1 else value
                   for key, value in (edits or {}).items()})
    fields["evidence"] = [{"source": f"dgs:{name}", "selector": {"type": "TextQuoteSelector", "exact": exact}}
                          for exact in [candidate.sentence, *candidate.points]]
    return fields


_ID = re.compile(r"[0-9a-f]{10}")


def read_candidates(path: Path) -> list[Candidate]:
    """The candidates of a review file, each checked for its shape (the file is data a person may have edited).

    Raises
    ------
    DataError
        naming the file (and line) when it is not YAML, or a candidate has an unknown field, a wrong type of value
        or an id that is not 10 hexadecimal digits.
    """
    if not path.exists():
        return []
    try:
        loaded = load_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataError([Problem(str(path), mark.line + 1 if mark else None,
                                 f"not a review file: {getattr(error, 'problem', None) or 'YAML error'}")]) from None
    found = []
    for number, item in enumerate(loaded.get("candidates", []) if isinstance(loaded, dict) else [None], start=1):
        try:
            candidate = Candidate(**{**item, "mentions": [Mention(**m) for m in item.get("mentions", [])]})
            if not (_ID.fullmatch(candidate.id) and isinstance(candidate.sentence, str)
                    and candidate.status in ("pending", "accepted", "rejected")):
                raise TypeError("an id of 10 hexadecimal digits, a sentence and a status")
        except (TypeError, AttributeError) as error:
            raise DataError([Problem(str(path), None, f"candidate {number} is not one diplograph wrote: {error}")]) \
                from None
        found.append(candidate)
    return found


def write_candidates(path: Path, candidates: list[Candidate]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Drafted candidates for review (diplograph draft / review): never loaded as facts. "
              "Accept one with `diplograph review NAME --accept ID`, reject with --reject ID.\n")
    atomic.write(path, header + dump_yaml({"candidates": [asdict(c) for c in candidates]}))


def _find(candidates: list[Candidate], candidate_id: str, name: str) -> Candidate:
    """The candidate with id ``candidate_id``, or the only one whose id starts with it (4 characters at least)."""
    wanted = candidate_id.strip().lower()
    exact = [c for c in candidates if c.id == wanted]
    found = exact or ([c for c in candidates if c.id.startswith(wanted)] if len(wanted) >= 4 else [])
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise DiplographError(f"{candidate_id!r} starts {len(found)} candidates' ids ({', '.join(c.id for c in found)}"
                              "); give more of it")
    raise unknown("candidate", candidate_id, [c.id for c in candidates])
