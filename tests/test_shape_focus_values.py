"""The other half of tests/test_shape_focus.py (a file of its own, so that the two halves run side by side):
a value of the wrong kind — a plain string where a shape asks for a class, a concept of a list or a node of a
shape — is reported the same validated from the document's own nodes as from every node."""

from __future__ import annotations

import pytest
from shape_breakage import Breakage, breakages, check_both_ways, ident


@pytest.mark.parametrize("breakage", [b for b in breakages() if b.how == "string"], ids=ident)
def test_a_value_of_the_wrong_kind_is_reported_the_same_from_its_document_s_nodes(breakage: Breakage) -> None:
    check_both_ways(breakage)
