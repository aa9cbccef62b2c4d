"""diplograph: the diplomacy around the Russia–Ukraine war as a knowledge graph.

Every fact carries its source document, the verbatim quote that supports it and
who asserts it. Start with :class:`KnowledgeGraph`::

    >>> from diplograph import KnowledgeGraph
    >>> kg = KnowledgeGraph.open()
    >>> [str(row.capabilityLabel) for row in kg.run_canned("cq04-military-limits")][:1]
    ["Ukraine's army size"]
"""

from .entities import describe
from .errors import (
    DataError,
    DiplographError,
    Problem,
    QueryError,
    QueryParameterError,
    QuerySyntaxError,
    UnknownEntityError,
)
from .graph import KnowledgeGraph

__all__ = [
    "DataError", "DiplographError", "KnowledgeGraph", "Problem", "QueryError", "QueryParameterError",
    "QuerySyntaxError", "UnknownEntityError", "describe",
]
__version__ = "0.1.0"
