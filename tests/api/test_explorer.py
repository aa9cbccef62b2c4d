"""The built-in explorer in real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

from api.conftest import ARTIFACTS


def test_explorer_loads_searches_and_shows_quotes(browser, server, client):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(server.url + "/explore")
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    elements = client.get("/export/cytoscape").json()["elements"]
    expected = len(elements["nodes"])
    assert int(page.get_attribute("#count", "data-nodes")) == expected
    # Cytoscape.js took every node and edge of the export
    assert page.evaluate("window.diplographExplorer.nodes().length") == expected
    assert page.evaluate("window.diplographExplorer.edges().length") == len(elements["edges"])
    page.fill("#search", "Zelenskyy")
    assert page.text_content("#search-count").endswith("found")
    assert int(page.text_content("#search-count").split()[0]) >= 1
    page.evaluate("window.diplographExplorer.getElementById('dgr:zelenskyy').emit('tap')")
    page.wait_for_selector("#panel .quotes li", timeout=20_000)
    assert page.text_content("#panel h2") == "Volodymyr Zelenskyy"
    quotes = page.locator("#panel .quotes li").all_text_contents()
    assert "“Complete withdrawal of Russian forces”" in quotes
    assert page.get_attribute("#panel a.page-link", "href") == "/id/zelenskyy"
    page.uncheck("#classes input[value='dg:Assessment']")
    assert int(page.get_attribute("#count", "data-nodes")) < expected
    ARTIFACTS.mkdir(exist_ok=True)
    page.check("#classes input[value='dg:Assessment']")
    page.screenshot(path=str(ARTIFACTS / "explorer.png"))
    assert problems == []
    page.close()


def test_editor_page_runs_in_the_browser(browser, server):
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(server.url + "/sparql")
    page.wait_for_selector(".yasqe", timeout=60_000)
    assert problems == []
    page.close()
