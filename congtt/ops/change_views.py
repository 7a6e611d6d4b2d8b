"""Admin screens for system change requests (EDT-12): the list/create/edit view set and the decision page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry
from wagtail.permission_policies.base import ModelPermissionPolicy

from . import changes
from .models import ChangeRequest


class ChangeRequestPermissionPolicy(ModelPermissionPolicy):
    """Portal administrators see and propose; holders of the model permissions too. Only proposed
    requests can be edited (by their requester or a portal administrator); none is ever deleted."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        if action in ("view", "inspect"):
            return changes.can_view(user)
        return changes.is_portal_admin(user) or super().user_has_permission(user, "add")

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change":
            return (
                instance.status == ChangeRequest.Status.PROPOSED
                and self.user_has_permission(user, "change")
                and (instance.requested_by_id == user.pk or changes.is_portal_admin(user))
            )
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self.user_has_permission(user, a) for a in actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


class ChangeRequestCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        return changes.propose(instance, by=self.request.user)


class ChangeRequestEditView(generic.EditView):
    """Only a request still proposed can be edited, by its requester or a portal administrator."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            raise PermissionDenied
        return instance


class DecisionColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>', reverse("ops_change_detail", args=[instance.pk]), _("Xem và xử lý")
        )


class ChangeRequestViewSet(ModelViewSet):
    model = ChangeRequest
    icon = "cogs"
    menu_label = gettext_lazy("Yêu cầu thay đổi hệ thống")
    add_to_settings_menu = True
    add_view_class = ChangeRequestCreateView
    edit_view_class = ChangeRequestEditView
    inspect_view_enabled = False
    list_filter = ["status", "kind"]
    search_fields = ["title", "description", "version_to"]
    form_fields = [
        "title",
        "kind",
        "description",
        "version_from",
        "version_to",
        "planned_date",
        "risk",
        "rollback_plan",
    ]

    @property
    def list_display(self):
        return [
            "title",
            "kind",
            "version_to",
            "planned_date",
            "status",
            "requested_by",
            DecisionColumn("decision", label=gettext_lazy("Phê duyệt / triển khai")),
        ]


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Ý kiến phê duyệt / lý do"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _get(request, pk):
    if not changes.can_view(request.user):
        raise PermissionDenied
    return get_object_or_404(
        ChangeRequest.objects.select_related("requested_by", "decided_by", "applied_by"), pk=pk
    )


def detail(request, pk):
    change = _get(request, pk)
    history = ModelLogEntry.objects.for_instance(change).select_related("user").order_by("timestamp")
    portal_admin = changes.is_portal_admin(request.user)
    return TemplateResponse(
        request,
        "ops/change_detail.html",
        {
            "change": change,
            "history": history,
            "form": DecisionForm(),
            "can_decide": change.status == ChangeRequest.Status.PROPOSED
            and changes.can_decide(request.user, change),
            "own_request": change.requested_by_id == request.user.pk,
            "can_apply": portal_admin and change.status == ChangeRequest.Status.APPROVED,
            "can_roll_back": portal_admin and change.status == ChangeRequest.Status.APPLIED,
        },
    )


@require_POST
def transition(request, pk, action):
    change = _get(request, pk)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    if not form.is_valid():
        messages.error(request, _("Ý kiến quá dài (tối đa 2000 ký tự)."))
        return redirect("ops_change_detail", pk=pk)
    try:
        if action == "approve":
            changes.decide(change, request.user, approve=True, note=note)
            messages.success(request, _("Đã phê duyệt yêu cầu thay đổi."))
        elif action == "refuse":
            changes.decide(change, request.user, approve=False, note=note)
            messages.success(request, _("Đã từ chối yêu cầu thay đổi."))
        elif action == "apply":
            changes.record_applied(change, by=request.user)
            messages.success(request, _("Đã ghi nhận triển khai thay đổi."))
        elif action == "rollback":
            changes.record_rolled_back(change, by=request.user, note=note)
            messages.success(request, _("Đã ghi nhận hoàn tác thay đổi."))
        else:
            raise PermissionDenied
    except PermissionDenied as exc:
        if not exc.args:
            raise
        messages.error(request, exc.args[0])
        return redirect("ops_change_detail", pk=pk)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("ops_change_detail", pk=pk)
