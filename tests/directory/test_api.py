"""The officials and schedules API: filters, pagination, published only, per site by host."""

import datetime

import pytest
from django.utils import timezone

from congtt.directory import rules

from .factories import entry, official, unit

pytestmark = pytest.mark.django_db
HOST = "sokhcn.langson.localhost"


@pytest.fixture
def data(department, district):
    site = department.site
    office = unit(site, "Văn phòng Sở")
    director = official(site, "Nguyễn Văn Đức", "Giám đốc Sở", office, is_leader=True)
    official(site, "Lương Văn Tú", "Văn thư", office)
    official(site, "Trần Văn Ẩn", "Chuyên viên", office, published=False)
    official(district.site, "Hoàng Văn Đức", "Chủ tịch UBND huyện", is_leader=True)
    monday = rules.monday_of(timezone.localdate())
    entry(site, monday, "Họp giao ban", leader=director)
    entry(site, monday + datetime.timedelta(days=1), "Làm việc với huyện Cao Lộc")
    entry(site, monday, "Bản nháp", published=False)
    entry(site, monday + datetime.timedelta(days=7), "Tuần sau")
    entry(district.site, monday, "Lịch của huyện")
    return {"office": office, "director": director, "monday": monday}


def names(response):
    assert response.status_code == 200, response.content
    return [item.get("name") or item.get("content") for item in response.json()["items"]]


def test_officials_for_the_requesting_site_published_only(client, data):
    assert sorted(names(client.get("/api/v1/officials/", HTTP_HOST=HOST))) == [
        "Lương Văn Tú",
        "Nguyễn Văn Đức",
    ]


def test_officials_accent_insensitive_query_unit_and_leaders(client, data):
    assert names(client.get("/api/v1/officials/", {"q": "duc"}, HTTP_HOST=HOST)) == ["Nguyễn Văn Đức"]
    assert names(client.get("/api/v1/officials/", {"q": "Đức"}, HTTP_HOST=HOST)) == ["Nguyễn Văn Đức"]
    assert len(names(client.get("/api/v1/officials/", {"unit": data["office"].pk}, HTTP_HOST=HOST))) == 2
    assert names(client.get("/api/v1/officials/", {"leaders_only": "true"}, HTTP_HOST=HOST)) == [
        "Nguyễn Văn Đức"
    ]
    item = client.get("/api/v1/officials/", {"q": "duc"}, HTTP_HOST=HOST).json()["items"][0]
    assert item["unit"] == "Văn phòng Sở" and item["is_leader"] is True


def test_schedules_by_week_and_leader(client, data):
    assert sorted(names(client.get("/api/v1/schedules/", HTTP_HOST=HOST))) == [
        "Họp giao ban",
        "Làm việc với huyện Cao Lộc",
    ]
    next_week = rules.iso_week_code(data["monday"] + datetime.timedelta(days=7))
    assert names(client.get("/api/v1/schedules/", {"week": next_week}, HTTP_HOST=HOST)) == ["Tuần sau"]
    assert names(client.get("/api/v1/schedules/", {"leader": data["director"].pk}, HTTP_HOST=HOST)) == [
        "Họp giao ban"
    ]
    item = client.get("/api/v1/schedules/", {"leader": data["director"].pk}, HTTP_HOST=HOST).json()["items"][
        0
    ]
    assert item["leader"] == "Nguyễn Văn Đức"


@pytest.mark.parametrize(
    "url,params",
    [
        ("/api/v1/schedules/", {"week": "2026-W99"}),
        ("/api/v1/schedules/", {"week": "khong-phai-tuan"}),
        ("/api/v1/schedules/", {"leader": "abc"}),
        ("/api/v1/officials/", {"unit": "x"}),
        ("/api/v1/officials/", {"unit": "99999999999999999999999"}),
        ("/api/v1/schedules/", {"leader": "-99999999999999999999999"}),
        ("/api/v1/officials/", {"page": "abc"}),
        ("/api/v1/officials/", {"page": "99999999999999999999999"}),
        ("/api/v1/schedules/", {"page_size": "99999999999999999999999"}),
    ],
)
def test_bad_parameters_are_client_errors_not_500(client, data, url, params):
    response = client.get(url, params, HTTP_HOST=HOST)
    assert 400 <= response.status_code < 500


def test_odd_query_and_huge_page_do_not_fail(client, data):
    assert client.get("/api/v1/officials/", {"q": "💥\x00" * 50}, HTTP_HOST=HOST).status_code == 200
    assert client.get("/api/v1/officials/", {"page": 99999}, HTTP_HOST=HOST).status_code in (200, 404)


def test_endpoints_are_in_openapi_schema(client, data):
    paths = client.get("/api/v1/openapi.json", HTTP_HOST=HOST).json()["paths"]
    assert "/api/v1/officials/" in paths and "/api/v1/schedules/" in paths
