"""The ontology is code too: every term is labelled and defined, and the vocabularies are complete."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from diplograph.layout import Layout
from diplograph.namespaces import DG, OWL, RDF, RDFS, SKOS

LAYOUT = Layout.default()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in sorted(LAYOUT.ontology.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def test_core_classes_exist(ontology):
    for name in ("Actor", "Demand", "Territory", "Guarantee", "Person", "State", "Organisation", "Group",
                 "Proposal", "ProposalPoint", "Position", "Principle", "RedLine", "Claim", "Assessment",
                 "LegitimacyClaim", "TerritorialStatus", "HistoricalAnalogy", "MonitoringMechanism"):
        assert (DG[name], RDF.type, OWL.Class) in ontology, name


def test_every_class_and_property_has_label_and_definition(ontology):
    terms = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        terms |= set(ontology.subjects(RDF.type, kind))
    assert len(terms) > 60
    for term in terms:
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, SKOS.definition) is not None, term


def test_every_concept_has_label_definition_and_scheme(ontology):
    concepts = set(ontology.subjects(RDF.type, SKOS.Concept))
    assert DG.Rejects in concepts and DG.TerritorialConcession in concepts
    for concept in concepts:
        assert ontology.value(concept, SKOS.prefLabel) is not None, concept
        assert ontology.value(concept, SKOS.definition) is not None, concept
        assert (concept, SKOS.inScheme, None) in ontology, concept


def test_statement_kinds_reuse_prov(ontology):
    assert (DG.Statement, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in ontology
    assert (DG.Actor, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Agent")) in ontology


