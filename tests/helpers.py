"""Constants and helpers shared by the tests (conftest modules cannot be imported by name)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCUMENT = "2025-11-30-peace-talks-putin-conditions"
SHARED_CORPUS = REPO.parent / "shared" / "corpus"


def require_program(name: str) -> str:
    """The path of a system program a test needs: skipped with a reason on a user's machine, a failure under CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (the test set-up installs it from Debian packages)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path
