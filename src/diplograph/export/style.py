"""Colours per class, shared by every visual export and the explorer, so a class looks the same everywhere."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["PALETTE", "colour"]

PALETTE = {
    "dg:State": "#2b6cb0", "dg:Person": "#4c51bf", "dg:Organisation": "#2c7a7b", "dg:Group": "#6b46c1",
    "dg:Author": "#718096", "dg:Territory": "#2f855a", "dg:Demand": "#c53030", "dg:Principle": "#b7791f",
    "dg:RedLine": "#975a16", "dg:Position": "#dd6b20", "dg:Claim": "#a0aec0", "dg:Assessment": "#805ad5",
    "dg:Prediction": "#9f7aea", "dg:HistoricalAnalogy": "#b794f4", "dg:Guarantee": "#38a169",
    "dg:Proposal": "#d53f8c", "dg:ProposalPoint": "#ed64a6", "skos:Concept": "#4a5568",
}
_DEFAULT = "#a0aec0"


def colour(cls: str, classes: Iterable[str] = ()) -> str:
    """Hex colour for a class key (``dg:State``); a class without one takes the colour of a class above it.

    >>> colour("dg:NewKindOfPrinciple", ["dg:NewKindOfPrinciple", "dg:Principle", "dg:Statement"])
    '#b7791f'
    """
    if cls in PALETTE:
        return PALETTE[cls]
    return next((PALETTE[c] for c in classes if c in PALETTE and c != "dg:Statement"), _DEFAULT)
