"""Admin forms that confine the site and related records to the editor's sites."""

from django.forms import ModelChoiceField, ModelMultipleChoiceField
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from congtt.network.scoping import user_site_ids


class SiteScopedAdminForm(WagtailAdminModelForm):
    """`site` and every related per-site record limited to the user's sites."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        ids = user_site_ids(user) if user is not None else None
        if ids is None:
            return
        for field in self.fields.values():
            if not isinstance(field, ModelChoiceField | ModelMultipleChoiceField):
                continue
            model = field.queryset.model
            if model is Site:
                field.queryset = field.queryset.filter(pk__in=ids)
                if len(ids) == 1 and not self.instance.pk:
                    field.initial = next(iter(ids))
            elif any(f.name == "site" for f in model._meta.fields):
                field.queryset = field.queryset.filter(site_id__in=ids)
            elif model._meta.label == "citizen.DraftArticle" and self.instance.pk:
                field.queryset = field.queryset.filter(draft_id=getattr(self.instance, "draft_id", None))
