"""The ``diplograph`` command: a thin shell over the Python API that prints what it returns.

Commands come in groups, one module each: the documents workflow
(:mod:`.documents`), questions to the graph (:mod:`.queries`), stores and
exports (:mod:`.stores`) and the service (:mod:`.service`). diplograph's own
errors become one line on standard error and exit code 2, never a traceback;
a name that is not known says the nearest one and the command that lists them.
"""

from __future__ import annotations

import sys

import typer

from ..errors import DiplographError, UnknownEntityError
from . import documents, queries, service, stores
from .output import err

__all__ = ["app", "main"]

app = typer.Typer(help="diplograph: the diplomacy of the Russia–Ukraine war as a knowledge graph.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
for group in (documents, queries, stores, service):
    group.register(app)

_LISTED_BY = {"queries": "diplograph queries", "analyses": "diplograph analyze", "operations": "diplograph operations",
              "sources": "diplograph coverage", "export formats": "diplograph export --help"}
"""The command that lists each kind of name, for the hint after an unknown one."""


def main() -> None:
    """The console entry point: diplograph's own errors become one line on standard error, never a traceback."""
    try:
        app()
    except DiplographError as error:  # a DataError says its first problem and how many more there are
        hint = ""
        if isinstance(error, UnknownEntityError) and error.listing in _LISTED_BY:
            hint = f" (`{_LISTED_BY[error.listing]}` lists them)"
        err.print(f"error: {error}{hint}", soft_wrap=True)
        sys.exit(2)
    except OSError as error:  # a folder that cannot be written, a full disk …
        where = f"{error.filename}: " if error.filename else ""
        err.print(f"error: {where}{error.strerror or error}", soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
