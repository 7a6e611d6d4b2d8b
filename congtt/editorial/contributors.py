"""Contributor network (EDT-10): the site's contributor group follows the register; counts; XLSX export."""

import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import rules
from .models import Contributor, Submission

GROUP_ROLE = "contributor"


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@transaction.atomic
def sync_group(contributor: Contributor, actor=None, today: date | None = None) -> bool | None:
    """Add the linked user to the site's contributor group while in service, remove it otherwise.

    Returns True when added, False when removed, None when nothing changed; each change is logged."""
    from congtt.network.models import SiteRoleGroup

    if not contributor.user_id:
        return None
    group = SiteRoleGroup.objects.get(site_id=contributor.site_id, role=GROUP_ROLE).group
    user = contributor.user
    member = group.user_set.filter(pk=user.pk).exists()
    wanted = contributor.in_service(today)
    if wanted == member:
        return None
    if wanted:
        group.user_set.add(user)
    else:
        group.user_set.remove(user)
    log(
        instance=contributor,
        action="editorial.contributor_grant" if wanted else "editorial.contributor_revoke",
        user=actor,
        data={"user": user.get_username(), "site": contributor.site.hostname, "role": GROUP_ROLE},
    )
    return wanted


def sync_all(today: date | None = None) -> int:
    """Daily: apply ended terms (``ends_on`` passed) and started ones; returns the number of changes."""
    changed = 0
    for contributor in Contributor.objects.filter(user__isnull=False).select_related("site", "user"):
        if sync_group(contributor, today=today) is not None:
            changed += 1
    return changed


def _contributions(contributor: Contributor, by_author: dict[str, set[int]]) -> Q:
    condition = Q(pk__in=by_author.get(rules.author_key(contributor.name), set()))
    if contributor.user_id:
        condition |= Q(officer_id=contributor.user_id) | Q(created_by_id=contributor.user_id)
    return condition


def submissions_by_author(submissions) -> dict[str, set[int]]:
    """{author key: submission ids} over ``submissions``: a name counts only as a whole author entry
    (``rules.author_key``), so "An" is not found in "Lan Anh"."""
    found: dict[str, set[int]] = {}
    for pk, authors in submissions.exclude(authors="").values_list("pk", "authors"):
        for name in rules.author_list(authors):
            found.setdefault(rules.author_key(name), set()).add(pk)
    return found


@dataclass
class ContributionRow:
    contributor: Contributor
    submitted: int
    published: int


def contribution_rows(site, start: date, end: date, contributors=None) -> list[ContributionRow]:
    """Per contributor of ``site``: submissions filed in [start, end] (by the linked user, or naming the
    contributor among the authors) and those of them published as live articles in the same period."""
    start_at, end_at = _aware(start), _aware(end + timedelta(days=1))
    if contributors is None:
        contributors = Contributor.objects.filter(site=site)
    submissions = Submission.objects.filter(site=site)
    in_period = submissions.filter(
        Q(created_at__gte=start_at, created_at__lt=end_at)
        | Q(article__first_published_at__gte=start_at, article__first_published_at__lt=end_at)
    )
    by_author = submissions_by_author(in_period)
    rows = []
    for contributor in contributors.select_related("unit"):
        mine = submissions.filter(_contributions(contributor, by_author))
        rows.append(
            ContributionRow(
                contributor=contributor,
                submitted=mine.filter(created_at__gte=start_at, created_at__lt=end_at).count(),
                published=mine.filter(
                    article__live=True,
                    article__first_published_at__gte=start_at,
                    article__first_published_at__lt=end_at,
                ).count(),
            )
        )
    return rows


HEADERS = [
    "STT",
    "Họ và tên",
    "Đơn vị",
    "Lĩnh vực phụ trách",
    "Thư điện tử",
    "Điện thoại",
    "Số quyết định",
    "Ngày quyết định",
    "Ngày bắt đầu",
    "Ngày kết thúc",
    "Đang hoạt động",
    "Tin bài đã gửi",
    "Tin bài đã đăng",
    "Ghi chú",
]


def _day(value):
    return value.strftime("%d/%m/%Y") if value else ""


def register_xlsx(site, start: date, end: date, contributors=None) -> bytes:
    """The site's contributor register with contribution counts over [start, end], as XLSX."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from congtt.citizen.exports import _safe_cell

    wb = Workbook()
    ws = wb.active
    ws.title = "Cong tac vien"
    ws.append(
        [
            _("Danh sách cộng tác viên: %(site)s (từ %(start)s đến %(end)s)")
            % {"site": site.site_name, "start": _day(start), "end": _day(end)}
        ]
    )
    ws["A1"].font = Font(bold=True)
    ws.append(HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for number, row in enumerate(contribution_rows(site, start, end, contributors), 1):
        c = row.contributor
        values = [
            number,
            c.name,
            c.unit_name,
            ", ".join(f.name for f in c.fields.all()),
            c.email,
            c.phone,
            c.decision_number,
            _day(c.decision_date),
            _day(c.starts_on),
            _day(c.ends_on),
            "Có" if c.is_active else "Không",
            row.submitted,
            row.published,
            c.notes,
        ]
        ws.append([_safe_cell(v) for v in values])
    for col, width in zip(
        "ABCDEFGHIJKLMN", (6, 26, 30, 30, 28, 14, 16, 14, 14, 14, 10, 10, 10, 40), strict=True
    ):
        ws.column_dimensions[col].width = width
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
