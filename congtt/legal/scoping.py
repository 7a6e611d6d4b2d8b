"""Close the snippet views that the network's scoping mixin does not cover (history, usage, revisions,
unpublish, lock, previews): an editor of one site gets 403 for another site's records.
"""

from django.core.exceptions import PermissionDenied

from congtt.network.scoping import ALL, user_site_ids

GUARDED_VIEWS = (
    "usage_view_class",
    "history_view_class",
    "revisions_view_class",
    "revisions_compare_view_class",
    "revisions_unschedule_view_class",
    "unpublish_view_class",
    "preview_on_edit_view_class",
    "lock_view_class",
    "unlock_view_class",
    "workflow_history_view_class",
    "workflow_history_detail_view_class",
)


class SiteObjectGuardMixin:
    site_field = "site_id"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        ids = user_site_ids(self.request.user)
        if ids is not ALL and getattr(obj, self.site_field, None) not in ids:
            raise PermissionDenied
        return obj


def guarded_views(base_viewset) -> dict:
    """Class attributes for a SnippetViewSet subclass: each object view wrapped in the site guard."""
    attrs = {}
    for name in GUARDED_VIEWS:
        view_class = getattr(base_viewset, name, None)
        if view_class is not None:
            attrs[name] = type(f"Guarded{view_class.__name__}", (SiteObjectGuardMixin, view_class), {})
    return attrs
