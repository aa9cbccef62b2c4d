"""A server checks changed documents in spawned processes it keeps (``checking.keep_workers``), never in itself.

Its query workers are forked from it: what it writes after each fork is copied page by page, and checking a
document writes the SHACL engine's working memory. These tests turn keeping on in the test process, as
``Service.start`` does, and make this process's own checks fail, so that only a kept process can have checked.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from helpers import REPO

from diplograph import checking
from diplograph.corpus import read_corpus, validate_files
from diplograph.generate import generate_documents
from diplograph.layout import Layout

QUOTE = 'oa:exact "A fragile sign of dialogue in a brutal war"'


@pytest.fixture
def kept(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / "cache"))
    shutil.copytree(REPO / "ontology", tmp_path / "ontology")
    generate_documents(tmp_path / "data", 2)
    layout = Layout(tmp_path / "data", tmp_path / "ontology")
    read_corpus(layout, graphs=False)  # every check kept in the cache: a later read checks what changed only
    checking.keep_workers(layout)
    monkeypatch.setattr(checking, "check_document", _not_here)  # in this process only: spawned ones have theirs
    yield layout
    checking.release_workers()


def _not_here(*_args, **_kwargs):
    raise AssertionError("a document was checked in the server's own process")


def _misquote(layout: Layout, name: str = "synthetic-0001") -> int:
    """A quote no longer in its text; the line it is on."""
    sheet = layout.documents_dir / f"{name}.ttl"
    lines = sheet.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines) if QUOTE in line)
    lines[number] = lines[number].replace("fragile sign", "sturdy sign")
    sheet.write_text("".join(lines), encoding="utf-8")
    return number + 1


def _quote_problems(layout: Layout) -> list[tuple[str, int | None]]:
    return [(p.file, p.line) for p in validate_files(layout) if "sturdy sign" in p.message]


def test_a_changed_document_is_checked_in_a_kept_process_and_reported_at_its_line(kept):
    line = _misquote(kept)
    assert _quote_problems(kept) == [("data/documents/synthetic-0001.ttl", line)]
    pool = next(iter(checking._KEPT.values()))
    _misquote(kept, "synthetic-0000")
    assert len(_quote_problems(kept)) == 2
    assert list(checking._KEPT.values()) == [pool]  # the same processes, kept between calls


def test_a_changed_shared_file_starts_new_processes_that_read_it(kept):
    before = next(iter(checking._KEPT.values()))
    ontology = kept.ontology / "diplograph.ttl"
    text = ontology.read_text(encoding="utf-8")
    assert "dg:Demand a owl:Class" in text
    ontology.write_text(text.replace("dg:Demand a owl:Class", "dg:Demanded a owl:Class"), encoding="utf-8")
    problems = validate_files(kept)
    assert any("unknown term dg:Demand" in p.message and p.file == "data/documents/synthetic-0000.ttl"
               for p in problems), problems
    assert list(checking._KEPT.values()) != [before]


def test_a_killed_kept_process_loses_no_check(kept):
    pool = next(iter(checking._KEPT.values()))
    pool.submit(os.getpid).result(timeout=60)
    for pid in list(pool._processes):
        os.kill(pid, signal.SIGKILL)
    line = _misquote(kept)
    assert _quote_problems(kept) == [("data/documents/synthetic-0001.ttl", line)]  # checked in new ones
    assert pool not in checking._KEPT.values()


def test_kept_processes_end_with_the_server_that_started_them(tmp_path):
    script = ("import sys, time\nfrom diplograph import checking\nfrom diplograph.layout import Layout\n"
              f"checking.keep_workers(Layout({str(REPO / 'data')!r}, {str(REPO / 'ontology')!r}))\n"
              "pool = next(iter(checking._KEPT.values()))\nprint(pool.submit(__import__('os').getpid).result(), "
              "flush=True)\ntime.sleep(600)\n")
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "DIPLOGRAPH_CACHE": str(tmp_path / "cache")})
    kept = int(server.stdout.readline())
    server.kill()  # no chance to stop them itself
    server.wait()
    deadline = time.monotonic() + 30
    while _alive(kept) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(kept), "a kept process outlived its server"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
