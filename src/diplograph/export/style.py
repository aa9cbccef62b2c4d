"""Colours per class, shared by every visual export and the explorer, so a class looks the same everywhere."""

from __future__ import annotations

__all__ = ["PALETTE", "colour"]

PALETTE = {
    "dg:State": "#2b6cb0", "dg:Person": "#4c51bf", "dg:Organisation": "#2c7a7b", "dg:Group": "#6b46c1",
    "dg:Author": "#718096", "dg:Territory": "#2f855a", "dg:Demand": "#c53030", "dg:Principle": "#b7791f",
    "dg:RedLine": "#975a16", "dg:Position": "#dd6b20", "dg:Claim": "#a0aec0", "dg:Assessment": "#805ad5",
    "dg:Prediction": "#9f7aea", "dg:HistoricalAnalogy": "#b794f4", "dg:Guarantee": "#38a169",
    "dg:Proposal": "#d53f8c", "dg:ProposalPoint": "#ed64a6", "skos:Concept": "#4a5568",
}
_DEFAULT = "#a0aec0"


def colour(cls: str) -> str:
    """Hex colour for a class key (``dg:State``)."""
    return PALETTE.get(cls, _DEFAULT)
