"""Custom admin screens: case handling with one form per allowed transition, attachment download,
comment exports, the opinion digest and the dashboard panel."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from congtt.network.scoping import site_ids_with_permission, user_site_ids

from . import transitions
from .exports import comments_docx, comments_xlsx
from .forms import ACTION_FORMS, ACTION_LABELS
from .models import Case, Draft
from .rules import OPEN_STATES, is_overdue, working_days_left
from .services import opinion_digest, rating_results


def _visible_case(request, pk):
    case = get_object_or_404(Case.objects.select_related("site", "unit", "field"), pk=pk)
    ids = site_ids_with_permission(request.user, "citizen.view_case")
    if not (ids is None or case.site_id in ids or transitions.can_answer(request.user, case)):
        raise PermissionDenied
    return case


def case_process(request, pk):
    case = _visible_case(request, pk)
    allowed = transitions.allowed_actions(case, request.user)
    forms = {name: ACTION_FORMS[name](**({"case": case} if name == "forward" else {})) for name in allowed}
    if name_posted := request.POST.get("action") if request.method == "POST" else None:
        if name_posted not in allowed:
            messages.error(request, _("Thao tác này không được phép với hồ sơ ở trạng thái hiện tại."))
            return redirect("citizen_case_process", pk=case.pk)
        kwargs = {"case": case} if name_posted == "forward" else {}
        form = ACTION_FORMS[name_posted](request.POST, **kwargs)
        forms[name_posted] = form
        if form.is_valid():
            data, user = form.cleaned_data, request.user
            try:
                {
                    "forward": lambda: transitions.forward(case, data["unit"], data["deadline_class"], user),
                    "reject": lambda: transitions.reject(case, data["reason"], user, data["notice"]),
                    "draft_answer": lambda: transitions.draft_answer(case, data["text"], user),
                    "return_answer": lambda: transitions.return_answer(case, data["note"], user),
                    "approve_answer": lambda: transitions.approve_answer(case, user),
                    "send_answer": lambda: transitions.send_answer(case, user),
                    "publish": lambda: transitions.publish(case, user),
                    "unpublish": lambda: transitions.unpublish(case, user),
                    "extend": lambda: transitions.extend(case, data["new_date"], data["notice"], user),
                }[name_posted]()
            except transitions.TransitionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request, _("Đã thực hiện: %(action)s.") % {"action": ACTION_LABELS[name_posted]}
                )
                return redirect("citizen_case_process", pk=case.pk)
    if "draft_answer" in forms and not forms["draft_answer"].is_bound:
        forms["draft_answer"].initial = {"text": case.answer}
    return TemplateResponse(
        request,
        "citizen/admin/case_process.html",
        {
            "case": case,
            "events": case.events.select_related("actor"),
            "actions": [(name, ACTION_LABELS[name], forms[name]) for name in allowed],
            "overdue": is_overdue(case),
            "days_left": working_days_left(case),
            "header_title": case.title,
        },
    )


def case_attachment(request, pk):
    case = _visible_case(request, pk)
    if not case.attachment:
        raise Http404
    return FileResponse(
        case.attachment.open("rb"),
        as_attachment=True,
        filename=f"{case.code}-dinh-kem.{case.attachment.name.rsplit('.', 1)[-1]}",
    )


def _draft_for_export(request, pk):
    draft = get_object_or_404(Draft, pk=pk)
    ids = site_ids_with_permission(request.user, "citizen.change_draft")
    if not (ids is None or draft.site_id in ids):
        raise PermissionDenied
    return draft


def draft_export_xlsx(request, pk):
    draft = _draft_for_export(request, pk)
    response = HttpResponse(
        comments_xlsx(draft), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="gop-y-du-thao-{draft.pk}.xlsx"'
    return response


def draft_export_docx(request, pk):
    draft = _draft_for_export(request, pk)
    response = HttpResponse(
        comments_docx(draft),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="gop-y-du-thao-{draft.pk}.docx"'
    return response


def _parse_date(value):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def digest(request):
    ids = site_ids_with_permission(request.user, "citizen.view_draftcomment")
    if ids is not None and not ids:
        raise PermissionDenied
    since = _parse_date(request.GET.get("tu"))
    until = _parse_date(request.GET.get("den"))
    if since is None and until is None:
        since = timezone.localdate() - timedelta(days=30)
    return TemplateResponse(
        request,
        "citizen/admin/digest.html",
        {
            "items": opinion_digest(ids, since, until),
            "ratings": rating_results(ids, since, until),
            "since": since,
            "until": until,
            "header_title": _("Tổng hợp ý kiến người dùng"),
        },
    )


class CasesDashboardPanel(Component):
    """Home panel: cases due soon and overdue, per unit, on the user's sites."""

    name = "citizen_cases"
    order = 150
    template_name = "citizen/admin/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        ids = site_ids_with_permission(self.user, "citizen.view_case")
        qs = Case.objects.filter(state__in=OPEN_STATES).select_related("unit", "site")
        if ids is not None:
            qs = qs.filter(Q(site_id__in=ids) | Q(unit__members=self.user)).distinct()
        today = timezone.localdate()
        rows = {}
        for case in qs.order_by("due_date")[:500]:
            due = case.effective_due_date
            if not due:
                continue
            key = case.unit.name if case.unit else _("(chưa giao)")
            row = rows.setdefault(key, {"unit": key, "overdue": [], "due_soon": []})
            if due < today:
                row["overdue"].append(case)
            elif (due - today).days <= 3:
                row["due_soon"].append(case)
        received = Case.objects.filter(state=Case.State.RECEIVED)
        if ids is not None:
            received = received.filter(site_id__in=ids or [])
        return {
            "rows": [r for r in rows.values() if r["overdue"] or r["due_soon"]],
            "received_count": received.count(),
        }


def user_can_see_cases(user) -> bool:
    ids = user_site_ids(user)
    return ids is None or bool(ids)
