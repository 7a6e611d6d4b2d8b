"""Spreadsheet import: per-row report, dry run saves nothing, valid rows saved."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from congtt.legal import importer
from congtt.legal.models import IssuingBody, LegalDocument
from congtt.network.services import assign_role

pytestmark = pytest.mark.django_db

HEADER = list(importer.COLUMNS.values())
GOOD = [
    [
        "40/2024/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "Hồ Tiến Thiệu",
        "25/10/2024",
        "10/11/2024",
        "",
        "",
        "Ban hành Quy chế Cổng thông tin điện tử",
        "",
    ],
    [
        "773/QĐ-UBND",
        "quyet dinh",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "",
        "2017-04-26",
        "",
        "",
        "",
        "Quy chế cũ",
        "40/2024/QĐ-UBND",
    ],
]
BAD = [
    ["40/2024", "Quyết định", "Ủy ban nhân dân tỉnh Lạng Sơn", "", "25/10/2024", "", "", "", "Sai số", ""],
    ["41/2024/QĐ-UBND", "Sắc lệnh", "Ủy ban nhân dân tỉnh Lạng Sơn", "", "31/02/2024", "", "", "", "Sai", ""],
    [
        "42/2024/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "",
        "25/10/2024",
        "01/10/2024",
        "",
        "",
        "Hiệu lực trước ban hành",
        "",
    ],
    [
        "40/2024/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh Lạng Sơn",
        "",
        "25/10/2024",
        "",
        "",
        "",
        "Lặp",
        "",
    ],
    ["", "Quyết định", "", "", "", "", "", "", "", ""],
]


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in [HEADER, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows):
    import csv

    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    return buffer.getvalue().encode("utf-8-sig")


def test_read_table_from_xlsx_and_csv():
    for content, name in ((xlsx(GOOD), "vb.xlsx"), (csv_bytes(GOOD), "vb.csv")):
        rows = importer.read_table(content, name)
        assert [line for line, _ in rows] == [2, 3]
        assert rows[0][1]["number"] == "40/2024/QĐ-UBND"


def test_missing_columns_and_bad_files_are_reported():
    with pytest.raises(importer.ImportFileError, match="Thiếu cột bắt buộc"):
        importer.read_table(b"a,b\n1,2\n", "x.csv")
    with pytest.raises(importer.ImportFileError, match="XLSX"):
        importer.read_table(b"not a zip", "x.xlsx")
    with pytest.raises(importer.ImportFileError, match="UTF-8"):
        importer.read_table("Số/ký hiệu".encode("utf-16"), "x.csv")


def test_rows_checked_one_by_one_with_reasons(portal):
    rows = importer.read_table(xlsx(GOOD + BAD), "vb.xlsx")
    report = importer.import_rows(rows, portal.site, dry_run=True)
    by_line = {r.line: r for r in report.rows}
    assert by_line[2].ok and by_line[3].ok
    assert "không đúng định dạng" in " ".join(by_line[4].errors)
    assert any("Sắc lệnh" in e for e in by_line[5].errors) and any(
        "không hợp lệ" in e for e in by_line[5].errors
    )
    assert by_line[6].errors == ["Ngày có hiệu lực không được trước ngày ban hành."]
    assert any("bị lặp trong tệp" in e for e in by_line[7].errors)
    assert any("Thiếu “Số/ký hiệu”" in e for e in by_line[8].errors)
    assert report.created == 0 and LegalDocument.objects.count() == 0
    assert not IssuingBody.objects.filter(name="Ủy ban nhân dân tỉnh Lạng Sơn").exists()


def test_valid_rows_saved_and_replacement_linked(portal):
    rows = importer.read_table(csv_bytes(GOOD + BAD), "vb.csv")
    report = importer.import_rows(rows, portal.site, dry_run=False, publish=True)
    assert report.created == 2
    new = LegalDocument.objects.get(number="40/2024/QĐ-UBND")
    old = LegalDocument.objects.get(number="773/QĐ-UBND")
    assert old.replaced_by == new and old.status == "replaced" and new.live
    again = importer.import_rows(rows, portal.site, dry_run=True)
    assert any("Đã có văn bản" in e for e in again.rows[0].errors)


@pytest.fixture
def editor(department, portal):
    user = get_user_model().objects.create_user("bt", "bt@example.vn", "Mat-khau-rat-dai-2024")
    assign_role(user, department.site, "admin")
    return user


def test_admin_import_dry_run_then_save(client, editor, department):
    client.force_login(editor)
    url = reverse("legal_import")
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("vb.xlsx", xlsx(GOOD + BAD[:1]))
    response = client.post(url, {"site": department.site.pk, "file": upload, "mode": "check"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dòng hợp lệ: 2. Dòng lỗi: 1. Đã lưu: 0." in body and "không đúng định dạng" in body
    assert LegalDocument.objects.count() == 0
    upload = SimpleUploadedFile("vb.xlsx", xlsx(GOOD + BAD[:1]))
    response = client.post(url, {"site": department.site.pk, "file": upload, "mode": "save"})
    assert "Đã lưu: 2." in response.content.decode()
    assert set(LegalDocument.objects.values_list("site_id", flat=True)) == {department.site.pk}


def test_admin_import_refuses_other_sites_and_bad_files(client, editor, portal, department):
    client.force_login(editor)
    url = reverse("legal_import")
    response = client.post(
        url, {"site": portal.site.pk, "file": SimpleUploadedFile("vb.xlsx", xlsx(GOOD)), "mode": "save"}
    )
    assert response.status_code == 200 and LegalDocument.objects.count() == 0
    response = client.post(
        url, {"site": department.site.pk, "file": SimpleUploadedFile("vb.exe", b"MZ"), "mode": "save"}
    )
    assert "Chỉ nhận tệp .csv hoặc .xlsx." in response.content.decode()


def test_template_download_and_officer_refused(client, editor, department):
    client.force_login(editor)
    response = client.get(reverse("legal_import_template"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == HEADER
    officer = get_user_model().objects.create_user("cb", "cb@example.vn", "Mat-khau-rat-dai-2024")
    assign_role(officer, department.site, "officer")
    client.force_login(officer)
    assert client.get(reverse("legal_import")).status_code in (302, 403)


def test_management_command(portal, tmp_path):
    path = tmp_path / "vb.xlsx"
    path.write_bytes(xlsx(GOOD + BAD[:1]))
    out = io.StringIO()
    call_command("import_legal", str(path), "--site", "langson.localhost", "--check", stdout=out)
    assert "Dòng hợp lệ: 2. Dòng lỗi: 1. Đã lưu: 0." in out.getvalue()
    assert LegalDocument.objects.count() == 0
    call_command("import_legal", str(path), "--site", "langson.localhost", stdout=out)
    assert LegalDocument.objects.filter(live=False).count() == 2
