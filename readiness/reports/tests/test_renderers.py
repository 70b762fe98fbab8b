"""The three renderers draw the same document: headings, numbered paragraphs, items and
working links in each; the Word template is honoured or refused; the logo is placed."""

import io
import re
import zipfile

import pypdfium2
import pytest
from docx import Document as read_docx

from readiness.reports.domain import html, pdf, png, word
from readiness.reports.domain.compose import compose
from readiness.reports.domain.document import Branding
from readiness.reports.domain.sample import sample_data
from readiness.reports.domain.word import TemplateError, bookmark_name, check_template

from .helpers import expected_pixels, png_bytes, template_docx

SECTIONS = [
    "Introduction",
    "Approach",
    "How well services perform against the grade descriptors",
    "How robust policy and practice are",
    "How ready the partnership is for inspection",
    "Summary and way forward",
    "Annex A: evidence index",
    "Annex B: judgement grid",
    "Annex C: action plan",
]


@pytest.fixture(scope="module")
def document():
    return compose(sample_data(), Branding("Anytown Council", "#6f2c91", png_bytes(), "Logo"))


def test_html_links_all_land_on_an_id(document):
    page = html.page(document).decode()
    ids = set(re.findall(r' id="([^"]+)"', page))
    targets = re.findall(r'href="#([^"]+)"', page)
    # 16 contents entries, 3 evaluations, 3 in the approach and performance, each of the 8
    # items' "raised in" in the summary and its code in the action plan.
    assert len(targets) == 16 + 3 + 3 + 8 + 8
    assert [t for t in targets if t not in ids] == []
    for section in SECTIONS:
        assert f">{section}</h2>" in page
    assert "<strong>R1</strong> Develop a short narrative on item 1" in page
    assert 'src="data:image/png;base64,' in page and "color:#6f2c91" in page


def test_html_escapes_the_review_s_words():
    data = sample_data()
    from dataclasses import replace

    data = replace(data, area="<script>alert(1)</script>")
    page = html.page(compose(data)).decode()
    assert "<script>" not in page and "&lt;script&gt;" in page


def _docx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode()


def test_word_uses_heading_styles_and_every_link_has_its_bookmark(document):
    data = word.to_docx(document)
    parsed = read_docx(io.BytesIO(data))
    headings = [p.text for p in parsed.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Contents", *SECTIONS]
    xml = _docx_xml(data)
    bookmarks = set(re.findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    anchors = re.findall(r'w:hyperlink w:anchor="([^"]+)"', xml)
    assert len(anchors) == 38
    assert [a for a in anchors if a not in bookmarks] == []
    assert "Error!" not in xml
    # Each contents entry has its page as a PAGEREF to the same bookmark, updated on opening.
    assert (
        re.findall(r"PAGEREF (\S+) \\h", xml)
        == re.findall(r'w:hyperlink w:anchor="([^"]+)"', xml)[:16]
    )
    assert "w:updateFields" in zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()
    contents = [p.text for p in parsed.paragraphs[5:25]]
    assert contents[:3] == ["Contents", "Introduction\t", "Approach\t"]  # then the page
    assert parsed.core_properties.title == "Readiness review: Anytown"
    assert len(parsed.inline_shapes) == 1  # the logo


def test_bookmark_names_follow_word_s_rules():
    assert bookmark_name("item-R1") == "item_R1"
    assert bookmark_name("9-lives") == "b_9_lives"
    assert len(bookmark_name("x" * 60)) == 40


def test_a_council_template_is_honoured(document):
    data = word.to_docx(document, template_docx(heading_colour="C00000"))
    parsed = read_docx(io.BytesIO(data))
    names = {s.name for s in parsed.styles}
    assert "Council Marker" in names
    assert str(parsed.styles["Heading 1"].font.color.rgb) == "C00000"  # not ours, theirs
    assert "Delete me" not in "\n".join(p.text for p in parsed.paragraphs)
    assert parsed.paragraphs[2].text == "Readiness review: Anytown"


def test_a_template_missing_styles_is_refused_naming_them(document):
    broken = template_docx(remove=("Heading 3", "List Bullet"))
    with pytest.raises(TemplateError) as error:
        word.to_docx(document, broken)
    assert str(error.value) == (
        "The template is missing the styles the report needs: Heading 3, List Bullet."
    )


@pytest.mark.parametrize(
    "data,message",
    [
        (b"%PDF-1.4 not a docx", "The template is not a Word document (.docx)."),
        (b"PK\x03\x04 truncated", "The template is not a Word document (.docx)."),
        (b"x" * (5 * 1024 * 1024 + 1), "The template is 5.0 MB; the limit is 5 MB."),
    ],
    ids=["pdf", "broken-zip", "too-big"],
)
def test_untrusted_templates_are_refused(data, message):
    with pytest.raises(TemplateError) as error:
        check_template(data)
    assert str(error.value) == message


def test_a_zip_that_would_expand_too_far_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "wordprocessingml.document.main")
        archive.writestr("word/document.xml", b"\0" * (51 * 1024 * 1024))
    with pytest.raises(TemplateError) as error:
        check_template(buffer.getvalue())
    assert str(error.value) == "The template would expand to more than 50 MB; it is refused."


def test_a_spreadsheet_is_not_a_template():
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    with pytest.raises(TemplateError) as error:
        check_template(buffer.getvalue())
    assert str(error.value).startswith("The template is not a Word document (.docx);")


def test_pdf_has_pages_outline_links_and_tags(document):
    data = pdf.to_pdf(document)
    reader = pypdfium2.PdfDocument(data)
    assert len(reader) == 9
    outline = [(b.level, b.get_title()) for b in reader.get_toc()]
    assert [title for level, title in outline if level == 0] == SECTIONS
    assert (1, "Recommendations") in outline and (1, "Action points") in outline
    text = "\n".join(reader[i].get_textpage().get_text_range() for i in range(len(reader)))
    for section in SECTIONS:
        assert section in text
    assert "Error!" not in text
    assert b"/StructTreeRoot" in data and b"/MarkInfo << /Marked true >>" in data
    assert data.count(b"/Subtype /Link") == 38
    assert b"/S /TOCI" in data and b"/S /Link" in data and b"/Type /OBJR" in data
    assert b"/Subtype /Image" in data and b"/SMask" in data
    first_page = reader[0].get_textpage().get_text_range()
    # The contents give each section's page (drawn last, so they come last in the text).
    numbers = re.findall(r"(?m)^(\d+)\r?$", first_page)
    assert numbers == ["2", "2", "3", "4", "4", "5", "5", "5", "5", "6", "6", "6", "6", "8",
                       "8", "9"]  # fmt: skip


def test_pdf_is_deterministic(document):
    assert pdf.to_pdf(document) == pdf.to_pdf(document)


@pytest.mark.parametrize("alpha", [True, False])
def test_png_decoding_undoes_every_filter(alpha):
    image = png.decode(png_bytes(alpha=alpha))
    channels = 4 if alpha else 3
    flat = expected_pixels(alpha=alpha)
    rgb = b"".join(flat[i : i + 3] for i in range(0, len(flat), channels))
    assert (image.width, image.height, image.colours, image.pixels) == (6, 4, 3, rgb)
    assert image.alpha == (flat[3::4] if alpha else None)


def test_png_that_is_not_one_is_refused():
    with pytest.raises(png.PngError) as error:
        png.decode(b"GIF89a")
    assert str(error.value) == "The logo is not a PNG image."


def test_a_long_word_and_a_link_wrap_inside_the_line():
    from readiness.narratives.pdf import TEXT_W, width
    from readiness.reports.domain.document import Ref

    lines = pdf.lay_lines(("x" * 300, " see ", Ref("a", "paragraph 12"), "."), "F1", 11, TEXT_W)
    assert len(lines) == 4
    assert all(sum(width(r.text, r.font, 11) for r in line) <= TEXT_W + 0.01 for line in lines)
    last = lines[-1]
    assert "".join(r.text for r in last).endswith("x see paragraph 12.")
    assert [(r.text, r.target) for r in last if r.target] == [("paragraph 12", "a")]


def test_a_table_row_taller_than_a_page_goes_on_over_the_next():
    from dataclasses import replace

    data = sample_data()
    long = replace(data.judgements[0], rationale="Long rationale words. " * 300)
    document = compose(replace(data, judgements=(long, *data.judgements[1:])))
    reader = pypdfium2.PdfDocument(pdf.to_pdf(document))
    pages = [reader[i].get_textpage().get_text_range() for i in range(len(reader))]
    words = " ".join(pages).split()
    # Every word printed: 300 in the judgement's paragraph and 300 in Annex B's grid.
    assert (words.count("Long"), words.count("rationale"), words.count("words.")) == (
        600, 600, 600,
    )  # fmt: skip
    grid_pages = [n for n, p in enumerate(pages, start=1) if "Long" in p and "Rationale" in p]
    assert grid_pages == [9, 10, 11, 12, 13]  # one row over five pages, the header on each
