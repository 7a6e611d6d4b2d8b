import io
from datetime import timedelta

import pytest
from django.utils import timezone

from congtt.citizen.models import Draft, DraftArticle, DraftComment, Post, Rating, Topic
from congtt.citizen.services import opinion_digest, rating_results

from .conftest import DEPT

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_draft(department, unit):
    today = timezone.localdate()
    draft = Draft.objects.create(
        site=department.site,
        title="Dự thảo Quy chế quản lý nhiệm vụ KH&CN",
        drafting_unit=unit,
        summary="Tóm tắt",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=10),
        published=True,
    )
    for n in (1, 2, 3):
        DraftArticle.objects.create(
            draft=draft, sort_order=n, label=f"Điều {n}", heading=f"Tên điều {n}", text="Nội dung"
        )
    return draft


@pytest.fixture
def closed_draft(department):
    today = timezone.localdate()
    return Draft.objects.create(
        site=department.site,
        title="Dự thảo đã hết hạn",
        opens_on=today - timedelta(days=30),
        closes_on=today - timedelta(days=1),
        published=True,
        intake_summary="<p>Đã tiếp thu 5 ý kiến.</p>",
    )


def comment_data(**kw):
    data = {
        "name": "Nguyễn Thị Hoa",
        "email": "hoa@example.vn",
        "organisation": "",
        "text": "Đề nghị bổ sung.",
        "consent": "on",
        "website": "",
    }
    data.update(kw)
    return {k: v for k, v in data.items() if v is not None}


def test_comment_on_article_is_moderated(client, open_draft):
    article = open_draft.articles.get(label="Điều 2")
    url = f"/gop-y-du-thao/{open_draft.pk}/"
    response = client.post(
        url, comment_data(article=article.pk, text="<script>x</script>Ý kiến về Điều 2"), HTTP_HOST=DEPT
    )
    assert response.status_code == 200 and "sau khi được duyệt" in response.content.decode()
    comment = DraftComment.objects.get()
    assert comment.article == article and comment.status == "pending" and comment.consent_at
    assert "Ý kiến về Điều 2" not in client.get(url, HTTP_HOST=DEPT).content.decode()
    comment.status = "approved"
    comment.save()
    html = client.get(url, HTTP_HOST=DEPT).content.decode()
    assert "Ý kiến về Điều 2" in html and "&lt;script&gt;" in html and "<script>x" not in html
    assert "hoa@example.vn" not in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"consent": None}, "Bạn cần đồng ý"),
        ({"text": ""}, "Hãy nhập ý kiến góp ý"),
        ({"email": "khong-hop-le"}, "Địa chỉ thư điện tử không hợp lệ"),
        ({"website": "spam"}, "Không thể gửi biểu mẫu này"),
        ({"text": "z" * 10001}, "Nội dung quá dài"),
    ],
)
def test_comment_bad_input_stores_nothing(client, open_draft, overrides, message):
    response = client.post(f"/gop-y-du-thao/{open_draft.pk}/", comment_data(**overrides), HTTP_HOST=DEPT)
    assert message in response.content.decode()
    assert DraftComment.objects.count() == 0


def test_closed_draft_refuses_comments_and_shows_summary(client, closed_draft):
    url = f"/gop-y-du-thao/{closed_draft.pk}/"
    html = client.get(url, HTTP_HOST=DEPT).content.decode()
    assert "Đã tiếp thu 5 ý kiến" in html and 'name="text"' not in html
    response = client.post(url, comment_data(), HTTP_HOST=DEPT)
    assert response.status_code == 400 and "không còn trong thời gian lấy ý kiến" in response.content.decode()
    assert DraftComment.objects.count() == 0


def test_unpublished_draft_hidden(client, open_draft):
    open_draft.published = False
    open_draft.save()
    assert client.get(f"/gop-y-du-thao/{open_draft.pk}/", HTTP_HOST=DEPT).status_code == 404
    assert open_draft.title not in client.get("/gop-y-du-thao/", HTTP_HOST=DEPT).content.decode()


def test_consultation_query_counts(client, open_draft, closed_draft, django_assert_max_num_queries):
    for i in range(6):
        DraftComment.objects.create(
            draft=open_draft,
            article=open_draft.articles.first(),
            name=f"N{i}",
            email="a@b.vn",
            text="t",
            status="approved",
        )
    for path in ("/gop-y-du-thao/", f"/gop-y-du-thao/{open_draft.pk}/"):
        client.get(path, HTTP_HOST=DEPT)
        with django_assert_max_num_queries(15):
            assert client.get(path, HTTP_HOST=DEPT).status_code == 200


def test_exports_read_back(client, open_draft, board):
    from docx import Document
    from openpyxl import load_workbook

    DraftComment.objects.create(
        draft=open_draft,
        article=open_draft.articles.first(),
        name="Nguyễn Thị Hoa",
        email="hoa@example.vn",
        text="=cmd|' /C calc'!A0",
        status="approved",
    )
    DraftComment.objects.create(
        draft=open_draft,
        name="Lê Văn Quang",
        email="q@example.vn",
        organisation="Hội Luật gia",
        text="Ý kiến chung về dự thảo.",
    )
    client.force_login(board)
    response = client.get(f"/quan-tri/citizen/drafts/{open_draft.pk}/y-kien.xlsx")
    if response.status_code == 404:  # admin path comes from settings.ADMIN_PATH
        from django.conf import settings

        response = client.get(f"/{settings.ADMIN_PATH}/citizen/drafts/{open_draft.pk}/y-kien.xlsx")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][2] == "Họ và tên"
    names = {r[2] for r in rows[2:]}
    assert names == {"Nguyễn Thị Hoa", "Lê Văn Quang"}
    assert any(r[5] == "'=cmd|' /C calc'!A0" for r in rows[2:])  # formula neutralised
    from django.conf import settings

    response = client.get(f"/{settings.ADMIN_PATH}/citizen/drafts/{open_draft.pk}/y-kien.docx")
    doc = Document(io.BytesIO(response.content))
    cells = [c.text for row in doc.tables[0].rows for c in row.cells]
    assert "Ý kiến chung về dự thảo." in cells and "Hội Luật gia" in cells and "Điều 1. Tên điều 1" in cells


def test_export_refused_to_other_site(client, open_draft, portal_board):
    from django.conf import settings

    client.force_login(portal_board)
    response = client.get(f"/{settings.ADMIN_PATH}/citizen/drafts/{open_draft.pk}/y-kien.xlsx")
    assert response.status_code in (302, 403)
    assert not response.get("Content-Type", "").startswith("application/vnd")


def rating_data(**kw):
    data = {
        "interface": "5",
        "content": "4",
        "quality": "4",
        "support": "3",
        "comment": "Dễ dùng",
        "page_path": "/hoi-dap/",
        "website": "",
    }
    data.update(kw)
    return data


def test_rating_posts_and_aggregates(client, department):
    response = client.post("/danh-gia/", rating_data(), HTTP_HOST=DEPT)
    assert response.status_code == 302 and response["Location"] == "/hoi-dap/?danh_gia=da-gui"
    client.post("/danh-gia/", rating_data(interface="3", page_path="https://evil.example/"), HTTP_HOST=DEPT)
    assert Rating.objects.count() == 2
    result = rating_results([department.site.pk])
    assert result == {"count": 2, "interface": 4.0, "content": 4.0, "quality": 4.0, "support": 3.0}


@pytest.mark.parametrize(
    "overrides", [{"interface": "6"}, {"support": ""}, {"website": "x"}, {"comment": "c" * 2001}]
)
def test_rating_bad_input_stores_nothing(client, department, overrides):
    response = client.post("/danh-gia/", rating_data(**overrides), HTTP_HOST=DEPT)
    assert response.status_code == 400
    assert any(
        m in response.content.decode()
        for m in ("Điểm phải từ 1 đến 5", "Hãy chọn điểm", "Không thể gửi", "quá dài")
    )
    assert Rating.objects.count() == 0


def test_rating_include_renders(rf, department):
    from django.template.loader import render_to_string

    request = rf.get("/tin-tuc/", HTTP_HOST=DEPT)
    html = render_to_string("citizen/includes/rating.html", {"request": request, "csrf_token": "t"})
    assert 'action="/danh-gia/"' in html and 'name="website"' in html and 'value="/tin-tuc/"' in html


def test_forum_moderation_and_closed_topic(client, department, django_assert_max_num_queries):
    topic = Topic.objects.create(site=department.site, title="Góp ý dịch vụ công trực tuyến")
    url = f"/dien-dan/{topic.pk}/"
    post = {
        "name": "Phạm Văn Hùng",
        "email": "hung@example.vn",
        "text": "Nên có video hướng dẫn.",
        "website": "",
    }
    assert "sau khi được duyệt" in client.post(url, post, HTTP_HOST=DEPT).content.decode()
    assert "video hướng dẫn" not in client.get(url, HTTP_HOST=DEPT).content.decode()
    Post.objects.update(status="approved")
    html = client.get(url, HTTP_HOST=DEPT).content.decode()
    assert "video hướng dẫn" in html and "hung@example.vn" not in html
    bad = client.post(url, {**post, "text": ""}, HTTP_HOST=DEPT)
    assert bad.status_code == 400 and "Hãy nhập ý kiến" in bad.content.decode()
    topic.is_open = False
    topic.save()
    closed = client.post(url, post, HTTP_HOST=DEPT)
    assert closed.status_code == 400 and "đã đóng" in closed.content.decode()
    assert Post.objects.count() == 1
    for path in ("/dien-dan/", url):
        with django_assert_max_num_queries(15):
            assert client.get(path, HTTP_HOST=DEPT).status_code == 200


def test_forum_topic_of_other_site_404(client, department, portal):
    topic = Topic.objects.create(site=portal.site, title="Chủ đề cổng tỉnh")
    assert client.get(f"/dien-dan/{topic.pk}/", HTTP_HOST=DEPT).status_code == 404


def test_opinion_digest_collects_and_scopes(department, portal, open_draft):
    topic = Topic.objects.create(site=department.site, title="T")
    Post.objects.create(topic=topic, name="A", email="a@b.vn", text="bài diễn đàn")
    Rating.objects.create(
        site=department.site, interface=4, content=4, quality=4, support=4, comment="góp ý đánh giá"
    )
    Rating.objects.create(
        site=portal.site, interface=4, content=4, quality=4, support=4, comment="của cổng tỉnh"
    )
    DraftComment.objects.create(draft=open_draft, name="B", email="b@b.vn", text="góp ý dự thảo")
    texts = {item["text"] for item in opinion_digest([department.site.pk])}
    assert texts == {"bài diễn đàn", "góp ý đánh giá", "góp ý dự thảo"}
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert opinion_digest([department.site.pk], since=tomorrow) == []
