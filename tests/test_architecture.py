"""The structure docs/architecture.md describes, held against the code: layers, no import circles, sizes.

Imports are read from the source (``ast``), those inside functions included: an import that runs later is
still an import. Each module belongs to one layer; a module may import from its own layer or below, never above,
and no set of modules may import each other in a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import REPO

PACKAGE = REPO / "src" / "diplograph"
LAYERS = ["base", "files", "core", "views", "service", "faces"]
LAYER_OF = {
    "base": ["errors", "namespaces", "terms", "formats", "convert", "atomic", "resources", "settings", "layout"],
    "files": ["cache", "keys", "extract", "load", "names", "sheets", "validate", "shacl", "crossing", "checking",
              "corpus", "schema", "queries"],
    "core": ["engine", "nquads", "remote", "store", "snapshot", "kept", "graph", "refresh", "sparql",
             "results", "updates", "generate", "world"],
    "views": ["evidence", "entities", "catalog", "coverage", "project", "analysis", "operations", "fidelity",
              "auditing", "scrutiny", "consistency", "acts", "kinds", "stances", "judgements", "outsiders", "unsaid",
              "reporting", "dating", "wording", "gazetteer", "mentions", "leads", "referring", "speakers", "continued",
              "releases", "plans", "attribution", "drafting", "vetting", "review", "worklist", "documents"],
    "service": ["tasks", "derivation", "derived", "executor", "guard", "answers", "sandbox", "watch", "service"],
    "faces": ["api", "cli", "export", "__init__"],
}
"""Each top-level module or package of diplograph, by layer (docs/architecture.md says what goes where)."""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, name: str) -> set[str]:
    """The diplograph modules ``path`` imports, anywhere in it (functions included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if node.module:
                found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}  # from . import atomic
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    known = modules()
    return {target for target in found if target in known and target != name}


def layer(name: str) -> str:
    top = name.split(".")[1] if name.count(".") else "__init__"
    for level, members in LAYER_OF.items():
        if top in members:
            return level
    raise AssertionError(f"{name}: in no layer; add it to LAYER_OF and docs/architecture.md")


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return {name: imports(path, name) for name, path in modules().items()}


def test_every_module_has_a_layer_and_imports_only_its_own_or_lower(graph):
    upward = [f"{name} ({layer(name)}) -> {target} ({layer(target)})" for name, targets in graph.items()
              for target in targets if LAYERS.index(layer(target)) > LAYERS.index(layer(name))]
    assert upward == []


def test_no_import_circles(graph):
    import networkx as nx

    circles = [sorted(c) for c in nx.strongly_connected_components(nx.DiGraph(
        [(name, target) for name, targets in graph.items() for target in targets
         if not target.startswith(name + ".")])) if len(c) > 1]  # a package importing its own modules is no circle
    assert circles == []


def test_no_module_over_400_lines_and_no_function_over_60():
    long_modules = {name: n for name, path in modules().items()
                    if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    long_functions = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > 60:
                long_functions.append(f"{name}.{node.name}: {node.end_lineno - node.lineno + 1}")
    assert (long_modules, long_functions) == ({}, [])
