"""The query workers' pool: workers an update retired are forked again only when a job needs one."""

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


def test_workers_retired_by_a_restart_are_forked_again_only_when_a_job_needs_one():
    """Two workers at start; a restart (an accept, an update) stops both and forks none; a query then forks one,
    which answers from the graph as it is now; a second restart before any query forks nothing either."""

    async def scenario() -> None:
        executor = QueryExecutor(KnowledgeGraph.open(), Limits(workers=2, per_client=2))
        executor.start()
        started = _workers()
        assert len(started) == 2
        try:
            executor.restart()
            executor.restart()
            await asyncio.sleep(0)  # the loop is free: the idle ones are retired now
            for _ in range(100):
                if not any(worker.is_alive() for worker in started):
                    break
                await asyncio.sleep(0.05)
            assert _workers() == []
            outcome = await executor.run(Job("ASK { ?s a ?class }"))
            assert b"true" in outcome.body
            [forked] = _workers()
            assert forked not in started
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
