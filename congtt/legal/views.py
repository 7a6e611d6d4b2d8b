"""Admin screens of legal documents: view sets scoped per site, spreadsheet import."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from congtt.network.scoping import ALL, SiteScopedSnippetViewSetMixin, site_ids_with_permission

from . import importer
from .choosers import LegalDocumentChooserViewSet
from .forms import GazetteIssueAdminForm, ImportForm, LegalDocumentAdminForm
from .models import DocumentForm, Field, GazetteIssue, IssuingBody, LegalDocument
from .scoping import guarded_views


class LegalDocumentIndexView(SiteScopedSnippetViewSetMixin.index_view_class):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(_("Nhập từ bảng tính"), url=reverse("legal_import"), icon_name="upload")
            )
        return buttons


class LegalDocumentViewSet(SiteScopedSnippetViewSetMixin, SnippetViewSet):
    locals().update(guarded_views(SnippetViewSet))
    model = LegalDocument
    icon = "doc-full"
    menu_label = _("Văn bản")
    menu_order = 100
    index_view_class = LegalDocumentIndexView
    chooser_viewset_class = LegalDocumentChooserViewSet
    chooser_per_page = 20
    list_display = [
        "number",
        Column("summary", label=_("Trích yếu"), accessor="summary"),
        Column("form", label=_("Hình thức")),
        Column("issue_date", label=_("Ngày ban hành"), sort_key="issue_date"),
        Column("site", label=_("Trang"), accessor="site.hostname"),
        Column("status_label", label=_("Hiệu lực")),
    ]
    list_filter = ["form", "issuing_body", "field", "live", "site"]
    search_fields = ["number", "summary", "signer"]
    search_backend_name = None
    ordering = ["-issue_date", "-pk"]
    list_per_page = 30

    def get_queryset(self, request):
        return LegalDocument.objects.select_related("form", "site", "issuing_body")

    def get_edit_handler(self):
        return ObjectList(LegalDocument.panels, base_form_class=LegalDocumentAdminForm).bind_to_model(
            LegalDocument
        )


class GazetteIssueViewSet(SiteScopedSnippetViewSetMixin, SnippetViewSet):
    locals().update(guarded_views(SnippetViewSet))
    model = GazetteIssue
    icon = "doc-full-inverse"
    menu_label = _("Công báo")
    list_display = ["__str__", "date", Column("site", label=_("Trang"), accessor="site.hostname")]
    list_filter = ["year", "live"]
    search_fields = ["note"]
    search_backend_name = None

    def get_edit_handler(self):
        return ObjectList(GazetteIssue.panels, base_form_class=GazetteIssueAdminForm).bind_to_model(
            GazetteIssue
        )


class DocumentFormViewSet(SnippetViewSet):
    model = DocumentForm
    icon = "list-ul"
    menu_label = _("Hình thức văn bản")
    list_display = ["name", "code", "order"]
    search_fields = ["name"]
    search_backend_name = None


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    list_display = ["name", "order"]
    search_fields = ["name"]
    search_backend_name = None


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    menu_label = _("Lĩnh vực")
    list_display = ["name", "slug", "order"]
    search_fields = ["name"]
    search_backend_name = None


class LegalViewSetGroup(SnippetViewSetGroup):
    items = (LegalDocumentViewSet, GazetteIssueViewSet, DocumentFormViewSet, IssuingBodyViewSet, FieldViewSet)
    menu_icon = "doc-full"
    menu_label = _("Văn bản, công báo")
    menu_name = "legal"
    menu_order = 250


def import_view(request):
    """Upload a CSV/XLSX: preview with per-row errors ("chỉ kiểm tra"), or save the valid rows."""
    allowed = site_ids_with_permission(request.user, "legal.add_legaldocument")
    if allowed is not ALL and not allowed:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    report = None
    file_error = ""
    if request.method == "POST" and form.is_valid():
        site = form.cleaned_data["site"]
        if allowed is not ALL and site.pk not in allowed:
            raise PermissionDenied
        upload = form.cleaned_data["file"]
        try:
            rows = importer.read_table(upload.read(), upload.name)
        except importer.ImportFileError as exc:
            file_error = str(exc)
        else:
            dry_run = form.cleaned_data["mode"] == ImportForm.MODE_CHECK
            publish = form.cleaned_data["publish"] and bool(
                request.user.has_perm("legal.publish_legaldocument")
            )
            report = importer.import_rows(rows, site, dry_run=dry_run, publish=publish, user=request.user)
    return TemplateResponse(
        request, "legal/admin/import.html", {"form": form, "report": report, "file_error": file_error}
    )


def import_template_view(request):
    allowed = site_ids_with_permission(request.user, "legal.add_legaldocument")
    if allowed is not ALL and not allowed:
        raise PermissionDenied
    response = HttpResponse(
        importer.template_xlsx(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-van-ban.xlsx"'
    return response


admin_urls = [
    path("legal/import/", import_view, name="legal_import"),
    path("legal/import/mau.xlsx", import_template_view, name="legal_import_template"),
]
