"""The list of pages the quality gates check is built from data (tests/quality/pages.py)."""

from tests.quality.pages import EDITIONS, PAGE_TYPES, SITES, edition_path, targets


def test_edition_paths_use_each_editions_section_slug():
    assert edition_path("vi", "/{news}/?page=2") == "/tin-tuc/?page=2"
    assert edition_path("en", "/{news}/") == "/en/news/"
    assert edition_path("zh", "/{legal}/") == "/zh/legal-documents/"
    assert edition_path("en", "/tim-kiem/?q=a") == "/en/tim-kiem/?q=a"


def test_every_listed_path_is_checked_on_both_sites_and_every_edition():
    found = targets()
    listed = sum(len(pt.paths) * len(pt.sites) * len(pt.editions) for pt in PAGE_TYPES)
    assert len(found) == listed
    assert all(len(pt.editions) == len(EDITIONS) for pt in PAGE_TYPES)
    assert sum(len(pt.paths) for pt in PAGE_TYPES if pt.sites == SITES) * len(SITES) * len(EDITIONS) <= listed
    assert {t.host for t in found} == {"langson.localhost", "sokhcn.langson.localhost"}
    assert {t.path for t in found if t.page_type == "home"} == {"/", "/en/", "/zh/"}
    assert {t.status for t in found if t.page_type == "not_found"} == {404}
