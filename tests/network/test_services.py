"""Creating sites of the network (NET-1, NET-2, NET-5) and their bad inputs."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from congtt.network.models import SiteProfile, SiteRoleGroup
from congtt.network.roles import ROLES
from congtt.network.sections import SECTIONS
from congtt.network.services import SiteRequest, SiteRequestInvalid, create_site, propose_hostname


def test_department_gets_fourth_level_hostname(department):
    assert department.site.hostname == "sokhcn.langson.localhost"
    assert department.parent.site.hostname == "langson.localhost"


def test_commune_sits_under_its_district(commune):
    assert commune.site.hostname == "songgiap.caoloc.langson.localhost"


def test_commune_without_district_sits_under_the_province(portal, kinds):
    profile = create_site(SiteRequest(agency_name="Phường Tam Thanh", kind=kinds["commune"], parent=portal))
    assert profile.site.hostname == "tamthanh.langson.localhost"


def test_proposal_matches_regulation_examples(portal, kinds):
    assert (
        propose_hostname("Sở Khoa học và Công nghệ", kinds["department"], portal)
        == "sokhcn.langson.localhost"
    )
    assert propose_hostname("Huyện Bình Gia", kinds["district"], portal) == "binhgia.langson.localhost"


def test_site_has_standard_tree_in_every_edition(department):
    home = department.site.root_page
    editions = home.get_translations(inclusive=True)
    assert sorted(editions.values_list("locale__language_code", flat=True)) == ["en", "vi", "zh"]
    expected = {section.slugs["vi"] for section in SECTIONS if not section.portal_only}
    for translated in editions:
        assert translated.get_children().live().count() == len(expected)
    vi_slugs = set(home.get_children().values_list("slug", flat=True))
    assert vi_slugs == expected
    standard = {
        "gioi-thieu",
        "tin-tuc",
        "van-ban",
        "thu-tuc-hanh-chinh",
        "hoi-dap",
        "lich-cong-tac",
        "danh-ba",
        "lien-he",
    }
    assert standard <= vi_slugs


def test_site_gets_one_group_per_role(department):
    groups = SiteRoleGroup.objects.filter(site=department.site)
    assert sorted(groups.values_list("role", flat=True)) == sorted(r.code for r in ROLES)
    assert all(g.group.name.endswith("sokhcn.langson.localhost") for g in groups)


def test_only_one_provincial_portal(portal, kinds):
    with pytest.raises(SiteRequestInvalid) as info:
        create_site(
            SiteRequest(agency_name="Cổng thứ hai", kind=kinds["province"], hostname="khac.localhost")
        )
    assert "chỉ được có một cổng tỉnh" in info.value.errors["kind"][0]


@pytest.mark.parametrize(
    "hostname, message",
    [
        ("Sở KHCN.langson.localhost", "chữ cái không dấu"),
        ("-abc.langson.localhost", "gạch ngang"),
        ("abc..langson.localhost", ""),
        ("abc.other.localhost", "trang cấp trên"),
    ],
)
def test_malformed_hostnames_are_rejected_and_change_nothing(portal, kinds, hostname, message):
    before = (Site.objects.count(), Page.objects.count(), Group.objects.count())
    with pytest.raises(SiteRequestInvalid) as info:
        create_site(
            SiteRequest(
                agency_name="Sở Tài chính", kind=kinds["department"], parent=portal, hostname=hostname
            )
        )
    assert info.value.errors["hostname"]
    assert message in " ".join(info.value.errors["hostname"])
    assert (Site.objects.count(), Page.objects.count(), Group.objects.count()) == before


def test_duplicate_hostname_is_rejected(department, kinds):
    with pytest.raises(SiteRequestInvalid) as info:
        create_site(
            SiteRequest(
                agency_name="Sở Khoa học và Công nghệ",
                kind=kinds["department"],
                parent=department.parent,
                hostname="sokhcn.langson.localhost",
            )
        )
    assert "đã được dùng" in info.value.errors["hostname"][0]
    assert SiteProfile.objects.count() == 2


def test_missing_name_and_parent(portal, kinds):
    with pytest.raises(SiteRequestInvalid) as info:
        create_site(SiteRequest(agency_name="  ", kind=kinds["department"], parent=None))
    assert "Hãy nhập tên cơ quan" in info.value.errors["agency_name"][0]
    assert "trang cấp trên" in info.value.errors["parent"][0]


def test_archived_parent_cannot_get_children(district, kinds):
    district.status = SiteProfile.Status.ARCHIVED
    district.save()
    with pytest.raises(SiteRequestInvalid) as info:
        create_site(SiteRequest(agency_name="Xã Thụy Hùng", kind=kinds["commune"], parent=district))
    assert "lưu trữ" in info.value.errors["parent"][0]


def test_names_are_stored_nfc(portal, kinds):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Sở Tài chính")
    profile = create_site(SiteRequest(agency_name=decomposed, kind=kinds["department"], parent=portal))
    profile.refresh_from_db()
    assert profile.agency_name == unicodedata.normalize("NFC", "Sở Tài chính")
    assert profile.site.hostname == "sotc.langson.localhost"


def test_taken_abbreviation_falls_back_to_the_full_name(portal, kinds):
    create_site(SiteRequest(agency_name="Sở Ngoại vụ", kind=kinds["department"], parent=portal))
    assert propose_hostname("Sở Nội vụ", kinds["department"], portal) == "sonoivu.langson.localhost"
