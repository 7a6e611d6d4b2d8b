import pytest
from hypothesis import given
from hypothesis import strategies as st

from congtt.vntext import slugify_vi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quyết định số 40/2024/QĐ-UBND", "quyet-dinh-so-40-2024-qd-ubnd"),
        ("Cổng thông tin điện tử tỉnh Lạng Sơn", "cong-thong-tin-dien-tu-tinh-lang-son"),
        ("  --Đường   Trần Hưng Đạo!!  ", "duong-tran-hung-dao"),
        ("", ""),
        ("???", ""),
    ],
)
def test_known_answers(text, expected):
    assert slugify_vi(text) == expected


def test_truncates_on_word_boundary():
    slug = slugify_vi("Quyết định số 40/2024/QĐ-UBND", max_length=12)
    assert slug == "quyet-dinh"
    assert slugify_vi("abcdefghijkl", max_length=5) == "abcde"


def test_rejects_non_positive_max_length():
    with pytest.raises(ValueError):
        slugify_vi("abc", max_length=0)


def test_non_latin_input_gets_stable_fallback():
    assert slugify_vi("中文") == slugify_vi("中文") != ""


@given(st.text(min_size=1), st.integers(min_value=1, max_value=120))
def test_slug_shape(text, max_length):
    slug = slugify_vi(text, max_length=max_length)
    assert len(slug) <= max_length
    assert all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in slug)
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug
    if any(ch.isalnum() for ch in text):
        assert slug
