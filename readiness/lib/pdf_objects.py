"""What every hand-written PDF here shares: the structure tree that makes it tagged (a
screen reader's view of the page) and the file around the objects (header, xref, trailer).

Used by the narrative PDF (`readiness.narratives.pdf`) and the readiness report
(`readiness.reports.domain.pdf`); each lays out its own pages and numbers its own objects,
then hands the tree and the objects here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def text_string(text: str) -> bytes:
    """A text string outside content streams (/Title, /Alt): UTF-16BE, so anything goes."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


class Element:
    """A structure element. Its kids are elements, marked content as (page index, MCID), or
    a link annotation as ("annot", object number, page index)."""

    def __init__(self, kind: str, alt: str | None = None) -> None:
        self.kind, self.alt = kind, alt
        self.kids: list[Element | tuple] = []

    def add(self, kind: str, alt: str | None = None) -> Element:
        child = Element(kind, alt)
        self.kids.append(child)
        return child


def write_structure_tree(
    root: Element,
    *,
    tree: int,
    page_ids: list[int],
    next_id: int,
    objects: dict[int, bytes],
    annotations: Iterable[tuple[int, Element]] = (),
) -> int:
    """Store in OBJECTS a StructElem for ROOT and every element below it (numbered depth
    first from NEXT_ID) and the StructTreeRoot as object TREE, with its parent tree: one
    entry per page (its MCIDs' elements, keyed by the page's /StructParents, the page's
    index) and one per annotation (KEY -> the element holding it, for its /StructParent).
    Returns the next free object number."""
    elements: dict[int, int] = {}

    def number(element: Element) -> None:
        nonlocal next_id
        elements[id(element)] = next_id
        next_id += 1
        for kid in element.kids:
            if isinstance(kid, Element):
                number(kid)

    number(root)
    parents: list[dict[int, int]] = [{} for _ in page_ids]

    def emit(element: Element, parent: int) -> None:
        kids = []
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(f"{elements[id(kid)]} 0 R")
                emit(kid, elements[id(element)])
            elif kid[0] == "annot":
                _, obj, page = kid
                kids.append(f"<< /Type /OBJR /Obj {obj} 0 R /Pg {page_ids[page]} 0 R >>")
            else:
                page, mcid = kid
                parents[page][mcid] = elements[id(element)]
                kids.append(f"<< /Type /MCR /Pg {page_ids[page]} 0 R /MCID {mcid} >>")
        alt = b" /Alt " + text_string(element.alt) if element.alt else b""
        objects[elements[id(element)]] = (
            f"<< /Type /StructElem /S /{element.kind} /P {parent} 0 R /K [{' '.join(kids)}]"
        ).encode() + alt + b" >>"  # fmt: skip

    emit(root, tree)
    nums = [
        f"{i} [{' '.join(f'{parents[i][m]} 0 R' for m in sorted(parents[i]))}]"
        for i in range(len(page_ids))
    ]
    annotations = sorted(annotations, key=lambda pair: pair[0])
    nums += [f"{key} {elements[id(element)]} 0 R" for key, element in annotations]
    objects[tree] = (
        f"<< /Type /StructTreeRoot /K [{elements[id(root)]} 0 R] /ParentTree << /Nums "
        f"[{' '.join(nums)}] >> /ParentTreeNextKey {len(page_ids) + len(annotations)} >>"
    ).encode()
    return next_id


def assemble(objects: dict[int, bytes], *, catalog: int, info: int, version: str) -> bytes:
    """The file: header, OBJECTS in number order, the xref (a number with no object is a
    free entry), and the trailer with an ID that is a digest of the rest (deterministic)."""
    out = bytearray(f"%PDF-{version}\n".encode() + b"%\xe2\xe3\xcf\xd3\n")  # binary marker
    offsets = {}
    for obj in sorted(objects):
        offsets[obj] = len(out)
        out += f"{obj} 0 obj\n".encode() + objects[obj] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    out += b"".join(
        f"{offsets[i]:010d} 00000 n \n".encode() if i in offsets else b"0000000000 65535 f \n"
        for i in range(1, size)
    )
    ident = hashlib.md5(bytes(out), usedforsecurity=False).hexdigest()
    out += (
        f"trailer\n<< /Size {size} /Root {catalog} 0 R /Info {info} 0 R "
        f"/ID [<{ident}> <{ident}>] >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
