"""Documents in the forms users have them: plain text, a saved HTML page, a PDF — turned into the text quotes cite.

A quote must occur verbatim in its source's text, so every document is kept
as one normalised UTF-8 text (what the fact sheet's quotes are checked
against) beside the original file and its SHA-256 (what was received). The
main text and metadata of a web page (title, date, publisher, URL) come from
trafilatura, which drops navigation, comments and other page furniture; a
PDF's text layer from pypdf. What cannot be read is refused with a reason,
before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import DiplographError

__all__ = ["Extracted", "extract"]

_HTML_START = re.compile(rb"\s*(<!doctype html|<html|<head|<body|<meta|<title|<div|<p[ >])", re.IGNORECASE)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_FEWEST_WORDS = 10
"""Fewer words than this extracted from a page: menus and buttons, not an article."""


@dataclass(frozen=True)
class Extracted:
    """A document's text as quotes will cite it, what kind of file it came from, and what the file says of itself."""

    text: str
    kind: str
    """"text", "html" or "pdf"."""
    title: str | None = None
    day: date | None = None
    publisher: str | None = None
    url: str | None = None


def extract(path: Path) -> Extracted:
    """The text and metadata of the document in ``path``.

    Raises
    ------
    DiplographError
        for a missing file, a folder, text that is not UTF-8, binary data, a PDF without a text layer (scanned) or
        with a password, and an HTML page with no article text.
    """
    if not path.exists():
        raise DiplographError(f"{path}: no such file")
    if not path.is_file():
        raise DiplographError(f"{path}: not a file")
    raw = path.read_bytes()
    if raw.startswith(b"%PDF-"):
        return _pdf(path, raw)
    if _HTML_START.match(raw[:512]) or path.suffix.lower() in _HTML_SUFFIXES:
        return _html(path, raw)
    return Extracted(_utf8(path, raw), "text")


def _utf8(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DiplographError(f"{path}: not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
                              f"convert it first, e.g. iconv -f latin1 -t utf-8 {path.name} > converted.txt") from None
    if "\x00" in text:
        raise DiplographError(f"{path}: binary data, not text (a word-processor file? save it as PDF or text)")
    return text


def _html(path: Path, raw: bytes) -> Extracted:
    import trafilatura

    document = trafilatura.bare_extraction(raw.decode("utf-8", errors="replace"), include_comments=False,
                                           include_tables=True, with_metadata=True, favor_precision=True)
    text = (document.text if document is not None else "") or ""
    if len(text.split()) < _FEWEST_WORDS:
        raise DiplographError(f"{path}: an HTML page in which no article text was found (a page of links, or one "
                              "that loads its text with scripts); save the article's text as UTF-8 and add that")
    day = None
    if document.date:
        try:
            day = date.fromisoformat(document.date[:10])
        except ValueError:
            day = None
    return Extracted(_normalised(text), "html", title=document.title or None, day=day,
                     publisher=document.sitename or None, url=document.url or None)


def _pdf(path: Path, raw: bytes) -> Extracted:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about damaged files: the error says enough

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise DiplographError(f"{path}: a PDF protected by a password; save an unprotected copy and add that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as error:
        raise DiplographError(f"{path}: a PDF that cannot be read ({error})") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise DiplographError(f"{path}: a PDF with no text layer (a scanned document?); run OCR on it first, "
                              "e.g. ocrmypdf, and add the result")
    info = reader.metadata or {}
    title = str(info.get("/Title") or "").strip() or None
    day = _pdf_date(str(info.get("/CreationDate") or ""))
    return Extracted(_normalised(text), "pdf", title=title, day=day)


def _pdf_date(value: str) -> date | None:
    """A PDF date ("D:20260112093000+01'00'") as a date, if it is one."""
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})", value)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _normalised(text: str) -> str:
    """NFC, Unix line ends, no trailing spaces, at most one blank line in a row, one final newline."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
