"""Every operation of the public API names, in a header, the query parameters it ignored."""

import re

import pytest

from congtt.api.ignored_params import HEADER, header_value

pytestmark = pytest.mark.django_db


def _operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method == "get":
                yield re.sub(r"\{[^}]+\}", "1", path), operation


def test_every_get_operation_reports_an_unknown_parameter_and_only_that(client, portal):
    operations = list(_operations(client))
    assert len(operations) >= 10
    for url, operation in operations:
        response = client.get(url, {"sectoin": "x", "utm_source": "zalo", "fbclid": "1"})
        assert response[HEADER] == "sectoin", url
        assert operation["responses"]["200"]["headers"][HEADER]["schema"] == {"type": "string"}


def test_declared_parameters_are_not_reported(client, portal):
    for url, operation in _operations(client):
        declared = {p["name"]: "1" for p in operation.get("parameters", []) if p["in"] == "query"}
        response = client.get(url, declared)
        assert HEADER not in response, (url, declared, response.get(HEADER))


def test_the_filter_still_works_and_the_answer_is_unchanged(client, portal, department):
    plain = client.get("/api/v1/sites/?kind=department")
    noisy = client.get("/api/v1/sites/?kind=department&knd=commune&page_sise=5")
    assert noisy.json() == plain.json()
    assert noisy[HEADER] == "knd,page_sise"


def test_an_invalid_answer_also_names_what_it_ignored(client, db):
    response = client.get("/api/v1/sites/?page=abc&foo=1")
    assert response.status_code == 422
    assert response[HEADER] == "foo"


def test_header_value_is_ascii_and_bounded():
    value = header_value(["lĩnh_vực", "a,b", "x" * 200])
    value.encode("ascii")
    assert value.split(",")[0] == "l%C4%A9nh_v%E1%BB%B1c"
    assert value.split(",")[1] == "a%2Cb"
    assert len(value.split(",")[2]) == 30
