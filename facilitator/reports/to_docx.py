"""A report as a Word document (python-docx) a rapporteur can hand on unchanged: A4, a title page, a table
of contents, Word's own styles (Title, Subtitle, Heading 1-3, Quote, List Bullet, a built-in table style)
so the navigation pane, the contents and a reader's own house style all work, page numbers in the footer,
each chapter on a new page."""

from __future__ import annotations

import io
import re
from datetime import datetime

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml.etree import SubElement

from facilitator.reports.document import BulletList, Heading, Paragraph, Quote, Report, Table

TABLE_STYLE = "Medium Shading 1 Accent 1"
TABLE_TEXT = "Table Text"  # the paragraphs in table cells: no space after, a size smaller
PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN_SIDE, MARGIN_TOP = Cm(2.3), Cm(2.3)
TEXT_WIDTH = Cm(21.0 - 2 * 2.3)
ACCENT = RGBColor(0x1F, 0x38, 0x64)
MUTED = RGBColor(0x59, 0x5F, 0x69)
NOTICE = RGBColor(0x8A, 0x1C, 0x1C)
# Characters XML 1.0 does not allow; the text was cleaned on the way in, this is the last guard.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _safe(text) -> str:
    return _NOT_XML.sub("", "" if text is None else str(text))


def render(report: Report, *, generated_at: datetime | None = None) -> bytes:
    document = Document()
    _set_up(document, report, generated_at)
    _title_page(document, report)
    _contents(document, report)
    body = _Body(document)
    blocks = report.blocks
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        # An introduction (or a label standing alone) stays on the page of what it introduces.
        introduces = isinstance(block, Paragraph) and (
            not block.text or isinstance(following, (Table, Quote, BulletList))
        )
        _block(body, block, keep_next=introduces)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Page, styles, properties ----------------------------------------------------------------------------


def _set_up(document, report: Report, generated_at: datetime | None) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN_SIDE
    section.top_margin, section.bottom_margin = MARGIN_TOP, Cm(2.2)
    section.footer_distance = Cm(1.1)
    section.different_first_page_header_footer = True  # no footer on the title page

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    styles["Heading 1"].paragraph_format.page_break_before = True
    styles["Heading 1"].paragraph_format.space_after = Pt(10)
    styles["Heading 2"].paragraph_format.space_before = Pt(16)
    styles["Heading 3"].paragraph_format.space_before = Pt(10)
    styles["Quote"].paragraph_format.left_indent = Cm(0.8)
    styles["Quote"].paragraph_format.space_after = Pt(6)
    styles["List Bullet"].paragraph_format.space_after = Pt(3)
    table_text = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(9.5)
    table_text.paragraph_format.space_before = table_text.paragraph_format.space_after = Pt(1.5)
    table_text.paragraph_format.line_spacing = 1.0
    for level, indent in ((1, 0), (2, 0.6)):
        # Word's own contents styles ("toc 1", "toc 2"): Word uses them when it updates the contents.
        name = f"toc {level}"
        style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.paragraph_format.left_indent = Cm(indent)
        style.paragraph_format.space_after = Pt(3 if level == 1 else 1)
        style.font.bold = level == 1

    footer = section.footer.paragraphs[0]
    footer.style = styles["Footer"]
    footer.paragraph_format.tab_stops.clear_all()
    footer.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    run = footer.add_run(_safe(f"{report.title} · {report.kind}"))
    run.font.size, run.font.color.rgb = Pt(8.5), MUTED
    run = footer.add_run("\tPage ")
    run.font.size, run.font.color.rgb = Pt(8.5), MUTED
    _field(footer, "PAGE", "1")
    run = footer.add_run(" of ")
    run.font.size, run.font.color.rgb = Pt(8.5), MUTED
    _field(footer, "NUMPAGES", "1")

    # Word refreshes the contents and page numbers when the document is opened.
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)

    properties = document.core_properties
    properties.title = _safe(report.title)[:255]
    properties.subject = _safe(report.kind)[:255]
    properties.author = "Rapporteur team"
    properties.last_modified_by = "facilitator"
    properties.comments = "Generated from the event's live record."
    properties.keywords = "child online safety; roundtable; report"
    properties.revision = 1
    if generated_at is not None:
        properties.created = properties.modified = generated_at.replace(tzinfo=None)


def _field(paragraph, instruction: str, placeholder: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "17")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(MUTED))
    properties.append(colour)
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


# --- Title page and contents --------------------------------------------------------------------------------


def _title_page(document, report: Report) -> None:
    spacer = document.add_paragraph()
    spacer.paragraph_format.space_before = Cm(4.5)
    kind = document.add_paragraph()
    run = kind.add_run(_safe(report.kind).upper())
    run.bold, run.font.size, run.font.color.rgb = True, Pt(11), RGBColor(0x2F, 0x54, 0x96)
    document.add_paragraph(_safe(report.title), style="Title")
    if report.subtitle:
        document.add_paragraph(_safe(report.subtitle), style="Subtitle")
    facts = document.add_paragraph()
    facts.paragraph_format.space_before = Cm(1.2)
    for index, (name, value) in enumerate(report.facts):
        if index:
            facts.add_run().add_break()
        facts.add_run(_safe(f"{name}: ")).bold = True
        facts.add_run(_safe(value))
    first = True
    for notice in report.notices:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Cm(1.2) if first else Pt(0)
        run = paragraph.add_run(_safe(notice))
        run.font.size = Pt(9.5) if not (report.full and first) else Pt(11)
        run.font.color.rgb = NOTICE if report.full and first else MUTED
        run.bold = bool(report.full and first)
        first = False
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _contents(document, report: Report) -> None:
    document.add_paragraph("Contents", style="TOC Heading")
    headings = report.headings(2)
    paragraphs = [
        document.add_paragraph(_safe(h.text) if i else "", style=f"toc {h.level}") for i, h in enumerate(headings)
    ] or [document.add_paragraph()]
    # A contents field Word fills with page numbers; until then it shows the headings written here.
    first, last = paragraphs[0], paragraphs[-1]
    runs = [_fld_char("begin"), _instr('TOC \\o "1-2" \\h \\z \\u'), _fld_char("separate")]
    for element in runs:
        first._p.append(element)
    if headings:
        first.add_run(_safe(headings[0].text))
    last._p.append(_fld_char("end"))


def _fld_char(kind: str):
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def _instr(text: str):
    run = OxmlElement("w:r")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = text
    run.append(instruction)
    return run


# --- Blocks ----------------------------------------------------------------------------------------------------
#
# The body is written as WordprocessingML elements directly: python-docx's paragraph and table API looks a
# style up by name on every call and re-scans the body for each insertion, which made a big event's report
# take seconds. The elements are the same ones python-docx writes, with the same built-in styles.


class _Body:
    def __init__(self, document):
        styles = document.styles
        self.ids = {
            name: styles[name].style_id
            for name in ("Heading 1", "Heading 2", "Heading 3", "Quote", "List Bullet", TABLE_TEXT, TABLE_STYLE)
        }
        self.end = document.element.body.sectPr  # everything goes before the section's properties

    def add(self, element) -> None:
        self.end.addprevious(element)

    def paragraph(self, runs: list, *, style: str | None = None, keep_next: bool = False, right: bool = False):
        paragraph = OxmlElement("w:p")
        if style or keep_next or right:
            properties = SubElement(paragraph, qn("w:pPr"))
            if style:
                SubElement(properties, qn("w:pStyle")).set(qn("w:val"), self.ids[style])
            if keep_next:
                SubElement(properties, qn("w:keepNext"))
            if right:
                SubElement(properties, qn("w:jc")).set(qn("w:val"), "right")
        for run in runs:
            paragraph.append(run)
        return paragraph


def _runs(
    text: str,
    *,
    bold: bool = False,
    italic: bool | None = None,
    size: float | None = None,
    color: RGBColor | None = None,
) -> list:
    """One run per line, joined by line breaks."""
    runs = []
    for index, line in enumerate(_safe(text).split("\n")):
        run = OxmlElement("w:r")
        if bold or italic is not None or size or color is not None:
            properties = SubElement(run, qn("w:rPr"))
            if bold:
                SubElement(properties, qn("w:b"))
            if italic is not None:
                SubElement(properties, qn("w:i")).set(qn("w:val"), "1" if italic else "0")
            if color is not None:
                SubElement(properties, qn("w:color")).set(qn("w:val"), str(color))
            if size:
                SubElement(properties, qn("w:sz")).set(qn("w:val"), str(int(size * 2)))
        if index:
            SubElement(run, qn("w:br"))
        text_element = SubElement(run, qn("w:t"))
        text_element.set(qn("xml:space"), "preserve")
        text_element.text = line
        runs.append(run)
    return runs


def _block(body: _Body, block, keep_next: bool = False) -> None:
    if isinstance(block, Heading):
        body.add(body.paragraph(_runs(block.text), style=f"Heading {block.level}"))
    elif isinstance(block, Paragraph):
        colour = {"muted": MUTED, "notice": NOTICE}.get(block.tone)
        runs = []
        if block.label:
            runs += _runs(block.label + (" " if block.text else ""), bold=True, color=colour)
        if block.text:
            runs += _runs(block.text, color=colour)
        body.add(body.paragraph(runs, keep_next=keep_next))
    elif isinstance(block, BulletList):
        for item in block.items:
            body.add(body.paragraph(_runs(item), style="List Bullet"))
    elif isinstance(block, Quote):
        runs = _runs(f"“{block.text}”")
        if block.source:
            runs += _source_runs(block.source)
        body.add(body.paragraph(runs, style="Quote"))
    elif isinstance(block, Table):
        body.add(_table(body, block))
        # A little air between a table and what follows it.
        spacer = body.paragraph([])
        spacing = SubElement(spacer.get_or_add_pPr(), qn("w:spacing"))
        spacing.set(qn("w:after"), "40")
        body.add(spacer)
    else:
        raise TypeError(f"unknown block {block!r}")


def _source_runs(source: str) -> list:
    """Where a quote came from, on its own line, small and upright."""
    run = _runs(f"— {source}", italic=False, size=9, color=MUTED)[0]
    run.insert(1, OxmlElement("w:br"))
    return [run]


def _table(body: _Body, block: Table):
    columns = len(block.columns)
    weights = block.widths if len(block.widths) == columns else _guess_widths(block)
    total = sum(weights)
    widths = [int(TEXT_WIDTH.twips * w / total) for w in weights]
    table = OxmlElement("w:tbl")
    properties = SubElement(table, qn("w:tblPr"))
    SubElement(properties, qn("w:tblStyle")).set(qn("w:val"), body.ids[TABLE_STYLE])
    width = SubElement(properties, qn("w:tblW"))
    width.set(qn("w:w"), str(sum(widths)))
    width.set(qn("w:type"), "dxa")
    SubElement(properties, qn("w:tblLayout")).set(qn("w:type"), "fixed")
    look = SubElement(properties, qn("w:tblLook"))
    # The header row styled as a header, banded rows, no bold first column.
    for name, value in (
        ("w:val", "0420"),
        ("w:firstRow", "1"),
        ("w:lastRow", "0"),
        ("w:firstColumn", "0"),
        ("w:lastColumn", "0"),
        ("w:noHBand", "0"),
        ("w:noVBand", "1"),
    ):
        look.set(qn(name), value)
    grid = SubElement(table, qn("w:tblGrid"))
    for column_width in widths:
        SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(column_width))
    for row_index, values in enumerate([block.columns, *block.rows]):
        row = SubElement(table, qn("w:tr"))
        row_properties = SubElement(row, qn("w:trPr"))
        SubElement(row_properties, qn("w:cantSplit"))  # a row never breaks across pages
        if row_index == 0:
            SubElement(row_properties, qn("w:tblHeader"))  # the header repeats on every page
        for index in range(columns):
            cell_value = values[index] if index < len(values) else None
            cell = SubElement(row, qn("w:tc"))
            cell_width = SubElement(SubElement(cell, qn("w:tcPr")), qn("w:tcW"))
            cell_width.set(qn("w:w"), str(widths[index]))
            cell_width.set(qn("w:type"), "dxa")
            cell.append(
                body.paragraph(
                    _runs("" if cell_value is None else str(cell_value)),
                    style=TABLE_TEXT,
                    right=block.is_numeric(index),
                )
            )
    return table


def _guess_widths(block: Table) -> list[float]:
    """Columns as wide as their longest words and typical text, numbers narrow."""
    weights: list[float] = []
    for index, name in enumerate(block.columns):
        values = [str(row[index]) for row in block.rows[:200] if index < len(row) and row[index] is not None]
        typical = sorted(len(v) for v in values)[len(values) // 2] if values else 0
        longest = max([len(v) for v in values] + [len(name)])
        weights.append(max(len(name), min(longest, 12) if block.is_numeric(index) else min(typical + 6, 60), 4))
    return weights
