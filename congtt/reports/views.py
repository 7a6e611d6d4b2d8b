"""Admin screens for periodic reports (RPT-1…3) and statistics settings (PUB-8)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site

from congtt.network.scoping import (
    ALL,
    SiteScopedModelViewSetMixin,
    is_network_manager,
    site_ids_with_permission,
)

from .exports import report_docx, report_pdf, report_xlsx
from .models import AccessSettings, Period, ReportRun
from .sections import PeriodError, parse_anchor, period_bounds


def _sites(user, perm):
    ids = site_ids_with_permission(user, perm)
    qs = Site.objects.select_related("profile").order_by("hostname")
    return qs if ids is ALL else qs.filter(pk__in=ids)


class ReportForm(forms.Form):
    site = forms.ModelChoiceField(
        label=_("Trang"), queryset=Site.objects.none(), required=False, empty_label=_("Toàn tỉnh (tổng hợp)")
    )
    period = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=Period.choices)
    date = forms.CharField(
        label=_("Thời điểm"),
        help_text=_("YYYY-MM (tháng), YYYY-MM-DD (tuần) hoặc YYYY (năm)."),
        max_length=10,
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["site"].queryset = _sites(user, "reports.add_reportrun")
        if not is_network_manager(user):
            self.fields["site"].required = True
            self.fields["site"].empty_label = None

    def clean(self):
        data = super().clean()
        if not data.get("site") and not is_network_manager(self.user):
            raise forms.ValidationError(_("Chỉ quản trị mạng lưới được lập báo cáo toàn tỉnh."))
        try:
            anchor = parse_anchor(data.get("date", ""))
            data["start"], data["end"], _label = period_bounds(data.get("period", "month"), anchor)
        except PeriodError as exc:
            self.add_error("date", str(exc))
        return data


def _visible_runs(user):
    ids = site_ids_with_permission(user, "reports.view_reportrun")
    qs = ReportRun.objects.select_related("site")
    if ids is ALL:
        return qs
    return qs.filter(site_id__in=ids)


def report_index(request):
    can_add = is_network_manager(request.user) or _sites(request.user, "reports.add_reportrun").exists()
    runs = _visible_runs(request.user)
    if not can_add and not runs.exists():
        raise PermissionDenied
    form = ReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        from .tasks import build_report_task

        run = ReportRun.objects.create(
            site=form.cleaned_data["site"],
            period=form.cleaned_data["period"],
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            created_by=request.user,
        )
        build_report_task.enqueue(run.pk)
        messages.success(request, "Đã đưa báo cáo vào hàng đợi; trang sẽ tự cập nhật tiến độ.")
        return redirect("reports_detail", run.pk)
    return TemplateResponse(
        request, "reports/admin/index.html", {"form": form, "runs": runs[:100], "can_add": can_add}
    )


def _run_for(request, pk):
    run = get_object_or_404(ReportRun.objects.select_related("site"), pk=pk)
    if not _visible_runs(request.user).filter(pk=pk).exists():
        raise Http404
    return run


def report_detail(request, pk):
    run = _run_for(request, pk)
    return TemplateResponse(request, "reports/admin/detail.html", {"run": run, "result": run.result})


EXPORTS = {
    "xlsx": (report_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "docx": (report_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": (report_pdf, "application/pdf"),
}


def report_export(request, pk, fmt):
    run = _run_for(request, pk)
    if fmt not in EXPORTS or run.status != ReportRun.Status.DONE:
        raise Http404
    func, ctype = EXPORTS[fmt]
    response = HttpResponse(func(run), content_type=ctype)
    scope = run.site.hostname if run.site_id else "toan-tinh"
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-{scope}-{run.period}-{run.start:%Y%m%d}.{fmt}"'
    )
    return response


class AccessSettingsForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields and self.for_user is not None:
            self.fields["site"].queryset = _sites(self.for_user, "reports.change_accesssettings")


class AccessSettingsViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = AccessSettings
    form_fields = ["site", "emc_script_url", "emc_tracker_url", "emc_site_id", "show_public_stats"]
    icon = "view"
    menu_label = _("Thống kê truy cập, EMC")
    add_to_admin_menu = False
    list_display = ["site", "emc_site_id", "show_public_stats"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        from django.forms import modelform_factory

        return modelform_factory(AccessSettings, form=AccessSettingsForm, fields=self.form_fields)


access_settings_viewset = AccessSettingsViewSet(
    "reports_accesssettings", url_prefix="reports/access-settings"
)
