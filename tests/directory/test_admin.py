"""Admin: records are scoped to the editor's sites (allowed and refused), bad input stores nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from congtt.directory.models import Official, ScheduleEntry, Unit
from congtt.network.services import assign_role

from .factories import official, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(department):
    user = get_user_model().objects.create_user("bt", "bt@langson.gov.vn", "Mat-khau-rat-dai-2024")
    assign_role(user, department.site, "admin")
    return user


@pytest.fixture
def records(department, district):
    return {
        "own": official(department.site, "Nguyễn Văn Đức", "Giám đốc Sở"),
        "other": official(district.site, "Hoàng Văn Bình", "Chủ tịch UBND huyện"),
    }


def test_editor_sees_and_edits_only_own_site(client, editor, records):
    client.force_login(editor)
    listing = client.get(reverse("wagtailsnippets_directory_official:list")).content.decode()
    assert "Nguyễn Văn Đức" in listing and "Hoàng Văn Bình" not in listing
    own = reverse("wagtailsnippets_directory_official:edit", args=[records["own"].pk])
    other = reverse("wagtailsnippets_directory_official:edit", args=[records["other"].pk])
    assert client.get(own).status_code == 200
    assert client.get(other).status_code in (302, 403)
    client.post(reverse("wagtailsnippets_directory_official:delete", args=[records["other"].pk]))
    assert Official.objects.filter(pk=records["other"].pk).exists()


def test_create_form_offers_only_own_site_and_refuses_another(client, editor, department, district):
    client.force_login(editor)
    url = reverse("wagtailsnippets_directory_unit:add")
    form = client.get(url).content.decode()
    assert f'value="{department.site.pk}"' in form and f'value="{district.site.pk}"' not in form
    response = client.post(
        url, {"site": district.site.pk, "name": "Phòng lạ", "kind": "department", "order": 0}
    )
    assert response.status_code == 200
    assert not Unit.objects.filter(name="Phòng lạ").exists()
    response = client.post(
        url,
        {"site": department.site.pk, "name": "Phòng Quản lý chuyên ngành", "kind": "department", "order": 1},
    )
    assert response.status_code == 302
    assert Unit.objects.get(name="Phòng Quản lý chuyên ngành").site == department.site


def test_unit_of_another_site_cannot_be_chosen_as_parent(client, editor, department, district):
    foreign = unit(district.site, "Văn phòng HĐND và UBND huyện")
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_directory_unit:add"),
        {
            "site": department.site.pk,
            "parent": foreign.pk,
            "name": "Tổ công tác",
            "kind": "other",
            "order": 0,
        },
    )
    assert response.status_code == 200
    assert not Unit.objects.filter(name="Tổ công tác").exists()


def test_schedule_end_before_start_gives_vietnamese_error(client, editor, department):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_directory_scheduleentry:add"),
        {
            "site": department.site.pk,
            "date": "2026-11-23",
            "start_time": "14:00",
            "end_time": "08:00",
            "content": "Họp",
            "published": "on",
        },
    )
    assert response.status_code == 200
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    assert not ScheduleEntry.objects.exists()


def test_user_without_role_is_refused(client, records):
    user = get_user_model().objects.create_user("x", "x@example.vn", "Mat-khau-rat-dai-2024")
    client.force_login(user)
    response = client.get(reverse("wagtailsnippets_directory_official:list"))
    assert response.status_code in (302, 403)
