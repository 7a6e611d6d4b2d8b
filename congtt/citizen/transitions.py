"""Explicit state transitions of a citizen case (QA-1 … QA-4).

One function per transition. Each checks the source state and the actor's
site-scoped permission, changes the case, writes one ``CaseEvent`` and logs it;
e-mails go through ``tasks.notify`` after the change is saved, so a failing
mail server neither loses the case nor blocks the transition.
"""

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congtt.network.scoping import site_ids_with_permission

from .models import Case, CaseEvent, CitizenSettings, ResponsibleUnit
from .rules import OPEN_STATES, compute_due_date, latest_date_without_notice
from .tasks import notify

logger = logging.getLogger("congtt.citizen")
S = Case.State


class TransitionError(Exception):
    """A transition is not allowed; the message is Vietnamese and shown to the user."""


class TransitionForbidden(TransitionError):
    pass


def _has(user, perm, site_id) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    ids = site_ids_with_permission(user, perm)
    return ids is None or site_id in ids


def can_handle(user, case) -> bool:
    return _has(user, "citizen.handle_case", case.site_id)


def can_answer(user, case) -> bool:
    if can_handle(user, case):
        return True
    return bool(
        _has(user, "citizen.answer_case", case.site_id)
        and case.unit_id
        and case.unit.members.filter(pk=user.pk).exists()
    )


def _require_board(user, case):
    if not can_handle(user, case):
        raise TransitionForbidden(_("Bạn không có quyền xử lý hồ sơ này (chỉ ban biên tập của trang)."))


def _require_unit(user, case):
    if not can_answer(user, case):
        raise TransitionForbidden(_("Bạn không có quyền trả lời hồ sơ này (chỉ đơn vị được giao xử lý)."))


def _require_state(case, allowed, action):
    if case.state not in allowed:
        raise TransitionError(
            _("Không thể %(action)s khi hồ sơ đang ở trạng thái “%(state)s”.")
            % {"action": action, "state": case.get_state_display()}
        )


def _move(case, to_state, actor, note="", fields=()):
    from_state = case.state
    case.state = to_state
    with transaction.atomic():
        case.save()
        CaseEvent.objects.create(case=case, from_state=from_state, to_state=to_state, actor=actor, note=note)
    logger.info(
        "case %s: %s -> %s by %s",
        case.code,
        from_state or "-",
        to_state,
        getattr(actor, "pk", None) or "citizen",
    )
    return case


def _mail_citizen(case, subject, body):
    if case.asker_email:
        notify(case.asker_email, f"[{case.code}] {subject}", body)


def register(case: Case, actor=None) -> Case:
    """Record a new case (web form or staff entry) and send the tracking code."""
    if case.pk:
        raise TransitionError(_("Hồ sơ đã được tiếp nhận."))
    if actor is not None and actor.is_authenticated and not _has(actor, "citizen.add_case", case.site_id):
        raise TransitionForbidden(_("Bạn không có quyền tiếp nhận hồ sơ cho trang này."))
    if not case.privacy_notice_version:
        case.privacy_notice_version = CitizenSettings.get_for_site(case.site).privacy_notice_version
    if actor is not None and actor.is_authenticated:
        case.created_by = actor
    case.state = ""
    _move(
        case,
        S.RECEIVED,
        actor if actor is not None and actor.is_authenticated else None,
        note=str(case.get_channel_display()),
    )
    _mail_citizen(
        case,
        _("Đã tiếp nhận câu hỏi, phản ánh"),
        _(
            "Kính gửi %(name)s,\n\nCơ quan đã tiếp nhận “%(title)s”.\nMã tra cứu của bạn: %(code)s\n"
            "Dùng mã này cùng địa chỉ thư điện tử để theo dõi kết quả tại mục Hỏi đáp – Tra cứu."
        )
        % {"name": case.asker_name, "title": case.title, "code": case.code},
    )
    return case


def forward(case: Case, unit: ResponsibleUnit, deadline_class: str, actor) -> Case:
    """Accept a received case and forward it to the responsible unit with a deadline class."""
    _require_board(actor, case)
    _require_state(case, [S.RECEIVED], _("chuyển xử lý"))
    if unit is None or unit.site_id != case.site_id:
        raise TransitionError(_("Hãy chọn đơn vị xử lý của chính trang này."))
    if deadline_class not in Case.DeadlineClass.values:
        raise TransitionError(_("Hãy chọn loại thời hạn trả lời (5, 10 hoặc 15 ngày làm việc)."))
    now = timezone.now()
    case.unit, case.deadline_class, case.assigned_at = unit, deadline_class, now
    case.due_date = compute_due_date(
        timezone.localdate(now), deadline_class, CitizenSettings.get_for_site(case.site)
    )
    case.extended_due_date = None
    _move(
        case,
        S.FORWARDED,
        actor,
        note=_("Chuyển %(unit)s, hạn %(due)s")
        % {"unit": unit.name, "due": case.due_date.strftime("%d/%m/%Y")},
    )
    if unit.email:
        notify(
            unit.email,
            _("[%(code)s] Hồ sơ hỏi đáp mới cần trả lời") % {"code": case.code},
            _("Hồ sơ “%(title)s” được chuyển đến đơn vị, hạn trả lời %(due)s.")
            % {"title": case.title, "due": case.due_date.strftime("%d/%m/%Y")},
        )
    return case


def reject(case: Case, reason: str, actor, notice: str) -> Case:
    """Refuse a received case at once: out of scope, or a complaint/denunciation; notice the citizen."""
    _require_board(actor, case)
    _require_state(case, [S.RECEIVED], _("từ chối"))
    targets = {"out_of_scope": S.REJECTED_SCOPE, "complaint": S.REJECTED_COMPLAINT}
    if reason not in targets:
        raise TransitionError(_("Hãy chọn lý do từ chối: ngoài phạm vi hoặc khiếu nại, tố cáo."))
    notice = (notice or "").strip()
    if not notice:
        raise TransitionError(_("Hãy nhập thông báo gửi công dân."))
    case.notice = notice
    case.answered_at = timezone.now()
    _move(case, targets[reason], actor, note=notice)
    _mail_citizen(case, _("Thông báo về câu hỏi, phản ánh"), notice)
    return case


def draft_answer(case: Case, text: str, actor) -> Case:
    _require_unit(actor, case)
    _require_state(case, [S.FORWARDED, S.RETURNED, S.DRAFTED], _("dự thảo trả lời"))
    text = (text or "").strip()
    if not text:
        raise TransitionError(_("Hãy nhập nội dung trả lời."))
    case.answer = text
    return _move(case, S.DRAFTED, actor)


def return_answer(case: Case, note: str, actor) -> Case:
    _require_board(actor, case)
    _require_state(case, [S.DRAFTED], _("trả lại đơn vị"))
    if not (note or "").strip():
        raise TransitionError(_("Hãy ghi lý do trả lại đơn vị."))
    _move(case, S.RETURNED, actor, note=note.strip())
    if case.unit and case.unit.email:
        notify(case.unit.email, _("[%(code)s] Dự thảo trả lời bị trả lại") % {"code": case.code}, note)
    return case


def approve_answer(case: Case, actor) -> Case:
    _require_board(actor, case)
    _require_state(case, [S.DRAFTED], _("duyệt trả lời"))
    return _move(case, S.APPROVED, actor)


def send_answer(case: Case, actor) -> Case:
    _require_board(actor, case)
    _require_state(case, [S.APPROVED], _("gửi trả lời"))
    case.answered_at = timezone.now()
    _move(case, S.ANSWERED, actor)
    _mail_citizen(
        case,
        _("Trả lời câu hỏi, phản ánh"),
        _("Kính gửi %(name)s,\n\nTrả lời “%(title)s”:\n\n%(answer)s")
        % {"name": case.asker_name, "title": case.title, "answer": case.answer},
    )
    return case


def publish(case: Case, actor) -> Case:
    _require_board(actor, case)
    _require_state(case, [S.ANSWERED], _("công khai"))
    case.published, case.published_at = True, timezone.now()
    return _move(case, S.PUBLISHED, actor)


def unpublish(case: Case, actor) -> Case:
    _require_board(actor, case)
    _require_state(case, [S.PUBLISHED], _("thôi công khai"))
    case.published = False
    return _move(case, S.ANSWERED, actor)


def extend(case: Case, new_date: date, notice: str, actor) -> Case:
    """Move the deadline; past 15 WD from assignment only with a progress notice to the citizen."""
    _require_unit(actor, case)
    _require_state(case, OPEN_STATES, _("gia hạn"))
    current = case.effective_due_date
    if not isinstance(new_date, date) or (current and new_date <= current):
        raise TransitionError(_("Hạn mới phải sau hạn hiện tại."))
    notice = (notice or "").strip()
    limit = latest_date_without_notice(timezone.localdate(case.assigned_at))
    if new_date > limit and not notice:
        raise TransitionError(
            _("Gia hạn quá 15 ngày làm việc (sau ngày %(limit)s) phải có thông báo tiến độ gửi công dân.")
            % {"limit": limit.strftime("%d/%m/%Y")}
        )
    case.extended_due_date = new_date
    case.progress_notice = notice
    case.reminded_on = case.escalated_on = None
    from_state = case.state
    with transaction.atomic():
        case.save()
        CaseEvent.objects.create(
            case=case,
            from_state=from_state,
            to_state=from_state,
            actor=actor,
            note=_("Gia hạn đến %(date)s. %(notice)s")
            % {"date": new_date.strftime("%d/%m/%Y"), "notice": notice},
        )
    logger.info("case %s: extended to %s by %s", case.code, new_date, actor.pk)
    if notice:
        _mail_citizen(
            case,
            _("Thông báo tiến độ giải quyết"),
            _("%(notice)s\n\nHạn trả lời mới: %(date)s")
            % {"notice": notice, "date": new_date.strftime("%d/%m/%Y")},
        )
    return case


def allowed_actions(case: Case, user) -> list[str]:
    """Names of the transitions ``user`` may run on ``case`` now (for the admin screen)."""
    actions = []
    board, unit = can_handle(user, case), can_answer(user, case)
    if board and case.state == S.RECEIVED:
        actions += ["forward", "reject"]
    if unit and case.state in (S.FORWARDED, S.RETURNED, S.DRAFTED):
        actions.append("draft_answer")
    if board and case.state == S.DRAFTED:
        actions += ["approve_answer", "return_answer"]
    if board and case.state == S.APPROVED:
        actions.append("send_answer")
    if board and case.state == S.ANSWERED:
        actions.append("publish")
    if board and case.state == S.PUBLISHED:
        actions.append("unpublish")
    if unit and case.state in OPEN_STATES:
        actions.append("extend")
    return actions
