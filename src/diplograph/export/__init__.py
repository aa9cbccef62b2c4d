"""Exports for visualisation tools and RDF consumers; one module per format family.

``export(projections, format, selection)`` is the one entry point the CLI calls; the HTTP API sends an
:class:`ExportTask` to a worker, which calls the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..formats import EXPORT_FORMATS
from ..graph import KnowledgeGraph
from ..tasks import Task, projections
from .formats import export
from .selection import Selection

__all__ = ["EXPORT_FORMATS", "ExportTask", "Selection", "export"]


@dataclass(frozen=True)
class ExportTask(Task):
    """An export, run in a query worker: the selection in ``format``, as bytes."""

    format: str
    selection: Selection = field(default_factory=Selection)

    def run(self, graph: KnowledgeGraph) -> bytes:
        return export(projections(graph), self.format, self.selection)
