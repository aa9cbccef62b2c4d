"""Exports for visualisation tools and RDF consumers; one module per format family.

``export(graph, format, selection)`` is the one entry point the CLI and the HTTP API call.
"""

from __future__ import annotations

from .formats import EXPORT_FORMATS, export
from .selection import Selection

__all__ = ["EXPORT_FORMATS", "Selection", "export"]
