"""Exports of consultation comments for the drafting unit: XLSX (openpyxl) and DOCX (python-docx)."""

import io

from django.utils import timezone

HEADERS = [
    "STT",
    "Điều khoản",
    "Họ và tên",
    "Cơ quan, tổ chức",
    "Thư điện tử",
    "Ý kiến",
    "Ngày gửi",
    "Trạng thái",
]


def _rows(draft):
    comments = draft.comments.select_related("article").order_by("article__sort_order", "created_at", "pk")
    for number, c in enumerate(comments, 1):
        yield [
            number,
            str(c.article) if c.article else "Toàn bộ dự thảo",
            c.name,
            c.organisation,
            c.email,
            c.text,
            timezone.localtime(c.created_at).strftime("%d/%m/%Y %H:%M"),
            c.get_status_display(),
        ]


def _safe_cell(value):
    """Neutralise spreadsheet formulas in citizen text (CSV/XLSX injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def comments_xlsx(draft) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Y kien gop y"
    ws.append([f"Tổng hợp ý kiến góp ý: {draft.title}"])
    ws["A1"].font = Font(bold=True)
    ws.append(HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in _rows(draft):
        ws.append([_safe_cell(v) for v in row])
    for col, width in zip("ABCDEFGH", (6, 20, 22, 24, 26, 70, 17, 12), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=3):
        row[5].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def comments_docx(draft) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(f"Tổng hợp ý kiến góp ý dự thảo: {draft.title}", level=1)
    doc.add_paragraph(
        f"Thời gian lấy ý kiến: {draft.opens_on.strftime('%d/%m/%Y')} – {draft.closes_on.strftime('%d/%m/%Y')}"
    )
    rows = list(_rows(draft))
    table = doc.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)
    doc.add_paragraph(f"Tổng số ý kiến: {len(rows)}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
