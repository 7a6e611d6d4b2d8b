"""Issue 3 "Bad input": unknown filters, malformed dates, huge page numbers and odd Unicode in the query
string give a normal page with a Vietnamese message on every public listing of every edition, and a 4xx
JSON answer from the API — never a 500.

The battery is sent raw (percent-encoded as a browser or a robot would), so invalid UTF-8 and NUL reach
Django exactly as they would in production. Runs on SQLite and PostgreSQL (NUL and FTS syntax differ).
"""

import datetime as dt
import html
import json

import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import strip_tags

from congtt.citizen.models import CaseField, Draft
from congtt.directory.models import Official, Unit
from congtt.disclosures.models import DisclosureIndexPage
from congtt.legal.models import DocumentForm, Field, IssuingBody, LegalDocument
from congtt.procedures.models import Procedure
from tests.content.conftest import make_article, make_topic, news_section

HOST = "langson.localhost"
HUGE = "999999999999999999999"

# Free text: length, invisible and invalid characters, scripts, search-engine syntax.
TEXT_VALUES = [
    "x" * 10_000,
    "%00",
    "a%00b",
    "%ED%A0%80",  # a UTF-8 encoded lone surrogate
    "%FF",  # invalid UTF-8
    "%E2%80%AEabc",  # RIGHT-TO-LEFT OVERRIDE
    "a" + "%CC%81" * 500,  # combining-mark flood
    "%F0%9F%98%80",  # emoji
    "%E4%B8%AD%E6%96%87",  # CJK
    "%22",
    "*",
    "AND+OR+NOT",
    "%27--",
    "NEAR(",
    "%22unclosed",
    "a*+OR+%22b",
    "%25",
    "%5C",
]
# Values for choices, ids, dates, years, weeks and page numbers.
VALUE_VALUES = [
    "abc",
    "2024-13-45",
    "31/02/2024",
    "0001-01-01",
    "9999-12-31",
    "0",
    "-1",
    "99999",
    HUGE,
    "1e400",
    "2024-W99",
    "2024-W00",
    "%C2%B2",  # superscript two: str.isdigit() but not int()
    "%D9%A3",  # Arabic-Indic three
    "%EF%BC%91",  # full-width one
    "%00",
    "%FF",
    "x" * 10_000,
]
ALL_VALUES = TEXT_VALUES + VALUE_VALUES
# On the English and Chinese editions a sample of both (the code paths are the same; the catalogue differs).
EDITION_SAMPLE = ["x" * 10_000, "%00", "%FF", "%22unclosed", "abc", "-1", HUGE, "2024-13-45", "%C2%B2"]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def data(portal):
    """One record in each public listing of the portal, so pagers and filters have something to show."""
    site = portal.site
    news = news_section(portal)
    topic = make_topic(news, "Chuyển đổi số")
    make_article(news, "Tin chuyển đổi số", topics=[topic])
    LegalDocument.objects.create(
        site=site,
        form=DocumentForm.objects.get(code="quyet-dinh"),
        number="40/2024/QĐ-UBND",
        issuing_body=IssuingBody.objects.get_or_create(name="Ủy ban nhân dân tỉnh Lạng Sơn")[0],
        issue_date=dt.date(2024, 10, 25),
        summary="Ban hành Quy chế hoạt động của Cổng thông tin điện tử",
        live=True,
        first_published_at=timezone.now(),
    )
    field = Field.objects.get_or_create(slug="ho-tich", defaults={"name": "Hộ tịch"})[0]
    Procedure.objects.create(
        site=site,
        code="1.000001",
        name="Đăng ký khai sinh",
        field=field,
        level="commune",
        service_level="full",
        responsible_unit="UBND cấp xã",
        live=True,
        first_published_at=timezone.now(),
    )
    office = Unit.objects.create(site=site, name="Văn phòng UBND tỉnh")
    Official.objects.create(
        site=site, name="Nguyễn Văn An", position="Chủ tịch", unit=office, is_leader=True, published=True
    )
    CaseField.objects.create(site=site, name="Đất đai")
    today = timezone.localdate()
    Draft.objects.create(
        site=site,
        title="Dự thảo quy chế",
        opens_on=today - dt.timedelta(days=3),
        closes_on=today + dt.timedelta(days=30),
        published=True,
    )
    site.root_page.add_child(instance=DisclosureIndexPage(title="Công khai thông tin", slug="cong-khai"))
    return portal


# listing name → (path per edition, parameters the view reads). Section slugs follow network.sections.
LISTINGS = {
    "search": (
        {"vi": "/tim-kiem/", "en": "/en/tim-kiem/", "zh": "/zh/tim-kiem/"},
        ["q", "loai", "tu_ngay", "den_ngay", "pham_vi", "page"],
    ),
    "news": ({"vi": "/tin-tuc/", "en": "/en/news/", "zh": "/zh/news/"}, ["page"]),
    "topic": ({"vi": "/tin-tuc/chuyen-doi-so/"}, ["page"]),
    "legal": (
        {"vi": "/van-ban/", "en": "/en/legal-documents/", "zh": "/zh/legal-documents/"},
        ["q", "number", "body", "form", "field", "year", "status", "sort", "page"],
    ),
    "gazette": ({"vi": "/cong-bao/", "en": "/en/gazette/", "zh": "/zh/gazette/"}, ["year", "page"]),
    "procedures": (
        {"vi": "/thu-tuc-hanh-chinh/", "en": "/en/procedures/", "zh": "/zh/procedures/"},
        ["q", "field", "level", "service_level", "code", "page"],
    ),
    "directory": (
        {"vi": "/danh-ba/", "en": "/en/directory/", "zh": "/zh/directory/"},
        ["q", "don-vi", "page"],
    ),
    "schedule": (
        {"vi": "/lich-cong-tac/", "en": "/en/schedule/", "zh": "/zh/schedule/"},
        ["tuan", "lanh-dao"],
    ),
    "reception": ({"vi": "/lich-cong-tac/tiep-cong-dan/", "en": "/en/schedule/tiep-cong-dan/"}, ["tuan"]),
    "questions": (
        {"vi": "/hoi-dap/", "en": "/en/questions/", "zh": "/zh/questions/"},
        ["q", "linh-vuc", "page"],
    ),
    "consultation": (
        {"vi": "/gop-y-du-thao/", "en": "/en/draft-consultation/", "zh": "/zh/draft-consultation/"},
        ["page"],
    ),
    "disclosures": ({"vi": "/cong-khai/"}, ["loai", "nam", "page"]),
    "forum": ({"vi": "/dien-dan/", "en": "/en/dien-dan/"}, ["page"]),
    "rss": ({"vi": "/rss/", "en": "/en/rss/", "zh": "/zh/rss/"}, ["page"]),
}


def _get(client, url):
    # The test client raises a view's exception instead of answering 500, so a failure shows its cause.
    return client.get(url, HTTP_HOST=HOST)


def _assert_normal(response, url):
    assert response.status_code in (200, 301, 302), f"{response.status_code} for {url[:120]}"


@pytest.mark.parametrize("name", list(LISTINGS))
def test_listing_never_fails_on_bad_values(client, data, name):
    paths, params = LISTINGS[name]
    for edition, path in paths.items():
        values = ALL_VALUES if edition == "vi" else EDITION_SAMPLE
        for param in params:
            for value in values:
                url = f"{path}?{param}={value}"
                _assert_normal(_get(client, url), url)
        # Repeated parameters, unknown names, and everything bad at once.
        for query in (
            "&".join(f"{p}=abc&{p}=1&{p}=%00" for p in params),
            "khong-co=1&utm_source=%FF&%00=%00&q[]=1&=x",
            "&".join(
                f"{p}={v}" for p, v in zip(params * 3, ["%22unclosed", HUGE, "2024-13-45"] * 10, strict=False)
            ),
        ):
            url = f"{path}?{query}"
            _assert_normal(_get(client, url), url)


def _visible_text(response) -> str:
    return html.unescape(strip_tags(response.content.decode()))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/tim-kiem/?q=tin&loai=khong-co", "Loại nội dung không có; đã tìm trong mọi loại."),
        ("/tim-kiem/?q=tin&tu_ngay=2024-13-45", "Từ ngày không hợp lệ"),
        ("/tim-kiem/?q=tin&den_ngay=31/02/2024", "Đến ngày không hợp lệ"),
        ("/tim-kiem/?q=tin&tu_ngay=0001-01-01", "Từ ngày không hợp lệ"),
        ("/tim-kiem/?q=" + "tin+" * 2500, "Từ khóa quá dài"),
        ("/tim-kiem/?q=%00", "Hãy nhập từ khóa cần tìm."),
        ("/tim-kiem/?q=tin&page=abc", "Số trang không hợp lệ; đang hiển thị trang đầu."),
        ("/tim-kiem/?q=tin&page=" + HUGE, "Không có trang này; đang hiển thị trang cuối."),
        ("/tin-tuc/?page=abc", "Số trang không hợp lệ; đang hiển thị trang đầu."),
        ("/tin-tuc/?page=0", "Số trang không hợp lệ; đang hiển thị trang đầu."),
        ("/tin-tuc/?page=-1", "Số trang không hợp lệ; đang hiển thị trang đầu."),
        ("/tin-tuc/?page=" + HUGE, "Không có trang này; đang hiển thị trang cuối."),
        ("/tin-tuc/chuyen-doi-so/?page=1e400", "Số trang không hợp lệ; đang hiển thị trang đầu."),
        ("/van-ban/?year=0", "Năm phải là số có 4 chữ số"),
        ("/van-ban/?year=99999", "Năm phải là số có 4 chữ số"),
        ("/van-ban/?year=-1", "Năm phải là số có 4 chữ số"),
        ("/van-ban/?year=%C2%B2%C2%B2%C2%B2%C2%B2", "Năm phải là số có 4 chữ số"),
        ("/van-ban/?year=0001", "Năm phải trong khoảng"),
        ("/van-ban/?form=khong-co", "Hình thức văn bản không hợp lệ"),
        ("/van-ban/?body=" + HUGE, "Cơ quan ban hành không hợp lệ"),
        ("/van-ban/?status=%27--", "Tình trạng hiệu lực không hợp lệ"),
        ("/van-ban/?sort=-pk%3BDROP", "Cách sắp xếp không hợp lệ"),
        ("/van-ban/?khong-co=1", "Bỏ qua bộ lọc không hỗ trợ: khong-co."),
        ("/van-ban/?page=abc", "Số trang không hợp lệ; đang hiển thị trang đầu."),
        ("/cong-bao/?year=abc", "Năm phải là số có 4 chữ số"),
        ("/thu-tuc-hanh-chinh/?level=abc", "Cấp thực hiện không hợp lệ"),
        ("/thu-tuc-hanh-chinh/?service_level=%00", "Mức độ dịch vụ không hợp lệ"),
        ("/thu-tuc-hanh-chinh/?field=khong-co", "Lĩnh vực không hợp lệ"),
        ("/thu-tuc-hanh-chinh/?page=" + HUGE, "Không có trang này; đang hiển thị trang cuối."),
        ("/danh-ba/?don-vi=" + HUGE, "Không có đơn vị này; đang hiển thị mọi đơn vị."),
        ("/danh-ba/?don-vi=abc", "Không có đơn vị này; đang hiển thị mọi đơn vị."),
        ("/danh-ba/?q=%00%E2%80%AE", "Từ khóa không hợp lệ; đang hiển thị toàn bộ danh bạ."),
        ("/danh-ba/?page=-1", "Số trang không hợp lệ; đang hiển thị trang đầu."),
        ("/lich-cong-tac/?tuan=2024-W99", "Tuần không hợp lệ"),
        ("/lich-cong-tac/?tuan=abc", "Tuần không hợp lệ"),
        ("/lich-cong-tac/?lanh-dao=" + HUGE, "Không có lãnh đạo này"),
        ("/lich-cong-tac/tiep-cong-dan/?tuan=2024-W00", "Tuần không hợp lệ"),
        ("/hoi-dap/?linh-vuc=" + HUGE, "Không có lĩnh vực này; đang hiển thị mọi lĩnh vực."),
        ("/hoi-dap/?linh-vuc=%C2%B2", "Không có lĩnh vực này; đang hiển thị mọi lĩnh vực."),
        ("/hoi-dap/?q=%F0%9F%98%80", "Không tìm được theo từ khóa này; đang hiển thị mọi câu hỏi."),
        ("/gop-y-du-thao/?page=abc", "Số trang không hợp lệ; đang hiển thị trang đầu."),
        ("/cong-khai/?nam=%C2%B2", "Năm không hợp lệ; đang hiển thị mọi năm."),
        ("/cong-khai/?loai=khong-co", "Loại thông tin không hợp lệ; đang hiển thị mọi loại."),
    ],
)
def test_rejected_value_is_explained_on_the_page(client, data, url, message):
    response = _get(client, url)
    assert response.status_code == 200
    assert message in _visible_text(response)


def test_valid_page_number_gives_no_notice(client, data):
    response = _get(client, "/tin-tuc/?page=1")
    text = _visible_text(response)
    assert "Tin chuyển đổi số" in text
    assert "Số trang không hợp lệ" not in text and "Không có trang này" not in text


def test_search_syntax_is_plain_text(client, data):
    """Quotes and FTS syntax neither fail nor hide a match of the words around them (words are ANDed)."""
    for query in ("tin*", "(tin", "tin)", "%22tin", "tin+%27--", "chuy%E1%BB%83n+%22"):
        response = _get(client, f"/tim-kiem/?q={query}")
        assert response.status_code == 200, query
        assert "Tin chuyển đổi số" in _visible_text(response), query


@pytest.mark.parametrize(
    "path",
    [
        f"/rss/{HUGE}/",
        f"/en/rss/{HUGE}/",
        f"/hoi-dap/cau-hoi/{HUGE}/",
        f"/gop-y-du-thao/{HUGE}/",
        f"/dien-dan/{HUGE}/",
        f"/van-ban/{HUGE}/",
        f"/thu-tuc-hanh-chinh/{HUGE}/",
        f"/danh-ba/lanh-dao/{HUGE}/",
        "/tin-tuc/%FF/",
        "/tin-tuc/%00/",
    ],
)
def test_impossible_ids_in_the_path_are_not_found(client, data, path):
    assert _get(client, path).status_code == 404


API_LISTS = {
    "/api/v1/articles/": ["q", "section", "topic", "date_from", "date_to", "featured", "kind", "lang"],
    "/api/v1/legal-documents/": ["q", "number", "issuing_body", "form", "field", "year", "status", "sort"],
    "/api/v1/procedures/": ["q", "field", "level", "service_level", "code"],
    "/api/v1/officials/": ["q", "unit", "leaders_only"],
    "/api/v1/schedules/": ["week", "leader"],
    "/api/v1/sites/": ["kind"],
    "/api/v1/citizen/questions/": ["q", "field"],
    "/api/v1/citizen/drafts/": [],
}


def _assert_api_answer(response, url):
    assert response.status_code < 500, f"{response.status_code} for {url[:120]}"
    assert response["Content-Type"].startswith("application/json"), url[:120]
    body = json.loads(response.content)
    if response.status_code >= 400:
        assert body.get("detail"), url[:120]


@pytest.mark.parametrize("endpoint", list(API_LISTS))
def test_api_answers_json_never_500(client, data, endpoint):
    for param in [*API_LISTS[endpoint], "page", "page_size", "khong-co"]:
        for value in ALL_VALUES:
            url = f"{endpoint}?{param}={value}"
            _assert_api_answer(_get(client, url), url)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles/?page=" + HUGE,
        "/api/v1/articles/?page=0",
        "/api/v1/articles/?page=abc",
        "/api/v1/articles/?date_from=2024-13-45",
        "/api/v1/articles/?date_from=0001-01-01",
        "/api/v1/articles/?date_to=9999-12-31",
        "/api/v1/articles/?section=" + HUGE,
        "/api/v1/articles/?topic=-1",
        "/api/v1/articles/?q=%00",
        "/api/v1/articles/" + HUGE,
        "/api/v1/legal-documents/?year=99999",
        "/api/v1/legal-documents/?status=abc",
        "/api/v1/legal-documents/" + HUGE,
        "/api/v1/procedures/?level=abc",
        "/api/v1/procedures/" + HUGE,
        "/api/v1/officials/?unit=" + HUGE,
        "/api/v1/schedules/?week=2024-W99",
        "/api/v1/citizen/questions/?field=" + HUGE,
        "/api/v1/sites/?page=" + HUGE,
        "/api/v1/khong-co/",
    ],
)
def test_api_rejects_bad_values_with_a_json_message(client, data, url):
    response = _get(client, url)
    assert 400 <= response.status_code < 500, url
    _assert_api_answer(response, url)


def test_api_article_search_treats_syntax_as_text(client, data):
    for query in ("%22unclosed", "AND+OR+NOT", "NEAR(tin", "tin*"):
        response = _get(client, f"/api/v1/articles/?q={query}")
        assert response.status_code == 200, query
    titles = [a["title"] for a in json.loads(_get(client, "/api/v1/articles/?q=%22tin").content)["items"]]
    assert titles == ["Tin chuyển đổi số"]
