"""Our two-query rebuild of Wagtail's site root paths gives exactly Wagtail's list."""

import pytest
from wagtail.models import Site

from congtt.pagecache.siteroots import build_site_root_paths, ensure_site_root_paths

pytestmark = pytest.mark.django_db


def test_same_paths_in_the_same_order_as_wagtail(portal, department, commune, django_assert_max_num_queries):
    Site.clear_site_root_paths_cache()
    wagtail_paths = Site.get_site_root_paths()
    assert len(wagtail_paths) == 3 * Site.objects.count()  # vi, en, zh homes of every site
    with django_assert_max_num_queries(2):
        ours = build_site_root_paths()
    assert ours == wagtail_paths


def test_ensure_fills_the_cache_wagtail_reads(portal, department, django_assert_num_queries):
    Site.clear_site_root_paths_cache()
    ensure_site_root_paths()
    with django_assert_num_queries(0):
        paths = Site.get_site_root_paths()
    assert {p.site_id for p in paths} == set(Site.objects.values_list("pk", flat=True))
