"""Bounded evaluation: every query and task runs in a worker process with a deadline, a row cap and a memory cap.

Neither rdflib nor pyoxigraph can stop a running query, and an rdflib thread
holds the GIL, so a thread with a timeout is no bound at all. Workers are
forked from the process that holds the loaded graph (they share its memory
copy-on-write); a worker past its deadline is killed and replaced. This module
is the pool; what a worker does with a job is :mod:`diplograph.answers`, how
it is confined :mod:`diplograph.guard`.
"""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass

from .answers import Job, Outcome, details, evaluate
from .errors import QueryLimitError, ServiceBusyError
from .graph import KnowledgeGraph
from .guard import confine
from .sandbox import Isolation
from .settings import Limits

__all__ = ["CLIENT", "Job", "Limits", "Outcome", "QueryExecutor", "forked", "wake"]

_FORK = multiprocessing.get_context("fork")


CLIENT: contextvars.ContextVar[str | None] = contextvars.ContextVar("diplograph_client", default=None)
"""The address of the client a job is run for (the HTTP edge sets it); None for the command line and the tests."""


@dataclass
class _Share:
    """One client's share of the workers: its slots, and how many of its requests hold or wait for one."""

    slots: asyncio.Semaphore
    users: int = 0


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: multiprocessing.connection.Connection
    generation: int
    overlay: int = 0
    """The generation of the runtime-update overlay its copy of the graph holds."""
    lowered: bool = False
    """Its CPU priority was lowered for a long job."""


class QueryExecutor:
    """A fixed set of worker processes that evaluate queries over ``graph`` within ``limits``.

    It lives on the server's event loop: ``run`` sends the job down a pipe and
    awaits the answer without a thread in between, until the worker answers,
    the deadline passes (the worker is killed: QueryLimitError), or no worker
    frees up in time (ServiceBusyError). ``start``, ``restart`` and ``close``
    are called on the loop too.
    """

    def __init__(self, graph: KnowledgeGraph, limits: Limits | None = None,
                 changing: Callable[[], bool] = lambda: False, busy: Callable[[], bool] = lambda: False):
        self.graph = graph
        self.limits = limits or Limits()
        self.changing = changing
        """Whether the store is being written (in another thread): no worker is forked then, for a fork would
        copy the store's lock held by the writer into a child that never gets it."""
        self.busy = busy
        """Whether a change is under way (an accept being checked): idle workers are not replaced then — the
        forks would hold the event loop the change's answer waits for."""
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._shares: dict[str | None, _Share] = {}
        self._overlay: tuple[int, bytes] = (0, b"")
        self._generation = 0
        self._closed = False
        self._pending_restart: asyncio.TimerHandle | None = None
        self.isolation: Isolation | None = None
        """What the kernel granted the last worker started (the same for all: one machine, one configuration)."""

    def start(self) -> None:
        """Start every worker at once, then wait for each to be ready (they warm up side by side)."""
        workers = [self._spawn() for _ in range(self.limits.workers)]
        for worker in workers:
            self._ready(worker)
            self._idle.put_nowait(worker)

    def restart(self) -> None:
        """Replace every worker, e.g. after the graph was updated: from now on none of the old ones answers (one
        taken is replaced then, a busy one when it returns), and the idle ones are replaced once the graph has
        stood still for ``RESTART_AFTER`` seconds and no change is under way. A fork of a 1,000-document graph
        holds the event loop ~40 ms a worker: a reviewer's accepts in a row would each wait for the forks the one
        before asked for, where the last change's forks serve them all (a query in between takes a worker and has
        it replaced)."""
        self._generation += 1
        if self._pending_restart is not None:
            self._pending_restart.cancel()
        try:
            self._pending_restart = asyncio.get_running_loop().call_later(RESTART_AFTER, self._replace_idle)
        except RuntimeError:  # no loop running (a script's own executor): now
            self._pending_restart = None
            self._replace_idle()

    def _replace_idle(self) -> None:
        if self.changing() or self.busy():  # a change is under way: after it, once the graph stands still
            self._pending_restart = asyncio.get_running_loop().call_later(RESTART_AFTER, self._replace_idle)
            return
        self._pending_restart = None
        for _ in range(self._idle.qsize()):
            worker = self._idle.get_nowait()
            if worker.generation == self._generation or self._closed:
                self._idle.put_nowait(worker)
            else:
                self._replace(worker)

    def close(self) -> None:
        self._closed = True
        if self._pending_restart is not None:
            self._pending_restart.cancel()
        while True:
            try:
                self._stop(self._idle.get_nowait(), wait=True)
            except asyncio.QueueEmpty:
                return

    async def run(self, job: Job, timeout: float | None = None) -> Outcome:
        """Evaluate ``job`` in a worker within ``timeout`` seconds (default: the configured limit).

        One client (by address, see ``CLIENT``) has at most ``limits.per_client`` jobs in workers at once; its
        others wait their turn within their deadline, so no client can take every worker. A worker that dies with
        the job (killed, or gone since it was last seen idle) is replaced and the job given once more to another:
        a second death is the job's own doing (its memory), and is reported.
        """
        deadline = min(timeout or self.limits.timeout, self.limits.timeout)
        loop = asyncio.get_running_loop()
        started = loop.time()
        client = CLIENT.get()
        share = self._shares.setdefault(client, _Share(asyncio.Semaphore(self.limits.per_client)))
        share.users += 1
        try:
            try:
                await asyncio.wait_for(share.slots.acquire(), max(0.001, deadline - (loop.time() - started)))
            except TimeoutError:
                raise ServiceBusyError(f"this client has {self.limits.per_client} requests in the workers already; "
                                       "try again when one has answered") from None
            try:
                return await self._run(job, loop, started, deadline)
            finally:
                share.slots.release()
        finally:
            share.users -= 1
            if not share.users:
                del self._shares[client]

    def set_overlay(self, ntriples: bytes) -> None:
        """A new runtime-update overlay: each worker puts it in place before its next job, none is restarted (the
        server's own store has it already, so a worker forked from now on starts with it)."""
        self._overlay = (self._overlay[0] + 1, ntriples)

    async def _run(self, job: Job, loop, started: float, deadline: float) -> Outcome:
        for attempt in (1, 2):
            worker = await self._idle_worker(loop, started, deadline)
            generation, overlay = self._overlay
            try:
                asked = job if worker.overlay == generation else dataclasses.replace(job, overlay=overlay)
                outcome = await self._ask(worker, asked, loop, max(0.001, deadline - (loop.time() - started)))
                worker.overlay = generation
            except TimeoutError:
                self._replace(worker)
                raise QueryLimitError(f"query stopped after {deadline:g} s (the time limit)", limit="time") from None
            except (EOFError, OSError):
                self._replace(worker)
                if attempt == 2:
                    raise QueryLimitError("the query worker died (out of memory?); the query was stopped",
                                          limit="memory") from None
                continue
            except BaseException:  # cancelled (the client went away): the worker may be mid-query, so replace it
                self._replace(worker)
                raise
            self._release(worker)
            return outcome
        raise AssertionError("unreachable")

    async def _idle_worker(self, loop, started: float, deadline: float) -> _Worker:
        while True:
            try:
                worker = await asyncio.wait_for(self._idle.get(), max(0.001, deadline - (loop.time() - started)))
            except TimeoutError:
                raise ServiceBusyError(f"all {self.limits.workers} query workers are busy; try again shortly") \
                    from None
            if worker.process.is_alive() and worker.generation == self._generation:
                return worker
            while self.changing():  # not forked while a change writes the store (see ``changing``)
                if loop.time() - started >= deadline:
                    raise ServiceBusyError("the graph is being changed; try again shortly")
                await asyncio.sleep(0.01)
            # it died while idle (killed, out of memory), or holds an older graph: its replacement takes the job (the
            # other idle ones are replaced when taken, or once the graph stands still: one fork per query at most)
            self._stop(worker)
            if not self._closed:
                return self._spawn()

    async def _ask(self, worker: _Worker, job: Job, loop, seconds: float) -> Outcome:
        """Send ``job``; its answer (a worker started without waiting first says what the kernel granted it).

        A job still running after ``LONG_JOB`` seconds has its worker's CPU priority lowered (nice 10), so quick
        requests of other clients keep their share of the cores; the worker gets its priority back when it is
        released (or, where that needs a privilege, is replaced).
        """
        deadline = loop.time() + seconds
        descriptor = worker.connection.fileno()
        worker.connection.send(job)
        while True:
            answered = loop.create_future()
            loop.add_reader(descriptor, wake, answered)
            lower = loop.call_later(LONG_JOB, _lower_priority, worker)
            try:
                await asyncio.wait_for(answered, max(0.001, deadline - loop.time()))
            finally:
                lower.cancel()
                loop.remove_reader(descriptor)
                os.set_blocking(descriptor, True)  # uvloop made it non-blocking; the rest of a long answer follows
            message = worker.connection.recv()
            if not isinstance(message, Isolation):
                return message
            self.isolation = message

    # ------------------------------------------------------------------ worker management

    def _spawn(self) -> _Worker:
        """A new worker, not waited for: it says what the kernel granted it before its first answer."""
        parent, child = _FORK.Pipe()
        process = _FORK.Process(target=_serve, args=(self.graph, child, self.limits),
                                name="diplograph-query-worker", daemon=True)
        forked(process)
        child.close()
        return _Worker(process, parent, self._generation, self._overlay[0])

    def _ready(self, worker: _Worker) -> None:
        """Wait for the worker's first word: what the kernel granted it (see ``sandbox.isolate``)."""
        if worker.connection.poll(60):
            try:
                self.isolation = worker.connection.recv()
            except (EOFError, OSError):
                pass  # it died while starting: replaced when it is next handed work

    def _release(self, worker: _Worker) -> None:
        if worker.generation != self._generation or self._closed or not _restore_priority(worker):
            self._replace(worker)
        else:
            self._idle.put_nowait(worker)

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)
        if not self._closed:
            self._idle.put_nowait(self._spawn())

    @staticmethod
    def _stop(worker: _Worker, *, wait: bool = False) -> None:
        """Kill a worker; reaped in a thread unless ``wait``: a worker of a large graph takes tens of milliseconds
        to go (its memory unmapped), which the event loop need not wait for (an accept replaces every worker)."""
        if worker.process.is_alive():
            worker.process.kill()
        if wait:
            _reap(worker)
        else:
            threading.Thread(target=_reap, args=(worker,), name="diplograph-reaper", daemon=True).start()


def forked(process: multiprocessing.process.BaseProcess) -> None:
    """Start ``process`` (of the fork context) with everything this one holds frozen for the child's collector: the
    graph's derived data are millions of objects, which the child's first full collection would walk — a core's
    time, and a private copy of every page it touches — while they live as long as the child does. This process
    unfreezes its own at once (``gc.freeze`` before ``fork``, as Python's documentation advises)."""
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()


def _reap(worker: _Worker) -> None:
    worker.process.join(timeout=5)
    worker.connection.close()


RESTART_AFTER = 2.0
"""Seconds the graph stands still before idle workers of an older generation are replaced (see ``restart``):
longer than a reviewer's pace, so that accepts in a row fork only for the queries between them."""
LONG_JOB = 1.0
"""Seconds after which a job runs at a lower CPU priority (see ``QueryExecutor._ask``)."""


def _lower_priority(worker: _Worker) -> None:
    try:
        os.setpriority(os.PRIO_PROCESS, worker.process.pid, 10)
        worker.lowered = True
    except OSError:
        pass  # gone already, or not ours to change: it runs on at its priority


def _restore_priority(worker: _Worker) -> bool:
    """Put a worker whose priority was lowered back to the usual one; False when that is not allowed here."""
    if not worker.lowered:
        return True
    try:
        os.setpriority(os.PRIO_PROCESS, worker.process.pid, 0)
    except OSError:
        return False
    worker.lowered = False
    return True


def wake(future: asyncio.Future) -> None:
    """Settle ``future`` (a reader callback: a pipe or a process sentinel became readable)."""
    if not future.done():
        future.set_result(None)


def _serve(graph: KnowledgeGraph, connection: multiprocessing.connection.Connection, limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts workers down itself
    connection.send(confine(graph, limits.memory_mb, keep=(connection.fileno(),)))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = evaluate(graph, job)
        except MemoryError:
            outcome = Outcome(error=("QueryLimitError", "the query exceeded the memory limit", {"limit": "memory"}))
        except Exception as error:  # reported to the caller, who maps it to a message
            outcome = Outcome(error=(type(error).__name__, str(error), details(error)))
        if len(outcome.body) > limits.max_answer_mb * 1024 * 1024:
            outcome = Outcome(error=("QueryLimitError", f"the answer is {len(outcome.body) / 1e6:,.0f} MB, past the "
                                     f"limit of {limits.max_answer_mb:g} MB: ask for a part (one graph, a "
                                     "neighbourhood, fewer rows)", {"limit": "answer-size"}))
        connection.send(outcome)
