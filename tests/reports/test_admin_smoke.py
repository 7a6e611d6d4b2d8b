"""Every admin screen of royalties/reports renders for a network manager, with Vietnamese labels."""

import datetime as dt

from django.contrib.auth import get_user_model

from congtt.network.services import assign_role
from congtt.reports import scoring
from congtt.reports.models import CriteriaSet, Criterion, ScoringRound
from congtt.royalties import services
from tests.royalties.conftest import make_article, make_frame, make_user


def test_admin_screens_render(client, department, district):
    make_frame(department.site, allowances={"chief": 500_000})
    article = make_article(department, "Tin để chấm", dt.date(2026, 10, 5))
    secretary = make_user("lan", "Vũ Thị", "Lan")
    assign_role(secretary, department.site, "secretary")
    statement = services.generate_statement(department.site, 2026, 10, secretary)
    cs = CriteriaSet.objects.create(name="Bộ tiêu chí", year=2026)
    Criterion.objects.create(criteria_set=cs, name="Giao diện", weight=40, measure="manual")
    rnd = ScoringRound.objects.create(
        criteria_set=cs, name="Đợt 1", start=dt.date(2026, 1, 1), end=dt.date(2026, 10, 31)
    )
    scoring.compute_round(rnd)
    root = get_user_model().objects.create_superuser("root", "root@example.com", "mat-khau-rat-dai-123")
    client.force_login(root)
    pages = {
        "/quan-tri/royalties/frames/": "Khung nhuận bút",
        "/quan-tri/royalties/frames/new/": "Thể loại và khung hệ số",
        f"/quan-tri/royalties/grading/{article.pk}/": "Người hưởng nhuận bút",
        f"/quan-tri/royalties/statements/{statement.pk}/": "Trình Trưởng ban",
        "/quan-tri/reports/": "Toàn tỉnh (tổng hợp)",
        "/quan-tri/reports/scoring/": "Tạo đợt chấm điểm",
        f"/quan-tri/reports/scoring/{rnd.pk}/": "Nhập điểm tiêu chí chấm tay",
        "/quan-tri/reports/criteria/new/": "Tiêu chí",
        "/quan-tri/reports/access-settings/": "thống kê",
        "/quan-tri/": "/quan-tri/royalties/statements/",  # the menu (sidebar data) links the screens
    }
    for url, text in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url
    response = client.post(
        f"/quan-tri/reports/scoring/{rnd.pk}/",
        {"site": district.site.pk, "criterion": Criterion.objects.get().pk, "score": "50"},
    )
    assert response.status_code == 302
    assert not rnd.scores.filter(site=district.site, score__gt=0).exists()  # 50 > 40 refused
    client.post(
        f"/quan-tri/reports/scoring/{rnd.pk}/",
        {"site": district.site.pk, "criterion": Criterion.objects.get().pk, "score": "35"},
    )
    assert rnd.scores.get(site=district.site).score == 35
    export = client.get(f"/quan-tri/reports/scoring/{rnd.pk}/xlsx/")
    assert export.status_code == 200


def test_running_report_page_refreshes_itself_without_javascript(client, department):
    from congtt.reports.models import ReportRun

    run = ReportRun.objects.create(
        site=department.site,
        period="month",
        start=dt.date(2026, 10, 1),
        end=dt.date(2026, 10, 31),
        status=ReportRun.Status.RUNNING,
        progress=40,
        message="Đang tính: Lượt truy cập",
    )
    root = get_user_model().objects.create_superuser("root", "root@example.com", "mat-khau-rat-dai-123")
    client.force_login(root)
    body = client.get(f"/quan-tri/reports/{run.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="3">' in body
    assert 'value="40"' in body and "Đang tính: Lượt truy cập" in body
    assert client.get(f"/quan-tri/reports/{run.pk}/tai/pdf/").status_code == 404  # not finished yet


def test_flush_stats_command(department, capsys):
    from django.core.management import call_command

    from congtt.reports import stats
    from congtt.reports.models import DailySiteStat

    stats.stats_cache().clear()
    stats.record_hit("sokhcn.langson.localhost", "/", "192.0.2.9", "Mozilla/5.0 Firefox/130.0")
    call_command("flush_stats")
    assert "Đã ghi 1 lượt xem" in capsys.readouterr().out
    assert DailySiteStat.objects.get(site=department.site).views == 1
