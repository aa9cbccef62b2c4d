"""The command that serves the graph over HTTP."""

from __future__ import annotations

import errno
import socket
from typing import Annotated

import typer

from ..errors import DiplographError
from .common import DataOption, OntologyOption, StoreOption, settings_of
from .output import err

__all__ = ["register"]


def serve(
    data: DataOption = None,
    ontology: OntologyOption = None,
    host: Annotated[str | None, typer.Option(help="Interface to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    store: StoreOption = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds a query may run (default 10).")] = None,
    workers: Annotated[int | None, typer.Option(help="Query worker processes (default: cores + 1).")] = None,
    max_rows: Annotated[int | None, typer.Option(help="Rows a query may return (default 10000).")] = None,
    allow_updates: Annotated[bool, typer.Option(help="Accept SPARQL Update with DIPLOGRAPH_UPDATE_TOKEN.")] = False,
    allow_review: Annotated[bool, typer.Option(help="Accept or reject drafted candidates from the review page "
                                                    "(writes fact sheets) with DIPLOGRAPH_UPDATE_TOKEN.")] = False,
    cors_origin: Annotated[list[str] | None, typer.Option(help="Allow browser calls from this origin.")] = None,
) -> None:
    """Serve the graph over HTTP: SPARQL endpoint, JSON API, linked-data pages. Read-only unless told otherwise.

    The data folder is watched: a document added, reviewed or removed on the command line is served within seconds
    (DIPLOGRAPH_WATCH_INTERVAL, 0 to turn it off). Every option can also be set as an environment variable
    DIPLOGRAPH_<OPTION> (e.g. DIPLOGRAPH_PORT).
    """
    import uvicorn

    from ..api import create_app
    from ..api.server import config as server_config
    from ..api.starting import Starting
    from ..service import Service

    settings = settings_of(data, ontology, store, host=host, port=port, timeout=timeout, workers=workers,
                           max_rows=max_rows, cors_origins=cors_origin or None,
                           allow_updates=True if allow_updates else None,
                           allow_review=True if allow_review else None)
    if (settings.allow_updates or settings.allow_review) and not settings.update_token:
        raise DiplographError(f"--allow-{'updates' if settings.allow_updates else 'review'} needs a token in "
                              "DIPLOGRAPH_UPDATE_TOKEN")
    settings.store_spec()  # the arguments before the machine: a misspelt --store is said whatever the port
    listener = _listen(settings.host, settings.port)  # before loading: a taken port is said at once
    settings.layout().check_folders()
    with Starting(listener) as starting:  # meanwhile every request hears 503 and what is being done
        service = Service.from_settings(settings, progress=starting.progress)
    mode = " and ".join([*(["updates enabled"] if settings.allow_updates else []),
                         *(["review enabled"] if settings.allow_review else [])]) or "read-only"
    kept = " (the store kept at the last run, while the files load)" if service.graph.spec.kind == "memory" \
        and not service.graph.store.writable else ""
    err.print(f"diplograph: {service.triples:,} triples in {len(service.graphs):,} named graphs{kept}; serving on "
              f"http://{settings.host}:{settings.port}/ ({mode})")
    config = server_config(create_app(service), host=settings.host, port=settings.port,
                           access_log=settings.access_log, head_timeout=settings.head_timeout,
                           max_head_bytes=settings.max_head_bytes, max_connections=settings.max_connections,
                           send_timeout=settings.send_timeout)
    uvicorn.Server(config).run(sockets=[listener])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` for the server, or a one-line error naming the way out."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(2048)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise DiplographError(f"port {port} on {host} is taken (another diplograph?); choose another with "
                                  f"--port N or DIPLOGRAPH_PORT") from None
        raise DiplographError(f"cannot listen on {host}:{port}: {error.strerror}") from None
    listener.set_inheritable(True)
    return listener


def register(app: typer.Typer) -> None:
    app.command()(serve)


