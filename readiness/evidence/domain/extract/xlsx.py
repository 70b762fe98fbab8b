"""Excel workbooks through openpyxl (read-only, cached values): each sheet is a page,
each row a line of tab-joined cells.

`data_only=True` reads the values Excel saved, never formulas, and nothing is
recalculated; a formula Excel never computed reads as empty. The zip has already passed
the size caps and the DTD check before openpyxl sees it.
"""

from __future__ import annotations

import io
import warnings as python_warnings
from datetime import date, datetime, time

from openpyxl import load_workbook

from ..types import Extracted, Limits, Page, Rejected
from .office import core_properties
from .safety import open_zip, refuse_doctypes

LABEL = "Excel workbook"
MAX_ROWS = 20_000  # per sheet: a data dump beyond this adds bulk, not evidence


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def read_xlsx(data: bytes, limits: Limits) -> Extracted:
    archive = open_zip(data, limits, LABEL)
    with archive:
        refuse_doctypes(archive, LABEL)
        title, found = core_properties(archive, LABEL)
    warnings: list[str] = []
    pages: list[Page] = []
    chars = 0
    try:
        with python_warnings.catch_warnings():
            # openpyxl warns about every extension it does not model; none matter here.
            python_warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                for number, sheet in enumerate(workbook.worksheets, start=1):
                    if number > limits.max_pages:
                        warnings.append(f"Only the first {limits.max_pages:,} sheets were read.")
                        break
                    lines = [sheet.title]
                    for index, row in enumerate(sheet.iter_rows(values_only=True)):
                        if index >= MAX_ROWS or chars > limits.max_text_chars:
                            warnings.append(
                                f"Sheet “{sheet.title}”: only the first {index:,} rows were read."
                            )
                            break
                        cells = [_cell(value) for value in row]
                        while cells and not cells[-1]:
                            cells.pop()
                        if cells:
                            line = "\t".join(cells)
                            chars += len(line)
                            lines.append(line)
                    # The sheet's name is a heading of its own, above its rows.
                    pages.append(Page(number, lines[0] + "\n\n" + "\n".join(lines[1:])))
            finally:
                workbook.close()
    except Rejected:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged workbook
        raise Rejected(
            f"The {LABEL} is damaged and cannot be read: ask the agency to send it again."
        ) from error
    return Extracted(
        file_type="xlsx", pages=tuple(pages), title=title, date=found, warnings=tuple(warnings)
    )
