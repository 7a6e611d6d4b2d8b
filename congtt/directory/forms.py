"""Admin forms of per-site records: the site and related-record choices are limited to the user's sites."""

from django.db.models import ForeignKey
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from congtt.network.scoping import ALL, user_site_ids


class SiteScopedAdminForm(WagtailAdminModelForm):
    """Limit ``site`` (and foreign keys to records that have a ``site``) to the editor's sites.

    A user with a single site gets it preselected.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if user is None:
            return
        ids = user_site_ids(user)
        if ids is ALL:
            return
        if "site" in self.fields:
            self.fields["site"].queryset = Site.objects.filter(pk__in=ids)
            if len(ids) == 1 and not self.instance.pk:
                self.fields["site"].initial = next(iter(ids))
        for name, field in self.fields.items():
            model_field = (
                self._meta.model._meta.get_field(name) if name in self._model_field_names() else None
            )
            if isinstance(model_field, ForeignKey) and name != "site":
                related = model_field.related_model
                if any(f.name == "site" for f in related._meta.get_fields()):
                    field.queryset = field.queryset.filter(site_id__in=ids)

    def _model_field_names(self):
        return {f.name for f in self._meta.model._meta.get_fields()}
