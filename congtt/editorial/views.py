"""Admin screens of the board: role assignment, submissions, converting, the reviewer's panel."""

import django_filters
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site, Task

from congtt.network.roles import ROLE_BY_CODE
from congtt.network.scoping import SiteScopedModelViewSetMixin

from . import rules, services
from .forms import (
    BoardMeetingForm,
    ContributorForm,
    DeadlineRuleForm,
    DelegationForm,
    OfficerUnitForm,
    PublicationDeadlineForm,
    RoleForm,
    SubmissionForm,
    UnitQuotaForm,
)
from .models import (
    BoardMeeting,
    Contributor,
    DeadlineRule,
    Delegation,
    EditorialTask,
    OfficerUnit,
    PublicationDeadline,
    Submission,
    UnitQuota,
    ViolationReport,
)


def roles_view(request):
    """Phân công vai trò: one site at a time, pick user + role (+ fields) → assign; list with remove."""
    sites = list(services.manageable_sites(request.user))
    if not sites:
        raise PermissionDenied
    chosen = request.GET.get("site") or request.POST.get("site") or sites[0].site_id
    profile = next((p for p in sites if str(p.site_id) == str(chosen)), None)
    if profile is None:
        raise PermissionDenied
    site = profile.site
    form = RoleForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("remove"):
            user = get_object_or_404(get_user_model(), pk=request.POST.get("user"))
            role = request.POST.get("role")
            if role not in ROLE_BY_CODE:
                raise PermissionDenied
            services.remove_role(request.user, user, site, role)
            messages.success(
                request, _("Đã bỏ vai trò của %(user)s.") % {"user": user.get_full_name() or user}
            )
            return redirect(f"{reverse('editorial_roles')}?site={site.pk}")
        if form.is_valid():
            data = form.cleaned_data
            services.give_role(
                request.user, data["user"], site, data["role"], [f.pk for f in data.get("fields") or []]
            )
            messages.success(
                request,
                _("Đã phân công %(user)s làm %(role)s.")
                % {
                    "user": data["user"].get_full_name() or data["user"],
                    "role": ROLE_BY_CODE[data["role"]].name,
                },
            )
            return redirect(f"{reverse('editorial_roles')}?site={site.pk}")
    board = [
        {"role": role, "role_name": ROLE_BY_CODE[role].name, "user": user}
        for role, user in services.board_of(site)
    ]
    from . import fields

    member_fields = fields.member_field_names(site)
    for row in board:
        row["fields"] = member_fields.get(row["user"].pk, []) if row["role"] == "member" else []
    return TemplateResponse(
        request,
        "editorial/roles.html",
        {
            "sites": sites,
            "profile": profile,
            "form": form,
            "board": board,
            "page_title": _("Phân công vai trò"),
        },
    )


@require_POST
def convert_view(request, pk):
    submission = get_object_or_404(Submission, pk=pk)
    try:
        article = services.convert_submission(submission, request.user)
    except services.EditorialError as exc:
        messages.error(request, str(exc))
        return redirect(reverse("editorial_submission:edit", args=[pk]))
    messages.success(
        request,
        _("Đã tạo tin bài nháp “%(title)s” và chuyển vào quy trình duyệt.") % {"title": article.title},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[article.pk]))


@require_POST
def close_view(request, pk):
    submission = get_object_or_404(Submission, pk=pk)
    try:
        services.close_submission(
            submission, request.user, request.POST.get("status", ""), request.POST.get("note", "")
        )
    except services.EditorialError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã cập nhật trạng thái phiếu."))
    return redirect(reverse("editorial_submission:edit", args=[pk]))


class _UnitIndexView(SiteScopedModelViewSetMixin.index_view_class):
    def get_base_queryset(self):
        from .officers import visible_submissions

        return visible_submissions(self.request.user, super().get_base_queryset())


class _UnitEditView(SiteScopedModelViewSetMixin.edit_view_class):
    def get_object(self, queryset=None):
        from .officers import visible_submissions

        obj = super().get_object(queryset)
        if not visible_submissions(self.request.user, Submission.objects.filter(pk=obj.pk)).exists():
            raise PermissionDenied
        return obj


class SubmissionViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    """A unit officer sees and edits only their unit's submissions (and their own) on their site."""

    model = Submission
    index_view_class = _UnitIndexView
    edit_view_class = _UnitEditView
    icon = "mail"
    menu_label = gettext_lazy("Phiếu đề nghị đăng tin")
    add_to_admin_menu = False
    edit_template_name = "editorial/submission_edit.html"
    name = "editorial_submission"
    url_prefix = "ban-bien-tap/phieu"
    list_display = ["title", "site", "unit_name", "channel", "status", "created_at"]
    list_filter = ["status", "channel"]
    search_fields = ["title", "unit_name", "authors"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("title"),
            FieldPanel("section"),
            FieldPanel("field"),
            FieldPanel("summary"),
            FieldPanel("docx_file"),
            FieldPanel("content"),
            FieldPanel("attachments"),
            MultiFieldPanel(
                [
                    FieldPanel("authors"),
                    FieldPanel("source"),
                    FieldPanel("unit"),
                    FieldPanel("unit_name"),
                    FieldPanel("officer"),
                ],
                heading=gettext_lazy("Tác giả, nguồn và đơn vị gửi"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("channel"),
                    FieldPanel("item_type"),
                    FieldPanel("sender"),
                    FieldPanel("original_file"),
                ],
                heading=gettext_lazy("Kênh tiếp nhận"),
            ),
        ],
        base_form_class=SubmissionForm,
    )


class DeadlineViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = PublicationDeadline
    icon = "time"
    menu_label = gettext_lazy("Hạn đăng thông tin")
    name = "editorial_deadline"
    url_prefix = "ban-bien-tap/han-dang"
    list_display = ["title", "site", "kind", "source_date", "due_date", "published_at", "get_state_display"]
    list_filter = ["kind", "due_date"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("title"),
            FieldPanel("kind"),
            FieldPanel("source_date"),
            FieldPanel("responsible"),
            FieldPanel("published_at"),
        ],
        base_form_class=PublicationDeadlineForm,
    )


class DeadlineRuleViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = DeadlineRule
    icon = "cog"
    menu_label = gettext_lazy("Cài đặt thời hạn đăng")
    name = "editorial_deadline_rule"
    url_prefix = "ban-bien-tap/thoi-han"
    list_display = ["kind", "site", "working_days"]
    edit_handler = ObjectList(
        [FieldPanel("site"), FieldPanel("kind"), FieldPanel("working_days")], base_form_class=DeadlineRuleForm
    )


class DelegationViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = Delegation
    icon = "user"
    menu_label = gettext_lazy("Ủy quyền duyệt tin")
    name = "editorial_delegation"
    url_prefix = "ban-bien-tap/uy-quyen"
    list_display = ["deputy", "site", "starts_on", "ends_on"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("deputy"),
            FieldPanel("starts_on"),
            FieldPanel("ends_on"),
            FieldPanel("note"),
        ],
        base_form_class=DelegationForm,
    )


class UnitQuotaViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = UnitQuota
    icon = "list-ul"
    menu_label = gettext_lazy("Định mức tin, bài")
    name = "editorial_quota"
    url_prefix = "ban-bien-tap/dinh-muc-don-vi"
    list_display = ["unit_name", "site", "weekly_news", "weekly_articles", "monthly_target"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("unit"),
            FieldPanel("unit_name"),
            FieldPanel("weekly_news"),
            FieldPanel("weekly_articles"),
            FieldPanel("monthly_target"),
        ],
        base_form_class=UnitQuotaForm,
    )


class ViolationReportViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = ViolationReport
    icon = "warning"
    menu_label = gettext_lazy("Báo cáo vi phạm")
    name = "editorial_report"
    url_prefix = "ban-bien-tap/bao-cao-vi-pham"
    list_display = ["page_title", "site", "category", "status", "created_at"]
    list_filter = ["status", "category"]
    edit_template_name = "editorial/report_edit.html"
    edit_handler = ObjectList([FieldPanel("note")])


class OfficerUnitViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    """Đơn vị của cán bộ (EDT-6): which directory unit each officer works for on a site."""

    model = OfficerUnit
    icon = "user"
    menu_label = gettext_lazy("Đơn vị của cán bộ")
    name = "editorial_officer_unit"
    url_prefix = "ban-bien-tap/don-vi-can-bo"
    list_display = ["user", "unit", "site"]
    edit_handler = ObjectList(
        [FieldPanel("site"), FieldPanel("user"), FieldPanel("unit")], base_form_class=OfficerUnitForm
    )


class BoardMeetingViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = BoardMeeting
    icon = "date"
    menu_label = gettext_lazy("Họp ban biên tập")
    name = "editorial_meeting"
    url_prefix = "ban-bien-tap/hop"
    list_display = ["held_on", "site", "chair"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("held_on"),
            FieldPanel("chair"),
            FieldPanel("attendees"),
            FieldPanel("conclusions"),
            FieldPanel("minutes"),
        ],
        base_form_class=BoardMeetingForm,
    )


def _contributor_units(request):
    """The unit filter offers only the directory units of the sites whose register the user may see."""
    from congtt.directory.models import Unit
    from congtt.network.scoping import site_ids_with_permission

    ids = site_ids_with_permission(request.user, "editorial.view_contributor") if request else set()
    units = Unit.objects.order_by("site_id", "order", "name")
    return units if ids is None else units.filter(site_id__in=ids)


class ContributorFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(queryset=_contributor_units, label=gettext_lazy("Đơn vị"))

    class Meta:
        model = Contributor
        fields = ["unit", "fields", "is_active"]


class ContributorViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = Contributor
    icon = "user"
    menu_label = gettext_lazy("Cộng tác viên")
    name = "editorial_contributor"
    url_prefix = "ban-bien-tap/cong-tac-vien"
    list_display = ["name", "unit_name", "site", "decision_number", "starts_on", "ends_on", "is_active"]
    filterset_class = ContributorFilterSet
    search_fields = ["name", "unit_name", "email", "phone", "decision_number", "notes"]
    edit_handler = ObjectList(
        [
            FieldPanel("site"),
            FieldPanel("name"),
            FieldPanel("user"),
            FieldPanel("unit"),
            FieldPanel("unit_name"),
            FieldPanel("fields"),
            MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=gettext_lazy("Liên hệ")),
            MultiFieldPanel(
                [FieldPanel("decision_number"), FieldPanel("decision_date"), FieldPanel("decision_file")],
                heading=gettext_lazy("Quyết định công nhận"),
            ),
            FieldPanel("starts_on"),
            FieldPanel("ends_on"),
            FieldPanel("is_active"),
            FieldPanel("notes"),
        ],
        base_form_class=ContributorForm,
    )


class BoardViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Ban biên tập")
    menu_icon = "group"
    menu_order = 210
    items = (
        SubmissionViewSet,
        ViolationReportViewSet,
        DeadlineViewSet,
        DeadlineRuleViewSet,
        DelegationViewSet,
        UnitQuotaViewSet,
        OfficerUnitViewSet,
        BoardMeetingViewSet,
        ContributorViewSet,
    )


board_viewset_group = BoardViewSetGroup()


class ReviewsPanel(Component):
    """Dashboard: the board steps waiting for this user, with due dates (EDT-4)."""

    name = "editorial_reviews"
    order = 50
    template_name = "editorial/panels/reviews.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {"rows": due_rows(self.request.user), "today": timezone.localdate()}


def due_rows(user) -> list[dict]:
    """The user's in-progress board steps: page, step, started, due, state (overdue first)."""
    today = timezone.localdate()
    rows = []
    for task in Task.objects.filter(active=True).specific():
        if not isinstance(task, EditorialTask):
            continue
        for state in task.get_task_states_user_can_moderate(user).select_related("workflow_state"):
            page = state.workflow_state.content_object
            due = rules.review_due_date(state.started_at)
            rows.append(
                {
                    "page": page,
                    "step": task.name,
                    "started_at": state.started_at,
                    "due": due,
                    "state": rules.due_state(due, today),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                }
            )
    rows.sort(key=lambda row: row["due"])
    return rows


class DeadlinesPanel(Component):
    """Dashboard: unpublished items whose publication deadline is near or missed (DL-3)."""

    name = "editorial_deadlines"
    order = 51
    template_name = "editorial/panels/deadlines.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        return {"rows": deadline_rows(self.request.user), "meetings": meeting_rows(self.request.user)}


def meeting_rows(user) -> list[dict]:
    """Per site of the user's board: last meeting date and whether the 6 months have passed (EDT-11)."""
    from congtt.network.scoping import site_ids_with_permission

    from . import meetings

    ids = site_ids_with_permission(user, "editorial.view_boardmeeting")
    if ids is not None and not ids:
        return []
    sites = Site.objects.order_by("site_name")
    if ids is not None:
        sites = sites.filter(pk__in=ids)
    today = timezone.localdate()
    rows = []
    for site in sites[:50]:
        state = meetings.status(site)
        rows.append({"site": site, "last": state.last, "due": state.due, "overdue": state.overdue(today)})
    return rows


def deadline_rows(user, horizon_days: int = 3) -> list:
    from congtt.network.scoping import site_ids_with_permission
    from congtt.workdays.services import add_working_days

    ids = site_ids_with_permission(user, "editorial.view_publicationdeadline")
    if ids is not None and not ids:
        return []
    horizon = add_working_days(timezone.localdate(), horizon_days)
    queryset = PublicationDeadline.objects.filter(published_at__isnull=True, due_date__lte=horizon)
    if ids is not None:
        queryset = queryset.filter(site_id__in=ids)
    return list(queryset.select_related("site").order_by("due_date")[:20])


ALL_SITES = object()  # _permitted_profiles: ids not given


def _permitted_profiles(user, permission, extra_site_ids=frozenset(), ids=ALL_SITES) -> list:
    """The site profiles (network order) on which ``user`` holds ``permission`` (or listed in
    ``extra_site_ids``); refused when none. ``ids``: that permission's site ids when the caller has
    them already."""
    from congtt.network.models import SiteProfile
    from congtt.network.scoping import site_ids_with_permission

    if ids is ALL_SITES:
        ids = site_ids_with_permission(user, permission)
    profiles = SiteProfile.objects.select_related("site").order_by("kind__order", "agency_name")
    if ids is not None:
        profiles = profiles.filter(site_id__in=set(ids) | set(extra_site_ids))
    profiles = list(profiles)
    if not profiles:
        raise PermissionDenied
    return profiles


ALL_UNITS = "tat-ca"


def quota_view(request):
    """Định mức: units short of their weekly quota and the site's month, for the board of each site. A unit
    officer sees their unit's row; those who may see every unit (``view_unitquota``) can show all of them,
    their own first."""
    from congtt.network.scoping import site_ids_with_permission

    from . import officers, quotas

    permission = "editorial.view_unitquota"
    officer_ids = officers.officer_site_ids(request.user)
    full = site_ids_with_permission(request.user, permission)
    profiles = _permitted_profiles(request.user, permission, officer_ids, ids=full)
    chosen = request.GET.get("site")
    profile = next((p for p in profiles if str(p.site_id) == str(chosen)), profiles[0])
    may_see_all = full is None or profile.site_id in full
    own = officers.unit_of(request.user, profile.site) if profile.site_id in officer_ids else None
    show_all = may_see_all and (own is None or request.GET.get("don-vi") == ALL_UNITS)
    rows = quotas.unit_report(profile.site)
    if own is not None:
        rows = quotas.rows_for_unit(rows, own, everyone=show_all)
    return TemplateResponse(
        request,
        "editorial/quotas.html",
        {
            "sites": profiles,
            "profile": profile,
            "rows": rows,
            "own_unit": own,
            "own_count": sum(quotas.is_row_of(row, own) for row in rows) if own else 0,
            "may_see_all": may_see_all,
            "show_all": show_all,
            "all_units": ALL_UNITS,
            "month": quotas.site_month(profile.site),
            "page_title": _("Định mức tin, bài"),
        },
    )


@require_POST
def report_action_view(request, pk, action):
    from congtt.network.scoping import SitePermissionPolicy

    from . import takedown

    report = get_object_or_404(ViolationReport, pk=pk)
    if not SitePermissionPolicy(ViolationReport).user_has_permission_for_instance(
        request.user, "change", report
    ):
        raise PermissionDenied
    if report.status != ViolationReport.Status.NEW:
        messages.error(request, _("Báo cáo này đã được xử lý."))
    elif action == "take-down":
        takedown.take_down(report, request.user, request.POST.get("note", ""))
        messages.success(request, _("Đã gỡ trang “%(title)s”.") % {"title": report.page_title})
    elif action == "dismiss":
        note = request.POST.get("note", "").strip()
        if not note:
            messages.error(request, _("Hãy ghi lý do kết luận không vi phạm."))
        else:
            takedown.dismiss(report, request.user, note)
            messages.success(request, _("Đã kết luận không vi phạm."))
    else:
        raise PermissionDenied
    return redirect(reverse("editorial_report:edit", args=[pk]))


class AlertsPanel(Component):
    """Dashboard: new violation reports and pages tied to outdated legal documents (EDT-8, EDT-9)."""

    name = "editorial_alerts"
    order = 49
    template_name = "editorial/panels/alerts.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        from congtt.network.scoping import site_ids_with_permission

        from .takedown import pages_tied_to_outdated_documents

        ids = site_ids_with_permission(self.request.user, "editorial.change_violationreport")
        if ids is not None and not ids:
            return {"reports": [], "outdated": []}
        reports = ViolationReport.objects.filter(status=ViolationReport.Status.NEW).select_related("site")
        if ids is not None:
            reports = reports.filter(site_id__in=ids)
        return {"reports": list(reports[:20]), "outdated": pages_tied_to_outdated_documents(ids)[:20]}


def translations_view(request):
    """Bản dịch cần cập nhật: foreign-edition pages older than their Vietnamese source (TRN-3)."""
    from . import translations

    sites = list(_board_sites(request.user))
    if not sites:
        raise PermissionDenied
    chosen = request.GET.get("site")
    profile = next((p for p in sites if str(p.site_id) == str(chosen)), sites[0])
    from congtt.content.models import ArticlePage

    return TemplateResponse(
        request,
        "editorial/translations.html",
        {
            "sites": sites,
            "profile": profile,
            "rows": translations.stale_translations(profile.site),
            "missing": {
                code: translations.untranslated(profile.site, code, ArticlePage)[:50] for code in ("en", "zh")
            },
            "page_title": _("Bản dịch cần cập nhật"),
        },
    )


def _board_sites(user):
    from congtt.network.models import SiteProfile
    from congtt.network.scoping import site_ids_with_permission

    ids = site_ids_with_permission(user, "editorial.convert_submission")
    profiles = SiteProfile.objects.select_related("site", "site__root_page").order_by(
        "kind__order", "agency_name"
    )
    return profiles if ids is None else profiles.filter(site_id__in=ids)


def propose_view(request, page_id):
    """Đề xuất lên Cổng tỉnh: confirm (GET) then create the portal submission (POST) (NET-4)."""
    from wagtail.models import Page

    from . import syndication

    page = get_object_or_404(Page, pk=page_id).specific
    if request.method == "POST":
        try:
            syndication.propose_to_portal(page, request.user)
        except services.EditorialError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã đề xuất “%(title)s” lên Cổng tỉnh.") % {"title": page.title})
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request, "editorial/propose.html", {"page": page, "page_title": _("Đề xuất đăng lại trên Cổng tỉnh")}
    )


def send_translation_view(request, page_id):
    from wagtail.models import Page

    from . import translations

    page = get_object_or_404(Page, pk=page_id).specific
    if request.method != "POST":
        return TemplateResponse(
            request, "editorial/send_translation.html", {"page": page, "page_title": _("Gửi dịch tin bài")}
        )
    try:
        created = translations.send_for_translation(page, request.user)
    except services.EditorialError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Đã tạo %(n)d bản nháp để dịch và báo cho nhóm dịch.") % {"n": len(created)}
        )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def _period(request):
    """[start, end] from ?tu=YYYY-MM-DD&den=YYYY-MM-DD; default: 1 January of this year to today."""
    from datetime import date

    today = timezone.localdate()
    start, end = date(today.year, 1, 1), today
    errors = []
    for key, label in (("tu", "start"), ("den", "end")):
        raw = request.GET.get(key, "").strip()
        if not raw:
            continue
        try:
            value = date.fromisoformat(raw)
        except ValueError:
            errors.append(_("Ngày không hợp lệ: %(value)s (cần dạng năm-tháng-ngày).") % {"value": raw})
            continue
        if label == "start":
            start = value
        else:
            end = value
    if end < start:
        errors.append(_("Ngày kết thúc phải sau ngày bắt đầu."))
        start, end = date(today.year, 1, 1), today
    return start, end, errors


def contributions_view(request):
    """Đóng góp của cộng tác viên (EDT-10): counts over a period per contributor of one site; XLSX export."""
    from django.http import HttpResponse

    from . import contributors

    profiles = _permitted_profiles(request.user, "editorial.view_contributor")
    chosen = request.GET.get("site")
    profile = next((p for p in profiles if str(p.site_id) == str(chosen)), None)
    if chosen and profile is None:
        raise PermissionDenied
    profile = profile or profiles[0]
    start, end, errors = _period(request)
    people = Contributor.objects.filter(site=profile.site)
    if request.GET.get("hoat_dong") == "1":
        people = people.filter(is_active=True)
    if request.GET.get("format") == "xlsx" and not errors:
        response = HttpResponse(
            contributors.register_xlsx(profile.site, start, end, people),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="cong-tac-vien-{profile.site_id}-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"'
        )
        return response
    for error in errors:
        messages.error(request, error)
    return TemplateResponse(
        request,
        "editorial/contributions.html",
        {
            "sites": profiles,
            "profile": profile,
            "start": start,
            "end": end,
            "active_only": request.GET.get("hoat_dong") == "1",
            "rows": contributors.contribution_rows(profile.site, start, end, people),
            "page_title": _("Đóng góp của cộng tác viên"),
        },
    )
