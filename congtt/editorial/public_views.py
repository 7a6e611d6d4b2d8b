"""Public "Báo cáo vi phạm" form (EDT-8): CSRF, honeypot, per-IP rate limit."""

from django import forms
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from congtt.citizen.antispam import ProtectedForm, looks_like_bot, rate_limited, too_many_response
from congtt.network.context import get_site

from . import takedown
from .models import ViolationReport


class ViolationReportForm(ProtectedForm):
    category = forms.ChoiceField(label=_("Loại vi phạm"), choices=ViolationReport.Category.choices)
    description = forms.CharField(
        label=_("Mô tả vi phạm"),
        max_length=3000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Hãy mô tả nội dung vi phạm."),
            "min_length": _("Mô tả quá ngắn (ít nhất 10 ký tự)."),
        },
    )
    reporter_name = forms.CharField(label=_("Họ và tên (không bắt buộc)"), max_length=255, required=False)
    reporter_email = forms.EmailField(
        label=_("Thư điện tử để nhận phản hồi (không bắt buộc)"),
        required=False,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ.")},
    )


def _reported_page(request, site):
    try:
        page_id = int(request.GET.get("trang") or request.POST.get("trang") or "")
    except ValueError:
        raise Http404 from None
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None or site is None:
        raise Http404
    from .workflow import site_for_page

    if site_for_page(page) != site:
        raise Http404
    return page


@never_cache
def report_violation(request):
    site = get_site(request)
    page = _reported_page(request, site)
    form = ViolationReportForm(request.POST or None, request=request)
    if request.method == "POST":
        if rate_limited(request, "violation"):
            return too_many_response(request)
        if form.is_valid():
            data = form.cleaned_data
            takedown.file_report(
                site,
                page,
                data["category"],
                data["description"],
                data["reporter_name"],
                data["reporter_email"],
            )
            return TemplateResponse(
                request, "editorial/report_violation.html", {"page_reported": page, "sent": True}
            )
        if looks_like_bot(form):
            return TemplateResponse(
                request, "editorial/report_violation.html", {"page_reported": page, "form": form}, status=400
            )
    return TemplateResponse(request, "editorial/report_violation.html", {"page_reported": page, "form": form})
