"""What a newcomer runs, from scratch: the base install, the wheel, `./serve` on a fresh copy, and the set-up twice.

These tests install diplograph into new virtual environments with pip, as a user would, so that a missing run-time
dependency or a file left out of the wheel turns the suite red. They take a minute or two (pip, mostly).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from helpers import REPO, free_port

pytestmark = pytest.mark.fresh


def tracked_copy(target: Path) -> Path:
    """The checkout's files as a fresh clone has them (tracked and new files, nothing ignored: no .venv, no caches)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            destination = target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    return target


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.5)
    pytest.fail(f"no /health within {seconds} s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def check_service(url: str) -> None:
    """What a newcomer does first: is it up, does a query answer, does an entity page show."""
    health = httpx.get(url + "/health", timeout=10).json()
    assert health["status"] == "ok" and health["triples"] > 1000
    answer = httpx.get(url + "/sparql", params={"query": "SELECT ?label WHERE { dgr:zelenskyy rdfs:label ?label }"},
                       headers={"Accept": "application/sparql-results+json"}, timeout=30).json()
    assert [b["label"]["value"] for b in answer["results"]["bindings"]] == ["Volodymyr Zelenskyy"]
    page = httpx.get(url + "/id/putin", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and "Vladimir Putin" in page.text


def clean_environment() -> dict[str, str]:
    """The environment without this test run's virtual environment and diplograph settings."""
    return {key: value for key, value in os.environ.items()
            if not key.startswith(("DIPLOGRAPH_", "VIRTUAL_ENV", "PYTHON")) and key != "PYTEST_CURRENT_TEST"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built by pip from a fresh copy of the repository."""
    source = tracked_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                   check=True, capture_output=True, timeout=600)
    [built] = out.glob("diplograph-*.whl")
    return built


def test_the_wheel_carries_what_the_package_reads_at_run_time(wheel):
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("ontology", "queries", "data"):
        shipped = {p.relative_to(REPO).as_posix() for p in (REPO / folder).rglob("*") if p.is_file()
                   and ".removed" not in p.parts}
        assert {f"diplograph/bundled/{name}" for name in shipped} <= names
    assert "diplograph/api/static/vendor/yasgui/yasgui.min.js" in names


def test_the_wheel_alone_validates_queries_and_serves_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    installed = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)], capture_output=True,
                               text=True, timeout=900, env=clean_environment())
    assert installed.returncode == 0, installed.stderr[-3000:]
    # the base install only: none of the test tools came with it
    assert subprocess.run([str(venv / "bin" / "python"), "-c", "import pytest"], capture_output=True).returncode != 0

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = str(venv / "bin" / "diplograph")
    env = clean_environment()
    checked = subprocess.run([command, "validate"], cwd=elsewhere, capture_output=True, text=True, timeout=300,
                             env=env)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("OK")
    rows = subprocess.run([command, "query", "cq04-military-limits", "-f", "csv"], cwd=elsewhere,
                          capture_output=True, text=True, timeout=300, env=env)
    assert rows.returncode == 0, rows.stderr
    assert "Ukraine's army size" in rows.stdout
    # a command that would write into the installed copy is refused, not carried out inside site-packages
    refused = subprocess.run([command, "remove-source", "2025-11-30-peace-talks-putin-conditions"], cwd=elsewhere,
                             capture_output=True, text=True, timeout=300, env=env)
    assert refused.returncode == 2 and "copy installed with the package" in refused.stderr

    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        server = subprocess.Popen([command, "serve", "--port", str(port), "--workers", "1"], cwd=elsewhere,
                                  stdout=sink, stderr=subprocess.STDOUT, env=env)
    try:
        wait_for(f"http://127.0.0.1:{port}", server, log)
        check_service(f"http://127.0.0.1:{port}")
    finally:
        stop(server)
    walk_the_documents_path_and_every_command(command, tmp_path / "project", env)


COMMANDS = {"validate", "audit", "coverage", "suggest", "add-source", "remove-source", "draft", "review", "queries",
            "query", "analyze", "operations", "run", "stats", "load", "export", "generate", "serve"}
"""Every command of the CLI: the walk below runs each once (an import inside a function is still an import)."""


def walk_the_documents_path_and_every_command(command: str, project: Path, env: dict[str, str]) -> None:
    """The README's documents path in the clean install — an HTML page and a PDF added, drafted, a candidate
    accepted with an edit, validated, audited, the new fact queried — and every other command once.

    A package that one command imports only when it runs, and that pyproject.toml does not declare, fails here.
    """
    import json

    from helpers import pdf_with

    shutil.copytree(REPO / "data", project / "data", ignore=shutil.ignore_patterns(".removed", "review"))
    shutil.copytree(REPO / "ontology", project / "ontology")
    where = ["--data", str(project / "data"), "--ontology", str(project / "ontology")]
    ran: set[str] = set()

    def run(*args: str, codes: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
        ran.add(args[0])
        done = subprocess.run([command, *args], cwd=project, capture_output=True, text=True, timeout=300, env=env)
        assert done.returncode in codes and "Traceback" not in done.stderr, (args, done.stdout, done.stderr)
        return done

    page = REPO / "tests" / "fixtures" / "made-up-saved-article.html"
    assert "added 2026-02-03-made-up-saved-article" in run("add-source", str(page), *where).stdout
    pdf = project / "communique.pdf"
    pdf.write_bytes(pdf_with(["Kyiv rejected the proposal on Tuesday.", "The ministers agreed to meet again."],
                             info={"Title": "Joint communique", "CreationDate": "D:20260205120000Z"}))
    run("add-source", str(pdf), *where)
    slug = "2026-02-03-made-up-saved-article"
    candidates = json.loads(run("draft", slug, *where, "-f", "json").stdout)
    demand = next(c for c in candidates if c["sentence"].startswith("Ukraine insists that every prisoner"))
    run("review", slug, "--accept", demand["id"], "--set", "demandedOf=Moscow", "--set", "callsFor=Negotiation", *where)
    assert json.loads(run("review", slug, "--all", "-f", "json", *where).stdout)
    assert run("validate", *where).stdout.startswith("OK")
    run("audit", *where, codes=(0, 1))
    rows = run("query", "statements-by-source", "-p", f"source={slug}", "-f", "json", *where).stdout
    assert any(row.get("statement", "").endswith(f"demand-{demand['id']}") for row in json.loads(rows)), rows
    run("coverage", *where)
    run("suggest", slug, *where)
    run("remove-source", "2026-02-05-communique", *where)
    run("queries", "-f", "json")
    run("analyze", "coalitions", "-f", "json")
    run("operations", "-f", "json")
    run("run", "demands", "-p", "by=Moscow", "-f", "csv")
    run("stats", "-f", "json")
    run("load", "--store", f"oxigraph:{project / 'store'}", *where)
    run("export", "-f", "graphml", "-o", str(project / "graph.graphml"), *where)
    run("generate", "--triples", "1000", "-o", str(project / "corpus.nq"))
    run("generate", "--documents", "2", "-o", str(project / "generated"))
    assert run("validate", "--data", str(project / "generated"), "--ontology", str(project / "ontology")
               ).stdout.startswith("OK")
    ran.add("serve")  # served above, from the same install
    assert ran == COMMANDS


def test_serve_script_on_a_fresh_copy_installs_the_base_and_serves(tmp_path):
    checkout = tracked_copy(tmp_path / "checkout")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        server = subprocess.Popen([str(checkout / "serve"), "--port", str(port), "--workers", "1"], cwd=checkout,
                                  stdout=sink, stderr=subprocess.STDOUT, env=clean_environment(),
                                  start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}", server, log)
        check_service(f"http://127.0.0.1:{port}")
    finally:
        stop(server)
    output = log.read_text()
    assert "setup: creating .venv" in output and "setup: installing diplograph and its dependencies" in output
    python = checkout / ".venv" / "bin" / "python"
    assert subprocess.run([str(python), "-c", "import pytest"], capture_output=True).returncode != 0


def test_debian_setup_passes_twice_where_policy_rc_d_exists():
    """Containers ship /usr/sbin/policy-rc.d; the set-up must leave it alone and succeed, every time."""
    if os.geteuid() != 0:
        pytest.skip("the Debian set-up installs packages, which needs root (CI runs as root)")
    policy = Path("/usr/sbin/policy-rc.d")
    created = not policy.exists()
    if created:
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
    before = policy.read_bytes()
    try:
        for attempt in (1, 2):
            result = subprocess.run([str(REPO / "tools" / "setup-debian.sh")], capture_output=True, text=True,
                                    timeout=900, env={**os.environ, "DIPLOGRAPH_SETUP_REINSTALL": "1"})
            assert result.returncode == 0, (attempt, result.stderr)
            assert "setup: apt-get install --no-install-recommends" in result.stderr, result.stderr
            assert policy.read_bytes() == before
    finally:
        if created:
            policy.unlink()


def test_the_walk_covers_every_command_the_cli_has():
    import typer.main

    from diplograph.cli import app

    assert set(typer.main.get_command(app).commands) == COMMANDS
