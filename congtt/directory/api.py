"""Read-only API of officials and schedules of the requesting site (PUB-7)."""

import datetime

from django.db.models import Q
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from congtt.api.pagination import BoundedPageNumberPagination, check_id
from congtt.network.context import get_site

from . import rules
from .models import Official, ScheduleEntry

officials_router = Router()
schedules_router = Router()


class OfficialOut(Schema):
    id: int
    name: str
    position: str
    unit: str | None
    unit_id: int | None
    office_phone: str
    fax: str
    email: str
    is_leader: bool
    is_spokesperson: bool

    @staticmethod
    def resolve_unit(obj):
        return obj.unit.name if obj.unit_id else None


class ScheduleOut(Schema):
    id: int
    date: datetime.date
    start_time: str = Field(description="Giờ bắt đầu (HH:MM, giờ Việt Nam)")
    end_time: str | None = Field(None, description="Giờ kết thúc (HH:MM)")
    content: str
    place: str
    attendees: str
    preparing_unit: str
    leader: str | None
    leader_id: int | None

    @staticmethod
    def resolve_leader(obj):
        return obj.leader.name if obj.leader_id else None

    # JSON Schema's "time" format needs a UTC offset; local wall-clock times are plain HH:MM strings.
    @staticmethod
    def resolve_start_time(obj):
        return obj.start_time.strftime("%H:%M")

    @staticmethod
    def resolve_end_time(obj):
        return obj.end_time.strftime("%H:%M") if obj.end_time else None


def _site_or_404(request):
    site = get_site(request)
    if site is None:
        raise HttpError(404, "Không xác định được trang theo tên miền.")
    return site


@officials_router.get("", response=list[OfficialOut], summary="Danh bạ cán bộ / Officials")
@paginate(BoundedPageNumberPagination, page_size=20)
def list_officials(request, q: str = "", unit: int | None = None, leaders_only: bool = False):
    """Published officials of this site; ``q`` matches name, position or unit with or without diacritics."""
    check_id(unit, "unit")
    site = _site_or_404(request)
    officials = Official.objects.filter(site=site, published=True).select_related("unit")
    query = rules.clean_query(q)
    if query:
        officials = officials.filter(Q(name_folded__contains=query) | Q(unit__name_folded__contains=query))
    if unit is not None:
        officials = officials.filter(unit_id=unit)
    if leaders_only:
        officials = officials.filter(is_leader=True)
    return officials.order_by("unit__order", "unit_id", "order", "name")


@schedules_router.get("", response=list[ScheduleOut], summary="Lịch công tác / Work schedule")
@paginate(BoundedPageNumberPagination, page_size=20)
def list_schedules(request, week: str = "", leader: int | None = None):
    """Published schedule entries of one ISO week (``week=2026-W48``; the current week by default)."""
    check_id(leader, "leader")
    site = _site_or_404(request)
    monday, ok = rules.parse_iso_week(week, timezone.localdate())
    if not ok:
        raise HttpError(400, "Tuần không hợp lệ, cần dạng YYYY-Www (ví dụ 2026-W48).")
    entries = ScheduleEntry.objects.filter(
        site=site, published=True, date__range=(monday, monday + datetime.timedelta(days=6))
    ).select_related("leader")
    if leader is not None:
        entries = entries.filter(leader_id=leader)
    return entries.order_by("date", "start_time")
