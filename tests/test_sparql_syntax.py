"""The text checks against the W3C SPARQL 1.0 and 1.1 syntax test suites (tests/w3c/, files unchanged).

* A valid query or update is never refused by the checks — unless it uses SERVICE or LOAD, which are refused
  every time (rdflib's parser, a second implementation, says which tests use them).
* An invalid one is refused, by the checks or by the engine's parser (the text then never runs).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from diplograph.errors import QueryError, QueryLimitError, UnsafeQueryError
from diplograph.sparql import inspect, tokens

SUITES = Path(__file__).parent / "w3c" / "sparql"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
KINDS = {
    MF.PositiveSyntaxTest: ("query", True), MF.PositiveSyntaxTest11: ("query", True),
    MF.NegativeSyntaxTest: ("query", False), MF.NegativeSyntaxTest11: ("query", False),
    MF.PositiveUpdateSyntaxTest11: ("update", True), MF.NegativeUpdateSyntaxTest11: ("update", False),
}


def cases() -> list:
    found = []
    for manifest in sorted(SUITES.glob("*/*/manifest.ttl")):
        graph = Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
        for test, kind in graph.subject_objects(RDF.type):
            if kind not in KINDS:
                continue
            action = graph.value(test, MF.action)
            path = Path(str(action).removeprefix("file://"))
            what, valid = KINDS[kind]
            found.append(pytest.param(path, what, valid, id=f"{manifest.parent.name}/{path.name}"))
    return sorted(found, key=lambda case: case.id)


CASES = cases()

ENGINE_LENIENCY = {
    "syn-bad-26.rq": "`?x<?a&&?b>?y` is, by the longest-token rule, ?x <?a&&?b> ?y: invalid; the checks tokenize it "
                     "so, but Oxigraph reads two comparisons and accepts the query (it then runs as a filter)",
}
"""Invalid texts the engine accepts: not a safety matter (nothing reaches out), a leniency of its parser."""


def test_the_suites_are_all_here():
    assert len(CASES) == 351
    assert sum(1 for case in CASES if case.values[2]) == 257


def reaches_out(text: str, what: str) -> bool:
    """Whether the text really uses SERVICE or LOAD, by rdflib's parser and algebra (the oracle)."""
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        algebra = translateQuery(parseQuery(text)).algebra if what == "query" else \
            translateUpdate(parseUpdate(text)).algebra
    except Exception:  # noqa: BLE001 - rdflib cannot translate it: look at the raw parse instead
        try:
            algebra = parseQuery(text) if what == "query" else parseUpdate(text)
        except Exception:  # noqa: BLE001 - nor parse it (a literal it cannot convert): no SERVICE, no LOAD in it
            return False

    def walk(node) -> bool:
        if isinstance(node, CompValue):
            if node.name in ("ServiceGraphPattern", "Load"):
                return True
            return any(walk(value) for value in node.values())
        if isinstance(node, list | tuple):
            return any(walk(value) for value in node)
        return False

    return walk(algebra)


@pytest.mark.parametrize("path, what, valid", CASES)
def test_w3c_syntax(path: Path, what: str, valid: bool):
    text = path.read_text(encoding="utf-8")
    try:
        inspect(text, update=what == "update")
        refused_by_checks = None
    except QueryError as error:
        refused_by_checks = error
    if valid:
        if reaches_out(text, what):
            assert refused_by_checks is not None and "is not allowed" in str(refused_by_checks)
        else:
            assert refused_by_checks is None, f"a valid {what} was refused: {refused_by_checks}"
        return
    if refused_by_checks is not None:
        return
    if path.name in ENGINE_LENIENCY:  # the checks read it as the grammar says; the engine is more lenient
        assert any(token.kind == "iri" and token.text == "<?a&&?b>" for token in tokens(text))
        return
    with pytest.raises(SyntaxError):  # the engine's parser refuses what the checks let through
        if what == "query":
            ox.Store().query(text, base_iri=URIRef(path.as_uri()))
        else:
            ox.Store().update(text, base_iri=URIRef(path.as_uri()))


# ---------------------------------------------------------------------------------- what fooled the old check

@pytest.mark.parametrize("lead", ["# it's a comment\n", "# \"quoted\n", "# ''' three\n"])
def test_a_quote_in_a_comment_does_not_hide_deep_nesting(lead):
    deep = "SELECT * WHERE " + "{ " * 500 + "?s ?p ?o " + "} " * 500
    with pytest.raises(QueryLimitError, match="more than 64 deep"):
        inspect(lead + deep)


@pytest.mark.parametrize("text", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }',  # in a string
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { }",  # in a comment
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:service ?o }",  # a prefixed name
    "SELECT ?service WHERE { ?service ?p ?o }",  # a variable
    "SELECT * WHERE { ?s <http://e/SERVICE> ?o }",  # an IRI
])
def test_service_in_names_strings_and_comments_is_not_service(text):
    assert inspect(text).form == "SELECT"


def test_service_as_a_keyword_is_refused_in_any_case():
    with pytest.raises(UnsafeQueryError, match="line 2, column 3"):
        inspect("SELECT * WHERE {\n  sErViCe <http://127.0.0.1:9/> { ?s ?p ?o } }")


def test_eighty_triple_patterns_in_one_group_are_fine():
    """rdflib's parser recursed once per pattern and refused this valid query; the tokenizer does not recurse."""
    text = "SELECT * WHERE { " + " ".join(f"?s <urn:p{i}> ?o{i} ." for i in range(80)) + " }"
    assert len([t for t in inspect(text).tokens if t.kind == "var"]) == 160
