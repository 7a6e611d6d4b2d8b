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
    vietnamese_only = {pt.name for pt in PAGE_TYPES if pt.editions == ("vi",)}
    assert vietnamese_only == {"disclosures", "disclosure"}  # published in Vietnamese only
    assert all(len(pt.editions) == len(EDITIONS) for pt in PAGE_TYPES if pt.name not in vietnamese_only)
    everywhere = [pt for pt in PAGE_TYPES if pt.sites == SITES and pt.editions == EDITIONS]
    assert sum(len(pt.paths) for pt in everywhere) * len(SITES) * len(EDITIONS) <= listed
    assert {t.host for t in found} == {"langson.localhost", "sokhcn.langson.localhost"}
    assert {t.path for t in found if t.page_type == "home"} == {"/", "/en/", "/zh/"}
    assert {t.status for t in found if t.page_type == "not_found"} == {404}


def test_article_is_followed_from_a_card_title_not_from_the_topic_links():
    import re

    from tests.quality.pages import ARTICLE_CARD
    from tests.quality.run_quality import local_paths

    body = '<nav><a href="/tin-tuc/chuyen-doi-so/">Chuyển đổi số</a></nav><h3><a href="/tin-tuc/hoi-nghi/">Hội nghị</a></h3>'
    assert local_paths(body, "langson.localhost", re.compile(ARTICLE_CARD)) == ["/tin-tuc/hoi-nghi/"]
    assert local_paths(body, "langson.localhost")[0] == "/tin-tuc/chuyen-doi-so/"
