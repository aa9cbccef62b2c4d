"""One registry of operations: canned queries and analyses described alike, run alike, by every surface."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from diplograph.analysis.registry import ANALYSES, Projections, run_analysis
from diplograph.operations import operations, run
from diplograph.results import Table

DIPLOGRAPH = Path(sys.executable).with_name("diplograph")


def test_every_query_and_analysis_is_an_operation(graph):
    found = operations(graph)
    assert {n for n, o in found.items() if o.kind == "query"} == set(graph.canned)
    assert {n for n, o in found.items() if o.kind == "analysis"} == set(ANALYSES) - set(graph.canned)
    demands = found["demands"]
    assert [(p.name, p.type, p.required) for p in demands.parameters] == [("by", "IRI", False), ("of", "IRI", False)]
    assert found["coalitions"].parameters[0].choices == ("balance", "communities")


def test_running_an_operation_is_running_the_query_or_the_analysis(graph):
    assert run(graph, "demands", {"by": "Moscow"}) == Table.from_result(graph.run_canned("demands", by="Moscow")
                                                                        ).records()
    assert run(graph, "coalitions") == run_analysis(Projections(graph), "coalitions")


def test_the_command_line_and_the_service_list_the_same_operations(graph, client):
    listed = subprocess.run([str(DIPLOGRAPH), "operations", "--format", "json"], capture_output=True, text=True,
                            timeout=120)
    assert listed.returncode == 0, listed.stderr
    from_cli = {o["name"]: o for o in json.loads(listed.stdout)["operations"]}
    from_api = {o["name"]: o for o in client.get("/operations").json()["data"]}
    assert from_cli == from_api and set(from_api) == set(operations(graph))
    ran = subprocess.run([str(DIPLOGRAPH), "run", "conflicts", "-p", "demander=Moscow", "--format", "json"],
                         capture_output=True, text=True, timeout=300)
    assert json.loads(ran.stdout)["result"] == client.get("/analysis/conflicts",
                                                           params={"demander": "Moscow"}).json()["result"]


def test_the_html_forms_are_built_from_the_operation(graph, client):
    for name in ("demands", "cq05-principles-of-actor", "paths", "conflicts"):
        described = operations(graph)[name]
        page = client.get(described.path, headers={"Accept": "text/html"}).text
        form = re.split(r"<form class=[\"']?params", page, maxsplit=1)[1].split("</form>", 1)[0]
        fields = re.findall(r"<(?:input|select)[^>]* name=[\"']([^\"']+)[\"']", form)
        assert fields == [p.name for p in described.parameters], name
