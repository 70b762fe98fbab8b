"""PowerPoint: each slide is a page, in the order the presentation lists them.

Slide files are named slideN.xml when created, but reordering slides changes only the
list in presentation.xml, so that list (through its relationships) decides the order;
numeric file order is the fallback for a presentation whose list cannot be read.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

from ..types import Extracted, Limits, Page
from .office import NS, core_properties, q
from .safety import open_zip, parse_xml, read_member

LABEL = "PowerPoint presentation"
_SLIDE = re.compile(r"^ppt/slides/slide(\d+)\.xml$")
_FALLBACK = q("mc", "Fallback")


def _slide_order(archive: zipfile.ZipFile) -> list[str]:
    names = set(archive.namelist())
    by_number = sorted(
        (name for name in names if _SLIDE.match(name)),
        key=lambda name: int(_SLIDE.match(name)[1]),  # type: ignore[index]
    )
    try:
        presentation = parse_xml(archive.read("ppt/presentation.xml"), LABEL)
        rels = parse_xml(archive.read("ppt/_rels/presentation.xml.rels"), LABEL)
    except Exception:
        return by_number
    targets = {
        rel.get("Id"): posixpath.normpath(posixpath.join("ppt", rel.get("Target", "")))
        for rel in rels.iter(q("rel", "Relationship"))
    }
    ordered = [
        targets.get(slide.get(q("r", "id")))
        for slide in presentation.iterfind("p:sldIdLst/p:sldId", NS)
    ]
    ordered_names = [name for name in ordered if name in names]
    return ordered_names or by_number


def _slide_text(root) -> str:  # noqa: ANN001 - an lxml element
    """Text frames' paragraphs, one per line; shapes separated by blank lines."""
    blocks = []
    for body in root.iter(q("p", "txBody"), q("a", "tbl")):
        if any(ancestor.tag == _FALLBACK for ancestor in body.iterancestors()):
            continue
        lines = []
        for paragraph in body.iter(q("a", "p")):
            line = "".join(run.text or "" for run in paragraph.iter(q("a", "t"))).strip()
            if line:
                lines.append(line)
        if lines:
            blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def read_pptx(data: bytes, limits: Limits) -> Extracted:
    archive = open_zip(data, limits, LABEL)
    with archive:
        order = _slide_order(archive)
        warnings = []
        if len(order) > limits.max_pages:
            warnings.append(
                f"Only the first {limits.max_pages:,} of {len(order):,} slides were read."
            )
            order = order[: limits.max_pages]
        pages = tuple(
            Page(number, _slide_text(parse_xml(read_member(archive, name, LABEL), LABEL)))
            for number, name in enumerate(order, start=1)
        )
        title, found = core_properties(archive, LABEL)
    return Extracted(
        file_type="pptx", pages=pages, title=title, date=found, warnings=tuple(warnings)
    )
