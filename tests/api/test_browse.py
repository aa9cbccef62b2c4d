"""The analyst's web in real headless Chromium: what each page shows, checked against the same data as JSON.

Every page is the HTML form of a JSON resource at the same URL; the tests read the page as a user would (its
counts, rows, links, forms) and compare with what a program gets. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import pytest
from api.conftest import ARTIFACTS

DOCUMENT = "2025-11-30-peace-talks-putin-conditions"


@pytest.fixture
def page(browser, server):
    opened = browser.new_page(viewport={"width": 1300, "height": 900})
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    opened.problems = problems
    yield opened
    assert problems == [], problems
    opened.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_a_collection_is_a_table_with_facets_sorting_and_paging(page, server, client):
    data = client.get("/actors", params={"limit": 500}).json()
    page.goto(server.url + "/actors")
    assert page.text_content("h1") == "Actors"
    assert int(page.get_attribute("#total", "data-count")) == data["count"]
    assert page.locator("table.data tbody tr").count() == min(50, data["count"])
    assert page.locator("header nav a").count() == 8  # the same navigation on every page
    shot(page, "actors")
    # a facet narrows the table to its class, as the JSON filter does
    with page.expect_navigation():
        page.click("aside.facets a:text-is('dg:State')")
    states = client.get("/actors", params={"kind": "dg:State"}).json()
    assert page.locator("table.data tbody tr").count() == states["count"] == 43  # data/entities.ttl's states
    labels = page.locator("table.data tbody tr td:first-child").all_text_contents()
    assert set(labels) == {item["label"] for item in states["data"]}
    # a click on a heading sorts; a second click reverses
    page.click("table.data thead th:text-is('label')")
    ascending = page.locator("table.data tbody tr td:first-child").all_text_contents()
    assert ascending == sorted(ascending, key=str.casefold)
    page.click("table.data thead th:text-is('label')")
    assert page.locator("table.data tbody tr td:first-child").all_text_contents() == ascending[::-1]
    # the same page as data
    csv = client.get(page.get_attribute("p.formats a:text-is('CSV')", "href"))
    assert csv.headers["content-type"].startswith("text/csv") and "Poland" in csv.text
    page.goto(server.url + "/actors?limit=5")
    with page.expect_navigation():
        page.click("a[rel=next]")
    assert "offset=5" in page.url and page.locator("table.data tbody tr").count() == 5


def test_a_canned_query_is_a_form_and_its_answer(page, server, client):
    page.goto(server.url + "/queries")
    with page.expect_navigation():
        page.click("a:text-is('Demands, by whom and of whom')")
    assert page.url.endswith("/queries/demands")
    page.fill("#f-by", "Moscow")
    with page.expect_navigation():  # the answer is a new page: wait for it
        page.click("form.params button")
    assert "by=Moscow" in page.url
    expected = client.get("/queries/demands", params={"by": "Moscow"}).json()
    assert int(page.get_attribute("#row-count", "data-count")) == expected["count"] == 3
    # the demand column shows each demand's label, linked to its page
    links = page.locator("table.data tbody td:first-child a").all_text_contents()
    assert set(links) == {row["demandLabel"] for row in expected["rows"]}
    assert page.locator("table.data tbody td:first-child a").first.get_attribute("href").startswith("/id/demand-")
    # every date comes with what kind of date it is
    assert "said before the document, not after this date" in page.text_content("table.data")
    shot(page, "query-demands")


def test_a_bad_parameter_is_said_on_the_page(page, server):
    response = page.goto(server.url + "/queries/demands?by=Moskow")
    assert response.status == 404
    page.problems.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    assert "did you mean 'Moscow'?" in page.text_content(".problem")
    assert page.input_value("#f-by") == "Moskow"  # the form keeps what was typed


def test_an_analysis_is_a_form_and_tables(page, server, client):
    conflicts = client.get("/analysis/conflicts").json()["result"]
    page.goto(server.url + "/analysis/conflicts")
    assert int(page.get_attribute("#row-count", "data-count")) == len(conflicts)
    assert "read-as-incompatible" in page.text_content("ul.rules")
    page.goto(server.url + "/analysis/paths")
    assert page.locator(".problem").count() == 0  # asks for its entities instead of failing
    page.fill("#f-source", "Poland")
    page.fill("#f-target", "Moscow")
    with page.expect_navigation():  # the answer is a new page: wait for it
        page.click("form.params button")
    assert page.locator("h2:text-is('Path 1')").count() == 1
    shot(page, "analysis-paths")


def test_the_positions_matrix_is_a_grid_of_stances_with_their_quotes_and_dates(browser, server, client):
    result = client.get("/analysis/matrix").json()["result"]
    desktop = browser.new_page(viewport={"width": 1400, "height": 900})
    desktop.goto(server.url + "/analysis/matrix")
    rows = desktop.locator("table.matrix tbody tr")
    assert rows.count() == len(result["actors"])
    assert desktop.locator("table.matrix thead th").count() == len(result["issues"]) + 1
    # a cell: the sign and the word (never colour alone), then its quotes one click away
    russia = next(c for c in result["cells"] if (c["actor"], c["issue"]) == ("dgr:russia", "dg:IssueForceLimits"))
    cell = desktop.locator("table.matrix tbody tr", has_text="Russia").locator("td.stance-demands").first
    assert "▲ demands" in cell.inner_text()
    assert not cell.locator("blockquote").first.is_visible()
    cell.locator("summary").click()
    assert russia["quotes"][0] in cell.inner_text()
    # the date fields move the map: before the article's date nothing is known
    assert desktop.get_attribute("#f-as_of", "type") == "date"
    desktop.fill("#f-as_of", "2025-11-01")
    with desktop.expect_navigation():  # the answer is a new page: wait for it
        desktop.click("form.params button")
    assert desktop.locator("table.matrix tbody tr").count() == 0
    desktop.goto(server.url + "/analysis/matrix")
    shot(desktop, "matrix-desktop")
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(server.url + "/analysis/matrix")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 392  # the grid scrolls in its own box
    shot(phone, "matrix-phone")
    desktop.close()
    phone.close()


def test_the_source_reader_highlights_every_quote_and_says_what_it_supports(page, server, client):
    quotes = client.get("/sparql", params={"query": f"SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE {{ ?e oa:hasSource "
                                                    f"dgs:{DOCUMENT} ; oa:hasSelector/oa:exact ?q }}"},
                        headers={"Accept": "application/sparql-results+json"}).json()
    page.goto(server.url + f"/source/{DOCUMENT}")
    page.wait_for_selector("body[data-ready=true]")
    assert int(page.get_attribute("#quote-count", "data-count")) == int(quotes["results"]["bindings"][0]["n"]["value"])
    assert page.locator("p.uncited").filter(has_text="Leave a Reply").count() == 1  # page furniture: cited by nothing
    page.locator("mark", has_text="Ukraine refuses.").first.click()
    panel = page.locator("#supports")
    assert "Ukraine refuses Putin's conditions" in panel.text_content()
    assert "asserted by Ukraine" in panel.text_content() and "reported" in panel.text_content()
    shot(page, "reader")


def test_a_quote_on_an_entity_page_opens_in_context(page, server):
    page.goto(server.url + "/id/position-ukraine-refuses-putin-conditions")
    page.click("a.in-context")
    page.wait_for_selector("body[data-ready=true]")
    assert page.url.split("#")[0].endswith(f"/source/{DOCUMENT}")
    assert page.locator("mark.target").all_text_contents() == ["Ukraine refuses."]
    assert "Ukraine refuses." in page.text_content("#supports blockquote")


def test_a_missing_page_is_readable_with_a_way_back(page, server):
    response = page.goto(server.url + "/id/no-such-thing")
    assert response.status == 404
    page.problems.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
    assert "404" in page.text_content("h1") and "no-such-thing" in page.text_content(".problem")
    assert page.locator("a:text-is('Home')").get_attribute("href") == "/"


def test_the_graphs_page_lists_every_named_graph(page, server, client):
    stats = client.get("/stats").json()
    page.goto(server.url + "/graphs")
    assert page.locator("table.data").first.locator("tbody tr").count() == len(stats["graphs"])
    assert page.text_content("#triples") == f"{stats['triples']:,}"


def test_the_editor_knows_the_prefixes_of_the_examples(page, server):
    page.goto(server.url + "/sparql")
    page.wait_for_selector(".yasqe .CodeMirror")
    for index in range(page.locator(".examples button").count()):
        page.locator(".examples button").nth(index).click()
        page.wait_for_timeout(150)  # the checker runs after an edit
        assert page.locator(".yasqe .parseErrorIcon").count() == 0, page.locator(".examples button").nth(
            index).text_content()
    shot(page, "editor")


def test_pages_fit_a_phone(browser, server):
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    for path in ("/actors", f"/source/{DOCUMENT}", "/queries/demands?by=Moscow"):
        phone.goto(server.url + path)
        # the page itself never scrolls sideways (a wide table scrolls inside its own box)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 392, path
    shot(phone, "phone-reader")
    phone.close()


def test_the_review_view_shows_drafted_candidates_with_their_proposal(browser, tmp_path):
    """The source reader over a document with drafted candidates: each highlighted, its proposal and commands."""
    from datetime import date
    from pathlib import Path

    from api.conftest import Server
    from conftest import ProjectCopy

    from diplograph.documents import add_source
    from diplograph.drafting import draft
    from diplograph.graph import KnowledgeGraph

    project = ProjectCopy(tmp_path)
    fixture = Path(__file__).parents[1] / "fixtures" / "2026-01-20-made-up-moscow-briefing.txt"
    slug, _ = add_source(project.layout, fixture, title="Moscow hardens its line (made up)", day=date(2026, 1, 20))
    graph = KnowledgeGraph(project.layout)
    graph.load()
    pending = draft(graph, slug)
    server = Server("--data", str(project.layout.data), "--ontology", str(project.layout.ontology),
                    env={"DIPLOGRAPH_CACHE": str(tmp_path / "cache")})
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(server.url + f"/source/{slug}?view=review")
        page.wait_for_selector("body[data-ready=true]")
        assert int(page.get_attribute("#candidate-count", "data-count")) == len(pending) == page.locator(
            "mark.candidate").count()
        rejection = next(c for c in pending if c.sentence.startswith("On January 19, Putin rejected"))
        page.locator("mark.candidate", has_text="On January 19, Putin rejected").click()
        panel = page.text_content("#supports")
        assert "Drafted: Position (Reported)" in panel and "said on: 2026-01-19 (DayPrecision)" in panel
        assert f"diplograph review {slug} --accept {rejection.id}" in panel
        shot(page, "review")
    finally:
        page.close()
        server.stop()


def test_the_editor_shows_a_failed_query_as_the_services_problem_with_its_place(page, server):
    page.goto(server.url + "/queries/demands")
    page.click("summary")  # the query's SPARQL, and a link that opens it in the editor
    page.click("a.open-in-editor")
    page.wait_for_selector(".yasqe .CodeMirror")
    assert "dg:demandedBy" in page.evaluate("yasgui.getTab().getQuery()")
    page.evaluate("yasgui.getTab().setQuery('SELECT * WHERE { ?s ?p }'); null")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr .service-problem")
    shown = page.text_content(".yasr .service-problem")
    assert "400 · Malformed SPARQL" in shown and "At line 1, column 18." in shown
    page.problems.remove("Failed to load resource: the server responded with a status of 400 (Bad Request)")


def test_a_reviewer_works_through_the_queue_from_the_keyboard(browser, tmp_path):
    """The review queue: candidates in reading order, j/k to move, e to edit, a to accept, r to reject; the
    vocabulary as choices, a second value added with +, the time of each decision recorded."""
    from datetime import date
    from pathlib import Path

    import httpx
    import yaml
    from api.conftest import UPDATE_TOKEN, Server
    from conftest import ProjectCopy
    from playwright.sync_api import expect

    from diplograph.documents import add_source
    from diplograph.drafting import draft
    from diplograph.graph import KnowledgeGraph
    from diplograph.review import proposed_fact, review_file

    project = ProjectCopy(tmp_path)
    fixture = Path(__file__).parents[1] / "fixtures" / "2026-01-20-made-up-moscow-briefing.txt"
    slug, sheet = add_source(project.layout, fixture, title="Moscow hardens its line (made up)",
                             day=date(2026, 1, 20))
    graph = KnowledgeGraph(project.layout)
    graph.load()
    text = fixture.read_text(encoding="utf-8")
    pending = sorted(draft(graph, slug), key=lambda c: text.find(c.sentence))  # the queue's order: reading order
    rejection = next(c for c in pending if c.sentence.startswith("On January 19, Putin rejected"))
    after = pending[pending.index(rejection) + 1]
    assert proposed_fact(rejection, slug)["holder"] == "dgr:putin"  # the speaker; the reviewer adds his state
    server = Server("--allow-review", "--data", str(project.layout.data), "--ontology", str(project.layout.ontology),
                    env={"DIPLOGRAPH_CACHE": str(tmp_path / "cache"), "DIPLOGRAPH_UPDATE_TOKEN": UPDATE_TOKEN})
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        page.goto(server.url + f"/source/{slug}?view=review")
        page.wait_for_selector("body[data-ready=true]")
        assert problems == []
        page.wait_for_selector("body[data-queue=ready]")
        assert page.text_content("#queue-position").startswith(f"Candidate 1 of {len(pending)}")
        for _ in range(pending.index(rejection)):
            page.keyboard.press("j")
        assert page.text_content("#queue-position").startswith(f"Candidate {pending.index(rejection) + 1} of")
        form = page.locator("#supports form.review")
        assert rejection.sentence in page.text_content("#supports")
        assert page.locator("mark.selected").first.text_content() in rejection.sentence
        # the vocabulary as choices, the proposal filled in
        assert form.locator("select[name=stance]").input_value() == "Rejects"
        offered = form.locator("select[name=stance] option").evaluate_all("options => options.map(o => o.value)")
        assert {"Rejects", "AcceptsAsBasis", "Supports"} <= set(offered)
        page.keyboard.press("e")
        assert page.evaluate("document.activeElement.name") == "type"
        page.keyboard.press("Escape")
        form.locator("input[name=token]").fill("wrong")
        page.keyboard.press("Escape")
        page.keyboard.press("a")
        page.wait_for_selector(".review-result.refused")
        assert "Token needed" in page.text_content(".review-result")
        form.locator("input[name=token]").fill(UPDATE_TOKEN)
        form.locator("input[name=label]").fill("Putin rejects the plan as a basis")
        form.locator("input[name=towards]").fill("dgr:28-point-plan")
        form.locator(".field", has=page.locator("input[name=holder]")).locator("button.more").click()
        form.locator("input[name=holder]").nth(1).fill("dgr:russia")
        shot(page, "review-queue")
        page.keyboard.press("Escape")  # the first closes the names' suggestions, the second leaves the field
        page.keyboard.press("Escape")
        page.keyboard.press("a")
        expect(page.locator(".review-result")).not_to_contain_text("Token", timeout=60_000)
        assert f"as dgr:position-{rejection.id}" in page.text_content(".review-result")
        written = yaml.safe_load(sheet.read_text(encoding="utf-8"))
        fact = next(f for f in written["@graph"] if f["id"] == f"dgr:position-{rejection.id}")
        assert fact["label"] == "Putin rejects the plan as a basis" and fact["towards"] == "dgr:28-point-plan"
        assert sorted(fact["holder"]) == ["dgr:putin", "dgr:russia"]
        fact_page = httpx.get(server.url + f"/id/position-{rejection.id}", headers={"Accept": "text/html"},
                              timeout=30)
        assert fact_page.status_code == 200 and "Putin rejects the plan as a basis" in fact_page.text
        # next, and reject from the keyboard
        page.keyboard.press("j")
        assert after.sentence in page.text_content("#supports")
        page.keyboard.press("r")
        page.wait_for_selector("#supports .review-result.done")
        assert "will not be proposed again" in page.text_content("#supports .review-result")
        assert "2 decided" in page.text_content("#queue-position")
        decisions = {c["id"]: c for c in yaml.safe_load(review_file(project.layout, slug).read_text())["candidates"]}
        assert decisions[rejection.id]["status"] == "accepted" and decisions[after.id]["status"] == "rejected"
        assert decisions[rejection.id]["seconds"] > 0 and decisions[after.id]["seconds"] >= 0
    finally:
        page.close()
        server.stop()


def test_review_is_refused_unless_enabled(client):
    response = client.post("/source/2025-11-30-peace-talks-putin-conditions/review/0123456789",
                           json={"action": "reject"}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403 and "--allow-review" in response.json()["detail"]


FACES = {
    "/entities/Moscow": ("Russia", "ul.statements > li"),
    "/entities/russia/neighbors": ("Around Russia", "table.data tbody tr"),
    "/paths?from=Poland&to=Moscow": ("How two entities connect", "table.data tbody tr"),
    "/actors/zelenskyy/timeline": ("Volodymyr Zelenskyy over time", "table.data tbody tr"),
    "/stats": ("Statistics", "table.data tbody tr"),
    "/feed": ("What is new", "table.data tbody tr"),
    "/operations": ("Operations", "table.data tbody tr"),
    "/export": ("Exports", "table.data tbody tr"),
}


@pytest.mark.parametrize("path", list(FACES))
def test_every_route_a_page_links_to_has_its_html_face(page, server, client, path):
    """A browser (its Accept) gets a page with the site's navigation where a program gets JSON, same data."""
    heading, rows = FACES[path]
    response = page.goto(server.url + path)
    assert response.status == 200 and response.headers["content-type"].startswith("text/html")
    assert page.locator("header nav a").count() == 8 and page.text_content("h1") == heading
    assert page.locator(rows).count() > 0
    data = client.get(path, headers={"Accept": "application/json"})
    assert data.status_code == 200 and data.headers["content-type"].startswith("application/json")
    count = {"/operations": "count", "/export": "count", "/feed": "count"}.get(path.split("?")[0])
    if count:
        assert page.locator(rows).count() == data.json()[count]


def test_a_name_that_is_not_an_iri_redirects_to_its_entity(client):
    moved = client.get("/id/Moscow", headers={"Accept": "text/html"}, follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == "/id/russia"
    assert client.get("/id/Moscow?format=turtle", follow_redirects=True).text == \
        client.get("/id/russia?format=turtle").text
    titled = client.get("/source/dgs:2025-11-30-peace-talks-putin-conditions", follow_redirects=False)
    assert titled.headers["location"] == "/source/2025-11-30-peace-talks-putin-conditions"


def test_a_web_problem_gives_web_hints_not_commands(page, server):
    response = page.goto(server.url + "/queries/demand")
    assert response.status == 404
    shown = page.text_content(".problem") + page.text_content("main")
    assert "did you mean 'demands'" in shown and "diplograph queries" not in shown
    assert page.get_attribute("main a:text-is('The canned queries')", "href") == "/queries"
    page.problems.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
