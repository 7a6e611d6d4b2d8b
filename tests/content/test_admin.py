"""Editing articles in the Wagtail admin: Vietnamese forms, per-site scoping, upload checks."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from congtt.content.models import ArticlePage
from congtt.network.services import assign_role

from .conftest import make_article, news_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def dept_editor(department):
    user = get_user_model().objects.create_user("bientap.sokhcn", "bt@sokhcn.vn", "Mat-khau-rat-dai-2024")
    assign_role(user, department.site, "member")
    return user


def test_editor_edits_own_site_article_but_not_another_sites(client, portal, department, dept_editor):
    own = make_article(news_section(department), "Tin của Sở")
    other = make_article(news_section(portal), "Tin của tỉnh")
    client.force_login(dept_editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[own.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for label in ("Sapo (tóm tắt)", "Tác giả và nguồn tin", "Chuyên đề và tin liên quan", "Tin nổi bật"):
        assert label.lower() in body.lower(), label
    refused = client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    assert refused.status_code in (302, 403)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[other.pk]),
        {"title": "Sửa trộm", "slug": other.slug},
    )
    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.title == "Tin của tỉnh"


def test_editor_can_add_article_only_under_own_section(client, portal, department, dept_editor):
    client.force_login(dept_editor)
    own_section = news_section(department)
    add = reverse("wagtailadmin_pages:add", args=["content", "articlepage", own_section.pk])
    assert client.get(add).status_code == 200
    other_add = reverse("wagtailadmin_pages:add", args=["content", "articlepage", news_section(portal).pk])
    assert client.get(other_add).status_code in (302, 403)
    assert not ArticlePage.objects.exists()


def test_document_upload_rejects_bad_type_and_oversize(client, department, dept_editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    client.force_login(dept_editor)
    url = reverse("wagtaildocs:add")
    exe = SimpleUploadedFile("virus.exe", b"MZ" * 10)
    response = client.post(url, {"title": "Tệp lạ", "file": exe})
    assert response.status_code == 200
    big = SimpleUploadedFile("video.mp4", b"\x00" * 4096)
    response = client.post(url, {"title": "Video lớn", "file": big})
    assert response.status_code == 200
    assert not get_document_model().objects.exists()
    ok = SimpleUploadedFile("bai-noi.mp3", b"ID3" * 10)
    client.post(url, {"title": "Âm thanh", "file": ok})
    assert get_document_model().objects.filter(title="Âm thanh").exists()
