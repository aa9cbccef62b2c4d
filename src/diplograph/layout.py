"""Where a project's files live, which graph each file goes to, and where the triples are kept (the store's name).

Pure paths and names: nothing here reads a file's contents, so every layer may
ask where things are.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from rdflib import URIRef

from .errors import DiplographError, unknown
from .namespaces import DGS, GRAPH
from .resources import bundled

__all__ = ["CONTEXT_IRI", "ENTITIES_GRAPH", "FACT_SHEET_SUFFIXES", "Layout", "ONTOLOGY_GRAPH", "StoreSpec",
           "YAML_SUFFIXES"]

ONTOLOGY_GRAPH = GRAPH.ontology
ENTITIES_GRAPH = GRAPH.entities

YAML_SUFFIXES = (".yaml", ".yml")
FACT_SHEET_SUFFIXES = (".ttl", *YAML_SUFFIXES)
_TEXTS: dict[Path, tuple[tuple, dict[str, Path]]] = {}
"""Each sources folder's texts as last registered, with what the folder looked like then (see ``source_texts``)."""
_DOCUMENTS: dict[Path, tuple[tuple[str, ...], list[tuple[Path, URIRef]]]] = {}
"""Each documents folder's fact sheets as last listed, with the listing (see ``Layout._documents``)."""
CONTEXT_IRI = "https://w3id.org/diplograph/context"
"""How a fact sheet names the project's JSON-LD context (``ontology/context.jsonld``); nothing is fetched."""


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

    def source_texts(self) -> dict[str, Path]:
        """The source texts by name: the ``*.txt`` files of ``sources/`` whose real path stays in it (a symlink
        that leads out of the folder is left out). Looked at again only when the folder's entries or time changed:
        a thousand texts' real paths took ~60 ms, and every accept of a reviewer asked."""
        folder = self.sources_dir
        try:
            seen = (folder.stat().st_mtime_ns, tuple(sorted(os.listdir(folder))))
        except OSError:
            return {}
        kept = _TEXTS.get(folder)
        if kept is None or kept[0] != seen:
            root = folder.resolve()
            kept = _TEXTS[folder] = (seen, {path.stem: path.resolve() for path in sorted(folder.glob("*.txt"))
                                            if path.resolve().is_relative_to(root) and path.resolve().is_file()})
        return dict(kept[1])

    def files(self) -> list[tuple[Path, URIRef | None]]:
        """Every file that goes into the dataset, with the graph it goes to.

        N-Quads files (``data/*.nq``, e.g. a generated corpus) name their own
        graphs: their graph here is None.
        """
        found: list[tuple[Path, URIRef | None]] = list(self.shared_files())
        for folder in (self.data, *self.extra):
            found += [(p, None) for p in sorted(folder.glob("*.nq"))]
        return found + self._documents()

    def shared_files(self) -> list[tuple[Path, URIRef]]:
        """The ontology's and the reference entities' files, with their graphs: what every document is read
        against (without listing the documents, as ``files`` does)."""
        ontology = [p for p in sorted(self.ontology.glob("*.ttl")) if p != self.shapes_file]
        found = [(p, ONTOLOGY_GRAPH) for p in ontology]
        for folder in (self.data, *self.extra):
            found += [(p, ENTITIES_GRAPH) for p in sorted(folder.glob("*.ttl"))]
        return found

    def _documents(self) -> list[tuple[Path, URIRef]]:
        """The fact sheets of ``documents/`` with their graphs, by name. The folder is listed each time (a file
        added, removed or renamed is seen at once); the paths and graph names are made again only when the
        listing changed — at a thousand documents they cost ~7 ms, and one accept asks five times."""
        folder = self.documents_dir
        try:
            listed = tuple(sorted(name for name in os.listdir(folder)
                                  if name.endswith(FACT_SHEET_SUFFIXES) and name.rsplit(".", 1)[0]))
        except OSError:
            return []
        kept = _DOCUMENTS.get(folder)
        if kept is None or kept[0] != listed:
            kept = _DOCUMENTS[folder] = (listed, [(folder / name, DGS[name.rsplit(".", 1)[0]]) for name in listed
                                                  if (folder / name).is_file()])
        return list(kept[1])

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
        if "/" not in name and any((self.documents_dir / (name + suffix)).is_file() for suffix in FACT_SHEET_SUFFIXES):
            return name  # one look per suffix: listing a thousand documents is for the error's suggestions
        names = sorted(p.stem for p in self.documents_dir.iterdir() if p.suffix in FACT_SHEET_SUFFIXES) \
            if self.documents_dir.is_dir() else []
        raise unknown("source document", name, names, "sources")

    def fingerprint(self) -> tuple:
        """Size and time of every file the graph is built from (fact sheets, texts, ontology, shapes): a change
        to any of them changes this. Cheap: one stat per file, on names as strings (at a thousand documents and
        texts, 24 → 11 ms with paths as objects)."""
        seen: list[tuple[str, int, int]] = []
        for path in [*(str(path) for path, _ in self.files()), str(self.shapes_file), str(self.context_file)]:
            try:
                info = os.stat(path)
            except OSError:
                continue
            seen.append((path, info.st_size, info.st_mtime_ns))
        _stats_below(str(self.sources_dir), seen)
        return tuple(seen)


def _stats_below(folder: str, seen: list[tuple[str, int, int]]) -> None:
    """Size and time of every entry below ``folder`` (sub-folders too: an entry added changes theirs), by name;
    a symlink is looked at, not followed into."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        seen.append((entry.path, info.st_size, info.st_mtime_ns))
        if entry.is_dir(follow_symlinks=False):
            _stats_below(entry.path, seen)


@dataclass(frozen=True)
class StoreSpec:
    """A store named on the command line: ``memory``, ``oxigraph:PATH``, ``sparql:QUERY_URL[,UPDATE_URL]``."""

    kind: str = "memory"
    path: Path | None = None
    query_url: str | None = None
    update_url: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> StoreSpec:
        """
        >>> StoreSpec.parse("oxigraph:/var/lib/diplograph").path
        PosixPath('/var/lib/diplograph')
        >>> StoreSpec.parse("memory").kind
        'memory'
        """
        if not text or text == "memory":
            return cls()
        kind, _, rest = text.partition(":")
        if kind == "oxigraph" and rest:
            return cls("oxigraph", path=Path(rest).expanduser().absolute())
        if kind == "sparql" and rest:
            query_url, _, update_url = rest.partition(",")
            return cls("sparql", query_url=query_url, update_url=update_url or None)
        hint = ""
        close = difflib.get_close_matches(kind, ["oxigraph", "sparql"], n=1, cutoff=0.6)
        if kind in ("oxigraph", "sparql"):
            hint = f"; {kind}: needs {'a folder' if kind == 'oxigraph' else 'the endpoint URL'} after the colon"
        elif rest and close:
            hint = f"; did you mean {close[0]}:{rest}?"
        elif not rest and ("/" in kind or "." in kind):
            hint = f"; for a store in that folder: oxigraph:{kind}"
        raise DiplographError(f"unknown store {text!r}{hint} (use memory, oxigraph:PATH or "
                              "sparql:QUERY_URL[,UPDATE_URL])")

    @property
    def remote_address(self) -> tuple[str, int] | None:
        """(host, port) of a remote engine, which query workers may reach; None for local stores."""
        if self.kind != "sparql" or not self.query_url:
            return None
        parts = urlsplit(self.query_url)
        return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
