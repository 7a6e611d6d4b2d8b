import pytest
from hypothesis import given
from hypothesis import strategies as st

from congtt.vntext import hostname_label, propose_hostname, validate_hostname
from congtt.vntext.hostnames import (
    MSG_CHARS,
    MSG_EMPTY_LABEL,
    MSG_HYPHEN,
    MSG_LABEL_LENGTH,
    MSG_TOTAL,
    MSG_TWO_LABELS,
    MSG_UPPER,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sở Khoa học và Công nghệ", "sokhcn"),
        ("Sở KH&CN", "sokhcn"),
        ("Sở Tài nguyên và Môi trường", "sotnmt"),
        ("Văn phòng UBND tỉnh", "vanphongubndt"),
        ("Sở Giáo dục - Đào tạo", "sogddt"),
        ("Thanh tra tỉnh", "thanhtrat"),
        ("Bộ Chỉ huy Quân sự tỉnh", "bochihuyqst"),
        ("Trường THPT số 1", "truongthpts1"),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "sokhcn"),
        ("  sở   khoa học và công nghệ ", "sokhcn"),
    ],
)
def test_abbreviation_style(name, expected):
    assert hostname_label(name, "abbreviation") == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Huyện Bình Gia", "binhgia"),
        ("Xã Song Giáp", "songgiap"),
        ("Thành phố Lạng Sơn", "langson"),
        ("Thị trấn Đồng Đăng", "dongdang"),
        ("THỊ XÃ Cửa Lò", "cualo"),
        ("Phường Hoàng Văn Thụ", "hoangvanthu"),
        ("Phường 1", "phuong1"),
        ("Quận Ba Đình", "badinh"),
    ],
)
def test_full_style(name, expected):
    assert hostname_label(name, "full") == expected


def test_bad_input():
    with pytest.raises(ValueError):
        hostname_label("Sở Khoa học", "other")
    with pytest.raises(ValueError):
        hostname_label(" - ", "full")


def test_propose_hostname():
    assert (
        propose_hostname("Sở Khoa học và Công nghệ", "abbreviation", "langson.gov.vn")
        == "sokhcn.langson.gov.vn"
    )
    assert propose_hostname("Huyện Bình Gia", "full", "langson.gov.vn") == "binhgia.langson.gov.vn"


@pytest.mark.parametrize(
    "hostname",
    ["sokhcn.langson.gov.vn", "binhgia.langson.gov.vn", "sokhcn.langson.localhost", "a-b.c1.vn", "x.vn"],
)
def test_valid_hostnames(hostname):
    assert validate_hostname(hostname) == []


@pytest.mark.parametrize(
    ("hostname", "message"),
    [
        ("localhost", MSG_TWO_LABELS),
        ("langson", MSG_TWO_LABELS),
        ("SoKHCN.langson.gov.vn", MSG_UPPER),
        ("so khcn.gov.vn", MSG_CHARS),
        ("so_khcn.gov.vn", MSG_CHARS),
        ("sởkhcn.gov.vn", MSG_CHARS),
        ("-sokhcn.gov.vn", MSG_HYPHEN),
        ("sokhcn-.gov.vn", MSG_HYPHEN),
        ("sokhcn..gov.vn", MSG_EMPTY_LABEL),
        (".gov.vn", MSG_EMPTY_LABEL),
        ("gov.vn.", MSG_EMPTY_LABEL),
        ("a" * 64 + ".gov.vn", MSG_LABEL_LENGTH),
        (".".join(["a" * 60] * 5), MSG_TOTAL),
    ],
)
def test_invalid_hostnames(hostname, message):
    errors = validate_hostname(hostname)
    assert message in errors
    assert len(errors) == len(set(errors))


def test_empty_hostname():
    assert validate_hostname("") and validate_hostname(None)


@given(
    st.sampled_from(["Sở", "Ban", "Văn phòng", "Trung tâm", "Huyện", "Xã", "Phường", "Thành phố"]),
    st.lists(
        st.sampled_from(
            ["Khoa", "học", "và", "Công", "nghệ", "Đồng", "Đăng", "Lạng", "Sơn", "KH&CN", "số", "12"]
        ),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["abbreviation", "full"]),
)
def test_proposed_hostnames_are_valid(noun, words, style):
    name = " ".join([noun, *words])
    assert validate_hostname(propose_hostname(name, style, "langson.gov.vn")) == []
