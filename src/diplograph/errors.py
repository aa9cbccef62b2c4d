"""The few exceptions diplograph raises; the API turns them into problem details, the CLI into one line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DataError", "DiplographError", "Problem", "QueryError", "QueryLimitError", "QueryParameterError",
    "QuerySyntaxError", "ServiceBusyError", "UnauthorizedError", "UnknownEntityError", "UnsafeQueryError",
    "UnknownNameError", "UpdateForbiddenError", "unknown",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located as precisely as we can.

    ``line`` is 1-based; it is ``None`` when only the focus node is known.
    """

    file: str
    line: int | None
    message: str
    focus: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        suffix = f" [{self.focus}]" if self.focus else ""
        return f"{where}: {self.message}{suffix}"


class DiplographError(Exception):
    """Base of every error diplograph raises on purpose."""


class DataError(DiplographError):
    """The data or ontology files cannot be loaded or do not validate."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.message))
        first = str(self.problems[0]) if self.problems else "invalid data"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)


class QueryError(DiplographError):
    """A query cannot be run."""


class QuerySyntaxError(QueryError):
    """Malformed SPARQL; ``line`` and ``column`` are 1-based positions in the query text."""

    def __init__(self, message: str, line: int, column: int):
        self.line = line
        self.column = column
        super().__init__(f"SPARQL syntax error at line {line}, column {column}: {message}")


class QueryParameterError(QueryError):
    """A canned query was given an unknown, missing or ill-typed parameter."""


class UnsafeQueryError(QueryError):
    """The query asks for something the service never does: reach the network or the file system, or update."""


class QueryLimitError(QueryError):
    """The query exceeds a configured bound (size, nesting, time, memory) and was refused or stopped."""

    def __init__(self, message: str, *, limit: str):
        self.limit = limit
        super().__init__(message)


class ServiceBusyError(DiplographError):
    """Every query worker is busy; try again shortly."""


class UpdateForbiddenError(DiplographError):
    """Updates are disabled on this service."""


class UnauthorizedError(DiplographError):
    """Updates are enabled, but the request lacks the configured token (or has a wrong one)."""


class UnknownEntityError(DiplographError):
    """No entity with that IRI or name is in the graph — or no query, analysis, source … of that name.

    ``suggestion`` is the nearest known name, if one is near; ``listing`` names
    where the known ones are listed ("queries", "analyses", "operations",
    "entities", "sources", "export formats"), which each face turns into its
    own hint: a command on the command line, a link on a web page.
    """

    def __init__(self, message: str, *, suggestion: str | None = None, listing: str | None = None):
        self.suggestion = suggestion
        self.listing = listing
        super().__init__(message)


class UnknownNameError(UnknownEntityError, QueryParameterError):
    """A name that names nothing of its kind (a canned query, an analysis, a candidate …): not found, and a
    parameter error to code that asked for it by name."""


def unknown(kind: str, name: str, known: Iterable[str], listing: str | None = None) -> UnknownNameError:
    """The error for a name that is not among ``known``, with the nearest one as "did you mean".

    >>> str(unknown("canned query", "demand", ["demands", "actors"], "queries"))
    "no canned query named 'demand'; did you mean 'demands'?"
    """
    import difflib

    names = list(known)
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    if not close:
        folded = {n.casefold(): n for n in names}
        close = [folded[m] for m in difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=0.6)]
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return UnknownNameError(f"no {kind} named {name!r}{hint}", suggestion=close[0] if close else None,
                            listing=listing)


def relative(path: Path, root: Path | None) -> str:
    """Show ``path`` relative to ``root`` when it is inside it, for short messages."""
    if root is not None and root != Path(root.anchor):
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
