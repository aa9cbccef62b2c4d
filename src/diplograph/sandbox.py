"""Isolation of the query workers by the operating system: no network, no writes.

The text checks of :mod:`diplograph.sparql` give clear errors, but they are
one parser looking at text that another (the engine's) evaluates; and the
engine has an HTTP client of its own (Oxigraph evaluates SERVICE), which
Python's audit hooks cannot see. So each worker, right after it is forked,
asks the kernel for:

* a network namespace of its own: no interface but a loopback that is down,
  so no connection to anywhere can be made, whoever tries;
* a mount namespace in which every file system is read-only.

As root this takes one ``unshare``; elsewhere an unprivileged user namespace
is tried first. Where the kernel refuses, the worker falls back to the audit
hook of :mod:`diplograph.executor` and says so (at start, and in ``/health``).
A worker for a remote store must reach its endpoint: it keeps the network,
and the audit hook confines it to that one address.
"""

from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass

__all__ = ["Isolation", "isolate"]

_CLONE_NEWNS = 0x00020000
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_MS_RDONLY = 0x1
_MS_NOSUID = 0x2
_MS_REMOUNT = 0x20
_MS_BIND = 0x1000
_MS_REC = 0x4000
_MS_PRIVATE = 0x40000
_PR_SET_NO_NEW_PRIVS = 38


@dataclass(frozen=True)
class Isolation:
    """What the kernel granted a worker: ``network`` and ``files`` are "isolated" or the reason they are not."""

    network: str
    files: str

    @property
    def complete(self) -> bool:
        return self.network == "isolated" and self.files == "isolated"

    def describe(self) -> str:
        """One line for the start banner and the logs."""
        if self.complete:
            return "workers sandboxed by the kernel: no network, read-only file systems"
        return f"workers: network {self.network}; files {self.files} (the audit hook still applies)"


def isolate(*, network: bool = True) -> Isolation:
    """Put this (freshly forked, single-threaded) process in namespaces of its own; say what was granted.

    ``network=False`` keeps the network (a remote store's worker).
    """
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    flags = _CLONE_NEWNS | (_CLONE_NEWNET if network else 0)
    if libc.unshare(flags) != 0:
        uid, gid = os.getuid(), os.getgid()
        if libc.unshare(flags | _CLONE_NEWUSER) != 0:
            reason = f"not isolated: the kernel refused new namespaces ({os.strerror(ctypes.get_errno())})"
            return Isolation(reason if network else "kept (remote store)", reason)
        mapped = _map_user(uid, gid)
        if mapped:
            return Isolation(mapped if network else "kept (remote store)", mapped)
    files = _read_only(libc)
    return Isolation("isolated" if network else "kept (remote store)", files)


def _map_user(uid: int, gid: int) -> str:
    """In a new user namespace, stay the same user (needed before anything else works in it); why not, if not."""
    try:
        with open("/proc/self/setgroups", "w") as handle:
            handle.write("deny")
        with open("/proc/self/uid_map", "w") as handle:
            handle.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w") as handle:
            handle.write(f"{gid} {gid} 1")
    except OSError as error:  # said in /health and the start's log line, as every other refusal
        return f"not isolated: the user namespace could not map this user ({error.strerror})"
    return ""


def _read_only(libc) -> str:
    """Every mount of this (private) mount namespace remounted read-only; '' mounts are left as they are."""
    if libc.mount(b"none", b"/", None, _MS_REC | _MS_PRIVATE, None) != 0:
        return f"not isolated: mounts stay shared ({os.strerror(ctypes.get_errno())})"
    failures = []
    for target in _mount_points():
        flags = _MS_REMOUNT | _MS_BIND | _MS_RDONLY | _MS_NOSUID
        if libc.mount(b"none", target.encode(), None, flags, None) != 0 and target == "/":
            failures.append(target)
    return "isolated" if not failures else "not isolated: / could not be made read-only"


def _mount_points() -> list[str]:
    with open("/proc/self/mountinfo", encoding="utf-8") as handle:
        points = [line.split()[4].encode().decode("unicode_escape") for line in handle]
    return sorted(set(points), key=len)
