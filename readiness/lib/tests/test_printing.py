"""Printing through WeasyPrint: an unbroken word of 100,000 characters (pasted, or sent to
harm the service) prints quickly, cut and saying so; markup is never cut."""

from __future__ import annotations

import base64
import io
import time
from dataclasses import replace

import pikepdf

from readiness.lib.printing import LONGEST_WORD, html_to_pdf, shorten_long_words
from readiness.lib.testing.files import pdf_text
from readiness.reports.domain import html
from readiness.reports.domain.compose import compose
from readiness.reports.domain.sample import sample_data

WORD = "x" * 100_000


def test_a_long_word_in_the_text_is_cut_and_says_how_long_it_was():
    page = f'<p title="{WORD}"><img src="data:image/png;base64,{WORD}">{WORD} end</p>'
    shortened = shorten_long_words(page)
    cut = "x" * LONGEST_WORD + "… [a word of 100,000 characters, shortened] end"
    assert shortened == f'<p title="{WORD}"><img src="data:image/png;base64,{WORD}">{cut}</p>'
    assert shorten_long_words("<p>" + "y" * LONGEST_WORD + "</p>") == (
        "<p>" + "y" * LONGEST_WORD + "</p>"
    )


def test_a_page_with_a_100_000_character_word_prints_within_a_second():
    html_to_pdf("<html lang='en-GB'><title>Warm</title><p>warm the fonts</p></html>")
    started, cpu = time.perf_counter(), time.process_time()
    data = html_to_pdf(f"<html lang='en-GB'><title>Long</title><p>{WORD}</p></html>")
    # CPU time of this process: the machine may be shared, the work is what is measured.
    assert time.process_time() - cpu < 1.0, time.perf_counter() - started
    assert "[a word of 100,000 characters, shortened]" in " ".join(pdf_text(data).split())


def test_a_100_000_character_action_adds_under_a_second_to_the_report():
    data = sample_data(findings=2, items=2, documents=2)
    long = replace(data.items[0], text=WORD)
    document = compose(replace(data, items=(long, *data.items[1:])))
    html.to_pdf(compose(data))  # fonts and styles loaded once, as in a running server
    cpu = time.process_time()
    html.to_pdf(compose(data))
    plain = time.process_time() - cpu
    cpu = time.process_time()
    rendered = html.to_pdf(document)
    # Issue 15 asks for the render within a second; reading the text back is not timed.
    assert time.process_time() - cpu - plain < 1.0
    printed = pdf_text(rendered)
    assert printed.count("[a word of 100,000 characters, shortened]") == 3  # body, summary, C


def test_printing_fetches_nothing_but_inline_images_and_our_own_font(tmp_path):
    from PIL import Image

    secret = tmp_path / "secret.png"
    Image.new("RGB", (7, 5), "red").save(secret)
    inline = "data:image/png;base64," + base64.b64encode(secret.read_bytes()).decode()
    page = (f"<html lang='en-GB'><title>T</title><img src='{secret.as_uri()}' alt='a'>"
            f"<img src='http://127.0.0.1:9/x.png' alt='b'><img src='{inline}' alt='c'>"
            "<p>Łukasz</p></html>")  # fmt: skip
    data = html_to_pdf(page)
    assert "Łukasz" in pdf_text(data)  # the font still loads, from our static files
    with pikepdf.open(io.BytesIO(data)) as pdf:
        images = {x.objgen for page in pdf.pages for x in page.get_images().values()}
    assert len(images) == 1  # the inline image only; the file on disk was not read
