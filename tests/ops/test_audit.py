"""Audit trail (SEC-3): access events, permission changes, exports, risk report."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from congtt.ops.audit import risk_report
from congtt.ops.models import AccessEvent, AccountGrant

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/quan-tri/login/"


def test_login_failed_login_and_logout_are_recorded(client, make_user, department):
    from congtt.network.services import assign_role

    user = make_user()
    assign_role(user, department.site, "member")
    client.post(
        LOGIN, {"username": "bientap", "password": "sai"}, REMOTE_ADDR="10.1.1.1", HTTP_USER_AGENT="UA-test"
    )
    client.post(LOGIN, {"username": "bientap", "password": PASSWORD}, REMOTE_ADDR="10.1.1.1")
    client.post(reverse("wagtailadmin_logout"), REMOTE_ADDR="10.1.1.1")
    kinds = list(
        AccessEvent.objects.order_by("at", "pk").values_list("kind", "username", "ip_address", "success")
    )
    assert kinds == [
        ("login_failed", "bientap", "10.1.1.1", False),
        ("login", "bientap", "10.1.1.1", True),
        ("logout", "bientap", "10.1.1.1", True),
    ]
    assert AccessEvent.objects.get(kind="login_failed").user_agent == "UA-test"
    assert AccessEvent.objects.get(kind="login").user == user


def test_unknown_username_failure_is_kept(client, db):
    client.post(LOGIN, {"username": "khongco", "password": "x"})
    event = AccessEvent.objects.get()
    assert event.username == "khongco" and event.user is None


def test_group_membership_change_is_logged(make_user):
    user = make_user()
    group = Group.objects.create(name="Biên tập viên")
    user.groups.add(group)
    user.groups.remove(group)
    entries = ModelLogEntry.objects.filter(
        action="congtt.permission_change", object_id=str(user.pk)
    ).order_by("pk")
    assert [(e.data["change"], e.data["items"]) for e in entries] == [
        ("added", ["Biên tập viên"]),
        ("removed", ["Biên tập viên"]),
    ]


def test_access_log_search_and_export_is_logged(client, superuser):
    AccessEvent.objects.create(kind="login", username="an", ip_address="10.0.0.1")
    AccessEvent.objects.create(kind="login_failed", username="binh", ip_address="10.0.0.2", success=False)
    client.force_login(superuser)
    html = client.get(reverse("ops_access_log"), {"kind": "login_failed"}).content.decode()
    assert "binh" in html and ">an<" not in html
    response = client.get(reverse("ops_access_log"), {"ip": "10.0.0.1", "export": "csv"})
    body = response.content.decode("utf-8-sig")
    assert "an" in body and "binh" not in body
    xlsx = client.get(reverse("ops_access_log"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 1 + AccessEvent.objects.count()
    exports = ModelLogEntry.objects.filter(action="congtt.export")
    assert exports.count() == 2 and exports.first().user == superuser


def test_access_log_is_refused_to_editors(client, make_user, department):
    from congtt.network.services import assign_role

    user = make_user()
    assign_role(user, department.site, "chief")
    client.force_login(user)
    assert client.get(reverse("ops_access_log"), {"export": "csv"}).status_code in (302, 403)
    assert not ModelLogEntry.objects.filter(action="congtt.export").exists()


def _at(y, m, d, h, mi=0):
    return timezone.make_aware(datetime(y, m, d, h, mi))


# A fixed office-hours "now": the suite may run at any hour, and a login at 23:47 is an odd-hours login.
@freeze_time("2026-11-20 03:00:00")  # 10:00 in Asia/Ho_Chi_Minh
def test_risk_report_lists_unusual_access(make_user, department, tmp_path):
    an, chi = make_user("an"), make_user("chi")
    make_user("binh")
    AccessEvent.objects.create(
        kind="login", user=an, username="an", ip_address="10.0.0.1", at=_at(2026, 3, 2, 9)
    )
    AccessEvent.objects.create(
        kind="login", user=an, username="an", ip_address="10.0.0.1", at=_at(2026, 3, 3, 23, 30)
    )
    AccessEvent.objects.create(
        kind="login", user=an, username="an", ip_address="203.0.113.7", at=_at(2026, 3, 4, 10)
    )
    for _i in range(3):
        AccessEvent.objects.create(kind="login_failed", username="binh", success=False, at=_at(2026, 4, 1, 8))
    AccessEvent.objects.create(
        kind="login", user=chi, username="chi", ip_address="10.0.0.3", at=timezone.now()
    )
    AccountGrant.objects.create(
        user=chi,
        decision_number="5/QĐ",
        decision_date=date(2025, 1, 1),
        site=department.site,
        role="member",
        end_date=timezone.localdate() - timedelta(days=3),
    )
    report = risk_report(2026)
    assert report["Đăng nhập thất bại"][1][0][:2] == ["binh", 3]
    assert [r[0:2] for r in report["Đăng nhập ngoài giờ"][1]] == [["an", "03/03/2026 23:30"]]
    assert [r[2] for r in report["Địa chỉ IP mới"][1]] == ["203.0.113.7"]
    dormant = {r[0] for r in report["Tài khoản không dùng"][1]}
    assert "binh" in dormant and "chi" not in dormant
    assert [r[0] for r in report["Quá hạn còn hoạt động"][1]] == ["chi"]
    out = tmp_path / "r.xlsx"
    call_command("risk_report", "--year", "2026", "--output", str(out), stdout=io.StringIO())
    wb = load_workbook(out)
    assert wb["Địa chỉ IP mới"]["C2"].value == "203.0.113.7"
