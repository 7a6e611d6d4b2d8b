import pytest

from congtt.editorial import demo
from congtt.editorial.models import Contributor, PublicationDeadline, Submission, UnitQuota


@pytest.mark.django_db
def test_demo_is_idempotent(department):
    demo.load()
    counts = (Submission.objects.count(), UnitQuota.objects.count(), PublicationDeadline.objects.count())
    demo.load()
    assert counts == (2, 3, 1)
    assert (
        Submission.objects.count(),
        UnitQuota.objects.count(),
        PublicationDeadline.objects.count(),
    ) == counts
    # 20 working days; 24 November (Ngày Văn hóa Việt Nam, a holiday from 2026) is not counted
    assert PublicationDeadline.objects.get().due_date.isoformat() == "2026-12-15"


@pytest.mark.django_db
def test_demo_contributors(department):
    demo.load()
    demo.load()
    assert Contributor.objects.count() == 3
    assert Contributor.objects.filter(is_active=True).count() == 2
    ended = Contributor.objects.get(is_active=False)
    assert ended.ends_on.isoformat() == "2025-12-31" and not ended.in_service()
    assert {c.site for c in Contributor.objects.all()} == {department.site}


def test_demo_board_meetings_recent_on_the_portal_overdue_on_the_department(portal, department):
    from django.utils import timezone

    from congtt.editorial import meetings
    from congtt.editorial.models import BoardMeeting

    demo.load()
    demo.load()
    today = timezone.localdate()
    assert BoardMeeting.objects.filter(site=portal.site).count() == 1
    assert BoardMeeting.objects.filter(site=department.site).count() == 1
    assert not meetings.status(portal.site).overdue(today)
    old = meetings.status(department.site)
    assert old.overdue(today) and (today - old.last).days > 183


@pytest.mark.django_db
def test_demo_unit_officers(portal, department):
    from django.contrib.auth import authenticate

    from congtt.directory.models import Unit
    from congtt.editorial.models import OfficerUnit
    from congtt.editorial.officers import limited_unit
    from congtt.network.models import SiteRoleGroup

    for site, name in (
        (department.site, "Phòng Quản lý khoa học"),
        (department.site, "Văn phòng Sở"),
        (portal.site, "Trung tâm Thông tin"),
    ):
        Unit.objects.create(site=site, name=name)
    demo.load()
    demo.load()
    links = {
        (o.user.username, o.site_id, o.unit.name) for o in OfficerUnit.objects.select_related("user", "unit")
    }
    assert links == {
        ("canbo.qlkh.sokhcn", department.site.pk, "Phòng Quản lý khoa học"),
        ("canbo.vanphong.sokhcn", department.site.pk, "Văn phòng Sở"),
        ("canbo.ttt.langson", portal.site.pk, "Trung tâm Thông tin"),
    }
    for link in OfficerUnit.objects.select_related("user", "site", "unit"):
        roles = set(SiteRoleGroup.objects.filter(group__user=link.user).values_list("site_id", "role"))
        assert roles == {(link.site_id, "officer")}
        assert authenticate(username=link.user.username, password=demo.DEMO_PASSWORD) == link.user
        assert limited_unit(link.user, link.site) == link.unit  # files for their own unit only
    # the quotas of the department's directory units are linked to them
    assert UnitQuota.objects.get(site=department.site, unit_name="Văn phòng Sở").unit.name == "Văn phòng Sở"


@pytest.mark.django_db
def test_demo_keeps_an_officer_password_changed_later(portal, department):
    from django.contrib.auth import get_user_model

    from congtt.directory.models import Unit

    Unit.objects.create(site=department.site, name="Văn phòng Sở")
    demo.load()
    user = get_user_model().objects.get(username="canbo.vanphong.sokhcn")
    user.set_password("mot-mat-khau-moi-2027")
    user.save()
    demo.load()
    user.refresh_from_db()
    assert user.check_password("mot-mat-khau-moi-2027")
    assert (
        get_user_model().objects.filter(username__startswith="canbo.").count() == 1
    )  # units missing: skipped
