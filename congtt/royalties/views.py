"""Admin screens (Vietnamese): rate frames, grading published items, monthly statements."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale, Page

from congtt.network.scoping import ALL, SiteScopedModelViewSetMixin, site_ids_with_permission

from . import listing, services
from .exports import statement_docx, statement_xlsx
from .forms import GradeForm, RateFrameForm, ShareFormSet, StatementForm, sites_with
from .models import Grading, RateFrame, Statement
from .rules import format_money, so_thanh_chu


class RateFrameViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = RateFrame
    icon = "tasks"
    menu_label = gettext_lazy("Khung nhuận bút")
    add_to_admin_menu = False
    list_display = ["__str__", "year", Column("unit_value", label=gettext_lazy("Giá trị một hệ số"))]
    list_filter = ["year"]
    inspect_view_enabled = False
    copy_view_enabled = False

    @property
    def edit_handler(self):
        from wagtail.admin.panels import ObjectList

        return ObjectList(RateFrame.panels, base_form_class=RateFrameForm)


rate_frame_viewset = RateFrameViewSet("royalties_rateframe", url_prefix="royalties/frames")


def _month_arg(request):
    today = timezone.localdate()
    raw = request.GET.get("thang", "")
    try:
        m, y = raw.split("/")
        return int(y), int(m)
    except ValueError:
        return today.year, today.month


def _sites(request, perm):
    sites = list(sites_with(request.user, perm))
    if not sites:
        raise PermissionDenied
    chosen = request.GET.get("site")
    site = next((s for s in sites if str(s.pk) == chosen), sites[0])
    return sites, site


def _int_arg(request, name):
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() else None


def grading_index(request):
    """Published items of one period on one site, every kind and edition, with their grade (ROY-1)."""
    sites, site = _sites(request, "royalties.add_grading")
    year, month = _month_arg(request)
    start = datetime.date(year, month, 1)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    filters = listing.Filters(
        start=start,
        end=end,
        section=_int_arg(request, "chuyen_muc"),
        kind=request.GET.get("loai", "")
        if request.GET.get("loai", "") in dict(listing.kind_choices())
        else "",
        locale=_int_arg(request, "ban"),
        graded=request.GET.get("da_cham", "") if request.GET.get("da_cham") in ("yes", "no") else "",
        author=request.GET.get("tac_gia", "").strip()[:200],
    )
    rows = listing.gradable_rows(site, filters)
    return TemplateResponse(
        request,
        "royalties/admin/grading_index.html",
        {
            "sites": sites,
            "site": site,
            "rows": rows,
            "year": year,
            "month": month,
            "filters": filters,
            "sections": listing.sections(site),
            "kinds": listing.kind_choices(),
            "locales": Locale.objects.order_by("pk"),
        },
    )


def grade_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    site = listing.site_of(page)
    if site is None or not services.can_grade(request.user, site):
        raise PermissionDenied
    when = services.published_on(page)
    frame = services.frame_for(site, when.year)
    genres = list(frame.genres.all()) if frame else []
    existing = Grading.objects.filter(page=page).prefetch_related("contributions").first()
    initial = {}
    share_initial = []
    if existing:
        initial = {"genre": existing.genre.code, "coefficient": existing.coefficient, "note": existing.note}
        share_initial = [
            {"role": c.role, "name": c.name, "share_percent": c.share_percent}
            for c in existing.contributions.all()
        ]
    elif listing.is_translation(page):
        initial = {"genre": listing.TRANSLATION_GENRE}
        share_initial = [{"role": "translator", "name": "", "share_percent": 100}]
    elif getattr(page, "authors", None):
        names = [b.value.get("name", "") for b in page.authors if b.value.get("name")]
        if names:
            base = 100 // len(names)
            share_initial = [
                {
                    "role": "author",
                    "name": n,
                    "share_percent": base + (100 - base * len(names) if i == 0 else 0),
                }
                for i, n in enumerate(names)
            ]
    form = GradeForm(request.POST or None, genres=genres, initial=initial)
    formset = ShareFormSet(request.POST or None, initial=share_initial, prefix="share")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        shares = [
            services.Share(f.cleaned_data["name"], f.cleaned_data["share_percent"], f.cleaned_data["role"])
            for f in formset
            if f.cleaned_data.get("name") or f.cleaned_data.get("share_percent")
        ]
        try:
            services.grade(
                page,
                request.user,
                genre_code=form.cleaned_data["genre"],
                coefficient=form.cleaned_data["coefficient"],
                shares=shares,
                note=form.cleaned_data["note"],
            )
        except services.RoyaltyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã chấm nhuận bút “{page.title}”.")
            return redirect(f"/{_admin()}/royalties/grading/?site={site.pk}&thang={when.month}/{when.year}")
    return TemplateResponse(
        request,
        "royalties/admin/grade.html",
        {"page": page, "form": form, "formset": formset, "frame": frame, "site": site},
    )


def _admin():
    from django.conf import settings

    return settings.ADMIN_PATH


def statement_index(request):
    perms = ("royalties.view_statement", "royalties.add_statement", "royalties.approve_statement")
    ids = set()
    for perm in perms:
        found = site_ids_with_permission(request.user, perm)
        if found is ALL:
            ids = ALL
            break
        ids |= found
    if ids is not ALL and not ids:
        raise PermissionDenied
    qs = Statement.objects.select_related("site")
    if ids is not ALL:
        qs = qs.filter(site_id__in=ids)
    form = StatementForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        year, month = form.period()
        try:
            statement = services.generate_statement(form.cleaned_data["site"], year, month, request.user)
        except services.RoyaltyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã lập bảng kê tháng {month:02d}/{year}.")
            return redirect("royalties_statement_detail", statement.pk)
    return TemplateResponse(
        request, "royalties/admin/statement_index.html", {"statements": qs[:200], "form": form}
    )


def _statement_for(request, pk):
    statement = get_object_or_404(Statement.objects.select_related("site"), pk=pk)
    site = statement.site
    if not any(
        services._allowed(request.user, p, site.pk)
        for p in ("royalties.view_statement", "royalties.add_statement", "royalties.approve_statement")
    ):
        raise Http404
    return statement


def statement_detail(request, pk):
    statement = _statement_for(request, pk)
    return TemplateResponse(
        request,
        "royalties/admin/statement_detail.html",
        {
            "statement": statement,
            "lines": statement.lines.all(),
            "total_money": format_money(statement.total),
            "total_words": so_thanh_chu(statement.total),
            "can_prepare": services.can_prepare_statement(request.user, statement.site),
            "can_approve": services.approval_authority(request.user, statement.site)[0],
        },
    )


@require_POST
def statement_action(request, pk, action):
    statement = _statement_for(request, pk)
    func = {
        "regenerate": lambda s, u: services.generate_statement(s.site, s.year, s.month, u),
        "submit": services.submit_statement,
        "approve": services.approve_statement,
        "return": services.return_statement,
    }.get(action)
    if func is None:
        raise Http404
    try:
        func(statement, request.user)
    except services.RoyaltyError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Đã cập nhật bảng kê.")
    return redirect("royalties_statement_detail", statement.pk)


def statement_export(request, pk, fmt):
    statement = _statement_for(request, pk)
    name = f"bang-ke-nhuan-but-{statement.year}-{statement.month:02d}"
    if fmt == "xlsx":
        data, ctype = (
            statement_xlsx(statement),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "docx":
        data, ctype = (
            statement_docx(statement),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    else:
        raise Http404
    response = HttpResponse(data, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
