"""Reading the project's files: where they live, which graph each goes to, parse errors with file:line."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from .errors import DataError, DiplographError, Problem, relative, unknown
from .namespaces import DCTERMS, DG, DGS, GRAPH, PREFIXES, RDF, RDFS, SKOS
from .resources import bundled

__all__ = ["CONTEXT_IRI", "ENTITIES_GRAPH", "Layout", "Names", "ONTOLOGY_GRAPH", "SourceFile", "dump_yaml",
           "parse_files", "parse_into", "read_fact_sheet"]

ONTOLOGY_GRAPH = GRAPH.ontology
ENTITIES_GRAPH = GRAPH.entities

YAML_SUFFIXES = (".yaml", ".yml")
FACT_SHEET_SUFFIXES = (".ttl", *YAML_SUFFIXES)
CONTEXT_IRI = "https://w3id.org/diplograph/context"
"""How a fact sheet names the project's JSON-LD context (``ontology/context.jsonld``); nothing is fetched."""
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
"""Characters an IRI may not hold (RFC 3987): JSON-LD lets them through, every RDF writer refuses them."""
_PREFIX_RE = re.compile(r"@prefix\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE)


@dataclass(frozen=True)
class Layout:
    """Where a diplograph project's files live.

    ``ontology/`` holds the OWL ontology, its SKOS vocabularies and ``shapes.ttl``;
    ``data/`` holds reference entities (``*.ttl``), one Turtle file of facts per
    source document (``documents/<slug>.ttl``, loaded into the graph
    ``dgs:<slug>``) and the unchanged texts (``sources/``); ``queries/`` holds
    the canned queries. ``extra`` names further data folders whose reference
    files and N-Quads corpora (``*.ttl``, ``*.nq``) are loaded too, so that a
    generated corpus can sit beside the bundled graph without being mixed into it.

    Paths are made absolute, so a relative ``--data data`` works like any other.
    """

    data: Path
    ontology: Path
    queries: Path = field(default_factory=lambda: bundled("queries"))
    extra: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        for name in ("data", "ontology", "queries"):
            object.__setattr__(self, name, Path(getattr(self, name)).expanduser().absolute())
        object.__setattr__(self, "extra", tuple(Path(p).expanduser().absolute() for p in self.extra))

    @classmethod
    def default(cls) -> Layout:
        """The bundled graph, unless ``DIPLOGRAPH_DATA`` / ``_ONTOLOGY`` / ``_QUERIES`` point elsewhere."""
        data = os.environ.get("DIPLOGRAPH_DATA") or bundled("data")
        ontology = os.environ.get("DIPLOGRAPH_ONTOLOGY") or bundled("ontology")
        queries = os.environ.get("DIPLOGRAPH_QUERIES") or bundled("queries")
        return cls(Path(data), Path(ontology), Path(queries))

    @classmethod
    def of(cls, data: list[Path] | Path | None = None, ontology: Path | None = None) -> Layout:
        """The default layout with the folders a user named (``--data`` may be given several times)."""
        default = cls.default()
        folders = [data] if isinstance(data, Path) else list(data or [])
        return cls(folders[0] if folders else default.data, ontology or default.ontology, default.queries,
                   tuple(folders[1:]))

    def check_folders(self) -> None:
        """Refuse, in one line, a data or ontology folder that does not exist.

        Raises
        ------
        DiplographError
        """
        for what, folder in (("data", self.data), ("ontology", self.ontology), *(("data", p) for p in self.extra)):
            if not folder.is_dir():
                raise DiplographError(f"{folder}: no such {what} folder")
        if not (self.ontology / "diplograph.ttl").is_file():
            raise DiplographError(f"{self.ontology}: not an ontology folder (it has no diplograph.ttl)")

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
        for folder in (self.data, *self.extra):
            found += [(p, ENTITIES_GRAPH) for p in sorted(folder.glob("*.ttl"))]
            found += [(p, None) for p in sorted(folder.glob("*.nq"))]
        found += [(p, DGS[p.stem]) for p in sorted(self.documents_dir.iterdir())
                  if p.suffix in FACT_SHEET_SUFFIXES] if self.documents_dir.is_dir() else []
        return found

    @property
    def context_file(self) -> Path:
        return self.ontology / "context.jsonld"

    def document(self, name: str) -> str:
        """``name`` if a fact sheet of that name is in ``documents/`` (a source's registered name).

        Raises
        ------
        UnknownEntityError
            naming the nearest registered name.
        """
        names = sorted(p.stem for p in self.documents_dir.iterdir() if p.suffix in FACT_SHEET_SUFFIXES) \
            if self.documents_dir.is_dir() else []
        if name not in names:
            raise unknown("source document", name, names, "sources")
        return name

    def fingerprint(self) -> tuple:
        """Size and time of every file the graph is built from (fact sheets, texts, ontology, shapes): a change
        to any of them changes this. Cheap: one stat per file."""
        paths = [path for path, _ in self.files()] + [self.shapes_file, self.context_file]
        if self.sources_dir.is_dir():
            paths += sorted(self.sources_dir.rglob("*"))
        seen = []
        for path in paths:
            try:
                info = path.stat()
            except OSError:
                continue
            seen.append((str(path), info.st_size, info.st_mtime_ns))
        return tuple(seen)


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
        if self.path.suffix in YAML_SUFFIXES:
            return dict(PREFIXES)  # the project context binds them
        return {p: ns for p, ns in _PREFIX_RE.findall(self.text)}

    def spellings(self, iri: str) -> list[str]:
        """How ``iri`` can be written in this file: ``<iri>`` and each prefixed name."""
        found = [f"<{iri}>"]
        for prefix, ns in self.prefixes.items():
            if iri.startswith(ns) and len(iri) > len(ns):
                found.append(f"{prefix}:{iri[len(ns):]}")
        if self.path.suffix in YAML_SUFFIXES and iri.startswith(str(DG)) and len(iri) > len(DG):
            found.append(iri[len(DG):])  # the context's vocabulary: a bare key or value names a dg: term
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

    def line_containing(self, needle: str, after: int = 1) -> int | None:
        """First line from ``after`` on that contains ``needle`` (used to find a quoted literal)."""
        for number, line in enumerate(self.lines, start=1):
            if number >= after and needle in line:
                return number
        return None


def parse_files(layout: Layout, *, nquads: bool = True, overrides: dict[Path, str] | None = None
                ) -> tuple[Dataset, list[SourceFile]]:
    """Parse every file of ``layout`` into a new dataset, one named graph per file group.

    The default graph of the returned dataset is the union of the named graphs.
    With ``nquads=False`` the N-Quads files are left out (a store's bulk loader
    reads them itself). ``overrides`` gives the text to read for some files
    instead of what is on disk: a change checked before it is written.

    Raises
    ------
    DataError
        naming ``file:line`` for every file that does not parse; nothing is
        returned then, so a caller's previous dataset stays as it was.
    """
    dataset = Dataset(default_union=True)
    files: list[SourceFile] = []
    problems: list[Problem] = []
    names: Names | None = None
    for path, graph in layout.files():
        display = relative(path, layout.root)
        if graph is None:
            if not nquads:
                continue
            try:
                dataset.parse(source=str(path), format="nquads")
            except Exception as error:  # rdflib's N-Quads parser reports the line in its message
                problems.append(Problem(display, None, f"N-Quads error: {error}"))
            continue
        try:
            text = overrides[path] if overrides and path in overrides else path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(display, None, f"cannot read: {error}"))
            continue
        file = SourceFile(path, graph, display, text)
        files.append(file)
        try:
            if path.suffix in YAML_SUFFIXES and names is None:
                names = Names.of(dataset)  # documents come last: everything they may name is loaded
            parse_into(dataset.graph(graph), file, layout, names)
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    return dataset, files


def parse_into(graph: Graph, file: SourceFile, layout: Layout, names: Names | None = None) -> None:
    """Parse a Turtle file or a YAML-LD fact sheet into ``graph``.

    Raises
    ------
    DataError
        with the file and line of the syntax error.
    """
    if file.path.suffix not in YAML_SUFFIXES:
        try:
            graph.parse(data=file.text, format="turtle", publicID=file.path.as_uri())
        except BadSyntax as error:
            raise DataError([Problem(file.display, error.lines + 1, f"Turtle syntax error: {error._why}")]) from None
        except Exception as error:  # rdflib raises plain exceptions for e.g. bad IRIs
            raise DataError([Problem(file.display, None, f"Turtle error: {error}")]) from None
        return
    document = read_fact_sheet(file, layout, names)
    try:
        parsed = Graph().parse(data=json.dumps(document), format="json-ld")
    except Exception as error:  # the JSON-LD processor reports what it cannot expand
        raise DataError([Problem(file.display, None, f"JSON-LD error: {error}")]) from None
    bad = sorted({str(term) for triple in parsed for term in triple
                  if isinstance(term, URIRef) and _NOT_IRI.search(str(term))})
    if bad:  # JSON-LD takes any string as an IRI; no store or format can carry these
        raise DataError([Problem(file.display, file.line_containing(iri[-20:]) or None,
                                 f"not an IRI: {iri[:80]!r} (spaces and any of <>\"{{}}|^`\\ are not allowed)")
                         for iri in bad])
    for triple in parsed:
        graph.add(triple)


def read_fact_sheet(file: SourceFile, layout: Layout, names: Names | None = None) -> dict:
    """A YAML-LD fact sheet as a JSON-LD document with the project's context in place of its name.

    Only the project's own context is allowed: a remote or file ``@context``
    would make the JSON-LD processor fetch it, so it is refused.
    """
    try:
        document = _BoundedLoader(file.text).get_single_data()
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise DataError([Problem(file.display, line, f"YAML syntax error: {error.problem}")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(file.display, None, f"YAML error: {error}")]) from None
    if not isinstance(document, dict):
        raise DataError([Problem(file.display, 1, "a fact sheet is a mapping with @context and @graph")])
    context = document.get("@context", CONTEXT_IRI)
    if context != CONTEXT_IRI:
        raise DataError([Problem(file.display, file.line_containing("@context") or 1,
                                 f"@context must be {CONTEXT_IRI} (the project's context, read from "
                                 f"{layout.context_file.name}); other contexts would be fetched")])
    nested = [value for value in _contexts(document.get("@graph", document))]
    if nested:
        raise DataError([Problem(file.display, file.line_containing("@context", after=2) or None,
                                 "nested @context is not allowed in a fact sheet")])
    project_context = json.loads(layout.context_file.read_text(encoding="utf-8"))["@context"]
    document = _plain(document)
    if names is not None:
        entity_keys = {key for key, value in project_context.items()
                       if isinstance(value, dict) and value.get("@type") == "@vocab"}
        problems: list[Problem] = []
        document = _resolve(document, entity_keys, names, file, problems)
        if problems:
            raise DataError(problems)
    return {**document, "@context": project_context}


MAX_YAML_DEPTH = 64
"""How deep a fact sheet may nest (PyYAML composes recursively: far deeper would exhaust Python's stack)."""
MAX_YAML_NODES = 200_000
"""How many nodes a fact sheet may stand for once its aliases are expanded (an alias bomb stands for billions)."""


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing nesting past ``MAX_YAML_DEPTH`` and alias expansion past ``MAX_YAML_NODES``.

    The expanded size is counted on the composed node graph, each shared node
    once (memoised), so the check itself takes time linear in the file.
    """

    def __init__(self, stream: str):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):  # noqa: D102 - PyYAML's hook
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_YAML_DEPTH} levels deep",
                                                  self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_document(self):  # noqa: D102 - PyYAML's hook
        root = super().compose_document()
        sizes: dict[int, int] = {}
        culprit = []  # the first (innermost) node past the limit: its line is the one to show

        def size(node) -> int:
            if id(node) not in sizes:
                sizes[id(node)] = 1  # a cycle counts once
                children = node.value if isinstance(node, yaml.SequenceNode) else \
                    [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else []
                sizes[id(node)] = min(1 + sum(size(child) for child in children), 10 * MAX_YAML_NODES)
                if sizes[id(node)] > MAX_YAML_NODES and not culprit:
                    culprit.append(node)
            return sizes[id(node)]

        if root is not None and size(root) > MAX_YAML_NODES:
            raise yaml.composer.ComposerError(None, None, f"its aliases expand to more than {MAX_YAML_NODES:,} "
                                              "values (an alias bomb?)", culprit[0].start_mark)
        return root


class _SheetDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, indenting a list under its key as fact sheets are written by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):  # noqa: D102 - PyYAML's hook
        return super().increase_indent(flow, False)


def dump_yaml(value: object) -> str:
    """``value`` as YAML the way fact sheets and review files are written: by the YAML library (every string
    quoted as it needs), lists indented under their keys, keys in their given order, text in its own letters.

    >>> print(dump_yaml({"@graph": [{"id": "dgs:x", "title": '--- "quoted": yes'}]}), end="")
    '@graph':
      - id: dgs:x
        title: '--- "quoted": yes'
    """
    return yaml.dump(value, Dumper=_SheetDumper, allow_unicode=True, sort_keys=False, width=1000)


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
        """The names in ``dataset``."""
        # quads(), not graph(): naming a graph would write to a read-only store
        terms = {str(s)[len(str(DG)):] for s, _, _, _ in dataset.quads((None, None, None, ONTOLOGY_GRAPH))
                 if str(s).startswith(str(DG))}
        by_label: dict[str, URIRef] = {}
        spellings: dict[str, str] = {}
        for predicate in (RDFS.label, SKOS.altLabel, SKOS.prefLabel, DCTERMS.title):
            for subject, label in dataset.subject_objects(predicate):
                if isinstance(subject, URIRef) and (predicate != DCTERMS.title or subject.startswith(str(DGS))):
                    by_label.setdefault(str(label).casefold(), subject)
                    spellings.setdefault(str(label).casefold(), str(label))
        for source in dataset.subjects(RDF.type, DG.SourceDocument):  # a document by its name, as files call it
            if isinstance(source, URIRef) and source.startswith(str(DGS)):
                name = source[len(str(DGS)):]
                by_label.setdefault(name.casefold(), source)
                spellings.setdefault(name.casefold(), name)
        return cls(terms, by_label, spellings)

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


def _resolve(node: object, keys: set[str], names: Names, file: SourceFile, problems: list[Problem],
             key: str | None = None) -> object:
    if isinstance(node, dict):
        return {k: _resolve(v, keys, names, file, problems, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v, keys, names, file, problems, key) for v in node]
    if key in keys and isinstance(node, str):
        resolved = names.resolve(node)
        if resolved is None:
            close = names.closest(node)
            hint = f"; did you mean {close!r}?" if close else ""
            line = next((n for n, text in enumerate(file.lines, start=1)
                         if text.strip().startswith(f"{key}:") and node in text), None) or file.line_containing(node)
            problems.append(Problem(file.display, line, f"unknown entity {node!r} for {key} (not a label, alias, "
                                                        f"vocabulary term or prefixed IRI){hint}"))
            return node
        return resolved
    return node


def _contexts(node: object):
    if isinstance(node, dict):
        if "@context" in node:
            yield node["@context"]
        for value in node.values():
            yield from _contexts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _contexts(value)


def _plain(node: object) -> object:
    """YAML's dates and times as ISO strings, so the context's datatypes apply."""
    if isinstance(node, dict):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    if isinstance(node, dt.date | dt.datetime):
        return node.isoformat()
    return node
