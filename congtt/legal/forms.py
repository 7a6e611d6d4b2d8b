"""Admin forms: the ``site`` choice limited to the editor's sites; upload form for imports."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from congtt.network.scoping import ALL, user_site_ids

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def sites_for(user):
    ids = user_site_ids(user) if user is not None else set()
    sites = Site.objects.order_by("hostname")
    return sites if ids is ALL else sites.filter(pk__in=ids)


class SiteScopedAdminForm(WagtailAdminModelForm):
    """Limits ``site`` (and relations to same-model records) to the sites of ``for_user``."""

    scoped_relations: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "site" in self.fields:
            sites = sites_for(user)
            self.fields["site"].queryset = sites
            site_ids = list(sites.values_list("pk", flat=True)[:2])
            if len(site_ids) == 1 and not self.instance.site_id:
                self.fields["site"].initial = site_ids[0]
            for name in self.scoped_relations:
                if name in self.fields:
                    qs = self.fields[name].queryset
                    ids = user_site_ids(user) if user is not None else set()
                    if ids is not ALL:
                        self.fields[name].queryset = qs.filter(site_id__in=ids)


class SameSiteChildrenAdminForm(SiteScopedAdminForm):
    """Child rows (inline panels) whose record must belong to the parent's site.

    ``same_site_children`` maps a formset name to (the child field holding the record, the message). The
    check runs here, on the parent, because a new parent has no pk yet for the child model's clean()."""

    same_site_children: dict[str, tuple[str, str]] = {}

    def clean(self):
        cleaned = super().clean()
        site = cleaned.get("site")
        if site is None:
            return cleaned
        for name, (field, message) in self.same_site_children.items():
            formset = self.formsets.get(name)
            for form in formset.forms if formset is not None else ():
                if not form.is_valid() or form.cleaned_data.get("DELETE"):
                    continue
                record = form.cleaned_data.get(field)
                if record is not None and record.site_id != site.pk:
                    form.add_error(field, message)
        return cleaned


class LegalDocumentAdminForm(SiteScopedAdminForm):
    scoped_relations = ("replaced_by",)


class GazetteIssueAdminForm(SameSiteChildrenAdminForm):
    same_site_children = {"document_links": ("document", _("Văn bản đăng công báo phải thuộc cùng trang."))}


class ProcedureAdminForm(SameSiteChildrenAdminForm):
    same_site_children = {
        "legal_basis_links": ("document", _("Văn bản làm căn cứ pháp lý phải thuộc cùng trang với thủ tục."))
    }


class ImportForm(forms.Form):
    MODE_CHECK = "check"
    MODE_SAVE = "save"

    site = forms.ModelChoiceField(label=_("Trang"), queryset=Site.objects.none())
    file = forms.FileField(
        label=_("Tệp bảng tính (CSV hoặc XLSX)"), help_text=_("Tối đa 5 MB. Dùng tệp mẫu để đúng cột.")
    )
    mode = forms.ChoiceField(
        label=_("Cách nhập"),
        choices=[(MODE_CHECK, _("Chỉ kiểm tra (không lưu)")), (MODE_SAVE, _("Nhập các dòng hợp lệ"))],
        initial=MODE_CHECK,
        widget=forms.RadioSelect,
    )
    publish = forms.BooleanField(label=_("Xuất bản ngay các văn bản nhập"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites_for(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Chỉ nhận tệp .csv hoặc .xlsx."))
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 5 MB)."))
        return upload
