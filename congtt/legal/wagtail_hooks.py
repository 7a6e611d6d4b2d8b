from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from congtt.network.scoping import SitePermissionPolicy

from .models import GazetteIssue, LegalDocument
from .views import LegalViewSetGroup, admin_urls

register_permission_policy(LegalDocument, SitePermissionPolicy(LegalDocument, site_field="site"))
register_permission_policy(GazetteIssue, SitePermissionPolicy(GazetteIssue, site_field="site"))
register_snippet(LegalViewSetGroup)


@hooks.register("register_admin_urls")
def register_legal_admin_urls():
    return admin_urls
