"""News pages: article, section, topic, home, print view, PDF, view counter (CNT-5, PUB-4, PUB-6, PUB-10)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from congtt.content import services
from congtt.content.models import ArticleKind
from congtt.ops import counters

from .conftest import DEPT, PORTAL, make_article, make_image, make_topic, news_section

pytestmark = pytest.mark.django_db


def get(client, path, host=PORTAL, **extra):
    return client.get(path, HTTP_HOST=host, **extra)


@pytest.fixture
def section(portal):
    return news_section(portal)


@pytest.fixture
def full_article(section):
    from django.core.files.base import ContentFile

    image = make_image("Ảnh hội nghị")
    video = get_document_model()(title="Video hội nghị")
    video.file.save("hoi-nghi.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=True)
    pdf = get_document_model()(title="Kế hoạch số 12")
    pdf.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    topic = make_topic(section, "Chuyển đổi số")
    return make_article(
        section,
        "Hội nghị chuyển đổi số tỉnh Lạng Sơn",
        summary="Sapo của bài: hội nghị trực tuyến toàn tỉnh.",
        image=image,
        image_caption="Quang cảnh hội nghị",
        source_name="Báo Lạng Sơn",
        source_url="https://baolangson.vn/bai-goc",
        authors=[
            ("author", {"name": "Hoàng Minh", "role": "Phóng viên"}),
            ("author", {"name": "Lan Anh", "role": ""}),
        ],
        topics=[topic],
        body=[
            ("paragraph", "<p>Nội dung <b>chính</b> của bài.</p>"),
            ("image", {"image": image, "caption": "Đại biểu phát biểu", "alt": ""}),
            (
                "media",
                {"file": video, "title": "Toàn cảnh hội nghị", "transcript": "Lời thoại: khai mạc hội nghị."},
            ),
            (
                "table",
                {
                    "data": [["Chỉ tiêu", "Kết quả"], ["Hồ sơ trực tuyến", "95%"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Kết quả năm",
                },
            ),
            ("document", {"document": pdf, "title": "Tải kế hoạch"}),
        ],
    )


def test_article_renders_every_field(client, full_article):
    response = get(client, full_article.url)
    assert response.status_code == 200
    body = response.content.decode()
    for text in (
        "Hội nghị chuyển đổi số tỉnh Lạng Sơn",
        "Sapo của bài",
        "Quang cảnh hội nghị",
        "Đại biểu phát biểu",
        "Nội dung <b>chính</b>",
        "Hoàng Minh (Phóng viên)",
        "Lan Anh",
        'href="https://baolangson.vn/bai-goc"',
        "Báo Lạng Sơn",
        "Khi phát hành lại thông tin",
        "Chuyển đổi số",
        '<th scope="col">Chỉ tiêu</th>',
        "<caption>Kết quả năm</caption>",
        "Tải kế hoạch",
        "Lời thoại: khai mạc hội nghị.",
    ):
        assert text in body, text
    assert '<video controls preload="metadata"' in body
    assert 'type="video/mp4"' in body
    assert 'type="application/rss+xml"' in body
    assert f'href="{full_article.url}in/"' in body
    assert f'href="{full_article.url}luu/"' in body


def test_print_view_has_no_navigation(client, full_article):
    response = get(client, full_article.url + "in/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Hội nghị chuyển đổi số tỉnh Lạng Sơn" in body
    assert "Báo Lạng Sơn" in body
    assert "main-nav" not in body and "search-box" not in body and '<footer class="site-footer' not in body


def test_save_as_pdf(client, full_article):
    response = get(client, full_article.url + "luu/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_unknown_sub_url_is_404(client, full_article):
    assert get(client, full_article.url + "khong-co/").status_code == 404


def test_audio_item_uses_audio_player(client, section):
    from django.core.files.base import ContentFile

    audio = get_document_model()(title="Bản tin phát thanh")
    audio.file.save("ban-tin.mp3", ContentFile(b"ID3"), save=True)
    article = make_article(
        section,
        "Bản tin phát thanh sáng thứ Hai",
        kind=ArticleKind.AUDIO,
        body=[("media", {"file": audio, "title": "", "transcript": "Tóm tắt bản tin."})],
    )
    body = get(client, article.url).content.decode()
    assert '<audio controls preload="metadata">' in body and 'type="audio/mpeg"' in body
    assert "Âm thanh" in body


def test_gallery_shows_every_image_with_caption(client, section):
    images = [make_image(f"Ảnh {i}") for i in range(3)]
    article = make_article(
        section,
        "Chùm ảnh hoa đào",
        kind=ArticleKind.GALLERY,
        body=[
            (
                "gallery",
                {
                    "title": "Hoa đào",
                    "images": [
                        {"image": im, "caption": f"Chú thích {i}", "alt": ""} for i, im in enumerate(images)
                    ],
                },
            )
        ],
    )
    body = get(client, article.url).content.decode()
    assert all(f"Chú thích {i}" in body for i in range(3))
    assert "Tin ảnh" in body


def test_draft_article_is_not_served(client, section):
    draft = make_article(section, "Bài chưa duyệt", publish=False)
    assert get(client, "/tin-tuc/" + draft.slug + "/").status_code == 404


def test_section_lists_newest_first_with_pagination(client, section):
    for i in range(25):
        make_article(section, f"Tin số {i:02d}", days_ago=i)
    body = get(client, "/tin-tuc/").content.decode()
    assert body.index("Tin số 00") < body.index("Tin số 01")
    assert "Tin số 24" not in body
    page2 = get(client, "/tin-tuc/?page=2").content.decode()
    assert "Tin số 24" in page2 and "Tin số 00" not in page2
    for bad in ("abc", "-1", "999999999999", "1e9", "%00"):
        response = get(client, "/tin-tuc/", data={"page": bad})
        assert response.status_code == 200, bad


def test_topic_page_lists_its_articles(client, section):
    topic = make_topic(section, "Cải cách hành chính")
    make_article(section, "Tin thuộc chuyên đề", topics=[topic])
    make_article(section, "Tin ngoài chuyên đề")
    body = get(client, topic.url).content.decode()
    assert "Tin thuộc chuyên đề" in body and "Tin ngoài chuyên đề" not in body
    assert "Cải cách hành chính" in get(client, "/tin-tuc/").content.decode()


def test_related_articles_manual_first_then_same_topic_then_section(section):
    topic = make_topic(section, "Kinh tế")
    same_section = make_article(section, "Cùng chuyên mục", days_ago=0)
    same_topic = make_article(section, "Cùng chuyên đề", days_ago=5, topics=[topic])
    manual = make_article(section, "Chọn tay", days_ago=9)
    draft = make_article(section, "Bản nháp liên quan", publish=False, topics=[topic])
    article = make_article(section, "Bài chính", topics=[topic], related=[manual])
    related = services.related_articles(article)
    titles = [a.title for a in related]
    assert titles[:3] == [manual.title, same_topic.title, same_section.title]
    assert draft.title not in titles and article.title not in titles


def test_related_articles_never_list_the_article_in_another_edition(section):
    from wagtail.models import Locale

    topic = make_topic(section, "Chuyển đổi số")
    other = make_article(section, "Cùng chuyên đề khác", days_ago=3, topics=[topic])
    article = make_article(section, "Bài có bản dịch", topics=[topic])
    english = article.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    related = services.related_articles(article)
    assert [a.pk for a in related] == [other.pk]
    assert all(a.locale_id == article.locale_id for a in related)


def test_home_shows_featured_and_latest_per_section(client, portal, section):
    make_article(section, "Tin nổi bật của tỉnh", featured=True)
    make_article(section, "Tin thường mới nhất")
    body = get(client, "/").content.decode()
    assert "Tin nổi bật của tỉnh" in body and "Tin thường mới nhất" in body
    assert 'type="application/rss+xml"' in body


def test_other_site_news_not_on_home(client, portal, department):
    make_article(news_section(department), "Tin riêng của Sở")
    assert "Tin riêng của Sở" not in get(client, "/").content.decode()
    assert "Tin riêng của Sở" in get(client, "/", DEPT).content.decode()


# --- view counter ------------------------------------------------------------------------------


def test_views_are_buffered_not_written_per_request(client, section):
    article = make_article(section, "Bài đếm lượt xem")
    get(client, article.url)  # warm caches (and the request-path flush, due at most once a minute)
    with CaptureQueriesContext(connection) as queries:
        get(client, article.url)
        get(client, article.url)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]
    assert writes == []
    assert counters.buffered(services.ARTICLE_VIEWS, article.pk) == 2
    article.refresh_from_db()
    assert article.view_count == 1  # the first view, written by the flush it made due


def test_buffered_views_are_shown_and_flushed(client, section, settings):
    settings.COUNTERS_FLUSH_SECONDS = 0
    article = make_article(section, "Bài nhiều người xem")
    for _ in range(7):
        assert get(client, article.url).status_code == 200
    article.refresh_from_db()
    assert article.view_count == 0
    assert services.displayed_views(article) == 7
    assert get(client, f"/api/v1/articles/{article.pk}").json()["views"] == 7
    assert counters.flush() == 7
    article.refresh_from_db()
    assert article.view_count == 7 and services.displayed_views(article) == 7
    assert '<span class="views">8 lượt xem</span>' in get(client, article.url).content.decode()


@pytest.fixture
def pagecache_on(settings):
    from congtt.pagecache import middleware

    settings.PAGECACHE_SECONDS = 600
    middleware._site_memo.clear()
    yield
    middleware._site_memo.clear()


def test_views_served_from_the_page_cache_are_counted(client, section, pagecache_on):
    article = make_article(section, "Bài được đọc nhiều")
    responses = [get(client, article.url) for _ in range(6)]
    assert [r["X-Cache"] for r in responses] == ["MISS"] + ["HIT"] * 5
    assert client.head(article.url, HTTP_HOST=PORTAL)["X-Cache"] == "HIT"  # HEAD is not a view
    article.refresh_from_db()  # the first view was written by the request-path flush
    assert services.displayed_views(article) == 6
    counters.flush()
    article.refresh_from_db()
    assert article.view_count == 6


def test_a_counted_page_cache_hit_costs_no_query(client, section, pagecache_on, django_assert_num_queries):
    article = make_article(section, "Bài đọc từ bộ nhớ đệm")
    assert get(client, article.url)["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        assert get(client, article.url)["X-Cache"] == "HIT"
    article.refresh_from_db()
    assert services.displayed_views(article) == 2


# --- query budgets -----------------------------------------------------------------------------


def _count(client, path, host=PORTAL):
    get(client, path, host)  # renditions and caches are created on the first view
    with CaptureQueriesContext(connection) as queries:
        assert get(client, path, host).status_code == 200
    return len(queries)


def test_query_counts_stay_within_budget_and_do_not_grow(client, portal, section):
    topic = make_topic(section, "Chuyên đề đo")
    image = make_image("Ảnh đo")
    first = make_article(section, "Bài đo 0", topics=[topic], image=image, featured=True)
    paths = ["/", "/tin-tuc/", first.url, topic.url]
    small = {p: _count(client, p) for p in paths}
    for i in range(1, 30):
        make_article(
            section,
            f"Bài đo {i}",
            topics=[topic],
            image=make_image(f"Ảnh đo {i}"),
            featured=i % 3 == 0,
            related=[first],
            body=[("image", {"image": image, "caption": "x", "alt": ""})] * 3,
        )
    large = {p: _count(client, p) for p in paths}
    for path in paths:
        assert large[path] <= 15, (path, large[path])
        assert large[path] <= small[path], (path, small, large)
