"""A query worker's confinement: the kernel's sandbox, a memory cap, and an audit hook behind them.

Inside a worker an audit hook fails any attempt to open a socket, start a
process or open a file outside Python's own installation and the registered
source texts: a backstop behind the kernel's namespaces (:mod:`diplograph.sandbox`)
and the algebra checks of :mod:`diplograph.sparql`.
"""

from __future__ import annotations

import os
import resource
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from .answers import warm_up
from .graph import KnowledgeGraph
from .sandbox import Isolation, isolate
from .schema import read_schema

__all__ = ["confine", "install_guard", "limit_memory", "release_sockets"]


def confine(graph: KnowledgeGraph, memory_mb: int, keep: tuple[int, ...] = ()) -> Isolation:
    """Make this freshly forked process a worker: its own store handle, then the sandbox, the memory cap, the guard.

    ``keep`` holds the worker's end of its pipe to the server, the socket it
    keeps (see :func:`release_sockets`). Returns what the kernel granted (see
    ``sandbox.isolate``).
    """
    release_sockets(keep)
    graph.snapshot.lock = threading.RLock()  # a lock held by a thread of the server at the fork would stay held
    graph.reopen()  # before the file systems turn read-only: a store on disk is opened now
    warm_up()
    read_schema(graph.layout.ontology)  # tasks read the ontology's classes: read now, while files may be opened
    isolation = isolate(network=graph.spec.remote_address is None)
    limit_memory(memory_mb)
    install_guard(allowed=graph.spec.remote_address, readable=(graph.layout.sources_dir,))
    return isolation


def release_sockets(keep: tuple[int, ...] = ()) -> None:
    """Let go of every socket a forked child inherited from the server, but ``keep``.

    A fork copies the server's descriptors: its listening socket and each
    client's connection open at that instant. While the child held one, a
    connection the server closed (an idle keep-alive) stayed open for the
    client, who sent its next request into a socket nobody read. Each is
    replaced by /dev/null rather than closed, so the number stays taken: the
    server's socket objects, copied into the child, may still close theirs.
    """
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for name in os.listdir("/proc/self/fd"):
            descriptor = int(name)
            if descriptor in keep or descriptor == null:
                continue
            try:
                if stat.S_ISSOCK(os.fstat(descriptor).st_mode):
                    os.dup2(null, descriptor)
            except OSError:
                continue  # the directory's own descriptor, closed by now
    finally:
        os.close(null)


def limit_memory(memory_mb: int) -> None:
    """Cap the worker's address space at what it has now (the shared graph) plus ``memory_mb``."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return
    limit = (size_kb * 1024) + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


_BLOCKED_EVENTS = frozenset({
    "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
    "socket.gethostbyaddr", "socket.sendto", "urllib.Request", "http.client.connect", "ftplib.connect",
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
    "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.truncate", "shutil.rmtree", "ctypes.dlopen",
})
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _readable_roots(extra: tuple[Path, ...] = ()) -> tuple[str, ...]:
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(Path(__file__).resolve().parent),
             "/usr/lib/python3", "/usr/share/zoneinfo", "/dev/urandom", *map(str, extra)}
    roots |= {p for p in sys.path if p and os.path.isdir(p) and "site-packages" in p}
    return tuple(sorted(str(Path(r).resolve()) for r in roots))


def install_guard(on_block: Callable[[str], None] | None = None, allowed: tuple[str, int] | None = None,
                  readable: tuple[Path, ...] = ()) -> None:
    """Fail every network, process or file-system access from now on in this process (audit hooks are permanent).

    Reading Python's own files stays allowed, so that lazy imports work, and reading the folders ``readable``
    (the registered source texts, for the reader); so does talking to ``allowed`` (host, port), the remote store's
    endpoint, if any.
    """
    roots = _readable_roots(tuple(p.resolve() for p in readable))

    def guard(event: str, args: tuple) -> None:
        if allowed and _to_allowed(event, args, allowed):
            return
        if event in _BLOCKED_EVENTS:
            _refuse(event, on_block)
        elif event == "open":
            path, mode, flags = args
            if isinstance(path, int):
                return
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & _WRITE_FLAGS)
            resolved = os.path.realpath(os.fsdecode(path))
            if writing or not resolved.startswith(roots):
                _refuse(f"open {resolved}", on_block)

    sys.addaudithook(guard)


def _to_allowed(event: str, args: tuple, allowed: tuple[str, int]) -> bool:
    host, port = allowed
    if event == "socket.getaddrinfo":
        return args[0] == host
    if event == "socket.connect":
        address = args[1]
        return isinstance(address, tuple) and address[1] == port and address[0] in (host, "127.0.0.1", "::1") \
            if host == "localhost" else isinstance(address, tuple) and address[:2] == (host, port)
    return False


def _refuse(what: str, on_block: Callable[[str], None] | None) -> None:
    if on_block:
        on_block(what)
    raise PermissionError(f"diplograph: {what} is not allowed while evaluating a query")
