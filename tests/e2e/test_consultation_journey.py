"""Issue 9: a citizen comments on one article of a draft put out for consultation, the board approves the
comment in the admin, and it appears under the draft — in a real browser."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from congtt.citizen.models import Draft, DraftArticle, DraftComment
from congtt.network.services import assign_role

from .test_citizen_journey import staff_context

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OPINION = "Đề nghị quy định rõ thời hạn trả lời đề xuất nhiệm vụ là 10 ngày làm việc."


def test_citizen_comments_on_a_draft_and_reads_it_once_approved(browser, page, live_server, portal):
    today = timezone.localdate()
    draft = Draft.objects.create(
        site=portal.site,
        title="Dự thảo Quy chế quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh",
        summary="Lấy ý kiến nhân dân về dự thảo quy chế.",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=20),
        published=True,
    )
    for n, heading in ((1, "Phạm vi điều chỉnh"), (2, "Đề xuất nhiệm vụ")):
        DraftArticle.objects.create(draft=draft, sort_order=n, label=f"Điều {n}", heading=heading, text="…")
    secretary = get_user_model().objects.create_user("thuky", "thuky@langson.gov.vn", "Mat-khau-rat-dai-2024")
    assign_role(secretary, portal.site, "secretary")

    # The citizen finds the draft in the consultation listing, reads it and comments on Điều 2.
    page.goto(live_server.url + "/gop-y-du-thao/")
    page.get_by_role("link", name=draft.title).click()
    assert page.get_by_role("heading", name="Điều 2. Đề xuất nhiệm vụ").count() == 1
    form = page.locator("form.citizen-form")
    form.locator("select[name=article]").select_option(label="Điều 2. Đề xuất nhiệm vụ")
    form.locator("input[name=name]").fill("Trần Văn Minh")
    form.locator("input[name=email]").fill("minh@example.vn")
    form.locator("textarea[name=text]").fill(OPINION)
    form.locator("input[name=consent]").check()
    form.get_by_role("button", name="Gửi góp ý").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").filter(has_text="sau khi được duyệt").count() == 1
    comment = DraftComment.objects.get(draft=draft)
    assert comment.article.label == "Điều 2" and comment.status == "pending"
    assert OPINION not in page.locator("main").inner_text()

    # The board approves it from the moderation screen.
    board = staff_context(browser, live_server, secretary).new_page()
    board.goto(f"{live_server.url}/quan-tri/citizen/comments/edit/{comment.pk}/")
    board.select_option("select[name=status]", "approved")
    with board.expect_navigation():
        board.locator("form[method=post] button[type=submit]").filter(has_text="Lưu").first.click()
    comment.refresh_from_db()
    assert comment.status == "approved"

    # The comment is now under the draft, without the citizen's e-mail address.
    page.goto(live_server.url + draft.get_url())
    approved = page.locator(".comment").filter(has_text=OPINION)
    assert approved.count() == 1 and "Điều 2" in approved.inner_text()
    assert "minh@example.vn" not in page.content()
