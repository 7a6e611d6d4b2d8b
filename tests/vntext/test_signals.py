"""Every text a user saves is stored NFC, legacy encodings repaired (PUB-1), whatever the model."""

import unicodedata

import pytest

from congtt.content.models import StandardPage
from congtt.vntext import to_tcvn3, to_vni

pytestmark = pytest.mark.django_db

SENTENCE = "quy chế tổ chức và hoạt động của cổng thông tin điện tử"


def test_decomposed_title_is_stored_nfc(department):
    home = department.site.root_page
    page = home.add_child(
        instance=StandardPage(title=unicodedata.normalize("NFD", "Thông báo tuyển dụng"), slug="tb")
    )
    page.refresh_from_db()
    assert page.title == "Thông báo tuyển dụng"
    assert unicodedata.is_normalized("NFC", page.title)


@pytest.mark.parametrize("encode", [to_tcvn3, to_vni])
def test_legacy_encoded_body_is_repaired_on_save(department, encode):
    home = department.site.root_page
    page = home.add_child(
        instance=StandardPage(title="Quy chế", slug="qc", body=f"<p>{encode(SENTENCE)}</p>")
    )
    page.refresh_from_db()
    assert page.body == f"<p>{SENTENCE}</p>"


def test_correct_unicode_is_left_untouched(department):
    text = "<p>Café, naïve — Ủy ban nhân dân tỉnh Lạng Sơn © 2024</p>"
    page = department.site.root_page.add_child(
        instance=StandardPage(title="Giữ nguyên", slug="gn", body=text)
    )
    page.refresh_from_db()
    assert page.body == text
