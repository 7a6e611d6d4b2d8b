"""Incident log (OPS-2) and the admin status panel (OPS-3)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from congtt.network.services import assign_role
from congtt.ops.models import Incident

pytestmark = pytest.mark.django_db


def test_incident_actions_are_appended_with_time():
    incident = Incident.objects.create(
        reported_by="Đường dây nóng", description="Trang tin bị thay giao diện"
    )
    incident.add_action("Khóa tài khoản nghi vấn")
    incident.add_action("Khôi phục từ bản sao lưu")
    lines = Incident.objects.get().actions_taken.splitlines()
    assert len(lines) == 2 and lines[1].endswith("Khôi phục từ bản sao lưu")
    assert lines[0].startswith(f"[{timezone.localtime():%d/%m/%Y}")
    assert incident.is_open


def test_admin_records_an_incident(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("ops_incident:add"),
        {
            "reported_by": "Nguyễn Văn An",
            "channel": "hotline",
            "reported_at_0": "2026-11-20",
            "reported_at_1": "08:30",
            "reported_at": "2026-11-20 08:30",
            "description": "Không truy cập được trang Sở KH&CN",
            "severity": "high",
            "actions_taken": "",
            "closed_at": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Incident.objects.get().severity == "high"
    listing = client.get(reverse("ops_incident:index")).content.decode()
    assert "Không truy cập được trang Sở KH&amp;CN" in listing


def test_incident_with_no_description_is_refused(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("ops_incident:add"), {"reported_by": "A", "channel": "email", "severity": "low"}
    )
    assert response.status_code == 200
    assert not Incident.objects.exists()


def test_status_panel_on_admin_home_for_superuser_not_for_editors(client, superuser, make_user, department):
    client.force_login(superuser)
    html = client.get("/quan-tri/").content.decode()
    assert "Tình trạng hệ thống" in html and "Cơ sở dữ liệu" in html and "Sao lưu gần nhất" in html
    editor = make_user()
    assign_role(editor, department.site, "member")
    client.force_login(editor)
    assert "Tình trạng hệ thống" not in client.get("/quan-tri/").content.decode()
