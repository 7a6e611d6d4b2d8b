"""Confine admin permissions to the sites a user holds a role on.

Wagtail's multi-site is not multi-tenancy: model permissions are global. Here a
user has a model permission only on the sites where one of the user's site
role groups carries it; network managers and superusers have it everywhere.
Every app's admin view set for per-site records uses ``SitePermissionPolicy``.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.permission_policies.base import ModelPermissionPolicy

from .models import SiteRoleGroup

ALL = None


def is_network_manager(user) -> bool:
    return bool(user.is_active and (user.is_superuser or user.has_perm("network.manage_network")))


def site_ids_with_permission(user, perm: str):
    """Ids of the sites where ``user`` holds ``perm`` ("app_label.codename"); ALL for managers."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if is_network_manager(user):
        return ALL
    cache = user.__dict__.setdefault("_congtt_site_perms", {})
    if perm not in cache:
        app_label, codename = perm.split(".", 1)
        cache[perm] = set(
            SiteRoleGroup.objects.filter(
                group__user=user,
                group__permissions__codename=codename,
                group__permissions__content_type__app_label=app_label,
            ).values_list("site_id", flat=True)
        )
    return cache[perm]


def user_site_ids(user):
    """Ids of every site where ``user`` holds any role; ALL for managers."""
    if is_network_manager(user):
        return ALL
    if not user.is_authenticated:
        return set()
    return set(SiteRoleGroup.objects.filter(group__user=user).values_list("site_id", flat=True))


class SitePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, each confined to the sites where the user's role grants it.

    ``site_field`` is the lookup path from the model to ``wagtailcore.Site``.
    """

    def __init__(self, model, site_field="site", **kwargs):
        super().__init__(model, **kwargs)
        self.site_field = site_field

    def _perm(self, action):
        return f"{self.app_label}.{self._get_permission_codename(action)}"

    def _site_id(self, instance):
        value = instance
        for part in self.site_field.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value.pk

    def user_has_permission(self, user, action):
        ids = site_ids_with_permission(user, self._perm(action))
        return ids is ALL or bool(ids)

    def user_has_permission_for_instance(self, user, action, instance):
        ids = site_ids_with_permission(user, self._perm(action))
        return ids is ALL or self._site_id(instance) in ids

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        condition = Q(pk__in=[])
        for action in actions:
            ids = site_ids_with_permission(user, self._perm(action))
            if ids is ALL:
                return queryset
            condition |= Q(**{f"{self.site_field}__in": ids})
        return queryset.filter(condition)

    def users_with_any_permission(self, actions):  # pragma: no cover - not used by the admin views we expose
        return super().users_with_any_permission(actions)


class SiteScopedIndexMixin:
    """For generic admin index views: list only what the user may change or view."""

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view"]
        )


class SiteScopedObjectMixin:
    """For generic admin views of one object: refuse objects of sites the user has no right on."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        action = getattr(self, "permission_required", None) or "change"
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, action, obj):
            raise PermissionDenied
        return obj


def _scoped_views(module):
    return {
        "index_view_class": type("ScopedIndexView", (SiteScopedIndexMixin, module.IndexView), {}),
        "edit_view_class": type("ScopedEditView", (SiteScopedObjectMixin, module.EditView), {}),
        "delete_view_class": type("ScopedDeleteView", (SiteScopedObjectMixin, module.DeleteView), {}),
        "inspect_view_class": type("ScopedInspectView", (SiteScopedObjectMixin, module.InspectView), {}),
    }


def _model_views():
    from wagtail.admin.views import generic

    return _scoped_views(generic)


def _snippet_views():
    from wagtail.snippets.views import snippets

    return _scoped_views(snippets)


class SiteScopedModelViewSetMixin:
    """Mix into a ModelViewSet of per-site records whose permission policy is a SitePermissionPolicy."""

    locals().update(_model_views())


class SiteScopedSnippetViewSetMixin:
    """Mix into a SnippetViewSet of per-site records whose permission policy is a SitePermissionPolicy."""

    locals().update(_snippet_views())
