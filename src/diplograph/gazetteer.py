"""The names drafting looks for in a sentence: every entity's labels, aliases and cue words (demonyms), with a
look-up that reads possessives, demonyms and close spellings, and the words of the vocabulary's measures."""

from __future__ import annotations

import difflib
import re

from .convert import plain_rows
from .graph import KnowledgeGraph
from .namespaces import DCTERMS, DG, DGR, RDFS, SKOS
from .terms import short
from .wording import CLOSE_SPELLING, normalise, word_start

__all__ = ["Gazetteer", "gazetteer_of"]


class Gazetteer(dict):
    """Casefolded label or alias → (entity as a prefixed name, its label, whether it is an actor), with a look-up of
    the closest spelling among names of its first letter and a length that could reach the cut-off only."""

    def __init__(self, names: dict[str, tuple[str, str, bool]], measures: dict[str, set[str]] | None = None,
                 proper: set[str] | None = None, qualifiers: dict[str, set[str]] | None = None,
                 organisations: set[str] | None = None, opposed: set[frozenset[str]] | None = None,
                 affiliated: dict[str, set[str]] | None = None):
        super().__init__(names)
        self.affiliated = affiliated or {}
        """Each person the graph records an affiliation of (prefixed names) → the parties they belong to: whose side
        "Ukraine would hold elections" is, said by Ukraine's president."""
        self.opposed = opposed or set()
        """The pairs of measures the vocabulary says are incompatible (``dg:incompatibleWith``)."""
        self.organisations = organisations or set()
        """The organisations among the entities (prefixed names): what "the bloc", "the mission" can stand for."""
        self.measures = measures or {}
        """Each measure of the vocabulary (``dg:Name``) → the words that name it (labels and cue words)."""
        self.qualifiers = qualifiers or {}
        """Each qualifier of the vocabulary (``dg:Exclusive`` …) → its words, likewise."""
        self._by_letter: dict[str, list[str]] = {}
        for key in sorted(self if proper is None else proper & self.keys()):
            self._by_letter.setdefault(key[:1], []).append(key)
        self._seen: dict[str, str | None] = {}

    def measures_in(self, sentence: str) -> list[str]:
        """The measures whose labels or cue words (``skos:hiddenLabel``) the sentence uses, in the order it does —
        but not one whose every word stands inside a longer cue of another ("the lifting of sanctions" names
        sanctions relief, not sanctions), as the audit reads them.

        >>> gazetteer_of(KnowledgeGraph.open()).measures_in("Moscow wants the lifting of sanctions first.")
        ['dg:SanctionsRelief']
        """
        text = normalise(sentence)
        spans = {measure: [(m.start(), m.end()) for cue in cues for m in word_start(normalise(cue)).finditer(text)]
                 for measure, cues in self.measures.items()}
        found = {measure: where for measure, where in spans.items()
                 if where and not any(_inside(where, spans[other]) for other in spans if other != measure)}
        return [measure for measure in sorted(found, key=lambda m: min(found[m]))
                if not any(_outworded(found[other], found[measure]) for other in found
                           if frozenset((measure, other)) in self.opposed)]

    def lookup(self, phrase: str) -> str | None:
        """The key under which ``phrase`` names an entity: as written, without a possessive ("Russia's"), a thing's
        name in the plural ("ceasefires"), or as a demonym or adjective of an actor ("Russian", "Ukrainian",
        "Belarusian"); an acronym of two letters only in capitals ("EU", not "eu")."""
        key = phrase.casefold()
        if len(key) < 3 and not (len(key) == 2 and phrase.isupper()):
            return None
        for form in (key, re.sub(r"['’]s$", "", key)):
            if form in self:
                return form
        if key.endswith("s") and len(key) > 4 and key[:-1] in self and not self[key[:-1]][2]:
            return key[:-1]  # a plural of a thing's name ("ceasefires"), not of a party's
        if phrase[:1].isupper() and key.endswith("n") and " " not in key:
            for stem in (key[:-1], key[:-3] + "e", key[:-3], key[:-2]):
                if len(stem) >= 4 and stem in self and self[stem][2]:
                    return stem
        return None

    def closest(self, key: str) -> str | None:
        """The proper name spelt most like ``key`` (difflib's ratio at least ``CLOSE_SPELLING``), if any: a name
        spelt another way is a proper name ("Zaporozhzhia"); a common noun the graph uses as an alias
        ("analysts") is no name of whatever word looks like it ("Analysis")."""
        if key not in self._seen:
            # a ratio of 2M/(a+b) >= c needs the shorter at least c/(2-c) of the longer
            reach = CLOSE_SPELLING / (2 - CLOSE_SPELLING)
            near = [k for k in self._by_letter.get(key[:1], ())
                    if min(len(k), len(key)) >= reach * max(len(k), len(key))]
            found = [k for k in difflib.get_close_matches(key, near, n=3, cutoff=CLOSE_SPELLING)
                     if _word_by_word(key, k)]
            self._seen[key] = found[0] if found else None
        return self._seen[key]


def _word_by_word(phrase: str, name: str) -> bool:
    """Whether each word of ``phrase`` is spelt like the same word of ``name``: "Whether Europe" is no spelling of
    "Western Europe", whose letters it mostly shares, though "Volodymyr Zelensky" is one of "Volodymyr Zelenskyy"."""
    words, named = phrase.split(), name.split()
    return len(words) == len(named) and all(difflib.SequenceMatcher(None, word, other).ratio() >= _WORD_ALIKE
                                            for word, other in zip(words, named, strict=True))


_WORD_ALIKE = 0.75
"""Below this, two words are different words (whether/western 0.57), not one spelt two ways (zelensky/zelenskyy
0.94)."""


def _outworded(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    """Whether the longest of ``spans`` is longer than any of ``others``: of two opposed measures a sentence seems
    to name ("the sanctions … were lifted": sanctions, and their relief), the one more of its words name."""
    return max(end - start for start, end in spans) > max(end - start for start, end in others)


def _inside(spans: list[tuple[int, int]], longer: list[tuple[int, int]]) -> bool:
    """Whether every span of ``spans`` lies inside a longer one of ``longer``."""
    return all(any(begin <= start and end <= finish and finish - begin > end - start for begin, finish in longer)
               for start, end in spans)


def gazetteer_of(graph: KnowledgeGraph) -> Gazetteer:
    """The names of ``graph``'s entities (labels, aliases, cue words) and the words of its vocabulary's measures.

    Read with a few queries over the entities' own names: a corpus of a thousand documents holds a few hundred
    entities among a million triples, and walking every label of every statement took 1.5 s a draft there."""
    names = graph.names
    actors = {str(iri) for iri in graph.instances(DG.Actor)}
    parts = {str(iri) for iri in graph.instances(DG.ProposalPoint)}  # a plan's points are named by what they say
    hidden = [(iri, word) for iri, word in plain_rows(graph.store.run("SELECT ?s ?w WHERE { ?s skos:hiddenLabel ?w }"))
              if iri.startswith(str(DGR))]  # demonyms and other cue words of entities
    named = {spelling: str(iri) for spelling, iri in names.by_label.items()
             if spelling in names.entities and str(iri).startswith(str(DGR)) and str(iri) not in parts}
    words = _names_of(graph, set(named.values()) | {iri for iri, _ in hidden})
    label = {iri: next((w for p in _LABELLING for q, w in said if q == p), iri.rsplit("/", 1)[-1])
             for iri, said in words.items()}
    found = {spelling: (short(iri), label.get(iri, iri), iri in actors) for spelling, iri in named.items()}
    for iri, word in hidden:
        found.setdefault(word.casefold(), (short(iri), label.get(iri, iri), iri in actors))
    proper = {word.casefold() for said in words.values() for _, word in said if word[:1].isupper()}
    opposed = {frozenset((short(row[0]), short(row[1])))
               for row in graph.query("SELECT ?a ?b WHERE { ?a dg:incompatibleWith ?b }")}
    affiliated: dict[str, set[str]] = {}
    for member, party in graph.query("SELECT ?m ?p WHERE { ?a dg:member ?m ; dg:affiliatedWith ?p }"):
        affiliated.setdefault(short(member), set()).add(short(party))
    return Gazetteer(found, _words_of(graph, "Measures"), proper, _words_of(graph, "Qualifiers"),
                     {short(iri) for iri in graph.instances(DG.Organisation)}, opposed, affiliated)


_LABELLING = (str(RDFS.label), str(SKOS.prefLabel), str(DCTERMS.title))
"""Where an entity's label is read from, in order (as ``KnowledgeGraph.label``)."""


def _names_of(graph: KnowledgeGraph, entities: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Each of ``entities`` → its (predicate, word) pairs: labels, aliases, cue words, title."""
    found: dict[str, list[tuple[str, str]]] = {}
    for predicate in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, DCTERMS.title):
        # one predicate at a time, the entities picked here: Oxigraph joins a long VALUES list row by row
        for iri, word in plain_rows(graph.store.run(f"SELECT ?s ?w WHERE {{ ?s {predicate.n3()} ?w }}")):
            if iri in entities:
                found.setdefault(iri, []).append((str(predicate), word))
    return found


def _words_of(graph: KnowledgeGraph, scheme: str) -> dict[str, set[str]]:
    """Each concept of the vocabulary's ``scheme`` (as a prefixed name) → its labels and cue words."""
    words: dict[str, set[str]] = {}
    for row in graph.query(f"SELECT ?m ?word WHERE {{ ?m skos:inScheme dg:{scheme} ; "
                           "skos:prefLabel|skos:altLabel|skos:hiddenLabel ?word }"):
        words.setdefault(short(row[0]), set()).add(str(row[1]))
    return words
