"""Lock-out (django-axes) with unlock, and TOTP two-factor for publishers (SEC-2)."""

import pytest
from axes.models import AccessAttempt
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from congtt.network.services import assign_role
from congtt.ops.accounts import requires_two_factor
from congtt.ops.models import AccessEvent

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/quan-tri/login/"


def test_five_failures_lock_the_account_even_with_the_right_password_then_unlock(
    client, make_user, superuser
):
    make_user()
    for _i in range(5):
        client.post(LOGIN, {"username": "bientap", "password": "sai-mat-khau"}, REMOTE_ADDR="10.0.0.5")
    response = client.post(LOGIN, {"username": "bientap", "password": PASSWORD}, REMOTE_ADDR="10.0.0.5")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessEvent.objects.filter(kind="login_failed", username="bientap").count() >= 5
    # Another IP is keyed separately (username + IP).
    other = client.__class__()
    other.post(LOGIN, {"username": "bientap", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9")
    assert "_auth_user_id" in other.session

    admin = client.__class__()
    admin.force_login(superuser)
    listing = admin.get(reverse("ops_lockouts"))
    assert "bientap" in listing.content.decode() and "Mở khóa" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="bientap")
    admin.post(reverse("ops_unlock", args=[attempt.pk]))
    assert not AccessAttempt.objects.filter(username="bientap").exists()
    client.post(LOGIN, {"username": "bientap", "password": PASSWORD}, REMOTE_ADDR="10.0.0.5")
    assert "_auth_user_id" in client.session


def test_contributor_cannot_unlock(client, make_user, department):
    user = make_user("ctv")
    assign_role(user, department.site, "contributor")
    make_user("khac")
    for _i in range(5):
        client.post(LOGIN, {"username": "khac", "password": "x"}, REMOTE_ADDR="10.0.0.5")
    attempt = AccessAttempt.objects.get(username="khac")
    client.force_login(user)
    assert client.post(reverse("ops_unlock", args=[attempt.pk])).status_code in (302, 403)
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_who_needs_two_factor(make_user, superuser, department):
    contributor, member, secretary = make_user("ctv"), make_user("tv"), make_user("tk")
    assign_role(contributor, department.site, "contributor")
    assign_role(member, department.site, "member")
    assign_role(secretary, department.site, "secretary")
    assert requires_two_factor(superuser) and requires_two_factor(secretary)
    assert not requires_two_factor(contributor) and not requires_two_factor(member)


@override_settings(OTP_REQUIRED=True)
def test_publisher_is_sent_to_enrolment_then_verifies(client, make_user, department):
    user = make_user("tk")
    assign_role(user, department.site, "secretary")
    client.force_login(user)
    response = client.get("/quan-tri/pages/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("ops_otp_enrol"))
    page = client.get(reverse("ops_otp_enrol"))
    html = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    bad = client.post(reverse("ops_otp_enrol"), {"token": "000000"})
    assert "Mã xác thực không đúng" in bad.content.decode()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)  # skip the 1 s back-off
    token = str(totp(device.bin_key)).zfill(6)
    done = client.post(reverse("ops_otp_enrol"), {"token": token, "next": "/quan-tri/pages/"})
    assert done.status_code == 200
    codes = StaticToken.objects.filter(device__user=user)
    assert codes.count() == 10
    assert client.get("/quan-tri/pages/").status_code == 200

    # A new session must verify again; a backup code works once.
    fresh = client.__class__()
    fresh.force_login(user)
    assert fresh.get("/quan-tri/").headers["Location"].startswith(reverse("ops_otp_verify"))
    code = codes.first().token
    fresh.post(reverse("ops_otp_verify"), {"token": code})
    assert fresh.get("/quan-tri/").status_code == 200
    assert not StaticToken.objects.filter(token=code).exists()


@override_settings(OTP_REQUIRED=True)
def test_contributor_does_not_need_two_factor(client, make_user, department):
    user = make_user("ctv")
    assign_role(user, department.site, "contributor")
    client.force_login(user)
    assert client.get("/quan-tri/").status_code == 200


@override_settings(OTP_REQUIRED=True)
def test_otp_login_fixture_gives_a_verified_session(client, superuser, otp_login):
    otp_login(client, superuser)
    assert client.get("/quan-tri/").status_code == 200
