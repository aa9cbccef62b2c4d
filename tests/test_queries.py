"""Canned queries: metadata, typed parameters bound safely, every output format read back by a real parser."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from helpers import RDFLIB_PARSERS
from rdflib import Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from diplograph.errors import QueryError, QueryParameterError, QuerySyntaxError
from diplograph.formats import GRAPH_FORMATS
from diplograph.namespaces import DG, DGR, XSD
from diplograph.queries import CannedQuery, parse_term
from diplograph.results import Table, serialize_graph, serialize_table
from diplograph.sparql import with_values


def test_every_canned_query_has_metadata_and_parses(graph):
    assert len(graph.canned) >= 20
    for name, query in graph.canned.items():
        assert query.title and query.title != name, name
        assert query.description, name
        for parameter in query.parameters:
            assert parameter.description, (name, parameter.name)
        graph.query(query.text)  # parses, runs


@pytest.mark.parametrize("name", ["cq02-preconditions", "cq06-reject-territorial-concessions",
                                  "cq09-demands-vs-principles", "demands", "positions-on", "red-lines"])
def test_values_block_and_prebound_variables_give_the_same_answer(graph, name):
    """The VALUES block every store gets and Oxigraph's own substitutions (SPARQL SEP-0007) give the same rows."""
    import pyoxigraph as ox

    from diplograph.convert import to_native, to_result
    from diplograph.namespaces import PREFIXES

    query = graph.canned[name]
    given = {"demands": {"by": "Moscow"}, "red-lines": {"holder": "Kyiv"}}.get(name, {})  # their defaults are "any"
    terms = graph.parameter_terms(query, given)
    textual = Table.from_result(graph.run_canned(name, **given))  # the VALUES block
    assert "VALUES" not in query.text and terms
    substituted = graph.store.native.query(
        query.text, use_default_graph_as_union=True, prefixes={p: str(n) for p, n in PREFIXES.items()},
        substitutions={ox.Variable(k): to_native(v) for k, v in terms.items()})
    prebound = Table.from_result(to_result(substituted))

    def canonical(rows):  # GROUP_CONCAT's order is not defined by SPARQL: compare its items as sets
        return sorted(repr(sorted((k, sorted(set(re.split(r", | \\| ", str(v))))) for k, v in row.items()))
                      for row in rows)

    assert prebound.rows and canonical(prebound.rows) == canonical(textual.rows)


def test_parameters_change_the_answer(graph):
    russia = {str(r.demandLabel) for r in graph.run_canned("demands", by="dgr:russia")}
    ukraine = {str(r.demandLabel) for r in graph.run_canned("demands", by="dgr:ukraine")}
    everyone = {str(r.demandLabel) for r in graph.run_canned("demands")}
    assert len(russia) == 3 and ukraine == set() and everyone >= russia


def test_optional_parameter_left_out_of_the_text_form(graph):
    query = graph.canned["demands"]
    terms = graph.parameter_terms(query, {"of": "ukraine"})
    assert set(terms) == {"of"}  # "by" is optional: left out, not bound to UNDEF
    text = with_values(query.text, {k: v.n3() for k, v in terms.items()})
    assert "VALUES (?of) { (<https://w3id.org/diplograph/id/ukraine>) }" in text
    assert with_values(query.text, {}) == query.text


def test_a_values_block_goes_into_the_where_group_not_a_comment():
    """A header line that mentions "where {" must not receive the block (the regex placement did)."""
    text = "# description: rows where {x} is named\nSELECT ?x ?p WHERE {\n  ?x ?p ?o }"
    bound = with_values(text, {"p": "<urn:p>"})
    assert bound.splitlines()[0] == "# description: rows where {x} is named"
    assert "WHERE { VALUES (?p) { (<urn:p>) }" in bound


def test_iri_parameter_forms():
    assert parse_term("dgr:russia", "IRI") == DGR.russia
    assert parse_term("russia", "IRI") == DGR.russia
    assert parse_term("<https://w3id.org/diplograph/id/russia>", "IRI") == DGR.russia
    assert parse_term("dg:Rejects", "IRI") == DG.Rejects


@pytest.mark.parametrize("value", [
    "dgr:russia> } UNION { ?s ?p ?o } #",
    "https://example.org/a b",
    'dgr:x"',
    "nope:thing",
])
def test_iri_parameter_refuses_what_would_change_the_query(value):
    with pytest.raises(QueryParameterError):
        parse_term(value, "IRI")


def test_string_parameter_cannot_inject(graph):
    attack = 'NATO")) } UNION { ?fact ?p ?quote } #'
    bound = with_values(graph.canned["search"].text, {"text": Literal(attack).n3()})
    rows = list(graph.run_canned("search", text=attack))
    assert rows == []  # matched literally: no quote contains that text
    rows_text = list(graph.query(bound))
    assert rows_text == []
    assert list(graph.run_canned("search", text="nato"))  # the honest search works


def test_typed_parameters():
    assert parse_term("2025-11-30", "date") == Literal("2025-11-30", datatype=XSD.date)
    assert parse_term("12", "integer").toPython() == 12
    assert parse_term("true", "boolean").toPython() is True
    for value, type_ in [("12a", "integer"), ("2025-13-40", "date"), ("maybe", "boolean"), ("1,5", "decimal")]:
        with pytest.raises(QueryParameterError, match="is not a valid"):
            parse_term(value, type_)


def test_unknown_and_missing_parameters(graph):
    with pytest.raises(QueryParameterError, match="has no parameter 'actor'; its parameters: demander"):
        graph.run_canned("cq04-military-limits", actor="dgr:russia")
    with pytest.raises(QueryParameterError, match="missing required parameter 'text'"):
        graph.run_canned("search")
    with pytest.raises(QueryError, match="no canned query named 'nope'"):
        graph.run_canned("nope")


def test_bad_parameter_declaration_is_reported():
    with pytest.raises(QueryParameterError, match="bad parameter declaration"):
        CannedQuery.from_text("q", "# title: Q\n# param who: Actor = x\nSELECT * WHERE { ?s ?p ?o }")


def test_malformed_sparql_reports_line_and_column(graph):
    with pytest.raises(QuerySyntaxError) as raised:
        graph.query("SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o > )\n}")
    assert (raised.value.line, raised.value.column) == (4, 3)
    with pytest.raises(QuerySyntaxError, match="dgx"):
        graph.query("SELECT * WHERE {\n ?s dgx:p ?o }")


# ---------------------------------------------------------------- formats, read back by real parsers

@pytest.fixture(scope="module")
def principles(graph) -> Table:
    return Table.from_result(graph.run_canned("cq05-principles-of-actor"))


def test_csv_reads_back(principles):
    rows = list(csv.DictReader(io.StringIO(serialize_table(principles, "csv").decode())))
    assert {r["principleLabel"] for r in rows} == {"Complete withdrawal of Russian forces",
                                                   "Restoration of internationally recognized borders",
                                                   "Binding long-term security guarantees"}


def test_json_rows_read_back(principles):
    rows = json.loads(serialize_table(principles, "json"))
    assert {r["kind"] for r in rows} == {"red line"}
    assert {r["principle"] for r in rows} == {str(r["principle"]) for r in principles.rows}


@pytest.mark.parametrize("format, parser", [("sparql-json", "json"), ("sparql-xml", "xml"), ("tsv", "tsv"),
                                            ("csv", "csv")])
def test_sparql_result_formats_read_back_with_rdflib(principles, format, parser):
    parsed = Result.parse(io.BytesIO(serialize_table(principles, format)), format=parser)
    label, kind = Variable("principleLabel"), Variable("kind")
    got = {row[label] for row in parsed.bindings}
    assert {str(v) for v in got} == {str(r["principleLabel"]) for r in principles.rows}
    if parser != "csv":  # CSV loses types and languages; the others keep them
        assert got == {r["principleLabel"] for r in principles.rows}
        assert {row[kind] for row in parsed.bindings} == {Literal("red line")}


def test_ask_result_formats(graph):
    table = Table.from_result(graph.query("ASK { dgr:putin a dg:Person }"))
    assert json.loads(serialize_table(table, "sparql-json")) == {"head": {}, "boolean": True}
    assert Result.parse(io.BytesIO(serialize_table(table, "sparql-xml")), format="xml").askAnswer is True


@pytest.mark.parametrize("format", list(GRAPH_FORMATS))
def test_graph_formats_read_back(graph, format):
    constructed = graph.run_canned("entity-graph", entity="dgr:zelenskyy").graph
    data = serialize_graph(constructed, format)
    rdflib_format = RDFLIB_PARSERS[format]
    if format in ("trig", "nquads"):
        back = Dataset()
        back.parse(data=data, format=rdflib_format)
        count = len(list(back.quads((None, None, None, None))))
    else:
        back = Graph().parse(data=data, format=rdflib_format)
        count = len(back)
    assert count == len(constructed) > 20
    assert "Volodymyr Zelenskyy" in data.decode()


def test_truncation_is_flagged(graph):
    table = Table.from_result(graph.run_canned("cq10-provenance"), limit=5)
    assert len(table.rows) == 5 and table.truncated


def test_entity_graph_keeps_quotes(graph):
    constructed = graph.run_canned("entity-graph", entity="dgr:finland").graph
    quotes = {str(o) for o in constructed.objects(None, URIRef("http://www.w3.org/ns/oa#exact"))}
    assert "Peace achieved through forced concessions legitimizes aggression." in quotes


def test_assessments_keep_the_authors_judgement_with_what_it_is_about(graph):
    # the article's author judges Putin's conditions an ultimatum, about two of Russia's demands
    rows = Table.from_result(graph.run_canned(
        "assessments", by="author-2025-11-30-peace-talks-putin-conditions")).records()
    ultimatum = next(r for r in rows if r["assessment"] == str(DGR["assessment-conditions-are-an-ultimatum"]))
    assert ultimatum["mode"] == "judgement" and ultimatum["characterisation"] == "ultimatum"
    assert set(ultimatum["about"].split(" | ")) == {
        "Recognise Russia's control over the occupied regions; only then will Russia talk",
        "Ukraine must withdraw its military forces from the territories occupied by Russia before any cease-fire "
        "or dialogue"}
    assert ultimatum["quote"] == "Putin’s conditions: not a compromise, but an ultimatum"
    assert {r["by"] for r in rows} == {str(DGR["author-2025-11-30-peace-talks-putin-conditions"])}
