"""Public layout of every site: host routing, editions, header and footer (PUB-2, PUB-10, NET-3, TRN-1)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def get(client, path, host):
    return client.get(path, HTTP_HOST=host)


def test_each_hostname_serves_its_own_site(client, portal, department, commune):
    assert "SỞ KHOA HỌC" in get(client, "/", "sokhcn.langson.localhost").content.decode().upper()
    body = get(client, "/", "songgiap.caoloc.langson.localhost").content.decode()
    assert "Xã Song Giáp" in body


def test_unknown_hostname_gets_the_provincial_portal(client, portal, department):
    response = get(client, "/", "khongco.langson.localhost")
    assert response.status_code == 200
    assert "Cổng thông tin điện tử tỉnh Lạng Sơn" in response.content.decode()


@pytest.mark.parametrize("prefix, lang", [("/", "vi"), ("/en/", "en"), ("/zh/", "zh")])
def test_editions_have_correct_html_lang(client, portal, prefix, lang):
    response = get(client, prefix, "langson.localhost")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.content.decode()


def test_section_pages_exist_in_every_edition(client, department):
    for path in ("/tin-tuc/", "/en/news/", "/zh/news/", "/gioi-thieu/", "/en/introduction/"):
        assert get(client, path, "sokhcn.langson.localhost").status_code == 200, path


def test_language_switcher_links_to_the_translation(client, department):
    body = get(client, "/tin-tuc/", "sokhcn.langson.localhost").content.decode()
    assert 'href="/en/news/"' in body
    assert 'href="/zh/news/"' in body


def test_footer_carries_contacts_hotline_and_reuse_notice(client, portal):
    body = get(client, "/", "langson.localhost").content.decode()
    for text in (
        "Số 2 đường Hùng Vương",
        "0205 3812 606",
        "congttdt@langson.gov.vn",
        "Nguyễn Văn A",
        "0205 3812 000",
    ):
        assert text in body
    assert "Đường dây nóng báo sự cố" in body
    assert "Nguồn: Cổng thông tin điện tử tỉnh Lạng Sơn" in body


def test_component_site_links_to_provincial_portal(client, portal, department):
    body = get(client, "/", "sokhcn.langson.localhost").content.decode()
    assert 'href="http://langson.localhost/"' in body


def test_portal_lists_component_sites_and_government_portal(client, portal, department, district, commune):
    body = get(client, "/", "langson.localhost").content.decode()
    assert 'href="http://sokhcn.langson.localhost/"' in body
    assert 'href="http://songgiap.caoloc.langson.localhost/"' in body
    assert "https://chinhphu.vn/" in body


def test_breadcrumb_skip_link_and_search_box(client, department):
    body = get(client, "/tin-tuc/", "sokhcn.langson.localhost").content.decode()
    assert 'class="skip-link" href="#main"' in body
    assert 'aria-label="Đường dẫn"' in body
    assert 'role="search"' in body


def test_no_asset_from_another_host(client, portal):
    body = get(client, "/", "langson.localhost").content.decode()
    external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?://[^"]+)"', body)
    assert external == []


def test_search_finds_published_pages_of_this_site_only(client, department, district):
    body = get(client, "/tim-kiem/?q=Liên+hệ", "sokhcn.langson.localhost").content.decode()
    assert "Tìm thấy" in body
    empty = get(client, "/tim-kiem/?q=", "sokhcn.langson.localhost").content.decode()
    assert "Hãy nhập từ khóa" in empty


@pytest.mark.parametrize("page", ["abc", "-1", "999999999999", "1e9"])
def test_bad_page_numbers_never_crash(client, department, page):
    assert get(client, f"/tin-tuc/?page={page}", "sokhcn.langson.localhost").status_code == 200


@pytest.mark.parametrize(
    "prefix, skip_text",
    [("/", "Bỏ qua, đến nội dung chính"), ("/en/", "Skip to main content"), ("/zh/", "跳至主要内容")],
)
def test_interface_text_is_translated_per_edition(client, portal, prefix, skip_text):
    assert skip_text in get(client, prefix, "langson.localhost").content.decode()
