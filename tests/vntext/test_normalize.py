import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from congtt.vntext import nfc, repair


def test_passthrough_empty_and_none():
    assert nfc(None) is None
    assert nfc("") == ""


def test_composes_nfd_vietnamese():
    decomposed = unicodedata.normalize("NFD", "Quyết định Lạng Sơn")
    assert decomposed != "Quyết định Lạng Sơn"
    assert nfc(decomposed) == "Quyết định Lạng Sơn"


def test_strips_zero_width_and_crlf():
    assert nfc("\ufeffCổng\u200b thông\r\ntin\rđiện") == "Cổng thông\ntin\nđiện"


@given(st.text())
def test_nfc_is_idempotent_and_normalized(text):
    once = nfc(text)
    assert nfc(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\r" not in once and "\u200b" not in once and "\ufeff" not in once


def test_repair_passthrough():
    assert repair(None) is None
    assert repair("") == ""
    assert repair("Cổng thông tin điện tử") == "Cổng thông tin điện tử"
