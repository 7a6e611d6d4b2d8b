"""System change requests need recorded approval (EDT-12)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from congtt.network.services import assign_role
from congtt.ops import changes
from congtt.ops.models import ChangeRequest

pytestmark = pytest.mark.django_db
S = ChangeRequest.Status


def new_change(by, **kw):
    fields = {
        "title": "Nâng cấp Wagtail",
        "description": "Nâng cấp lên bản mới để nhận bản vá.",
        "kind": ChangeRequest.Kind.UPGRADE,
        "version_from": "7.0",
        "version_to": "7.1",
        "planned_date": date(2026, 12, 20),
        "risk": "Thấp; đã thử trên máy thử nghiệm.",
        "rollback_plan": "Khôi phục bản sao lưu và mã nguồn cũ.",
    }
    fields.update(kw)
    return changes.propose(ChangeRequest(**fields), by=by)


@pytest.fixture
def portal_admin(make_user, portal):
    user = make_user("qt_cong")
    assign_role(user, portal.site, "admin")
    return user


@pytest.fixture
def portal_admin2(make_user, portal):
    user = make_user("qt_cong2")
    assign_role(user, portal.site, "admin")
    return user


@pytest.fixture
def dept_admin(make_user, department):
    user = make_user("qt_so")
    assign_role(user, department.site, "admin")
    return user


def actions(change):
    return list(
        ModelLogEntry.objects.for_instance(change)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_full_life_is_recorded_in_the_audit_log(portal_admin, portal_admin2):
    change = new_change(portal_admin)
    assert change.status == S.PROPOSED and change.requested_by == portal_admin
    change = changes.decide(change, portal_admin2, approve=True, note="Đồng ý, triển khai ngoài giờ.")
    assert change.status == S.APPROVED
    assert change.decided_by == portal_admin2 and change.decided_at and "ngoài giờ" in change.decision_note
    change = changes.record_applied(change, by=portal_admin)
    assert change.status == S.APPLIED and change.applied_by == portal_admin and change.applied_at
    change = changes.record_rolled_back(change, by=portal_admin, note="Lỗi trang tìm kiếm")
    assert change.status == S.ROLLED_BACK and change.rolled_back_at
    assert actions(change) == [
        "congtt.change_proposed",
        "congtt.change_approved",
        "congtt.change_applied",
        "congtt.change_rolled_back",
    ]
    approved = ModelLogEntry.objects.for_instance(change).get(action="congtt.change_approved")
    assert approved.user_id == portal_admin2.pk and approved.data["note"] == "Đồng ý, triển khai ngoài giờ."


def test_requester_cannot_approve_own_request_even_as_superuser(superuser, portal_admin):
    change = new_change(superuser)
    with pytest.raises(PermissionDenied):
        changes.decide(change, superuser, approve=True)
    change.refresh_from_db()
    assert change.status == S.PROPOSED and change.decided_by is None
    assert changes.decide(change, portal_admin, approve=True).status == S.APPROVED


def test_component_site_admin_and_editor_cannot_approve(portal_admin, dept_admin, make_user, portal):
    chief = make_user("truongban")
    assign_role(chief, portal.site, "chief")
    change = new_change(portal_admin)
    for user in (dept_admin, chief):
        assert not changes.is_portal_admin(user)
        with pytest.raises(PermissionDenied):
            changes.decide(change, user, approve=True)
    change.refresh_from_db()
    assert change.status == S.PROPOSED
    assert actions(change) == ["congtt.change_proposed"]


def test_state_machine_refusals(portal_admin, portal_admin2):
    change = new_change(portal_admin)
    with pytest.raises(ValidationError):  # not approved yet
        changes.record_applied(change, by=portal_admin2)
    with pytest.raises(ValidationError):  # nothing applied to roll back
        changes.record_rolled_back(change, by=portal_admin2)
    with pytest.raises(ValidationError):  # a refusal needs a reason
        changes.decide(change, portal_admin2, approve=False, note="  ")
    change = changes.decide(change, portal_admin2, approve=False, note="Chưa có phương án kiểm thử")
    assert change.status == S.REFUSED
    with pytest.raises(ValidationError):  # a decision is final
        changes.decide(change, portal_admin2, approve=True)
    with pytest.raises(ValidationError):
        changes.record_applied(change, by=portal_admin2)
    change.refresh_from_db()
    assert change.status == S.REFUSED and change.applied_at is None
    assert actions(change) == ["congtt.change_proposed", "congtt.change_refused"]


def test_only_portal_admins_record_application(portal_admin, portal_admin2, dept_admin):
    change = changes.decide(new_change(portal_admin), portal_admin2, approve=True)
    with pytest.raises(PermissionDenied):
        changes.record_applied(change, by=dept_admin)
    change.refresh_from_db()
    assert change.status == S.APPROVED


def test_command_check_only_passes_for_approved_and_records_nothing(portal_admin, portal_admin2):
    change = new_change(portal_admin)
    with pytest.raises(CommandError, match="chưa được phê duyệt"):
        call_command("record_change", str(change.pk), "--check")
    change = changes.decide(change, portal_admin2, approve=True)
    call_command("record_change", str(change.pk), "--check")
    change.refresh_from_db()
    assert change.status == S.APPROVED and change.applied_at is None
    assert actions(change)[-1] == "congtt.change_approved"


def test_command_records_an_approved_request(portal_admin, portal_admin2, capsys):
    change = changes.decide(new_change(portal_admin), portal_admin2, approve=True)
    call_command("record_change", str(change.pk), "--by", "qt_cong")
    change.refresh_from_db()
    assert change.status == S.APPLIED and change.applied_by == portal_admin
    assert "Đã triển khai" in capsys.readouterr().out
    assert actions(change)[-1] == "congtt.change_applied"
    call_command("record_change", str(change.pk), "--rolled-back", "--note", "Lỗi")
    change.refresh_from_db()
    assert change.status == S.ROLLED_BACK


def test_command_refuses_unapproved_unknown_and_already_applied(portal_admin, portal_admin2, dept_admin):
    proposed = new_change(portal_admin)
    with pytest.raises(CommandError, match="đã phê duyệt"):
        call_command("record_change", str(proposed.pk))
    with pytest.raises(CommandError, match="Không có yêu cầu"):
        call_command("record_change", "99999")
    approved = changes.decide(new_change(portal_admin, title="Bản vá"), portal_admin2, approve=True)
    with pytest.raises(CommandError, match="quản trị Cổng"):
        call_command("record_change", str(approved.pk), "--by", "qt_so")
    call_command("record_change", str(approved.pk))
    with pytest.raises(CommandError):
        call_command("record_change", str(approved.pk))
    proposed.refresh_from_db()
    assert proposed.status == S.PROPOSED and proposed.applied_at is None
    assert ChangeRequest.objects.get(pk=approved.pk).applied_by is None  # the deploy script, no user


# --- admin screens --------------------------------------------------------------------------------

FORM = {
    "title": "Vá lỗ hổng Django",
    "kind": "security_patch",
    "description": "Cập nhật Django lên bản vá.",
    "version_from": "5.2.1",
    "version_to": "5.2.2",
    "planned_date": "2026-12-15",
    "risk": "Thấp",
    "rollback_plan": "Cài lại bản cũ từ requirements.lock trước đó.",
}


def test_portal_admin_proposes_and_another_approves_in_the_admin(client, portal_admin, portal_admin2):
    client.force_login(portal_admin)
    response = client.post(reverse("ops_changerequest:add"), FORM)
    assert response.status_code == 302, response.content.decode()[:2000]
    change = ChangeRequest.objects.get()
    assert change.requested_by == portal_admin and change.status == S.PROPOSED
    assert "Vá lỗ hổng Django" in client.get(reverse("ops_changerequest:index")).content.decode()
    page = client.get(reverse("ops_change_detail", args=[change.pk])).content.decode()
    assert "không thể tự phê duyệt" in page
    client.post(reverse("ops_change_transition", args=[change.pk, "approve"]), {"note": ""})
    change.refresh_from_db()
    assert change.status == S.PROPOSED  # own request: refused, unchanged

    client.force_login(portal_admin2)
    response = client.post(reverse("ops_change_transition", args=[change.pk, "approve"]), {"note": "Đồng ý"})
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.status == S.APPROVED and change.decided_by == portal_admin2
    # an approved request can no longer be edited
    assert refused(client.get(reverse("ops_changerequest:edit", args=[change.pk])))
    client.post(reverse("ops_change_transition", args=[change.pk, "apply"]))
    change.refresh_from_db()
    assert change.status == S.APPLIED
    history = client.get(reverse("ops_change_detail", args=[change.pk])).content.decode()
    assert "Phê duyệt thay đổi hệ thống" in history and "Triển khai thay đổi hệ thống" in history


def refused(response):
    """Wagtail answers a PermissionDenied in the admin with a redirect to the admin home (not the login)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/quan-tri/"
    )


def test_component_site_admin_is_refused_the_screens(client, portal_admin, dept_admin):
    change = new_change(portal_admin)
    client.force_login(dept_admin)
    assert client.get("/quan-tri/").status_code == 200  # an admin user, just not of the portal
    assert refused(client.get(reverse("ops_changerequest:index")))
    assert refused(client.post(reverse("ops_changerequest:add"), FORM))
    assert refused(client.get(reverse("ops_changerequest:edit", args=[change.pk])))
    assert refused(client.get(reverse("ops_change_detail", args=[change.pk])))
    assert refused(client.post(reverse("ops_change_transition", args=[change.pk, "approve"])))
    change.refresh_from_db()
    assert change.status == S.PROPOSED and ChangeRequest.objects.count() == 1
    assert reverse("ops_changerequest:index") not in client.get("/quan-tri/").content.decode()  # no menu


def test_portal_admin_sees_the_menu_item(client, portal_admin):
    client.force_login(portal_admin)
    assert reverse("ops_changerequest:index") in client.get("/quan-tri/").content.decode()  # sidebar menu


def test_refusal_without_reason_shows_message_and_changes_nothing(client, portal_admin, superuser):
    change = new_change(portal_admin)
    client.force_login(superuser)
    response = client.post(
        reverse("ops_change_transition", args=[change.pk, "refuse"]), {"note": ""}, follow=True
    )
    assert "Cần ghi lý do từ chối" in response.content.decode()
    change.refresh_from_db()
    assert change.status == S.PROPOSED


def test_transition_needs_post(client, portal_admin, superuser):
    change = new_change(portal_admin)
    client.force_login(superuser)
    assert client.get(reverse("ops_change_transition", args=[change.pk, "approve"])).status_code == 405
    change.refresh_from_db()
    assert change.status == S.PROPOSED
