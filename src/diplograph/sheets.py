"""Fact sheets as written by hand: YAML-LD read safely (bounded depth and aliases, only the project's context,
names resolved), and YAML written by the YAML library the way a person would write it."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from rdflib import URIRef

from .errors import DataError, Problem
from .layout import CONTEXT_IRI, YAML_SUFFIXES, Layout
from .names import Names
from .namespaces import DG, PREFIXES

__all__ = ["MAX_YAML_DEPTH", "MAX_YAML_NODES", "SourceFile", "dump_yaml", "read_fact_sheet"]

_PREFIX_RE = re.compile(r"@prefix\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE)


@dataclass
class SourceFile:
    """A Turtle file as text, so that problems can point at the line that causes them."""

    path: Path
    graph: URIRef
    display: str
    text: str = field(repr=False)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def prefixes(self) -> dict[str, str]:
        if self.path.suffix in YAML_SUFFIXES:
            return dict(PREFIXES)  # the project context binds them
        return {p: ns for p, ns in _PREFIX_RE.findall(self.text)}

    def spellings(self, iri: str) -> list[str]:
        """How ``iri`` can be written in this file: ``<iri>`` and each prefixed name."""
        found = [f"<{iri}>"]
        for prefix, ns in self.prefixes.items():
            if iri.startswith(ns) and len(iri) > len(ns):
                found.append(f"{prefix}:{iri[len(ns):]}")
        if self.path.suffix in YAML_SUFFIXES and iri.startswith(str(DG)) and len(iri) > len(DG):
            found.append(iri[len(DG):])  # the context's vocabulary: a bare key or value names a dg: term
        return found

    def line_of(self, iri: str) -> int | None:
        """The line that describes ``iri`` (where it starts a statement), else its first use."""
        patterns = [re.escape(s) + r"(?![\w:/.#-]*[\w/#-])" for s in self.spellings(iri)]
        anywhere = re.compile("|".join(patterns))
        as_subject = re.compile(r"^\s*(?:" + "|".join(patterns) + ")")
        first_use = None
        for number, line in enumerate(self.lines, start=1):
            if as_subject.search(line):
                return number
            if first_use is None and anywhere.search(line):
                first_use = number
        return first_use

    def line_containing(self, needle: str, after: int = 1) -> int | None:
        """First line from ``after`` on that contains ``needle`` (used to find a quoted literal)."""
        for number, line in enumerate(self.lines, start=1):
            if number >= after and needle in line:
                return number
        return None


def read_fact_sheet(file: SourceFile, layout: Layout, names: Names | None = None) -> dict:
    """A YAML-LD fact sheet as a JSON-LD document with the project's context in place of its name.

    Only the project's own context is allowed: a remote or file ``@context``
    would make the JSON-LD processor fetch it, so it is refused.
    """
    try:
        document = load_yaml(file.text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise DataError([Problem(file.display, line, f"YAML syntax error: {error.problem}")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(file.display, None, f"YAML error: {error}")]) from None
    if not isinstance(document, dict):
        raise DataError([Problem(file.display, 1, "a fact sheet is a mapping with @context and @graph")])
    context = document.get("@context", CONTEXT_IRI)
    if context != CONTEXT_IRI:
        raise DataError([Problem(file.display, file.line_containing("@context") or 1,
                                 f"@context must be {CONTEXT_IRI} (the project's context, read from "
                                 f"{layout.context_file.name}); other contexts would be fetched")])
    nested = [value for value in _contexts(document.get("@graph", document))]
    if nested:
        raise DataError([Problem(file.display, file.line_containing("@context", after=2) or None,
                                 "nested @context is not allowed in a fact sheet")])
    project_context = json.loads(layout.context_file.read_text(encoding="utf-8"))["@context"]
    document = _plain(document)
    if names is not None:
        entity_keys = {key for key, value in project_context.items()
                       if isinstance(value, dict) and value.get("@type") == "@vocab"}
        problems: list[Problem] = []
        document = _resolve(document, entity_keys, names, file, problems)
        if problems:
            raise DataError(problems)
    return {**document, "@context": project_context}


MAX_YAML_DEPTH = 64
"""How deep a fact sheet may nest (PyYAML composes recursively: far deeper would exhaust Python's stack)."""
MAX_YAML_NODES = 200_000
"""How many nodes a fact sheet may stand for once its aliases are expanded (an alias bomb stands for billions)."""


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (ten times faster: a reviewer's accept reads the review
file, the check of a fact sheet reads the sheet), else PyYAML's own."""


def load_yaml(text: str) -> object:
    """A fact sheet's or review file's YAML, read by the safe loader once its shape is known to be bounded: nesting
    no deeper than ``MAX_YAML_DEPTH``, aliases expanding to no more than ``MAX_YAML_NODES`` values.

    The bounds are checked on the parser's events, before anything is composed (libyaml's composer recurses in
    C, where a thousand levels of nesting would break the process, not raise): each collection's expanded size
    is known at its end, an alias stands for its anchor's, so the check is linear in the file.

    >>> load_yaml("a: &x [1, 2]\\nb: *x")
    {'a': [1, 2], 'b': [1, 2]}

    Raises
    ------
    yaml.YAMLError
        a ``MarkedYAMLError`` with the line of the first node past a bound, or of the syntax error.
    """
    sizes: dict[str, int] = {}
    open_: list[list] = []  # per open collection: [expanded size so far, its anchor, its start mark]
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)) \
                and len(open_) >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_YAML_DEPTH} levels deep",
                                              event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent):
            open_.append([1, event.anchor, event.start_mark])
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            size, anchor, mark = open_.pop()
            if size > MAX_YAML_NODES:
                raise yaml.composer.ComposerError(None, None, f"its aliases expand to more than {MAX_YAML_NODES:,} "
                                                  "values (an alias bomb?)", mark)
        elif isinstance(event, yaml.AliasEvent):
            size, anchor = sizes.get(event.anchor, 1), None  # an alias inside its own anchor counts once
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = 1, event.anchor
        else:
            continue
        if anchor is not None:
            sizes[anchor] = size
        if open_:
            open_[-1][0] = min(open_[-1][0] + size, 10 * MAX_YAML_NODES)
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - the safe loader (libyaml's or PyYAML's)


class _SheetDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, indenting a list under its key as fact sheets are written by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):  # noqa: D102 - PyYAML's hook
        return super().increase_indent(flow, False)


def dump_yaml(value: object) -> str:
    """``value`` as YAML the way fact sheets and review files are written: by the YAML library (every string
    quoted as it needs), lists indented under their keys, keys in their given order, text in its own letters.

    >>> print(dump_yaml({"@graph": [{"id": "dgs:x", "title": '--- "quoted": yes'}]}), end="")
    '@graph':
      - id: dgs:x
        title: '--- "quoted": yes'
    """
    return yaml.dump(value, Dumper=_SheetDumper, allow_unicode=True, sort_keys=False, width=1000)


def _resolve(node: object, keys: set[str], names: Names, file: SourceFile, problems: list[Problem],
             key: str | None = None) -> object:
    if isinstance(node, dict):
        return {k: _resolve(v, keys, names, file, problems, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v, keys, names, file, problems, key) for v in node]
    if key in keys and isinstance(node, str):
        resolved = names.resolve(node)
        if resolved is None:
            close = names.closest(node)
            hint = f"; did you mean {close!r}?" if close else ""
            line = next((n for n, text in enumerate(file.lines, start=1)
                         if text.strip().startswith(f"{key}:") and node in text), None) or file.line_containing(node)
            problems.append(Problem(file.display, line, f"unknown entity {node!r} for {key} (not a label, alias, "
                                                        f"vocabulary term or prefixed IRI){hint}"))
            return node
        return resolved
    return node


def _contexts(node: object):
    if isinstance(node, dict):
        if "@context" in node:
            yield node["@context"]
        for value in node.values():
            yield from _contexts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _contexts(value)


def _plain(node: object) -> object:
    """YAML's dates and times as ISO strings, so the context's datatypes apply."""
    if isinstance(node, dict):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    if isinstance(node, dt.date | dt.datetime):
        return node.isoformat()
    return node
