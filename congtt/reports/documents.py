"""Vietnamese administrative-document layout for XLSX and DOCX exports (Nghị định 30/2020/NĐ-CP shape).

Header: governing body / AGENCY / Số: … on the left; Quốc hiệu and tiêu ngữ on the right; then
"<place>, ngày … tháng … năm …", the title, the table, extra lines and the signature block.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


@dataclass
class AdminDocument:
    agency: str
    title: str
    headers: list[str]
    rows: list[list]
    governing_body: str = ""
    number: str = ""
    subtitle: str = ""
    date: datetime.date | None = None
    place: str = ""
    totals: list | None = None
    notes: list[str] = field(default_factory=list)
    signers: list[tuple[str, str]] = field(default_factory=list)  # (title, name)
    money_columns: set[int] = field(default_factory=set)
    # further tables: [{"heading", "headers", "rows", "totals"}] (reports: one per section)
    sections: list[dict] = field(default_factory=list)

    def date_line(self) -> str:
        d = self.date or datetime.date.today()
        place = self.place or getattr(settings, "REPORT_PLACE", "")
        return f"{place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def _sheet_title(text: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    import re

    return re.sub(r"[\[\]:*?/\\]", "-", text)[:31] or "Sheet1"


def _money(v) -> str:
    return f"{int(v):,}".replace(",", ".")


def to_xlsx(doc: AdminDocument) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(doc.title)
    ncols = max(len(doc.headers), 4)
    half = max(ncols // 2, 1)
    bold = Font(bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def merged(row, c1, c2, value, font=None):
        ws.cell(row=row, column=c1, value=value)
        if c2 > c1:
            ws.merge_cells(start_row=row, start_column=c1, end_row=row, end_column=c2)
        cell = ws.cell(row=row, column=c1)
        cell.alignment = center
        if font:
            cell.font = font

    merged(1, 1, half, (doc.governing_body or "").upper())
    merged(1, half + 1, ncols, QUOC_HIEU, bold)
    merged(2, 1, half, doc.agency.upper(), bold)
    merged(2, half + 1, ncols, TIEU_NGU, bold)
    merged(3, 1, half, f"Số: {doc.number}" if doc.number else "")
    merged(3, half + 1, ncols, doc.date_line(), Font(italic=True))
    merged(5, 1, ncols, doc.title.upper(), Font(bold=True, size=13))
    if doc.subtitle:
        merged(6, 1, ncols, doc.subtitle, Font(italic=True))
    start = 8
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for c, h in enumerate(doc.headers, start=1):
        cell = ws.cell(row=start, column=c, value=h)
        cell.font = bold
        cell.alignment = center
        cell.border = border
    r = start
    for r, row in enumerate(doc.rows, start=start + 1):
        for c, v in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.border = border
            if c - 1 in doc.money_columns:
                cell.number_format = "#,##0"
    if doc.totals:
        r += 1
        for c, v in enumerate(doc.totals, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.font = bold
            cell.border = border
            if c - 1 in doc.money_columns:
                cell.number_format = "#,##0"
    r += 2
    for note in doc.notes:
        ws.cell(row=r, column=1, value=note)
        r += 1
    r += 1
    for i, (title, name) in enumerate(doc.signers):
        col = 1 if i == 0 else half + 1
        end = half if i == 0 else ncols
        merged(r, col, end, title, bold)
        merged(r + 1, col, end, "(Ký, ghi rõ họ tên)", Font(italic=True))
        merged(r + 5, col, end, name, bold)
    for c in range(1, ncols + 1):
        ws.column_dimensions[get_column_letter(c)].width = 14 if c != 2 else 30
    used = set()
    for i, sec in enumerate(doc.sections, start=1):
        name = _sheet_title(f"{i}. {sec['heading']}")
        while name in used:
            name = name[:28] + f"~{i}"
        used.add(name)
        sheet = wb.create_sheet(name)
        sheet.cell(row=1, column=1, value=f"{i}. {sec['heading']}").font = bold
        for c, h in enumerate(sec["headers"], start=1):
            cell = sheet.cell(row=3, column=c, value=h)
            cell.font = bold
            cell.border = border
            sheet.column_dimensions[get_column_letter(c)].width = 36 if c == 1 else 18
        r2 = 3
        for r2, row in enumerate(sec["rows"], start=4):
            for c, v in enumerate(row, start=1):
                sheet.cell(row=r2, column=c, value=v).border = border
        if sec.get("totals"):
            r2 += 1
            for c, v in enumerate(sec["totals"], start=1):
                cell = sheet.cell(row=r2, column=c, value=v)
                cell.font = bold
                cell.border = border
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_docx(doc: AdminDocument) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    d = Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    section = d.sections[0]
    if len(doc.headers) > 5:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = Cm(3)
    section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(2)

    head = d.add_table(rows=3, cols=2)
    left = [(doc.governing_body or "").upper(), doc.agency.upper(), f"Số: {doc.number}" if doc.number else ""]
    right = [QUOC_HIEU, TIEU_NGU, doc.date_line()]
    for i in range(3):
        for j, text in enumerate((left[i], right[i])):
            p = head.cell(i, j).paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(text)
            run.bold = (j == 0 and i == 1) or (j == 1 and i < 2)
            run.italic = j == 1 and i == 2
            run.font.size = Pt(12 if j == 0 or i == 0 else 13)

    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(doc.title.upper())
    run.bold = True
    run.font.size = Pt(14)
    if doc.subtitle:
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(doc.subtitle).italic = True

    def add_table(headers, rows, totals, money_columns):
        table = d.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for c, h in enumerate(headers):
            cell = table.rows[0].cells[c]
            cell.text = ""
            r = cell.paragraphs[0].add_run(str(h))
            r.bold = True
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

        def add_row(values, bold=False):
            cells = table.add_row().cells
            for c, v in enumerate(values):
                numeric = isinstance(v, int) and not isinstance(v, bool)
                if numeric and (c in money_columns or v >= 1000):
                    text = _money(v)
                else:
                    text = "" if v is None else str(v)
                run = cells[c].paragraphs[0].add_run(text)
                run.bold = bold
                if numeric:
                    cells[c].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT

        for row in rows:
            add_row(row)
        if totals:
            add_row(totals, bold=True)

    if doc.headers:
        add_table(doc.headers, doc.rows, doc.totals, doc.money_columns)
    for i, sec in enumerate(doc.sections, start=1):
        h = d.add_paragraph()
        h.add_run(f"{i}. {sec['heading']}").bold = True
        if sec.get("rows"):
            add_table(sec["headers"], sec["rows"], sec.get("totals"), set())
        else:
            d.add_paragraph("Không có số liệu trong kỳ.")
        if sec.get("note"):
            d.add_paragraph().add_run(sec["note"]).italic = True
    for note in doc.notes:
        d.add_paragraph(note)

    if doc.signers:
        sign = d.add_table(rows=3, cols=len(doc.signers))
        for j, (title, name) in enumerate(doc.signers):
            for i, (text, bold, italic) in enumerate(
                [(title, True, False), ("(Ký, ghi rõ họ tên)", False, True), ("\n\n\n" + name, True, False)]
            ):
                p = sign.cell(i, j).paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = p.add_run(text)
                run.bold = bold
                run.italic = italic
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_text(data: bytes) -> str:
    """All text of a DOCX (paragraphs and tables), for tests and previews."""
    from docx import Document

    d = Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)
