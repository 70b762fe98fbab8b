"""Write the extraction test corpus: good files of every format and the bad files that
real evidence sets contain. Byte-for-byte reproducible (fixed zip timestamps, no random
boundaries), standard library only.

Run: .venv/bin/python readiness/evidence/tests/corpus/make_corpus.py
What each bad file must be refused with is in EXPECTED.md and test_extract.py.
"""

from __future__ import annotations

import base64
import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the PDF writer beside this file, however this is run

from corpus_pdf import INFO, REPORT, encrypted_pdf, scanned_pdf, text_pdf  # noqa: E402

STAMP = (2026, 3, 12, 9, 0, 0)


# ---- Office ------------------------------------------------------------------------


def _zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            data = content.encode("utf-8") if isinstance(content, str) else content
            archive.writestr(info, data)
    return buffer.getvalue()


def _types(overrides: dict[str, str]) -> str:
    parts = "".join(
        f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in overrides.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + parts + "</Types>"
    )


def _rels(targets: dict[str, tuple[str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
        for rid, (kind, target) in targets.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + items
        + "</Relationships>"
    )


OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    "<cp:coreProperties "
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2019-01-07T10:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>'
    "</cp:coreProperties>"
)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _para(text: str, style: str = "", extra: str = "") -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}{extra}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx(body: str, title: str = "Early help strategy", extra: dict | None = None) -> bytes:
    document = f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'
    members: dict[str, bytes | str] = {
        "[Content_Types].xml": _types(
            {
                "word/document.xml": "application/vnd.openxmlformats-officedocument"
                ".wordprocessingml.document.main+xml"
            }
        ),
        "_rels/.rels": _rels({"rId1": (OFFICE_DOC, "word/document.xml")}),
        "word/document.xml": document,
        "docProps/core.xml": CORE.format(title=title, modified="2026-02-20T16:30:00Z"),
    }
    members.update(extra or {})
    return _zip(members)


GOOD_DOCX_BODY = (
    _para("Early help strategy 2026 to 2028", "Heading1")
    + _para(
        "Early help means giving support as soon as a problem emerges. Our family hubs "
        "offer parenting support, and schools refer families directly to the hub team."
    )
    + "<w:tbl>"
    + "".join(
        f"<w:tr><w:tc>{_para(a)}</w:tc><w:tc>{_para(b)}</w:tc></w:tr>"
        for a, b in [
            ("Measure", "Target"),
            ("Families supported", "1,200"),
            ("Re-referrals", "Under 15%"),
        ]
    )
    + "</w:tbl>"
    + _para("Next steps", "Heading2", '<w:r><w:br w:type="page"/></w:r>')
    + "<w:p><w:r><w:t>We will review the strategy in March 2027.</w:t></w:r>"
    "<w:del><w:r><w:delText>Deleted words must not appear.</w:delText></w:r></w:del></w:p>"
)


def xlsx() -> bytes:
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel_ns = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    sheet_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"

    def cell(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'

    sheet1 = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>'
        f'<row r="1">{cell("A1", "Quarter")}{cell("B1", "Referrals")}'
        f"{cell('C1', 'Repeat')}{cell('D1', 'Total')}</row>"
        f'<row r="2">{cell("A2", "Q1")}<c r="B2"><v>120</v></c><c r="C2"><v>18</v></c>'
        '<c r="D2"><f>SUM(B2:C2)</f><v>138</v></c></row>'
        f'<row r="3">{cell("A3", "Q2")}<c r="B3"><v>95.5</v></c><c r="C3"><v>12</v></c>'
        '<c r="D3"><f>SUM(B3:C3)</f><v>107.5</v></c><c r="E3"><f>NOW()</f></c></row>'
        "</sheetData></worksheet>"
    )
    sheet2 = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>'
        f'<row r="1">{cell("A1", "Notes")}</row>'
        f'<row r="2">{cell("A2", "Figures are from the performance dashboard.")}</row>'
        "</sheetData></worksheet>"
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} {rel_ns}><sheets>'
        '<sheet name="Referrals" sheetId="1" r:id="rId1"/>'
        '<sheet name="Notes" sheetId="2" r:id="rId2"/>'
        "</sheets></workbook>"
    )
    main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return _zip(
        {
            "[Content_Types].xml": _types(
                {
                    "xl/workbook.xml": f"{main}.sheet.main+xml",
                    "xl/worksheets/sheet1.xml": f"{main}.worksheet+xml",
                    "xl/worksheets/sheet2.xml": f"{main}.worksheet+xml",
                }
            ),
            "_rels/.rels": _rels({"rId1": (OFFICE_DOC, "xl/workbook.xml")}),
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": _rels(
                {
                    "rId1": (sheet_type, "worksheets/sheet1.xml"),
                    "rId2": (sheet_type, "worksheets/sheet2.xml"),
                }
            ),
            "xl/worksheets/sheet1.xml": sheet1,
            "xl/worksheets/sheet2.xml": sheet2,
            "docProps/core.xml": CORE.format(
                title="Referrals dashboard", modified="2026-01-31T12:00:00Z"
            ),
        }
    )


def pptx() -> bytes:
    """Two slides, listed in the opposite order to their file names (as after a reorder)."""
    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    p = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    r = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    slide_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"

    def slide(*paragraphs: str) -> str:
        body = "".join(f"<a:p><a:r><a:t>{text}</a:t></a:r></a:p>" for text in paragraphs)
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><p:sld {a} {p}><p:cSld><p:spTree>'
            f"<p:sp><p:txBody>{body}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
        )

    presentation = (
        f'<?xml version="1.0" encoding="UTF-8"?><p:presentation {p} {r}><p:sldIdLst>'
        '<p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId1"/>'
        "</p:sldIdLst></p:presentation>"
    )
    main = "application/vnd.openxmlformats-officedocument.presentationml"
    return _zip(
        {
            "[Content_Types].xml": _types(
                {"ppt/presentation.xml": f"{main}.presentation.main+xml"}
            ),
            "_rels/.rels": _rels({"rId1": (OFFICE_DOC, "ppt/presentation.xml")}),
            "ppt/presentation.xml": presentation,
            "ppt/_rels/presentation.xml.rels": _rels(
                {
                    "rId1": (slide_type, "slides/slide1.xml"),
                    "rId2": (slide_type, "slides/slide2.xml"),
                }
            ),
            "ppt/slides/slide1.xml": slide("Our priorities", "Reduce repeat referrals"),
            "ppt/slides/slide2.xml": slide("Partnership briefing", "Spring 2026"),
            "docProps/core.xml": CORE.format(
                title="Partnership briefing", modified="2026-04-02T09:00:00Z"
            ),
        }
    )


# ---- The rest --------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Front door review</title>
<meta name="dcterms.date" content="2025-11-03">
<style>body { color: red; }</style>
<script>document.write("SCRIPT-RAN"); alert("x")</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/menu">Menu</a></nav>
<h1>Front door review</h1>
<p>The multi-agency safeguarding hub &amp; its partners reviewed 50 contacts. Most
decisions were <b>timely</b> and proportionate.</p>
<script type="text/javascript">var secret = "SCRIPT-TEXT";</script>
<table><tr><th>Agency</th><th>Contacts</th></tr><tr><td>Police</td><td>21</td></tr></table>
<img src="x" onerror="alert('IMG-ONERROR')">
</body></html>
"""

# An external entity naming a local file: a parser that resolved it would leak the file.
XXE = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f"<w:document {W}><w:body>{_para('&x;')}</w:body></w:document>"
)

EML_HTML = (
    "<html><body><p>Dear colleagues,</p><p>Please find attached the partnership's annual "
    "report for the board meeting on 14 April 2026.</p><p>Kind regards,<br>Jo</p></body></html>"
)


def eml(attachment: bytes) -> bytes:
    encoded = base64.encodebytes(attachment).decode("ascii")
    body = base64.encodebytes(EML_HTML.encode()).decode("ascii")
    return (
        "From: Jo Bloggs <jo@anytown.example>\r\n"
        "To: Board <board@anytown.example>\r\n"
        "Subject: Annual report for the board\r\n"
        "Date: Thu, 09 Apr 2026 10:15:00 +0100\r\n"
        "Message-ID: <corpus-1@anytown.example>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="outer"\r\n\r\n'
        "--outer\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" + body + "\r\n"
        '--outer\r\nContent-Type: application/pdf; name="annual-report.pdf"\r\n'
        'Content-Disposition: attachment; filename="../../annual-report.pdf"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "\r\n--outer--\r\n"
    ).encode("ascii")


def main() -> None:
    report = text_pdf(REPORT, INFO)
    good_docx = docx(GOOD_DOCX_BODY)
    files: dict[str, bytes] = {
        # Good files, one of each format.
        "good-report.pdf": report,
        "good-strategy.docx": good_docx,
        "formulas.xlsx": xlsx(),
        "two-slides.pptx": pptx(),
        "page.html": HTML.encode("utf-8"),
        "bom.csv": b"\xef\xbb\xbfAgency,Documents,Latest\r\nPolice,12,03/02/2026\r\nHealth,30,\r\n",
        "cp1252.txt": "Budget £1,200 for the café – agreed 5 May 2025.\r\n".encode("cp1252"),
        "notes.md": b"# Board notes\n\nMet on 2 June 2026.\n\n## Actions\n\n- Chase audit.\n",
        "with-attachment.eml": eml(report),
        # Bad files, each with its reason in EXPECTED.md.
        "encrypted.pdf": encrypted_pdf(),
        "truncated.pdf": report[: len(report) // 2],
        "empty.pdf": b"",
        "html-named.pdf": HTML.encode("utf-8"),
        "scanned.pdf": scanned_pdf(),
        "garbage.docx": bytes((i * 7919 + 13) % 256 for i in range(4096)),
        "truncated.docx": good_docx[: len(good_docx) * 2 // 3],
        # 5 MB of zeros: harmless at the real 200 MB cap, a bomb under a 1 MB test cap.
        "zip-bomb.docx": docx(
            GOOD_DOCX_BODY, extra={"word/media/padding.bin": bytes(5 * 1024 * 1024)}
        ),
        # 12 MB of zeros in a few KB: refused for its ratio even under the real caps.
        "ratio-bomb.docx": docx(
            GOOD_DOCX_BODY, extra={"word/media/padding.bin": bytes(12 * 1024 * 1024)}
        ),
        "xxe.docx": docx("", extra={"word/document.xml": XXE}),
        "photo.pdf": b"\x89PNG\r\n\x1a\n" + bytes(64),
        "old-word.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "protected.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(56)
        + "EncryptedPackage".encode("utf-16-le"),
        "blank.txt": b"  \r\n\t\n",
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    print(f"Wrote {len(files)} files, {sum(map(len, files.values())):,} bytes, to {HERE}")


if __name__ == "__main__":
    main()
