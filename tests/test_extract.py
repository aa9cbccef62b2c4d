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
from helpers import pdf_with

from diplograph.errors import DiplographError
from diplograph.extract import extract

DIPLOGRAPH = Path(sys.executable).with_name("diplograph")
FIXTURES = Path(__file__).parent / "fixtures"
PAGE = FIXTURES / "made-up-saved-article.html"
QUOTE = "Ukraine insists that every prisoner held since 2022 must be included before any other question is discussed."


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
    ("notes.docx", b"PK\x03\x04\x00\x00binary", "a ZIP archive (a Word, OpenDocument or EPUB file?)"),
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


CYRILLIC = ("Переговоры в Вене продолжаются: делегации обсуждают обмен пленными и условия прекращения огня, "
            "сообщили дипломаты.")


def page_in(encoding: str, *, declared: bool, title: str = "Переговоры у Відні") -> bytes:
    meta = f'<meta charset="{encoding}">' if declared else ""
    html = (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{CYRILLIC}</p><p>{CYRILLIC}</p></article></body></html>")
    return html.encode(encoding)


@pytest.mark.parametrize("declared", [True, False])
def test_a_windows_1251_page_is_read_in_its_encoding_declared_or_not(tmp_path, declared):
    path = tmp_path / "page.html"
    path.write_bytes(page_in("windows-1251", declared=declared))
    page = extract(path)
    assert CYRILLIC in page.text and "\ufffd" not in page.text
    assert page.title == "Переговоры у Відні" and page.encoding == "cp1251"


def test_an_undeclared_latin_1_page_is_read_correctly_and_an_ambiguous_text_is_refused(project, tmp_path):
    """Detection is taken only when it is unambiguous: French in Latin-1 read as cp1250 would turn "à Genève" into
    "ŕ Genčve"; with its markup the page has one best reading, the bare sentence several equally good ones."""
    sentence = ("Négociations à Genève: les délégations se réunissent à nouveau pour discuter du cessez-le-feu et "
                "des garanties de sécurité.")
    page = tmp_path / "geneve.html"
    page.write_bytes(f"<html><body><p>{sentence}</p></body></html>".encode("latin-1"))
    assert sentence in extract(page).text
    text = tmp_path / "geneve.txt"
    text.write_bytes(sentence.encode("latin-1"))
    before = sorted(str(p) for p in project.layout.data.rglob("*"))
    result = add(project, text, "--title", "Genève", "--date", "2026-02-01")
    assert result.returncode == 2 and "does not say its character encoding" in result.stderr
    assert "cp1252" in result.stderr and "<meta charset=" in result.stderr
    assert sorted(str(p) for p in project.layout.data.rglob("*")) == before


def test_a_declared_encoding_the_bytes_do_not_fit_is_refused(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(page_in("utf-8", declared=False).replace(b"<head>", b'<head><meta charset="us-ascii">')
                     .replace(b"<title>", b"<title>\x81"))
    with pytest.raises(DiplographError, match=r"declares us-ascii cp1252, but byte 0x81"):
        extract(path)


def test_a_cyrillic_title_gives_a_readable_name_and_the_text_validates(project, tmp_path):
    path = tmp_path / "Переговоры у Відні.html"
    path.write_bytes(page_in("windows-1251", declared=True))
    result = add(project, path, "--date", "2026-02-21")
    assert result.returncode == 0, result.stderr
    assert (project.layout.documents_dir / "2026-02-21-peregovory-u-vidni.yaml").is_file()
    text = (project.layout.sources_dir / "2026-02-21-peregovory-u-vidni.txt").read_text(encoding="utf-8")
    assert CYRILLIC in text
    check = subprocess.run([str(DIPLOGRAPH), "validate", "--data", str(project.layout.data), "--ontology",
                            str(project.layout.ontology)], capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stderr


def test_a_text_with_replacement_characters_is_reported_by_validate_with_its_line(project, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Talks resumed in Vienna on Monday.\nThe delegations met.\n", encoding="utf-8")
    assert add(project, path, "--title", "Notes", "--date", "2026-02-01").returncode == 0
    slug = "2026-02-01-notes"
    damaged = "Talks resumed in Vienna on Monday.\nThe delegations met in Gen\ufffdve.\n".encode()
    (project.layout.sources_dir / f"{slug}.txt").write_bytes(damaged)
    sheet = project.layout.documents_dir / f"{slug}.yaml"
    sheet.write_text(sheet.read_text().replace(hashlib.sha256(path.read_bytes()).hexdigest(),
                                               hashlib.sha256(damaged).hexdigest()))
    check = subprocess.run([str(DIPLOGRAPH), "validate", "--data", str(project.layout.data), "--ontology",
                            str(project.layout.ontology)], capture_output=True, text=True, timeout=300)
    assert check.returncode == 1
    assert f"data/sources/{slug}.txt:2: replacement character U+FFFD" in check.stderr


@pytest.mark.parametrize("name, content, fragment", [
    ("random.pdf", bytes(range(256)) * 40, "binary data, not text"),
    ("report.pdf", b"The ministers met in Vienna and agreed to meet again.\n", "named .pdf, but it is plain text"),
    ("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(200), "a PNG image"),
    ("paper.html", pdf_with(["A PDF saved under the wrong name."]), "named .html, but it is a PDF"),
])
def test_a_file_is_judged_by_its_bytes_not_its_name(project, tmp_path, name, content, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    result = add(project, path, "--title", "T", "--date", "2026-02-01")
    assert result.returncode == 2 and fragment in result.stderr, result.stderr


def test_a_document_past_the_size_limit_is_refused_with_the_setting_that_raises_it(project, tmp_path):
    path = tmp_path / "huge.html"
    paragraph = b"<p>The delegations met again and exchanged lists of prisoners held since 2022.</p>\n"
    with path.open("wb") as handle:
        handle.write(b"<!DOCTYPE html><html><body><article>")
        handle.write(paragraph * (30_000_000 // len(paragraph)))
        handle.write(b"</article></body></html>")
    before = sorted(str(p) for p in project.layout.data.rglob("*"))
    result = add(project, path, "--title", "T", "--date", "2026-02-01")
    assert result.returncode == 2 and "larger than the limit of 10 MB" in result.stderr
    assert "DIPLOGRAPH_MAX_DOCUMENT_MB" in result.stderr
    assert sorted(str(p) for p in project.layout.data.rglob("*")) == before
