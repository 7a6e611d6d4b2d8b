"""422 answers of the API keep ninja's structure (``detail`` list with ``type``/``loc``/``msg``) in Vietnamese."""

import json

import pytest

from congtt.api.errors import vietnamese_errors

pytestmark = pytest.mark.django_db
HOST = "langson.localhost"


@pytest.mark.parametrize(
    ("url", "type_", "msg"),
    [
        ("/api/v1/articles/?featured=maybe", "bool_parsing", "Giá trị phải là true hoặc false."),
    ],
)
def test_validation_errors_are_vietnamese(client, portal, url, type_, msg):
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == 422
    detail = json.loads(response.content)["detail"]
    assert isinstance(detail, list) and detail
    error = detail[0]
    assert error["loc"][0] == "query"
    assert error["type"].startswith(type_.split("_")[0])
    assert msg in error["msg"]
    assert "Input should" not in response.content.decode()


def test_messages_by_type_and_unknown_types_keep_their_text():
    errors = [
        {"type": "missing", "loc": ("query", "q"), "msg": "Field required"},
        {"type": "greater_than_equal", "loc": ("query", "page"), "msg": "x", "ctx": {"ge": 1}},
        {"type": "string_too_long", "loc": ("query", "q"), "msg": "x", "ctx": {"max_length": 200}},
        {"type": "literal_error", "loc": ("query", "kind"), "msg": "x", "ctx": {"expected": "'a' or 'b'"}},
        {"type": "something_new", "loc": ("query", "z"), "msg": "Original"},
    ]
    assert [e["msg"] for e in vietnamese_errors(errors)] == [
        "Thiếu tham số bắt buộc.",
        "Giá trị phải từ 1 trở lên.",
        "Chuỗi dài quá 200 ký tự.",
        "Giá trị phải là một trong: 'a' or 'b'.",
        "Original",
    ]
    assert vietnamese_errors(errors)[0]["loc"] == ["query", "q"]
