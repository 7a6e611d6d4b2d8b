"""Admin screens for the network: create a site, list and edit profiles within one's sites."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from congtt.network.models import SiteProfile
from congtt.network.services import assign_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.vn", "Mat-khau-rat-dai-2024")


def test_manager_creates_a_department_with_proposed_hostname(client, superuser, portal, kinds):
    client.force_login(superuser)
    url = reverse("network_siteprofile:add")
    response = client.post(
        url, {"agency_name": "Sở Tài chính", "kind": kinds["department"].pk, "parent": portal.pk}
    )
    assert response.status_code == 302
    assert SiteProfile.objects.get(agency_name="Sở Tài chính").site.hostname == "sotc.langson.localhost"


def test_propose_button_fills_the_hostname_without_creating(client, superuser, portal, kinds):
    client.force_login(superuser)
    response = client.post(
        reverse("network_siteprofile:add"),
        {"agency_name": "Huyện Văn Lãng", "kind": kinds["district"].pk, "parent": portal.pk, "propose": "1"},
    )
    assert response.status_code == 200
    assert 'value="vanlang.langson.localhost"' in response.content.decode()
    assert not SiteProfile.objects.filter(agency_name="Huyện Văn Lãng").exists()


def test_bad_hostname_shows_vietnamese_error_and_creates_nothing(client, superuser, portal, kinds):
    client.force_login(superuser)
    response = client.post(
        reverse("network_siteprofile:add"),
        {
            "agency_name": "Sở Y tế",
            "kind": kinds["department"].pk,
            "parent": portal.pk,
            "hostname": "Sở_Y_tế",
        },
    )
    assert response.status_code == 200
    assert "Tên miền chỉ được chứa chữ cái không dấu" in response.content.decode()
    assert SiteProfile.objects.count() == 1


def test_site_admin_cannot_create_sites_and_sees_only_own(client, department, district):
    user = get_user_model().objects.create_user("qt", "qt@example.vn", "Mat-khau-rat-dai-2024")
    assign_role(user, department.site, "admin")
    client.force_login(user)
    assert client.get(reverse("network_siteprofile:add")).status_code in (302, 403)
    client.post(
        reverse("network_siteprofile:add"),
        {"agency_name": "Sở Y tế", "kind": department.kind.pk, "parent": department.parent.pk},
    )
    assert not SiteProfile.objects.filter(agency_name="Sở Y tế").exists()
    listing = client.get(reverse("network_siteprofile:index")).content.decode()
    assert "Sở Khoa học và Công nghệ" in listing
    assert "Huyện Cao Lộc" not in listing
    assert client.get(reverse("network_siteprofile:edit", args=[district.pk])).status_code in (302, 403)
    assert client.get(reverse("network_siteprofile:edit", args=[department.pk])).status_code == 200
