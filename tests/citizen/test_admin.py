from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from congtt.citizen.models import Case

from .conftest import new_case, run_to

pytestmark = pytest.mark.django_db
A = f"/{settings.ADMIN_PATH}"


@pytest.fixture
def two_cases(department, portal):
    return new_case(department.site, title="Câu hỏi của Sở KH&CN"), new_case(
        portal.site, title="Câu hỏi của cổng tỉnh"
    )


def test_case_list_scoped_to_users_sites(client, board, portal_board, two_cases):
    client.force_login(board)
    html = client.get(f"{A}/citizen/cases/").content.decode()
    assert "Câu hỏi của Sở KH&amp;CN" in html and "Câu hỏi của cổng tỉnh" not in html
    client.force_login(portal_board)
    html = client.get(f"{A}/citizen/cases/").content.decode()
    assert "Câu hỏi của cổng tỉnh" in html and "Sở KH&amp;CN" not in html


def test_process_view_forward_and_refusals(client, board, unit, two_cases):
    own, foreign = two_cases
    client.force_login(board)
    page = client.get(f"{A}/citizen/cases/{own.pk}/xu-ly/")
    assert page.status_code == 200 and "Chuyển đơn vị xử lý" in page.content.decode()
    response = client.post(
        f"{A}/citizen/cases/{own.pk}/xu-ly/",
        {"action": "forward", "unit": unit.pk, "deadline_class": "competence"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.state == "forwarded" and own.events.last().actor == board
    # an action not allowed in this state changes nothing
    client.post(f"{A}/citizen/cases/{own.pk}/xu-ly/", {"action": "publish"})
    assert Case.objects.get(pk=own.pk).state == "forwarded"
    # other site's case: refused
    refused = client.get(f"{A}/citizen/cases/{foreign.pk}/xu-ly/")
    assert refused.status_code in (302, 403) and foreign.title not in refused.content.decode()
    client.post(
        f"{A}/citizen/cases/{foreign.pk}/xu-ly/", {"action": "reject", "reason": "complaint", "notice": "x"}
    )
    assert Case.objects.get(pk=foreign.pk).state == "received"
    assert client.get(f"{A}/citizen/cases/edit/{foreign.pk}/").status_code in (302, 403)


def test_process_view_shows_vietnamese_error(client, board, two_cases):
    own, _ = two_cases
    client.force_login(board)
    response = client.post(
        f"{A}/citizen/cases/{own.pk}/xu-ly/",
        {"action": "reject", "reason": "complaint", "notice": ""},
        follow=True,
    )
    assert (
        "Trường này là bắt buộc" in response.content.decode()
        or "Hãy nhập thông báo" in response.content.decode()
    )
    assert Case.objects.get(pk=own.pk).state == "received"


def test_officer_sees_and_drafts_assigned_case(client, board, unit, officer, two_cases):
    own, _ = two_cases
    run_to(own, "forwarded", board, unit, officer)
    client.force_login(officer)
    response = client.post(
        f"{A}/citizen/cases/{own.pk}/xu-ly/", {"action": "draft_answer", "text": "Trả lời của đơn vị."}
    )
    assert response.status_code == 302
    assert Case.objects.get(pk=own.pk).state == "answer_drafted"
    client.post(f"{A}/citizen/cases/{own.pk}/xu-ly/", {"action": "approve_answer"})
    assert Case.objects.get(pk=own.pk).state == "answer_drafted"


def test_staff_registers_paper_case(client, board, department, portal):
    client.force_login(board)
    data = {
        "site": department.site.pk,
        "kind": "petition",
        "channel": "paper",
        "asker_name": "Triệu Thị Lan",
        "asker_email": "lan@example.vn",
        "asker_phone": "",
        "asker_address": "Cao Lộc",
        "name_display": "anonymous",
        "title": "Phản ánh đèn tín hiệu hỏng",
        "question": "Đèn tín hiệu tại ngã tư Phai Vệ hỏng.",
        "consent": "on",
    }
    response = client.post(f"{A}/citizen/cases/new/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    case = Case.objects.get()
    assert case.channel == "paper" and case.created_by == board and case.events.get().to_state == "received"
    refused = client.post(f"{A}/citizen/cases/new/", {**data, "site": portal.site.pk, "title": "Khác"})
    assert refused.status_code == 200 and Case.objects.count() == 1


def test_attachment_served_only_to_staff_of_site(client, board, portal_board, department):
    from django.core.files.base import ContentFile

    case = new_case(department.site)
    case.attachment.save("a.pdf", ContentFile(b"%PDF-1.4 hello"))
    client.force_login(board)
    response = client.get(f"{A}/citizen/cases/{case.pk}/tep/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(portal_board)
    refused = client.get(f"{A}/citizen/cases/{case.pk}/tep/")
    assert refused.status_code in (302, 403) and not refused.get("Content-Disposition")
    client.logout()
    assert client.get(f"{A}/citizen/cases/{case.pk}/tep/").status_code == 302
    case.attachment.delete(save=False)


def test_overdue_filter_and_dashboard(client, board, unit, officer, department):
    late = new_case(department.site, title="Hồ sơ quá hạn")
    run_to(late, "forwarded", board, unit, officer)
    Case.objects.filter(pk=late.pk).update(due_date=timezone.localdate() - timedelta(days=3))
    fresh = new_case(department.site, title="Hồ sơ còn hạn")
    run_to(fresh, "forwarded", board, unit, officer)
    client.force_login(board)
    html = client.get(f"{A}/citizen/cases/?overdue=true").content.decode()
    assert "Hồ sơ quá hạn" in html and "Hồ sơ còn hạn" not in html
    home = client.get(f"{A}/").content.decode()
    assert "Hỏi đáp, phản ánh: hạn trả lời" in home and late.code in home


def test_digest_view_scoped(client, board, department, portal):
    from congtt.citizen.models import Rating

    Rating.objects.create(
        site=department.site, interface=5, content=5, quality=5, support=5, comment="Ý kiến Sở"
    )
    Rating.objects.create(
        site=portal.site, interface=1, content=1, quality=1, support=1, comment="Ý kiến tỉnh"
    )
    client.force_login(board)
    html = client.get(f"{A}/citizen/y-kien/").content.decode()
    assert "Ý kiến Sở" in html and "Ý kiến tỉnh" not in html


def test_admin_screens_render(client, board, unit, department):
    from congtt.citizen.models import Draft, DraftComment, Post, Rating, Topic

    today = timezone.localdate()
    draft = Draft.objects.create(site=department.site, title="Dự thảo", opens_on=today, closes_on=today)
    comment = DraftComment.objects.create(draft=draft, name="A", email="a@b.vn", text="góp ý")
    topic = Topic.objects.create(site=department.site, title="Chủ đề")
    post = Post.objects.create(topic=topic, name="B", email="b@b.vn", text="bài")
    Rating.objects.create(site=department.site, interface=4, content=4, quality=4, support=4, comment="Tốt")
    case = new_case(department.site)
    client.force_login(board)
    paths = [
        "/citizen/cases/",
        "/citizen/cases/new/",
        f"/citizen/cases/edit/{case.pk}/",
        "/citizen/units/",
        "/citizen/units/new/",
        "/citizen/fields/new/",
        "/citizen/drafts/",
        "/citizen/drafts/new/",
        f"/citizen/drafts/edit/{draft.pk}/",
        "/citizen/comments/",
        f"/citizen/comments/edit/{comment.pk}/",
        "/citizen/topics/",
        "/citizen/topics/new/",
        "/citizen/posts/",
        f"/citizen/posts/edit/{post.pk}/",
        "/citizen/ratings/",
        "/citizen/y-kien/?tu=2020-01-01&den=xyz",
    ]
    for path in paths:
        response = client.get(A + path)
        assert response.status_code == 200, path
    # moderation through the edit form
    response = client.post(
        f"{A}/citizen/posts/edit/{post.pk}/", {"status": "approved", "name": "B", "text": "bài"}
    )
    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).status == "approved"
