"""The names drafting looks for in a sentence: every entity's labels, aliases and cue words (demonyms), with a
look-up that reads possessives, demonyms and close spellings, and the words of the vocabulary's measures."""

from __future__ import annotations

import difflib
import re

from .fidelity import CLOSE_SPELLING, cue_in, normalise
from .graph import KnowledgeGraph
from .namespaces import DG, DGR, SKOS
from .terms import short

__all__ = ["Gazetteer", "gazetteer_of"]


class Gazetteer(dict):
    """Casefolded label or alias → (entity as a prefixed name, its label, whether it is an actor), with a look-up of
    the closest spelling among names of its first letter and a length that could reach the cut-off only."""

    def __init__(self, names: dict[str, tuple[str, str, bool]], measures: dict[str, set[str]] | None = None):
        super().__init__(names)
        self.measures = measures or {}
        """Each measure of the vocabulary (``dg:Name``) → the words that name it (labels and cue words)."""
        self._by_letter: dict[str, list[str]] = {}
        for key in sorted(self):
            self._by_letter.setdefault(key[:1], []).append(key)
        self._seen: dict[str, str | None] = {}

    def measures_in(self, sentence: str) -> list[str]:
        """The measures whose labels or cue words (``skos:hiddenLabel``) the sentence uses, in the order it does."""
        text = normalise(sentence)
        found = [(min(text.find(normalise(cue)) for cue in cues if cue_in(text, {cue})), measure)
                 for measure, cues in self.measures.items() if cue_in(text, cues)]
        return [measure for _, measure in sorted(found)]

    def lookup(self, phrase: str) -> str | None:
        """The key under which ``phrase`` names an entity: as written, without a possessive ("Russia's"), or as a
        demonym or adjective of an actor ("Russian", "Ukrainian", "Belarusian"); an acronym of two letters only in
        capitals ("EU", not "eu")."""
        key = phrase.casefold()
        if len(key) < 3 and not (len(key) == 2 and phrase.isupper()):
            return None
        for form in (key, re.sub(r"['’]s$", "", key)):
            if form in self:
                return form
        if phrase[:1].isupper() and key.endswith("n") and " " not in key:
            for stem in (key[:-1], key[:-3] + "e", key[:-3], key[:-2]):
                if len(stem) >= 4 and stem in self and self[stem][2]:
                    return stem
        return None

    def closest(self, key: str) -> str | None:
        """The name spelt most like ``key`` (difflib's ratio at least ``CLOSE_SPELLING``), if any."""
        if key not in self._seen:
            # a ratio of 2M/(a+b) >= c needs the shorter at least c/(2-c) of the longer
            reach = CLOSE_SPELLING / (2 - CLOSE_SPELLING)
            near = [k for k in self._by_letter.get(key[:1], ())
                    if min(len(k), len(key)) >= reach * max(len(k), len(key))]
            found = difflib.get_close_matches(key, near, n=1, cutoff=CLOSE_SPELLING)
            self._seen[key] = found[0] if found else None
        return self._seen[key]


def gazetteer_of(graph: KnowledgeGraph) -> Gazetteer:
    """The names of ``graph``'s entities (labels, aliases, cue words) and the words of its vocabulary's measures."""
    names = graph.names
    actors = set(graph.instances(DG.Actor))
    found = {spelling: (short(iri), graph.label(iri), iri in actors) for spelling, iri in names.by_label.items()
             if spelling in names.entities and str(iri).startswith(str(DGR))}  # entities, not vocabulary terms
    for iri, word in graph.dataset.subject_objects(SKOS.hiddenLabel):  # demonyms and other cue words of entities
        if str(iri).startswith(str(DGR)):
            found.setdefault(str(word).casefold(), (short(iri), graph.label(iri), iri in actors))
    measures: dict[str, set[str]] = {}
    for row in graph.query("SELECT ?m ?word WHERE { ?m skos:inScheme dg:Measures ; "
                           "skos:prefLabel|skos:altLabel|skos:hiddenLabel ?word }"):
        measures.setdefault(short(row[0]), set()).add(str(row[1]))
    return Gazetteer(found, measures)
