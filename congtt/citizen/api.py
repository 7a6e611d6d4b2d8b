"""Public read-only API: published questions and answers, published drafts (no personal data)."""

from datetime import date, datetime

from ninja import Router, Schema
from ninja.pagination import paginate

from congtt.api.pagination import BoundedPageNumberPagination, check_id
from congtt.network.context import get_site
from congtt.vntext import fold

from .models import Case, Draft

router = Router()


class QuestionOut(Schema):
    id: int
    kind: str
    title: str
    question: str
    answer: str
    field: str | None
    asker: str
    published_at: datetime | None


class DraftOut(Schema):
    id: int
    title: str
    summary: str
    opens_on: date
    closes_on: date


@router.get(
    "/questions/", response=list[QuestionOut], summary="Hỏi đáp đã công khai của trang / Published Q&A"
)
@paginate(BoundedPageNumberPagination, page_size=20)
def list_questions(request, q: str | None = None, field: int | None = None):
    check_id(field, "field")
    cases = Case.objects.filter(site=get_site(request), published=True).select_related("field")
    if q:
        for word in fold(q).split()[:8]:
            cases = cases.filter(search_text__contains=word)
    if field:
        cases = cases.filter(field_id=field)
    return [
        QuestionOut(
            id=c.pk,
            kind=c.kind,
            title=c.title,
            question=c.question,
            answer=c.answer,
            field=c.field.name if c.field else None,
            asker=c.public_name,
            published_at=c.published_at,
        )
        for c in cases.order_by("-published_at", "-pk")
    ]


@router.get("/drafts/", response=list[DraftOut], summary="Dự thảo lấy ý kiến / Drafts open for comment")
@paginate(BoundedPageNumberPagination, page_size=20)
def list_drafts(request):
    return list(Draft.objects.filter(site=get_site(request), published=True))
