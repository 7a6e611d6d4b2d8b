"""Access-log search/export and the annual risk report (SEC-3)."""

import csv
import io
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Max
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import AccessEvent, AccountGrant

ODD_START, ODD_END = 22, 6  # 22:00–06:00 local time
NEW_IP_WINDOW = timedelta(days=90)
DORMANT = timedelta(days=90)
EXPORT_HEADERS = ["Thời điểm", "Loại", "Tài khoản", "Địa chỉ IP", "Trình duyệt", "Thành công"]


def search_events(username="", kind="", date_from=None, date_to=None, ip=""):
    qs = AccessEvent.objects.all()
    if username:
        qs = qs.filter(username__icontains=username.strip())
    if kind:
        qs = qs.filter(kind=kind)
    if date_from:
        qs = qs.filter(at__gte=timezone.make_aware(datetime.combine(date_from, time.min)))
    if date_to:
        qs = qs.filter(at__lt=timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min)))
    if ip:
        qs = qs.filter(ip_address=ip.strip())
    return qs


def event_rows(qs):
    for e in qs.iterator():
        yield [
            timezone.localtime(e.at).strftime("%d/%m/%Y %H:%M:%S"),
            e.get_kind_display(),
            e.username,
            e.ip_address or "",
            e.user_agent,
            "có" if e.success else "không",
        ]


def to_csv(headers, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(sheets: dict[str, tuple[list, list]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for title, (headers, rows) in sheets.items():
        ws = wb.create_sheet(title[:31])
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def is_odd_hour(dt) -> bool:
    hour = timezone.localtime(dt).hour
    return hour >= ODD_START or hour < ODD_END


def risk_report(year: int) -> dict:
    """Unusual access in ``year``: sections of (headers, rows)."""
    tz = timezone.get_current_timezone()
    start = datetime(year, 1, 1, tzinfo=tz)
    end = datetime(year + 1, 1, 1, tzinfo=tz)
    events = AccessEvent.objects.filter(at__gte=start, at__lt=end)

    failed = (
        events.filter(kind=AccessEvent.Kind.LOGIN_FAILED)
        .values("username")
        .annotate(n=Count("id"), last=Max("at"))
        .order_by("-n", "username")
    )
    failed_rows = [
        [r["username"], r["n"], timezone.localtime(r["last"]).strftime("%d/%m/%Y %H:%M")] for r in failed
    ]

    logins = list(events.filter(kind=AccessEvent.Kind.LOGIN).order_by("at"))
    odd_rows = [
        [e.username, timezone.localtime(e.at).strftime("%d/%m/%Y %H:%M"), e.ip_address or ""]
        for e in logins
        if is_odd_hour(e.at)
    ]
    new_ip_rows = []
    for e in logins:
        if not e.ip_address:
            continue
        seen = AccessEvent.objects.filter(
            username=e.username,
            kind=AccessEvent.Kind.LOGIN,
            ip_address=e.ip_address,
            at__lt=e.at,
            at__gte=e.at - NEW_IP_WINDOW,
        ).exists()
        history = AccessEvent.objects.filter(
            username=e.username, kind=AccessEvent.Kind.LOGIN, at__lt=e.at
        ).exists()
        if history and not seen:
            new_ip_rows.append(
                [e.username, timezone.localtime(e.at).strftime("%d/%m/%Y %H:%M"), e.ip_address]
            )

    reference = min(end, timezone.now())
    last_login = dict(
        AccessEvent.objects.filter(kind=AccessEvent.Kind.LOGIN, at__lt=end)
        .values_list("username")
        .annotate(last=Max("at"))
    )
    dormant_rows = []
    for user in get_user_model().objects.filter(is_active=True).order_by("username"):
        last = last_login.get(user.username) or user.last_login
        if last is None or reference - last > DORMANT:
            dormant_rows.append(
                [
                    user.username,
                    user.get_full_name(),
                    timezone.localtime(last).strftime("%d/%m/%Y") if last else "chưa đăng nhập",
                ]
            )

    past_end = AccountGrant.objects.select_related("user", "site").filter(
        end_date__lt=timezone.localdate(), user__is_active=True
    )
    past_rows = [
        [
            g.user.username,
            g.decision_number,
            g.site.site_name or g.site.hostname,
            g.end_date.strftime("%d/%m/%Y"),
        ]
        for g in past_end
    ]
    return {
        "Đăng nhập thất bại": (["Tài khoản", "Số lần", "Lần cuối"], failed_rows),
        "Đăng nhập ngoài giờ": (["Tài khoản", "Thời điểm", "Địa chỉ IP"], odd_rows),
        "Địa chỉ IP mới": (["Tài khoản", "Thời điểm", "Địa chỉ IP"], new_ip_rows),
        "Tài khoản không dùng": (["Tài khoản", "Họ tên", "Đăng nhập cuối"], dormant_rows),
        "Quá hạn còn hoạt động": (["Tài khoản", "Số quyết định", "Trang", "Ngày kết thúc"], past_rows),
    }
