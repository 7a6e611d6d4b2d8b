"""Demo data: the seeds are parsed from their heads, and loading twice changes nothing."""

import datetime as dt

import pytest

from congtt.legal import demo
from congtt.legal.models import GazetteIssue, LegalDocument
from congtt.procedures import demo as procedures_demo
from congtt.procedures.models import Procedure

SEED_004 = """ ỦY BAN NHÂN DÂN
 Số: 40/2024/QĐ-UBND
Lạng Sơn, ngày 25 tháng 10 năm 2024
QUYẾT ĐỊNH
BAN HÀNH QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LẠNG SƠN
ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Điều 2.    Quyết định này có hiệu lực thi hành kể từ ngày 10 tháng 11 năm 2024.
"""


def test_parse_seed_head():
    info = demo.parse_seed_head(SEED_004)
    assert info["number"] == "40/2024/QĐ-UBND"
    assert info["date"] == dt.date(2024, 10, 25)
    assert info["effective"] == dt.date(2024, 11, 10)
    assert info["title"].startswith("Ban hành quy chế tổ chức")
    blank = demo.parse_seed_head(
        "Số: /QĐ-SNgV\n\nLạng Sơn, ngày tháng 3 năm 2021\n\nQUYẾT ĐỊNH\n\nBan hành Quy chế\n"
    )
    assert blank["number"] == "/QĐ-SNgV" and blank["day_missing"] and blank["date"] == dt.date(2021, 3, 1)
    assert blank["title"] == "Ban hành Quy chế"


def test_text_to_html_escapes():
    assert demo.text_to_html("a < b\n\n[bookmark: _GoBack]**Điều 1**") == "<p>a &lt; b</p>\n<p>Điều 1</p>"


@pytest.mark.skipif(not demo.SEEDS_DIR.is_dir(), reason="seed regulations not available")
def test_demo_is_idempotent_and_contains_the_seeds(portal, department, settings, tmp_path):
    settings.PORTAL_DOMAIN = "langson.localhost"
    settings.MEDIA_ROOT = tmp_path
    assert demo.load() > 0
    procedures_demo.load()
    counts = (LegalDocument.objects.count(), GazetteIssue.objects.count(), Procedure.objects.count())
    assert demo.load() == 0 and procedures_demo.load() == 0
    assert counts == (LegalDocument.objects.count(), GazetteIssue.objects.count(), Procedure.objects.count())
    doc = LegalDocument.objects.get(number="40/2024/QĐ-UBND", site=portal.site)
    assert doc.issue_date == dt.date(2024, 10, 25) and doc.effective_date == dt.date(2024, 11, 10)
    assert doc.issuing_body.name == "Ủy ban nhân dân tỉnh Lạng Sơn" and "<p>" in doc.body
    assert LegalDocument.objects.get(number="773/QĐ-UBND").replaced_by == doc
    assert not GazetteIssue.objects.filter(site=portal.site, pdf__isnull=True).exists()
    assert LegalDocument.objects.filter(site=department.site).count() >= 5
    assert Procedure.objects.filter(site=department.site).count() >= 5
    basis = Procedure.objects.get(code="1.004501").published_basis()
    assert [link.document.number for link in basis] == ["29/2013/QH13", "08/2014/NĐ-CP"]  # as listed
