"""The report as HTML: a fragment for the page (GOV.UK Frontend classes) and a standalone
file to download, with its own small stylesheet for the screen and the logo inline. The
PDF is that same file printed (`to_pdf`, through `readiness.lib.printing` and its print
stylesheet): a cover page, then the grades at a glance, the contents with page numbers,
and the body."""

from __future__ import annotations

import base64
import html

from readiness.lib.printing import html_to_pdf

from .document import (
    BulletList,
    Contents,
    Document,
    Heading,
    Item,
    Note,
    PageBreak,
    Paragraph,
    Ref,
    Table,
)

e = html.escape
HEADING = {1: ("h2", "govuk-heading-l"), 2: ("h3", "govuk-heading-m"), 3: ("h4", "govuk-heading-s")}


def inline(content) -> str:
    return "".join(
        f'<a class="govuk-link" href="#{e(part.target)}">{e(part.text)}</a>'
        if isinstance(part, Ref)
        else e(part)
        for part in content
    )


def _cell(value) -> str:
    return inline(value) if isinstance(value, tuple) else e(str(value))


def fragment(document: Document) -> str:
    """The report's body, headings from h2 down (the page holds the h1)."""
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            tag, css = HEADING[block.level]
            out.append(f'<{tag} class="{css}" id="{e(block.anchor)}">{e(block.text)}</{tag}>')
        elif isinstance(block, Paragraph):
            if block.number is None:
                out.append(f'<p class="govuk-body">{inline(block.content)}</p>')
            else:
                out.append(
                    f'<p class="govuk-body report-para" id="{e(block.anchor)}">'
                    f'<strong class="report-para__number">{block.number}</strong> '
                    f"{inline(block.content)}</p>"
                )
        elif isinstance(block, Note):
            out.append(f'<p class="govuk-body-s report-note">{inline(block.content)}</p>')
        elif isinstance(block, BulletList):
            items = "".join(f"<li>{inline(item)}</li>" for item in block.items)
            out.append(f'<ul class="govuk-list govuk-list--bullet">{items}</ul>')
        elif isinstance(block, Item):
            guidance = "".join(f"<li>{e(line)}</li>" for line in block.guidance)
            raised = (
                f' <span class="govuk-body-s">(raised in {inline((block.raised_in,))})</span>'
                if block.raised_in
                else ""
            )
            out.append(
                f'<div class="govuk-inset-text report-item" id="{e(block.anchor)}">'
                f'<p class="govuk-body govuk-!-margin-bottom-1"><strong>{e(block.label)}'
                f"</strong></p>"
                f'<p class="govuk-body"><strong>{e(block.code)}</strong> {e(block.text)}'
                f"{raised}</p>"
                + (f'<ul class="govuk-list govuk-list--bullet">{guidance}</ul>' if guidance else "")
                + "</div>"
            )
        elif isinstance(block, Table):
            head = "".join(f'<th scope="col" class="govuk-table__header">{e(h)}</th>'
                           for h in block.header)  # fmt: skip
            rows = "".join(
                '<tr class="govuk-table__row">'
                + "".join(f'<td class="govuk-table__cell">{_cell(c)}</td>' for c in row)
                + "</tr>"
                for row in block.rows
            )
            anchor = f' id="{e(block.anchor)}"' if block.anchor else ""
            weights = block.widths or (1,) * len(block.header)
            # Fixed column widths: printing lays the table out without measuring every word.
            columns = "".join(f'<col width="{100 * w / sum(weights):.1f}%">' for w in weights)
            out.append(
                f'<table class="govuk-table report-table"{anchor}>'
                f'<caption class="govuk-table__caption govuk-table__caption--s">'
                f"{e(block.caption)}</caption><colgroup>{columns}</colgroup>"
                f'<thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr>'
                f'</thead><tbody class="govuk-table__body">{rows}</tbody></table>'
            )
        elif isinstance(block, Contents):
            out.append('<nav aria-labelledby="contents"><ol class="govuk-list report-contents">')
            for entry in block.entries:
                css = ' class="report-contents__sub"' if entry.level > 1 else ""
                out.append(f'<li{css}><a class="govuk-link" href="#{e(entry.target)}">'
                           f"{e(entry.text)}</a></li>")  # fmt: skip
            out.append("</ol></nav>")
        elif isinstance(block, PageBreak):
            out.append(
                '<hr class="govuk-section-break govuk-section-break--l report-break print-break">'
            )
    return "\n".join(out)


STYLE = """:root{--brand:%(colour)s}
@media screen{
body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:50em;margin:2em auto;
padding:0 1em;line-height:1.45}
h1,h2,h3,h4{color:%(colour)s;line-height:1.2}
.govuk-heading-l{font-size:1.6em;border-bottom:2px solid %(colour)s;padding-bottom:.2em;
margin-top:1.6em}
.govuk-heading-m{font-size:1.25em;margin-top:1.4em}.govuk-heading-s{font-size:1.05em}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
.report-para{padding-left:2.5em;text-indent:-2.5em}
.report-para__number{display:inline-block;width:2.25em;text-indent:0}
.report-note{color:#484949;font-size:.9em;padding-left:2.5em}
.report-item{border-left:5px solid %(colour)s;padding:.2em 1em;margin:1em 0 1em 2.5em}
.report-item p{margin:.3em 0}
table{border-collapse:collapse;width:100%%;font-size:.9em;margin:1em 0}
caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border:1px solid #b1b4b6;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f3f2f1}
.report-contents{list-style:none;padding:0}.report-contents li{margin:0 0 .5em}
.report-contents__sub{padding-left:1.5em}
.report-logo{max-height:80px}.report-title{border:0;font-size:2em}
}
"""


def page(document: Document) -> bytes:
    """A standalone HTML file."""
    brand = document.branding
    logo = ""
    if brand.logo_png:
        data = base64.b64encode(brand.logo_png).decode()
        logo = (f'<img class="report-logo" src="data:image/png;base64,{data}" '
                f'alt="{e(brand.logo_alt or brand.organisation)}">')  # fmt: skip
    organisation = (
        f'<p class="print-organisation"><strong>{e(brand.organisation)}</strong></p>'
        if brand.organisation
        else ""
    )
    return (
        f'<!DOCTYPE html><html lang="{e(document.language)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(document.title)}</title><style>{STYLE % {'colour': brand.colour}}</style>"
        f'</head><body><header class="print-cover">{logo}{organisation}'
        f'<h1 class="report-title print-title">{e(document.title)}</h1>'
        f"<p>{e(document.subtitle)}</p><p>{e(document.date_line)}</p></header>"
        f"<main>{fragment(document)}</main></body></html>"
    ).encode()


def to_pdf(document: Document) -> bytes:
    """The standalone file, printed: tagged PDF/UA-1 with contents, bookmarks and links."""
    return html_to_pdf(page(document).decode())
