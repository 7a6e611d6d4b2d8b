import datetime as dt

import pytest

pytestmark = pytest.mark.django_db
HOST = "langson.localhost"


@pytest.fixture
def docs(portal, department, make_doc):
    new = make_doc(portal, number="40/2024/QĐ-UBND", issue=dt.date(2024, 10, 25), summary="Quy chế Cổng")
    old = make_doc(portal, number="773/QĐ-UBND", issue=dt.date(2017, 4, 26), replaced_by=new)
    make_doc(portal, number="41/2024/QĐ-UBND", live=False)
    make_doc(department, number="12/QĐ-SKHCN")
    return new, old


def test_list_is_published_and_per_site(client, docs):
    data = client.get("/api/v1/legal-documents/", HTTP_HOST=HOST).json()
    assert data["count"] == 2
    assert {d["number"] for d in data["items"]} == {"40/2024/QĐ-UBND", "773/QĐ-UBND"}
    other = client.get("/api/v1/legal-documents/", HTTP_HOST="sokhcn.langson.localhost").json()
    assert [d["number"] for d in other["items"]] == ["12/QĐ-SKHCN"]


def test_filters_and_detail(client, docs):
    new, old = docs
    data = client.get("/api/v1/legal-documents/?q=quy+che+cong&year=2024", HTTP_HOST=HOST).json()
    assert [d["number"] for d in data["items"]] == ["40/2024/QĐ-UBND"]
    data = client.get("/api/v1/legal-documents/?status=replaced", HTTP_HOST=HOST).json()
    assert [d["id"] for d in data["items"]] == [old.pk]
    detail = client.get(f"/api/v1/legal-documents/{new.pk}", HTTP_HOST=HOST).json()
    assert detail["replaces"] == [old.pk] and detail["url"].endswith(f"/van-ban/{new.pk}-{new.slug}/")
    draft_id = new.pk + 2
    assert client.get(f"/api/v1/legal-documents/{draft_id}", HTTP_HOST=HOST).status_code == 404


def test_bad_filters_are_422_with_vietnamese_message(client, docs):
    response = client.get("/api/v1/legal-documents/?status=bogus", HTTP_HOST=HOST)
    assert response.status_code == 422 and "Tình trạng" in response.json()["detail"]
    assert client.get("/api/v1/legal-documents/?year=abc", HTTP_HOST=HOST).status_code == 422


def test_in_openapi_schema(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/legal-documents/" in paths and "/api/v1/legal-documents/{document_id}" in paths
    assert "/api/v1/procedures/" in paths and "/api/v1/procedures/{procedure_id}" in paths
