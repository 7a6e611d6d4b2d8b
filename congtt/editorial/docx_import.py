"""Word (.docx) import for submissions (EDT-2): clean HTML, images into Wagtail, legacy text repaired."""

import html
import io
import re
import zipfile
from dataclasses import dataclass, field

import mammoth
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _

from congtt.vntext import repair

MAX_DOCX_BYTES = 20 * 1024 * 1024
IMAGE_PLACEHOLDER = "congtt-image:"
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "b", "i", "ul", "ol", "li", "a", "br", "blockquote", "embed"}
HEADING_MAP = "p[style-name='Heading 1'] => h2:fresh\np[style-name='Heading 2'] => h3:fresh\np[style-name='Heading 3'] => h4:fresh\np[style-name='Title'] => h2:fresh"
IMAGE_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}


class DocxInvalid(Exception):
    pass


@dataclass
class DocxResult:
    html: str
    images: list = field(default_factory=list)
    messages: list = field(default_factory=list)


def validate_docx(uploaded) -> None:
    """Raise DocxInvalid (Vietnamese message) unless ``uploaded`` is a real .docx of allowed size."""
    name = getattr(uploaded, "name", "") or ""
    if not name.lower().endswith(".docx"):
        raise DocxInvalid(_("Chỉ nhận tệp Word định dạng .docx."))
    if getattr(uploaded, "size", 0) > MAX_DOCX_BYTES:
        raise DocxInvalid(_("Tệp .docx lớn quá 20 MB."))
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            if "word/document.xml" not in archive.namelist():
                raise DocxInvalid(_("Tệp không phải văn bản Word .docx hợp lệ."))
    except zipfile.BadZipFile as exc:
        raise DocxInvalid(_("Tệp không phải văn bản Word .docx hợp lệ.")) from exc
    finally:
        uploaded.seek(0)


_TEXT = re.compile(r">([^<]+)<")
_IMG = re.compile(r'<img[^>]*?src="' + re.escape(IMAGE_PLACEHOLDER) + r'(\d+)"[^>]*?/?>')
_ALT = re.compile(r'alt="([^"]*)"')
_TAG = re.compile(r"</?([a-zA-Z0-9]+)([^>]*)>")
_HREF = re.compile(r'href="([^"]*)"')


def _repair_text(markup: str) -> str:
    """Repair TCVN3/VNI text node by node (tags are ASCII and never touched)."""

    def fix(m):
        text = repair(html.unescape(m.group(1))) or ""
        return ">" + html.escape(text, quote=False) + "<"

    return _TEXT.sub(fix, markup)


def _clean(markup: str) -> str:
    """Keep only the tags Wagtail's rich text stores; map strong/em to b/i; links http(s)/mailto only."""

    def tag(m):
        name, attrs = m.group(1).lower(), m.group(2)
        closing = m.group(0).startswith("</")
        name = {"strong": "b", "em": "i", "h1": "h2", "h5": "h4", "h6": "h4"}.get(name, name)
        if name not in ALLOWED_TAGS:
            return ""
        if closing:
            return f"</{name}>"
        if name == "a":
            href = _HREF.search(attrs)
            url = html.unescape(href.group(1)) if href else ""
            if not re.match(r"^(https?://|mailto:)", url):
                return "<a>"
            return f'<a href="{html.escape(url)}">'
        if name == "embed":
            return m.group(0)
        if name == "br":
            return "<br/>"
        return f"<{name}>"

    cleaned = _TAG.sub(tag, markup)
    cleaned = re.sub(r"<a>(.*?)</a>", r"\1", cleaned, flags=re.S)
    cleaned = re.sub(r"<p>\s*</p>", "", cleaned)
    return cleaned


def convert_docx(fileobj, make_image=None) -> DocxResult:
    """Convert a .docx to Wagtail rich-text HTML.

    ``make_image(data: bytes, extension: str, alt: str)`` stores an image and returns its id;
    images become ``<embed embedtype="image">`` in the text.
    """
    images = []

    def convert_image(image):
        with image.open() as stream:
            data = stream.read()
        ext = IMAGE_EXTENSIONS.get(image.content_type)
        if not ext or make_image is None:
            return {"src": ""}
        image_id = make_image(data, ext, image.alt_text or "")
        images.append(image_id)
        return {"src": f"{IMAGE_PLACEHOLDER}{image_id}", "alt": image.alt_text or ""}

    result = mammoth.convert_to_html(
        fileobj, convert_image=mammoth.images.img_element(convert_image), style_map=HEADING_MAP
    )
    markup = result.value

    def embed(m):
        alt = _ALT.search(m.group(0))
        alt_text = html.escape(alt.group(1)) if alt else ""
        return f'</p><embed alt="{alt_text}" embedtype="image" format="fullwidth" id="{m.group(1)}"/><p>'

    markup = _IMG.sub(embed, markup)
    markup = _clean(_repair_text(markup))
    return DocxResult(html=markup, images=images, messages=[str(m) for m in result.messages])


def wagtail_image_maker(collection, title, user=None):
    """A ``make_image`` that saves images as Wagtail images in ``collection``."""
    from wagtail.images import get_image_model

    Image = get_image_model()
    counter = {"n": 0}

    def make_image(data, ext, alt):
        counter["n"] += 1
        image = Image(
            title=(alt or f"{title} – ảnh {counter['n']}")[:255],
            collection=collection,
            uploaded_by_user=user,
        )
        image.file = ImageFile(io.BytesIO(data), name=f"docx-{counter['n']}.{ext}")
        image.save()
        return image.pk

    return make_image
