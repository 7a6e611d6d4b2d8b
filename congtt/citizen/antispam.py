"""Abuse protection shared by every public form: honeypot, per-IP rate limits, optional CAPTCHA.

* Honeypot: every form carries ``HoneypotMixin``'s hidden field ``website``; a bot that fills it is refused.
* Rate limit: ``rate_limited(request, scope)`` counts POSTs per client IP in Django's cache
  (``CITIZEN_RATE_LIMITS = {scope: (count, seconds)}``); over the limit the view answers 429
  with a Vietnamese message (``too_many_response``).
* CAPTCHA (``CITIZEN_CAPTCHA``, on by default in production, off when DEBUG or testing): an arithmetic
  question stored in the session and drawn as a PNG by Pillow (``captcha_image`` view), self-hosted.
"""

import hashlib
import io
import secrets

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DEFAULT_LIMITS = {
    "ask": (5, 3600),
    "lookup": (20, 3600),
    "comment": (10, 3600),
    "rating": (10, 3600),
    "post": (10, 3600),
}
SESSION_KEY = "citizen_captcha"


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def limits(scope):
    return {**DEFAULT_LIMITS, **getattr(settings, "CITIZEN_RATE_LIMITS", {})}.get(scope, (10, 3600))


def rate_limited(request, scope: str, count: bool = True) -> bool:
    """True when this client has used up ``scope``'s allowance; otherwise counts one use."""
    max_count, window = limits(scope)
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:24]
    key = f"citizen:rl:{scope}:{digest}"
    used = cache.get(key, 0)
    if used >= max_count:
        return True
    if count and not cache.add(key, 1, window):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, window)
    return False


def too_many_response(request):
    response = TemplateResponse(
        request,
        "citizen/message.html",
        {
            "heading": _("Gửi quá nhiều lần"),
            "message": _("Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau."),
        },
        status=429,
    )
    return response


def captcha_enabled() -> bool:
    return bool(getattr(settings, "CITIZEN_CAPTCHA", False))


def new_challenge(request) -> str:
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    request.session[SESSION_KEY] = str(a + b)
    return f"{a} + {b} = ?"


def captcha_image(request):
    """A PNG of a fresh arithmetic question; the answer stays in the session."""
    from PIL import Image, ImageDraw

    text = new_challenge(request)
    image = Image.new("RGB", (140, 44), (250, 250, 245))
    draw = ImageDraw.Draw(image)
    for _i in range(6):
        draw.line(
            [
                (secrets.randbelow(140), secrets.randbelow(44)),
                (secrets.randbelow(140), secrets.randbelow(44)),
            ],
            fill=(180, 180, 200),
        )
    draw.text((18, 12), text, fill=(20, 20, 80), font_size=20)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Cache-Control"] = "no-store"
    return response


class ProtectedForm(forms.Form):
    """Base of every public form: honeypot field and, when enabled, the CAPTCHA answer."""

    website = forms.CharField(
        required=False,
        label=gettext_lazy("Để trống ô này"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        if captcha_enabled():
            self.fields["captcha"] = forms.CharField(
                label=gettext_lazy("Kết quả phép tính trong hình"),
                max_length=4,
            )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Không thể gửi biểu mẫu này. Vui lòng tải lại trang và thử lại."))
        return ""

    def clean_captcha(self):
        value = (self.cleaned_data.get("captcha") or "").strip()
        expected = self.request.session.pop(SESSION_KEY, None) if self.request is not None else None
        if not expected or value != expected:
            raise forms.ValidationError(_("Kết quả phép tính chưa đúng, vui lòng thử lại."))
        return value


def looks_like_bot(form) -> bool:
    return "website" in form.errors
