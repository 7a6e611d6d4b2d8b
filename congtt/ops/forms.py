"""Base forms for Wagtail documents and images that scan uploads (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django.conf import settings
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import validate_upload


class ScannedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "content_type"):  # a new upload, not the stored file
            validate_upload(file, settings.WAGTAILDOCS_EXTENSIONS, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return file


class ScannedImageForm(BaseImageForm):
    def clean_file(self):
        file = super().clean_file() if hasattr(super(), "clean_file") else self.cleaned_data.get("file")
        if file and hasattr(file, "content_type"):
            validate_upload(file, settings.WAGTAILIMAGES_EXTENSIONS, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        return file


class AccountGrantForm(WagtailAdminModelForm):
    """A site administrator may only grant roles on their own sites (SEC-1)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from congtt.network.scoping import ALL, site_ids_with_permission

        user = getattr(self, "for_user", None)
        if user is not None and "site" in self.fields:
            ids = site_ids_with_permission(user, "ops.add_accountgrant")
            if ids is not ALL:
                self.fields["site"].queryset = self.fields["site"].queryset.filter(pk__in=ids)
