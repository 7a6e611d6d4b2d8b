"""EDT-6: an officer belongs to a directory unit per site; submissions default to it and are limited to it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from congtt.directory.models import Unit
from congtt.editorial import officers
from congtt.editorial.models import OfficerUnit, Submission
from congtt.editorial.views import OfficerUnitViewSet, SubmissionViewSet
from tests.editorial.test_workflow import CONTENT

pytestmark = pytest.mark.django_db


def _form_class(viewset, model):
    return viewset.edit_handler.bind_to_model(model).get_form_class()


@pytest.fixture
def units(board, site_a, site_b):
    science = Unit.objects.create(site=site_a, name="Phòng Quản lý khoa học")
    office = Unit.objects.create(site=site_a, name="Văn phòng Sở")
    culture = Unit.objects.create(site=site_b, name="Phòng Văn hóa huyện")
    OfficerUnit.objects.create(user=board["a"]["officer"], site=site_a, unit=science)
    OfficerUnit.objects.create(user=board["b"]["officer"], site=site_b, unit=culture)
    return {"science": science, "office": office, "culture": culture}


def _data(site, section, **extra):
    return {
        "site": site.pk,
        "title": "Hội thảo khoa học",
        "section": section.pk,
        "content": CONTENT,
        **extra,
    }


def test_new_submission_defaults_to_the_officers_unit(board, units, site_a, news_a):
    SubmissionForm = _form_class(SubmissionViewSet, Submission)  # noqa: N806
    officer = board["a"]["officer"]
    assert SubmissionForm(for_user=officer).initial["unit"] == units["science"].pk
    form = SubmissionForm(_data(site_a, news_a, channel="web", item_type="news"), for_user=officer)
    assert form.is_valid(), form.errors
    submission = form.save()
    assert submission.unit == units["science"] and submission.unit_name == "Phòng Quản lý khoa học"


def test_unit_officer_cannot_file_for_another_unit_but_the_board_can(board, units, site_a, news_a):
    SubmissionForm = _form_class(SubmissionViewSet, Submission)  # noqa: N806
    for extra in ({"unit": units["office"].pk}, {"unit_name": "Sở Tài chính"}):
        form = SubmissionForm(
            _data(site_a, news_a, channel="web", item_type="news", **extra), for_user=board["a"]["officer"]
        )
        assert not form.is_valid()
        assert (
            "Anh/chị chỉ được gửi phiếu cho đơn vị của mình: Phòng Quản lý khoa học." in form.errors["unit"]
        )
    assert not Submission.objects.exists()
    # A board member with a unit of their own may still file for any unit of the site.
    OfficerUnit.objects.create(user=board["a"]["secretary"], site=site_a, unit=units["science"])
    form = SubmissionForm(
        _data(site_a, news_a, channel="web", item_type="news", unit=units["office"].pk),
        for_user=board["a"]["secretary"],
    )
    assert form.is_valid(), form.errors


def test_officer_unit_must_belong_to_the_site(units, board, site_a):
    link = OfficerUnit(user=board["a"]["contributor"], site=site_a, unit=units["culture"])
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert "Đơn vị không thuộc trang đã chọn." in str(error.value)


def test_officer_sees_only_their_units_submissions_on_their_site(board, units, site_a, site_b, client):
    own = Submission.objects.create(site=site_a, title="Của phòng khoa học", unit=units["science"])
    other = Submission.objects.create(site=site_a, title="Của văn phòng", unit=units["office"])
    Submission.objects.create(site=site_b, title="Của huyện", unit=units["culture"])
    visible = officers.visible_submissions(board["a"]["officer"], Submission.objects.filter(site=site_a))
    assert list(visible) == [own]
    # the board of site A sees all of A's
    assert set(
        officers.visible_submissions(board["a"]["secretary"], Submission.objects.filter(site=site_a))
    ) == {
        own,
        other,
    }
    client.force_login(board["a"]["officer"])
    index = client.get(reverse("editorial_submission:index"))
    assert index.status_code == 200
    body = index.content.decode()
    assert "Của phòng khoa học" in body and "Của văn phòng" not in body and "Của huyện" not in body
    assert client.get(reverse("editorial_submission:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("editorial_submission:edit", args=[other.pk])).status_code in (302, 403)


def test_officer_unit_admin_is_scoped_to_the_site(board, units, site_a, site_b, client):
    OfficerUnitForm = _form_class(OfficerUnitViewSet, OfficerUnit)  # noqa: N806
    secretary = board["a"]["secretary"]
    form = OfficerUnitForm(for_user=secretary)
    assert list(form.fields["site"].queryset) == [site_a]
    assert set(form.fields["unit"].queryset) == {units["science"], units["office"]}
    refused = OfficerUnitForm(
        {"site": site_a.pk, "user": board["a"]["contributor"].pk, "unit": units["culture"].pk},
        for_user=secretary,
    )
    assert not refused.is_valid() and "unit" in refused.errors
    client.force_login(secretary)
    assert client.get(reverse("editorial_officer_unit:index")).status_code == 200
    created = client.post(
        reverse("editorial_officer_unit:add"),
        {"site": site_a.pk, "user": board["a"]["contributor"].pk, "unit": units["office"].pk},
    )
    assert created.status_code == 302
    assert officers.unit_of(board["a"]["contributor"], site_a) == units["office"]
    # site B's link is not reachable from site A's secretary; the officer has no access at all
    other = OfficerUnit.objects.get(site=site_b)
    assert client.get(reverse("editorial_officer_unit:edit", args=[other.pk])).status_code in (302, 403)
    client.force_login(board["a"]["officer"])
    assert client.get(reverse("editorial_officer_unit:index")).status_code in (302, 403)
