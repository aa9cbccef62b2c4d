"""Reading the project's files: where they live, which graph each goes to, parse errors with file:line."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from .errors import DataError, Problem, relative
from .namespaces import DGS, GRAPH

__all__ = ["Layout", "SourceFile", "parse_files", "ONTOLOGY_GRAPH", "ENTITIES_GRAPH"]

ONTOLOGY_GRAPH = GRAPH.ontology
ENTITIES_GRAPH = GRAPH.entities

_REPO_ROOT = Path(__file__).resolve().parents[2]
_PREFIX_RE = re.compile(r"@prefix\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE)


@dataclass(frozen=True)
class Layout:
    """Where a diplograph project's files live.

    ``ontology/`` holds the OWL ontology, its SKOS vocabularies and ``shapes.ttl``;
    ``data/`` holds reference entities (``*.ttl``), one Turtle file of facts per
    source document (``documents/<slug>.ttl``, loaded into the graph
    ``dgs:<slug>``) and the unchanged texts (``sources/``); ``queries/`` holds
    the canned queries.
    """

    data: Path
    ontology: Path
    queries: Path = _REPO_ROOT / "queries"

    @classmethod
    def default(cls) -> Layout:
        """The bundled graph, unless ``DIPLOGRAPH_DATA`` / ``_ONTOLOGY`` / ``_QUERIES`` point elsewhere."""
        data = os.environ.get("DIPLOGRAPH_DATA") or _REPO_ROOT / "data"
        ontology = os.environ.get("DIPLOGRAPH_ONTOLOGY") or _REPO_ROOT / "ontology"
        queries = os.environ.get("DIPLOGRAPH_QUERIES") or _REPO_ROOT / "queries"
        return cls(Path(data), Path(ontology), Path(queries))

    @property
    def root(self) -> Path:
        """The folder that messages name files relative to."""
        return Path(os.path.commonpath([self.data.resolve(), self.ontology.resolve()]))

    @property
    def shapes_file(self) -> Path:
        return self.ontology / "shapes.ttl"

    @property
    def sources_dir(self) -> Path:
        return self.data / "sources"

    @property
    def documents_dir(self) -> Path:
        return self.data / "documents"

    def files(self) -> list[tuple[Path, URIRef | None]]:
        """Every file that goes into the dataset, with the graph it goes to.

        N-Quads files (``data/*.nq``, e.g. a generated corpus) name their own
        graphs: their graph here is None.
        """
        ontology = [p for p in sorted(self.ontology.glob("*.ttl")) if p != self.shapes_file]
        found: list[tuple[Path, URIRef | None]] = [(p, ONTOLOGY_GRAPH) for p in ontology]
        found += [(p, ENTITIES_GRAPH) for p in sorted(self.data.glob("*.ttl"))]
        found += [(p, None) for p in sorted(self.data.glob("*.nq"))]
        found += [(p, DGS[p.stem]) for p in sorted(self.documents_dir.glob("*.ttl"))]
        return found


@dataclass
class SourceFile:
    """A Turtle file as text, so that problems can point at the line that causes them."""

    path: Path
    graph: URIRef
    display: str
    text: str = field(repr=False)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def prefixes(self) -> dict[str, str]:
        return {p: ns for p, ns in _PREFIX_RE.findall(self.text)}

    def spellings(self, iri: str) -> list[str]:
        """How ``iri`` can be written in this file: ``<iri>`` and each prefixed name."""
        found = [f"<{iri}>"]
        for prefix, ns in self.prefixes.items():
            if iri.startswith(ns) and len(iri) > len(ns):
                found.append(f"{prefix}:{iri[len(ns):]}")
        return found

    def line_of(self, iri: str) -> int | None:
        """The line that describes ``iri`` (where it starts a statement), else its first use."""
        patterns = [re.escape(s) + r"(?![\w:/.#-]*[\w/#-])" for s in self.spellings(iri)]
        anywhere = re.compile("|".join(patterns))
        as_subject = re.compile(r"^\s*(?:" + "|".join(patterns) + ")")
        first_use = None
        for number, line in enumerate(self.lines, start=1):
            if as_subject.search(line):
                return number
            if first_use is None and anywhere.search(line):
                first_use = number
        return first_use

    def line_containing(self, needle: str) -> int | None:
        """First line that contains ``needle`` (used to find a quoted literal)."""
        for number, line in enumerate(self.lines, start=1):
            if needle in line:
                return number
        return None


def parse_files(layout: Layout) -> tuple[Dataset, list[SourceFile]]:
    """Parse every file of ``layout`` into a new dataset, one named graph per file group.

    The default graph of the returned dataset is the union of the named graphs.

    Raises
    ------
    DataError
        naming ``file:line`` for every file that does not parse; nothing is
        returned then, so a caller's previous dataset stays as it was.
    """
    dataset = Dataset(default_union=True)
    files: list[SourceFile] = []
    problems: list[Problem] = []
    for path, graph in layout.files():
        display = relative(path, layout.root)
        if graph is None:
            try:
                dataset.parse(source=str(path), format="nquads")
            except Exception as error:  # rdflib's N-Quads parser reports the line in its message
                problems.append(Problem(display, None, f"N-Quads error: {error}"))
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(display, None, f"cannot read: {error}"))
            continue
        files.append(SourceFile(path, graph, display, text))
        try:
            dataset.graph(graph).parse(data=text, format="turtle", publicID=path.as_uri())
        except BadSyntax as error:
            problems.append(Problem(display, error.lines + 1, f"Turtle syntax error: {error._why}"))
        except Exception as error:  # rdflib raises plain exceptions for e.g. bad IRIs
            problems.append(Problem(display, None, f"Turtle error: {error}"))
    if problems:
        raise DataError(problems)
    return dataset, files
