"""A real diplograph server: `diplograph serve` in its own process, on a free port of 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from helpers import REPO, free_port, require_program

DIPLOGRAPH = Path(sys.executable).with_name("diplograph")
ARTIFACTS = REPO / "tests" / "artifacts"
"""Screenshots of the pages the browser tests visit, to look at."""
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
UPDATE_TOKEN = "test-token-7f3a"


class Server:
    def __init__(self, *args: str, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(Path(os.environ.get("TMPDIR", "/tmp")) / f"diplograph-test-{self.port}.log", "w+")
        self.process = subprocess.Popen(
            [str(DIPLOGRAPH), "serve", "--port", str(self.port), *args],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.output()}")
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError(f"server did not start: {self.output()}")

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def server():
    """The bundled graph, read-only, with a short time limit so limit tests run fast."""
    running = Server("--timeout", "3", "--workers", "2", env={"DIPLOGRAPH_MAX_BODY_BYTES": "200000"})
    yield running
    running.stop()


@pytest.fixture(scope="session")
def update_server():
    """A server that accepts updates with a bearer token."""
    running = Server("--allow-updates", "--timeout", "3", env={"DIPLOGRAPH_UPDATE_TOKEN": UPDATE_TOKEN})
    yield running
    running.stop()


@pytest.fixture(scope="session")
def update_token() -> str:
    return UPDATE_TOKEN


@pytest.fixture(scope="session")
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    chromium = require_program("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
