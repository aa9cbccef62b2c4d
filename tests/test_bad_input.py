"""Every command refuses bad input in one line, with a non-zero exit code, and leaves no file changed or behind.

The inputs are the ones a new user tried (the fresh-machine issue): each test runs the real command and checks
the message, the exit code, and the folders it could have written to.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import DOCUMENT, free_port

DIPLOGRAPH = Path(sys.executable).with_name("diplograph")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(DIPLOGRAPH), *args], capture_output=True, text=True, timeout=180, cwd=cwd)


def one_line_error(result: subprocess.CompletedProcess, code: int, *fragments: str) -> None:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its content (hidden files too)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------------------------- generate

@pytest.mark.parametrize("triples, fragment", [
    ("-5", "between 1 and 2,000,000,000, not -5"),
    ("0", "between 1 and 2,000,000,000, not 0"),
    ("100000000000", "not 100,000,000,000"),
])
def test_generate_refuses_a_size_out_of_range_and_writes_nothing(tmp_path, triples, fragment):
    result = run("generate", "--triples", triples, "-o", str(tmp_path / "x.nq"))
    one_line_error(result, 2, fragment)
    assert snapshot(tmp_path) == {}


def test_generate_into_a_missing_folder_is_one_line(tmp_path):
    result = run("generate", "-o", "nodir/x.nq", cwd=tmp_path)
    one_line_error(result, 2, "nodir: no such folder")
    assert snapshot(tmp_path) == {}


def test_generate_leaves_no_partial_file_when_interrupted(tmp_path):
    target = tmp_path / "big.nq"
    # Ctrl-C's default restored for the child: a suite started in the background inherits SIGINT ignored
    process = subprocess.Popen([str(DIPLOGRAPH), "generate", "--triples", "50000000", "-o", str(target)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:  # wait until it is writing, then stop it as Ctrl-C would
        deadline = time.monotonic() + 60
        while not any(tmp_path.iterdir()) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [p.name for p in tmp_path.iterdir()][0].endswith(".partial")
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert snapshot(tmp_path) == {}


def test_generate_writes_the_file_only_when_complete(tmp_path):
    result = run("generate", "--triples", "2000", "-o", str(tmp_path / "small.nq"))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["small.nq"]
    assert (tmp_path / "small.nq").read_text().count("\n") >= 2000


# ---------------------------------------------------------------------------------------------- stores

@pytest.mark.parametrize("store, fragment", [
    ("oxygraph:./store", "did you mean oxigraph:./store?"),
    ("memory:", "unknown store 'memory:'"),
    ("oxigraph:", "oxigraph: needs a folder after the colon"),
    ("./store", "for a store in that folder: oxigraph:./store"),
    ("memory", "the memory store is built at every start"),
])
def test_load_refuses_a_store_it_cannot_build_in_one_line(tmp_path, store, fragment):
    result = run("load", "--store", store, cwd=tmp_path)
    one_line_error(result, 2, fragment)
    assert snapshot(tmp_path) == {}


@pytest.mark.parametrize("command", ["query", "stats", "serve", "export"])
def test_every_command_names_a_bad_store_the_same_way(command):
    extra = {"query": ["cq04-military-limits"], "export": ["-f", "d3"]}.get(command, [])
    result = run(command, *extra, "--store", "oxygraph:./store")
    one_line_error(result, 2, "did you mean oxigraph:./store?")


# ---------------------------------------------------------------------------------------------- parameters

def test_an_unknown_entity_in_a_parameter_is_an_error_with_a_suggestion():
    result = run("query", "demands", "-p", "by=Moskow")
    one_line_error(result, 2, "parameter 'by'", "'Moskow'", "did you mean 'Moscow'?")


# ---------------------------------------------------------------------------------------------- serve

def test_serve_on_a_taken_port_says_so_before_anything_else():
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen(1)
        result = run("serve", "--port", str(port))
    one_line_error(result, 2, f"port {port} on 127.0.0.1 is taken", "--port")
    assert result.stdout == ""


# ---------------------------------------------------------------------------------------------- folders

def test_a_relative_data_folder_works(project):
    result = run("validate", "--data", "data", "--ontology", "ontology", cwd=project.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK")


def test_a_missing_data_folder_is_one_line(tmp_path):
    result = run("stats", "--data", "nothere", cwd=tmp_path)
    one_line_error(result, 2, "nothere: no such data folder")


# ---------------------------------------------------------------------------------------------- documents

def add(project, path: Path) -> subprocess.CompletedProcess:
    return run("add-source", str(path), "--title", "T", "--date", "2026-02-01", "--data", str(project.layout.data),
               "--ontology", str(project.layout.ontology))


@pytest.mark.parametrize("name, content, fragment", [
    ("latin1.txt", "Caf\xe9 talks".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 3)"),
    ("page.txt", b"<!DOCTYPE html><html><body><p>Talks</p></body></html>", "no article text was found"),
    ("page.html", b"Talks", "no article text was found"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF that cannot be read"),
])
def test_add_source_refuses_what_it_cannot_read_and_writes_nothing(project, tmp_path, name, content, fragment):
    before = snapshot(project.layout.data)
    path = tmp_path / "incoming" / name
    path.parent.mkdir()
    path.write_bytes(content)
    one_line_error(add(project, path), 2, fragment)
    assert snapshot(project.layout.data) == before


def test_add_source_of_a_missing_file_is_one_line(project, tmp_path):
    before = snapshot(project.layout.data)
    one_line_error(add(project, tmp_path / "missing.txt"), 2, "missing.txt: no such file")
    assert snapshot(project.layout.data) == before


@pytest.fixture
def two_documents(project):
    """The bundled article and the made-up Geneva document, which names the article's plan."""
    fixtures = Path(__file__).parent / "fixtures"
    for suffix, folder in ((".yaml", "documents"), (".txt", "sources")):
        name = f"2026-01-12-made-up-geneva-talks{suffix}"
        (project.layout.data / folder / name).write_bytes((fixtures / name).read_bytes())
    return project


def test_remove_source_refuses_when_another_document_refers_to_it(two_documents):
    project = two_documents
    before = snapshot(project.layout.data)
    result = run("remove-source", DOCUMENT, "--data", str(project.layout.data))
    # the Geneva sheet names the article's 28-point plan (dgr:28-point-plan), which only the article describes
    one_line_error(result, 2, "2026-01-12-made-up-geneva-talks.yaml:", "dgr:28-point-plan", "--force")
    assert snapshot(project.layout.data) == before


def test_forced_removal_is_recoverable_and_validate_names_the_dangling_reference(two_documents):
    project = two_documents
    sheet = project.layout.data / "documents" / f"{DOCUMENT}.ttl"
    text = project.layout.data / "sources" / f"{DOCUMENT}.txt"
    contents = sheet.read_bytes(), text.read_bytes()
    result = run("remove-source", DOCUMENT, "--force", "--data", str(project.layout.data))
    assert result.returncode == 0, result.stderr
    assert not sheet.exists() and not text.exists()
    [backup] = (project.layout.data / ".removed").iterdir()
    assert (backup / "documents" / sheet.name).read_bytes() == contents[0]
    assert (backup / "sources" / text.name).read_bytes() == contents[1]
    assert str(backup) in result.stdout

    geneva = project.layout.data / "documents" / "2026-01-12-made-up-geneva-talks.yaml"
    line = next(n for n, row in enumerate(geneva.read_text().splitlines(), 1) if "28-point-plan" in row)
    checked = run("validate", "--data", str(project.layout.data), "--ontology", str(project.layout.ontology))
    assert checked.returncode == 1
    assert (f"data/documents/2026-01-12-made-up-geneva-talks.yaml:{line}: dgr:28-point-plan is referred to, but no "
            "file describes it") in checked.stderr


def test_a_property_typo_in_a_fact_sheet_is_reported_with_its_line(two_documents):
    project = two_documents
    sheet = project.layout.data / "documents" / "2026-01-12-made-up-geneva-talks.yaml"
    line = project.replace(sheet, "    demandedOf: Kyiv", "    demandedFrom: Kyiv")
    result = run("validate", "--data", str(project.layout.data), "--ontology", str(project.layout.ontology))
    assert result.returncode == 1
    assert (f"data/documents/2026-01-12-made-up-geneva-talks.yaml:{line}: unknown term dg:demandedFrom "
            "(not in the ontology; did you mean dg:demandedOf?)") in result.stderr


def test_progress_lines_appear_on_a_log_for_long_work(tmp_path):
    env = {**os.environ, "DIPLOGRAPH_PROGRESS_EVERY": "0.2"}
    result = subprocess.run([str(DIPLOGRAPH), "generate", "--triples", "400000", "-o", str(tmp_path / "c.nq")],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    progress = [line for line in result.stderr.splitlines() if line.startswith("generating c.nq: ")]
    assert progress, result.stderr
    assert "of 400,000" in progress[0] and "quads after" in progress[0]


# ---------------------------------------------------------------------------------------------- fact sheets with limits

def _sheet(project, body: str) -> Path:
    sheet = project.layout.data / "documents" / "2026-02-01-bomb.yaml"
    sheet.write_text('"@context": https://w3id.org/diplograph/context\n' + body, encoding="utf-8")
    return sheet


def test_a_yaml_alias_bomb_is_refused_with_its_file_and_line(project):
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]  # 9^9 values once expanded
    _sheet(project, "x:\n" + "\n".join("  " + level for level in levels) + '\n"@graph": []\n')
    result = subprocess.run([str(DIPLOGRAPH), "validate", "--data", str(project.layout.data), "--ontology",
                             str(project.layout.ontology)], capture_output=True, text=True, timeout=60)  # a hang bound
    assert result.returncode == 1
    # a6 is the first anchor whose expansion passes the bound (9^7 values); it is on line 8 of the sheet
    assert "data/documents/2026-02-01-bomb.yaml:8: YAML syntax error: its aliases expand to more than 200,000" \
        in result.stderr
    assert "Traceback" not in result.stderr


def test_yaml_nested_hundreds_deep_is_refused_with_its_line(project):
    depth = 600
    _sheet(project, '"@graph":\n' + "".join("  " * n + "- \n" for n in range(1, depth)))
    result = run("validate", "--data", str(project.layout.data), "--ontology", str(project.layout.ontology))
    assert result.returncode == 1
    # the document is level 1; "@graph"'s list (line 3) level 2; each list below starts a line further: level 65,
    # the first one too deep, starts on line 66
    assert "data/documents/2026-02-01-bomb.yaml:66:" in result.stderr
    assert "nested more than 64 levels deep" in result.stderr
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
