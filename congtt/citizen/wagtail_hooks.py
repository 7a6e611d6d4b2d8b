"""Admin: per-site view sets for cases, units, fields, drafts, comments, forum, ratings;
custom case handling screen, exports, digest, dashboard panel and settings."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_filters import BooleanFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from congtt.network.scoping import SitePermissionPolicy, SiteScopedModelViewSetMixin, site_ids_with_permission

from . import admin_views, transitions
from .admin_forms import SiteScopedAdminForm
from .models import (
    Case,
    CaseField,
    CitizenSettings,
    Draft,
    DraftComment,
    Post,
    Rating,
    ResponsibleUnit,
    Topic,
)
from .rules import OPEN_STATES

for _model in (Case, CaseField, ResponsibleUnit, Draft, DraftComment, Post, Topic):
    _model.base_form_class = SiteScopedAdminForm

register_permission_policy(Case, SitePermissionPolicy(Case, site_field="site"))
register_permission_policy(CaseField, SitePermissionPolicy(CaseField, site_field="site"))
register_permission_policy(ResponsibleUnit, SitePermissionPolicy(ResponsibleUnit, site_field="site"))
register_permission_policy(Draft, SitePermissionPolicy(Draft, site_field="site"))
register_permission_policy(DraftComment, SitePermissionPolicy(DraftComment, site_field="draft__site"))
register_permission_policy(Topic, SitePermissionPolicy(Topic, site_field="site"))
register_permission_policy(Post, SitePermissionPolicy(Post, site_field="topic__site"))
register_permission_policy(Rating, SitePermissionPolicy(Rating, site_field="site"))

register_setting(CitizenSettings, icon="cog")


class CaseFilterSet(WagtailFilterSet):
    overdue = BooleanFilter(label=_("Quá hạn"), method="filter_overdue")

    class Meta:
        model = Case
        fields = ["state", "kind", "field", "channel", "unit"]

    def filter_overdue(self, queryset, name, value):
        from django.db.models import Q
        from django.utils import timezone

        today = timezone.localdate()
        late = Q(state__in=OPEN_STATES) & (
            Q(extended_due_date__lt=today) | Q(extended_due_date__isnull=True, due_date__lt=today)
        )
        return queryset.filter(late) if value else queryset.exclude(late)


class CaseCreateView(generic.CreateView):
    """Staff registration of a case received by e-mail, paper, in person or phone."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        if instance.consent and not instance.consent_at:
            from django.utils import timezone

            instance.consent_at = timezone.now()
        transitions.register(instance, actor=self.request.user)
        return instance


class ProcessColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>', reverse("citizen_case_process", args=[instance.pk]), _("Xử lý")
        )


class CaseViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = Case
    icon = "help"
    menu_label = _("Hỏi đáp, phản ánh")
    add_view_class = CaseCreateView
    filterset_class = CaseFilterSet
    search_fields = ["title", "code", "asker_name"]
    search_backend_name = None
    list_display = [
        "title",
        Column("code", label=_("Mã")),
        Column("state", label=_("Trạng thái"), accessor="get_state_display"),
        Column("unit", label=_("Đơn vị")),
        Column("due", label=_("Hạn"), accessor="effective_due_date"),
        ProcessColumn("process", label=_("Xử lý")),
    ]
    inspect_view_enabled = False
    copy_view_enabled = False


class UnitViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = ResponsibleUnit
    icon = "group"
    menu_label = _("Đơn vị xử lý")
    list_display = ["name", "email", "site"]
    copy_view_enabled = False
    inspect_view_enabled = False


class FieldViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = CaseField
    icon = "tag"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "site"]
    copy_view_enabled = False
    inspect_view_enabled = False


class ExportColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">XLSX</a> · <a href="{}">DOCX</a>',
            reverse("citizen_draft_xlsx", args=[instance.pk]),
            reverse("citizen_draft_docx", args=[instance.pk]),
        )


class DraftViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = Draft
    icon = "doc-full"
    menu_label = _("Dự thảo lấy ý kiến")
    list_display = [
        "title",
        "opens_on",
        "closes_on",
        "published",
        ExportColumn("export", label=_("Tải ý kiến")),
    ]
    list_filter = ["published"]
    copy_view_enabled = False
    inspect_view_enabled = False


class CommentViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = DraftComment
    icon = "comment"
    menu_label = _("Duyệt góp ý dự thảo")
    list_display = [
        "name",
        "draft",
        Column("status", label=_("Trạng thái"), accessor="get_status_display"),
        "created_at",
    ]
    list_filter = ["status", "draft"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False


class TopicViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = Topic
    icon = "list-ul"
    menu_label = _("Chủ đề diễn đàn")
    list_display = ["title", "is_open", "published", "site"]
    copy_view_enabled = False
    inspect_view_enabled = False


class PostViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = Post
    icon = "comment"
    menu_label = _("Duyệt bài diễn đàn")
    list_display = [
        "name",
        "topic",
        Column("status", label=_("Trạng thái"), accessor="get_status_display"),
        "created_at",
    ]
    list_filter = ["status", "topic"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False


class RatingViewSet(SiteScopedModelViewSetMixin, ModelViewSet):
    model = Rating
    icon = "pick"
    menu_label = _("Đánh giá của người dùng")
    list_display = ["created_at", "interface", "content", "quality", "support", "comment"]
    add_view_enabled = False
    edit_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False  # the list shows every field; ratings are read-only
    form_fields = ["interface", "content", "quality", "support", "comment"]


class CitizenGroup(ViewSetGroup):
    menu_label = _("Tương tác công dân")
    menu_icon = "group"
    menu_order = 250
    items = (
        CaseViewSet("citizen_case", url_prefix="citizen/cases"),
        UnitViewSet("citizen_unit", url_prefix="citizen/units"),
        FieldViewSet("citizen_field", url_prefix="citizen/fields"),
        DraftViewSet("citizen_draft", url_prefix="citizen/drafts"),
        CommentViewSet("citizen_comment", url_prefix="citizen/comments"),
        TopicViewSet("citizen_topic", url_prefix="citizen/topics"),
        PostViewSet("citizen_post", url_prefix="citizen/posts"),
        RatingViewSet("citizen_rating", url_prefix="citizen/ratings"),
    )


@hooks.register("register_admin_viewset")
def register_citizen_viewsets():
    return CitizenGroup()


@hooks.register("register_admin_urls")
def register_citizen_admin_urls():
    return [
        path("citizen/cases/<int:pk>/xu-ly/", admin_views.case_process, name="citizen_case_process"),
        path("citizen/cases/<int:pk>/tep/", admin_views.case_attachment, name="citizen_case_attachment"),
        path("citizen/drafts/<int:pk>/y-kien.xlsx", admin_views.draft_export_xlsx, name="citizen_draft_xlsx"),
        path("citizen/drafts/<int:pk>/y-kien.docx", admin_views.draft_export_docx, name="citizen_draft_docx"),
        path("citizen/y-kien/", admin_views.digest, name="citizen_digest"),
    ]


class DigestMenuItem(MenuItem):
    def is_shown(self, request):
        ids = site_ids_with_permission(request.user, "citizen.view_draftcomment")
        return ids is None or bool(ids)


@hooks.register("register_admin_menu_item")
def register_digest_menu_item():
    return DigestMenuItem(_("Tổng hợp ý kiến"), reverse("citizen_digest"), icon_name="list-ul", order=260)


@hooks.register("construct_homepage_panels")
def add_cases_panel(request, panels):
    if admin_views.user_can_see_cases(request.user):
        panels.append(admin_views.CasesDashboardPanel(request.user))
