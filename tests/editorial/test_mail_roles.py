import mailbox
from datetime import datetime
from email.message import EmailMessage

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from congtt.editorial.models import Submission
from congtt.editorial.rules import review_due_date
from congtt.editorial.views import due_rows
from congtt.network.models import SiteRoleGroup
from congtt.vntext.legacy import to_tcvn3

from .test_docx import LEGACY, build_docx
from .test_workflow import act, full_path_to_review

pytestmark = pytest.mark.django_db


def build_maildir(path):
    box = mailbox.Maildir(str(path), create=True)
    first = EmailMessage()
    first["From"] = "Phòng Văn hóa <vanhoa@caoloc.gov.vn>"
    first["To"] = "bbt@sokhcn.langson.gov.vn"
    first["Subject"] = "Đề nghị đăng tin hội thảo"
    first["Message-ID"] = "<hoi-thao-1@caoloc.gov.vn>"
    first.set_content("Kính gửi Ban biên tập,\n\nĐề nghị đăng tin hội thảo.\n")
    first.add_attachment(
        build_docx(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="tin-hoi-thao.docx",
    )
    first.add_attachment(b"%PDF-1.4 test", maintype="application", subtype="pdf", filename="giay-moi.pdf")
    first.add_attachment(b"MZ...", maintype="application", subtype="octet-stream", filename="virus.exe")
    box.add(first)
    second = EmailMessage()
    second["From"] = "a@b.vn"
    second["Subject"] = to_tcvn3("Thông báo lịch họp")
    second["Message-ID"] = "<hop-2@b.vn>"
    second.set_content(to_tcvn3(LEGACY))
    box.add(second)
    return box


def test_ingest_mail_creates_submissions_once(tmp_path, site_a, department):
    build_maildir(tmp_path / "mail")
    call_command("ingest_mail", "--site", site_a.hostname, "--maildir", str(tmp_path / "mail"))
    call_command("ingest_mail", "--site", site_a.hostname, "--maildir", str(tmp_path / "mail"))
    assert Submission.objects.count() == 2
    first = Submission.objects.get(message_id="<hoi-thao-1@caoloc.gov.vn>")
    assert first.channel == "email" and first.site == site_a
    assert "Đề nghị đăng tin hội thảo." in first.content
    assert LEGACY in first.content  # the .docx attachment was converted and repaired
    assert sorted(d.title for d in first.attachments.all()) == ["giay-moi.pdf", "tin-hoi-thao.docx"]
    assert first.original_file.filename.endswith(".eml")
    assert all(d.collection_id == department.collection_id for d in first.attachments.all())
    second = Submission.objects.get(message_id="<hop-2@b.vn>")
    assert second.title == "Thông báo lịch họp" and LEGACY in second.content


def test_ingest_mail_unknown_site_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có trang"):
        call_command("ingest_mail", "--site", "khong-co.langson.localhost", "--maildir", str(tmp_path))


def test_site_admin_assigns_and_removes_roles_on_own_site_only(client, board, site_a, site_b):
    newcomer = board["outsider"]
    client.force_login(board["a"]["admin"])
    url = reverse("editorial_roles")
    page = client.get(url).content.decode()
    assert "member_a" in page and "member_b" not in page
    response = client.post(url, {"site": site_a.pk, "user": newcomer.username, "role": "secretary"})
    assert response.status_code == 302
    assert newcomer.groups.filter(site_role__site=site_a, site_role__role="secretary").exists()
    assert ModelLogEntry.objects.filter(action="editorial.assign_role").exists()
    # a role on site B is refused: the admin of A has no right there
    response = client.post(url, {"site": site_b.pk, "user": newcomer.email, "role": "chief"})
    assert response.status_code in (302, 403) and response.get("Location", "/quan-tri/") == "/quan-tri/"
    assert not newcomer.groups.filter(site_role__site=site_b).exists()
    # remove
    client.post(url, {"site": site_a.pk, "user": newcomer.pk, "role": "secretary", "remove": "1"})
    assert not newcomer.groups.filter(site_role__site=site_a).exists()
    # a bad role changes nothing
    response = client.post(url, {"site": site_a.pk, "user": newcomer.username, "role": "king"})
    assert response.status_code == 200 and not newcomer.groups.exists()
    response = client.post(url, {"site": site_a.pk, "user": "khong-co-ai", "role": "member"})
    assert "Không tìm thấy tài khoản" in response.content.decode()


@pytest.mark.parametrize("role", ["chief", "member", "secretary", "contributor"])
def test_only_admins_open_role_assignment(client, board, role):
    client.force_login(board["a"][role])
    response = client.get(reverse("editorial_roles"))
    assert response.status_code in (302, 403) and response.get("Location", "/quan-tri/") == "/quan-tri/"


def test_role_groups_exist_per_site(site_a, site_b):
    assert SiteRoleGroup.objects.filter(site=site_a).count() == 7
    assert SiteRoleGroup.objects.filter(site=site_b).count() == 7


def test_review_due_two_working_days_across_holiday():
    # Thursday 30 April and Friday 1 May 2026 are holidays: started Wednesday 29 April → due Tuesday 5 May.
    started = timezone.make_aware(datetime(2026, 4, 29, 9, 0))
    assert review_due_date(started).isoformat() == "2026-05-05"
    # an ordinary week: Monday → Wednesday
    assert review_due_date(timezone.make_aware(datetime(2026, 3, 2, 9, 0))).isoformat() == "2026-03-04"


def test_dashboard_shows_due_and_overdue_to_the_reviewer(client, board, site_a, news_a):
    _submission, article = full_path_to_review(client, board, site_a, news_a)
    from wagtail.models import TaskState

    TaskState.objects.filter(status="in_progress").update(
        started_at=timezone.now() - timezone.timedelta(days=10)
    )
    rows = due_rows(board["a"]["member"])
    assert [(r["page"].pk, r["state"]) for r in rows] == [(article.pk, "overdue")]
    assert due_rows(board["b"]["member"]) == [] and due_rows(board["a"]["chief"]) == []
    client.force_login(board["a"]["member"])
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tin bài chờ tôi xử lý" in page and "Quá hạn" in page and article.title in page
    act(article, board["a"]["member"], "approve", checklist=True)
    assert [r["step"] for r in due_rows(board["a"]["chief"])] == ["Trưởng ban duyệt"]


def test_dashboard_cost_does_not_grow_with_other_sites_items(client, board, site_a, site_b, news_a, news_b):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from congtt.editorial import services
    from congtt.editorial.models import Submission

    def convert(site, section, title):
        submission = Submission.objects.create(site=site, title=title, section=section, content="<p>x</p>")
        return services.convert_submission(submission, board["a" if site == site_a else "b"]["secretary"])

    convert(site_a, news_a, "Tin A")
    with CaptureQueriesContext(connection) as before:
        due_rows(board["a"]["member"])
    for n in range(4):
        convert(site_b, news_b, f"Tin B {n}")
    member = type(board["a"]["member"]).objects.get(pk=board["a"]["member"].pk)
    with CaptureQueriesContext(connection) as after:
        rows = due_rows(member)
    assert len(rows) == 1
    assert len(after.captured_queries) <= len(before.captured_queries) + 2
