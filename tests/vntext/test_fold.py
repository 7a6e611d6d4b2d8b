import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from congtt.vntext import VIETNAMESE_LETTERS, fold

VIET_TEXT = st.text(
    alphabet=st.sampled_from(
        list(VIETNAMESE_LETTERS) + list("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;-\t\n")
    )
)


def test_known_answers():
    assert fold("Quy chế Cổng thông tin Điện tử") == "quy che cong thong tin dien tu"
    assert fold("  ĐẮK   LẮK\n") == "dak lak"
    assert fold("Thừa Thiên Huế") == "thua thien hue"
    assert fold("café naïve") == "cafe naive"
    assert fold(None) == "" and fold("") == ""


def test_nfd_input_folds_like_nfc():
    text = "Nghị định về Cổng thông tin điện tử"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


@given(VIET_TEXT)
def test_vietnamese_letters_fold_to_ascii(text):
    folded = fold(text)
    assert folded.isascii()
    assert all(ch.isalnum() or ch in " .,;-" for ch in folded)


@given(st.text())
def test_idempotent_and_ascii_only(text):
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower() == folded.strip()
    assert "  " not in folded
    assert fold(folded) == folded
