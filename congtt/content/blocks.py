"""StreamField blocks of an article body: text, images, galleries, hosted media, tables, files."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

VIDEO_EXTENSIONS = {"mp4": "video/mp4", "webm": "video/webm"}
AUDIO_EXTENSIONS = {"mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg", "m4a": "audio/mp4"}
MEDIA_EXTENSIONS = {**VIDEO_EXTENSIONS, **AUDIO_EXTENSIONS}

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]


def media_kind(document) -> tuple[str, str]:
    """("video"|"audio"|"", mime type) of a Wagtail document by its file extension."""
    ext = (getattr(document, "file_extension", "") or "").lower().lstrip(".")
    if ext in VIDEO_EXTENSIONS:
        return "video", VIDEO_EXTENSIONS[ext]
    if ext in AUDIO_EXTENSIONS:
        return "audio", AUDIO_EXTENSIONS[ext]
    return "", ""


BODY_IMAGE_SPEC = "width-960"


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """Loads every image of a body with its renditions in two queries, however many images there are."""

    def bulk_to_python(self, values):
        ids = [v for v in values if v is not None]
        objects = self.model_class.objects.prefetch_renditions(BODY_IMAGE_SPEC).in_bulk(ids) if ids else {}
        return [objects.get(v) for v in values]


class AuthorBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("họ và tên"), max_length=255)
    role = blocks.CharBlock(
        label=_("vai trò"), required=False, max_length=100, help_text=_("Ví dụ: Phóng viên, Ảnh.")
    )

    class Meta:
        icon = "user"
        label = _("Tác giả")


class ImageBlock(blocks.StructBlock):
    image = PrefetchingImageChooserBlock(label=_("ảnh"))
    caption = blocks.CharBlock(label=_("chú thích ảnh"), required=False, max_length=500)
    alt = blocks.CharBlock(
        label=_("mô tả thay thế"),
        required=False,
        max_length=255,
        help_text=_("Mô tả nội dung ảnh cho người khiếm thị; bỏ trống thì dùng chú thích."),
    )

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "content/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tiêu đề bộ ảnh"), required=False, max_length=255)
    images = blocks.ListBlock(ImageBlock(), label=_("các ảnh"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Bộ ảnh")
        template = "content/blocks/gallery.html"


class MediaBlock(blocks.StructBlock):
    """A video or audio file uploaded as a Wagtail document and played by the browser."""

    file = DocumentChooserBlock(
        label=_("tệp video/âm thanh"),
        help_text=_("Tải lên tệp .mp4, .webm (video) hoặc .mp3, .ogg (âm thanh)."),
    )
    title = blocks.CharBlock(label=_("tiêu đề"), required=False, max_length=255)
    transcript = blocks.TextBlock(
        label=_("nội dung thay thế (lời thoại)"),
        required=False,
        help_text=_("Tóm tắt hoặc lời thoại cho người không xem/nghe được tệp."),
    )

    class Meta:
        icon = "media"
        label = _("Video / âm thanh")
        template = "content/blocks/media.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["media_kind"], context["mime"] = media_kind(value.get("file"))
        return context


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tệp đính kèm"))
    title = blocks.CharBlock(label=_("tên hiển thị"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Tệp đính kèm")
        template = "content/blocks/document.html"


class ArticleBody(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Đoạn văn"), features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    gallery = GalleryBlock()
    media = MediaBlock()
    table = TableBlock(
        label=_("Bảng"),
        template="content/blocks/table.html",
        table_options={
            "contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]
        },
    )
    document = DocumentBlock()

    class Meta:
        block_counts = {}
