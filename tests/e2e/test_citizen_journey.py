"""Issue 5: a citizen asks, the board forwards, the unit answers, the board approves and publishes,
and the citizen reads the answer with the tracking code — in a real browser, through the admin screens."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from congtt.citizen.models import Case, CaseField, ResponsibleUnit
from congtt.network.services import assign_role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

QUESTION = "Thủ tục cấp lại giấy phép lái xe bị mất cần những giấy tờ gì?"
ANSWER = "Công dân nộp đơn đề nghị cấp lại và bản sao căn cước tại bộ phận một cửa."


def staff_context(browser, live_server, user):
    """A browser context logged in as ``user`` (session made by Django's test client)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="vi-VN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def act(page, live_server, case, action, fill=None):
    page.goto(f"{live_server.url}/quan-tri/citizen/cases/{case.pk}/xu-ly/")
    form = page.locator("form.citizen-action").filter(has=page.locator(f"input[name=action][value={action}]"))
    if fill:
        fill(form)
    form.get_by_role("button").click()
    page.wait_for_load_state()


def test_question_from_asking_to_published_answer(browser, page, live_server, portal):
    site = portal.site
    CaseField.objects.create(site=site, name="Giao thông vận tải")
    users = get_user_model().objects
    secretary = users.create_user("thuky", "thuky@langson.gov.vn", "Mat-khau-rat-dai-2024")
    assign_role(secretary, site, "secretary")
    officer = users.create_user("canbo", "canbo@langson.gov.vn", "Mat-khau-rat-dai-2024")
    assign_role(officer, site, "officer")
    unit = ResponsibleUnit.objects.create(
        site=site, name="Sở Giao thông vận tải", email="sogtvt@langson.gov.vn"
    )
    unit.members.add(officer)

    # The citizen asks.
    page.goto(live_server.url + "/hoi-dap/gui-cau-hoi/")
    page.fill("input[name=asker_name]", "Nguyễn Thị Hoa")
    page.fill("input[name=asker_email]", "hoa@example.vn")
    page.select_option("select[name=field]", label="Giao thông vận tải")
    page.fill("input[name=title]", "Cấp lại giấy phép lái xe")
    page.fill("textarea[name=question]", QUESTION)
    page.check("input[name=consent]")
    page.locator("form").filter(has=page.locator("textarea[name=question]")).locator(
        "button[type=submit]"
    ).click()
    code = page.locator(".tracking-code strong").text_content().strip()
    case = Case.objects.get(code=code)
    assert case.question == QUESTION

    board = staff_context(browser, live_server, secretary).new_page()
    act(
        board,
        live_server,
        case,
        "forward",
        lambda f: f.locator("select[name=unit]").select_option(label=unit.name),
    )
    unit_page = staff_context(browser, live_server, officer).new_page()
    act(unit_page, live_server, case, "draft_answer", lambda f: f.locator("textarea[name=text]").fill(ANSWER))
    for action in ("approve_answer", "send_answer", "publish"):
        act(board, live_server, case, action)
    case.refresh_from_db()
    assert case.state == Case.State.PUBLISHED and case.published

    # The citizen follows the case by tracking code and e-mail, and finds it published.
    page.goto(live_server.url + "/hoi-dap/tra-cuu/")
    page.fill("input[name=code]", code)
    page.fill("input[name=email]", "hoa@example.vn")
    page.locator("form").filter(has=page.locator("input[name=code]")).locator("button[type=submit]").click()
    assert ANSWER in page.content()
    page.goto(live_server.url + "/hoi-dap/")
    assert "Cấp lại giấy phép lái xe" in page.content()
    assert "hoa@example.vn" not in page.content()
