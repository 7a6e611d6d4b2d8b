"""Report sections fed by the citizen app, checked against hand-counted fixtures."""

import datetime as dt

from django.utils import timezone

from congtt.citizen.models import Case, Draft, DraftComment, Rating
from congtt.reports.scoring import METRICS
from congtt.reports.services import build, report_context

OCT = dt.date(2026, 10, 5)


def aware(d, hour=9):
    return timezone.make_aware(dt.datetime(d.year, d.month, d.day, hour))


def case(site, created, state="received", answered=None, due=None, extended=None, unit=None):
    return Case.objects.create(
        unit=unit,
        site=site,
        asker_name="Nguyễn Văn Hỏi",
        title="Hỏi về thủ tục",
        question="Nội dung câu hỏi",
        state=state,
        created_at=aware(created),
        answered_at=aware(answered) if answered else None,
        due_date=due,
        extended_due_date=extended,
    )


def _section(result, key):
    return next(s for s in result["sections"] if s["key"] == key)


def test_qa_consultation_and_rating_figures(department, district):
    site = department.site
    # received in October: 4; answered in October: 3 (2 on time — one thanks to an extension — 1 late);
    # still open and past due at the end of October: 1. A September case answered in October counts as answered.
    case(site, dt.date(2026, 10, 1), "answered", answered=dt.date(2026, 10, 6), due=dt.date(2026, 10, 8))
    case(site, dt.date(2026, 10, 2), "answered", answered=dt.date(2026, 10, 20), due=dt.date(2026, 10, 9))
    case(
        site,
        dt.date(2026, 9, 28),
        "published",
        answered=dt.date(2026, 10, 12),
        due=dt.date(2026, 10, 5),
        extended=dt.date(2026, 10, 15),
    )
    case(site, dt.date(2026, 10, 3), "forwarded", due=dt.date(2026, 10, 10))
    case(site, dt.date(2026, 10, 25), "forwarded", due=dt.date(2026, 11, 3))
    case(district.site, dt.date(2026, 11, 2))
    draft = Draft.objects.create(
        site=site,
        title="Dự thảo quy chế",
        opens_on=dt.date(2026, 9, 20),
        closes_on=dt.date(2026, 10, 20),
        published=True,
    )
    for day in (dt.date(2026, 9, 25), dt.date(2026, 10, 2), dt.date(2026, 10, 3)):
        DraftComment.objects.create(
            draft=draft, name="Lê B", email="b@example.com", text="Ý kiến", created_at=aware(day)
        )
    for scores in ((5, 4, 4, 3), (3, 4, 2, 5)):
        Rating.objects.create(
            site=site,
            interface=scores[0],
            content=scores[1],
            quality=scores[2],
            support=scores[3],
            created_at=aware(OCT),
        )
    result = build(report_context(site, "month", OCT))
    qa = _section(result, "qa")
    assert qa["rows"] == [["Sở Khoa học và Công nghệ", 4, 3, 2, 1, 1]]
    assert "<title" in result["sections"][[s["key"] for s in result["sections"]].index("qa")]["svg"]
    cons = _section(result, "consultations")
    assert cons["rows"] == [["Dự thảo quy chế", "Sở Khoa học và Công nghệ", "20/09/2026 – 20/10/2026", 2]]
    ratings = _section(result, "ratings")
    assert ratings["rows"][0][:3] == ["Sở Khoa học và Công nghệ", 2, 4]
    assert ratings["totals"][4] == 3  # quality (4 + 2) / 2
    province = build(report_context(None, "month", OCT))
    assert _section(province, "qa")["totals"] == ["Tổng cộng", 4, 3, 2, 1, 1]
    # on-time ratio: 2 on time / (3 answered + 1 overdue)
    assert METRICS["qa_on_time"][1](site, dt.date(2026, 10, 1), dt.date(2026, 10, 31)) == 0.5


def test_records_published_section_counts_legal_documents(department, district):
    from congtt.legal.models import DocumentForm, IssuingBody, LegalDocument

    form = DocumentForm.objects.get(code="quyet-dinh")
    body = IssuingBody.objects.get_or_create(name="Ủy ban nhân dân tỉnh Lạng Sơn")[0]

    def doc(site, n, published, live=True):
        return LegalDocument.objects.create(
            site=site,
            form=form,
            number=f"{n}/QĐ-UBND",
            issuing_body=body,
            issue_date=dt.date(2026, 9, 1),
            summary="Quyết định thử",
            live=live,
            first_published_at=aware(published) if published else None,
        )

    doc(department.site, 1, dt.date(2026, 10, 2))
    doc(department.site, 2, dt.date(2026, 10, 30))
    doc(department.site, 3, dt.date(2026, 9, 30))  # before the period
    doc(department.site, 4, None, live=False)  # draft
    doc(district.site, 5, dt.date(2026, 10, 15))
    result = build(report_context(department.site, "month", OCT))
    section = _section(result, "records_published")
    assert section["headers"][1] == "Văn bản quy phạm, chỉ đạo điều hành"
    assert section["rows"][0][:2] == ["Sở Khoa học và Công nghệ", 2]
    province = build(report_context(None, "month", OCT))
    assert _section(province, "records_published")["totals"][1] == 3


def test_qa_by_responsible_unit(department):
    from congtt.citizen.models import ResponsibleUnit

    site = department.site
    tc = ResponsibleUnit.objects.create(site=site, name="Phòng Kế hoạch - Tài chính")
    ql = ResponsibleUnit.objects.create(site=site, name="Phòng Quản lý khoa học")
    case(
        site,
        dt.date(2026, 10, 1),
        "answered",
        answered=dt.date(2026, 10, 6),
        due=dt.date(2026, 10, 8),
        unit=tc,
    )
    case(
        site,
        dt.date(2026, 10, 2),
        "answered",
        answered=dt.date(2026, 10, 20),
        due=dt.date(2026, 10, 9),
        unit=tc,
    )
    case(site, dt.date(2026, 10, 3), "forwarded", due=dt.date(2026, 10, 10), unit=ql)
    case(site, dt.date(2026, 10, 25), "forwarded", due=dt.date(2026, 11, 3), unit=ql)
    section = _section(build(report_context(site, "month", OCT)), "qa_by_unit")
    assert section["rows"] == [
        ["Phòng Kế hoạch - Tài chính", 2, 1, 1, 0],
        ["Phòng Quản lý khoa học", 0, 0, 0, 1],
    ]
    assert section["chart"] == [["Phòng Quản lý khoa học", 1]]
