import pytest
from django.utils import translation

from congtt.network.models import SiteKind
from congtt.network.services import SiteRequest, create_site


@pytest.fixture(autouse=True)
def vietnamese_by_default():
    """Each test starts in Vietnamese: a request to /en/ must not leak its language into the next test."""
    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture
def kinds(db):
    return {kind.code: kind for kind in SiteKind.objects.all()}


@pytest.fixture
def portal(kinds):
    return create_site(
        SiteRequest(
            agency_name="Cổng thông tin điện tử tỉnh Lạng Sơn",
            kind=kinds["province"],
            hostname="langson.localhost",
            governing_body="Ủy ban nhân dân tỉnh Lạng Sơn",
            contact={
                "address": "Số 2 đường Hùng Vương, Lạng Sơn",
                "phone": "0205 3812 606",
                "email": "congttdt@langson.gov.vn",
                "responsible_person": "Nguyễn Văn A",
                "hotline": "0205 3812 000",
            },
        ),
        port=80,
    )


@pytest.fixture
def department(portal, kinds):
    return create_site(
        SiteRequest(agency_name="Sở Khoa học và Công nghệ", kind=kinds["department"], parent=portal), port=80
    )


@pytest.fixture
def district(portal, kinds):
    return create_site(
        SiteRequest(agency_name="Huyện Cao Lộc", kind=kinds["district"], parent=portal), port=80
    )


@pytest.fixture
def commune(district, kinds):
    return create_site(
        SiteRequest(agency_name="Xã Song Giáp", kind=kinds["commune"], parent=district), port=80
    )
