import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from congtt.citizen.models import Case

from .conftest import DEPT, new_case, run_to

pytestmark = pytest.mark.django_db


def ask_data(**overrides):
    data = {
        "kind": "question",
        "asker_name": "Lường Thị Mai",
        "asker_email": "mai@example.vn",
        "asker_phone": "0912 345 678",
        "asker_address": "Chợ Đông Kinh, Lạng Sơn",
        "name_display": "initials",
        "title": "Kiểm định cân tại chợ",
        "question": "Chu kỳ kiểm định cân thông dụng tại chợ là bao lâu?",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def post_ask(client, data, **extra):
    return client.post("/hoi-dap/gui-cau-hoi/", data, HTTP_HOST=DEPT, **extra)


def test_ask_form_renders_with_privacy_link(client, department):
    response = client.get("/hoi-dap/gui-cau-hoi/", HTTP_HOST=DEPT)
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "chinh-sach-du-lieu-ca-nhan/" in html
        and 'name="csrfmiddlewaretoken"' in html
        and 'name="website"' in html
    )
    assert client.get("/hoi-dap/chinh-sach-du-lieu-ca-nhan/", HTTP_HOST=DEPT).status_code == 200


def test_ask_happy_path(client, department, field):
    pdf = SimpleUploadedFile("don.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = post_ask(client, {**ask_data(field=field.pk), "attachment": pdf})
    assert response.status_code == 302 and response["Location"].endswith("/hoi-dap/da-gui/")
    case = Case.objects.get()
    assert case.site == department.site and case.field == field and case.channel == "web"
    assert case.consent and case.consent_at and case.privacy_notice_version
    assert case.attachment.name.startswith("citizen-private/") and "don" not in case.attachment.name
    page = client.get(response["Location"], HTTP_HOST=DEPT)
    assert case.code in page.content.decode()
    assert mail.outbox[0].to == ["mai@example.vn"] and case.code in mail.outbox[0].body
    case.attachment.delete(save=False)


BAD_INPUTS = {
    "missing name": ({"asker_name": None}, "Hãy nhập họ và tên"),
    "missing email": ({"asker_email": None}, "Hãy nhập thư điện tử"),
    "malformed email": ({"asker_email": "mai@@example"}, "Địa chỉ thư điện tử không hợp lệ"),
    "malformed phone": ({"asker_phone": "gọi tôi"}, "Số điện thoại không hợp lệ"),
    "over-long title": ({"title": "x" * 300}, "Nội dung quá dài"),
    "over-long question": ({"question": "y" * 10001}, "Nội dung quá dài"),
    "missing question": ({"question": None}, "Hãy nhập nội dung câu hỏi"),
    "missing consent": ({"consent": None}, "Bạn cần đồng ý với thông báo xử lý dữ liệu cá nhân"),
    "honeypot filled": ({"website": "http://spam.example"}, "Không thể gửi biểu mẫu này"),
    "bad kind": ({"kind": "complaint"}, "Hãy chọn một lựa chọn hợp lệ"),
}


@pytest.mark.parametrize("case_name", list(BAD_INPUTS))
def test_ask_bad_input_stores_nothing(client, department, case_name):
    overrides, message = BAD_INPUTS[case_name]
    response = post_ask(client, ask_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Case.objects.count() == 0 and len(mail.outbox) == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Chỉ nhận tệp PDF, DOC, DOCX, JPG hoặc PNG"),
        ("fake.pdf", b"<script>alert(1)</script>", "Nội dung tệp không đúng"),
        ("big.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024), "vượt quá 10 MB"),
    ],
)
def test_ask_bad_attachment_stores_nothing(client, department, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = post_ask(client, {**ask_data(), "attachment": upload})
    assert message in response.content.decode()
    assert Case.objects.count() == 0


@override_settings(CITIZEN_RATE_LIMITS={"ask": (2, 3600)})
def test_ask_rate_limited(client, department):
    assert post_ask(client, ask_data()).status_code == 302
    assert post_ask(client, ask_data()).status_code == 302
    response = post_ask(client, ask_data())
    assert response.status_code == 429 and "quá nhiều lần" in response.content.decode()
    assert Case.objects.count() == 2
    # another client address is not affected
    assert post_ask(client, ask_data(), REMOTE_ADDR="10.0.0.9").status_code == 302


@override_settings(CITIZEN_RATE_LIMITS={"ask": [1, 3600]})  # the JSON shape CITIZEN_RATE_LIMITS env gives
def test_ask_rate_limit_given_as_a_list(client, department):
    assert post_ask(client, ask_data()).status_code == 302
    assert post_ask(client, ask_data()).status_code == 429
    assert Case.objects.count() == 1


def test_rate_limits_are_read_from_the_environment():
    import json
    import os
    import subprocess
    import sys

    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.CITIZEN_RATE_LIMITS)"
    )
    env = dict(
        os.environ, CITIZEN_RATE_LIMITS=json.dumps({"ask": [7, 60]}), DJANGO_SETTINGS_MODULE="congtt.settings"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "{'ask': [7, 60]}"
    env.pop("CITIZEN_RATE_LIMITS")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "{}"


@override_settings(CITIZEN_CAPTCHA=True)
def test_captcha_when_enabled(client, department):
    response = post_ask(client, {**ask_data(), "captcha": "99"})
    assert "Kết quả phép tính chưa đúng" in response.content.decode()
    assert Case.objects.count() == 0
    image = client.get("/xac-thuc.png", HTTP_HOST=DEPT)
    assert image["Content-Type"] == "image/png"
    answer = client.session["citizen_captcha"]
    assert post_ask(client, {**ask_data(), "captcha": answer}).status_code == 302
    assert Case.objects.count() == 1


def test_csrf_enforced(department):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/hoi-dap/gui-cau-hoi/", ask_data(), HTTP_HOST=DEPT)
    assert response.status_code == 403 and Case.objects.count() == 0


def test_scripts_stored_as_text_and_escaped(client, department, board, unit, officer):
    post_ask(
        client,
        ask_data(
            title="<script>alert('x')</script> Cân", question="<b>đậm</b> <img src=x onerror=alert(1)> hỏi"
        ),
    )
    case = Case.objects.get()
    assert case.title.startswith("<script>")
    run_to(case, "published", board, unit, officer)
    html = client.get(f"/hoi-dap/cau-hoi/{case.pk}/", HTTP_HOST=DEPT).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html and "&lt;b&gt;đậm" in html


def lookup(client, code, email):
    return client.post("/hoi-dap/tra-cuu/", {"code": code, "email": email, "website": ""}, HTTP_HOST=DEPT)


def test_lookup_right_and_wrong(client, department, board, unit, officer):
    case = new_case(department.site)
    html = lookup(client, case.code.lower(), "SON@example.vn").content.decode()
    assert "Đã tiếp nhận" in html and case.title in html
    run_to(case, "answered", board, unit, officer)
    html = lookup(client, case.code, "son@example.vn").content.decode()
    assert "Trả lời: nộp hồ sơ" in html and "Đã chuyển đơn vị xử lý" in html
    wrong_code = lookup(client, "ABCDEFGHJK", "son@example.vn").content.decode()
    wrong_mail = lookup(client, case.code, "khac@example.vn").content.decode()
    for html in (wrong_code, wrong_mail):
        assert "Không tìm thấy hồ sơ với mã tra cứu và thư điện tử này" in html and case.title not in html


@override_settings(CITIZEN_RATE_LIMITS={"lookup": (3, 3600)})
def test_lookup_rate_limited(client, department):
    for _ in range(3):
        lookup(client, "ABCDEFGHJK", "x@example.vn")
    assert lookup(client, "ABCDEFGHJK", "x@example.vn").status_code == 429


def test_published_pages_never_show_personal_data(client, department, board, unit, officer, field):
    published = new_case(department.site, field=field)
    run_to(published, "published", board, unit, officer)
    hidden = new_case(department.site, title="Câu hỏi chưa công khai")
    run_to(hidden, "answered", board, unit, officer)
    for path in ("/hoi-dap/", f"/hoi-dap/cau-hoi/{published.pk}/", "/hoi-dap/?q=nhan hieu"):
        html = client.get(path, HTTP_HOST=DEPT).content.decode()
        assert "son@example.vn" not in html and "0912345678" not in html and "Số 9 Lê Lợi" not in html
        assert "Hoàng Văn Sơn" not in html  # initials by default
    assert "H.V.S." in client.get("/hoi-dap/", HTTP_HOST=DEPT).content.decode()
    assert "chưa công khai" not in client.get("/hoi-dap/", HTTP_HOST=DEPT).content.decode()
    assert client.get(f"/hoi-dap/cau-hoi/{hidden.pk}/", HTTP_HOST=DEPT).status_code == 404


def test_published_list_search_folded_and_field_filter(client, department, board, unit, officer, field):
    a = new_case(department.site, field=field, title="Đăng ký nhãn hiệu tập thể")
    b = new_case(
        department.site, title="Kiểm định cân điện tử", question="Cân điện tử ở chợ kiểm định ở đâu vậy?"
    )
    for c in (a, b):
        run_to(c, "published", board, unit, officer)
    html = client.get("/hoi-dap/?q=NHAN HIEU", HTTP_HOST=DEPT).content.decode()
    assert "nhãn hiệu tập thể" in html and "Kiểm định cân" not in html
    html = client.get(f"/hoi-dap/?linh-vuc={field.pk}", HTTP_HOST=DEPT).content.decode()
    assert "nhãn hiệu" in html and "Kiểm định cân" not in html
    assert client.get("/hoi-dap/?page=99999&linh-vuc=abc", HTTP_HOST=DEPT).status_code == 200


def test_published_question_of_other_site_not_shown(client, department, portal, board, unit, officer):
    case = new_case(department.site)
    run_to(case, "published", board, unit, officer)
    assert client.get(f"/hoi-dap/cau-hoi/{case.pk}/", HTTP_HOST="langson.localhost").status_code == 404


def test_query_counts_do_not_grow(client, department, board, unit, officer, django_assert_max_num_queries):
    def publish_some(n):
        for i in range(n):
            run_to(new_case(department.site, title=f"Câu hỏi {i}"), "published", board, unit, officer)

    publish_some(2)
    client.get("/hoi-dap/", HTTP_HOST=DEPT)
    with django_assert_max_num_queries(15):
        client.get("/hoi-dap/", HTTP_HOST=DEPT)
    publish_some(8)
    with django_assert_max_num_queries(15):
        assert client.get("/hoi-dap/", HTTP_HOST=DEPT).status_code == 200
    case = Case.objects.filter(published=True).first()
    for path in (f"/hoi-dap/cau-hoi/{case.pk}/", "/hoi-dap/gui-cau-hoi/", "/hoi-dap/tra-cuu/"):
        with django_assert_max_num_queries(15):
            assert client.get(path, HTTP_HOST=DEPT).status_code == 200


def test_share_links_have_no_third_party_scripts(client, department, board, unit, officer):
    case = new_case(department.site)
    run_to(case, "published", board, unit, officer)
    html = client.get(f"/hoi-dap/cau-hoi/{case.pk}/", HTTP_HOST=DEPT).content.decode()
    assert "facebook.com/sharer/sharer.php?u=http" in html and "x.com/intent/post?url=" in html
    assert "zalo.me" in html and "mailto:?subject=" in html
    import re

    scripts = re.findall(r"<script[^>]*>", html)
    assert all(re.search(r'src="/static/', tag) for tag in scripts), scripts  # only our own static files


def test_api_lists_published_questions_without_personal_data(client, department, board, unit, officer):
    published = run_to(new_case(department.site), "published", board, unit, officer)
    run_to(new_case(department.site, title="Chưa công khai"), "answered", board, unit, officer)
    response = client.get("/api/v1/citizen/questions/?q=nhan hieu", HTTP_HOST=DEPT)
    data = response.json()
    assert response.status_code == 200 and [item["id"] for item in data["items"]] == [published.pk]
    body = response.content.decode()
    assert "son@example.vn" not in body and "0912345678" not in body and data["items"][0]["asker"] == "H.V.S."
