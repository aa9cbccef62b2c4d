"""Who and what a sentence names: the graph's entities by their labels, aliases and cue words (exactly, or a
proper name spelt another way), and the people it names with an office whom the graph does not know yet."""

from __future__ import annotations

import difflib
import hashlib
import re

from anyascii import anyascii

from .gazetteer import Gazetteer
from .reporting import Role, roles
from .review import Candidate, Mention

__all__ = ["affiliations", "mentions", "people", "with_people"]


def mentions(sentence: str, gazetteer: Gazetteer) -> list[Mention]:
    """The entities a sentence names, longest phrases first: words a longer name took ("European Union") are not
    read again as a shorter one ("European")."""
    words = re.findall(r"[\w’'.-]+", sentence)
    found: dict[str, Mention] = {}
    taken: set[int] = set()
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            if taken.issuperset(range(start, start + size)):
                continue
            phrase = " ".join(words[start:start + size]).strip(".,;:’'")
            key = gazetteer.lookup(phrase)
            if key is not None:
                entity, label, actor = gazetteer[key]
                found.setdefault(entity, Mention(phrase, entity, label, 1.0, actor))
                taken.update(range(start, start + size))
                continue
            if size <= 2 and phrase[:1].isupper() and len(phrase) >= 3:  # a name, spelt otherwise
                close = gazetteer.closest(phrase.casefold())
                if close:
                    entity, label, actor = gazetteer[close]
                    score = round(difflib.SequenceMatcher(None, phrase.casefold(), close).ratio(), 2)
                    if entity not in found:
                        found[entity] = Mention(phrase, entity, label, score, actor)
    return sorted(found.values(), key=lambda m: sentence.casefold().find(m.text.casefold()))


def with_people(sentence: str, gazetteer: Gazetteer) -> list[Mention]:
    """The sentence's mentions, with the people it names with an office whom the graph does not know yet (their
    IRI is the one accepting their affiliation will define): such a person can be the speaker."""
    found = mentions(sentence, gazetteer) + [person for _, person, _, _ in people(sentence, gazetteer)]
    return sorted(found, key=lambda m: sentence.casefold().find(m.text.casefold()))


def people(sentence: str, gazetteer: Gazetteer) -> list[tuple[Role, Mention, Mention | None, str]]:
    """Each person named with an office whom the graph does not know: the role as written, a mention of the new
    person, the actor the office belongs to if the office names it ("Russian", "Ukraine's", "Kremlin"), and the
    office without it ("Defence Minister")."""
    found = []
    for role in roles(sentence):
        if gazetteer.lookup(role.name) or gazetteer.lookup(role.name.split()[-1]):
            continue  # a person the graph knows
        owners = [m for m in mentions(role.office, gazetteer) if m.actor]
        office = role.office
        for owner in owners:
            office = re.sub(rf"{re.escape(owner.text)}(?:['’]s)?\s*", "", office, count=1)
        iri = "dgr:" + re.sub(r"[^a-z0-9]+", "-", anyascii(role.name).lower()).strip("-")
        found.append((role, Mention(role.name, iri, role.name, 1.0, actor=True), owners[0] if owners else None,
                      office.strip() or role.office))
    return found


def affiliations(sentence: str, gazetteer: Gazetteer, author: str | None) -> list[Candidate]:
    """A candidate Affiliation for each new person the sentence names with an office: the words that say it are
    the quote, the author asserts it (the article states who holds the office)."""
    drafted = []
    for role, person, owner, office in people(sentence, gazetteer):
        whose = f", of {owner.label}" if owner else "; name the state or body it belongs to (affiliatedWith)"
        drafted.append(Candidate(
            id=hashlib.sha1(f"affiliation\0{role.phrase}".encode()).hexdigest()[:10], sentence=role.phrase,
            kind="Affiliation", asserted_by=author, assertion_mode="FactualAssertion",
            rule=f"{role.phrase!r}: a person the graph does not know, named with an office{whose}",
            mentions=[person] + ([owner] if owner else []), confidence=0.8 if owner else 0.5,
            content=[person.entity] + ([owner.entity] if owner else []), new_person=role.name, role=office))
    return drafted
