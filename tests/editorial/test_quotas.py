from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from congtt.content.models import ArticlePage
from congtt.editorial import quotas
from congtt.editorial.models import Submission, UnitQuota

pytestmark = pytest.mark.django_db


def published_item(site, section, unit, item_type, when):
    n = Submission.objects.count()
    article = ArticlePage(title=f"{unit} {item_type} {n}", slug=f"tin-{n}")
    section.add_child(instance=article)
    article.save_revision().publish()
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=when)
    Submission.objects.create(
        site=site,
        title=article.title,
        unit_name=unit,
        item_type=item_type,
        status="converted",
        article=article,
    )


def test_week_and_month_bounds():
    assert quotas.week_bounds(date(2026, 11, 26)) == (date(2026, 11, 23), date(2026, 11, 30))
    assert quotas.month_bounds(date(2026, 12, 15)) == (date(2026, 12, 1), date(2027, 1, 1))


def test_units_short_this_week_and_month(site_a, site_b, news_a, news_b):
    today = timezone.localdate()
    now = timezone.now()
    UnitQuota.objects.create(site=site_a, unit_name="Phòng Quản lý khoa học")
    UnitQuota.objects.create(site=site_a, unit_name="Văn phòng Sở", monthly_target=3)
    published_item(site_a, news_a, "Phòng Quản lý khoa học", "news", now)
    published_item(site_a, news_a, "phòng quản lý khoa học ", "article", now)  # spelling differences folded
    published_item(site_a, news_a, "Văn phòng Sở", "news", now)
    published_item(site_b, news_b, "Văn phòng Sở", "article", now)  # another site does not count
    rows = {row.unit_name: row for row in quotas.unit_report(site_a, today)}
    assert not rows["Phòng Quản lý khoa học"].is_short
    office = rows["Văn phòng Sở"]
    assert office.is_short and office.articles_short == 1 and office.news_short == 0
    assert office.month_total == 1 and office.month_short == 2
    assert [row.unit_name for row in quotas.unit_report(site_a, today)][0] == "Văn phòng Sở"  # short first
    # a week later nothing was published this week
    later = quotas.unit_report(site_a, today + timedelta(days=7))
    assert all(row.is_short for row in later)
    month = quotas.site_month(site_a, today, target=5)
    assert month == {"done": 3, "target": 5, "short": 2}


def test_quota_view_is_scoped(client, board, site_a, site_b):
    UnitQuota.objects.create(site=site_a, unit_name="Phòng Quản lý khoa học")
    UnitQuota.objects.create(site=site_b, unit_name="Phòng Văn hóa huyện")
    client.force_login(board["a"]["secretary"])
    page = client.get(reverse("editorial_quotas"), {"site": site_b.pk}).content.decode()
    assert "Phòng Quản lý khoa học" in page and "Phòng Văn hóa huyện" not in page
    assert "Thiếu định mức tuần" in page
    client.force_login(board["a"]["contributor"])
    response = client.get(reverse("editorial_quotas"))
    assert response.status_code in (302, 403)


def _rows(page):
    return [
        name for name in ("Phòng Quản lý khoa học", "Văn phòng Sở", "Phòng Văn hóa huyện") if name in page
    ]


@pytest.fixture
def unit_quotas(site_a, site_b):
    from congtt.directory.models import Unit

    science = Unit.objects.create(site=site_a, name="Phòng Quản lý khoa học")
    office = Unit.objects.create(site=site_a, name="Văn phòng Sở")
    UnitQuota.objects.create(site=site_a, unit=science)
    UnitQuota.objects.create(site=site_a, unit_name="Văn phòng Sở")  # not linked: matched by its name
    UnitQuota.objects.create(site=site_b, unit_name="Phòng Văn hóa huyện")
    return {"science": science, "office": office}


def test_rows_for_unit_own_only_or_own_first(unit_quotas, site_a):
    rows = quotas.unit_report(site_a)
    office = unit_quotas["office"]
    assert [r.unit_name for r in rows] == ["Phòng Quản lý khoa học", "Văn phòng Sở"]
    assert [r.unit_name for r in quotas.rows_for_unit(rows, office, everyone=False)] == ["Văn phòng Sở"]
    everyone = quotas.rows_for_unit(rows, office, everyone=True)
    assert [r.unit_name for r in everyone] == ["Văn phòng Sở", "Phòng Quản lý khoa học"]


def test_an_officer_sees_only_their_unit(client, board, unit_quotas, site_a, site_b):
    from congtt.editorial.models import OfficerUnit

    officer = board["a"]["officer"]
    url = reverse("editorial_quotas")
    client.force_login(officer)
    assert client.get(url).status_code in (302, 403)  # no unit: the officer role alone sees no quota
    OfficerUnit.objects.create(user=officer, site=site_a, unit=unit_quotas["science"])
    page = client.get(url).content.decode()
    assert _rows(page) == ["Phòng Quản lý khoa học"]
    assert "Tất cả đơn vị" not in page  # the officer role may not see every unit
    page = client.get(url, {"don-vi": "tat-ca", "site": site_b.pk}).content.decode()
    assert _rows(page) == ["Phòng Quản lý khoa học"]  # neither another unit nor another site
    assert any("dinh-muc" in item.url for item in _reports_menu(officer))  # the menu leads there


def _reports_menu(user):
    from django.test import RequestFactory
    from wagtail.admin.menu import reports_menu

    request = RequestFactory().get("/")
    request.user = user
    return reports_menu.menu_items_for_request(request)


def test_a_board_member_with_a_unit_sees_it_first_and_may_show_all(client, board, unit_quotas, site_a):
    from congtt.editorial.models import OfficerUnit

    member = board["a"]["member"]
    OfficerUnit.objects.create(user=member, site=site_a, unit=unit_quotas["office"])
    client.force_login(member)
    url = reverse("editorial_quotas")
    page = client.get(url).content.decode()
    assert _rows(page) == ["Văn phòng Sở"] and "Tất cả đơn vị" in page  # own unit by default
    page = client.get(url, {"don-vi": "tat-ca"}).content.decode()
    body = page.split("<tbody>", 1)[1]
    assert body.index("Văn phòng Sở") < body.index("Phòng Quản lý khoa học")  # own row first
    assert "đơn vị của tôi" in body
    client.force_login(board["a"]["secretary"])  # no unit: every unit, as before
    page = client.get(url).content.decode()
    assert _rows(page) == ["Phòng Quản lý khoa học", "Văn phòng Sở"] and "Tất cả đơn vị" not in page
