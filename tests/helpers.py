"""Constants and helpers shared by the tests (conftest modules cannot be imported by name)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCUMENT = "2025-11-30-peace-talks-putin-conditions"
SHARED_CORPUS = REPO.parent / "shared" / "corpus"


RDFLIB_PARSERS = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld",
                  "rdfxml": "xml"}
"""rdflib's parser for each of diplograph's RDF format names: a second implementation reads what Oxigraph wrote."""


def require_program(name: str) -> str:
    """The path of a system program a test needs: skipped with a reason on a user's machine, a failure under CI."""
    path = shutil.which(name)
    if path is None:
        message = (f"{name} is not installed: ./test installs it from Debian's packages when it runs as root or with "
                   "password-less sudo and can reach the package archive (its setup: lines say why it could not)")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {dir}
MaxClientConnections = 10

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 10
ServerThreads = 10

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 0
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """A private Virtuoso (Debian's virtuoso-t) on 127.0.0.1, with its own database folder; stopped by stop()."""

    def __init__(self, folder: Path):
        import subprocess
        import time

        import httpx

        program = require_program("virtuoso-t")
        folder.mkdir(parents=True, exist_ok=True)
        self.http_port = free_port()
        ini = folder / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(dir=folder, sql_port=free_port(), http_port=self.http_port))
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.process = subprocess.Popen([program, "+foreground", "+configfile", str(ini)], cwd=folder,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"Virtuoso did not start; see {folder}/virtuoso.log")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except Exception:
            self.process.kill()


def pdf_with(lines: list[str], *, info: dict[str, str] | None = None) -> bytes:
    """A minimal, valid one-page PDF whose text layer holds ``lines`` (an empty list: a page with no text)."""
    text = "".join(f"BT /F1 12 Tf 72 {720 - 16 * i} Td ({line}) Tj ET\n" for i, line in enumerate(lines))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text.encode()) + text.encode() + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if info:
        objects.append(("<< " + " ".join(f"/{k} ({v})" for k, v in info.items()) + " >>").encode())
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1) + (b" /Info %d 0 R" % len(objects) if info else b"")
    return body + b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref


def drafted_page(layout, folder: Path, text: str, *, title: str, day) -> tuple[str, dict]:
    """A page of ``text`` added to the project as a user would (add-source), then drafted: its name and its
    candidates by sentence."""
    from diplograph.documents import add_source
    from diplograph.drafting import draft
    from diplograph.graph import KnowledgeGraph

    page = folder / "page.txt"
    page.write_text(text, encoding="utf-8")
    name, _ = add_source(layout, page, title=title, day=day)
    graph = KnowledgeGraph(layout)
    graph.load(validate=False)
    return name, {c.sentence: c for c in draft(graph, name)}


def drafted_html(layout, folder: Path, html: str, *, day) -> tuple[str, dict]:
    """A saved web page of ``html`` added as a user would (its author and title from the page), then drafted: its
    name and its candidates by sentence."""
    from diplograph.documents import add_source
    from diplograph.drafting import draft
    from diplograph.graph import KnowledgeGraph

    page = folder / "page.html"
    page.write_text(html, encoding="utf-8")
    name, _ = add_source(layout, page, day=day)
    graph = KnowledgeGraph(layout)
    graph.load(validate=False)
    return name, {c.sentence: c for c in draft(graph, name)}


MADE_UP_AUTHOR = "https://w3id.org/diplograph/id/author-x"
"""The author the drafting tests give a sentence drafted alone."""


def drafted_alone(sentence: str) -> tuple[str, str | None, str]:
    """The kind, asserter and assertion mode the drafter gives ``sentence`` read alone, against the bundled graph."""
    from diplograph.drafting import draft_sentence
    from diplograph.graph import KnowledgeGraph

    drafted = draft_sentence(KnowledgeGraph.open(), sentence, author=MADE_UP_AUTHOR)
    return drafted.kind, drafted.asserted_by, drafted.assertion_mode


def drafted_paragraphs(project, folder: Path, *paragraphs: str, day) -> dict:
    """``paragraphs`` added as a page (made up) of ``day`` and drafted: its candidates by sentence."""
    return drafted_page(project.layout, folder, "\n\n".join(paragraphs) + "\n", title="A page (made up)",
                        day=day)[1]
