"""Where the bundled ontology, canned queries and graph live: beside the code in a wheel, at the top of a checkout.

A wheel carries ``ontology/``, ``queries/`` and ``data/`` as ``diplograph/bundled/…``
(see ``pyproject.toml``); an editable install or a source checkout reads the
repository's own folders, so that an edit there is seen at once.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["bundled", "is_bundled_copy"]

_PACKAGED = Path(str(files("diplograph"))) / "bundled"
_CHECKOUT = Path(__file__).resolve().parents[2]


def bundled(folder: str) -> Path:
    """The bundled ``ontology``, ``queries`` or ``data`` folder.

    >>> (bundled("ontology") / "diplograph.ttl").is_file()
    True
    """
    packaged = _PACKAGED / folder
    if packaged.is_dir():
        return packaged
    return _CHECKOUT / folder


def is_bundled_copy(path: Path) -> bool:
    """Whether ``path`` lies in the copy installed with the package (which commands must not edit)."""
    try:
        path.resolve().relative_to(_PACKAGED.resolve())
        return True
    except ValueError:
        return False
