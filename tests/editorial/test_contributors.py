"""EDT-10: the contributor network — register per site, role-scoped admin, group sync, counts, XLSX export."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from congtt.directory.models import Unit
from congtt.editorial import contributors
from congtt.editorial.models import Contributor, Submission
from congtt.legal.models import Field
from congtt.network.models import SiteRoleGroup
from tests.editorial.conftest import make_user
from tests.editorial.test_quotas import published_item

pytestmark = pytest.mark.django_db


def _in_group(user, site):
    return user.groups.filter(pk=SiteRoleGroup.objects.get(site=site, role="contributor").group_id).exists()


def _data(site, unit, field, **extra):
    data = {
        "site": site.pk,
        "name": "Hoàng Thị Mai",
        "unit": unit.pk,
        "unit_name": "",
        "fields": [field.pk],
        "email": "mai@langson.gov.vn",
        "phone": "0205 3812 345",
        "decision_number": "125/QĐ-STTTT",
        "decision_date": "2026-01-05",
        "starts_on": "2026-01-10",
        "ends_on": "",
        "is_active": "on",
        "notes": "Phụ trách tin nông nghiệp",
    }
    data.update(extra)
    return data


@pytest.fixture
def unit_a(site_a):
    return Unit.objects.create(site=site_a, name="Phòng Kinh tế")


@pytest.fixture
def unit_b(site_b):
    return Unit.objects.create(site=site_b, name="Phòng Văn hóa huyện")


@pytest.fixture
def farming():
    return Field.objects.create(name="Nông nghiệp", slug="nong-nghiep")


@pytest.mark.parametrize("role", ["chief", "deputy", "secretary", "admin"])
def test_board_leaders_add_contributors_of_own_site_only(
    client, board, site_a, site_b, unit_a, unit_b, farming, role
):
    client.force_login(board["a"][role])
    url = reverse("editorial_contributor:add")
    # another site, or a unit of another site: refused with a message, nothing saved
    response = client.post(url, _data(site_b, unit_b, farming))
    assert response.status_code == 200 and not Contributor.objects.exists()
    response = client.post(url, _data(site_a, unit_b, farming))
    assert response.status_code == 200 and not Contributor.objects.exists()
    response = client.post(url, _data(site_a, unit_a, farming, ends_on="2026-01-01"))
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()
    assert client.post(url, _data(site_a, unit_a, farming)).status_code == 302
    mai = Contributor.objects.get()
    assert mai.site == site_a and mai.unit_name == "Phòng Kinh tế" and list(mai.fields.all()) == [farming]
    assert client.get(reverse("editorial_contributor:edit", args=[mai.pk])).status_code == 200


def test_members_only_view_others_are_refused(client, board, site_a, site_b, unit_a, farming):
    mai = Contributor.objects.create(site=site_a, name="Hoàng Thị Mai", unit=unit_a)
    index = reverse("editorial_contributor:index")
    client.force_login(board["a"]["member"])
    assert "Hoàng Thị Mai" in client.get(index).content.decode()
    assert client.get(reverse("editorial_contributor:add")).status_code in (302, 403)
    assert client.get(reverse("editorial_contributor:edit", args=[mai.pk])).status_code in (302, 403)
    client.post(reverse("editorial_contributor:delete", args=[mai.pk]))
    assert Contributor.objects.filter(pk=mai.pk).exists()
    for user in (board["a"]["contributor"], board["a"]["officer"], board["outsider"]):
        client.force_login(user)
        assert client.get(index).status_code in (302, 403)
        assert client.get(reverse("editorial_contributions")).status_code in (302, 403)
    client.force_login(board["b"]["chief"])
    assert "Hoàng Thị Mai" not in client.get(index).content.decode()
    assert client.get(reverse("editorial_contributor:edit", args=[mai.pk])).status_code in (302, 403, 404)
    client.post(reverse("editorial_contributor:delete", args=[mai.pk]))
    assert Contributor.objects.filter(pk=mai.pk).exists()
    response = client.get(reverse("editorial_contributions"), {"site": site_a.pk})
    assert response.status_code in (302, 403) and "Hoàng Thị Mai" not in response.content.decode()


def test_index_filters_and_search(client, board, site_a, unit_a, unit_b, farming):
    other_unit = Unit.objects.create(site=site_a, name="Phòng Tư pháp")
    mai = Contributor.objects.create(site=site_a, name="Hoàng Thị Mai", unit=unit_a)
    mai.fields.add(farming)
    Contributor.objects.create(site=site_a, name="Lưu Văn Bình", unit=other_unit, is_active=False)
    client.force_login(board["a"]["secretary"])
    index = reverse("editorial_contributor:index")
    page = client.get(index, {"unit": unit_a.pk}).content.decode()
    assert "Hoàng Thị Mai" in page and "Lưu Văn Bình" not in page
    assert "Phòng Tư pháp" in page and "Phòng Văn hóa huyện" not in page  # only own site's units offered
    page = client.get(index, {"is_active": "false"}).content.decode()
    assert "Lưu Văn Bình" in page and "Hoàng Thị Mai" not in page
    page = client.get(index, {"fields": farming.pk}).content.decode()
    assert "Hoàng Thị Mai" in page and "Lưu Văn Bình" not in page
    page = client.get(index, {"q": "Bình"}).content.decode()
    assert "Lưu Văn Bình" in page and "Hoàng Thị Mai" not in page


def test_model_rules(site_a, site_b, unit_a, unit_b):
    with pytest.raises(ValidationError, match="Đơn vị không thuộc trang đã chọn."):
        Contributor(site=site_a, name="A", unit=unit_b).full_clean()
    with pytest.raises(ValidationError, match="Hãy chọn đơn vị hoặc ghi tên đơn vị."):
        Contributor(site=site_a, name="A").full_clean()
    user = make_user("ctv_trung")
    Contributor.objects.create(site=site_a, name="A", unit=unit_a, user=user)
    with pytest.raises(ValidationError, match="Tài khoản này đã có trong danh sách"):
        Contributor(site=site_a, name="B", unit=unit_a, user=user).full_clean()
    Contributor(site=site_b, name="B", unit=unit_b, user=user).full_clean()  # another site's register may


def test_group_follows_active_flag_and_end_date_and_is_logged(client, board, site_a, site_b, unit_a, farming):
    person = make_user("ctv_mai")
    client.force_login(board["a"]["chief"])
    url = reverse("editorial_contributor:add")
    assert client.post(url, _data(site_a, unit_a, farming, user=person.pk)).status_code == 302
    mai = Contributor.objects.get()
    assert _in_group(person, site_a) and not _in_group(person, site_b)
    entry = ModelLogEntry.objects.get(action="editorial.contributor_grant")
    assert entry.user == board["a"]["chief"] and entry.data["user"] == "ctv_mai"
    data = _data(site_a, unit_a, farming, user=person.pk)
    data.pop("is_active")
    assert client.post(reverse("editorial_contributor:edit", args=[mai.pk]), data).status_code == 302
    assert not _in_group(person, site_a)
    assert ModelLogEntry.objects.filter(action="editorial.contributor_revoke").count() == 1
    # re-activated with a term ending yesterday: no group; the daily job keeps it that way
    mai.refresh_from_db()
    mai.is_active = True
    mai.ends_on = timezone.localdate() - timedelta(days=1)
    mai.save()
    assert contributors.sync_group(mai) is None and not _in_group(person, site_a)
    mai.ends_on = timezone.localdate() + timedelta(days=30)
    mai.save()
    assert contributors.sync_all() == 1 and _in_group(person, site_a)
    assert contributors.sync_all(today=mai.ends_on + timedelta(days=1)) == 1 and not _in_group(person, site_a)
    assert contributors.sync_all(today=mai.ends_on + timedelta(days=2)) == 0
    # unlinking the account in the form revokes the old account; deleting the record revokes too
    contributors.sync_group(mai)
    assert _in_group(person, site_a)
    data = _data(site_a, unit_a, farming, user="", ends_on="")
    assert client.post(reverse("editorial_contributor:edit", args=[mai.pk]), data).status_code == 302
    assert not _in_group(person, site_a)
    mai.refresh_from_db()
    mai.user = person
    mai.save()
    contributors.sync_group(mai)
    assert _in_group(person, site_a)
    mai.delete()
    assert not _in_group(person, site_a)


def test_counts_over_a_period_and_xlsx_export(client, board, site_a, site_b, unit_a, news_a, news_b, farming):
    person = make_user("ctv_binh")
    binh = Contributor.objects.create(
        site=site_a, name="Lưu Văn Bình", unit=unit_a, user=person, decision_number="=cmd|' /C calc'!A0"
    )
    binh.fields.add(farming)
    Contributor.objects.create(site=site_a, name="Hoàng Thị Mai", unit=unit_a, is_active=False)
    now = timezone.now()
    Submission.objects.create(site=site_a, title="Gửi qua tài khoản", officer=person)
    Submission.objects.create(site=site_a, title="Ghi tên tác giả", authors="Nguyễn An, Lưu Văn Bình")
    Submission.objects.create(site=site_b, title="Trang khác", authors="Lưu Văn Bình")  # another site
    old = Submission.objects.create(site=site_a, title="Năm ngoái", officer=person)
    Submission.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=400))
    published_item(site_a, news_a, "Phòng Kinh tế", "news", now)
    Submission.objects.filter(article__isnull=False).update(authors="Lưu Văn Bình")
    today = timezone.localdate()
    start = today - timedelta(days=30)
    rows = {r.contributor.name: r for r in contributors.contribution_rows(site_a, start, today)}
    assert (rows["Lưu Văn Bình"].submitted, rows["Lưu Văn Bình"].published) == (3, 1)
    assert (rows["Hoàng Thị Mai"].submitted, rows["Hoàng Thị Mai"].published) == (0, 0)

    client.force_login(board["a"]["member"])  # members may see the counts and export
    url = reverse("editorial_contributions")
    page = client.get(url, {"tu": start.isoformat(), "den": today.isoformat()}).content.decode()
    assert "Lưu Văn Bình" in page and "Hoàng Thị Mai" in page
    page = client.get(url, {"tu": "31/12/2026"}).content.decode()
    assert "Ngày không hợp lệ" in page
    response = client.get(
        url,
        {
            "site": site_a.pk,
            "tu": start.isoformat(),
            "den": today.isoformat(),
            "format": "xlsx",
            "hoat_dong": "1",
        },
    )
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value.startswith("Danh sách cộng tác viên")
    assert [c.value for c in sheet[2]][:4] == ["STT", "Họ và tên", "Đơn vị", "Lĩnh vực phụ trách"]
    values = [c.value for c in sheet[3]]
    assert values[1] == "Lưu Văn Bình" and values[2] == "Phòng Kinh tế" and values[3] == "Nông nghiệp"
    assert values[6].startswith("'=")  # formula neutralised
    assert values[10] == "Có" and values[11] == 3 and values[12] == 1
    assert sheet.max_row == 3  # the inactive contributor is left out when "hoat_dong" is set


def test_period_defaults_to_this_year():
    from django.test import RequestFactory

    from congtt.editorial.views import _period

    today = timezone.localdate()
    start, end, errors = _period(RequestFactory().get("/"))
    assert (start, end, errors) == (date(today.year, 1, 1), today, [])
    start, end, errors = _period(RequestFactory().get("/", {"tu": "2026-05-01", "den": "2026-04-01"}))
    assert errors == ["Ngày kết thúc phải sau ngày bắt đầu."]


def test_author_names_are_whole_entries():
    from congtt.editorial import rules

    assert rules.author_list("Lan Anh, Nguyễn Ân;Hoàng  Thị Mai\n") == [
        "Lan Anh",
        "Nguyễn Ân",
        "Hoàng  Thị Mai",
    ]
    decomposed = "Nguye\u0302\u0303n A\u0302n"  # "Nguyễn Ân" typed with combining marks
    assert rules.author_key(decomposed) == rules.author_key("NGUYỄN  ÂN") == "nguyễn ân"
    assert rules.author_key("Nguyễn An") != rules.author_key("Nguyễn Ân")  # diacritics tell people apart


def test_a_short_name_does_not_count_a_longer_one(site_a):
    an = Contributor.objects.create(site=site_a, name="An")
    lan_anh = Contributor.objects.create(site=site_a, name="Lan Anh")
    an_with_tone = Contributor.objects.create(site=site_a, name="Nguyễn Ân")
    Submission.objects.create(site=site_a, title="Một tác giả", authors="Lan Anh")
    Submission.objects.create(
        site=site_a, title="Hai tác giả", authors="lan  anh; Nguye\u0302\u0303n A\u0302n"
    )
    Submission.objects.create(site=site_a, title="Gần giống", authors="Nguyễn An, Anh")
    today = timezone.localdate()
    rows = {r.contributor.pk: r.submitted for r in contributors.contribution_rows(site_a, today, today)}
    assert rows == {an.pk: 0, lan_anh.pk: 2, an_with_tone.pk: 1}
