"""The query workers' pool: an update replaces every worker, and the new ones answer from the graph as it is."""

from __future__ import annotations

import asyncio
import multiprocessing
import threading

from diplograph.answers import Job
from diplograph.executor import QueryExecutor
from diplograph.graph import KnowledgeGraph
from diplograph.settings import Limits


def _workers() -> list:
    return [child for child in multiprocessing.active_children() if child.name == "diplograph-query-worker"]


def test_a_restart_replaces_every_worker_with_one_that_answers():
    """Two workers at start; a restart (an accept, an update) stops both and forks two others once the event loop
    is free — at once, not when a query comes: a fork at a query's time may land while another thread of the
    server (the files loaded behind a kept store, a refresh) holds a lock, and the worker then never answers."""

    async def scenario() -> None:
        executor = QueryExecutor(KnowledgeGraph.open(), Limits(workers=2, per_client=2))
        executor.start()
        started = _workers()
        assert len(started) == 2
        try:
            executor.restart()
            await asyncio.sleep(0)  # the loop is free: the idle ones are replaced now
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

    failures: list[BaseException] = []

    def run() -> None:  # in a thread of its own: a browser test may have left an event loop running in this one
        try:
            asyncio.run(scenario())
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]
