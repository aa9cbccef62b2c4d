"""Analyses of the diplomacy graph, one module per family; each reads a networkx projection, never RDF."""
