"""The demo data loads realistic records and a second run changes nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congtt.directory import demo as directory_demo
from congtt.directory.models import Official, ScheduleEntry
from congtt.disclosures import demo as disclosures_demo
from congtt.disclosures.models import DisclosurePage

pytestmark = pytest.mark.django_db


def test_demo_is_realistic_and_idempotent(portal, department):
    assert directory_demo.load() > 0
    assert disclosures_demo.load() > 0
    assert Official.objects.count() >= 24
    assert Official.objects.filter(is_spokesperson=True).exists()
    assert Official.objects.filter(is_leader=True).exclude(biography="").count() >= 4
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
