import pytest
from django.contrib.auth import get_user_model
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "Mat-khau-rat-dai-2024"


@pytest.fixture
def make_user(db):
    def make(username="bientap", **kwargs):
        return get_user_model().objects.create_user(username, f"{username}@example.vn", PASSWORD, **kwargs)

    return make


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.vn", PASSWORD)


@pytest.fixture
def otp_login():
    """Log ``user`` in on ``client`` with a confirmed TOTP device and a verified session (for tests with
    OTP_REQUIRED=True)."""

    def login(client, user):
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return device

    return login
