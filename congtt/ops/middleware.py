"""Security middleware (SEC-2, SEC-4).

* ``SecurityHeadersMiddleware`` sets Content-Security-Policy. Public pages get the strict policy
  (no inline script or style at all). Wagtail's admin ships inline ``<script>`` blocks and ``style``
  attributes (page editor, StreamField, Draftail, preview panel) and does not support nonces, so the
  admin path gets a relaxed policy that still allows only our own origin (no third-party hosts, no
  plugins, no framing by other sites). The admin is behind login + 2FA, which limits the XSS surface
  the relaxed policy leaves.
* ``AccountPolicyMiddleware`` enforces, on admin URLs, TOTP verification for accounts that need it
  and a forced password change after ``PASSWORD_MAX_AGE_DAYS``.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _


def strict_csp() -> str:
    """The public pages' policy: no inline script or style; the EMC measurement hosts (PUB-8) allowed."""
    emc = " ".join(getattr(settings, "EMC_SCRIPT_HOSTS", []))
    return (
        f"default-src 'self'; script-src 'self' {emc}; connect-src 'self' {emc}; style-src 'self'; "
        "img-src 'self' data:; object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'"
    ).replace("  ", " ")


ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
    "object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'"
)


def admin_prefix() -> str:
    return f"/{settings.ADMIN_PATH}/"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.strict_csp = strict_csp()

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            is_admin = request.path.startswith(admin_prefix())
            response["Content-Security-Policy"] = ADMIN_CSP if is_admin else self.strict_csp
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class AccountPolicyMiddleware:
    """Must come after AuthenticationMiddleware and django_otp's OTPMiddleware."""

    EXEMPT_NAMES = ("ops_otp_enrol", "ops_otp_verify", "wagtailadmin_logout", "wagtailadmin_login")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.path.startswith(admin_prefix()):
            response = self.check(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _exempt(self, request, extra=()):
        paths = set()
        for name in (*self.EXEMPT_NAMES, *extra):
            paths.add(reverse(name))
        return request.path in paths or request.path.startswith(f"{admin_prefix()}jsi18n")

    def check(self, request, user):
        from .accounts import password_expired, requires_two_factor

        if getattr(settings, "OTP_REQUIRED", True) and requires_two_factor(user) and not user.is_verified():
            if self._exempt(request):
                return None
            from django_otp import devices_for_user

            has_device = any(True for _d in devices_for_user(user, confirmed=True))
            target = reverse("ops_otp_verify" if has_device else "ops_otp_enrol")
            nxt = request.get_full_path()
            if url_has_allowed_host_and_scheme(nxt, allowed_hosts=None):
                target += "?" + urlencode({"next": nxt})
            return redirect(target)
        if password_expired(user):
            if self._exempt(request, extra=("wagtailadmin_account",)):
                return None
            messages.warning(
                request,
                _("Mật khẩu của bạn đã quá %(days)s ngày; hãy đổi mật khẩu mới để tiếp tục.")
                % {"days": settings.PASSWORD_MAX_AGE_DAYS},
            )
            return redirect(reverse("wagtailadmin_account") + "#password")
        return None
