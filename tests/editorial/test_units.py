"""EDT-6: submissions and quotas name a directory unit of their site; old free text is matched."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone

from congtt.directory.models import Unit
from congtt.editorial import quotas
from congtt.editorial.models import Submission, UnitQuota
from congtt.editorial.views import UnitQuotaViewSet
from tests.editorial.test_quotas import published_item

pytestmark = pytest.mark.django_db

link_units = import_module("congtt.editorial.migrations.0007_link_units").link_units


def test_migration_links_free_text_to_units_ignoring_accents_and_case(site_a, site_b):
    science = Unit.objects.create(site=site_a, name="Phòng Quản lý khoa học")
    Unit.objects.create(site=site_b, name="Văn phòng Sở")  # another site's unit never matches
    matched = Submission.objects.create(site=site_a, title="Tin 1", unit_name="  phong quan ly  KHOA HOC ")
    outside = Submission.objects.create(site=site_a, title="Tin 2", unit_name="Văn phòng Sở")
    quota = UnitQuota.objects.create(site=site_a, unit_name="PHÒNG QUẢN LÝ KHOA HỌC")
    link_units(apps, None)
    matched.refresh_from_db()
    outside.refresh_from_db()
    quota.refresh_from_db()
    assert matched.unit == science and quota.unit == science
    assert outside.unit is None and outside.unit_name == "Văn phòng Sở"  # kept as an outside unit's label


def test_unit_must_belong_to_the_site_and_quota_needs_a_unit_or_name(site_a, site_b):
    other = Unit.objects.create(site=site_b, name="Phòng Văn hóa huyện")
    with pytest.raises(ValidationError) as error:
        UnitQuota(site=site_a, unit=other).full_clean()
    assert "Đơn vị không thuộc trang đã chọn." in str(error.value)
    with pytest.raises(ValidationError) as error:
        UnitQuota(site=site_a, unit_name="  ").full_clean()
    assert "Hãy chọn đơn vị hoặc ghi tên đơn vị." in str(error.value)


def test_quota_form_offers_only_units_of_the_users_sites(board, site_a, site_b):
    UnitQuotaForm = UnitQuotaViewSet.edit_handler.bind_to_model(UnitQuota).get_form_class()  # noqa: N806
    own = Unit.objects.create(site=site_a, name="Phòng Quản lý khoa học")
    Unit.objects.create(site=site_b, name="Phòng Văn hóa huyện")
    form = UnitQuotaForm(for_user=board["a"]["secretary"])
    assert list(form.fields["unit"].queryset) == [own]
    refused = UnitQuotaForm(
        {
            "site": site_a.pk,
            "unit": Unit.objects.get(site=site_b).pk,
            "weekly_news": 1,
            "weekly_articles": 1,
            "monthly_target": 0,
        },
        for_user=board["a"]["secretary"],
    )
    assert not refused.is_valid() and "unit" in refused.errors
    assert not UnitQuota.objects.exists()


def test_quota_counts_by_unit_even_when_renamed(site_a, news_a):
    unit = Unit.objects.create(site=site_a, name="Phòng Quản lý khoa học")
    quota = UnitQuota.objects.create(site=site_a, unit=unit)
    assert quota.unit_name == "Phòng Quản lý khoa học"
    now = timezone.now()
    published_item(site_a, news_a, "tên cũ", "news", now)
    Submission.objects.filter(unit_name="tên cũ").update(unit=unit)
    published_item(site_a, news_a, "Phòng Quản lý khoa học", "article", now)  # free text, same name
    Unit.objects.filter(pk=unit.pk).update(name="Phòng Khoa học và Công nghệ")
    (row,) = quotas.unit_report(site_a, timezone.localdate())
    assert row.news == 1  # linked by unit, whatever its label said
