"""Full-page cache: what is served from the cache, to whom, and when it is forgotten (issue 8, item 2)."""

import pytest
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from congtt.content.models import StandardPage

pytestmark = pytest.mark.django_db

DEPT = "sokhcn.langson.localhost"
PORTAL = "langson.localhost"


def get(client, path, host=DEPT, **extra):
    return client.get(path, HTTP_HOST=host, **extra)


def section(site_profile, slug):
    return Page.objects.get(slug=slug, depth=3, path__startswith=site_profile.site.root_page.path).specific


def add_page(parent, title, slug, live=True):
    page = StandardPage(title=title, slug=slug, body="<p>Nội dung</p>", live=live)
    parent.add_child(instance=page)
    return page


def test_second_anonymous_get_is_a_hit_with_the_same_bytes(client, department):
    first = get(client, "/tin-tuc/")
    second = get(client, "/tin-tuc/")
    assert first.status_code == second.status_code == 200
    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert int(second["Age"]) >= 0
    assert second.content == first.content
    assert second["Content-Type"].startswith("text/html")


def test_a_hit_costs_no_sql_query(client, department, django_assert_num_queries):
    get(client, "/tin-tuc/")
    with django_assert_num_queries(0):
        assert get(client, "/tin-tuc/")["X-Cache"] == "HIT"


def test_head_is_served_from_the_get_entry(client, department):
    get(client, "/tin-tuc/")
    assert client.head("/tin-tuc/", HTTP_HOST=DEPT)["X-Cache"] == "HIT"


def test_sites_editions_and_queries_have_their_own_entries(client, portal, department):
    dept = get(client, "/tin-tuc/")
    assert get(client, "/tin-tuc/", PORTAL)["X-Cache"] == "MISS"
    assert get(client, "/tin-tuc/", PORTAL).content != dept.content
    assert get(client, "/en/news/")["X-Cache"] == "MISS"
    assert get(client, "/tin-tuc/?page=2&a=1")["X-Cache"] == "MISS"
    assert get(client, "/tin-tuc/?a=1&page=2")["X-Cache"] == "HIT"


def test_accept_language_does_not_split_or_vary(client, department):
    first = get(client, "/tin-tuc/", HTTP_ACCEPT_LANGUAGE="en")
    second = get(client, "/tin-tuc/", HTTP_ACCEPT_LANGUAGE="zh")
    assert second["X-Cache"] == "HIT"
    assert 'lang="vi"' in second.content.decode()
    for response in (first, second):
        assert "accept-language" not in response.get("Vary", "").lower()


def test_publish_is_visible_on_the_next_request(client, department):
    news = section(department, "tin-tuc")
    draft = add_page(news, "Hội nghị tổng kết năm 2025", "hoi-nghi-tong-ket", live=False)
    assert "Hội nghị tổng kết" not in get(client, "/tin-tuc/").content.decode()
    assert get(client, "/tin-tuc/")["X-Cache"] == "HIT"
    home = get(client, "/")
    draft.save_revision().publish()
    listing = get(client, "/tin-tuc/")
    assert listing["X-Cache"] == "MISS"
    assert "Hội nghị tổng kết năm 2025" in listing.content.decode()
    assert get(client, "/")["X-Cache"] == "MISS", "every page of the site is forgotten"
    assert home.status_code == 200
    assert get(client, "/tin-tuc/hoi-nghi-tong-ket/").status_code == 200


def test_publishing_on_one_site_keeps_other_sites_cached(client, portal, department):
    get(client, "/tin-tuc/", PORTAL)
    news = section(department, "tin-tuc")
    add_page(news, "Tin mới", "tin-moi", live=False).save_revision().publish()
    assert get(client, "/tin-tuc/", PORTAL)["X-Cache"] == "HIT"


def test_publishing_a_translation_invalidates_its_site(client, department):
    # en pages sit under the en home, beside (not under) the site root: found via the translation key
    root = department.site.root_page
    en_home = Page.objects.get(translation_key=root.translation_key, locale__language_code="en")
    en_news = en_home.get_children().get(slug="news").specific
    get(client, "/en/news/")
    add_page(en_news, "Spring festival", "spring-festival", live=False).save_revision().publish()
    response = get(client, "/en/news/")
    assert response["X-Cache"] == "MISS"
    assert "Spring festival" in response.content.decode()


def test_unpublish_is_visible_on_the_next_request(client, department):
    page = add_page(section(department, "tin-tuc"), "Thông báo tuyển dụng", "tuyen-dung")
    assert "Thông báo tuyển dụng" in get(client, "/tin-tuc/").content.decode()
    assert get(client, "/tin-tuc/tuyen-dung/")["X-Cache"] == "MISS"
    assert get(client, "/tin-tuc/tuyen-dung/")["X-Cache"] == "HIT"
    page.unpublish()
    assert "Thông báo tuyển dụng" not in get(client, "/tin-tuc/").content.decode()
    assert get(client, "/tin-tuc/tuyen-dung/").status_code == 404


def test_move_is_visible_on_the_next_request(client, department):
    from congtt.content.models import SectionPage

    notices = department.site.root_page.add_child(instance=SectionPage(title="Thông báo", slug="thong-bao"))
    page = add_page(section(department, "tin-tuc"), "Lịch tiếp công dân", "lich-tiep-cong-dan")
    get(client, "/tin-tuc/lich-tiep-cong-dan/")
    get(client, "/thong-bao/")
    page.move(notices, pos="last-child")
    old = get(client, "/tin-tuc/lich-tiep-cong-dan/")
    assert old.status_code == 301, "Wagtail's automatic redirect, not the cached old page"
    assert old["Location"].endswith("/thong-bao/lich-tiep-cong-dan/")
    assert "Lịch tiếp công dân" in get(client, "/thong-bao/").content.decode()
    assert get(client, "/thong-bao/lich-tiep-cong-dan/").status_code == 200


def test_delete_is_visible_on_the_next_request(client, department):
    page = add_page(section(department, "tin-tuc"), "Tin sẽ bị xóa", "tin-se-bi-xoa")
    assert get(client, "/tin-tuc/tin-se-bi-xoa/").status_code == 200
    get(client, "/tin-tuc/")
    page.delete()
    assert get(client, "/tin-tuc/tin-se-bi-xoa/").status_code == 404
    assert "Tin sẽ bị xóa" not in get(client, "/tin-tuc/").content.decode()


def test_saving_a_record_of_a_site_invalidates_that_site_only(client, portal, department):
    get(client, "/tin-tuc/")
    get(client, "/tin-tuc/", PORTAL)
    Redirect.objects.create(old_path="/cu", redirect_link="/tin-tuc/", site=department.site)
    assert get(client, "/tin-tuc/")["X-Cache"] == "MISS"
    assert get(client, "/tin-tuc/", PORTAL)["X-Cache"] == "HIT"
    Redirect.objects.filter(site=department.site).delete()  # queryset delete still sends post_delete
    assert get(client, "/tin-tuc/")["X-Cache"] == "MISS"


def test_profile_change_invalidates_every_site(client, portal, department):
    get(client, "/", PORTAL)
    get(client, "/tin-tuc/")
    department.agency_name = "Sở Khoa học và Công nghệ tỉnh Lạng Sơn"
    department.hotline = "0205 3999 999"
    department.save()
    portal_home = get(client, "/", PORTAL)
    assert portal_home["X-Cache"] == "MISS"
    assert "Sở Khoa học và Công nghệ tỉnh Lạng Sơn" in portal_home.content.decode()
    assert "0205 3999 999" in get(client, "/tin-tuc/").content.decode()


def test_live_page_created_without_publish_invalidates(client, department):
    get(client, "/tin-tuc/")
    add_page(section(department, "tin-tuc"), "Tạo thẳng bản công khai", "tao-thang")
    assert "Tạo thẳng bản công khai" in get(client, "/tin-tuc/").content.decode()


def test_draft_save_keeps_the_cache(client, department):
    page = add_page(section(department, "tin-tuc"), "Bài đã đăng", "bai-da-dang")
    get(client, "/tin-tuc/bai-da-dang/")
    page.title = "Bài đã đăng (bản nháp sửa)"
    page.save_revision()
    response = get(client, "/tin-tuc/bai-da-dang/")
    assert response["X-Cache"] == "HIT"
    assert "bản nháp sửa" not in response.content.decode()


def test_logged_in_users_never_get_or_make_cached_copies(client, department, editor):
    get(client, "/tin-tuc/")
    assert get(client, "/tin-tuc/")["X-Cache"] == "HIT"
    client.force_login(editor)
    response = get(client, "/tin-tuc/")
    assert "X-Cache" not in response
    client.logout()
    client.cookies.clear()
    page = add_page(section(department, "tin-tuc"), "Trang mới", "trang-moi")
    client.force_login(editor)
    assert "X-Cache" not in get(client, "/tin-tuc/trang-moi/")
    client.logout()
    client.cookies.clear()
    assert get(client, "/tin-tuc/trang-moi/")["X-Cache"] == "MISS", "the editor's render was not stored"
    assert page.live


def test_no_session_is_touched_for_anonymous_readers(client, department):
    response = get(client, "/tin-tuc/")
    assert not response.cookies
    assert get(client, "/tin-tuc/").cookies == {}


@pytest.mark.urls("tests.pagecache.urls")
def test_responses_that_set_cookies_are_not_stored(client, department):
    for path in ("/thu/csrf/", "/thu/cookie/"):
        first = get(client, path)
        assert first.cookies, path
        client.cookies.clear()
        second = get(client, path)
        assert second["X-Cache"] == "MISS", path
        assert second.cookies, path
        client.cookies.clear()


@pytest.mark.urls("tests.pagecache.urls")
def test_non_html_is_not_stored(client, department):
    get(client, "/thu/text/")
    assert get(client, "/thu/text/")["X-Cache"] == "MISS"


@pytest.mark.urls("tests.pagecache.urls")
def test_vary_headers_other_than_language_and_cookie_are_respected(client, department):
    get(client, "/thu/vary/", HTTP_ACCEPT_ENCODING="gzip")
    same = get(client, "/thu/vary/", HTTP_ACCEPT_ENCODING="gzip")
    other = get(client, "/thu/vary/", HTTP_ACCEPT_ENCODING="br")
    assert same["X-Cache"] == "HIT"
    assert other["X-Cache"] == "MISS"
    assert b"br" in other.content


def test_not_found_is_not_stored(client, department):
    get(client, "/khong-co-trang-nay/")
    response = get(client, "/khong-co-trang-nay/")
    assert response.status_code == 404
    assert response["X-Cache"] == "MISS"


@pytest.mark.parametrize("path", ["/tim-kiem/?q=thu+tuc", "/en/tim-kiem/?q=a", "/healthz", "/api/v1/sites/"])
def test_search_health_and_api_are_never_cached(client, department, path):
    get(client, path)
    assert "X-Cache" not in get(client, path)


def test_admin_and_previews_are_never_cached(client, department, editor, settings):
    client.force_login(editor)
    page = add_page(section(department, "tin-tuc"), "Xem trước", "xem-truoc", live=False)
    response = client.get(f"/{settings.ADMIN_PATH}/pages/{page.pk}/", HTTP_HOST=DEPT)
    assert "X-Cache" not in response


def test_pagecache_exclude_setting(client, department, settings):
    settings.PAGECACHE_EXCLUDE = ["/lien-he/"]
    get(client, "/lien-he/")
    assert "X-Cache" not in get(client, "/lien-he/")
    get(client, "/gioi-thieu/")
    assert get(client, "/gioi-thieu/")["X-Cache"] == "HIT"


def test_zero_seconds_disables(client, department, settings):
    settings.PAGECACHE_SECONDS = 0
    get(client, "/tin-tuc/")
    assert "X-Cache" not in get(client, "/tin-tuc/")


def test_expired_entries_are_rendered_again(client, department, settings):
    settings.PAGECACHE_SECONDS = 1
    get(client, "/tin-tuc/")
    import time

    time.sleep(1.2)
    assert get(client, "/tin-tuc/")["X-Cache"] == "MISS"
    assert timezone.now()


def test_a_page_naming_an_ignored_parameter_has_its_own_entry(client, department):
    notice = "Bỏ qua bộ lọc không hỗ trợ: khong-co."
    assert notice in get(client, "/tin-tuc/?khong-co=1").content.decode()
    plain = get(client, "/tin-tuc/")
    assert plain["X-Cache"] == "MISS" and notice not in plain.content.decode()
    again = get(client, "/tin-tuc/?khong-co=1")
    assert again["X-Cache"] == "HIT" and notice in again.content.decode()
    assert notice not in get(client, "/tin-tuc/").content.decode()
    assert notice not in get(client, "/tin-tuc/?utm_source=zalo").content.decode()


def test_shared_copies_do_not_vary_on_cookie(client, department):
    """nginx keeps one copy per Vary value; the PURGE on publish (no cookies) must refresh the copy
    visitors with a CSRF or other non-session cookie get too."""
    stored = get(client, "/tin-tuc/")
    client.cookies["csrftoken"] = "x" * 32
    hit = get(client, "/tin-tuc/")
    assert (stored["X-Cache"], hit["X-Cache"]) == ("MISS", "HIT")
    for response in (stored, hit):
        assert "cookie" not in response.get("Vary", "").lower()


@pytest.mark.urls("tests.pagecache.urls")
def test_responses_not_stored_keep_vary_cookie(client, department):
    response = get(client, "/thu/csrf/")
    assert response["X-Cache"] == "MISS"
    assert "cookie" in response["Vary"].lower()


@pytest.mark.urls("tests.pagecache.urls")
def test_other_vary_headers_stay_on_shared_copies(client, department):
    get(client, "/thu/vary/", HTTP_ACCEPT_ENCODING="gzip")
    hit = get(client, "/thu/vary/", HTTP_ACCEPT_ENCODING="gzip")
    assert hit["X-Cache"] == "HIT"
    assert hit["Vary"] == "Accept-Encoding"
