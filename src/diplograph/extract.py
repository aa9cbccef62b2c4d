"""Documents in the forms users have them: plain text, a saved HTML page, a PDF — turned into the text quotes cite.

A quote must occur verbatim in its source's text, so every document is kept
as one normalised UTF-8 text (what the fact sheet's quotes are checked
against) beside the original file and its SHA-256 (what was received). The
main text and metadata of a web page (title, date, author, publisher, URL)
come from trafilatura, which drops navigation, comments and other page
furniture; a PDF's text layer from pypdf.

A file is judged by its first bytes, not its name: a PDF named ``.html`` or
random bytes named ``.pdf`` are refused naming what they are. Text is decoded,
never guessed into damage: by its byte-order mark, else by the charset the
page declares, else as UTF-8, else by detection (charset_normalizer) when the
detection is unambiguous — else refused, saying why. What cannot be read is
refused with a reason, before anything is written.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import DiplographError
from .settings import DEFAULT_MAX_DOCUMENT_MB

__all__ = ["CONTROL_CHARACTERS", "Extracted", "decode", "extract", "sniff"]


_HTML_START = re.compile(rb"\s*(<!doctype html|<html|<head|<body|<meta|<title|<div|<p[ >]|<!--|<\?xml[^>]*>\s*"
                         rb"(<!doctype html|<html))", re.IGNORECASE)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_FEWEST_WORDS = 10
"""Fewer words than this extracted from a page: menus and buttons, not an article."""
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
                       re.IGNORECASE)
_WEB_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                "us-ascii": "cp1252", "ascii": "cp1252", "l1": "cp1252"}
"""Labels browsers read as windows-1252 (the WHATWG Encoding Standard), so must we."""
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""Control characters no text should carry (tab, line feed, form feed and carriage return aside)."""

_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (a Word, OpenDocument or EPUB file?); save it as PDF or text and add that"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file; save it as PDF or text and add that"),
    (b"{\\rtf", "an RTF document; save it as PDF or text and add that"),
    (b"\x89PNG", "a PNG image; run OCR on it (e.g. ocrmypdf) and add the result"),
    (b"\xff\xd8\xff", "a JPEG image; run OCR on it (e.g. ocrmypdf) and add the result"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image; run OCR on it (e.g. ocrmypdf) and add the result"),
    (b"MM\x00*", "a TIFF image; run OCR on it (e.g. ocrmypdf) and add the result"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive; unpack it first"),
    (b"Rar!", "a RAR archive; unpack it first"),
)


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
    author: str | None = None
    encoding: str = "utf-8"
    """The character encoding the file was read in (a PDF's text layer is Unicode: "utf-8")."""

    @property
    def unchanged(self) -> bool:
        """Whether the text is the file's own bytes (UTF-8 plain text): then no separate original is kept."""
        return self.kind == "text" and self.encoding == "utf-8"


def sniff(raw: bytes) -> tuple[str, str | None]:
    """What ``raw`` is by its first bytes: ("pdf" | "html" | "text" | "other", what to call it when refused).

    >>> sniff(b"%PDF-1.7 ...")[0], sniff(b"<!DOCTYPE html><p>x")[0], sniff(b"Kyiv, 3 March")[0]
    ('pdf', 'html', 'text')
    >>> sniff(b"PK\\x03\\x04...")
    ('other', 'a ZIP archive (a Word, OpenDocument or EPUB file?); save it as PDF or text and add that')
    """
    if b"%PDF-" in raw[:1024]:
        return "pdf", "a PDF"
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            return "other", what
    if raw[:12].startswith(b"RIFF") and raw[8:12] == b"WEBP":
        return "other", "a WebP image"
    body = next((raw[len(bom):] for bom, _ in _BOMS if raw.startswith(bom)), raw)
    if any(raw.startswith(bom) for bom, name in _BOMS if name.startswith("utf-16")):
        body = body.decode("utf-16", errors="ignore").encode("utf-8")
    if _HTML_START.match(body[:1024]):
        return "html", "an HTML page"
    head = body[:8192]
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) // 100:
        return "other", "binary data, not text (a word-processor file? save it as PDF or text)"
    return "text", "plain text"


def extract(path: Path, *, max_mb: float = DEFAULT_MAX_DOCUMENT_MB) -> Extracted:
    """The text and metadata of the document in ``path``.

    Raises
    ------
    DiplographError
        for a missing file, a folder, a file larger than ``max_mb`` megabytes, a file whose content is not what its
        name says, text whose encoding cannot be known, binary data, a PDF without a text layer (scanned) or with a
        password, and an HTML page with no article text.
    """
    if not path.exists():
        raise DiplographError(f"{path}: no such file")
    if not path.is_file():
        raise DiplographError(f"{path}: not a file")
    size = path.stat().st_size
    if size > max_mb * 1_000_000:
        raise DiplographError(f"{path}: {size / 1e6:,.1f} MB, larger than the limit of {max_mb:g} MB for one "
                              "document (DIPLOGRAPH_MAX_DOCUMENT_MB); split it, or raise the limit")
    raw = path.read_bytes()
    kind, what = sniff(raw)
    suffix = path.suffix.lower()
    if kind == "other":
        raise DiplographError(f"{path}: {what}")
    if suffix == ".pdf" and kind != "pdf":
        raise DiplographError(f"{path}: named .pdf, but it is {what}, not a PDF; rename it if it is the document")
    if suffix in _HTML_SUFFIXES and kind == "pdf":
        raise DiplographError(f"{path}: named {suffix}, but it is a PDF; rename it to .pdf")
    if kind == "pdf":
        return _pdf(path)
    if kind == "html" or suffix in _HTML_SUFFIXES:
        return _html(path, raw)
    text, encoding = decode(path, raw, html=False)
    return Extracted(text if encoding == "utf-8" else _normalised(text), "text", encoding=encoding)


def decode(path: Path, raw: bytes, *, html: bool) -> tuple[str, str]:
    """``raw`` as text, and the encoding it was read in: its BOM's, the page's declared charset, UTF-8, or an
    unambiguous detection.

    Raises
    ------
    DiplographError
        when a declared charset is unknown or does not fit the bytes, or no encoding can be told for sure.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _strict(path, raw[len(bom):], name, "its byte-order mark says"), name
    if html:
        declared = _DECLARED.search(raw[:4096])
        if declared:
            label = (declared.group(1) or declared.group(2)).decode("ascii").lower()
            try:
                name = codecs.lookup(_WEB_ALIASES.get(label, label)).name
            except LookupError:
                raise DiplographError(f"{path}: the page declares the character encoding {label!r}, which is "
                                      "unknown; convert it to UTF-8 and add that") from None
            return _checked(path, _strict(path, raw, name, f"the page declares {label}")), name
    try:
        return _checked(path, raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    name = _detected(path, raw)
    return _checked(path, raw.decode(name)), name


def _strict(path: Path, raw: bytes, encoding: str, why: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise DiplographError(f"{path}: {why} {encoding}, but byte 0x{raw[error.start]:02x} at offset {error.start} "
                              f"is not {encoding}; convert the file to UTF-8 and add that") from None


_COMMON = ("cp1252", "cp1251", "cp1250", "iso8859_15", "koi8_r", "cp1253", "cp1254", "cp1257")
"""Encodings most text in the wild is in, named first when several fit."""


def _detected(path: Path, raw: bytes) -> str:
    """The encoding charset_normalizer finds, when every equally good candidate reads the bytes the same way."""
    from charset_normalizer import from_bytes

    error = raw.decode("utf-8", errors="replace").find("\ufffd")
    where = f"not UTF-8 text (byte 0x{raw[error]:02x} at offset {error})" if 0 <= error < len(raw) else \
        "not UTF-8 text"
    matches = list(from_bytes(raw))
    if not matches:
        raise DiplographError(f"{path}: {where}, nor text in any encoding that could be recognised; convert it to "
                              "UTF-8 (e.g. iconv -f ENCODING -t utf-8) and add that")
    best = min((m.percent_chaos, -m.percent_coherence) for m in matches)
    top = [m for m in matches if (m.percent_chaos, -m.percent_coherence) == best]
    if len({str(m) for m in top}) > 1:
        names = sorted({m.encoding for m in top}, key=lambda n: (_COMMON.index(n) if n in _COMMON else 99, n))
        listed = ", ".join(names[:4]) + (f" or {len(names) - 4} more" if len(names) > 4 else "")
        raise DiplographError(f"{path}: {where}, and it does not say its character encoding: {listed} would each "
                              f"read it differently. Declare it (<meta charset=…>) or convert it to UTF-8 (e.g. "
                              f"iconv -f {names[0]} -t utf-8) and add that")
    return top[0].encoding


def _checked(path: Path, text: str) -> str:
    """``text`` if it has no control characters that no document carries (they would break every XML output)."""
    found = CONTROL_CHARACTERS.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise DiplographError(f"{path}:{line}: control character U+{ord(found.group()):04X} in the text; is it "
                              "really text? Remove it and add the file again")
    return text


def _html(path: Path, raw: bytes) -> Extracted:
    import trafilatura

    text, encoding = decode(path, raw, html=True)
    tree = trafilatura.utils.load_html(text)
    document = trafilatura.bare_extraction(_posts_as_parts(tree) if tree is not None else text,
                                           include_comments=False, include_tables=True, with_metadata=True,
                                           favor_precision=True)
    body = (document.text if document is not None else "") or ""
    if len(body.split()) < _FEWEST_WORDS:
        raise DiplographError(f"{path}: an HTML page in which no article text was found (a page of links, or one "
                              "that loads its text with scripts); save the article's text as UTF-8 and add that")
    if "\ufffd" in body and "\ufffd" not in text:
        raise DiplographError(f"{path}: the extracted text has replacement characters (U+FFFD) that the page does "
                              "not; convert the page to UTF-8 and add it again")
    day = None
    if document.date:
        try:
            day = date.fromisoformat(document.date[:10])
        except ValueError:
            day = None
    return Extracted(_normalised(body), "html", title=_one_line(document.title), day=day,
                     publisher=_one_line(document.sitename), url=_one_line(document.url),
                     author=_one_line(_author(trafilatura.utils.load_html(text), document.author)),
                     encoding=encoding)


_POSTS = '//*[self::article or self::div or self::section][@class="post" or @class="entry"]'
"""Blocks a page marks as "the post" or "the entry": trafilatura takes the first as the whole article."""


def _posts_as_parts(tree):
    """The page with its posts unmarked when it has several (a live blog's entries, a blog's posts on one page).

    trafilatura takes the first block classed ``post`` or ``entry`` as the article, which is right for a page of one
    post; on a page of several it keeps the first entry's text, drops the headline and the entries' headings and
    puts the page out of order. Unmarked, the entries are read as parts of the page's article, in order.
    """
    posts = tree.xpath(_POSTS)
    if len(posts) > 1:
        for post in posts:
            del post.attrib["class"]
    return tree


_BODY_NAME = re.compile(r"\b(?:ministry|office|embassy|government|president|presidency|department|mission|council|"
                        r"agency|chancellery|kremlin|secretariat|commission|parliament|service|institute|institution|"
                        r"centre|center|foundation|university|committee|desk|staff|newsroom|board)\b", re.I)
_DECLARED_AUTHOR = ('//meta[@name="author" or @property="article:author" or @name="dc.creator" or '
                    '@name="DC.creator"]/@content')


def _author(tree, cleaned: str | None) -> str | None:
    """The page's author: trafilatura's reading, cleaned for a person's name ("Anna Petrova of Reuters" → "Anna
    Petrova") — unless the page declares a body ("Ministry of Foreign Affairs of Ukraine"), which that cleaning
    cuts short or drops, and whose state says whose voice the page is: then as the page declares it."""
    declared = [str(value).strip() for value in tree.xpath(_DECLARED_AUTHOR)] if tree is not None else []
    return next((name for name in declared if _BODY_NAME.search(name) and (not cleaned or cleaned in name)),
                cleaned)


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """A library's warnings silenced for the duration (its error says enough), its level restored after."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _pdf(path: Path) -> Extracted:
    from pypdf import PdfReader

    try:
        with _quiet("pypdf"):
            reader = PdfReader(path)
            if reader.is_encrypted:
                raise DiplographError(f"{path}: a PDF protected by a password; save an unprotected copy and add that")
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata or {}
            title, author = str(info.get("/Title") or ""), str(info.get("/Author") or "")
            created = str(info.get("/CreationDate") or "")
    except DiplographError:
        raise
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on damaged files; each means "unreadable"
        reason = " ".join(str(error).split())[:200] or type(error).__name__
        raise DiplographError(f"{path}: a PDF that cannot be read ({reason})") from None
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text.strip():
        raise DiplographError(f"{path}: a PDF with no text layer (a scanned document?); run OCR on it first, "
                              "e.g. ocrmypdf, and add the result")
    return Extracted(_normalised(text), "pdf", title=_one_line(title), day=_pdf_date(created),
                     author=_one_line(author))


def _pdf_date(value: str) -> date | None:
    """A PDF date ("D:20260112093000+01'00'") as a date, if it is one."""
    match = re.match(r"D:(\d{4})(\d{2})(\d{2})", value)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _one_line(value: str | None) -> str | None:
    """Metadata as one line of text: control characters and line breaks become spaces; empty is None."""
    if not value:
        return None
    text = " ".join(CONTROL_CHARACTERS.sub(" ", value).split())
    return text or None


def _normalised(text: str) -> str:
    """NFC, Unix line ends, form feeds as breaks, no control characters, no trailing spaces, at most one blank line
    in a row, one final newline."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = CONTROL_CHARACTERS.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
