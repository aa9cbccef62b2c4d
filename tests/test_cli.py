"""The `diplograph` command, run as a user runs it: a real process, exit codes, stdout and stderr."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef

DIPLOGRAPH = Path(sys.executable).with_name("diplograph")


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(DIPLOGRAPH), *args], capture_output=True, text=True, input=input, timeout=120)


def test_validate_passes_on_bundled_data():
    result = run("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK")


def test_validate_fails_with_file_and_line(project):
    line = project.replace(project.document, 'oa:exact "Ukraine refuses." ]', 'oa:exact "Ukraine accepts." ]')
    result = run("validate", "--data", str(project.layout.data), "--ontology", str(project.layout.ontology))
    assert result.returncode == 1
    assert f"data/documents/2025-11-30-peace-talks-putin-conditions.ttl:{line}: quote not found verbatim" \
        in result.stderr


def test_stats_json_counts_graphs_and_classes():
    result = run("stats", "--format", "json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert "https://w3id.org/diplograph/source/2025-11-30-peace-talks-putin-conditions" in stats["graphs"]
    assert stats["triples"] == sum(stats["graphs"].values())
    # Four core classes are present, as the article describes them.
    assert stats["classes"]["dg:Demand"] >= 3
    assert stats["classes"]["dg:Guarantee"] >= 3
    assert stats["classes"]["dg:Territory"] >= 9
    assert stats["classes"]["dg:Actor"] >= 10


def test_coverage_json_reports_ratio():
    result = run("coverage", "--format", "json")
    assert result.returncode == 0, result.stderr
    [report] = json.loads(result.stdout)
    assert report["ratio"] >= 0.9
    assert report["cited"] + len(report["uncited"]) == report["sentences"]


@pytest.mark.parametrize("command", ["stats", "coverage", "serve"])
def test_commands_refuse_invalid_data_with_one_line(project, command):
    project.replace(project.document, "dg:holder dgr:putin ;", "dg:holder dgr:putin")
    result = run(command, "--data", str(project.layout.data), "--ontology", str(project.layout.ontology))
    assert result.returncode == 2
    assert result.stderr.startswith("error: data/documents/2025-11-30-peace-talks-putin-conditions.ttl:")
    assert "Traceback" not in result.stderr


def test_queries_lists_canned_queries_with_parameters():
    result = run("queries", "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = {q["name"]: q for q in json.loads(result.stdout)}
    assert {f"cq{n:02d}" for n in range(1, 11)} <= {name[:4] for name in listed}
    params = {p["name"]: p for p in listed["cq02-preconditions"]["parameters"]}
    assert params["demander"] == {"name": "demander", "type": "IRI", "default": "dgr:russia",
                                  "required": False, "description": "who demands"}


def test_query_canned_with_param_piped_defaults_to_csv():
    result = run("query", "cq05-principles-of-actor", "--param", "holder=dgr:baltic-states")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["principleLabel"] for r in rows] == ["Peace achieved through forced concessions legitimizes aggression"]


def test_query_from_stdin_and_file(tmp_path):
    text = "SELECT ?label WHERE { dgr:zelenskyy rdfs:label ?label }"
    from_stdin = run("query", "-", "--format", "tsv", input=text)
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout.splitlines() == ["?label", '"Volodymyr Zelenskyy"@en']
    path = tmp_path / "q.rq"
    path.write_text(text, encoding="utf-8")
    from_file = run("query", "--file", str(path), "--format", "json")
    assert json.loads(from_file.stdout) == [{"label": "Volodymyr Zelenskyy"}]


def test_construct_query_writes_rdf():
    result = run("query", "entity-graph", "-p", "entity=dgr:poland", "--format", "ntriples")
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(data=result.stdout, format="nt")
    assert (URIRef("https://w3id.org/diplograph/id/poland"), RDFS.label, Literal("Poland", lang="en")) in graph


def test_malformed_sparql_is_one_line_with_position():
    result = run("query", "-", input="SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o > )\n}")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "line 4, column 3" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["query", "cq04-military-limits", "-p", "actor=russia"], "has no parameter 'actor'"),
    (["query", "search"], "missing required parameter 'text'"),
    (["query", "cq04-military-limits", "-p", "demander"], "NAME=VALUE"),
    (["query", "cq04-military-limits", "-f", "turtle"], "cannot be written as 'turtle'"),
    (["query", "nope"], "no canned query named 'nope'"),
])
def test_query_errors_are_one_line(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["run", "demands", "-f", "bogus"], ["stats", "-f", "csv"],
                                  ["query", "demands", "-f", "x"], ["analyze", "coalitions", "--format", "yaml"],
                                  ["review", "x", "-f", "xml"]])
def test_an_unknown_format_is_refused_with_the_choices(args):
    result = run(*args)
    assert result.returncode == 2 and "is not one of" in result.stderr, result.stderr


def test_run_and_analyze_honour_csv_json_and_pipe_as_csv():
    csv_rows = list(csv.DictReader(io.StringIO(run("run", "demands", "-p", "by=Moscow", "-f", "csv").stdout)))
    as_json = json.loads(run("run", "demands", "-p", "by=Moscow", "-f", "json").stdout)["result"]
    piped = list(csv.DictReader(io.StringIO(run("run", "demands", "-p", "by=Moscow").stdout)))
    assert len(csv_rows) == len(as_json) == len(piped) == 3
    assert {r["demand"] for r in csv_rows} == {r["demand"] for r in as_json}
    camps = list(csv.DictReader(io.StringIO(run("analyze", "coalitions").stdout)))
    assert {"part", "item", "value"} <= set(camps[0]) and any("dgr:russia" in r["value"] for r in camps)


def test_data_is_never_read_as_markup_or_emoji_codes(project):
    """rich would turn ":russia:" into a flag and "[bold]" into style; data is printed as written."""
    project.replace(project.layout.data / "entities.ttl", 'rdfs:label "Poland"@en',
                    'rdfs:label "Poland [bold]:flag_for_russia:"@en')
    result = run("query", "-", "-f", "table", "--data", str(project.layout.data), input=(
        "SELECT ?l WHERE { dgr:poland rdfs:label ?l }"))
    assert "Poland [bold]:flag_for_russia:" in result.stdout


def test_a_wide_table_at_80_columns_becomes_records_not_cut_cells():
    result = subprocess.run([str(DIPLOGRAPH), "run", "conflicts", "-f", "table"], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "COLUMNS": "80"})
    assert result.returncode == 0 and "de…" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "demand_label: " in result.stdout  # one "column: value" line per value


def test_analyze_help_lists_every_analysis():
    from diplograph.analysis.registry import ANALYSES

    shown = " ".join(run("analyze", "--help").stdout.split())
    for name in ANALYSES:
        assert f"{name}:" in shown, name


def test_a_mistyped_name_says_the_nearest_one_and_where_they_are_listed():
    result = run("query", "demand")
    assert result.returncode == 2
    assert "no canned query named 'demand'; did you mean 'demands'? (`diplograph queries` lists them)" in result.stderr
    assert "did you mean 'conflicts'?" in run("analyze", "conflict").stderr
    assert run("query", "statements-by-source", "-p", "source=2025-11-30-peace-talks-putin-conditions",
               "-f", "json").returncode == 0
