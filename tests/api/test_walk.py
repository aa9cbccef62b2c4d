"""A user's path through the web pages in headless Chromium, at a desktop and a phone width, offline and accessible.

Each step asserts what the page shows against the JSON API. Every request the pages make must go to this server
(the network log), and axe-core (vendored, tests/vendor/axe-core) must find no serious or critical violation on the
main pages. Screenshots of each step at 1400 and 390 px go to tests/artifacts/screens/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from api.conftest import ARTIFACTS

DOCUMENT = "2025-11-30-peace-talks-putin-conditions"
AXE = Path(__file__).parents[1] / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1400, "phone": 390}


class Walk:
    """A page that records every request and takes a screenshot of each step."""

    def __init__(self, browser, server, width_name: str):
        self.server = server
        self.width_name = width_name
        self.page = browser.new_page(viewport={"width": WIDTHS[width_name], "height": 900})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def shot(self, step: str) -> None:
        folder = ARTIFACTS / "screens"
        folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(folder / f"{step}-{self.width_name}.png"))

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests
                if not url.startswith((self.server.url + "/", "data:", "blob:", "about:"))]


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_a_users_walk_through_the_graph(browser, server, client, width):
    walk = Walk(browser, server, width)
    page = walk.page
    page.goto(server.url + "/")
    walk.shot("1-home")
    with page.expect_navigation():
        page.click("ul.counts a:text-is('actors')")
    actors = client.get("/actors", params={"limit": 500}).json()
    assert int(page.get_attribute("#total", "data-count")) == actors["count"]
    walk.shot("2-actors")
    with page.expect_navigation():
        page.click("aside.facets a:text-is('dg:State')")
    states = client.get("/actors", params={"kind": "State"}).json()["count"]
    assert page.locator("table.data tbody tr").count() == states
    with page.expect_navigation():
        page.click("table.data a[href='/id/ukraine']")
    assert page.text_content("h1") == "Ukraine"
    statements = page.text_content("ul.statements")
    assert "asserted by Ukraine" in statements and "dgr:" not in statements  # names, not IRIs
    timeline = client.get("/actors/ukraine/timeline").json()["rows"]
    assert page.locator("table.timeline tbody tr").count() == len({(r["statement"], r["role"]) for r in timeline})
    assert page.locator("table.conflicts tbody tr").count() > 0
    walk.shot("3-entity")
    refusal = page.locator("ul.statements > li", has_text="Ukraine refuses Putin's conditions")
    refusal.locator("a.in-context").first.click()
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("mark.target").all_text_contents() == ["Ukraine refuses."]
    walk.shot("4-reader")
    page.go_back()
    assert page.text_content("h1") == "Ukraine"
    # a canned query through its form
    page.goto(server.url + "/queries/cq05-principles-of-actor")
    page.fill("#f-holder", "Europe")
    with page.expect_navigation():  # the answer is a new page: wait for it
        page.click("form.params button")
    expected = client.get("/queries/cq05-principles-of-actor", params={"holder": "Europe"}).json()
    assert int(page.get_attribute("#row-count", "data-count")) == expected["count"] == 1
    walk.shot("5-query")
    page.goto(server.url + "/analysis/coalitions")
    camps = page.locator("ol.groups li").all_text_contents()  # the camps, in names
    assert any("Russia" in camp and "Vladimir Putin" in camp and "Ukraine" not in camp for camp in camps)
    walk.shot("6-analysis")
    # the editor runs an example without an error marker, and a result opens a local page
    page.goto(server.url + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click(".examples button:text-is('Actors')")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr a[href$='/diplograph/id/ukraine']", timeout=30_000)
    assert page.locator(".yasqe .parseErrorIcon").count() == 0
    walk.shot("7-editor")
    assert page.text_content(".yasr a[href$='/diplograph/id/ukraine']") == "dgr:ukraine"  # a prefixed name
    page.locator(".yasr a[href$='/diplograph/id/ukraine']").first.click()
    page.wait_for_url("**/id/ukraine")
    assert page.url == server.url + "/id/ukraine"  # this server's page, not w3id.org
    # the explorer: legend, an edge label, a node's panel with links
    page.goto(server.url + "/explore")
    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
    assert page.locator("#classes .swatch").count() >= 2
    assert page.evaluate("window.diplographExplorer.edges()[0].style('label')")[0] in "+−"
    page.evaluate("window.diplographExplorer.getElementById('dgr:ukraine').emit('tap')")
    page.wait_for_selector("#panel ul.relations a")
    walk.shot("8-explorer")
    assert walk.foreign_requests() == []  # nothing fetched from outside the server
    assert walk.errors == []
    page.close()


@pytest.mark.parametrize("path", ["/", "/actors", "/id/ukraine", f"/source/{DOCUMENT}", "/queries/demands?by=Moscow",
                                  "/analysis/matrix?as_of=2025-12-01"])
def test_no_serious_accessibility_violation(browser, server, path):
    # axe-core is injected as an inline script, which the pages' policy forbids: this test's browser ignores it
    page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    page.goto(server.url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
    page.close()
