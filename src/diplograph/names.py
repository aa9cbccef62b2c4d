"""What a name in a fact sheet, a parameter or a URL can refer to: vocabulary terms, and entities and sources by
label, alias or title — and the nearest known name when nothing matches."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from rdflib import Dataset, URIRef

from .convert import plain_rows
from .layout import ONTOLOGY_GRAPH
from .namespaces import DCTERMS, DG, DGS, RDF, RDFS, SKOS

__all__ = ["Names"]

_NAMING = (RDFS.label, SKOS.altLabel, SKOS.prefLabel, DCTERMS.title)
"""What names a node, in the order a label wins over another node's: labels over aliases."""
_TERMS = f"SELECT DISTINCT ?s WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} FILTER(isIRI(?s)) }}"
_LABELLED = ("SELECT ?s ?p ?label WHERE { VALUES ?p { rdfs:label skos:altLabel skos:prefLabel dcterms:title } "
             "?s ?p ?label FILTER(isIRI(?s)) }")
_SOURCES = "SELECT ?s WHERE { ?s a dg:SourceDocument FILTER(isIRI(?s)) }"


class Names:
    """What a bare name in a fact sheet can refer to: vocabulary terms, and entities by label or alias.

    Built from the graphs loaded before the fact sheet (ontology, reference
    entities, earlier documents), so "Moscow" in a new sheet is ``dgr:russia``.
    """

    def __init__(self, terms: set[str], by_label: dict[str, URIRef], spellings: dict[str, str]):
        self.terms = terms
        """The ontology's own terms (``dg:`` names without the prefix)."""
        self.by_label = by_label
        """Every named node by its label, alias, preferred label or (a document) title and name, casefolded; labels
        win over aliases."""
        self.spellings = spellings
        """Casefolded label → the label as written."""
        self.entities: dict[str, str] = {name: str(iri) for name, iri in by_label.items()
                                         if not str(iri).startswith(str(DG))}

    @classmethod
    def of(cls, dataset: Dataset) -> Names:
        """The names in ``dataset`` (an rdflib dataset: the reference entities a document is read against)."""
        # quads(), not graph(): naming a graph would write to a read-only store
        terms = {str(s) for s, _, _, _ in dataset.quads((None, None, None, ONTOLOGY_GRAPH))}
        labelled = ((str(s), str(p), str(label)) for p in _NAMING for s, label in dataset.subject_objects(p)
                    if isinstance(s, URIRef))
        return cls._made(terms, labelled, (str(s) for s in dataset.subjects(RDF.type, DG.SourceDocument)))

    @classmethod
    def of_engine(cls, run: Callable[[str], object]) -> Names:
        """The names in a store, asked of its engine with ``run`` (a store's ``run``): three queries read as plain
        strings, where a walk of rdflib's view of a thousand documents took seconds."""
        return cls._made((term for term, in plain_rows(run(_TERMS))), plain_rows(run(_LABELLED)),
                         (source for source, in plain_rows(run(_SOURCES))))

    @classmethod
    def _made(cls, terms: Iterable[str], labelled: Iterable[tuple[str, ...]], sources: Iterable[str]) -> Names:
        """Names from the ontology's subjects, (subject, naming property, label) rows and the source documents."""
        by_label: dict[str, URIRef] = {}
        spellings: dict[str, str] = {}
        rank = {str(predicate): number for number, predicate in enumerate(_NAMING)}
        for subject, predicate, label in sorted(labelled, key=lambda row: rank[row[1]]):  # labels win over aliases
            if predicate != str(DCTERMS.title) or subject.startswith(str(DGS)):
                by_label.setdefault(label.casefold(), URIRef(subject))
                spellings.setdefault(label.casefold(), label)
        for source in sources:  # a document by its name, as files call it
            if source.startswith(str(DGS)):
                name = source[len(str(DGS)):]
                by_label.setdefault(name.casefold(), URIRef(source))
                spellings.setdefault(name.casefold(), name)
        return cls({term[len(str(DG)):] for term in terms if term.startswith(str(DG))}, by_label, spellings)

    def to_json(self) -> dict:
        return {"terms": sorted(self.terms), "by_label": {k: str(v) for k, v in self.by_label.items()},
                "spellings": self.spellings}

    @classmethod
    def from_json(cls, data: dict) -> Names:
        """Names read back from ``to_json``'s form (checked: a wrong shape is a ValueError)."""
        terms, by_label, spellings = data["terms"], data["by_label"], data["spellings"]
        if not (isinstance(terms, list) and isinstance(by_label, dict) and isinstance(spellings, dict)
                and all(isinstance(v, str) for v in (*terms, *by_label.values(), *spellings.values()))):
            raise ValueError("names of the wrong shape")
        return cls(set(terms), {k: URIRef(v) for k, v in by_label.items()}, dict(spellings))

    def resolve(self, name: str) -> str | None:
        if name in self.terms or ":" in name:
            return name
        return self.entities.get(name.casefold())

    def closest_label(self, name: str) -> str | None:
        """The entity label or alias nearest to ``name``, as the graph spells it (for "did you mean")."""
        match = difflib.get_close_matches(name.casefold(), list(self.entities), n=1, cutoff=0.7)
        return self.spellings.get(match[0], match[0]) if match else self._abbreviated(name)

    def closest(self, name: str) -> str | None:
        """The vocabulary term, label or alias nearest to a name nothing matched, for the error message.

        An abbreviation ("US", "EU") is matched against the initials of the labels ("United States").
        """
        candidates = {term.casefold(): term for term in self.terms} | {label: label for label in self.entities}
        match = difflib.get_close_matches(name.casefold(), list(candidates), n=1, cutoff=0.7)
        return candidates[match[0]] if match else self._abbreviated(name)

    def _abbreviated(self, name: str) -> str | None:
        """The label whose initials an abbreviation spells ("US" → "United States"), if any."""
        letters = name.replace(".", "").strip()
        if not (2 <= len(letters) <= 6 and letters.isupper()):
            return None
        spelt = sorted(self.spellings[label] for label in self.entities if _initials(label) == letters.casefold())
        return spelt[0] if spelt else None


def _initials(label: str) -> str:
    """The first letters of a label's words, small words left out: "european union" → "eu"."""
    return "".join(word[0] for word in label.split() if word not in ("of", "the", "and", "for"))
