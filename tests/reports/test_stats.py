import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from congtt.reports import stats
from congtt.reports.models import AccessSettings, DailyPageStat, DailySiteStat

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
OTHER_BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1"


@pytest.fixture(autouse=True)
def clean_stats_cache():
    stats.stats_cache().clear()
    yield
    stats.stats_cache().clear()


def hit(client, host, path="/", ua=BROWSER, ip="203.0.113.5", **extra):
    headers = {"HTTP_HOST": host, "REMOTE_ADDR": ip, **extra}
    if ua is not None:
        headers["HTTP_USER_AGENT"] = ua
    return client.get(path, **headers)


@pytest.mark.parametrize(
    "ua",
    [
        None,
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 HeadlessChrome/120.0",
        "facebookexternalhit/1.1",
    ],
)
def test_bots_and_missing_user_agents_are_not_people(ua):
    assert stats.is_bot(ua)


def test_browsers_are_people():
    assert not stats.is_bot(BROWSER)
    assert not stats.is_bot(OTHER_BROWSER)


def test_public_page_views_are_counted_without_any_database_query(client, department):
    hit(client, "sokhcn.langson.localhost")  # warm up Wagtail's own caches
    stats.stats_cache().clear()
    rf = RequestFactory()
    from congtt.reports.middleware import AccessStatsMiddleware

    mw = AccessStatsMiddleware(lambda r: HttpResponse("<p>x</p>", content_type="text/html; charset=utf-8"))
    request = rf.get("/tin-tuc/", HTTP_HOST="sokhcn.langson.localhost", HTTP_USER_AGENT=BROWSER)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            mw(request)
    assert len(queries) == 0
    today = timezone.localdate()
    assert stats.pending("sokhcn.langson.localhost", today) == (1, 5)
    assert stats.pending_path_views("sokhcn.langson.localhost", "/tin-tuc/", today) == 5


def test_real_requests_count_views_and_visits_but_write_nothing(client, department):
    with CaptureQueriesContext(connection) as queries:
        hit(client, "sokhcn.langson.localhost")
        hit(client, "sokhcn.langson.localhost")
        hit(client, "sokhcn.langson.localhost", ua=OTHER_BROWSER, ip="198.51.100.7")
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert DailySiteStat.objects.count() == 0
    assert stats.pending("sokhcn.langson.localhost", timezone.localdate()) == (2, 3)


def test_bots_admin_api_errors_and_non_html_are_not_counted(client, department):
    host = "sokhcn.langson.localhost"
    hit(client, host, ua="Googlebot/2.1")
    hit(client, host, ua=None)
    hit(client, host, path="/quan-tri/")
    hit(client, host, path="/api/v1/articles/")
    hit(client, host, path="/khong-co-trang-nay/")  # 404
    hit(client, host, path="/healthz")
    hit(client, host, path="/", HTTP_SEC_PURPOSE="prefetch")
    client.post("/", HTTP_HOST=host, HTTP_USER_AGENT=BROWSER)
    assert stats.pending(host, timezone.localdate()) == (0, 0)
    hit(client, host)
    assert stats.pending(host, timezone.localdate()) == (1, 1)


def test_visitor_hash_rotates_daily_and_stores_no_address():
    day = datetime.date(2026, 10, 5)
    a = stats.visitor_hash(day, "203.0.113.5", BROWSER, "x")
    assert a == stats.visitor_hash(day, "203.0.113.5", BROWSER, "x")
    assert a != stats.visitor_hash(day + datetime.timedelta(days=1), "203.0.113.5", BROWSER, "x")
    assert "203.0.113.5" not in a


def test_flush_aggregates_per_site_day_and_path(client, portal, department):
    today = timezone.localdate()
    for _ in range(3):
        hit(client, "sokhcn.langson.localhost")
    hit(client, "sokhcn.langson.localhost", path="/gioi-thieu/")
    hit(client, "langson.localhost", ua=OTHER_BROWSER)
    stats.record_hit("sokhcn.langson.localhost", "/", "192.0.2.1", BROWSER, day=today - datetime.timedelta(1))
    result = stats.flush()
    assert result["views"] == 6
    dept = department.site
    assert DailySiteStat.objects.get(site=dept, date=today).views == 4
    assert DailySiteStat.objects.get(site=dept, date=today).visits == 1
    assert DailySiteStat.objects.get(site=dept, date=today - datetime.timedelta(1)).views == 1
    assert DailySiteStat.objects.get(site=portal.site, date=today).views == 1
    assert DailyPageStat.objects.get(site=dept, date=today, path="/").views == 3
    assert DailyPageStat.objects.get(site=dept, date=today, path="/gioi-thieu/").views == 1
    # nothing pending any more; a second flush adds the new views to the same rows (upsert)
    assert stats.pending("sokhcn.langson.localhost", today) == (0, 0)
    hit(client, "sokhcn.langson.localhost")
    stats.flush()
    assert DailyPageStat.objects.get(site=dept, date=today, path="/").views == 4
    assert DailySiteStat.objects.get(site=dept, date=today).views == 5
    assert DailySiteStat.objects.filter(site=dept).count() == 2
    assert stats.flush()["views"] == 0


def test_footer_block_shows_today_month_total_in_one_query(client, department, django_assert_max_num_queries):
    dept = department.site
    today = timezone.localdate()
    DailySiteStat.objects.create(
        site=dept, date=today.replace(day=1) - datetime.timedelta(1), visits=10, views=40
    )
    DailySiteStat.objects.create(site=dept, date=today, visits=2, views=5)
    stats.record_hit("sokhcn.langson.localhost", "/", "192.0.2.1", BROWSER)
    request = RequestFactory().get("/", HTTP_HOST="sokhcn.langson.localhost")
    request.user = None
    from wagtail.models import Site

    Site.find_for_request(request)
    with django_assert_max_num_queries(1):
        summary = stats.site_summary(dept)
    assert summary["today"] == {"visits": 3, "views": 6}
    assert summary["total"] == {"visits": 13, "views": 46}
    assert summary["month"]["views"] == 6  # the previous month's row is not in "this month"
    html = Template('{% include "reports/includes/stats.html" %}').render(Context({"request": request}))
    assert "Thống kê truy cập" in html
    assert "Hôm nay" in html and "Tháng này" in html and "Tổng cộng" in html
    assert "46" in html


def test_page_views_tag_sums_stored_and_buffered(department):
    dept = department.site
    DailyPageStat.objects.create(site=dept, date=datetime.date(2026, 1, 1), path="/tin-tuc/", views=7)
    stats.record_hit("sokhcn.langson.localhost", "/tin-tuc/", "192.0.2.1", BROWSER)
    assert stats.page_views(dept, "/tin-tuc/") == 8


def test_emc_snippet_rendered_only_when_set_and_only_from_allowed_hosts(department, settings):
    settings.EMC_SCRIPT_HOSTS = ["https://f-emc.ngsp.gov.vn"]
    request = RequestFactory().get("/", HTTP_HOST="sokhcn.langson.localhost")
    render = lambda: Template('{% include "reports/includes/stats.html" %}').render(  # noqa: E731
        Context({"request": request})
    )
    assert "<script" not in render()
    bad = AccessSettings(site=department.site, emc_script_url="https://evil.example/x.js", emc_site_id="12")
    with pytest.raises(ValidationError) as exc:
        bad.full_clean()
    assert "máy chủ được phép" in str(exc.value)
    half = AccessSettings(site=department.site, emc_script_url="https://f-emc.ngsp.gov.vn/embed/t.js")
    with pytest.raises(ValidationError):
        half.full_clean()
    good = AccessSettings(
        site=department.site, emc_script_url="https://f-emc.ngsp.gov.vn/embed/t.js", emc_site_id="1234"
    )
    good.full_clean()
    good.save()
    from django.core.cache import cache

    cache.clear()
    html = render()
    assert '<script src="https://f-emc.ngsp.gov.vn/embed/t.js" async></script>' in html
    assert 'data-site-id="1234"' in html
    assert "_govaq" not in html  # no inline script: the queue is set up by a static file


def test_access_settings_admin_is_scoped_per_site(client, department, district, settings):
    from django.contrib.auth import get_user_model

    from congtt.network.services import assign_role

    settings.EMC_SCRIPT_HOSTS = ["https://f-emc.ngsp.gov.vn"]
    admin = get_user_model().objects.create_user("qt", password="mat-khau-rat-dai-123")
    assign_role(admin, department.site, "admin")
    other = AccessSettings.objects.create(site=district.site, emc_site_id="", show_public_stats=True)
    client.force_login(admin)
    add = client.get("/quan-tri/reports/access-settings/new/")
    assert add.status_code == 200
    body = add.content.decode()
    assert f'value="{department.site.pk}"' in body and f'value="{district.site.pk}"' not in body
    refused = client.post(
        "/quan-tri/reports/access-settings/new/",
        {"site": department.site.pk, "emc_script_url": "https://evil.example/t.js", "emc_site_id": "1"},
    )
    assert "máy chủ được phép" in refused.content.decode()
    assert not AccessSettings.objects.filter(site=department.site).exists()
    client.post(
        "/quan-tri/reports/access-settings/new/",
        {
            "site": department.site.pk,
            "emc_script_url": "https://f-emc.ngsp.gov.vn/embed/t.js",
            "emc_site_id": "77",
            "show_public_stats": "on",
        },
    )
    assert AccessSettings.objects.get(site=department.site).emc_site_id == "77"
    listing = client.get("/quan-tri/reports/access-settings/").content.decode()
    assert f"/quan-tri/reports/access-settings/edit/{other.pk}/" not in listing
    assert client.get(f"/quan-tri/reports/access-settings/edit/{other.pk}/").status_code in (302, 403, 404)


def test_footer_block_costs_one_query_cold_and_none_warm(
    department, django_assert_num_queries, django_assert_max_num_queries
):
    from wagtail.models import Site

    request = RequestFactory().get("/", HTTP_HOST="sokhcn.langson.localhost")
    Site.find_for_request(request)
    template = Template('{% include "reports/includes/stats.html" %}')
    AccessSettings.objects.create(site=department.site, show_public_stats=True)
    stats.stats_cache().clear()
    with django_assert_max_num_queries(1):  # cold: sums and settings in one query
        template.render(Context({"request": request}))
    request2 = RequestFactory().get("/", HTTP_HOST="sokhcn.langson.localhost")
    request2._wagtail_site = request._wagtail_site
    with django_assert_num_queries(0):
        html = template.render(Context({"request": request2}))
    assert "Thống kê truy cập" in html


def test_page_cache_hits_are_counted_too(client, department, settings):
    from django.core.cache import cache

    from congtt.pagecache import middleware as pagecache

    settings.PAGECACHE_SECONDS = 600
    cache.clear()
    pagecache._site_memo.clear()
    try:
        mw = settings.MIDDLEWARE
        assert mw.index("congtt.reports.middleware.AccessStatsMiddleware") < mw.index(
            "congtt.pagecache.middleware.PageCacheFetchMiddleware"
        )
        first = hit(client, "sokhcn.langson.localhost", path="/tin-tuc/")
        with CaptureQueriesContext(connection) as queries:
            second = hit(
                client, "sokhcn.langson.localhost", path="/tin-tuc/", ua=OTHER_BROWSER, ip="198.51.100.9"
            )
        assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
        assert len(queries) == 0  # a counted cache hit still costs no query
        today = timezone.localdate()
        assert stats.pending_path_views("sokhcn.langson.localhost", "/tin-tuc/", today) == 2
        assert stats.pending("sokhcn.langson.localhost", today) == (2, 2)
    finally:
        cache.clear()
        pagecache._site_memo.clear()


def test_flush_job_is_scheduled():
    from congtt.ops import scheduler

    assert scheduler.REGISTRY["flush_stats"].func is stats.flush_job


def test_page_views_include_shows_this_pages_total(department):
    DailyPageStat.objects.create(
        site=department.site, date=datetime.date(2026, 9, 1), path="/tin-tuc/", views=1234
    )
    stats.record_hit("sokhcn.langson.localhost", "/tin-tuc/", "192.0.2.1", BROWSER)
    request = RequestFactory().get("/tin-tuc/", HTTP_HOST="sokhcn.langson.localhost")
    html = Template('{% include "reports/includes/page_views.html" %}').render(Context({"request": request}))
    assert "Lượt xem: 1.235" in html


def test_site_can_hide_the_public_block(department):
    settings_row = AccessSettings.objects.create(site=department.site, show_public_stats=False)
    request = RequestFactory().get("/", HTTP_HOST="sokhcn.langson.localhost")
    template = Template('{% include "reports/includes/stats.html" %}')
    assert "Thống kê truy cập" not in template.render(Context({"request": request}))
    settings_row.show_public_stats = True
    settings_row.save()  # the cached summary is dropped on save
    assert "Thống kê truy cập" in template.render(Context({"request": request}))
