"""Issues 4 and 9: the board's whole path in a real browser, through the admin screens — a unit officer
files a submission, a member converts and reviews it (returning it once with an EDT-5 reason), the chief
approves, the secretary publishes, a reader reports it and the board takes it down."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageLogEntry

from congtt.content.models import ArticlePage
from congtt.editorial.models import Submission, ViolationReport
from congtt.network.services import assign_role

from .test_citizen_journey import staff_context

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Hội nghị tổng kết công tác chuyển đổi số năm 2026"
BODY = "Sáng nay, Sở tổ chức hội nghị tổng kết công tác chuyển đổi số."


def open_action_menu(page):
    """The editor's footer keeps all actions but the first in a drop-down: open it."""
    toggle = page.locator("footer [data-w-dropdown-target=toggle], footer .dropdown-toggle").first
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def workflow_action(page, live_server, article, label, fill=None):
    """Open the article's editor and run one workflow action from the footer menu; ``fill`` fills its dialog."""
    page.goto(f"{live_server.url}/quan-tri/pages/{article.pk}/edit/")
    button = page.locator("button[data-workflow-action-name]").filter(
        has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
    )
    if not button.first.is_visible():
        open_action_menu(page)
    if fill is None:
        with page.expect_navigation():
            button.first.click()
        return
    button.first.click()
    dialog = page.locator("[role=dialog] form, .modal-dialog form").first
    dialog.wait_for()
    fill(dialog)
    with page.expect_navigation():
        dialog.locator("button[type=submit]").click()


def current_step(article):
    article.refresh_from_db()
    state = article.current_workflow_task_state
    return state.task.specific.__class__.__name__ if state else None


def test_board_path_from_submission_to_publish_and_takedown(browser, page, live_server, portal):
    site = portal.site
    users = get_user_model().objects
    people = {}
    for role in ("officer", "member", "chief", "secretary"):
        people[role] = users.create_user(role, f"{role}@langson.gov.vn", "Mat-khau-rat-dai-2024")
        assign_role(people[role], site, role)
    news = site.root_page.get_children().get(slug="tin-tuc")

    # The unit officer files a "phiếu đề nghị đăng tin".
    officer = staff_context(browser, live_server, people["officer"]).new_page()
    officer.goto(live_server.url + "/quan-tri/ban-bien-tap/phieu/new/")
    officer.fill("input[name=title]", TITLE)
    officer.select_option("select[name=section]", value=str(news.pk))
    # Draft.js listens to key events: type the body into the rich-text editor.
    officer.locator(".Draftail-Editor [contenteditable=true]").first.click()
    officer.keyboard.type(BODY)
    # Draftail writes its JSON into the hidden input a moment after the last key.
    officer.wait_for_function(
        "() => document.querySelector('input[name=content]').value.includes('Sáng nay')"
    )
    officer.fill("input[name=authors]", "Nguyễn Văn Bình")
    officer.locator("form[method=post] button[type=submit]").filter(
        has_text=re.compile("Lưu|Tạo")
    ).first.click()
    officer.wait_for_load_state("networkidle")
    submission = Submission.objects.get(title=TITLE)
    assert BODY in submission.content
    assert submission.site_id == site.pk and submission.officer_id == people["officer"].pk

    # The member converts it into a draft article and the workflow starts at the field review.
    member = staff_context(browser, live_server, people["member"]).new_page()
    member.goto(f"{live_server.url}/quan-tri/ban-bien-tap/phieu/edit/{submission.pk}/")
    member.get_by_role("button", name="Chuyển thành tin bài nháp và gửi duyệt").click()
    member.wait_for_url(re.compile(r"/quan-tri/pages/\d+/edit/"))
    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live and BODY in str(article.body)

    # A return needs an EDT-5 reason; the member returns it once, then approves with the checklist.
    def give_reason(form):
        form.locator("select[name=reason]").select_option("unverified")
        form.locator("textarea[name=comment]").fill("Kiểm tra lại số liệu.")

    workflow_action(member, live_server, article, "Trả lại (chọn lý do)", give_reason)
    assert PageLogEntry.objects.filter(page=article, action="editorial.return").exists()
    member.goto(f"{live_server.url}/quan-tri/pages/{article.pk}/edit/")
    resubmit = member.locator("button[name=action-submit]")
    if not resubmit.is_visible():
        open_action_menu(member)
    with member.expect_navigation():
        resubmit.click()
    workflow_action(
        member, live_server, article, "Đồng ý", lambda form: form.locator("input[name=checklist]").check()
    )

    chief = staff_context(browser, live_server, people["chief"]).new_page()
    workflow_action(chief, live_server, article, "Đồng ý")
    assert current_step(article) == "PublishTask"
    secretary = staff_context(browser, live_server, people["secretary"]).new_page()
    workflow_action(secretary, live_server, article, "Đồng ý và xuất bản")
    article.refresh_from_db()
    assert article.live

    # A reader finds it on the site and reports a violation from the page.
    page.goto(live_server.url + article.url)
    assert page.get_by_role("heading", name=TITLE).count() == 1
    page.get_by_role("link", name=re.compile("Báo cáo vi phạm")).click()
    page.locator("select[name=category]").select_option(index=1)
    page.fill("textarea[name=description]", "Số liệu trong tin chưa được kiểm chứng, đề nghị gỡ.")
    page.locator("form").filter(has=page.locator("textarea[name=description]")).locator(
        "button[type=submit]"
    ).click()
    page.wait_for_load_state()
    report = ViolationReport.objects.get(page=article)

    # The secretary takes it down in one action from the report; the page is gone for readers.
    secretary.goto(f"{live_server.url}/quan-tri/ban-bien-tap/bao-cao-vi-pham/edit/{report.pk}/")
    secretary.get_by_role("button", name="Gỡ tin ngay").click()
    secretary.wait_for_load_state()
    article.refresh_from_db()
    assert not article.live
    assert PageLogEntry.objects.filter(page=article, action="editorial.takedown").exists()
    assert page.goto(live_server.url + article.url).status == 404
