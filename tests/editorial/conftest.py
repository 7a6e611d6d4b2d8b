import pytest
from django.contrib.auth import get_user_model

from congtt.network.services import assign_role

ROLES = ("chief", "deputy", "secretary", "member", "admin", "contributor", "officer")


def make_user(username, **extra):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@langson.gov.vn", password="mat-khau-dai-123", **extra
    )


@pytest.fixture
def board(department, district):
    """Every role on two sites: board["a"]["member"] is the member of the department site (A)."""
    users = {}
    for key, profile in (("a", department), ("b", district)):
        users[key] = {}
        for role in ROLES:
            user = make_user(f"{role}_{key}")
            assign_role(user, profile.site, role)
            users[key][role] = user
    users["outsider"] = make_user("outsider")
    return users


@pytest.fixture
def site_a(department):
    return department.site


@pytest.fixture
def site_b(district):
    return district.site


@pytest.fixture
def news_a(site_a):
    return site_a.root_page.get_children().get(slug="tin-tuc").specific


@pytest.fixture
def news_b(site_b):
    return site_b.root_page.get_children().get(slug="tin-tuc").specific
