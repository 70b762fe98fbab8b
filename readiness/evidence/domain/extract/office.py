"""What the Office formats share: namespaces and the core properties part."""

from __future__ import annotations

import zipfile
from datetime import date

from .dates import iso_date
from .safety import parse_xml

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}


def q(prefix: str, name: str) -> str:
    """A Clark-notation tag, "{namespace}name", for comparing with lxml's element.tag."""
    return f"{{{NS[prefix]}}}{name}"


def core_properties(archive: zipfile.ZipFile, label: str) -> tuple[str | None, date | None]:
    """Title and date from docProps/core.xml. The last-modified date is preferred: it is
    when this version was written, where "created" is often a template's birthday."""
    if "docProps/core.xml" not in archive.namelist():
        return None, None
    try:
        root = parse_xml(archive.read("docProps/core.xml"), label)
    except Exception:
        return None, None  # broken metadata is no reason to refuse the document's text
    title = " ".join((root.findtext("dc:title", "", NS) or "").split()) or None
    found = iso_date(root.findtext("dcterms:modified", "", NS)) or iso_date(
        root.findtext("dcterms:created", "", NS)
    )
    return title, found
