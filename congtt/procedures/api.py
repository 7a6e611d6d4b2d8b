"""Read-only REST endpoints for administrative procedures (PUB-7)."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.rich_text import expand_db_html

from congtt.api.pagination import BoundedPageNumberPagination, check_id
from congtt.network.context import get_site

from .models import Procedure, basis_prefetch
from .services import filter_procedures

router = Router()


class ProcedureOut(Schema):
    id: int
    code: str
    name: str
    field: str
    level: str
    level_label: str
    service_level: str
    service_level_label: str
    responsible_unit: str
    processing_time: str
    fees: str
    national_url: str | None
    url: str | None


class LegalBasisOut(Schema):
    id: int
    number: str
    form: str
    summary: str
    issue_date: dt.date
    note: str
    url: str | None


class ProcedureDetailOut(ProcedureOut):
    steps: str
    dossier: str
    requirements: str
    legal_basis: list[int]
    legal_basis_documents: list[LegalBasisOut]
    forms: list[dict]


def _out(p, request):
    return {
        "id": p.pk,
        "code": p.code,
        "name": p.name,
        "field": p.field.name,
        "level": p.level,
        "level_label": p.level_label,
        "service_level": p.service_level,
        "service_level_label": p.service_level_label,
        "responsible_unit": p.responsible_unit,
        "processing_time": p.processing_time,
        "fees": p.fees,
        "national_url": p.national_url,
        "url": p.get_url(request),
    }


def _basis_out(link, request):
    doc = link.document
    return {
        "id": doc.pk,
        "number": doc.number,
        "form": doc.form.name,
        "summary": doc.summary,
        "issue_date": doc.issue_date,
        "note": link.note,
        "url": doc.get_url(request),
    }


def _queryset(request):
    site = get_site(request)
    if site is None:
        raise HttpError(404, "Không xác định được trang.")
    return Procedure.objects.published().filter(site=site)


@router.get("", response=list[ProcedureOut], summary="Danh sách thủ tục hành chính / Procedures")
@paginate(BoundedPageNumberPagination, page_size=20)
def list_procedures(
    request,
    q: str | None = None,
    field: str | None = None,
    level: str | None = None,
    service_level: str | None = None,
    code: str | None = None,
):
    params = {"q": q, "field": field, "level": level, "service_level": service_level, "code": code}
    params = {k: v for k, v in params.items() if v not in (None, "")}
    result = filter_procedures(_queryset(request), params)
    if result.messages:
        raise HttpError(422, " ".join(result.messages))
    return [_out(p, request) for p in result.queryset.select_related("field")]


@router.get("{int:procedure_id}", response=ProcedureDetailOut, summary="Chi tiết thủ tục / A procedure")
def get_procedure(request, procedure_id: int):
    check_id(procedure_id, "procedure_id", status=404)
    p = get_object_or_404(
        _queryset(request).select_related("field").prefetch_related("form_files__document", basis_prefetch()),
        pk=procedure_id,
    )
    basis = p.published_basis()
    data = _out(p, request)
    data.update(
        {
            "steps": expand_db_html(p.steps),
            "dossier": expand_db_html(p.dossier),
            "requirements": expand_db_html(p.requirements),
            "legal_basis": [link.document_id for link in basis],
            "legal_basis_documents": [_basis_out(link, request) for link in basis],
            "forms": [{"title": f.label, "url": f.document.url} for f in p.form_files.all()],
        }
    )
    return data
