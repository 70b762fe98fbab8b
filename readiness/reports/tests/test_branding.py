"""The council's name, colour and logo, by configuration, on every format."""

import io

import pikepdf
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from docx import Document

from readiness.lib.branding import report_branding
from readiness.lib.testing.files import pdf_text, structure

from .helpers import png_bytes

pytestmark = pytest.mark.django_db


def test_the_defaults(settings):
    settings.READINESS_ORGANISATION = ""
    brand = report_branding()
    assert (brand.organisation, brand.colour, brand.logo_png) == ("", "#1d70b8", None)


def test_name_colour_and_logo_reach_every_format(settings, tmp_path, as_lead, review):
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes(30, 10))
    settings.READINESS_ORGANISATION = "Anytown Borough Council"
    settings.READINESS_REPORT_COLOUR = "#6F2C91"
    settings.READINESS_REPORT_LOGO = str(logo)
    pdf = as_lead.get(reverse("reports:download", args=[review.id, "pdf"])).content
    with pikepdf.open(io.BytesIO(pdf)) as printed:
        images = {x.objgen: (int(x.Width), int(x.Height)) for page in printed.pages
                  for x in page.get_images().values()}  # fmt: skip
        assert list(images.values()) == [(30, 10)]  # the logo, on the cover
        pages = b"".join(page.Contents.read_bytes() for page in printed.pages)
        alts = [str(e.Alt) for _, tag, e in structure(printed) if tag == "Figure"]
    assert b"0.435294 0.172549 0.568627 rg" in pages  # the headings in the council's colour
    assert alts == ["Anytown Borough Council logo"]
    assert "Anytown Borough Council" in pdf_text(pdf)
    html = as_lead.get(reverse("reports:download", args=[review.id, "html"])).content.decode()
    assert "<strong>Anytown Borough Council</strong>" in html
    assert "color:#6f2c91" in html and 'alt="Anytown Borough Council logo"' in html
    docx = as_lead.get(reverse("reports:download", args=[review.id, "docx"])).content
    word = Document(io.BytesIO(docx))
    assert len(word.inline_shapes) == 1
    assert str(word.styles["Heading 1"].font.color.rgb) == "6F2C91"
    assert word.core_properties.author == "Anytown Borough Council"


@pytest.mark.parametrize(
    "name,value,message",
    [
        ("READINESS_REPORT_COLOUR", "purple",
         "READINESS_REPORT_COLOUR must be a colour like #1d70b8, not 'purple'."),
        ("READINESS_REPORT_LOGO", "/nowhere/logo.png",
         "READINESS_REPORT_LOGO: there is no file /nowhere/logo.png."),
    ],
)  # fmt: skip
def test_a_bad_setting_is_a_clear_error(settings, name, value, message):
    setattr(settings, name, value)
    with pytest.raises(ImproperlyConfigured) as error:
        report_branding()
    assert str(error.value) == message


def test_a_logo_that_is_not_a_png_is_refused(settings, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"GIF89a")
    settings.READINESS_REPORT_LOGO = str(logo)
    with pytest.raises(ImproperlyConfigured) as error:
        report_branding()
    assert str(error.value) == "READINESS_REPORT_LOGO must be a PNG image."
