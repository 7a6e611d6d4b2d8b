"""Admin screen (Vietnamese) for the disclosure catalogue, scoped per site."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from congtt.directory.forms import SiteScopedAdminForm
from congtt.network.scoping import SitePermissionPolicy, SiteScopedSnippetViewSetMixin

from .models import DisclosureCatalogueEntry

DisclosureCatalogueEntry.base_form_class = SiteScopedAdminForm
register_permission_policy(
    DisclosureCatalogueEntry, SitePermissionPolicy(DisclosureCatalogueEntry, site_field="site")
)


class CatalogueViewSet(SiteScopedSnippetViewSetMixin, SnippetViewSet):
    model = DisclosureCatalogueEntry
    icon = "list-ul"
    menu_label = _("Danh mục công khai")
    add_to_admin_menu = True
    menu_order = 310
    search_fields = ["information", "form"]
    search_backend_name = None
    list_display = ["information", "form", "timing", "retention"]
    panels = [
        FieldPanel("site"),
        FieldPanel("information"),
        FieldPanel("legal_basis"),
        PageChooserPanel("location_page"),
        FieldPanel("location_text"),
        FieldPanel("form"),
        FieldPanel("timing"),
        FieldPanel("retention"),
        FieldPanel("unit"),
        FieldPanel("order"),
    ]


register_snippet(CatalogueViewSet)
