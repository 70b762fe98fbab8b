"""The structure tree and file assembly shared by the narrative PDF and the report PDF."""

import re

from readiness.lib.pdf_objects import Element, assemble, text_string, write_structure_tree


def test_the_tree_numbers_depth_first_and_keys_pages_and_annotations():
    root = Element("Document")
    heading = root.add("H1")
    heading.kids.append((0, 0))
    para = root.add("P")
    para.kids += [(0, 1), (1, 0)]
    link = para.add("Link")
    link.kids += [(1, 1), ("annot", 20, 1)]
    figure = root.add("Figure", alt="Chart")
    figure.kids.append((1, 2))
    objects: dict[int, bytes] = {}
    free = write_structure_tree(
        root, tree=5, page_ids=[7, 9], next_id=21, objects=objects, annotations=[(2, link)]
    )
    assert free == 26
    assert objects[21] == b"<< /Type /StructElem /S /Document /P 5 0 R /K [22 0 R 23 0 R 25 0 R] >>"
    assert objects[23] == (
        b"<< /Type /StructElem /S /P /P 21 0 R /K [<< /Type /MCR /Pg 7 0 R /MCID 1 >> "
        b"<< /Type /MCR /Pg 9 0 R /MCID 0 >> 24 0 R] >>"
    )
    assert objects[24] == (
        b"<< /Type /StructElem /S /Link /P 23 0 R /K [<< /Type /MCR /Pg 9 0 R /MCID 1 >> "
        b"<< /Type /OBJR /Obj 20 0 R /Pg 9 0 R >>] >>"
    )
    assert objects[25].endswith(b"/K [<< /Type /MCR /Pg 9 0 R /MCID 2 >>] /Alt "
                                + text_string("Chart") + b" >>")  # fmt: skip
    assert objects[5] == (
        b"<< /Type /StructTreeRoot /K [21 0 R] /ParentTree << /Nums [0 [22 0 R 23 0 R] "
        b"1 [23 0 R 24 0 R 25 0 R] 2 24 0 R] >> /ParentTreeNextKey 3 >>"
    )


def test_a_file_with_a_gap_in_its_numbers_has_a_free_entry_and_a_correct_xref():
    pdf = assemble({1: b"<< /Type /Catalog >>", 3: b"<< /Title (t) >>"}, catalog=1, info=3,
                   version="1.5")  # fmt: skip
    assert pdf.startswith(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", pdf)[1])
    entries = pdf[start:].split(b"\n")[2:6]
    assert entries[0] == b"0000000000 65535 f "
    assert entries[2] == b"0000000000 65535 f "
    for number, entry in ((1, entries[1]), (3, entries[3])):
        assert pdf[int(entry[:10]) :].startswith(f"{number} 0 obj\n".encode())
    assert b"/Size 4 /Root 1 0 R /Info 3 0 R /ID [<" in pdf
    assert assemble({1: b"<<>>", 2: b"<<>>"}, catalog=1, info=2, version="1.4") == assemble(
        {1: b"<<>>", 2: b"<<>>"}, catalog=1, info=2, version="1.4"
    )
