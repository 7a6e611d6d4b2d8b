"""The admin edit forms of the new page types and records open (blocks and panels are well defined)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from congtt.directory.models import DirectoryPage, OrganisationPage, SchedulePage
from congtt.disclosures.models import DisclosureCataloguePage, DisclosureIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("root", "root@langson.gov.vn", "Mat-khau-rat-dai-2024")
    client.force_login(user)
    return client


def test_page_editors_open(admin_client, department):
    home = department.site.root_page
    index = DisclosureIndexPage(title="Công khai", slug="cong-khai")
    home.add_child(instance=index)
    for model in (OrganisationPage, DirectoryPage, SchedulePage, DisclosureCataloguePage):
        page = model.objects.child_of(home).get()
        assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    add = reverse("wagtailadmin_pages:add", args=["disclosures", "disclosurepage", index.pk])
    response = admin_client.get(add)
    assert response.status_code == 200
    assert "Thông tin theo loại" in response.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "directory_unit",
        "directory_official",
        "directory_scheduleentry",
        "directory_receptionentry",
        "directory_hotline",
        "disclosures_disclosurecatalogueentry",
    ],
)
def test_record_forms_open(admin_client, department, name):
    response = admin_client.get(reverse(f"wagtailsnippets_{name}:add"))
    assert response.status_code == 200
    assert admin_client.get(reverse(f"wagtailsnippets_{name}:list")).status_code == 200
