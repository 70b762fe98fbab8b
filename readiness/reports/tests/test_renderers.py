"""The three renderers draw the same document: headings, numbered paragraphs, items and
working links in each; the Word template is honoured or refused; the logo is placed."""

import io
import re
import zipfile

import pikepdf
import pytest
from docx import Document as read_docx

from readiness.lib.testing.files import docx_problems, pdf_tag_problems, pdf_text, structure
from readiness.reports.domain import html, word
from readiness.reports.domain.compose import compose
from readiness.reports.domain.document import Branding, Heading, Table
from readiness.reports.domain.sample import sample_data
from readiness.reports.domain.word import TemplateError, bookmark_name, check_template

from .helpers import png_bytes, template_docx

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
    assert headings == ["At a glance", "Contents", *SECTIONS]
    assert docx_problems(data) == []
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
    texts = [p.text for p in parsed.paragraphs]
    contents = texts[texts.index("Contents") :]
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


def test_pdf_has_bookmarks_links_tags_language_and_title(document):
    data = html.to_pdf(document)
    assert pdf_tag_problems(data) == []
    with pikepdf.open(io.BytesIO(data)) as reader:
        assert str(reader.docinfo.Title) == "Readiness review: Anytown"
        assert str(reader.Root.Lang) == "en-GB"
        with reader.open_outline() as outline:
            top = [item.title for item in outline.root]
            assert top == ["At a glance", "Contents", *SECTIONS]
            summary = next(i for i in outline.root if i.title == "Summary and way forward")
            assert [c.title for c in summary.children] == ["Recommendations", "Action points"]
        links = [a for page in reader.pages for a in page.get("/Annots", [])
                 if a.get("/Subtype") == "/Link"]  # fmt: skip
        assert len(links) >= 38
        tags = [tag for _, tag, _ in structure(reader)]
        for tag in ("H1", "H2", "H3", "Table", "TH", "TD", "L", "LI", "Link", "Figure"):
            assert tag in tags, tag
        box = [round(float(v), 1) for v in reader.pages[0].mediabox]
        assert box == [0, 0, 595.3, 841.9]  # A4
    text = pdf_text(data)
    for section in SECTIONS:
        assert section in text
    assert "Page 2 of" in text and "Error!" not in text


def test_pdf_is_deterministic(document):
    assert html.to_pdf(document) == html.to_pdf(document)


def test_the_cover_has_a_page_of_its_own_then_the_grades_at_a_glance(document):
    pages = pdf_text(html.to_pdf(document)).split("\f")
    cover = " ".join(pages[0].split())
    assert cover == ("Anytown Council Readiness review: Anytown Anytown readiness review "
                     "2026–27. Framework: Inspecting local authority children's services "
                     "(2026). Report of 26 November 2026")  # fmt: skip
    glance = " ".join(pages[1].split())
    assert glance.startswith("Readiness review: Anytown At a glance Our grades Judgement")
    assert "2 recommendations and 6 action points: 8 open, 0 overdue." in glance
    assert glance.endswith("Anytown Council Page 2 of 13")
    assert " ".join(pages[2].split()).startswith("Readiness review: Anytown Contents")


def test_a_long_row_goes_on_over_the_next_page_with_every_word():
    from dataclasses import replace

    data = sample_data()
    long = replace(data.judgements[0], rationale="Long rationale words. " * 300)
    document = compose(replace(data, judgements=(long, *data.judgements[1:])))
    words = pdf_text(html.to_pdf(document)).split()
    # Every word printed: 300 in the judgement's paragraph and 300 in Annex B's grid.
    assert (words.count("Long"), words.count("rationale"), words.count("words.")) == (
        600, 600, 600,
    )  # fmt: skip


def test_the_annex_groups_documents_under_each_line_with_the_question_once(document):
    blocks = document.blocks
    start = next(i for i, b in enumerate(blocks) if getattr(b, "anchor", "") == "annex-a")
    end = next(i for i, b in enumerate(blocks) if getattr(b, "anchor", "") == "annex-b")
    annex = blocks[start:end]
    headings = [b.text for b in annex if isinstance(b, Heading) and b.level == 2]
    tables = [b for b in annex if isinstance(b, Table)]
    assert len(headings) == len(set(headings)) == len(tables)
    assert all(t.header == ("Document", "Agency", "Date", "What it shows") for t in tables)
    questions = [row.line for row in sample_data().evidence]
    assert headings == list(dict.fromkeys(questions))


def test_the_copy_for_members_leaves_the_annex_out():
    document = compose(sample_data(), annex=False)
    text = html.page(document).decode()
    assert "Annex A: evidence index" in text and "Annex B: judgement grid" in text
    assert "Left out of this copy, printed for members" in text
    assert "What it shows" not in text
