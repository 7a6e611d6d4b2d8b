"""Authentication backends: axes lock-out (tolerant of request=None) and expired accounts."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes lock-out check; skipped for calls without a request (e.g. ``Client.login`` in tests,
    management commands) because those are not login attempts over the network."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class GrantAwareModelBackend(ModelBackend):
    """ModelBackend that also refuses accounts whose every grant has ended (before the scheduler runs)."""

    def user_can_authenticate(self, user):
        from .accounts import has_expired_grant

        return super().user_can_authenticate(user) and not has_expired_grant(user)
