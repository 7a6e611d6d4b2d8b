"""The board's path: submission → draft article → field review → chief approval → publish (EDT-2…EDT-5)."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState

from congtt.content.models import ArticlePage
from congtt.editorial import services
from congtt.editorial.models import Decision, Delegation, Submission
from congtt.editorial.workflow import setup_site_workflow

pytestmark = pytest.mark.django_db

CONTENT = json.dumps(
    {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "text": "Sáng nay, Sở tổ chức hội nghị.",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
)


def submission_data(site, section, **extra):
    data = {
        "site": site.pk,
        "title": "Hội nghị tổng kết công tác khoa học năm 2026",
        "section": section.pk,
        "summary": "Tóm tắt",
        "content": CONTENT,
        "authors": "Nguyễn Văn Bình, Hoàng Thị Lan",
        "source": "Sở KH&CN",
        "unit_name": "Phòng Quản lý khoa học",
        "channel": "web",
        "item_type": "news",
        "sender": "",
    }
    data.update(extra)
    return data


def new_submission(site, section, **extra):
    return Submission.objects.create(
        site=site,
        title=extra.pop("title", "Hội nghị tổng kết"),
        section=section,
        content="<p>Nội dung tin.</p>",
        authors="Nguyễn Văn Bình",
        unit_name="Phòng Quản lý khoa học",
        **extra,
    )


def current_state(article):
    return (
        TaskState.objects.filter(
            workflow_state__object_id=str(article.pk), status=TaskState.STATUS_IN_PROGRESS
        )
        .get()
        .specific
    )


def act(article, user, action, **kwargs):
    state = current_state(article)
    state.task.specific.on_action(state, user, action, **kwargs)


@pytest.mark.parametrize("role", ["contributor", "officer"])
def test_contributor_files_submission_on_own_site_only(client, board, site_a, site_b, news_a, news_b, role):
    client.force_login(board["a"][role])
    response = client.post(reverse("editorial_submission:add"), submission_data(site_a, news_a))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    submission = Submission.objects.get()
    assert submission.site == site_a and submission.created_by == board["a"][role]
    assert "Sáng nay" in submission.content
    # site B or a section of site B is refused, with a message, nothing stored
    response = client.post(reverse("editorial_submission:add"), submission_data(site_b, news_b, title="Khác"))
    assert response.status_code == 200 and Submission.objects.count() == 1
    response = client.post(reverse("editorial_submission:add"), submission_data(site_a, news_b, title="Khác"))
    assert response.status_code == 200
    assert (
        "Chuyên mục không thuộc trang" in response.content.decode()
        or response.context["form"].errors["section"]
    )
    assert Submission.objects.count() == 1


def test_submission_lists_and_edit_are_scoped_per_site(client, board, site_a, site_b, news_a, news_b):
    mine = new_submission(site_a, news_a, title="Tin của Sở")
    other = new_submission(site_b, news_b, title="Tin của huyện")
    client.force_login(board["a"]["member"])
    page = client.get(reverse("editorial_submission:index")).content.decode()
    assert "Tin của Sở" in page and "Tin của huyện" not in page
    assert client.get(reverse("editorial_submission:edit", args=[mine.pk])).status_code == 200
    assert client.get(reverse("editorial_submission:edit", args=[other.pk])).status_code in (302, 403)
    client.force_login(board["outsider"])
    assert client.get(reverse("editorial_submission:index")).status_code in (302, 403)


def test_bad_docx_upload_is_refused_with_message(client, board, site_a, news_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(board["a"]["officer"])
    data = submission_data(site_a, news_a, docx_file=SimpleUploadedFile("tin.docx", b"khong phai docx"))
    response = client.post(reverse("editorial_submission:add"), data)
    assert response.status_code == 200
    assert "không phải văn bản Word" in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.parametrize("role", ["contributor", "officer"])
def test_submitters_cannot_convert(client, board, site_a, news_a, role):
    submission = new_submission(site_a, news_a)
    client.force_login(board["a"][role])
    response = client.post(reverse("editorial_convert", args=[submission.pk]))
    assert response.status_code in (302, 403) and response.get("Location", "/quan-tri/") == "/quan-tri/"
    assert not ArticlePage.objects.exists()


def test_board_of_other_site_cannot_convert(client, board, site_a, news_a):
    submission = new_submission(site_a, news_a)
    client.force_login(board["b"]["chief"])
    response = client.post(reverse("editorial_convert", args=[submission.pk]))
    assert response.status_code in (302, 403) and response.get("Location", "/quan-tri/") == "/quan-tri/"
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RECEIVED


def full_path_to_review(client, board, site_a, news_a):
    submission = new_submission(site_a, news_a, officer=board["a"]["officer"], channel="paper")
    client.force_login(board["a"]["member"])
    response = client.post(reverse("editorial_convert", args=[submission.pk]))
    article = ArticlePage.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[article.pk]
    )
    return submission, article


def test_whole_path_with_return_reason_and_publish(client, board, site_a, news_a, mailoutbox):
    submission, article = full_path_to_review(client, board, site_a, news_a)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CONVERTED and submission.article_id == article.pk
    assert not article.live and article.get_parent().pk == news_a.pk
    assert [b.block_type for b in article.body] == ["paragraph"]
    assert article.authors[0].value["name"] == "Nguyễn Văn Bình"
    assert current_state(article).task.specific.__class__.__name__ == "FieldReviewTask"
    # the reviewers were told by e-mail
    assert any(board["a"]["member"].email in m.to for m in mailoutbox)

    # others cannot act on the review step
    for user in (board["a"]["contributor"], board["a"]["secretary"], board["b"]["member"], board["outsider"]):
        with pytest.raises(PermissionDenied):
            act(article, user, "approve")

    # a return needs one of the EDT-5 reasons; through the admin action the form refuses an empty reason
    state = current_state(article)
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "reject", state.pk])
    client.force_login(board["a"]["member"])
    client.post(url, {"reason": "", "comment": "Sửa lại"})
    assert current_state(article).pk == state.pk
    with pytest.raises(ValidationError):
        act(article, board["a"]["member"], "reject", reason="", comment="x")

    response = client.post(url, {"reason": "unverified", "comment": "Kiểm tra lại số liệu."})
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_REJECTED
    assert "Thông tin không chính xác" in state.comment
    decision = Decision.objects.get(action="reject")
    assert decision.reason == "unverified" and decision.user == board["a"]["member"]
    entry = PageLogEntry.objects.get(page=article, action="editorial.return")
    assert entry.data["reason"] == "unverified" and entry.data["comment"] == "Kiểm tra lại số liệu."

    # resubmitted: the workflow restarts at the rejected step
    article.refresh_from_db()
    article.save_revision(user=board["a"]["member"])
    article.current_workflow_state.resume(board["a"]["member"])
    act(article, board["a"]["member"], "approve", comment="Đạt", checklist=True)

    # chief approval: member, secretary, deputy without delegation, other site's chief refused
    for user in (board["a"]["member"], board["a"]["secretary"], board["a"]["deputy"], board["b"]["chief"]):
        with pytest.raises(PermissionDenied):
            act(article, user, "approve")
    act(article, board["a"]["chief"], "approve")

    # publish: chief of other site, member, contributor refused; secretary publishes
    for user in (board["a"]["member"], board["a"]["contributor"], board["b"]["secretary"]):
        with pytest.raises(PermissionDenied):
            act(article, user, "approve")
    act(article, board["a"]["secretary"], "approve")
    article.refresh_from_db()
    assert article.live
    actions = set(PageLogEntry.objects.filter(page=article).values_list("action", flat=True))
    assert {
        "wagtail.workflow.approve",
        "wagtail.workflow.reject",
        "editorial.return",
        "wagtail.publish",
    } <= actions


def test_delegated_deputy_approves_only_within_dates(client, board, site_a, news_a):
    _submission, article = full_path_to_review(client, board, site_a, news_a)
    act(article, board["a"]["member"], "approve", checklist=True)
    today = timezone.localdate()
    Delegation.objects.create(
        site=site_a,
        deputy=board["a"]["deputy"],
        starts_on=today - timedelta(days=10),
        ends_on=today - timedelta(days=1),
    )
    with pytest.raises(PermissionDenied):
        act(article, board["a"]["deputy"], "approve")
    Delegation.objects.create(site=site_a, deputy=board["a"]["deputy"], starts_on=today, ends_on=today)
    board["a"]["deputy"].__dict__.pop("_editorial_roles", None)
    act(article, board["a"]["deputy"], "approve")
    assert current_state(article).task.specific.__class__.__name__ == "PublishTask"
    act(article, board["a"]["admin"], "approve")
    article.refresh_from_db()
    assert article.live


def test_site_admin_can_publish_but_chief_of_other_site_cannot(client, board, site_a, news_a):
    _submission, article = full_path_to_review(client, board, site_a, news_a)
    act(article, board["a"]["member"], "approve", checklist=True)
    act(article, board["a"]["chief"], "approve")
    with pytest.raises(PermissionDenied):
        act(article, board["b"]["admin"], "approve")
    act(article, board["a"]["admin"], "approve")
    article.refresh_from_db()
    assert article.live


def test_failing_mail_server_never_blocks_a_step(client, board, site_a, news_a, settings, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("congtt.editorial.notifications.send_mail", broken)
    _submission, article = full_path_to_review(client, board, site_a, news_a)
    act(article, board["a"]["member"], "approve", checklist=True)
    assert current_state(article).task.specific.__class__.__name__ == "ChiefApprovalTask"


def test_setup_workflows_is_idempotent_and_covers_editions(site_a, news_a):
    from django.core.management import call_command
    from wagtail.models import Page, Workflow, WorkflowPage

    call_command("setup_workflows")
    call_command("setup_workflows")
    workflow = Workflow.objects.get(name__endswith=site_a.hostname)
    editions = Page.objects.filter(translation_key=news_a.translation_key)
    assert editions.count() == 3
    assert WorkflowPage.objects.filter(workflow=workflow).count() == 3
    assert [t.specific.__class__.__name__ for t in workflow.tasks] == [
        "FieldReviewTask",
        "ChiefApprovalTask",
        "PublishTask",
    ]
    assert setup_site_workflow(site_a).pk == workflow.pk


def test_refusing_a_submission_needs_a_note(board, site_a, news_a):
    submission = new_submission(site_a, news_a)
    with pytest.raises(services.EditorialError, match="lý do"):
        services.close_submission(submission, board["a"]["secretary"], "rejected", " ")
    with pytest.raises(PermissionDenied):
        services.close_submission(submission, board["a"]["contributor"], "rejected", "Trùng")
    services.close_submission(submission, board["a"]["secretary"], "rejected", "Trùng tin đã đăng")
    submission.refresh_from_db()
    assert submission.status == "rejected"
    with pytest.raises(services.EditorialError):
        services.convert_submission(submission, board["a"]["chief"])


def test_review_is_routed_to_the_member_of_the_field(client, board, site_a, news_a, department):
    from congtt.editorial.models import MemberField
    from congtt.editorial.services import give_role
    from congtt.legal.models import Field
    from tests.editorial.conftest import make_user

    science, _ = Field.objects.get_or_create(slug="khoa-hoc", defaults={"name": "Khoa học, công nghệ"})
    culture, _ = Field.objects.get_or_create(slug="van-hoa", defaults={"name": "Văn hóa"})
    scientist = make_user("member_science")
    give_role(board["a"]["admin"], scientist, site_a, "member", [science.pk])
    give_role(board["a"]["admin"], board["a"]["member"], site_a, "member", [culture.pk])
    assert set(MemberField.objects.filter(site=site_a).values_list("user__username", "field__slug")) == {
        ("member_science", "khoa-hoc"),
        ("member_a", "van-hoa"),
    }
    submission = new_submission(site_a, news_a, field=science)
    article = services.convert_submission(submission, board["a"]["secretary"])
    # the culture member is refused, the science member reviews
    with pytest.raises(PermissionDenied):
        act(article, board["a"]["member"], "approve", checklist=True)
    act(article, scientist, "approve", checklist=True)
    assert current_state(article).task.specific.__class__.__name__ == "ChiefApprovalTask"
    # without a field every member of the site may review
    other = services.convert_submission(
        new_submission(site_a, news_a, title="Tin chung"), board["a"]["secretary"]
    )
    act(other, board["a"]["member"], "approve", checklist=True)
    # the assignment screen lists the member's fields
    client.force_login(board["a"]["admin"])
    page = client.get(reverse("editorial_roles")).content.decode()
    assert "Khoa học, công nghệ" in page
    response = client.post(
        reverse("editorial_roles"),
        {"site": site_a.pk, "user": scientist.username, "role": "member", "fields": [culture.pk]},
    )
    assert response.status_code == 302
    assert list(MemberField.objects.filter(user=scientist).values_list("field__slug", flat=True)) == [
        "van-hoa"
    ]
