"""A minimal, valid PowerPoint (PPTX) package written with the standard library.

One slide master, one layout, one theme; a title slide then one slide per heading, each with
a title and a bulleted body. Members carry a fixed timestamp so the bytes are reproducible.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from xml.sax.saxutils import escape

NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.presentationml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SLIDE_W, SLIDE_H = 12192000, 6858000


def _rels(*rels: tuple[str, str, str]) -> str:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"/>'
        for rid, kind, target in rels
    )
    return f'{HEAD}<Relationships xmlns="{PKG_REL}">{body}</Relationships>'


def _shape(sid: int, name: str, ph: str, x: int, y: int, w: int, h: int, body: str) -> str:
    ph_xml = f'<p:ph type="{ph}"/>' if ph != "body" else '<p:ph idx="1"/>'
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr>'
        f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph_xml}</p:nvPr></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm></p:spPr>'
        f"<p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>"
    )


def _para(text: str, size: int, bold: bool = False, bullet: bool = False) -> str:
    ppr = (
        '<a:pPr marL="285750" indent="-285750"><a:buChar char="&#8226;"/></a:pPr>' if bullet else ""
    )
    b = ' b="1"' if bold else ""
    return (
        f'<a:p>{ppr}<a:r><a:rPr lang="en-GB" sz="{size}"{b} dirty="0"/>'
        f"<a:t>{escape(text)}</a:t></a:r></a:p>"
    )


def _tree(shapes: str) -> str:
    return (
        '<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
        '</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
        '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
        f"{shapes}</p:spTree></p:cSld>"
    )


def _slide(title: str, lines: list[str], size: int) -> str:
    title_xml = _para(title, 3000, bold=True)
    body = "".join(_para(line, size, bullet=True) for line in lines) or _para("", size)
    shapes = _shape(2, "Title 1", "title", 609600, 304800, 10972800, 1143000, title_xml)
    shapes += _shape(3, "Content 2", "body", 609600, 1600200, 10972800, 4800600, body)
    return (
        f"{HEAD}<p:sld {NS}>{_tree(shapes)}<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    )


def _title_slide(title: str, subtitle: str) -> str:
    shapes = _shape(
        2, "Title 1", "ctrTitle", 914400, 2130425, 10363200, 1470025, _para(title, 3600, True)
    )
    shapes += _shape(
        3, "Subtitle 2", "subTitle", 1828800, 3886200, 8534400, 1752600, _para(subtitle, 2000)
    )
    return (
        f"{HEAD}<p:sld {NS}>{_tree(shapes)}<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    )


MASTER = (
    f"{HEAD}<p:sldMaster {NS}>"
    + _tree("")
    + '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
    'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
    'folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/>'
    "</p:sldLayoutIdLst><p:txStyles><p:titleStyle/><p:bodyStyle/><p:otherStyle/></p:txStyles>"
    "</p:sldMaster>"
)
LAYOUT = (
    f'{HEAD}<p:sldLayout {NS} type="obj" preserve="1"><p:cSld name="Title and Content">'
    + _tree("")[len("<p:cSld>") :]
    + "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
)


def _theme() -> str:
    colours = [
        ("dk1", "000000"),
        ("lt1", "FFFFFF"),
        ("dk2", "1F3864"),
        ("lt2", "E7E6E6"),
        ("accent1", "1D4E89"),
        ("accent2", "ED7D31"),
        ("accent3", "A5A5A5"),
        ("accent4", "FFC000"),
        ("accent5", "5B9BD5"),
        ("accent6", "70AD47"),
        ("hlink", "0563C1"),
        ("folHlink", "954F72"),
    ]
    clr = "".join(f'<a:{n}><a:srgbClr val="{v}"/></a:{n}>' for n, v in colours)
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{fill}</a:ln>'
    return (
        f'{HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'name="Readiness"><a:themeElements><a:clrScheme name="Readiness">{clr}</a:clrScheme>'
        '<a:fontScheme name="Readiness"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/>'
        '<a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Arial"/>'
        '<a:ea typeface=""/>'
        '<a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Readiness">'
        f"<a:fillStyleLst>{fill * 3}</a:fillStyleLst><a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        "<a:effectStyleLst>"
        + "<a:effectStyle><a:effectLst/></a:effectStyle>"
        * 3
        + "</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )


def pptx_package(
    title: str, subtitle: str, slides: list[tuple[str, list[str]]], author: str, day: date
) -> bytes:
    all_slides = [_title_slide(title, subtitle)] + [
        _slide(heading, lines, 1800 if sum(len(x) for x in lines) < 600 else 1400)
        for heading, lines in slides
    ]
    n = len(all_slides)
    overrides = "".join(
        f'<Override PartName="/ppt/slides/slide{i}.xml" ContentType="{CT}.slide+xml"/>'
        for i in range(1, n + 1)
    )
    content_types = (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/ppt/presentation.xml" ContentType="{CT}.presentation.main+xml"/>'
        '<Override PartName="/ppt/slideMasters/slideMaster1.xml" '
        f'ContentType="{CT}.slideMaster+xml"/>'
        '<Override PartName="/ppt/slideLayouts/slideLayout1.xml" '
        f'ContentType="{CT}.slideLayout+xml"/>'
        '<Override PartName="/ppt/theme/theme1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        f"{overrides}</Types>"
    )
    stamp = f"{day.isoformat()}T09:00:00Z"
    core = (
        f'{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    app = (
        f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'extended-properties"><Application>Readiness demo</Application><Slides>{n}</Slides>'
        "</Properties>"
    )
    slide_ids = "".join(f'<p:sldId id="{255 + i}" r:id="rId{i + 1}"/>' for i in range(1, n + 1))
    presentation = (
        f'{HEAD}<p:presentation {NS}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/>'
        f"</p:sldMasterIdLst><p:sldIdLst>{slide_ids}</p:sldIdLst>"
        f'<p:sldSz cx="{SLIDE_W}" cy="{SLIDE_H}"/><p:notesSz cx="6858000" cy="9144000"/>'
        "</p:presentation>"
    )
    pres_rels = [("rId1", "slideMaster", "slideMasters/slideMaster1.xml")]
    pres_rels += [(f"rId{i + 1}", "slide", f"slides/slide{i}.xml") for i in range(1, n + 1)]
    pres_rels.append((f"rId{n + 2}", "theme", "theme/theme1.xml"))
    members = [
        ("[Content_Types].xml", content_types),
        (
            "_rels/.rels",
            _rels(
                ("rId1", "officeDocument", "ppt/presentation.xml"),
                ("rId2", "extended-properties", "docProps/app.xml"),
            ).replace(
                "</Relationships>",
                '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/'
                'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                "</Relationships>",
            ),
        ),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
        ("ppt/presentation.xml", presentation),
        ("ppt/_rels/presentation.xml.rels", _rels(*pres_rels)),
        ("ppt/slideMasters/slideMaster1.xml", MASTER),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            _rels(
                ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
                ("rId2", "theme", "../theme/theme1.xml"),
            ),
        ),
        ("ppt/slideLayouts/slideLayout1.xml", LAYOUT),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
            _rels(("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")),
        ),
        ("ppt/theme/theme1.xml", _theme()),
    ]
    for i, xml in enumerate(all_slides, start=1):
        members.append((f"ppt/slides/slide{i}.xml", xml))
        members.append(
            (
                f"ppt/slides/_rels/slide{i}.xml.rels",
                _rels(("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")),
            )
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in members:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, xml.encode("utf-8"))
    return buffer.getvalue()
