"""Documents in the forms users have them: a saved HTML page and a PDF become text that quotes can cite.

Through the real command: `diplograph add-source` on a saved news page (made up for the tests) and on PDFs built
here byte by byte; what is extracted, what metadata is recorded, the original kept with its SHA-256, quotes from
the extracted text validating, and what cannot be read refused with nothing written.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from diplograph.extract import extract

DIPLOGRAPH = Path(sys.executable).with_name("diplograph")
FIXTURES = Path(__file__).parent / "fixtures"
PAGE = FIXTURES / "made-up-saved-article.html"
QUOTE = "Ukraine insists that every prisoner held since 2022 must be included before any other question is discussed."


def pdf_with(lines: list[str], *, info: dict[str, str] | None = None) -> bytes:
    """A minimal, valid one-page PDF whose text layer holds ``lines`` (an empty list: a page with no text)."""
    text = "".join(f"BT /F1 12 Tf 72 {720 - 16 * i} Td ({line}) Tj ET\n" for i, line in enumerate(lines))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text.encode()) + text.encode() + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if info:
        objects.append(("<< " + " ".join(f"/{k} ({v})" for k, v in info.items()) + " >>").encode())
    body, offsets = b"%PDF-1.4\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objects) + 1) + (b" /Info %d 0 R" % len(objects) if info else b"")
    return body + b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref


def add(project, path: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(DIPLOGRAPH), "add-source", str(path), *options, "--data", str(project.layout.data),
                           "--ontology", str(project.layout.ontology)], capture_output=True, text=True, timeout=120)


def test_a_saved_web_page_gives_its_article_and_its_metadata():
    page = extract(PAGE)
    assert page.kind == "html"
    assert "Ukraine insists that every prisoner held since 2022 must be included" in page.text
    for furniture in ("Subscribe now", "newsletter", "Great article", "Privacy · Cookies"):
        assert furniture not in page.text, furniture
    assert page.title == "Envoys meet in Vienna on prisoner exchange"
    assert page.day is not None and page.day.isoformat() == "2026-02-03"
    assert page.publisher == "The Made-Up Courier"
    assert page.url == "https://courier.example.org/2026/02/03/vienna-exchange"


def test_add_source_of_a_web_page_keeps_the_original_and_quotes_validate(project):
    result = add(project, PAGE)
    assert result.returncode == 0, result.stderr
    slug = "2026-02-03-made-up-saved-article"
    text = (project.layout.sources_dir / f"{slug}.txt").read_text(encoding="utf-8")
    assert "Russia said it would consider a phased exchange, beginning with the wounded." in text
    original = project.layout.sources_dir / "originals" / f"{slug}.html"
    assert original.read_bytes() == PAGE.read_bytes()
    sheet_path = project.layout.documents_dir / f"{slug}.yaml"
    header = yaml.safe_load(sheet_path.read_text())["@graph"][0]
    assert header["title"] == "Envoys meet in Vienna on prisoner exchange" and str(header["issued"]) == "2026-02-03"
    assert header["publisher"] == "The Made-Up Courier"
    assert header["originalSha256"] == hashlib.sha256(PAGE.read_bytes()).hexdigest()
    assert header["sha256"] == hashlib.sha256(text.encode()).hexdigest()
    # a fact quoting the extracted text validates; the original, changed, is caught
    sheet = sheet_path.read_text() + f"""  - id: dgr:demand-all-prisoners-first
    type: Demand
    label: Every prisoner held since 2022 must be included first
    demandedBy: Kyiv
    demandedOf: Moscow
    callsFor: [Negotiation]
    attributedTo: dgr:ukraine
    assertionMode: Reported
    datePrecision: AsOfDocument
    derivedFrom: dgs:{slug}
    evidence:
      - source: dgs:{slug}
        selector: {{type: TextQuoteSelector, exact: "{QUOTE}"}}
"""
    sheet_path.write_text(sheet)
    check = subprocess.run([str(DIPLOGRAPH), "validate", "--data", str(project.layout.data), "--ontology",
                            str(project.layout.ontology)], capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stderr
    original.write_bytes(PAGE.read_bytes() + b"<!-- edited -->")
    check = subprocess.run([str(DIPLOGRAPH), "validate", "--data", str(project.layout.data), "--ontology",
                            str(project.layout.ontology)], capture_output=True, text=True, timeout=300)
    assert check.returncode == 1 and "is not the one registered" in check.stderr


def test_add_source_of_a_pdf_takes_its_text_layer_and_its_metadata(project, tmp_path):
    path = tmp_path / "communique.pdf"
    path.write_bytes(pdf_with(["The ministers agreed to meet again in March.", "No date was set for a ceasefire."],
                              info={"Title": "Joint communique", "CreationDate": "D:20260205120000Z"}))
    result = add(project, path)
    assert result.returncode == 0, result.stderr
    slug = "2026-02-05-communique"
    text = (project.layout.sources_dir / f"{slug}.txt").read_text()
    assert "The ministers agreed to meet again in March." in text and "No date was set for a ceasefire." in text
    header = yaml.safe_load((project.layout.documents_dir / f"{slug}.yaml").read_text())["@graph"][0]
    assert header["title"] == "Joint communique" and header["originalFile"] == f"sources/originals/{slug}.pdf"


@pytest.mark.parametrize("name, content, fragment", [
    ("scan.pdf", pdf_with([]), "a PDF with no text layer (a scanned document?)"),
    ("links.html", b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>",
     "no article text was found"),
    ("notes.docx", b"PK\x03\x04\x00\x00binary", "binary data, not text"),
])
def test_what_cannot_be_read_is_refused_with_nothing_written(project, tmp_path, name, content, fragment):
    before = sorted(str(p) for p in project.layout.data.rglob("*"))
    path = tmp_path / name
    path.write_bytes(content)
    result = add(project, path, "--title", "T", "--date", "2026-02-01")
    assert result.returncode == 2 and fragment in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sorted(str(p) for p in project.layout.data.rglob("*")) == before


def test_a_text_file_without_title_or_date_asks_for_them(project, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Talks resumed.\n")
    result = add(project, path)
    assert result.returncode == 2 and "--title and --date needed (the text file does not say)" in result.stderr
