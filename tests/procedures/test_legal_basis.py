"""A procedure's legal basis (CNT-4): ordered links to legal documents, with an optional article note,
edited in the admin with the site-scoped chooser, shown on the page and in the API."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from congtt.legal.models import DocumentForm, IssuingBody, LegalDocument
from congtt.network.services import assign_role
from congtt.procedures.models import Procedure, ProcedureLegalBasis

pytestmark = pytest.mark.django_db
HOST = "langson.localhost"
ADD = "wagtailsnippets_procedures_procedure:add"


@pytest.fixture
def make_doc(db):
    form = DocumentForm.objects.get(code="nghi-dinh")
    body, _ = IssuingBody.objects.get_or_create(name="Chính phủ")

    def make(site, number, *, live=True, issue=dt.date(2020, 1, 1)):
        return LegalDocument.objects.create(
            site=site.site if hasattr(site, "site") else site,
            form=form,
            number=number,
            issuing_body=body,
            issue_date=issue,
            summary=f"Quy định {number}",
            live=live,
            first_published_at=timezone.now() if live else None,
        )

    return make


def link(procedure, *docs_and_notes):
    for i, (doc, note) in enumerate(docs_and_notes):
        ProcedureLegalBasis.objects.create(procedure=procedure, document=doc, note=note, sort_order=i)


def test_page_lists_published_basis_in_the_editors_order_with_notes(client, portal, make_proc, make_doc):
    procedure = make_proc(portal, code="1.001193")
    older = make_doc(portal, "123/2015/NĐ-CP", issue=dt.date(2015, 1, 1))
    newer = make_doc(portal, "87/2020/NĐ-CP", issue=dt.date(2020, 6, 1))
    draft = make_doc(portal, "1/2021/NĐ-CP", live=False)
    link(procedure, (older, "Điều 5"), (draft, ""), (newer, ""))
    body = client.get(
        f"/thu-tuc-hanh-chinh/{procedure.pk}-{procedure.slug}/", HTTP_HOST=HOST
    ).content.decode()
    section = body[body.index('class="legal-basis"') :]
    assert section.index("123/2015/NĐ-CP") < section.index("87/2020/NĐ-CP")
    assert "Điều 5 <a" in section and "1/2021/NĐ-CP" not in section
    assert f'href="/van-ban/{older.pk}-{older.slug}/"' in section


def test_api_gives_the_basis_in_order(client, portal, make_proc, make_doc):
    procedure = make_proc(portal, code="1.001193")
    first, second = make_doc(portal, "123/2015/NĐ-CP"), make_doc(portal, "87/2020/NĐ-CP")
    link(procedure, (second, "khoản 2 Điều 3"), (first, ""))
    data = client.get(f"/api/v1/procedures/{procedure.pk}", HTTP_HOST=HOST).json()
    assert data["legal_basis"] == [second.pk, first.pk]
    assert [(d["number"], d["note"]) for d in data["legal_basis_documents"]] == [
        ("87/2020/NĐ-CP", "khoản 2 Điều 3"),
        ("123/2015/NĐ-CP", ""),
    ]
    assert data["legal_basis_documents"][0]["url"] == f"/van-ban/{second.pk}-{second.slug}/"
    assert data["legal_basis_documents"][0]["issue_date"] == "2020-01-01"


@pytest.fixture
def admin_client(client, portal):
    user = get_user_model().objects.create_user("qt", "qt@example.vn", "Mat-khau-rat-dai-2024")
    assign_role(user, portal.site, "admin")
    client.force_login(user)
    return client


def form_data(site, fields, links):
    data = {
        "site": site.pk,
        "code": "1.001193",
        "field": fields["ho-tich"].pk,
        "name": "Đăng ký khai sinh",
        "level": "commune",
        "service_level": "full",
        "responsible_unit": "UBND cấp xã",
        "form_files-TOTAL_FORMS": 0,
        "form_files-INITIAL_FORMS": 0,
        "form_files-MIN_NUM_FORMS": 0,
        "form_files-MAX_NUM_FORMS": 1000,
        "legal_basis_links-TOTAL_FORMS": len(links),
        "legal_basis_links-INITIAL_FORMS": 0,
        "legal_basis_links-MIN_NUM_FORMS": 0,
        "legal_basis_links-MAX_NUM_FORMS": 1000,
    }
    for i, (doc, note) in enumerate(links):
        data[f"legal_basis_links-{i}-document"] = doc.pk
        data[f"legal_basis_links-{i}-note"] = note
        data[f"legal_basis_links-{i}-ORDER"] = i + 1
    return data


def test_admin_form_saves_ordered_basis(admin_client, portal, fields, make_doc):
    first, second = make_doc(portal, "123/2015/NĐ-CP"), make_doc(portal, "87/2020/NĐ-CP")
    data = form_data(portal.site, fields, [(second, "Điều 5"), (first, "")])
    response = admin_client.post(reverse(ADD), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    procedure = Procedure.objects.get(code="1.001193")
    assert [(b.document, b.note) for b in procedure.published_basis()] == [(second, "Điều 5"), (first, "")]
    assert list(first.procedures.all()) == [procedure]


def test_admin_form_shows_the_scoped_chooser(admin_client, portal):
    body = admin_client.get(reverse(ADD)).content.decode()
    assert "wagtailsnippetchoosers_legal_legaldocument" not in body  # (a URL name, never rendered)
    assert reverse("wagtailsnippetchoosers_legal_legaldocument:choose") in body


@pytest.mark.parametrize("case", ["other_site", "twice"])
def test_admin_form_rejects_bad_basis_and_saves_nothing(
    admin_client, portal, department, fields, make_doc, case
):
    own = make_doc(portal, "123/2015/NĐ-CP")
    other = make_doc(department, "5/QĐ-SKHCN")
    links = [(own, ""), (other, "")] if case == "other_site" else [(own, ""), (own, "Điều 2")]
    response = admin_client.post(reverse(ADD), form_data(portal.site, fields, links))
    assert response.status_code == 200
    body = response.content.decode()
    expected = "phải thuộc cùng trang với thủ tục" if case == "other_site" else "trùng lặp"
    assert expected in body
    assert not Procedure.objects.filter(code="1.001193").exists()
    assert not ProcedureLegalBasis.objects.exists()
