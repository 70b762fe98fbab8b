"""Guards applied before any parser sees untrusted bytes.

Office files are zip archives, and a zip can declare members that expand a thousandfold
(a "zip bomb"). Python's zipfile never returns more than a member's declared size (it
stops and checks the CRC), so summing the declared sizes before parsing is a real cap.
XML parts are parsed with entity expansion, DTDs and network access switched off.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ..archive import Member, check_archive
from ..types import Limits, Rejected

MIB = 1024 * 1024
# Real Office XML compresses 5-30x, occasionally ~100x for repetitive sheets; runs of
# zeros compress ~1000x. Only large members are judged, so a tiny odd part is no alarm.
MAX_RATIO = 200
RATIO_MIN_BYTES = 10 * MIB
MAX_MEMBERS = 10_000

# resolve_entities=False stops "billion laughs" and external entities (XXE);
# no_network stops fetching anything; huge_tree=False keeps lxml's own depth limits.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
)


def megabytes(size: int) -> str:
    """`size` for a sentence: "12 KB", "1.5 MB", "200 MB"."""
    if size < MIB:
        return f"{max(size // 1024, 1)} KB"
    value = size / MIB
    text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
    return text.removesuffix(".0") + " MB"


def check_file_size(data: bytes, limits: Limits) -> None:
    if len(data) > limits.max_file_bytes:
        raise Rejected(
            f"The file is {megabytes(len(data))}, over the {megabytes(limits.max_file_bytes)} "
            "limit: ask the agency to split it or send a smaller copy."
        )


def open_zip(data: bytes, limits: Limits, label: str) -> zipfile.ZipFile:
    """Open an Office zip, refusing it if it is damaged or would expand past the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise Rejected(
            f"The {label} is damaged or incomplete (its zip structure cannot be read): "
            "ask the agency to send it again."
        ) from error
    if len(members) > MAX_MEMBERS:
        raise Rejected(
            f"The {label} has {len(members):,} parts, far more than a real one: "
            "it may be a zip bomb."
        )
    total = sum(member.file_size for member in members)
    if total > limits.max_decompressed_bytes:
        raise Rejected(
            f"The file would expand to {megabytes(total)} when opened, over the "
            f"{megabytes(limits.max_decompressed_bytes)} limit: it may be a zip bomb."
        )
    for member in members:
        if member.file_size >= RATIO_MIN_BYTES and (
            member.file_size > MAX_RATIO * max(member.compress_size, 1)
        ):
            raise Rejected(
                f"The file would expand {member.file_size // max(member.compress_size, 1):,} "
                f"times over when opened ({megabytes(member.file_size)} from "
                f"{megabytes(member.compress_size)}): it may be a zip bomb."
            )
    # The rule every archive shares: the whole file's ratio too, not only each large part.
    check_archive(
        (Member(m.filename, m.file_size, m.compress_size) for m in members),
        limits,
        label=label,
        max_members=MAX_MEMBERS,
    )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, label: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError as error:
        raise Rejected(f"The {label} is damaged: it has no {name} part.") from error
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise Rejected(
            f"The {label} is damaged or incomplete ({name} cannot be unpacked): "
            "ask the agency to send it again."
        ) from error


def refuse_doctypes(archive: zipfile.ZipFile, label: str) -> None:
    """OOXML parts never carry a DTD; one that does is an attack on the XML parser.

    Checked before handing the archive to a third-party parser (openpyxl) whose XML
    settings we do not control. A DTD must come before the root element, so the start
    of each part is enough.
    """
    for member in archive.infolist():
        if not member.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(member) as handle:
                head = handle.read(4096)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
            raise Rejected(
                f"The {label} is damaged or incomplete ({member.filename} cannot be "
                "unpacked): ask the agency to send it again."
            ) from error
        if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
            raise Rejected(f"The {label} contains a DTD, which Office never writes: refused.")


def parse_xml(data: bytes, label: str) -> etree._Element:
    if b"<!DOCTYPE" in data[:4096].upper():
        raise Rejected(f"The {label} contains a DTD, which Office never writes: refused.")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise Rejected(
            f"The {label} is damaged (its XML cannot be read): ask the agency to send it again."
        ) from error
