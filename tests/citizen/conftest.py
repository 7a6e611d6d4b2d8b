import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from congtt.citizen import transitions
from congtt.citizen.models import Case, CaseField, ResponsibleUnit
from congtt.network.services import assign_role

DEPT = "sokhcn.langson.localhost"
PORTAL = "langson.localhost"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def make_user(username, site=None, role=None):
    user = get_user_model().objects.create_user(username, f"{username}@example.vn", "x-Password-123456")
    if site is not None:
        assign_role(user, site, role)
    return user


@pytest.fixture
def board(department):
    return make_user("board", department.site, "chief")


@pytest.fixture
def portal_board(portal):
    return make_user("portalboard", portal.site, "chief")


@pytest.fixture
def unit(department):
    return ResponsibleUnit.objects.create(
        site=department.site, name="Phòng Quản lý chuyên ngành", email="qlcn@example.vn"
    )


@pytest.fixture
def officer(department, unit):
    user = make_user("officer", department.site, "officer")
    unit.members.add(user)
    return user


@pytest.fixture
def other_officer(department):
    other = ResponsibleUnit.objects.create(site=department.site, name="Văn phòng Sở")
    user = make_user("otherofficer", department.site, "officer")
    other.members.add(user)
    return user


@pytest.fixture
def field(department):
    return CaseField.objects.create(site=department.site, name="Sở hữu trí tuệ")


def new_case(site, **kwargs):
    values = {
        "site": site,
        "asker_name": "Hoàng Văn Sơn",
        "asker_email": "son@example.vn",
        "asker_phone": "0912345678",
        "asker_address": "Số 9 Lê Lợi, Lạng Sơn",
        "title": "Đăng ký nhãn hiệu tập thể",
        "question": "Hợp tác xã muốn đăng ký nhãn hiệu tập thể thì làm thế nào?",
        "consent": True,
        **kwargs,
    }
    return transitions.register(Case(**values))


@pytest.fixture
def case(department):
    return new_case(department.site)


def run_to(case, state, board, unit, officer):
    """Advance ``case`` along the happy path until ``state``."""
    steps = [
        ("forwarded", lambda: transitions.forward(case, unit, "competence", board)),
        (
            "answer_drafted",
            lambda: transitions.draft_answer(case, "Trả lời: nộp hồ sơ tại Cục SHTT.", officer),
        ),
        ("approved", lambda: transitions.approve_answer(case, board)),
        ("answered", lambda: transitions.send_answer(case, board)),
        ("published", lambda: transitions.publish(case, board)),
    ]
    for name, step in steps:
        step()
        if name == state:
            return case
    return case
