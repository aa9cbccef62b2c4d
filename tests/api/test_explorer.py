"""The built-in explorer in real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

from api.conftest import ARTIFACTS


def test_explorer_loads_searches_and_shows_quotes(browser, server, client):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(server.url + "/explore?view=entity")  # the whole graph
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


def test_explorer_opens_on_the_stance_network_with_a_legend(browser, server, client):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(server.url + "/explore")
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    stance = client.get("/export/cytoscape", params={"view": "stance"}).json()["elements"]
    assert int(page.get_attribute("#count", "data-nodes")) == len(stance["nodes"]) < 20  # actors only: legible
    assert page.input_value("#view") == "stance"
    # the legend names each class in words, with its colour
    legend = page.locator("#classes label").all_text_contents()
    classes = {node["data"]["cls"].removeprefix("dg:") for node in stance["nodes"]}
    assert {entry.strip() for entry in legend} == classes
    assert page.locator("#classes .swatch").count() == len(classes)
    # edges carry their sign: "+" with, "−" against, and how many statements say so
    labels = page.evaluate("window.diplographExplorer.edges().map(e => e.style('label'))")
    assert labels and all(label[0] in "+−" and label[1:].isdigit() for label in labels)
    page.evaluate("window.diplographExplorer.getElementById('dgr:russia').emit('tap')")
    page.wait_for_selector("#panel ul.relations a", timeout=20_000)
    relations = page.locator("#panel ul.relations li").all_text_contents()
    assert len(relations) == len(set(relations))  # no duplicates
    assert page.locator("#panel a.around-link").get_attribute("href").startswith("/explore?view=entity")
    page.screenshot(path=str(ARTIFACTS / "explorer-stance.png"))
    # the view switcher: the neighbourhood of one entity, its edges directed and named
    page.select_option("#view", "neighbourhood")
    page.fill("#entity", "Poland")
    page.click("#views button")
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    assert "entity=Poland" in page.url
    ego = client.get("/export/cytoscape", params={"entity": "Poland"}).json()["elements"]
    assert int(page.get_attribute("#count", "data-nodes")) == len(ego["nodes"])
    edge_labels = set(page.evaluate("window.diplographExplorer.edges().map(e => e.style('label'))"))
    assert "member of" in edge_labels
    assert page.evaluate("window.diplographExplorer.edges()[0].style('target-arrow-shape')") == "triangle"
    assert problems == []
    page.close()


def test_explorer_fits_a_phone(browser, server):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server.url + "/explore")
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 392
    graph, panel = page.locator("#graph").bounding_box(), page.locator("#panel").bounding_box()
    assert graph["height"] > 300 and panel["y"] >= graph["y"] + graph["height"] - 1  # the graph above the panel
    page.screenshot(path=str(ARTIFACTS / "explorer-phone.png"))
    page.close()


def test_editor_page_runs_in_the_browser(browser, server):
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(server.url + "/sparql")
    page.wait_for_selector(".yasqe", timeout=60_000)
    assert problems == []
    page.close()
