from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from congtt.network.models import SiteProfile

pytestmark = pytest.mark.django_db


def test_create_site_command(portal, capsys):
    call_command("create_site", "Sở Ngoại vụ", kind="department", parent="langson.localhost", port=80)
    assert "sonv.langson.localhost" in capsys.readouterr().out
    assert SiteProfile.objects.filter(site__hostname="sonv.langson.localhost").exists()


def test_create_site_dry_run_only_proposes(portal, capsys):
    call_command("create_site", "Huyện Bình Gia", kind="district", parent="langson.localhost", dry_run=True)
    assert capsys.readouterr().out.strip() == "binhgia.langson.localhost"
    assert SiteProfile.objects.count() == 1


def test_create_site_command_errors_are_vietnamese(portal):
    with pytest.raises(CommandError, match="Không có loại trang"):
        call_command("create_site", "X", kind="nope")
    with pytest.raises(CommandError, match="Không tìm thấy trang cấp trên"):
        call_command("create_site", "Sở Y tế", kind="department", parent="nope.localhost")
    with pytest.raises(CommandError, match="chữ cái không dấu"):
        call_command(
            "create_site",
            "Sở Y tế",
            kind="department",
            parent="langson.localhost",
            hostname="SởYT.langson.localhost",
        )


def test_load_demo_is_idempotent(db, settings):
    settings.PORTAL_DOMAIN = "langson.localhost"
    call_command("load_demo")
    first = SiteProfile.objects.count()
    names = set(SiteProfile.objects.values_list("site__hostname", flat=True))
    from congtt.editorial.models import OfficerUnit

    officers = OfficerUnit.objects.count()
    call_command("load_demo")
    assert SiteProfile.objects.count() == first >= 8
    assert OfficerUnit.objects.count() == officers == 3  # the demo unit officers (README), not doubled
    assert {
        "langson.localhost",
        "sokhcn.langson.localhost",
        "caoloc.langson.localhost",
        "binhgia.langson.localhost",
        "songgiap.caoloc.langson.localhost",
        "hongphong.binhgia.langson.localhost",
    } <= names


def test_load_demo_runs_queued_tasks_so_records_are_searchable(client, db, settings):
    """With the database task queue (make run), the index updates saving queued are run at once."""
    from django_tasks_db.models import DBTaskResult

    settings.PORTAL_DOMAIN = "langson.localhost"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker drops connections that are not in autocommit between tasks, as a long-running process
    # should; inside the test's transaction that would close PostgreSQL's connection under the test.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("load_demo")
    assert DBTaskResult.objects.exists()
    assert not DBTaskResult.objects.filter(status="READY").exists()
    from congtt.procedures.models import Procedure

    procedure = Procedure.objects.get(site__hostname="langson.localhost", name="Đăng ký khai sinh")
    body = client.get("/tim-kiem/?q=dang+ky+khai+sinh", HTTP_HOST="langson.localhost").content.decode()
    assert procedure.get_url().split("langson.localhost", 1)[-1].split(":8000", 1)[-1] in body
