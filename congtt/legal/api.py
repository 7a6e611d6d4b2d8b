"""Read-only REST endpoints for legal documents (PUB-7): published records of the requesting site."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.rich_text import expand_db_html

from congtt.api.pagination import BoundedPageNumberPagination, check_id
from congtt.network.context import get_site

from . import rules
from .models import LegalDocument, today
from .services import filter_documents

router = Router()


class AttachmentOut(Schema):
    title: str
    url: str


class LegalDocumentOut(Schema):
    id: int
    number: str
    form: str
    issuing_body: str
    signer: str
    issue_date: dt.date
    effective_date: dt.date | None
    expiry_date: dt.date | None
    status: str
    status_label: str
    field: str | None
    summary: str
    replaced_by: int | None
    url: str | None


class LegalDocumentDetailOut(LegalDocumentOut):
    body: str
    attachments: list[AttachmentOut]
    replaces: list[int]


def _out(doc, request):
    return {
        "id": doc.pk,
        "number": doc.number,
        "form": doc.form.name,
        "issuing_body": doc.issuing_body.name,
        "signer": doc.signer,
        "issue_date": doc.issue_date,
        "effective_date": doc.effective_date,
        "expiry_date": doc.expiry_date,
        "status": doc.status,
        "status_label": rules.STATUS_LABELS[doc.status],
        "field": doc.field.name if doc.field_id else None,
        "summary": doc.summary,
        "replaced_by": doc.replaced_by_id,
        "url": doc.get_url(request),
    }


def _queryset(request):
    site = get_site(request)
    if site is None:
        raise HttpError(404, "Không xác định được trang.")
    return LegalDocument.objects.published().filter(site=site)


@router.get("", response=list[LegalDocumentOut], summary="Danh sách văn bản / Legal documents")
@paginate(BoundedPageNumberPagination, page_size=20)
def list_documents(
    request,
    q: str | None = None,
    number: str | None = None,
    issuing_body: int | None = None,
    form: str | None = None,
    field: str | None = None,
    year: int | None = None,
    status: str | None = None,
    sort: str | None = None,
):
    params = {
        "q": q,
        "number": number,
        "body": str(issuing_body) if issuing_body is not None else None,
        "form": form,
        "field": field,
        "year": str(year) if year is not None else None,
        "status": status,
        "sort": sort,
    }
    params = {k: v for k, v in params.items() if v not in (None, "")}
    result = filter_documents(_queryset(request), params, today=today())
    if result.messages:
        raise HttpError(422, " ".join(result.messages))
    return [_out(doc, request) for doc in result.queryset.select_related("form", "issuing_body", "field")]


@router.get(
    "{int:document_id}", response=LegalDocumentDetailOut, summary="Chi tiết văn bản / A legal document"
)
def get_document(request, document_id: int):
    check_id(document_id, "document_id", status=404)
    doc = get_object_or_404(
        _queryset(request)
        .select_related("form", "issuing_body", "field")
        .prefetch_related("attachments__document"),
        pk=document_id,
    )
    data = _out(doc, request)
    data["body"] = expand_db_html(doc.body)
    data["attachments"] = [{"title": a.label, "url": a.document.url} for a in doc.attachments.all()]
    data["replaces"] = list(
        LegalDocument.objects.published().filter(replaced_by=doc).values_list("pk", flat=True)
    )
    return data
