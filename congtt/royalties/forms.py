from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from congtt.network.scoping import ALL, site_ids_with_permission

from .models import Contribution


def sites_with(user, perm):
    ids = site_ids_with_permission(user, perm)
    qs = Site.objects.select_related("profile").order_by("hostname")
    return qs if ids is ALL else qs.filter(pk__in=ids)


class RateFrameForm(WagtailAdminModelForm):
    """The site choice lists only the sites where the user may keep rate frames."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields and self.for_user is not None:
            self.fields["site"].queryset = sites_with(self.for_user, "royalties.add_rateframe")


class GradeForm(forms.Form):
    genre = forms.ChoiceField(label=_("Thể loại"))
    coefficient = forms.DecimalField(label=_("Hệ số"), max_digits=4, decimal_places=1, min_value=0)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=500)

    def __init__(self, *args, genres=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["genre"].choices = [(g.code, f"{g.name} ({g.coef_min}–{g.coef_max})") for g in genres]


class ShareForm(forms.Form):
    role = forms.ChoiceField(label=_("Vai trò"), choices=Contribution.Role.choices)
    name = forms.CharField(label=_("Họ và tên"), max_length=200, required=False)
    share_percent = forms.IntegerField(label=_("Tỷ lệ (%)"), min_value=1, max_value=100, required=False)


ShareFormSet = forms.formset_factory(ShareForm, extra=3, max_num=10)


class StatementForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Trang"), queryset=Site.objects.none())
    month = forms.RegexField(
        label=_("Tháng (MM/YYYY)"),
        regex=r"^(0?[1-9]|1[0-2])/(20\d\d)$",
        error_messages={"invalid": _("Nhập tháng theo dạng MM/YYYY, ví dụ 10/2026.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites_with(user, "royalties.add_statement")

    def period(self):
        m, y = self.cleaned_data["month"].split("/")
        return int(y), int(m)
