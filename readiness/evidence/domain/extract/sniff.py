"""What a file really is, judged by its content. The name's extension is only a hint,
used to choose between text flavours (csv, md, txt) that bytes alone cannot tell apart."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

SUPPORTED = ("pdf", "docx", "xlsx", "pptx", "html", "eml", "csv", "txt", "md")
IMAGES = ("png", "jpeg", "tiff", "gif", "bmp", "webp")  # read by OCR (extract/ocr.py)

# What an unsupported kind looks like, for "Not a supported file type (looks like …)."
UNSUPPORTED = {
    "binary": "unrecognised binary data",
    "zip": "a zip archive that is not a Word, Excel or PowerPoint file",
    "odf": "an OpenDocument file: save it as .docx, .xlsx or .pptx",
    "ole": "an old-style Microsoft Office or Outlook file: save it as .docx, .xlsx or .pptx",
    "gzip": "a gzip archive",
    "7z": "a 7-Zip archive",
    "rar": "a RAR archive",
    "rtf": "an RTF document: save it as .docx",
    "exe": "a Windows program",
    "elf": "a Linux program",
    "media": "an audio or video file",
    "postscript": "a PostScript file",
    "xml": "XML data",
}

# A password-protected .docx/.xlsx/.pptx is not a zip at all but an OLE file holding an
# "EncryptedPackage" stream; it gets its own reason rather than "old-style Office".
ENCRYPTED_OFFICE = "office-encrypted"

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"{\\rtf", "rtf"),
    (b"\x7fELF", "elf"),
    (b"%!PS", "postscript"),
    (b"ID3", "media"),
    (b"OggS", "media"),
    (b"fLaC", "media"),
)

EXTENSION_FAMILY = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".dotx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".pptx": "pptx",
    ".pptm": "pptx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".eml": "eml",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".csv": "text",
    ".tsv": "text",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".gif": "image",
    ".bmp": "image",
    ".webp": "image",
}

_HTML = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_LOOSE = re.compile(rb"<html[\s>]|<body[\s>]", re.IGNORECASE)
_HEADER_LINE = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):[ \t]")
_MAIL_HEADERS = {
    b"from",
    b"to",
    b"cc",
    b"subject",
    b"date",
    b"message-id",
    b"mime-version",
    b"received",
    b"return-path",
    b"content-type",
    b"x-mailer",
}
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def extension(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def family(kind: str) -> str:
    if kind in IMAGES:
        return "image"
    return "text" if kind in ("csv", "txt", "md") else kind


def _office_kind(names: set[str] | None, data: bytes) -> str:
    def has(part: str) -> bool:
        if names is not None:
            return part in names
        # The central directory (at the end) is missing from a truncated zip, but each
        # member's name is also stored uncompressed in its local header.
        return part.encode() in data

    if has("mimetype") and b"application/vnd.oasis.opendocument" in data[:200]:
        return "odf"
    if not has("[Content_Types].xml"):
        return "zip"
    for part, kind in (
        ("word/document.xml", "docx"),
        ("xl/workbook.xml", "xlsx"),
        ("ppt/presentation.xml", "pptx"),
    ):
        if has(part):
            return kind
    return "zip"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _office_kind(set(archive.namelist()), data)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return _office_kind(None, data)


def looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        # A multi-byte character cut off by the sample's end is still UTF-8.
        if error.start >= len(head) - 3 and error.reason == "unexpected end of data":
            return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls <= len(head) * 0.01


def _is_email(head: bytes) -> bool:
    known = 0
    for number, line in enumerate(head.splitlines()[:60]):
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue  # a folded continuation of the previous header
        match = _HEADER_LINE.match(line)
        if not match:
            # Only an mbox "From " separator may precede the headers.
            if number == 0 and line.startswith(b"From "):
                continue
            return False
        known += match[1].lower() in _MAIL_HEADERS
    return known >= 2


def sniff(name: str, data: bytes) -> str:
    """The file's real type: one of SUPPORTED, a key of UNSUPPORTED, ENCRYPTED_OFFICE,
    or "empty"."""
    if not data.strip():
        return "empty"
    head = data[:8192]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return ENCRYPTED_OFFICE
        return "ole"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"MZ") and not looks_like_text(head):
        return "exe"
    if head[4:8] == b"ftyp" or (head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI ")):
        return "media"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"BM") and not looks_like_text(head):
        return "bmp"
    if not looks_like_text(head):
        return "binary"
    body = head
    for bom in _BOMS:
        if body.startswith(bom):
            body = body[len(bom) :]
            break
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be"
        body = body.decode(encoding, errors="replace").encode("utf-8")
    if _HTML.match(body) or _HTML_LOOSE.search(body[:2048]):
        return "html"
    if body.lstrip().startswith(b"<?xml"):
        return "xml"
    if _is_email(body):
        return "eml"
    suffix = extension(name)
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".md", ".markdown"):
        return "md"
    return "txt"
