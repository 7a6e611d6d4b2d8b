"""Royalty transitions: grade an item, generate/submit/approve a month's statement. Each one logged."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from congtt.editorial.workflow import current_delegation, user_roles
from congtt.network.models import SiteRoleGroup
from congtt.network.roles import ROLE_BY_CODE
from congtt.network.scoping import ALL, site_ids_with_permission
from congtt.vntext import fold

from . import rules
from .models import Contribution, GenreRate, Grading, RateFrame, Statement, StatementLine


class RoyaltyError(Exception):
    """A refused action; ``str(exc)`` is a Vietnamese message for the user."""


def _allowed(user, perm: str, site_id: int) -> bool:
    ids = site_ids_with_permission(user, perm)
    return ids is ALL or site_id in ids


def can_grade(user, site) -> bool:
    return _allowed(user, "royalties.add_grading", site.pk)


def can_prepare_statement(user, site) -> bool:
    return _allowed(user, "royalties.add_statement", site.pk)


def can_approve_statement(user, site) -> bool:
    return _allowed(user, "royalties.approve_statement", site.pk)


def approval_authority(user, site):
    """Whether ``user`` may approve ``site``'s statements, and under which delegation (ROY-3, EDT-1).

    The chief approves in their own right (``(True, None)``); a deputy approves only while holding the
    chief's current delegation of final approval (``(True, delegation)``); everyone else is refused.
    """
    if can_approve_statement(user, site):
        return True, None
    if not user.is_authenticated or not user.is_active or "deputy" not in user_roles(user, site):
        return False, None
    delegation = current_delegation(site, user)
    return delegation is not None, delegation


def _approver(statement: Statement, user, verb: str):
    allowed, delegation = approval_authority(user, statement.site)
    if not allowed:
        if "deputy" in user_roles(user, statement.site):
            raise RoyaltyError(
                f"Phó Trưởng ban chỉ được {verb} bảng kê khi đang được Trưởng ban ủy quyền duyệt; "
                "hiện không có ủy quyền còn hiệu lực."
            )
        raise RoyaltyError(
            f"Chỉ Trưởng ban biên tập (hoặc Phó Trưởng ban được ủy quyền) của trang này được {verb} bảng kê."
        )
    if statement.submitted_by_id and statement.submitted_by_id == user.pk:
        raise RoyaltyError(f"Người trình bảng kê không được tự {verb} bảng kê đó.")
    return delegation


def frame_for(site, year: int) -> RateFrame | None:
    return RateFrame.objects.filter(site=site, year=year).prefetch_related("genres", "allowances").first()


def published_on(page) -> datetime.date:
    specific = page.specific
    value = getattr(specific, "date", None) or page.first_published_at or timezone.now()
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


@dataclass
class Share:
    name: str
    share_percent: int
    role: str = Contribution.Role.AUTHOR
    user: object | None = None


def grade(page, user, *, genre_code: str, coefficient, shares: list[Share], note: str = "") -> Grading:
    """Grade a published item, in any edition (deputy or chief of the item's site only)."""
    from .listing import site_of

    site = site_of(page)
    if site is None or not can_grade(user, site):
        raise RoyaltyError("Chỉ Trưởng ban hoặc Phó Trưởng ban biên tập của trang này được chấm nhuận bút.")
    if not page.live:
        raise RoyaltyError("Chỉ chấm nhuận bút tin bài đã đăng.")
    when = published_on(page)
    existing = Grading.objects.filter(page=page).first()
    if existing and _month_locked(site, when):
        raise RoyaltyError("Bảng kê của tháng này đã trình hoặc đã duyệt; không sửa được điểm chấm.")
    frame = frame_for(site, when.year)
    if frame is None:
        raise RoyaltyError(f"Chưa có khung nhuận bút năm {when.year} cho trang này.")
    genre = next((g for g in frame.genres.all() if g.code == genre_code), None)
    if genre is None:
        raise RoyaltyError("Thể loại không có trong khung nhuận bút.")
    try:
        coefficient = Decimal(str(coefficient).replace(",", "."))
    except InvalidOperation:
        raise RoyaltyError("Hệ số không hợp lệ.") from None
    for message in (
        rules.validate_coefficient(coefficient, genre.coef_min, genre.coef_max),
        rules.validate_shares([s.share_percent for s in shares]),
    ):
        if message:
            raise RoyaltyError(message)
    if any(not (s.name or "").strip() for s in shares):
        raise RoyaltyError("Nhập họ và tên của mỗi người hưởng nhuận bút.")
    with transaction.atomic():
        grading = existing or Grading(page=page, site=site)
        grading.site = site
        grading.genre = genre
        grading.coefficient = coefficient
        grading.published_on = when
        grading.graded_by = user
        grading.note = note
        grading.save()
        grading.contributions.all().delete()
        Contribution.objects.bulk_create(
            [
                Contribution(
                    grading=grading,
                    role=s.role,
                    name=s.name.strip(),
                    user=s.user,
                    share_percent=s.share_percent,
                )
                for s in shares
            ]
        )
        log(instance=grading, action="royalties.grade", user=user, data={"coefficient": str(coefficient)})
    return grading


def _month_locked(site, day: datetime.date) -> bool:
    return (
        Statement.objects.filter(site=site, year=day.year, month=day.month)
        .exclude(status=Statement.Status.DRAFT)
        .exists()
    )


def _person_key(user_id, name: str) -> str:
    return f"u{user_id}" if user_id else "n:" + " ".join(fold(name).split())


def month_shares(site, year: int, month: int) -> list[rules.ItemShare]:
    last = calendar.monthrange(year, month)[1]
    gradings = (
        Grading.objects.filter(
            site=site,
            published_on__gte=datetime.date(year, month, 1),
            published_on__lte=datetime.date(year, month, last),
        )
        .select_related("page", "genre")
        .prefetch_related("contributions")
        .order_by("published_on", "pk")
    )
    shares = []
    for g in gradings:
        for c in g.contributions.all():
            shares.append(
                rules.ItemShare(
                    person_key=_person_key(c.user_id, c.name),
                    person_name=c.name,
                    item_title=g.page.title,
                    genre=g.genre.name,
                    coefficient=g.coefficient,
                    share_percent=c.share_percent,
                    role=c.role,
                    item_id=g.page_id,
                )
            )
    return shares


def month_allowances(site, frame: RateFrame) -> dict[str, tuple[str, str, int]]:
    """{person key: (name, role label, amount)} for every board member holding a role with an allowance."""
    amounts = {a.role: a.amount for a in frame.allowances.all() if a.amount}
    if not amounts:
        return {}
    result = {}
    groups = SiteRoleGroup.objects.filter(site=site, role__in=amounts).select_related("group")
    User = get_user_model()
    for rg in groups:
        for user in User.objects.filter(groups=rg.group, is_active=True).order_by("pk"):
            key = _person_key(user.pk, "")
            name = user.get_full_name() or user.get_username()
            previous = result.get(key)
            if previous is None or previous[2] < amounts[rg.role]:  # one allowance per person: the highest
                result[key] = (name, str(ROLE_BY_CODE[rg.role].name), amounts[rg.role])
    return result


def generate_statement(site, year: int, month: int, user) -> Statement:
    """The secretary compiles (or recompiles while still a draft) the month's statement."""
    if not can_prepare_statement(user, site):
        raise RoyaltyError("Chỉ Thư ký ban biên tập của trang này được lập bảng kê nhuận bút.")
    if not 1 <= month <= 12:
        raise RoyaltyError("Tháng không hợp lệ.")
    frame = frame_for(site, year)
    if frame is None:
        raise RoyaltyError(f"Chưa có khung nhuận bút năm {year} cho trang này.")
    statement = Statement.objects.filter(site=site, year=year, month=month).first()
    if statement and statement.status != Statement.Status.DRAFT:
        raise RoyaltyError("Bảng kê đã trình hoặc đã được duyệt; không lập lại được.")
    lines = rules.compile_lines(
        month_shares(site, year, month), frame.unit_value, month_allowances(site, frame)
    )
    with transaction.atomic():
        statement = statement or Statement(site=site, year=year, month=month)
        statement.created_by = user
        statement.unit_value = frame.unit_value
        statement.total = rules.statement_total(lines)
        statement.number = statement.number or f"{month:02d}/{year}/BK-NB"
        statement.save()
        statement.lines.all().delete()
        StatementLine.objects.bulk_create(
            [
                StatementLine(
                    statement=statement,
                    position=i,
                    person_name=line.person_name,
                    user_id=int(line.person_key[1:]) if line.person_key.startswith("u") else None,
                    items=line.items,
                    coefficient_sum=line.coefficient_sum,
                    royalty=line.royalty,
                    allowance=line.allowance,
                    allowance_role=line.allowance_role,
                    total=line.total,
                )
                for i, line in enumerate(lines, start=1)
            ]
        )
        log(instance=statement, action="royalties.generate", user=user, data={"total": statement.total})
    return statement


def submit_statement(statement: Statement, user) -> Statement:
    if not can_prepare_statement(user, statement.site):
        raise RoyaltyError("Chỉ Thư ký ban biên tập của trang này được trình bảng kê.")
    if statement.status != Statement.Status.DRAFT:
        raise RoyaltyError("Chỉ trình được bảng kê đang ở trạng thái dự thảo.")
    statement.status = Statement.Status.SUBMITTED
    statement.submitted_at = timezone.now()
    statement.submitted_by = user
    statement.save(update_fields=["status", "submitted_at", "submitted_by"])
    log(instance=statement, action="royalties.submit", user=user)
    return statement


def approve_statement(statement: Statement, user) -> Statement:
    """The chief, or a deputy holding the chief's current delegation, approves a submitted statement."""
    delegation = _approver(statement, user, "phê duyệt")
    if statement.status != Statement.Status.SUBMITTED:
        raise RoyaltyError("Chỉ phê duyệt được bảng kê đã trình.")
    statement.status = Statement.Status.APPROVED
    statement.approved_by = user
    statement.approved_at = timezone.now()
    statement.approved_under = delegation
    statement.save(update_fields=["status", "approved_by", "approved_at", "approved_under"])
    log(
        instance=statement,
        action="royalties.approve",
        user=user,
        data={"delegation": delegation.pk if delegation else None},
    )
    return statement


def return_statement(statement: Statement, user) -> Statement:
    """The chief sends a submitted statement back to the secretary as a draft."""
    _approver(statement, user, "trả lại")
    if statement.status != Statement.Status.SUBMITTED:
        raise RoyaltyError("Chỉ trả lại được bảng kê đang chờ phê duyệt.")
    statement.status = Statement.Status.DRAFT
    statement.submitted_at = None
    statement.submitted_by = None
    statement.save(update_fields=["status", "submitted_at", "submitted_by"])
    log(instance=statement, action="royalties.return", user=user)
    return statement


def month_totals(site_ids, start: datetime.date, end: datetime.date) -> list[dict]:
    """Approved statement totals per site for the months inside [start, end] (for reports)."""
    qs = Statement.objects.filter(status=Statement.Status.APPROVED)
    if site_ids is not None:
        qs = qs.filter(site_id__in=site_ids)
    rows = []
    for s in qs.select_related("site").order_by("site_id", "year", "month"):
        first = datetime.date(s.year, s.month, 1)
        if start <= first <= end:
            rows.append({"site_id": s.site_id, "year": s.year, "month": s.month, "total": s.total})
    return rows


__all__ = ["GenreRate", "RoyaltyError", "Share", "approve_statement", "generate_statement", "grade"]
