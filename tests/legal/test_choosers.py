"""The legal-document chooser lists only the editor's sites' documents and searches without diacritics."""

import pytest
from django.urls import reverse

from congtt.legal.models import GazetteIssue

from .test_admin import user_with

pytestmark = pytest.mark.django_db
CHOOSER = "wagtailsnippetchoosers_legal_legaldocument"


@pytest.fixture
def docs(portal, department, make_doc):
    return {
        "portal": make_doc(portal, number="99/2024/QĐ-UBND", live=False),
        "own": make_doc(department, number="12/QĐ-SKHCN", summary="Quy chế làm việc của Sở"),
        "own_other": make_doc(department, number="7/KH-SKHCN", summary="Kế hoạch chuyển đổi số"),
    }


def test_chooser_lists_only_own_site_documents(client, department, docs):
    client.force_login(user_with(department.site, "admin"))
    body = client.get(reverse(f"{CHOOSER}:choose")).json()["html"]
    assert "12/QĐ-SKHCN" in body and "7/KH-SKHCN" in body and "99/2024/QĐ-UBND" not in body
    chosen = reverse(f"{CHOOSER}:chosen", args=[docs["portal"].pk])
    assert client.get(chosen).status_code == 404
    assert client.get(reverse(f"{CHOOSER}:chosen", args=[docs["own"].pk])).status_code == 200


@pytest.mark.parametrize("query", ["12/qd-skhcn", "QD-SKHCN", "quy che"])
def test_chooser_search_folds_diacritics(client, department, docs, query):
    client.force_login(user_with(department.site, "admin"))
    body = client.get(reverse(f"{CHOOSER}:choose_results"), {"q": query}).content.decode()
    assert "12/QĐ-SKHCN" in body and "7/KH-SKHCN" not in body


def test_gazette_edit_form_saves_ordered_documents(client, portal, make_doc):
    first, second = make_doc(portal, number="40/2024/QĐ-UBND"), make_doc(portal, number="41/2024/QĐ-UBND")
    client.force_login(user_with(portal.site, "admin", "g"))
    data = {
        "site": portal.site.pk,
        "number": 3,
        "year": 2024,
        "date": "2024-11-05",
        "document_links-TOTAL_FORMS": 2,
        "document_links-INITIAL_FORMS": 0,
        "document_links-MIN_NUM_FORMS": 0,
        "document_links-MAX_NUM_FORMS": 1000,
        "document_links-0-document": second.pk,
        "document_links-0-ORDER": 1,
        "document_links-1-document": first.pk,
        "document_links-1-ORDER": 2,
    }
    response = client.post(reverse("wagtailsnippets_legal_gazetteissue:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    issue = GazetteIssue.objects.get(number=3, year=2024)
    assert list(issue.ordered_documents()) == [second, first]


def test_legal_document_cannot_replace_itself(portal, make_doc):
    from django.core.exceptions import ValidationError

    doc = make_doc(portal, number="40/2024/QĐ-UBND")
    doc.replaced_by = doc
    with pytest.raises(ValidationError, match="chính nó"):
        doc.full_clean()


def test_gazette_rejects_another_sites_document_and_saves_nothing(client, portal, department, make_doc):
    own, other = make_doc(portal, number="40/2024/QĐ-UBND"), make_doc(department, number="12/QĐ-SKHCN")
    client.force_login(user_with(portal.site, "admin", "g"))
    data = {
        "site": portal.site.pk,
        "number": 4,
        "year": 2024,
        "date": "2024-11-05",
        "document_links-TOTAL_FORMS": 2,
        "document_links-INITIAL_FORMS": 0,
        "document_links-MIN_NUM_FORMS": 0,
        "document_links-MAX_NUM_FORMS": 1000,
        "document_links-0-document": own.pk,
        "document_links-0-ORDER": 1,
        "document_links-1-document": other.pk,
        "document_links-1-ORDER": 2,
    }
    response = client.post(reverse("wagtailsnippets_legal_gazetteissue:add"), data)
    assert response.status_code == 200 and "phải thuộc cùng trang" in response.content.decode()
    assert not GazetteIssue.objects.filter(number=4, year=2024).exists()
