"""Review anyone can drive from a terminal: whole ids (or a unique start), JSON, decisions that are remembered and
said, atomic accepts, and a running server that serves what the command line wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx
import pytest

from diplograph.documents import add_source
from diplograph.drafting import draft
from diplograph.errors import DataError, DiplographError
from diplograph.graph import KnowledgeGraph
from diplograph.namespaces import DGR
from diplograph.review import accept, read_candidates, review_file

DIPLOGRAPH = Path(sys.executable).with_name("diplograph")
FIXTURES = Path(__file__).parent / "fixtures"
BRIEFING = "2026-01-20-made-up-moscow-briefing"


@pytest.fixture
def drafted(project):
    add_source(project.layout, FIXTURES / f"{BRIEFING}.txt", title="Moscow hardens its line (made up)",
               day=date(2026, 1, 20))
    graph = KnowledgeGraph(project.layout)
    graph.load()
    candidates = draft(graph, BRIEFING)
    return project, {c.sentence: c for c in candidates}


def cli(project, *args: str, columns: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"COLUMNS": str(columns)} if columns else {})}
    return subprocess.run([str(DIPLOGRAPH), *args, "--data", str(project.layout.data), "--ontology",
                           str(project.layout.ontology)], capture_output=True, text=True, timeout=300, env=env)


def starting(candidates: dict, words: str):
    return next(c for sentence, c in candidates.items() if sentence.startswith(words))


def test_at_80_columns_the_printed_ids_are_whole_and_a_unique_start_accepts(drafted):
    project, candidates = drafted
    listed = cli(project, "review", BRIEFING, "-f", "table", columns=80)
    assert listed.returncode == 0, listed.stderr
    for candidate in candidates.values():
        assert candidate.id in listed.stdout  # never cut to "70e715d…"
    assert max(len(line) for line in listed.stdout.splitlines()) <= 80
    rejection = starting(candidates, "On January 19, Putin rejected")
    accepted = cli(project, "review", BRIEFING, "--accept", rejection.id[:6], "--set", "towards=dgr:28-point-plan")
    assert accepted.returncode == 0, accepted.stderr
    assert f"as dgr:position-{rejection.id}" in accepted.stdout


def test_review_as_json_and_decisions_said_with_their_date(drafted):
    project, candidates = drafted
    listed = json.loads(cli(project, "review", BRIEFING, "-f", "json").stdout)
    assert {c["id"] for c in listed} == {c.id for c in candidates.values()}
    demand = starting(candidates, "Russia again insists")
    assert cli(project, "review", BRIEFING, "--reject", demand.id).returncode == 0
    today = date.today().isoformat()  # the decision's date is when it is made (UTC; the test runs within a day)
    refused = cli(project, "review", BRIEFING, "--accept", demand.id)
    assert refused.returncode == 2
    assert f"candidate {demand.id} was rejected on {today[:8]}" in refused.stderr and "--force" in refused.stderr
    forced = cli(project, "review", BRIEFING, "--accept", demand.id, "--force")
    assert forced.returncode == 0, forced.stderr
    again = cli(project, "review", BRIEFING, "--accept", demand.id)
    assert again.returncode == 2
    assert f"was accepted already, on {today[:8]}" in again.stderr and f"dgr:demand-{demand.id}" in again.stderr
    decided = {c["id"]: c for c in json.loads(cli(project, "review", BRIEFING, "--all", "-f", "json").stdout)}
    assert decided[demand.id]["status"] == "accepted" and decided[demand.id]["fact"] == f"dgr:demand-{demand.id}"


def test_an_ambiguous_or_unknown_id_is_one_line_with_the_choices(drafted):
    project, candidates = drafted
    unknown = cli(project, "review", BRIEFING, "--accept", "zzzzzzzzzz")
    assert unknown.returncode == 2 and unknown.stderr.startswith("error: no candidate named 'zzzzzzzzzz'")
    assert len(unknown.stderr.strip().splitlines()) == 1


def test_a_property_set_twice_gets_both_values(drafted):
    project, candidates = drafted
    demand = starting(candidates, "Russia again insists")
    result = cli(project, "review", BRIEFING, "--accept", demand.id, "--set", "demandedOf=Kyiv",
                 "--set", "callsFor=WithdrawalOfForces", "--set", "callsFor=TerritorialConcession")
    assert result.returncode == 0, result.stderr
    graph = KnowledgeGraph(project.layout)
    graph.load()
    from diplograph.namespaces import DG, DGR
    assert set(graph.dataset.objects(DGR[f"demand-{demand.id}"], DG.callsFor)) == {
        DG.WithdrawalOfForces, DG.TerritorialConcession}


def test_an_accept_that_would_not_validate_writes_nothing_and_a_hostile_review_file_is_refused(drafted):
    project, candidates = drafted
    sheet = project.layout.documents_dir / f"{BRIEFING}.yaml"
    before, review = sheet.read_bytes(), review_file(project.layout, BRIEFING).read_bytes()
    rejection = starting(candidates, "On January 19, Putin rejected")
    with pytest.raises(DataError):
        accept(project.layout, BRIEFING, rejection.id, edits={"towards": "dgr:no-such-thing"})
    assert sheet.read_bytes() == before and review_file(project.layout, BRIEFING).read_bytes() == review
    planted = review.replace(rejection.id.encode(), b"x' onmouseover='alert(1)", 1)
    review_file(project.layout, BRIEFING).write_bytes(planted)
    with pytest.raises(DataError, match="is not one diplograph wrote"):
        read_candidates(review_file(project.layout, BRIEFING))


def test_a_review_file_is_read_within_the_bounds_of_a_fact_sheet(drafted):
    """An alias bomb or a list nested a thousand deep in a review file is refused with its line, as in a fact sheet
    (a reviewer's queue page reads the file in the server)."""
    project, _ = drafted
    review = review_file(project.layout, BRIEFING)
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    review.write_text("candidates: []\nx:\n" + "\n".join("  " + level for level in levels) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as bomb:
        read_candidates(review)
    # a5 (line 8 of the file) is the first anchor past 200,000 values: 1 + 9 × 66,430
    assert str(bomb.value) == f"{review}:8: not a review file: its aliases expand to more than 200,000 values " \
                              "(an alias bomb?)"
    review.write_text("candidates:\n" + "".join("  " * n + "- \n" for n in range(1, 1000)), encoding="utf-8")
    with pytest.raises(DataError, match=r":65: not a review file: nested more than 64 levels deep"):
        read_candidates(review)


def test_an_accept_interrupted_after_the_sheet_was_written_completes_when_repeated(drafted):
    """The sheet is written first (atomically), the review file after it: a kill in between leaves a valid corpus,
    and accepting again records the decision without writing the fact twice."""
    project, candidates = drafted
    rejection = starting(candidates, "On January 19, Putin rejected")
    review = review_file(project.layout, BRIEFING)
    pending = review.read_bytes()
    accept(project.layout, BRIEFING, rejection.id, edits={"towards": "dgr:28-point-plan"})
    review.write_bytes(pending)  # as if killed before the review file was replaced
    sheet = (project.layout.documents_dir / f"{BRIEFING}.yaml").read_text()
    assert accept(project.layout, BRIEFING, rejection.id) == f"dgr:position-{rejection.id}"
    assert (project.layout.documents_dir / f"{BRIEFING}.yaml").read_text() == sheet
    with pytest.raises(DiplographError, match="accepted already"):
        accept(project.layout, BRIEFING, rejection.id)


def test_a_running_server_serves_what_the_command_line_accepted(drafted, tmp_path):
    from api.conftest import Server

    project, candidates = drafted
    rejection = starting(candidates, "On January 19, Putin rejected")
    server = Server("--data", str(project.layout.data), "--ontology", str(project.layout.ontology), "--workers", "1",
                    env={"DIPLOGRAPH_WATCH_INTERVAL": "0.3", "DIPLOGRAPH_CACHE": str(tmp_path / "cache")})
    try:
        iri = f"dgr:position-{rejection.id}"
        assert httpx.get(f"{server.url}/entities/{iri}", timeout=30).status_code == 404
        result = cli(project, "review", BRIEFING, "--accept", rejection.id, "--set", "towards=dgr:28-point-plan")
        assert result.returncode == 0 and "picks the change up" in result.stdout
        deadline = time.monotonic() + 30
        while httpx.get(f"{server.url}/entities/{iri}", timeout=30).status_code != 200:
            assert time.monotonic() < deadline, server.output()
            time.sleep(0.2)
        assert httpx.get(f"{server.url}/health", timeout=30).json()["data"] == "current"
        # a change that does not validate is not served: the graph stays, and /health says why
        sheet = project.layout.documents_dir / f"{BRIEFING}.yaml"
        sheet.write_text(sheet.read_text() + "  - id: dgr:broken\n    type: Demand\n")
        deadline = time.monotonic() + 30
        while not httpx.get(f"{server.url}/health", timeout=30).json()["data"].startswith("changed files not"):
            assert time.monotonic() < deadline, server.output()
            time.sleep(0.2)
        assert httpx.get(f"{server.url}/entities/{iri}", timeout=30).status_code == 200
    finally:
        server.stop()


def test_a_kill_at_any_moment_of_an_accept_leaves_the_old_sheet_or_the_new_valid_one(drafted):
    """The command killed (SIGKILL: nothing of it runs after) at a spread of moments while it validates and writes."""
    import signal

    from diplograph.corpus import validate_files

    project, candidates = drafted
    rejection = starting(candidates, "On January 19, Putin rejected")
    sheet = project.layout.documents_dir / f"{BRIEFING}.yaml"
    review = review_file(project.layout, BRIEFING)
    before_sheet, before_review = sheet.read_bytes(), review.read_bytes()
    outcomes = set()
    for delay in (0.2, 0.5, 0.8, 1.0, 1.2, 1.4, 1.7, 2.2, 3.5, 8.0):
        sheet.write_bytes(before_sheet)
        review.write_bytes(before_review)
        process = subprocess.Popen([str(DIPLOGRAPH), "review", BRIEFING, "--accept", rejection.id, "--set",
                                    "towards=dgr:28-point-plan", "--data", str(project.layout.data), "--ontology",
                                    str(project.layout.ontology)], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        written = sheet.read_bytes()
        assert written == before_sheet or (written.startswith(before_sheet.rstrip(b"\n"))
                                           and f"dgr:position-{rejection.id}".encode() in written), delay
        assert validate_files(project.layout) == [], delay
        assert {c.id for c in read_candidates(review)} == {c.id for c in candidates.values()}
        outcomes.add("old" if written == before_sheet else "new")
    assert outcomes == {"old", "new"}  # the kills fell both before and after the sheet was replaced


def test_the_web_review_validates_against_every_data_folder(drafted, tmp_path):
    """An edit naming an entity of the second --data folder is accepted on the web as on the command line."""
    from api.conftest import UPDATE_TOKEN, Server

    project, candidates = drafted
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "envoys.ttl").write_text("@prefix dg: <https://w3id.org/diplograph/ontology#> .\n"
                                      "@prefix dgr: <https://w3id.org/diplograph/id/> .\n"
                                      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                                      'dgr:extra-envoy a dg:Person ; rdfs:label "Extra Envoy"@en .\n')
    rejection = starting(candidates, "On January 19, Putin rejected")
    server = Server("--allow-review", "--data", str(project.layout.data), "--data", str(extra), "--ontology",
                    str(project.layout.ontology), "--workers", "1",
                    env={"DIPLOGRAPH_UPDATE_TOKEN": UPDATE_TOKEN, "DIPLOGRAPH_CACHE": str(tmp_path / "cache")})
    try:
        answer = httpx.post(f"{server.url}/source/{BRIEFING}/review/{rejection.id}", timeout=60,
                            headers={"Authorization": f"Bearer {UPDATE_TOKEN}"},
                            json={"action": "accept", "set": {"towards": "dgr:28-point-plan",
                                                              "attributedTo": "Extra Envoy"}})
        assert answer.status_code == 200, answer.text
        # asked at once, a query worker answers from the graph with the fact: none forked before the accept does
        asked = httpx.get(f"{server.url}/sparql", timeout=30, headers={"Accept": "application/sparql-results+json"},
                          params={"query": f"ASK {{ <{DGR}position-{rejection.id}> ?p ?o }}"})
        assert asked.json()["boolean"] is True, asked.text
        fact = httpx.get(f"{server.url}/entities/position-{rejection.id}", timeout=30).json()
        assert any(s["iri"].endswith("extra-envoy") for s in [{"iri": r["node"]} for r in fact["outgoing"]])
    finally:
        server.stop()


def test_the_web_form_offers_what_the_drafter_and_the_audit_use(project):
    """Negotiability, an ascribed stance and a derivation rule are drafted (or asked for by the audit): the web form
    offers each with its vocabulary as choices, as the command line's --set takes them."""
    from diplograph.worklist import choices, single_valued

    offered = choices(_loaded(project), single_valued(project.layout))
    values = {prop: {value for value, _ in pairs} for prop, pairs in offered["choices"].items()}
    assert offered["fields"]["negotiability"] == offered["fields"]["derivedBy"] == "choice"
    assert {"NonNegotiable", "Negotiable"} <= values["negotiability"]
    assert "Undetermined" in values["ascribesStance"] and "ReferentFromContext" in values["derivedBy"]


def _loaded(project) -> KnowledgeGraph:
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    return graph
