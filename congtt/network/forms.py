from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SiteKind, SiteProfile
from .services import SiteRequest, propose_hostname, validate_site_request


class CreateSiteForm(forms.Form):
    """Request for a new site of the network; hostname proposed by the province's rules."""

    agency_name = forms.CharField(label=_("Tên cơ quan, đơn vị"), max_length=255)
    short_name = forms.CharField(label=_("Tên viết tắt"), max_length=100, required=False)
    governing_body = forms.CharField(label=_("Cơ quan chủ quản"), max_length=255, required=False)
    kind = forms.ModelChoiceField(label=_("Loại trang"), queryset=SiteKind.objects.all())
    parent = forms.ModelChoiceField(
        label=_("Trang cấp trên"),
        queryset=SiteProfile.objects.filter(status=SiteProfile.Status.ACTIVE).select_related("site"),
        required=False,
        help_text=_("Sở, ban, ngành, huyện: cổng tỉnh. Xã: huyện (nếu còn) hoặc cổng tỉnh."),
    )
    hostname = forms.CharField(
        label=_("Tên miền"),
        max_length=253,
        required=False,
        help_text=_("Để trống để dùng tên miền đề xuất theo quy tắc của tỉnh."),
    )
    approval_number = forms.CharField(label=_("Số quyết định cho phép"), max_length=100, required=False)
    approval_date = forms.DateField(label=_("Ngày quyết định"), required=False)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        self.site_request = SiteRequest(
            agency_name=data["agency_name"],
            kind=data["kind"],
            parent=data.get("parent"),
            hostname=data.get("hostname", ""),
            short_name=data.get("short_name", ""),
            governing_body=data.get("governing_body", ""),
            contact={
                "approval_number": data.get("approval_number", ""),
                "approval_date": data.get("approval_date"),
            },
        )
        for field, messages in validate_site_request(self.site_request).items():
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        return data

    def proposal(self) -> str:
        """The proposed hostname for the data entered so far (for the "Đề xuất tên miền" button)."""
        data = getattr(self, "cleaned_data", {})
        if data.get("agency_name") and data.get("kind") and data.get("parent"):
            return propose_hostname(data["agency_name"], data["kind"], data["parent"])
        return ""
