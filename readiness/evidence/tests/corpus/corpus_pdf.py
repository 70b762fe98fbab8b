"""A minimal PDF writer for the extraction corpus (used by make_corpus.py): text pages in
Helvetica, an image-only "scanned" page, and a password-protected file. Hand-written so the
corpus needs nothing beyond the standard library and is byte-for-byte reproducible."""

from __future__ import annotations


def _pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """Objects numbered from 1 (object 1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 2 0 R " % (len(objects) + 1)
    out += trailer_extra + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _text_page(lines: list[str]) -> bytes:
    body = b"BT /F1 11 Tf 14 TL 72 760 Td\n"
    for line in lines:
        body += b"(" + _escape(line) + b") Tj T*\n"
    return body + b"ET"


def text_pdf(pages: list[list[str]], info: bytes, trailer_extra: bytes = b"") -> bytes:
    # 1 catalog, 2 info, 3 pages, 4 font, then (page, content) pairs.
    kids = b" ".join(b"%d 0 R" % (5 + 2 * i) for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 3 0 R >>",
        info,
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents %d 0 R >>" % (6 + 2 * i)
        )
        objects.append(_stream(_text_page(lines)))
    return _pdf(objects, trailer_extra)


REPORT = [
    [
        "Anytown Safeguarding Partnership",
        "Annual report 2025 to 2026",
        "",
        "1. Help and protection. Children and families in Anytown receive timely help",
        "when they need it. Referrals to the front door are screened within one working",
        "day, and strategy meetings are held promptly when children are at risk of harm.",
        "2. Partners share information well, and the police attend every strategy meeting.",
        "Page 1 of 3",
    ],
    [
        "Anytown Safeguarding Partnership",
        "Children in care",
        "",
        "3. Children in care live in stable homes and most stay with the same carers for",
        "at least two years. Their health assessments are completed on time, and the",
        "virtual school tracks their progress closely each term.",
        "Page 2 of 3",
    ],
    [
        "Anytown Safeguarding Partnership",
        "Care leavers",
        "",
        "4. Care leavers are in touch with their personal advisers, and most live in",
        "suitable accommodation. More of them are in education, employment or training",
        "than last year.",
        "Page 3 of 3",
    ],
]
INFO = b"<< /Title (Anytown annual report) /CreationDate (D:20260312090000Z) >>"


def scanned_pdf() -> bytes:
    """One page that is nothing but an image: what a scanner produces without OCR."""
    pixels = bytes((x * 8 + y * 8) % 256 for y in range(32) for x in range(32))
    image = _stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width 32 /Height 32 "
        b"/ColorSpace /DeviceGray /BitsPerComponent 8 ",
    )
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 3 0 R >>",
            b"<< /Producer (Scanner) >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>",
            _stream(b"q 451 0 0 698 72 72 cm /Im1 Do Q"),
            image,
        ]
    )


def encrypted_pdf() -> bytes:
    """A standard-security PDF whose user password is not empty: the /U check fails for
    every password we could try, exactly as for a real protected file."""
    encrypt = (
        b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <"
        + (b"4f" * 32)
        + b"> /U <"
        + (b"55" * 32)
        + b"> >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 3 0 R >>",
        b"<< >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
        _stream(_text_page(REPORT[0])),
        encrypt,
    ]
    file_id = b"<" + b"ab" * 16 + b">"
    return _pdf(objects, b"/Encrypt 7 0 R /ID [" + file_id + b" " + file_id + b"] ")
