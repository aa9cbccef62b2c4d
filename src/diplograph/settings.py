"""One set of settings for every entry point: which graph (store, data, ontology), and the service's bounds.

The command line, the server and the Python API all build a :class:`Settings`
(from options and ``DIPLOGRAPH_*`` environment variables) and open the graph
through it, so every command reaches every store.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from .layout import Layout, StoreSpec

__all__ = ["DEFAULT_MAX_DOCUMENT_MB", "Limits", "Settings"]

DEFAULT_MAX_DOCUMENT_MB = 10.0
"""The largest document ``add-source`` takes by default (``DIPLOGRAPH_MAX_DOCUMENT_MB``)."""


@dataclass(frozen=True)
class Limits:
    """Bounds on every query. Time in seconds; memory is address space a worker may add to the shared graph."""

    timeout: float = 10.0
    max_rows: int = 10_000
    memory_mb: int = 1024
    max_answer_mb: float = 256
    """The largest answer a worker sends (a dump, an export, a serialised result)."""
    workers: int = field(default_factory=lambda: (os.cpu_count() or 1) + 1)
    """One more than the cores: while the server answers one request, a worker is already on the next."""
    max_query_length: int = 100_000
    max_nesting: int = 64
    per_client: int = field(default_factory=lambda: max(1, (os.cpu_count() or 1)))
    """Jobs one client (by address) may have in the workers at once; its others wait their turn."""


class Settings(BaseSettings):
    """Settings; each can also be set as an environment variable ``DIPLOGRAPH_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="DIPLOGRAPH_", extra="ignore")

    data: Path | None = None
    extra_data: list[Path] = []
    ontology: Path | None = None
    store: str = "memory"
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str | None = None
    """The address clients reach the service at, for links it writes into feeds and descriptions (default:
    http://HOST:PORT); a request's Host header is never used for them."""
    # query bounds: the defaults are Limits'
    timeout: float = Limits.timeout
    max_rows: int = Limits.max_rows
    memory_mb: int = Limits.memory_mb
    max_answer_mb: float = Limits.max_answer_mb
    workers: int = Field(default_factory=lambda: Limits().workers)
    per_client: int | None = None
    """Requests one client (by address) may have in the workers at once (default: one fewer than the workers)."""
    max_query_length: int = Limits.max_query_length
    max_nesting: int = Limits.max_nesting
    max_body_bytes: int = 1_000_000
    # the HTTP edge (see api.server)
    head_timeout: float = 10.0
    send_timeout: float = 30.0
    max_head_bytes: int = 64 * 1024
    max_connections: int = 1000
    allow_updates: bool = False
    allow_review: bool = False
    """Accept and reject drafted candidates from the browser (writes fact sheets), with the update token."""
    update_token: str | None = None
    max_document_mb: float = DEFAULT_MAX_DOCUMENT_MB
    """The largest document add-source takes (a file past it is refused, saying so)."""
    derived_interval: float = 10.0
    """Seconds between rebuilds of the derived data after runtime updates (a flood of updates builds once)."""
    watch_interval: float = 2.0
    """Seconds between looks at the data files by a running service (0: never); a change is loaded and served."""
    cors_origins: list[str] = []
    access_log: bool = True

    @property
    def limits(self) -> Limits:
        return Limits(timeout=self.timeout, max_rows=self.max_rows, memory_mb=self.memory_mb,
                      max_answer_mb=self.max_answer_mb, workers=self.workers, max_query_length=self.max_query_length,
                      max_nesting=self.max_nesting, per_client=self.per_client or max(1, self.workers - 1))

    def layout(self) -> Layout:
        """The files: the bundled graph unless data or ontology folders were named."""
        folders = [self.data, *self.extra_data] if self.data else list(self.extra_data)
        return Layout.of(folders or None, self.ontology)

    def store_spec(self) -> StoreSpec:
        """Where the triples live (raises DiplographError for a store it cannot name)."""
        return StoreSpec.parse(self.store)
