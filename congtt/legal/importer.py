"""Import legal documents from a spreadsheet (CSV or XLSX) with a per-row report in Vietnamese.

``read_table`` turns a file into rows (dicts keyed by column code); ``check_rows`` validates every row
without writing; ``import_rows`` saves the valid rows (nothing when ``dry_run``).
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from congtt.vntext import fold, nfc

from . import rules

# column code → header shown in the template (matching ignores case and diacritics)
COLUMNS = {
    "number": "Số/ký hiệu",
    "form": "Hình thức",
    "issuing_body": "Cơ quan ban hành",
    "signer": "Người ký",
    "issue_date": "Ngày ban hành",
    "effective_date": "Ngày có hiệu lực",
    "expiry_date": "Ngày hết hiệu lực",
    "field": "Lĩnh vực",
    "summary": "Trích yếu",
    "replaced_by": "Bị thay thế bởi (số/ký hiệu)",
}
REQUIRED = ("number", "form", "issuing_body", "issue_date", "summary")
MAX_ROWS = 5000
_HEADER_KEYS = {fold(header): code for code, header in COLUMNS.items()}
_HEADER_KEYS.update({code: code for code in COLUMNS})
_HEADER_KEYS.update({"so ky hieu": "number", "so": "number", "bi thay the boi": "replaced_by"})


class ImportFileError(Exception):
    """The file as a whole cannot be read (the message is Vietnamese)."""


@dataclass
class RowResult:
    line: int
    values: dict
    errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    saved: bool = False
    cleaned: dict = field(default_factory=dict)

    @property
    def ok(self):
        return not self.errors


@dataclass
class ImportReport:
    rows: list
    dry_run: bool
    created: int = 0

    @property
    def valid(self):
        return sum(1 for r in self.rows if r.ok)

    @property
    def invalid(self):
        return sum(1 for r in self.rows if not r.ok)


def _header_code(text) -> str | None:
    key = " ".join(fold(str(text or "")).replace("/", " ").replace("(", " ").replace(")", " ").split())
    return _HEADER_KEYS.get(key) or _HEADER_KEYS.get(fold(str(text or "")).strip())


def read_table(content: bytes, filename: str) -> list[tuple[int, dict]]:
    """[(line number, {column code: value})] from a CSV or XLSX file; ImportFileError if unreadable."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        raw_rows = _xlsx_rows(content)
    elif name.endswith(".csv"):
        raw_rows = _csv_rows(content)
    else:
        raise ImportFileError("Chỉ nhận tệp .csv hoặc .xlsx.")
    if not raw_rows:
        raise ImportFileError("Tệp không có dữ liệu.")
    header = [_header_code(cell) for cell in raw_rows[0]]
    missing = [COLUMNS[c] for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError("Thiếu cột bắt buộc: " + ", ".join(missing) + ". Hãy dùng tệp mẫu.")
    rows = []
    for offset, raw in enumerate(raw_rows[1:], start=2):
        values = {}
        for code, cell in zip(header, raw, strict=False):
            if code:
                values[code] = nfc(cell.strip()) if isinstance(cell, str) else cell
        if all(v in (None, "") for v in values.values()):
            continue
        rows.append((offset, values))
        if len(rows) > MAX_ROWS:
            raise ImportFileError(f"Tệp có quá nhiều dòng (tối đa {MAX_ROWS}).")
    return rows


def _csv_rows(content: bytes) -> list[list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError("Tệp CSV phải mã hóa UTF-8 (Unicode).") from None
    sample = text[:2000]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for broken files
        raise ImportFileError("Không đọc được tệp XLSX (tệp hỏng hoặc không đúng định dạng).") from None
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _lookups():
    from .models import DocumentForm, Field, IssuingBody

    forms = {}
    for form in DocumentForm.objects.all():
        forms[fold(form.name)] = form
        forms[form.code] = form
    fields = {}
    for item in Field.objects.all():
        fields[fold(item.name)] = item
        fields[item.slug] = item
    bodies = {fold(b.name): b for b in IssuingBody.objects.all()}
    return forms, fields, bodies


def check_rows(rows, site) -> list[RowResult]:
    """Validate each row; nothing is written."""
    from .models import LegalDocument

    forms, fields, bodies = _lookups()
    existing = set(LegalDocument.objects.filter(site=site).values_list("issuing_body__name", "number"))
    existing = {(fold(body), number) for body, number in existing}
    known_numbers = set(LegalDocument.objects.filter(site=site).values_list("number", flat=True))
    file_numbers = {rules.normalize_number(str(v.get("number") or "")) for _, v in rows}
    seen = set()
    results = []
    for line, values in rows:
        result = RowResult(line, values)
        errors = result.errors
        for code in REQUIRED:
            if values.get(code) in (None, ""):
                errors.append(f"Thiếu “{COLUMNS[code]}”.")
        number = rules.normalize_number(str(values.get("number") or ""))
        if values.get("number") not in (None, ""):
            errors.extend(rules.validate_number(number))
        form_name = str(values.get("form") or "")
        form = forms.get(fold(form_name)) or forms.get(form_name)
        if form_name and form is None:
            errors.append(f"Hình thức “{form_name[:40]}” không có trong danh mục.")
        field_name = str(values.get("field") or "")
        field_obj = fields.get(fold(field_name)) or fields.get(field_name)
        if field_name and field_obj is None:
            errors.append(f"Lĩnh vực “{field_name[:40]}” không có trong danh mục.")
        body_name = " ".join(str(values.get("issuing_body") or "").split())
        if body_name and fold(body_name) not in bodies:
            result.notes.append(f"Sẽ thêm cơ quan ban hành mới “{body_name[:60]}”.")
        dates = {}
        for code in ("issue_date", "effective_date", "expiry_date"):
            dates[code], message = rules.parse_date(values.get(code))
            if message:
                errors.append(f"{COLUMNS[code]}: {message}")
        replaced_number = rules.normalize_number(str(values.get("replaced_by") or ""))
        date_errors = rules.validate_dates(dates["issue_date"], dates["effective_date"], dates["expiry_date"])
        date_errors.pop("issue_date", None)  # a missing or malformed issue date is reported above
        for messages in date_errors.values():
            errors.extend(messages)
        if replaced_number:
            if replaced_number == number:
                errors.append("Văn bản không thể thay thế chính nó.")
            elif replaced_number not in known_numbers and replaced_number not in file_numbers:
                errors.append(f"Không tìm thấy văn bản thay thế “{replaced_number}” trên trang.")
        key = (fold(body_name), number)
        if number and body_name:
            if key in existing:
                errors.append(f"Đã có văn bản {number} của {body_name} trên trang.")
            elif key in seen:
                errors.append(f"Văn bản {number} bị lặp trong tệp.")
            seen.add(key)
        summary = str(values.get("summary") or "")
        if len(summary) > 2000:
            errors.append("Trích yếu quá dài (tối đa 2000 ký tự).")
        result.cleaned = {
            "number": number,
            "form": form,
            "field": field_obj,
            "issuing_body": body_name,
            "signer": str(values.get("signer") or "")[:120],
            "summary": summary,
            "replaced_by": replaced_number,
            "body_obj": bodies.get(fold(body_name)),
            **dates,
        }
        results.append(result)
    return results


def import_rows(rows, site, *, dry_run: bool, publish: bool = False, user=None) -> ImportReport:
    """Check every row; unless ``dry_run``, save the valid ones (in one transaction)."""
    from .models import IssuingBody, LegalDocument

    results = check_rows(rows, site)
    report = ImportReport(results, dry_run)
    if dry_run:
        return report
    now = timezone.now()
    new_bodies = {}
    with transaction.atomic():
        created = {}
        for result in results:
            if not result.ok:
                continue
            data = result.cleaned
            body = data["body_obj"] or new_bodies.get(fold(data["issuing_body"]))
            if body is None:
                body, _ = IssuingBody.objects.get_or_create(name=data["issuing_body"])
                new_bodies[fold(body.name)] = body
            document = LegalDocument(
                site=site,
                form=data["form"],
                number=data["number"],
                issuing_body=body,
                signer=data["signer"],
                issue_date=data["issue_date"],
                effective_date=data["effective_date"],
                expiry_date=data["expiry_date"],
                field=data["field"],
                summary=data["summary"],
                live=publish,
                has_unpublished_changes=not publish,
                first_published_at=now if publish else None,
                last_published_at=now if publish else None,
            )
            document.save()
            if not publish:
                document.save_revision(user=user, log_action=True)
            created[data["number"]] = document
            result.saved = True
            report.created += 1
        for result in results:
            replaced_number = result.cleaned.get("replaced_by")
            if result.saved and replaced_number:
                target = created.get(replaced_number) or (
                    LegalDocument.objects.filter(site=site, number=replaced_number)
                    .order_by("-issue_date")
                    .first()
                )
                if target is not None:
                    LegalDocument.objects.filter(pk=created[result.cleaned["number"]].pk).update(
                        replaced_by=target
                    )
    return report


def template_xlsx() -> bytes:
    """A spreadsheet with the expected columns and one example row."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Văn bản"
    sheet.append(list(COLUMNS.values()))
    sheet.append(
        [
            "40/2024/QĐ-UBND",
            "Quyết định",
            "Ủy ban nhân dân tỉnh Lạng Sơn",
            "Hồ Tiến Thiệu",
            "25/10/2024",
            "05/11/2024",
            "",
            "Thông tin và Truyền thông",
            "Ban hành Quy chế tổ chức và hoạt động của Cổng thông tin điện tử tỉnh Lạng Sơn",
            "",
        ]
    )
    for column, width in zip("ABCDEFGHIJ", (20, 14, 32, 20, 14, 14, 14, 24, 60, 24), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
