"""The `diplograph` command, run as a user runs it: a real process, exit codes, stdout and stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
