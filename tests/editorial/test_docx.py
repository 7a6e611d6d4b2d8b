import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as DocxDocument
from PIL import Image as PILImage
from wagtail.images import get_image_model

from congtt.editorial.docx_import import DocxInvalid, convert_docx, validate_docx
from congtt.editorial.models import Submission
from congtt.editorial.services import import_docx
from congtt.vntext.legacy import to_tcvn3

LEGACY = "Chương trình phát triển khoa học và công nghệ tỉnh Lạng Sơn"


def build_docx() -> bytes:
    doc = DocxDocument()
    doc.add_heading("Hội nghị tổng kết năm", level=1)
    doc.add_paragraph("Đoạn văn Unicode bình thường.")
    doc.add_paragraph(to_tcvn3(LEGACY))
    png = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 0, 0)).save(png, format="PNG")
    png.seek(0)
    doc.add_picture(png)
    bold = doc.add_paragraph()
    bold.add_run("Chữ đậm").bold = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_convert_repairs_legacy_text_and_extracts_images():
    made = []

    def make_image(data, ext, alt):
        made.append((ext, len(data)))
        return 42

    result = convert_docx(io.BytesIO(build_docx()), make_image=make_image)
    assert LEGACY in result.html
    assert to_tcvn3(LEGACY) not in result.html
    assert "<h2>Hội nghị tổng kết năm</h2>" in result.html
    assert '<embed alt="" embedtype="image" format="fullwidth" id="42"/>' in result.html
    assert "<b>Chữ đậm</b>" in result.html
    assert made == [("png", made[0][1])] and made[0][1] > 0
    assert "<img" not in result.html and "style=" not in result.html


def test_validate_refuses_non_docx_with_vietnamese_message():
    with pytest.raises(DocxInvalid, match="định dạng .docx"):
        validate_docx(SimpleUploadedFile("bai.pdf", b"%PDF-1.4"))
    with pytest.raises(DocxInvalid, match="không phải văn bản Word"):
        validate_docx(SimpleUploadedFile("bai.docx", b"not a zip"))


@pytest.mark.django_db
def test_import_into_submission_stores_images_in_site_collection(department):
    submission = Submission(site=department.site, title="Tin hội nghị")
    import_docx(submission, SimpleUploadedFile("tin.docx", build_docx()))
    submission.save()
    image = get_image_model().objects.get()
    assert image.collection_id == department.collection_id
    assert f'id="{image.pk}"' in submission.content
    assert LEGACY in submission.content
    assert submission.original_file.collection_id == department.collection_id
    assert submission.original_file.filename.endswith(".docx")
