"""The query workers' pool: an update replaces every worker, and the new ones answer from the graph as it is."""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time

from diplograph.answers import Job
from diplograph.executor import RESTART_AFTER, QueryExecutor
from diplograph.graph import KnowledgeGraph
from diplograph.settings import Limits


def _workers() -> list:
    return [child for child in multiprocessing.active_children() if child.name == "diplograph-query-worker"]


def _in_a_thread(scenario) -> None:
    """Run ``scenario`` in a thread of its own: a browser test may have left an event loop running in this one."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(scenario())
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


def test_a_restart_replaces_every_worker_with_one_that_answers():
    """Two workers at start; a restart (an accept, an update) stops both and forks two others once the graph has
    stood still — without a query asking: a fork at a query's time may land while another thread of the server
    (the files loaded behind a kept store, a refresh) holds a lock, and the worker then never answers."""

    async def scenario() -> None:
        executor = QueryExecutor(KnowledgeGraph.open(), Limits(workers=2, per_client=2))
        executor.start()
        started = _workers()
        assert len(started) == 2
        try:
            executor.restart()
            await asyncio.sleep(RESTART_AFTER)  # the graph stood still: the idle ones are replaced now
            for _ in range(100):
                if not any(worker.is_alive() for worker in started):
                    break
                await asyncio.sleep(0.05)
            replaced = _workers()
            assert len(replaced) == 2 and not set(replaced) & set(started)
            outcome = await executor.run(Job("ASK { ?s a ?class }"))
            assert b"true" in outcome.body
            assert set(_workers()) == set(replaced)  # the query took one of them; none forked for it
        finally:
            executor.close()

    _in_a_thread(scenario)


def test_restarts_in_a_row_fork_the_workers_once_and_no_worker_while_the_graph_changes():
    """A reviewer's accepts in a row each restart the workers: they are forked once, after the last (each fork of
    a large graph holds the server's event loop). A query in between is answered by a worker of the graph as it
    now is, never by an older one, forked for it alone; and while the store is being written (a refresh in a
    thread), nothing is forked."""
    changing = [False]
    spawned: list[int] = []

    async def scenario() -> None:
        executor = QueryExecutor(KnowledgeGraph.open(), Limits(workers=2, per_client=2), changing=lambda: changing[0])
        spawn = executor._spawn

        def counted():
            worker = spawn()
            spawned.append(worker.generation)
            return worker

        executor._spawn = counted  # type: ignore[method-assign]
        executor.start()
        started = set(_workers())
        try:
            for _ in range(3):
                executor.restart()
                await asyncio.sleep(RESTART_AFTER / 5)
            assert spawned == [0, 0]  # at start only: the restarts wait for the graph to stand still
            outcome = await executor.run(Job("ASK { ?s a ?class }"))  # the older worker it takes is replaced
            assert b"true" in outcome.body and spawned == [0, 0, 3]  # by one that answers; one fork, not two
            changing[0] = True
            executor.restart()
            await asyncio.sleep(RESTART_AFTER * 3)
            assert spawned == [0, 0, 3]  # due, but a change is being written: not now
            changing[0] = False
            await asyncio.sleep(RESTART_AFTER * 2)
            assert spawned == [0, 0, 3, 4, 4] and not started & set(_workers())
        finally:
            executor.close()

    _in_a_thread(scenario)


def test_derived_data_are_built_and_installed_once_the_graph_stands_still():
    """A build starts, and its derived data are installed (a second or two of the server's interpreter at a
    thousand documents), only once no change was asked for in ``QUIET`` seconds; a change stops a build under way
    (what it would make describes a graph that is gone), and the next build is for the graph as it then is."""
    from diplograph import derived
    from diplograph.derived import Builder

    async def scenario() -> None:
        builder = Builder(KnowledgeGraph.open(), 512, on_installed=lambda: None)
        loop = asyncio.get_running_loop()
        builder._task = loop.create_future()  # a build loop under way: a request marks the graph changed, no more
        builder.request()
        began = loop.time()
        loop.call_later(derived.QUIET / 2, builder.request)  # another accept while it waits
        await builder._still()
        assert loop.time() - began >= derived.QUIET * 1.4
        sleeper = multiprocessing.get_context("fork").Process(target=time.sleep, args=(60,), daemon=True)
        sleeper.start()
        builder._process = sleeper  # a build process under way, stopped by the next change
        builder.request()
        sleeper.join(5)
        assert not sleeper.is_alive() and builder._superseded
        builder._task.cancel()

    _in_a_thread(scenario)
