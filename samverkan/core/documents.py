"""What the Word reports share (the network's standing report, the joint needs analysis):
a document in the active language, tables with a repeated bold header, and saving to a
temporary file that a FileResponse streams and closes."""

import tempfile

from django.utils import translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def new_document(title: str, *, landscape: bool = False):
    """An A4 document with narrow margins, small body text, `title` in its properties."""
    document = Document()
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    document.styles["Normal"].font.size = Pt(9 if landscape else 10)
    document.core_properties.title = title
    document.core_properties.language = translation.get_language() or "sv"
    return document


def repeat_header(row) -> None:
    """Repeat the table's header row on every page it runs over."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def docx_table(document, headers: list[str], rows: list[list], footer: list | None = None):
    """A table with a bold header row (repeated on every page) and an optional bold footer.

    All rows are made at once: python-docx's add_row() takes twice as long per row.
    """
    values = [headers, *rows, *([footer] if footer else [])]
    table = document.add_table(rows=len(values), cols=len(headers))
    table.style = "Table Grid"
    repeat_header(table.rows[0])
    last = len(values) - 1
    for index, (row, texts) in enumerate(zip(table.rows, values, strict=True)):
        bold = index == 0 or (footer is not None and index == last)
        for cell, text in zip(row.cells, texts, strict=True):
            run = cell.paragraphs[0].add_run(str(text))
            if bold:
                run.bold = True
    return table


def save_to_tempfile(document, suffix: str = ".docx"):
    """The document (or an openpyxl workbook, with suffix ".xlsx") in an open temporary file at
    its start."""
    handle = tempfile.TemporaryFile(suffix=suffix)  # noqa: SIM115 - FileResponse closes it
    document.save(handle)
    handle.seek(0)
    return handle


def cell(value):
    """Text a spreadsheet would run as a formula (CSV injection) is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def sheet_title(text: str) -> str:
    for character in "[]:*?/\\":
        text = text.replace(character, " ")
    return text[:31]
