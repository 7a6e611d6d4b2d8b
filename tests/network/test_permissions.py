"""Editorial groups are confined to their own site (EDT-1, DESIGN: multi-site is not multi-tenancy)."""

import pytest
from django.contrib.auth import get_user_model

from congtt.network.models import SiteProfile
from congtt.network.roles import ROLES
from congtt.network.scoping import SitePermissionPolicy
from congtt.network.services import assign_role, sites_for_user


@pytest.fixture
def make_user(db):
    def make(username, site=None, role=None):
        user = get_user_model().objects.create_user(
            username, f"{username}@example.vn", "Mat-khau-rat-dai-2024"
        )
        if site is not None:
            assign_role(user, site, role)
        return user

    return make


@pytest.mark.parametrize("role", [r.code for r in ROLES])
def test_role_edits_own_site_only(make_user, department, district, role):
    user = make_user(f"u_{role}", department.site, role)
    own_news = department.site.root_page.get_children().get(slug="tin-tuc")
    other_news = district.site.root_page.get_children().get(slug="tin-tuc")
    assert own_news.permissions_for_user(user).can_add_subpage()
    assert not other_news.permissions_for_user(user).can_add_subpage()
    assert not other_news.permissions_for_user(user).can_edit()
    publish_roles = {"chief", "deputy", "secretary", "admin"}
    assert own_news.permissions_for_user(user).can_publish() is (role in publish_roles)
    assert not other_news.permissions_for_user(user).can_publish()


def test_permissions_cover_foreign_editions(make_user, department):
    user = make_user("editor_en", department.site, "member")
    for home in department.site.root_page.get_translations(inclusive=True):
        assert home.get_children().first().permissions_for_user(user).can_edit()


def test_site_admin_sees_and_changes_only_own_profile(make_user, department, district):
    user = make_user("quantri", department.site, "admin")
    policy = SitePermissionPolicy(SiteProfile)
    assert list(sites_for_user(user)) == [department]
    assert policy.user_has_permission_for_instance(user, "change", department)
    assert not policy.user_has_permission_for_instance(user, "change", district)
    assert list(policy.instances_user_has_any_permission_for(user, ["change"])) == [department]


def test_member_cannot_change_profile(make_user, department):
    user = make_user("thanhvien", department.site, "member")
    assert not SitePermissionPolicy(SiteProfile).user_has_permission_for_instance(user, "change", department)
