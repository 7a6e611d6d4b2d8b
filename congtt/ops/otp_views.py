"""TOTP enrolment and verification in the admin (SEC-2). QR code drawn server-side as an inline SVG."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Mã xác thực (6 chữ số) hoặc mã dự phòng"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _next(request):
    nxt = request.POST.get("next") or request.GET.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return nxt
    return f"/{settings.ADMIN_PATH}/"


def new_backup_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name="backup")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def enrol(request):
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="TOTP", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save()
            otp_login(request, device)
            codes = new_backup_codes(user)
            return TemplateResponse(
                request, "ops/otp_backup_codes.html", {"codes": codes, "next": _next(request)}
            )
        form.add_error("token", _("Mã xác thực không đúng; hãy nhập mã đang hiện trên ứng dụng."))
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return TemplateResponse(
        request,
        "ops/otp_enrol.html",
        {"form": form, "qr": qr_data_uri(device.config_url), "secret": secret, "next": _next(request)},
    )


def verify(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("Mã xác thực không đúng hoặc đã dùng."))
    return TemplateResponse(request, "ops/otp_verify.html", {"form": form, "next": _next(request)})


def backup_codes(request):
    if request.method != "POST" or not request.user.is_verified():
        messages.error(request, _("Hãy xác thực hai lớp trước khi tạo mã dự phòng."))
        return redirect(f"/{settings.ADMIN_PATH}/")
    return TemplateResponse(
        request,
        "ops/otp_backup_codes.html",
        {"codes": new_backup_codes(request.user), "next": _next(request)},
    )
