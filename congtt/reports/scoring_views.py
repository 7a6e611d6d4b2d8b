"""Admin screens for site scoring (NET-6): provincial network managers only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from congtt.network.scoping import is_network_manager

from . import scoring
from .models import CriteriaSet, Criterion, ScoringRound


def _managers_only(request):
    if not is_network_manager(request.user):
        raise PermissionDenied


class RoundForm(forms.ModelForm):
    class Meta:
        model = ScoringRound
        fields = ["criteria_set", "name", "start", "end"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}),
            "end": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."))
        return data


def scoring_index(request):
    _managers_only(request)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        scoring_round = form.save()
        scoring.compute_round(scoring_round)
        messages.success(request, "Đã tạo đợt chấm điểm và tính các tiêu chí tự động.")
        return redirect("reports_scoring_round", scoring_round.pk)
    return TemplateResponse(
        request,
        "reports/admin/scoring_index.html",
        {"form": form, "rounds": ScoringRound.objects.select_related("criteria_set")[:100]},
    )


def scoring_round(request, pk):
    _managers_only(request)
    scoring_round = get_object_or_404(ScoringRound, pk=pk)
    if request.method == "POST":
        if "recompute" in request.POST:
            scoring.compute_round(scoring_round)
            messages.success(request, "Đã tính lại điểm tự động.")
        else:
            criterion = get_object_or_404(
                Criterion, pk=request.POST.get("criterion"), criteria_set=scoring_round.criteria_set
            )
            site = next((s for s in scoring.component_sites() if str(s.pk) == request.POST.get("site")), None)
            try:
                if site is None:
                    raise scoring.ScoreError("Trang không hợp lệ.")
                scoring.set_manual_score(scoring_round, site, criterion, request.POST.get("score", ""))
            except scoring.ScoreError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, "Đã lưu điểm.")
        return redirect("reports_scoring_round", pk)
    criteria, rows = scoring.ranking(scoring_round)
    return TemplateResponse(
        request,
        "reports/admin/scoring_round.html",
        {
            "round": scoring_round,
            "criteria": criteria,
            "rows": rows,
            "manual": [c for c in criteria if c.measure == Criterion.Measure.MANUAL],
            "sites": scoring.component_sites(),
        },
    )


def scoring_export(request, pk):
    _managers_only(request)
    scoring_round = get_object_or_404(ScoringRound, pk=pk)
    response = HttpResponse(
        scoring.ranking_xlsx(scoring_round),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="cham-diem-{scoring_round.pk}.xlsx"'
    return response


class CriteriaSetViewSet(ModelViewSet):
    """Criteria sets: global records of the provincial office (model permissions: managers/superusers)."""

    model = CriteriaSet
    icon = "pick"
    menu_label = _("Bộ tiêu chí chấm điểm")
    add_to_admin_menu = False
    list_display = ["name", "year"]
    inspect_view_enabled = False


criteria_set_viewset = CriteriaSetViewSet("reports_criteriaset", url_prefix="reports/criteria")


def urls():
    return [
        path("reports/scoring/", scoring_index, name="reports_scoring"),
        path("reports/scoring/<int:pk>/", scoring_round, name="reports_scoring_round"),
        path("reports/scoring/<int:pk>/xlsx/", scoring_export, name="reports_scoring_export"),
    ]
