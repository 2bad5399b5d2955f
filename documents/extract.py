"""The main text of an uploaded document, as numbered paragraphs: trafilatura for an HTML
page, pypdf for a PDF (page by page), charset detection for a text file. Every refusal is a
ValidationError that names what is wrong; nothing from the file is ever kept as markup."""

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field

import trafilatura
from charset_normalizer import from_bytes
from django.conf import settings
from django.core.exceptions import ValidationError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .choices import SnapshotKind

TOO_LARGE = "“{name}” is {size}; the most a snapshot may be is {limit}."
EMPTY = "“{name}” holds no text to read."
NOT_TEXT = "“{name}” is not text (binary content), whatever its name says."
NO_MAIN_TEXT = (
    "No readable text was found in “{name}”: the page may be mostly script or navigation. "
    "Save the article's text instead, or paste it."
)
BAD_PDF = "“{name}” is not a PDF that can be read: {reason}."
ENCRYPTED_PDF = "“{name}” is an encrypted PDF: save an unprotected copy and upload that."
UNKNOWN_KIND = "“{name}” is neither an HTML page, a PDF nor a text file."
# Shorter runs are navigation, captions and page furniture more often than the document's text.
MIN_TEXT_CHARACTERS = 40
SENTENCE_END = re.compile(r"[.!?。！？:：”\"')）]$")


@dataclass
class Extracted:
    kind: str
    sha256: str
    size: int
    paragraphs: list[tuple[int | None, str]] = field(default_factory=list)  # (page, text)
    pages: int | None = None


def extract(name: str, content: bytes, *, pasted: bool = False) -> Extracted:
    """The document's paragraphs, or a ValidationError saying why there are none."""
    refuse_too_large(name, len(content))
    if not content.strip():
        raise ValidationError(EMPTY.format(name=name))
    kind = SnapshotKind.PASTED if pasted else _kind(name, content)
    result = Extracted(kind=kind, sha256=hashlib.sha256(content).hexdigest(), size=len(content))
    if kind == SnapshotKind.PDF:
        result.paragraphs, result.pages = _pdf(name, content)
    elif kind == SnapshotKind.HTML:
        result.paragraphs = _html(name, _decode(name, content))
    else:
        result.paragraphs = [(None, p) for p in paragraphs_of(_decode(name, content))]
    if not result.paragraphs:
        raise ValidationError(EMPTY.format(name=name))
    return result


def refuse_too_large(name: str, size: int) -> None:
    limit = settings.WORKBENCH_SNAPSHOT_MAX_BYTES
    if size > limit:
        raise ValidationError(
            TOO_LARGE.format(name=name, size=f"{size:,} bytes", limit=f"{limit:,} bytes")
        )


def _kind(name: str, content: bytes) -> str:
    """By content first: a name can say anything."""
    head = content[:1024].lstrip().lower()
    if content.startswith(b"%PDF-"):
        return SnapshotKind.PDF
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in content[:4096].lower():
        return SnapshotKind.HTML
    lowered = name.lower()
    if lowered.endswith((".pdf",)):
        return SnapshotKind.PDF  # and _pdf() says it is not one
    if lowered.endswith((".html", ".htm")):
        return SnapshotKind.HTML
    if lowered.endswith((".txt", ".text", ".md")) or "." not in lowered:
        return SnapshotKind.TEXT
    raise ValidationError(UNKNOWN_KIND.format(name=name))


def _decode(name: str, content: bytes) -> str:
    if b"\x00" in content:
        raise ValidationError(NOT_TEXT.format(name=name))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(content).best()
        if best is None:
            raise ValidationError(NOT_TEXT.format(name=name)) from None
        text = str(best)
    # Bytes that decode as something are not text if much of it is control characters.
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    if controls > len(text) / 100:
        raise ValidationError(NOT_TEXT.format(name=name))
    return text


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs are separated by blank lines; within one, lines are joined (by a space,
    except between Chinese characters). A text with no blank line has a paragraph a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [joined for block in blocks if (joined := _join_lines(block.split("\n")))]


def _join_lines(lines: list[str]) -> str:
    joined = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if joined and not (_is_cjk(joined[-1]) and _is_cjk(line[0])):
            joined += " "
        joined += line
    # Control characters (a PDF's text can hold NUL) are no part of what a reader reads.
    joined = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", joined)
    return re.sub(r"[ \t\u00a0]+", " ", joined).strip()


def _is_cjk(character: str) -> bool:
    return "\u3000" <= character <= "\u9fff" or "\uff00" <= character <= "\uffef"


def _html(name: str, html: str) -> list[tuple[int | None, str]]:
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True, favor_recall=True
    )
    paragraphs = paragraphs_of(text or "")
    if sum(len(p) for p in paragraphs) < MIN_TEXT_CHARACTERS:
        raise ValidationError(NO_MAIN_TEXT.format(name=name))
    return [(None, p) for p in paragraphs]


def _pdf(name: str, content: bytes) -> tuple[list[tuple[int | None, str]], int]:
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise ValidationError(ENCRYPTED_PDF.format(name=name))
        pages = [page.extract_text() or "" for page in reader.pages]
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise ValidationError(BAD_PDF.format(name=name, reason=error)) from None
    paragraphs = []
    for number, text in enumerate(pages, start=1):
        paragraphs += [(number, p) for p in _pdf_paragraphs(text)]
    return paragraphs, len(pages)


def _pdf_paragraphs(text: str) -> list[str]:
    """A PDF's text comes as lines: a line ending a sentence ends a paragraph unless a blank
    line says otherwise."""
    if re.search(r"\n\s*\n", text):
        return paragraphs_of(text)
    paragraphs, lines = [], []
    for line in text.split("\n"):
        lines.append(line)
        if SENTENCE_END.search(line.strip()):
            paragraphs.append(_join_lines(lines))
            lines = []
    paragraphs.append(_join_lines(lines))
    return [p for p in paragraphs if p]
