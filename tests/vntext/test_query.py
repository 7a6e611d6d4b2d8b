from congtt.vntext import clean_text


def test_invisible_characters_become_spaces():
    assert clean_text("a\x00b\u202ec\u200bd\ud800e\ue000f\u2028g") == "a b c d e f g"


def test_nfc_and_whitespace():
    assert clean_text("Nguye\u0302\u0303n  Va\u0306n\tA\n") == "Nguyễn Văn A"


def test_mark_floods_are_capped_and_vietnamese_marks_kept():
    assert clean_text("x" + "\u0301" * 500) == "x" + "\u0301" * 3
    assert clean_text("Nghiê\u0323m thu") == "Nghiệm thu"


def test_length_is_capped():
    assert clean_text("x" * 10_000) == "x" * 200
    assert clean_text("ab " * 100, max_length=5) == "ab ab"
    assert clean_text(None) == "" and clean_text("\x00") == ""
