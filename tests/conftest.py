"""Shared fixtures: the bundled graph, and throw-away copies of the project to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import DOCUMENT, REPO, SHARED_CORPUS

from diplograph.graph import KnowledgeGraph
from diplograph.layout import Layout


@pytest.fixture(scope="session")
def graph() -> KnowledgeGraph:
    """The bundled graph, loaded and validated once per test session."""
    return KnowledgeGraph.open()


@pytest.fixture(scope="session")
def source_text() -> str:
    """The article as received: the shared corpus when it is beside the repo, else the shipped copy."""
    original = SHARED_CORPUS / f"{DOCUMENT}.txt"
    path = original if original.exists() else REPO / "data" / "sources" / f"{DOCUMENT}.txt"
    return path.read_text(encoding="utf-8")


class ProjectCopy:
    """A copy of data/, ontology/ and queries/ in a temporary folder, with helpers to edit it."""

    def __init__(self, root: Path):
        for folder in ("data", "ontology", "queries"):
            shutil.copytree(REPO / folder, root / folder)
        self.root = root
        self.layout = Layout(root / "data", root / "ontology", root / "queries")
        self.document = root / "data" / "documents" / f"{DOCUMENT}.ttl"

    def replace(self, path: Path, old: str, new: str) -> int:
        """Replace the one occurrence of ``old`` in ``path``; return the 1-based line where it was."""
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new), encoding="utf-8")
        return line

    def line_of(self, path: Path, needle: str) -> int:
        text = path.read_text(encoding="utf-8")
        return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def project(tmp_path: Path) -> ProjectCopy:
    return ProjectCopy(tmp_path)

