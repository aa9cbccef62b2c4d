"""A corpus is read document by document: a change costs what the changed document costs, and nothing is missed.

Each test works on generated documents (``generate_documents``: copies of the bundled document under their own
names, each after the first referring to a statement of the one before) with a cache folder of its own.
"""

from __future__ import annotations

import shutil

import pytest
from helpers import REPO
from rdflib import Dataset
from rdflib.compare import isomorphic

from diplograph.corpus import read_corpus, validate_files
from diplograph.generate import generate_documents
from diplograph.graph import KnowledgeGraph
from diplograph.layout import Layout
from diplograph.namespaces import DGS

NAMES = ["synthetic-0000", "synthetic-0001", "synthetic-0002"]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / "cache"))
    shutil.copytree(REPO / "ontology", tmp_path / "ontology")
    assert generate_documents(tmp_path / "data", 3) == NAMES
    return Layout(tmp_path / "data", tmp_path / "ontology")


def sheet(layout: Layout, name: str):
    return layout.documents_dir / f"{name}.ttl"


def edit(layout: Layout, name: str, old: str, new: str) -> None:
    path = sheet(layout, name)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_generated_documents_are_valid_and_each_is_checked_once(corpus):
    first = read_corpus(corpus, graphs=False)
    assert first.problems == [] and first.checked == NAMES
    again = read_corpus(corpus, graphs=False)
    assert again.problems == [] and again.checked == []


def test_a_change_to_one_document_checks_that_document_only(corpus):
    read_corpus(corpus, graphs=False)
    edit(corpus, "synthetic-0001", '"Putin: the U.S.-drafted peace proposal could serve',
         '"Putin: the U.S. draft could serve')
    changed = read_corpus(corpus, graphs=False)
    assert changed.problems == [] and changed.checked == ["synthetic-0001"]


def test_a_reference_broken_by_another_document_is_reported_at_its_line(corpus):
    read_corpus(corpus, graphs=False)
    edit(corpus, "synthetic-0001", "dgr:position-putin-plan-as-basis-0001",  # renamed wherever its document names it
         "dgr:position-putin-plan-as-basis-renamed")
    referring = sheet(corpus, "synthetic-0002").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(referring, start=1)
                if "dg:towards dgr:position-putin-plan-as-basis-0001" in text)
    found = read_corpus(corpus, graphs=False)
    assert [(p.file, p.line) for p in found.problems if "no file describes it" in p.message] == [
        ("data/documents/synthetic-0002.ttl", line)]
    # the referring document is checked again (what it refers to lost its class), the first one is not
    assert found.checked == ["synthetic-0001", "synthetic-0002"]


def test_a_statement_described_by_two_documents_is_reported(corpus):
    read_corpus(corpus, graphs=False)
    copy = sheet(corpus, "synthetic-0002").read_text(encoding="utf-8").replace("dgs:synthetic-0002",
                                                                               "dgs:synthetic-0003")
    sheet(corpus, "synthetic-0003").write_text(copy.replace("sources/synthetic-0002", "sources/synthetic-0003"))
    shutil.copy(corpus.sources_dir / "synthetic-0002.txt", corpus.sources_dir / "synthetic-0003.txt")
    problems = [p for p in validate_files(corpus) if "is described in" in p.message]
    assert problems and all(p.file == "data/documents/synthetic-0003.ttl" for p in problems)
    assert all("data/documents/synthetic-0002.ttl too" in p.message for p in problems)


@pytest.mark.parametrize("changed", ["shapes.ttl", "diplograph.ttl"])
def test_a_changed_ontology_or_shapes_file_checks_every_document_again(corpus, changed):
    read_corpus(corpus, graphs=False)
    path = corpus.ontology / changed
    path.write_text(path.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert read_corpus(corpus, graphs=False).checked == NAMES


def test_a_changed_source_text_is_checked_again_though_its_sheet_is_not(corpus):
    read_corpus(corpus, graphs=False)
    text = corpus.sources_dir / "synthetic-0001.txt"
    text.write_text(text.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    problems = validate_files(corpus)
    assert [p.file for p in problems] == ["data/documents/synthetic-0001.ttl"]
    assert "has changed since it was registered" in problems[0].message


def test_after_a_refresh_the_store_equals_a_fresh_load_of_the_same_files(corpus, tmp_path, monkeypatch):
    graph = KnowledgeGraph(corpus)
    graph.load()
    edit(corpus, "synthetic-0001", '"Putin: the U.S.-drafted peace proposal could serve',
         '"Putin: the U.S. draft could serve')
    sheet(corpus, "synthetic-0002").unlink()
    assert graph.refresh() == ["synthetic-0001", "synthetic-0002"]
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / "another-cache"))  # read from the files, not the cache
    fresh = KnowledgeGraph(corpus)
    fresh.load()
    served, loaded = Dataset(), Dataset()
    served.parse(data=graph.dump("nquads"), format="nquads")
    loaded.parse(data=fresh.dump("nquads"), format="nquads")
    names = {g.identifier for g in served.graphs()}
    assert names == {g.identifier for g in loaded.graphs()}
    assert DGS["synthetic-0002"] not in names and DGS["synthetic-0001"] in names
    for name in names:
        assert isomorphic(served.graph(name), loaded.graph(name)), name


def test_the_same_corpus_read_again_in_a_process_skips_the_work_across_documents(corpus, monkeypatch):
    """A server validates an accept's sheet, then serves it: the second read of the same files reuses the first's
    checks across documents — and still sees a broken reference made meanwhile."""
    import diplograph.corpus as reading

    calls = []
    real = reading.across
    monkeypatch.setattr(reading, "across", lambda *args: calls.append(1) or real(*args))
    assert validate_files(corpus) == [] and validate_files(corpus) == []
    assert len(calls) == 1
    before = len(calls)
    edit(corpus, "synthetic-0001", "dgr:russia", "dgr:no-such-entity")
    problems = validate_files(corpus)
    assert len(calls) == before + 1 and any("synthetic-0001" in p.file for p in problems)
