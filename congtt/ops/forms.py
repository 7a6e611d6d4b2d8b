"""Base forms for Wagtail documents and images that scan uploads (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django.conf import settings
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
