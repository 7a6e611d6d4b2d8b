import re

import pytest

pytestmark = pytest.mark.django_db


def test_sites_endpoint_lists_the_network(client, portal, department, commune):
    data = client.get("/api/v1/sites/").json()
    assert data["count"] == 4
    by_host = {s["hostname"]: s for s in data["items"]}
    assert by_host["sokhcn.langson.localhost"]["parent"] == "langson.localhost"
    assert by_host["songgiap.caoloc.langson.localhost"]["parent"] == "caoloc.langson.localhost"
    assert by_host["langson.localhost"]["kind"] == "province"
    assert by_host["langson.localhost"]["languages"] == ["vi", "en", "zh"]


def test_sites_filter_by_kind(client, portal, department, commune):
    data = client.get("/api/v1/sites/?kind=commune").json()
    assert [s["name"] for s in data["items"]] == ["Xã Song Giáp"]


def test_openapi_schema_and_local_docs(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/sites/" in schema["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert re.findall(r'(?:src|href)="https?://', docs) == []


def test_bad_page_number_is_a_clear_422_not_a_500(client, db):
    assert client.get("/api/v1/sites/?page=abc").status_code == 422
