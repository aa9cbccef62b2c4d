"""The served graph kept on disk: opened only for the very files it was made of, equal to them, made atomically."""

from __future__ import annotations

import os
import shutil

import pytest
from helpers import REPO
from rdflib import Graph
from rdflib.compare import isomorphic

from diplograph import kept
from diplograph.errors import DataError
from diplograph.generate import generate_documents
from diplograph.graph import KnowledgeGraph
from diplograph.kept import keep, keep_request, open_kept
from diplograph.layout import Layout
from diplograph.namespaces import DGS


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _loaded(project) -> KnowledgeGraph:
    graph = KnowledgeGraph(project.layout)
    graph.load()
    return graph


def _keep(graph: KnowledgeGraph):
    snapshot = graph.snapshot
    return keep(keep_request(graph.layout, graph.store, snapshot.files, snapshot.documents, snapshot.shared))


def _quads(store) -> set[str]:
    return set(store.dump("nquads").decode().splitlines())


def _graphs(store) -> dict:
    return {name: Graph().parse(data=store.dump("ntriples", name), format="nt") for name in store.graphs()}


def _same(one, other) -> bool:
    """Whether two stores hold the same graphs, blank nodes up to their names (each load names them anew)."""
    names = set(one.graphs())
    if names != set(other.graphs()):
        return False
    return all(isomorphic(Graph().parse(data=one.dump("ntriples", name), format="nt"),
                          Graph().parse(data=other.dump("ntriples", name), format="nt")) for name in names)


def test_a_kept_store_holds_what_was_served_but_the_runtime_overlay(project, cache):
    graph = _loaded(project)
    assert open_kept(project.layout) is None  # nothing kept yet
    files = _graphs(graph.store)
    graph.store.replace_overlay(b'<https://w3id.org/diplograph/id/envoy> '
                                b'<http://www.w3.org/2000/01/rdf-schema#label> "Envoy" .\n')
    _keep(graph)
    store, read, manifest = open_kept(project.layout)
    assert not store.writable
    kept = _graphs(store)  # the overlay (a restart drops it) is not kept; blank nodes up to their names (the
    assert kept.keys() == files.keys() and all(isomorphic(kept[n], files[n]) for n in files)  # keeper reloads)
    assert [f.display for f in read] == [f.display for f in graph.files]
    assert manifest.documents == graph.snapshot.documents and manifest.shared == graph.snapshot.shared
    served = KnowledgeGraph(project.layout)
    served.load(kept=True)
    assert not served.store.writable and _quads(served.store) == _quads(store)


@pytest.mark.parametrize("edit", ["document", "source text", "shapes"])
def test_files_that_changed_since_are_loaded_not_taken_from_the_kept_store(project, cache, edit):
    _keep(_loaded(project))
    path = {"document": project.document, "shapes": project.layout.shapes_file,
            "source text": next((project.root / "data" / "sources").glob("*.txt"))}[edit]
    before = path.read_bytes()
    path.write_bytes(before + b"\n")  # a byte more: it would have to be validated again
    assert open_kept(project.layout) is None
    graph = KnowledgeGraph(project.layout)
    if edit == "source text":  # the text no longer has its recorded digest: validation says so, nothing is served
        with pytest.raises(DataError, match="has changed since it was registered"):
            graph.load(kept=True)
    else:
        graph.load(kept=True)
        assert graph.store.writable  # loaded from the files
    path.write_bytes(before)
    assert open_kept(project.layout) is not None  # the same bytes again: the same store


@pytest.fixture
def corpus(tmp_path, cache):
    """Three generated documents (the last refers to a statement of the one before)."""
    shutil.copytree(REPO / "ontology", tmp_path / "ontology")
    generate_documents(tmp_path / "data", 3)
    return Layout(tmp_path / "data", tmp_path / "ontology")


def test_the_next_generation_is_a_copy_of_the_last_with_the_changed_document_replaced(corpus, monkeypatch):
    graph = KnowledgeGraph(corpus)
    graph.load()
    first = _keep(graph)
    read: list[str] = []
    monkeypatch.setattr(kept, "kept_graph", lambda key, _read=kept.kept_graph: read.append(key) or _read(key))
    changed = corpus.data / "documents" / "synthetic-0001.ttl"
    old = "Putin signals interest in peace talks, but with harsh conditions"
    changed.write_text(changed.read_text(encoding="utf-8").replace(old, "Putin signals interest, on his terms"),
                       encoding="utf-8")
    assert graph.refresh() == ["synthetic-0001"]
    second = _keep(graph)
    assert second != first
    fresh = KnowledgeGraph(corpus)
    fresh.load()
    store, _, manifest = open_kept(corpus)
    assert _same(store, fresh.store)
    assert any("on his terms" in quad for quad in _quads(store)) and not any(old in q for q in _quads(store)
                                                                              if "synthetic-0001" in q)
    assert manifest.documents == fresh.snapshot.documents
    # a copy, not a rewrite: only the changed document's graph was read into a checkpoint of the first store
    # (whose data files RocksDB may compact away at once, so their hard links are no lasting sign of it)
    assert read == [graph.snapshot.documents["synthetic-0001"]]


def test_a_document_removed_is_removed_from_the_kept_copy(corpus):
    graph = KnowledgeGraph(corpus)
    graph.load()
    _keep(graph)
    (corpus.data / "documents" / "synthetic-0002.ttl").unlink()  # the last: nothing refers to it
    (corpus.data / "sources" / "synthetic-0002.txt").unlink()
    assert graph.refresh() == ["synthetic-0002"]
    _keep(graph)
    store, _, manifest = open_kept(corpus)
    assert str(DGS["synthetic-0002"]) not in {str(name) for name in store.graphs()}
    assert sorted(manifest.documents) == ["synthetic-0000", "synthetic-0001"]
    assert _same(store, graph.store)


def test_kept_stores_others_could_write_are_not_opened(project, cache):
    _keep(_loaded(project))
    (cache / "stores").chmod(0o777)
    assert open_kept(project.layout) is None
    (cache / "stores").chmod(0o700)
    assert open_kept(project.layout) is not None


def test_a_write_that_was_killed_leaves_the_kept_stores_and_its_folder_goes_next_time(project, cache):
    graph = _loaded(project)
    _keep(graph)
    pid = os.fork()
    if pid == 0:  # a process that dies at once: its pid is free afterwards
        os._exit(0)
    os.waitpid(pid, 0)
    stray = cache / "stores" / f".building-{pid}-x"
    (stray / "store").mkdir(parents=True)
    (stray / "store" / "CURRENT").write_text("half")
    assert open_kept(project.layout) is not None  # never read: it has no manifest under a key
    project.document.write_text(project.document.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    graph.refresh()
    _keep(graph)
    assert not stray.exists()
    assert len(list((cache / "stores").iterdir())) == 2 and kept._KEEP == 2


def test_the_derived_data_key_follows_the_documents_content_keys(project):
    """A generation's derived data is named by its documents' content keys and what they share (no file is hashed
    again): a changed document is a new key, the same content again the same key, whatever the generation."""
    from diplograph.derived import graph_key

    graph = KnowledgeGraph(project.layout)
    graph.load()
    first = graph_key(graph)
    original = project.document.read_text(encoding="utf-8")
    project.replace(project.document, 'oa:exact "Ukraine refuses." ]', 'oa:exact "Ukraine refuses." ] ;\n'
                    '    rdfs:comment "a note of the analyst"')
    graph.refresh()
    changed = graph_key(graph)
    project.document.write_text(original, encoding="utf-8")
    graph.refresh()
    assert changed != first and graph_key(graph) == first
    assert graph.snapshot.generation == 2


def test_a_server_that_opened_a_kept_store_keeps_its_next_generation(corpus):
    """A server started from a kept store runs RocksDB's threads; a keeper forked from it waited forever on its
    first flush (a warm-started server that had accepted a fact then took a minute to stop, and kept nothing).
    The keeper starts afresh: here, from this process, whose RocksDB threads run, it finishes and the store it
    keeps is the changed generation."""
    from diplograph.derived import Builder

    graph = KnowledgeGraph(corpus)
    graph.load()
    _keep(graph)
    served = KnowledgeGraph(corpus)
    served.load(kept=True)  # read-only, from the kept store: RocksDB's background threads now run here
    assert not served.store.writable and served.size() > 0
    changed = corpus.data / "documents" / "synthetic-0001.ttl"
    changed.write_text(changed.read_text(encoding="utf-8").replace("harsh conditions", "hard terms", 1),
                       encoding="utf-8")
    assert graph.refresh() == ["synthetic-0001"]
    builder = Builder(graph, 1024, lambda: None)
    assert builder._keep()
    assert builder._keeper.wait(120) == 0
    store, _, manifest = open_kept(corpus)
    assert manifest.documents == graph.snapshot.documents and _same(store, graph.store)


def test_a_keep_request_travels_as_json_and_anything_else_is_refused(corpus):
    """What the server writes to its keeper reads back as the same request; what is not one is a one-line error."""
    from diplograph.kept import KeepRequest

    graph = KnowledgeGraph(corpus)
    graph.load()
    snapshot = graph.snapshot
    request = keep_request(graph.layout, graph.store, snapshot.files, snapshot.documents, snapshot.shared)
    assert KeepRequest.decode(request.encode()) == request
    assert request.documents == snapshot.documents and b"ontology" in request.shared_graphs
    for wrong in (b"\x80\x04K\x01.", b'{"format": 1, "data": 3}', b"[]"):  # a pickle, a wrong part, not a mapping
        with pytest.raises(ValueError, match="keep request|another format"):
            KeepRequest.decode(wrong)
