from datetime import date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from congtt.citizen import transitions
from congtt.citizen.models import Case, CaseEvent, CitizenSettings
from congtt.citizen.rules import compute_due_date, display_name, latest_date_without_notice

from .conftest import new_case, run_to

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_register_logs_event_and_mails_tracking_code(case):
    assert case.state == Case.State.RECEIVED
    assert len(case.code) == 10 and set(case.code) <= set("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    event = case.events.get()
    assert (event.from_state, event.to_state, event.actor) == ("", "received", None)
    assert len(mail.outbox) == 1 and case.code in mail.outbox[0].body
    assert case.privacy_notice_version == CitizenSettings.get_for_site(case.site).privacy_notice_version


def test_tracking_codes_are_unique(department):
    codes = {new_case(department.site).code for _ in range(20)}
    assert len(codes) == 20


def test_full_happy_path_each_step_logged(case, board, unit, officer):
    run_to(case, "published", board, unit, officer)
    case.refresh_from_db()
    assert case.state == "published" and case.published and case.answered_at
    states = list(case.events.values_list("to_state", "actor__username"))
    assert states == [
        ("received", None),
        ("forwarded", "board"),
        ("answer_drafted", "officer"),
        ("approved", "board"),
        ("answered", "board"),
        ("published", "board"),
    ]
    assert any("Trả lời: nộp hồ sơ" in m.body for m in mail.outbox if m.to == ["son@example.vn"])


@pytest.mark.parametrize(
    "action",
    ["draft", "approve", "send", "publish", "return", "extend"],
)
def test_actions_refused_on_received_case(case, board, officer, action):
    calls = {
        "draft": lambda: transitions.draft_answer(case, "x", board),
        "approve": lambda: transitions.approve_answer(case, board),
        "send": lambda: transitions.send_answer(case, board),
        "publish": lambda: transitions.publish(case, board),
        "return": lambda: transitions.return_answer(case, "lý do", board),
        "extend": lambda: transitions.extend(case, date(2030, 1, 1), "", board),
    }
    with pytest.raises(transitions.TransitionError, match="Không thể"):
        calls[action]()
    case.refresh_from_db()
    assert case.state == "received" and case.events.count() == 1


def test_forward_refused_twice_and_reject_after_forward(case, board, unit):
    transitions.forward(case, unit, "competence", board)
    with pytest.raises(transitions.TransitionError):
        transitions.forward(case, unit, "competence", board)
    with pytest.raises(transitions.TransitionError):
        transitions.reject(case, "complaint", board, "Không tiếp nhận khiếu nại.")


def test_forward_refuses_unit_of_other_site_and_bad_class(case, board, portal):
    from congtt.citizen.models import ResponsibleUnit

    foreign = ResponsibleUnit.objects.create(site=portal.site, name="Văn phòng UBND tỉnh")
    with pytest.raises(transitions.TransitionError, match="đơn vị"):
        transitions.forward(case, foreign, "competence", board)
    own = ResponsibleUnit.objects.create(site=case.site, name="Phòng A")
    with pytest.raises(transitions.TransitionError, match="thời hạn"):
        transitions.forward(case, own, "forever", board)
    assert Case.objects.get(pk=case.pk).state == "received"


def test_board_of_other_site_and_officer_cannot_classify(case, portal_board, officer, unit):
    for user in (portal_board, officer, None):
        with pytest.raises(transitions.TransitionForbidden):
            transitions.forward(case, unit, "competence", user)
    assert Case.objects.get(pk=case.pk).state == "received"


def test_only_assigned_unit_drafts(case, board, unit, officer, other_officer, portal_board):
    transitions.forward(case, unit, "several", board)
    for user in (other_officer, portal_board):
        with pytest.raises(transitions.TransitionForbidden):
            transitions.draft_answer(case, "Trả lời", user)
    with pytest.raises(transitions.TransitionError, match="nội dung"):
        transitions.draft_answer(case, "   ", officer)
    transitions.draft_answer(case, "Trả lời", officer)
    assert case.state == "answer_drafted"


def test_officer_cannot_approve_send_or_publish(case, board, unit, officer):
    run_to(case, "answer_drafted", board, unit, officer)
    for call in (transitions.approve_answer, transitions.send_answer, transitions.publish):
        with pytest.raises(transitions.TransitionForbidden):
            call(case, officer)


def test_return_to_unit_then_redraft(case, board, unit, officer):
    run_to(case, "answer_drafted", board, unit, officer)
    with pytest.raises(transitions.TransitionError, match="lý do"):
        transitions.return_answer(case, "", board)
    transitions.return_answer(case, "Cần dẫn căn cứ pháp lý.", board)
    assert case.state == "returned"
    transitions.draft_answer(case, "Trả lời có căn cứ.", officer)
    assert case.state == "answer_drafted"


@pytest.mark.parametrize(
    ("reason", "state"), [("out_of_scope", "rejected_out_of_scope"), ("complaint", "rejected_complaint")]
)
def test_reject_sends_notice(case, board, reason, state):
    mail.outbox.clear()
    with pytest.raises(transitions.TransitionError, match="thông báo"):
        transitions.reject(case, reason, board, "")
    transitions.reject(case, reason, board, "Nội dung là khiếu nại, đề nghị gửi theo Luật Khiếu nại.")
    assert case.state == state
    assert mail.outbox[0].to == ["son@example.vn"] and "Luật Khiếu nại" in mail.outbox[0].body
    with pytest.raises(transitions.TransitionError):
        transitions.reject(case, reason, board, "lần nữa")


def test_send_and_publish_order(case, board, unit, officer):
    run_to(case, "approved", board, unit, officer)
    with pytest.raises(transitions.TransitionError):
        transitions.publish(case, board)
    transitions.send_answer(case, board)
    transitions.publish(case, board)
    transitions.unpublish(case, board)
    assert case.state == "answered" and not case.published


def test_deadline_across_tet_2025(case, board, unit):
    assert compute_due_date(date(2025, 1, 24), "competence") == date(2025, 2, 7)
    at = datetime(2025, 1, 24, 9, 0, tzinfo=TZ)
    with mock.patch("congtt.citizen.transitions.timezone.now", return_value=at):
        transitions.forward(case, unit, "competence", board)
    assert case.due_date == date(2025, 2, 7)


def test_deadline_classes_follow_site_settings(case, board, unit):
    cfg = CitizenSettings.get_for_site(case.site)
    cfg.days_several = 12
    cfg.save()
    at = datetime(2025, 3, 3, 9, 0, tzinfo=TZ)  # Monday
    with mock.patch("congtt.citizen.transitions.timezone.now", return_value=at):
        transitions.forward(case, unit, "several", board)
    assert case.due_date == date(2025, 3, 19)


def test_extension_rule(case, board, unit, officer):
    at = datetime(2025, 3, 3, 9, 0, tzinfo=TZ)
    with mock.patch("congtt.citizen.transitions.timezone.now", return_value=at):
        transitions.forward(case, unit, "competence", board)
    limit = latest_date_without_notice(date(2025, 3, 3))
    assert limit == date(2025, 3, 24)
    with pytest.raises(transitions.TransitionError, match="sau hạn hiện tại"):
        transitions.extend(case, case.due_date - timedelta(days=1), "", officer)
    transitions.extend(case, limit, "", officer)
    assert case.effective_due_date == limit
    with pytest.raises(transitions.TransitionError, match="thông báo tiến độ"):
        transitions.extend(case, limit + timedelta(days=1), "", officer)
    mail.outbox.clear()
    transitions.extend(
        case, date(2025, 4, 4), "Cần xin ý kiến Bộ KH&CN, dự kiến trả lời ngày 04/04/2025.", officer
    )
    assert case.extended_due_date == date(2025, 4, 4)
    assert "Bộ KH&CN" in mail.outbox[0].body
    assert case.events.filter(note__startswith="Gia hạn").count() == 2


def test_failing_mail_server_does_not_lose_case_or_block(department, board, unit):
    with mock.patch("congtt.citizen.tasks.send_mail", side_effect=OSError("SMTP down")) as sender:
        case = new_case(department.site)
        transitions.forward(case, unit, "competence", board)
    assert Case.objects.get(pk=case.pk).state == "forwarded"
    assert sender.call_count >= 2  # retried
    assert CaseEvent.objects.filter(case=case).count() == 2


def test_allowed_actions(case, board, officer, unit, portal_board):
    assert transitions.allowed_actions(case, board) == ["forward", "reject"]
    assert transitions.allowed_actions(case, portal_board) == []
    transitions.forward(case, unit, "competence", board)
    assert "draft_answer" in transitions.allowed_actions(case, officer)
    assert "approve_answer" not in transitions.allowed_actions(case, officer)


def test_display_name():
    assert display_name("Hoàng Văn Sơn", "full") == "Hoàng Văn Sơn"
    assert display_name("Hoàng Văn Sơn", "initials") == "H.V.S."
    assert display_name("Hoàng Văn Sơn", "anonymous") == "Ẩn danh"
