from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import SiteProfile
from .scoping import SitePermissionPolicy
from .views import site_profile_viewset

register_permission_policy(SiteProfile, SitePermissionPolicy(SiteProfile, site_field="site"))


@hooks.register("register_admin_viewset")
def register_site_profiles():
    return site_profile_viewset
