import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congtt.vntext import (
    VIETNAMESE_LETTERS,
    detect_legacy,
    from_tcvn3,
    from_vni,
    nfc,
    repair,
    to_tcvn3,
    to_vni,
)

LOWER = [ch for ch in VIETNAMESE_LETTERS if ch.islower()]
TCVN3_UPPER = list("ĂÂÊÔƠƯĐ")
ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?()-/\"'\n"

SENTENCES = [
    "Cổng thông tin điện tử tỉnh Lạng Sơn",
    "Quyết định ban hành Quy chế tổ chức và hoạt động",
    "Ủy ban nhân dân tỉnh Lạng Sơn thông báo lịch tiếp công dân",
    "Sở Khoa học và Công nghệ tổ chức hội nghị tổng kết năm",
    "Hướng dẫn thực hiện thủ tục hành chính trên môi trường điện tử",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập, Tự do, Hạnh phúc",
    "Văn bản quy phạm pháp luật được đăng tải công khai",
    "Huyện Bình Gia triển khai kế hoạch phát triển kinh tế xã hội",
    "Thị trấn Đồng Đăng tăng cường công tác phòng cháy chữa cháy",
    "Tin tức sự kiện nổi bật trong tuần",
    "Người dân có thể gửi phản ánh, kiến nghị qua cổng dịch vụ công",
]
# Real syllables, including old-style tone placement ("hoà", "thuý") that looks like VNI pairs.
WORDS = sorted(
    {w.strip(",.") for s in SENTENCES for w in s.split()}
    | {"hoà", "hoá", "toà", "thuý", "khoẻ", "án", "Đoàn"}
)

# Known answers (TCVN3 codes checked against glibc iconv TCVN5712-1, VNI against VNI-Windows).
TCVN3_CASES = [
    ("Cæng th«ng tin ®iÖn tö", "Cổng thông tin điện tử"),
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("QuyÕt ®Þnh ban hµnh Quy chÕ", "Quyết định ban hành Quy chế"),
    ("L¹ng S¬n", "Lạng Sơn"),
    ("B¸t X¸t, B¶o Th¾ng, M\xadêng Kh\xad¬ng", "Bát Xát, Bảo Thắng, Mường Khương"),
    ("§µ N½ng vµ ¡n ¢u", "Đà Nẵng và Ăn Âu"),
]
VNI_CASES = [
    ("Vieät Nam", "Việt Nam"),
    ("Quy cheá", "Quy chế"),
    ("Coång thoâng tin ñieän töû tænh Laïng Sôn", "Cổng thông tin điện tử tỉnh Lạng Sơn"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("VIEÄT NAM ÑAÁT NÖÔÙC", "VIỆT NAM ĐẤT NƯỚC"),
    ("Thaêng Long, naêm, ñaëc bieät, ngöôøi, thuûy, kyø", "Thăng Long, năm, đặc biệt, người, thủy, kỳ"),
]


def test_table_sizes():
    assert len(VIETNAMESE_LETTERS) == len(set(VIETNAMESE_LETTERS)) == 134
    assert all(unicodedata.is_normalized("NFC", ch) for ch in VIETNAMESE_LETTERS)


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_CASES)
def test_tcvn3_known_answers(legacy, unicode):
    assert from_tcvn3(legacy) == unicode
    assert to_tcvn3(unicode) == legacy


@pytest.mark.parametrize(("legacy", "unicode"), VNI_CASES)
def test_vni_known_answers(legacy, unicode):
    assert from_vni(legacy) == unicode
    assert to_vni(unicode) == legacy


def test_every_letter_has_a_distinct_legacy_code():
    vni = [to_vni(ch) for ch in VIETNAMESE_LETTERS]
    assert len(set(vni)) == 134
    tcvn3 = [to_tcvn3(ch) for ch in LOWER + TCVN3_UPPER]
    assert len(set(tcvn3)) == 67 + 7
    assert all(len(code) == 1 and 0xA1 <= ord(code) <= 0xFE for code in tcvn3)


def test_tcvn3_is_lossy_for_toned_uppercase_only():
    assert from_tcvn3(to_tcvn3("VIỆT NAM")) == "VIệT NAM"
    assert from_tcvn3(to_tcvn3("ĐĂNG KÝ")) == "ĐĂNG Ký"


def test_vni_longest_match_first():
    # "oâ" must become "ô" (not "o" + stray "â"), "ôù" must become "ớ" (not "ơ" + "ù").
    assert from_vni("khoâng môùi") == "không mới"


def test_nfd_input_is_accepted_by_encoders():
    nfd = unicodedata.normalize("NFD", "Việt Nam")
    assert to_vni(nfd) == "Vieät Nam"
    assert to_tcvn3(nfd) == "ViÖt Nam"


@given(st.text(alphabet=st.sampled_from(LOWER + TCVN3_UPPER + list(ASCII))))
def test_tcvn3_round_trip(text):
    assert from_tcvn3(to_tcvn3(text)) == text


@given(st.text(alphabet=st.sampled_from(list(VIETNAMESE_LETTERS) + list(ASCII))))
def test_vni_round_trip(text):
    assert from_vni(to_vni(text)) == text


# --- detection -------------------------------------------------------------------

correct_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(str.upper),
        st.sampled_from(["40/2024", "-", "(UBND)", "2025", "email@example.com"]),
    ),
    min_size=1,
    max_size=25,
).map(" ".join)
sentences = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(". ".join)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hello world, this is an English sentence.",
        "Un café au lait, s'il vous plaît. Où est la gare? Ça va très bien, naïve Noël.",
        "Müller und Köln sind schön, für immer.",
        "10µm and 20µm, © 2024 Company® £5 § 3 «Bonjour» ½",
        "2024 2025 40/2024/QĐ-UBND 123,456.78",
        "Hoà Bình, toà án, hoá chất",
        "Việt Nam",
        *SENTENCES,
    ],
)
def test_detect_none_on_normal_text(text):
    assert detect_legacy(text) is None
    assert detect_legacy(unicodedata.normalize("NFD", text)) is None


@given(correct_text, st.sampled_from(["NFC", "NFD"]))
def test_correct_unicode_is_never_flagged_or_changed(text, form):
    text = unicodedata.normalize(form, text)
    assert detect_legacy(text) is None
    assert repair(text) == nfc(text)


@given(
    st.text(alphabet=st.sampled_from(list(VIETNAMESE_LETTERS) + list(ASCII))).filter(
        lambda s: any(ord(c) > 0xFF for c in s)
    )
)
def test_text_with_unicode_only_letters_is_never_flagged(text):
    assert detect_legacy(text) is None
    assert repair(text) == nfc(text)


@given(sentences)
def test_detects_vni(text):
    assert detect_legacy(to_vni(text)) == "vni"
    assert repair(to_vni(text)) == text


@given(sentences)
def test_detects_vni_uppercase(text):
    assert detect_legacy(to_vni(text.upper())) == "vni"
    assert repair(to_vni(text.upper())) == text.upper()


@given(sentences)
def test_detects_tcvn3_uppercase_input(text):
    # Toned capitals are written with lowercase codes; detection must still work.
    legacy = to_tcvn3(text.upper())
    assert detect_legacy(legacy) == "tcvn3"
    assert repair(legacy).upper() == text.upper()


@given(sentences)
def test_detects_tcvn3(text):
    legacy = to_tcvn3(text)
    assert detect_legacy(legacy) == "tcvn3"
    # Toned capitals come back lowercase (TCVN3 has no codes for them).
    assert repair(legacy) == from_tcvn3(legacy)
    assert repair(legacy).lower() == text.lower()


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_CASES[:3])
def test_repair_tcvn3_known_answers(legacy, unicode):
    assert repair(legacy + ". " + legacy) == unicode + ". " + unicode


def test_repair_vni_paragraph():
    legacy = "Coång thoâng tin ñieän töû tænh Laïng Sôn.\r\nQuy cheá hoaït ñoäng."
    assert detect_legacy(legacy) == "vni"
    assert repair(legacy) == "Cổng thông tin điện tử tỉnh Lạng Sơn.\nQuy chế hoạt động."
