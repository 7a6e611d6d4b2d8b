"""Admin scoping: an editor of one site never sees or edits another site's documents."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from congtt.legal.models import LegalDocument

pytestmark = pytest.mark.django_db
URL = "wagtailsnippets_legal_legaldocument"


def user_with(site, role, name="u"):
    user = get_user_model().objects.create_user(name, f"{name}@example.vn", "Mat-khau-rat-dai-2024")
    from congtt.network.services import assign_role

    assign_role(user, site, role)
    return user


@pytest.fixture
def two_docs(portal, department, make_doc):
    return make_doc(portal, number="40/2024/QĐ-UBND"), make_doc(department, number="12/QĐ-SKHCN")


def test_department_admin_sees_and_edits_only_own(client, department, two_docs):
    portal_doc, own = two_docs
    client.force_login(user_with(department.site, "admin"))
    listing = client.get(reverse(f"{URL}:list")).content.decode()
    assert "12/QĐ-SKHCN" in listing and "40/2024/QĐ-UBND" not in listing
    assert client.get(reverse(f"{URL}:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse(f"{URL}:edit", args=[portal_doc.pk])).status_code in (302, 403)
    assert client.post(reverse(f"{URL}:delete", args=[portal_doc.pk])).status_code in (302, 403)
    assert LegalDocument.objects.filter(pk=portal_doc.pk).exists()


def test_create_form_offers_only_own_site_and_validates(client, portal, department, taxonomy):
    client.force_login(user_with(department.site, "admin"))
    add_url = reverse(f"{URL}:add")
    form_html = client.get(add_url).content.decode()
    site_select = re.search(r'<select name="site".*?</select>', form_html, re.S).group(0)
    assert f'value="{department.site.pk}"' in site_select and f'value="{portal.site.pk}"' not in site_select
    data = {
        "site": portal.site.pk,  # not the user's site: refused
        "form": taxonomy["qd"].pk,
        "number": "40/2024/QĐ-UBND",
        "issuing_body": taxonomy["ubnd"].pk,
        "issue_date": "2024-10-25",
        "effective_date": "2024-10-01",
        "summary": "Thử",
        "attachments-TOTAL_FORMS": 0,
        "attachments-INITIAL_FORMS": 0,
        "attachments-MIN_NUM_FORMS": 0,
        "attachments-MAX_NUM_FORMS": 1000,
    }
    response = client.post(add_url, data)
    assert response.status_code == 200 and LegalDocument.objects.count() == 0
    data["site"] = department.site.pk
    response = client.post(add_url, data)
    assert "Ngày có hiệu lực không được trước ngày ban hành." in response.content.decode()
    data.update(effective_date="2024-11-10", number="40/2024")
    assert "không đúng định dạng" in client.post(add_url, data).content.decode()
    data["number"] = "40/2024/QĐ-UBND"
    assert client.post(add_url, data).status_code == 302
    doc = LegalDocument.objects.get()
    assert doc.site == department.site and not doc.live  # saved as a draft


def test_member_cannot_delete_officer_sees_nothing(client, department, two_docs):
    _portal_doc, own = two_docs
    client.force_login(user_with(department.site, "member", "m"))
    assert client.get(reverse(f"{URL}:edit", args=[own.pk])).status_code == 200
    assert client.post(reverse(f"{URL}:delete", args=[own.pk])).status_code in (302, 403)
    assert LegalDocument.objects.filter(pk=own.pk).exists()
    client.force_login(user_with(department.site, "officer", "o"))
    assert client.get(reverse(f"{URL}:list")).status_code in (302, 403)


def test_history_usage_and_revisions_of_other_sites_are_refused(client, department, two_docs):
    portal_doc, own = two_docs
    portal_doc.save_revision()
    client.force_login(user_with(department.site, "admin", "h"))
    for view in ("history", "usage"):
        assert client.get(reverse(f"{URL}:{view}", args=[own.pk])).status_code == 200
        assert client.get(reverse(f"{URL}:{view}", args=[portal_doc.pk])).status_code in (302, 403, 404), view
    revision = portal_doc.latest_revision
    url = reverse(f"{URL}:revisions_revert", args=[portal_doc.pk, revision.pk])
    assert client.get(url).status_code in (302, 403, 404)


def test_admin_screens_render_for_site_admin(client, department, two_docs):
    client.force_login(user_with(department.site, "admin", "s"))
    for name in (
        "wagtailsnippets_legal_gazetteissue:add",
        "wagtailsnippets_legal_gazetteissue:list",
        "wagtailsnippets_procedures_procedure:add",
        f"{URL}:add",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert "Trang" in response.content.decode()


def test_section_url_cache_forgotten_when_page_moves(portal, make_doc):
    from congtt.legal.models import LegalDocumentIndexPage

    doc = make_doc(portal, number="40/2024/QĐ-UBND")
    assert "/van-ban/" in doc.get_url()
    page = LegalDocumentIndexPage.objects.get(slug="van-ban")
    page.slug = "van-ban-phap-luat"
    page.save_revision().publish()
    assert "/van-ban-phap-luat/" in doc.get_url()
