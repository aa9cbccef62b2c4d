"""Derived data (projections, centralities, statistics): built once per graph version by a builder, used by workers.

See ``diplograph.derived``. The server hands each graph version to a builder
process, which writes what it derived to the cache folder; the workers then
answer from it instead of computing it again, and a restart on the same data
finds it there.
"""

from __future__ import annotations

import json
import os
import pickle
import time

import httpx
from api.conftest import UPDATE_TOKEN, Server


def wait_until_derived(server: Server, *, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        health = httpx.get(server.url + "/health", timeout=5).json()
        if health["derived"] == "ready":
            return health
        assert health["derived"] == "not started" or health["derived"].startswith("building"), health
        time.sleep(0.2)
    raise AssertionError(f"derived data not ready after {seconds} s: {server.output()}")


def test_workers_answer_from_the_derived_file_and_a_restart_reuses_it(tmp_path):
    environment = {"DIPLOGRAPH_CACHE": str(tmp_path)}
    server = Server("--workers", "2", env=environment)
    try:
        wait_until_derived(server)
        ranking = httpx.get(server.url + "/analysis/centrality", params={"family": "actors"}, timeout=30).json()
    finally:
        server.stop()
    files = list((tmp_path / "derived").glob("*.jsonl"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o777 == 0o600 and (tmp_path / "derived").stat().st_mode & 0o777 == 0o700
    # mark the file: if the workers answer from it, the mark shows; had they computed on their own, it would not
    lines = files[0].read_text().splitlines()  # a head, then a line a part
    at = next(at for at, line in enumerate(lines) if line.startswith('["stats",'))
    part, stats = json.loads(lines[at])
    lines[at] = json.dumps([part, {**stats, "triples": 424242}])
    files[0].write_text("\n".join(lines) + "\n")
    server = Server("--workers", "2", env=environment)
    try:
        wait_until_derived(server, seconds=30)
        assert httpx.get(server.url + "/stats", timeout=30).json()["triples"] == 424242
        again = httpx.get(server.url + "/analysis/centrality", params={"family": "actors"}, timeout=30).json()
        assert again == ranking
    finally:
        server.stop()
    assert list((tmp_path / "derived").glob("*.jsonl")) == files  # nothing rebuilt


def test_an_update_gets_its_own_derived_data(tmp_path):
    server = Server("--allow-updates", "--workers", "2",
                    env={"DIPLOGRAPH_CACHE": str(tmp_path), "DIPLOGRAPH_UPDATE_TOKEN": UPDATE_TOKEN,
                         "DIPLOGRAPH_DERIVED_INTERVAL": "1"})
    try:
        wait_until_derived(server)
        people = httpx.get(server.url + "/stats", timeout=30).json()["classes"]["dg:Person"]
        response = httpx.post(server.url + "/sparql", timeout=30,
                              content=b'INSERT DATA { dgr:test-envoy a dg:Person ; rdfs:label "Test Envoy" }',
                              headers={"Content-Type": "application/sparql-update",
                                       "Authorization": f"Bearer {UPDATE_TOKEN}"})
        assert response.status_code == 204, response.text
        wait_until_derived(server)
        assert httpx.get(server.url + "/stats", timeout=30).json()["classes"]["dg:Person"] == people + 1
        assert len(list((tmp_path / "derived").glob("*.jsonl"))) == 2  # one per graph version
    finally:
        server.stop()


def test_a_change_while_the_first_build_runs_is_built_after_it(tmp_path):
    """The first build and every later request go through one loop: a change that comes while a build runs is
    not lost — the graph as it is then gets its derived data once that build is over. The updates come straight
    after the start, while the first build runs (about a second here)."""
    server = Server("--allow-updates", "--workers", "2",
                    env={"DIPLOGRAPH_CACHE": str(tmp_path), "DIPLOGRAPH_UPDATE_TOKEN": UPDATE_TOKEN,
                         "DIPLOGRAPH_DERIVED_INTERVAL": "1"})
    try:
        for name in ("first", "second"):
            response = httpx.post(server.url + "/sparql", timeout=30,
                                  content=f'INSERT DATA {{ dgr:envoy-{name} a dg:Person ; rdfs:label "{name}" }}'
                                  .encode(), headers={"Content-Type": "application/sparql-update",
                                                      "Authorization": f"Bearer {UPDATE_TOKEN}"})
            assert response.status_code == 204, response.text
        wait_until_derived(server)
        counts = httpx.get(server.url + "/stats", timeout=30).json()["classes"]  # derived: with both envoys
        assert counts["dg:Person"] == _people_in_bundled_graph() + 2
    finally:
        server.stop()


def _people_in_bundled_graph() -> int:
    from diplograph.graph import KnowledgeGraph

    return KnowledgeGraph.open().stats().classes["dg:Person"]


class _Planted:
    """A pickle that, if loaded, would run a command: the attack on the cache folder of the previous version."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _logged(server: Server, words: str, seconds: float = 15) -> bool:
    """Whether the server's log says ``words`` within ``seconds`` (a line the builder writes may arrive after the
    health check that saw its work done)."""
    deadline = time.monotonic() + seconds
    while words not in server.output() and time.monotonic() < deadline:
        time.sleep(0.1)
    return words in server.output()


def test_a_crafted_or_broken_cache_file_runs_nothing_and_is_rebuilt(tmp_path):
    from diplograph.derivation import FORMAT
    from diplograph.derived import graph_key
    from diplograph.graph import KnowledgeGraph

    key = graph_key(KnowledgeGraph.open())
    marker = tmp_path / "ran"
    folder = tmp_path / "cache" / "derived"
    folder.mkdir(parents=True, mode=0o700)
    (tmp_path / "cache").chmod(0o700)
    (folder / f"{key}.pickle").write_bytes(pickle.dumps(_Planted(str(marker))))
    (folder / f"{key}.jsonl").write_bytes(pickle.dumps(_Planted(str(marker))))  # under the name it is read by
    (folder / f"{key}.jsonl").chmod(0o600)
    server = Server("--workers", "1", env={"DIPLOGRAPH_CACHE": str(tmp_path / "cache")})
    try:
        wait_until_derived(server)
        assert not marker.exists()
        assert _logged(server, "the kept file was not taken")
        rebuilt = json.loads((folder / f"{key}.jsonl").read_bytes().split(b"\n", 1)[0])  # its head
        assert rebuilt["format"] == FORMAT and rebuilt["key"] == key
        # a well-formed file of the wrong shape is not taken either: rebuilt, said in the log
        (folder / f"{key}.jsonl").write_text(json.dumps({"format": FORMAT, "key": key, "lines": 1}) + "\n"
                                             + json.dumps(["scores", "many"]) + "\n")
    finally:
        server.stop()
    server = Server("--workers", "1", env={"DIPLOGRAPH_CACHE": str(tmp_path / "cache")})
    try:
        assert wait_until_derived(server)["derived"] == "ready"
        assert server.output().count("the kept file was not taken") == 1
    finally:
        server.stop()


def test_a_cache_others_could_write_is_not_trusted(tmp_path):
    from diplograph import cache

    os.environ["DIPLOGRAPH_CACHE"] = str(tmp_path)
    try:
        assert cache.write("derived", "x.json", b"{}") is not None
        assert cache.read("derived", "x.json") == b"{}"
        (tmp_path / "derived" / "x.json").chmod(0o644)
        assert cache.read("derived", "x.json") is None
        (tmp_path / "derived" / "x.json").chmod(0o600)
        (tmp_path / "derived").chmod(0o777)
        assert cache.read("derived", "x.json") is None
    finally:
        del os.environ["DIPLOGRAPH_CACHE"]


def test_a_planted_validation_record_does_not_skip_validation(project, tmp_path):
    """An empty file (or one naming another key) where a validation record would be: the start validates anyway and
    refuses the invalid corpus."""
    import subprocess

    from api.conftest import DIPLOGRAPH

    from diplograph.corpus import check_key, read_corpus

    project.replace(project.document, "dg:holder dgr:putin ;", 'dg:holder "Vladimir Putin" ;')  # SHACL: an IRI
    (document,) = read_corpus(project.layout, validate=False, graphs=False).documents
    key = check_key(document, [])  # one document: nothing described elsewhere
    folder = tmp_path / "cache" / "checks"
    folder.mkdir(parents=True, mode=0o700)
    (tmp_path / "cache").chmod(0o700)
    for planted in (b"", b'{"format": 1, "key": "0000", "reads": {}, "problems": []}'):
        (folder / key).write_bytes(planted)
        (folder / key).chmod(0o600)
        result = subprocess.run([str(DIPLOGRAPH), "query", "demands", "--validate", "--data",
                                 str(project.layout.data), "--ontology", str(project.layout.ontology)],
                                capture_output=True, text=True, timeout=120,
                                env={**os.environ, "DIPLOGRAPH_CACHE": str(tmp_path / "cache")})
        assert result.returncode == 2 and "error: data/documents/" in result.stderr, result.stderr


def test_the_record_built_in_two_processes_is_the_one_built_in_one(tmp_path):
    """The helper computes the stance network, statistics, names, counts and most analyses; joined with the
    builder's entity projection, the record is byte for byte the one a single process builds, on a corpus of
    several documents; a helper that dies is an error, not a record without its part, and so is the builder's
    own part failing."""
    import shutil

    import pytest
    from helpers import REPO

    from diplograph import derivation
    from diplograph.generate import generate_documents
    from diplograph.graph import KnowledgeGraph
    from diplograph.layout import Layout

    shutil.copytree(REPO / "ontology", tmp_path / "ontology")
    generate_documents(tmp_path / "data", 3)
    graph = KnowledgeGraph(Layout(tmp_path / "data", tmp_path / "ontology"))
    graph.load(validate=False)
    alone = derivation.prepare(graph).encode("k")
    graph.changed()  # nothing computed before is reused
    assert derivation.prepare(graph, helper=True).encode("k") == alone
    graph.changed()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(derivation, "_other_part", lambda _: os._exit(3))
        with pytest.raises(RuntimeError, match="helper stopped"):
            derivation.prepare(graph, helper=True)
    graph.changed()
    with pytest.MonkeyPatch.context() as patch:  # the builder's own part fails while the helper writes its part
        patch.setattr(derivation, "_entity_part", lambda _: (_ for _ in ()).throw(MemoryError("out of memory")))
        with pytest.raises(MemoryError):  # its error, at once: the helper is not left blocked on a full pipe
            derivation.prepare(graph, helper=True)


def test_the_record_reads_back_whole_and_only_whole(tmp_path, monkeypatch):
    """The record is written as lines — its entity graph's lists in pieces — and read back a line at a time: read
    back, it is the record written (encoded again, the same bytes); a record that lost a line, a piece of a line or
    its last line break, or has a line too many, or names another graph, is refused, not installed in part."""
    import shutil

    import pytest
    from helpers import REPO

    from diplograph import derivation
    from diplograph.generate import generate_documents
    from diplograph.graph import KnowledgeGraph
    from diplograph.layout import Layout

    monkeypatch.setattr(derivation, "_PIECE", 7)  # so that the entity graph's lists take several lines each
    shutil.copytree(REPO / "ontology", tmp_path / "ontology")
    generate_documents(tmp_path / "data", 2)
    graph = KnowledgeGraph(Layout(tmp_path / "data", tmp_path / "ontology"))
    graph.load(validate=False)
    record = derivation.prepare(graph)
    raw = record.encode("k")
    lines = raw.split(b"\n")
    assert sum(line.startswith(b'["entity","edges"') for line in lines) > 1
    back = derivation.Derived.decode(raw, "k")
    assert back.encode("k") == raw and sorted(back.entity.edges(keys=True)) == sorted(record.entity.edges(keys=True))
    edges = next(at for at, line in enumerate(lines) if line.startswith(b'["entity","edges"'))
    damaged = [b"\n".join(lines[:edges] + lines[edges + 1:]), raw[:-1], raw[:len(raw) // 2], raw + lines[1] + b"\n",
               raw.replace(b'"key":"k"', b'"key":"j"', 1), b""]
    for wrong in damaged:
        with pytest.raises(ValueError, match="not derived data|another format or another graph"):
            derivation.Derived.decode(wrong, "k")
