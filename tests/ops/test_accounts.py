"""Account lifecycle (SEC-1), passwords and sessions (SEC-2)."""

from datetime import date, timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from congtt.network.services import assign_role
from congtt.ops.accounts import expire_accounts
from congtt.ops.models import AccountGrant, PasswordState

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = "/quan-tri/login/"


def grant(user, site, **kw):
    defaults = {
        "decision_number": "12/QĐ-UBND",
        "decision_date": date(2026, 1, 5),
        "site": site,
        "role": "member",
    }
    defaults.update(kw)
    return AccountGrant.objects.create(user=user, **defaults)


def test_expired_account_cannot_log_in_even_before_the_scheduler_runs(client, make_user, department):
    user = make_user()
    assign_role(user, department.site, "member")
    grant(user, department.site, end_date=timezone.localdate() - timedelta(days=1))
    response = client.post(LOGIN, {"username": "bientap", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200  # the login form again


def test_active_grant_logs_in(client, make_user, department):
    user = make_user()
    assign_role(user, department.site, "member")
    grant(user, department.site, end_date=timezone.localdate() + timedelta(days=30))
    client.post(LOGIN, {"username": "bientap", "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(user.pk)


def test_expire_accounts_deactivates_ends_sessions_removes_roles_and_logs_once(client, make_user, department):
    user = make_user()
    assign_role(user, department.site, "member")
    grant(user, department.site, end_date=timezone.localdate() - timedelta(days=1))
    client.force_login(user)
    assert Session.objects.count() == 1
    call_command("expire_accounts")
    call_command("expire_accounts")  # idempotent
    user.refresh_from_db()
    assert not user.is_active
    assert not user.groups.exists()
    assert Session.objects.count() == 0
    assert ModelLogEntry.objects.filter(action="congtt.account_revoked", object_id=str(user.pk)).count() == 1
    assert client.get("/quan-tri/").status_code == 302  # logged out


def test_marking_left_deactivates_and_ends_sessions(client, make_user, superuser, department):
    user = make_user()
    assign_role(user, department.site, "secretary")
    g = grant(user, department.site, role="secretary")
    other = client.__class__()
    other.force_login(user)
    client.force_login(superuser)
    response = client.post(reverse("ops_grant_depart", args=[g.pk, "transferred"]))
    assert response.status_code == 302
    user.refresh_from_db()
    g.refresh_from_db()
    assert not user.is_active and g.status == "transferred" and g.end_date == timezone.localdate()
    assert other.get("/quan-tri/").status_code == 302
    entry = ModelLogEntry.objects.get(action="congtt.account_revoked", object_id=str(user.pk))
    assert entry.user == superuser and entry.data["sessions_ended"] == 1


def test_site_admin_cannot_revoke_another_sites_account(client, make_user, department, district):
    admin = make_user("qt")
    assign_role(admin, department.site, "admin")
    victim = make_user("huyen")
    assign_role(victim, district.site, "member")
    g = grant(victim, district.site)
    client.force_login(admin)
    assert client.post(reverse("ops_grant_depart", args=[g.pk, "left"])).status_code in (302, 403)
    victim.refresh_from_db()
    g.refresh_from_db()
    assert victim.is_active and g.status == "active"
    # ...but can revoke one of their own site.
    own = make_user("tinh")
    assign_role(own, department.site, "member")
    g2 = grant(own, department.site)
    client.post(reverse("ops_grant_depart", args=[g2.pk, "left"]))
    own.refresh_from_db()
    assert not own.is_active
    listing = client.get(reverse("ops_accountgrant:index")).content.decode()
    assert "tinh" in listing and "huyen" not in listing


def test_expire_accounts_leaves_open_grants_alone(make_user, department):
    user = make_user()
    grant(user, department.site, end_date=timezone.localdate())
    assert expire_accounts() == []
    user.refresh_from_db()
    assert user.is_active


def test_password_change_is_recorded_and_expiry_forces_change(client, make_user, department):
    user = make_user()
    assign_role(user, department.site, "member")
    state = PasswordState.objects.get(user=user)
    PasswordState.objects.filter(pk=state.pk).update(changed_at=timezone.now() - timedelta(days=91))
    client.force_login(user)
    response = client.get("/quan-tri/pages/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("wagtailadmin_account"))
    user.set_password("Mot-mat-khau-moi-2026!")
    user.save()
    assert PasswordState.objects.get(user=user).changed_at > timezone.now() - timedelta(minutes=1)
    client.force_login(user)  # a new password ends the old session
    assert client.get("/quan-tri/").status_code == 200


@override_settings(PASSWORD_MAX_AGE_DAYS=0)
def test_password_expiry_can_be_switched_off(client, make_user, department):
    user = make_user()
    assign_role(user, department.site, "member")
    PasswordState.objects.filter(user=user).update(changed_at=timezone.now() - timedelta(days=900))
    client.force_login(user)
    assert client.get("/quan-tri/").status_code == 200


def test_password_validators_refuse_short_common_and_similar(make_user):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = make_user("nguyenvanbinh")
    for bad in ("Ngan-2024", "password1234", "nguyenvanbinh1"):
        with pytest.raises(ValidationError):
            validate_password(bad, user)
    validate_password("Lang-Son-Dong-Dang-7x", user)


def test_session_expires_after_inactivity(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60 == 30 * 60


def test_grant_form_offers_only_the_admins_sites(client, make_user, department, district):
    admin = make_user("qt")
    assign_role(admin, department.site, "admin")
    client.force_login(admin)
    form = client.get(reverse("ops_accountgrant:add")).context["form"]
    assert list(form.fields["site"].queryset) == [department.site]
    response = client.post(
        reverse("ops_accountgrant:add"),
        {
            "user": admin.pk,
            "decision_number": "7/QĐ",
            "decision_date": "2026-01-01",
            "site": district.site.pk,
            "role": "member",
            "start_date": "2026-01-01",
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert not AccountGrant.objects.exists()
