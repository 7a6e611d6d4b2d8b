"""The demo data loads realistic records and a second run changes nothing."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from congtt.directory import demo as directory_demo
from congtt.directory.models import Official, ScheduleEntry, Unit
from congtt.disclosures import demo as disclosures_demo
from congtt.disclosures.models import DisclosurePage

pytestmark = pytest.mark.django_db


def test_demo_is_realistic_and_idempotent(portal, department):
    assert directory_demo.load() > 0
    assert disclosures_demo.load() > 0
    assert Official.objects.count() >= 24
    assert Official.objects.filter(is_spokesperson=True).exists()
    assert Official.objects.filter(is_leader=True).exclude(biography="").count() >= 4
    assert not Official.objects.filter(is_leader=True, photo__isnull=True).exists()
    assert not Unit.objects.filter(site=portal.site).filter(Q(functions_en="") | Q(functions_zh="")).exists()
    assert ScheduleEntry.objects.filter(site=department.site).count() == 12
    assert set(DisclosurePage.objects.values_list("kind", flat=True)) >= {
        "plan",
        "investment",
        "procurement",
        "budget",
        "statistics",
        "science",
        "epidemic",
        "clarification",
        "tourism",
        "index",
    }
    with CaptureQueriesContext(connection) as ctx:
        assert directory_demo.load() == 0
        assert disclosures_demo.load() == 0
    writes = [q["sql"] for q in ctx.captured_queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []


def test_demo_foreign_editions_carry_organisation_functions_and_contacts(client, portal, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    directory_demo.load()
    english = client.get("/en/introduction/", HTTP_HOST="langson.localhost").content.decode()
    assert "manages the provincial" in english and "Chức năng, nhiệm vụ" not in english
    assert "ubnd@langson.gov.vn" in english and "0205 3812 606" in english
    chinese = client.get("/zh/introduction/", HTTP_HOST="langson.localhost").content.decode()
    assert "运行省电子信息门户网站" in chinese and "省人民委员会主席" in chinese
    leaders = client.get("/gioi-thieu/", HTTP_HOST="langson.localhost").content.decode()
    assert 'alt="Hồ Tiến Thiệu"' in leaders
