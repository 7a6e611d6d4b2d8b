"""Admin screens: access log (search + export), lock-outs (unlock), risk report, grant departure."""

from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from . import audit
from .accounts import mark_departed, unwrap
from .models import AccessEvent, AccountGrant

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_auditor(user):
    if not (user.is_superuser or user.has_perm("ops.view_accessevent")):
        raise PermissionDenied


class EventFilterForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Tài khoản"), required=False)
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại"), required=False, choices=[("", "—"), *AccessEvent.Kind.choices]
    )
    date_from = forms.DateField(
        label=gettext_lazy("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=gettext_lazy("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ip = forms.GenericIPAddressField(label=gettext_lazy("Địa chỉ IP"), required=False)


def access_log(request):
    _require_auditor(request.user)
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = audit.search_events(**{k: v for k, v in filters.items() if v})
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        rows = list(audit.event_rows(qs))
        log(
            unwrap(request.user),
            "congtt.export",
            user=request.user,
            data={"what": "access_log", "format": fmt, "rows": len(rows)},
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        if fmt == "csv":
            response = HttpResponse(
                audit.to_csv(audit.EXPORT_HEADERS, rows), content_type="text/csv; charset=utf-8"
            )
        else:
            response = HttpResponse(
                audit.to_xlsx({"Nhật ký truy cập": (audit.EXPORT_HEADERS, rows)}), content_type=XLSX
            )
        response["Content-Disposition"] = f'attachment; filename="nhat-ky-truy-cap-{stamp}.{fmt}"'
        return response
    page = Paginator(qs, 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("export", None)
    return TemplateResponse(
        request, "ops/access_log.html", {"form": form, "page": page, "query": query.urlencode()}
    )


def lockouts(request):
    _require_auditor(request.user)
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT).order_by(
        "-attempt_time"
    )
    return TemplateResponse(request, "ops/lockouts.html", {"attempts": attempts})


@require_POST
def unlock(request, pk):
    if not (request.user.is_superuser or request.user.has_perm("axes.delete_accessattempt")):
        raise PermissionDenied
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    AccessAttempt.objects.filter(username=attempt.username, ip_address=attempt.ip_address).delete()
    log(
        unwrap(request.user),
        "congtt.unlock",
        user=request.user,
        data={"username": attempt.username, "ip": attempt.ip_address},
    )
    messages.success(request, _("Đã mở khóa tài khoản %(name)s.") % {"name": attempt.username})
    return redirect("ops_lockouts")


def risk_report_view(request):
    _require_auditor(request.user)
    year = request.GET.get("year")
    if year and year.isdigit() and 2000 <= int(year) <= 2100:
        data = audit.to_xlsx(audit.risk_report(int(year)))
        log(
            unwrap(request.user),
            "congtt.export",
            user=request.user,
            data={"what": "risk_report", "year": int(year)},
        )
        response = HttpResponse(data, content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="bao-cao-rui-ro-{year}.xlsx"'
        return response
    years = range(timezone.localdate().year, timezone.localdate().year - 5, -1)
    return TemplateResponse(request, "ops/risk_report.html", {"years": years})


@require_POST
def grant_depart(request, pk, status):
    from congtt.network.scoping import ALL, site_ids_with_permission

    grant = get_object_or_404(AccountGrant, pk=pk)
    sites = site_ids_with_permission(request.user, "ops.change_accountgrant")
    if sites is not ALL and grant.site_id not in sites:
        raise PermissionDenied
    if status not in (AccountGrant.Status.LEFT, AccountGrant.Status.TRANSFERRED):
        raise PermissionDenied
    mark_departed(grant, status, by=request.user)
    messages.success(
        request,
        _("Đã khóa tài khoản %(name)s và kết thúc mọi phiên đăng nhập.")
        % {"name": grant.user.get_username()},
    )
    return redirect("ops_accountgrant:index")
