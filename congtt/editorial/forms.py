from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Page, Site

from congtt.network.roles import ROLE_CHOICES
from congtt.network.scoping import ALL, site_ids_with_permission

from . import rules
from .docx_import import DocxInvalid, validate_docx


class ReturnForm(forms.Form):
    """Returning an item at any step: one EDT-5 reason and a comment (both required)."""

    reason = forms.ChoiceField(
        label=_("Lý do trả lại"),
        choices=[("", "---------"), *rules.REFUSAL_REASONS],
        error_messages={
            "required": _("Hãy chọn lý do trả lại."),
            "invalid_choice": _("Hãy chọn lý do trả lại."),
        },
    )
    comment = forms.CharField(
        label=_("Ý kiến cụ thể (cần sửa gì)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Hãy ghi ý kiến cụ thể.")},
    )


class ApproveForm(forms.Form):
    comment = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ReviewApproveForm(ApproveForm):
    """A reviewer confirms the prohibited-content checklist (EDT-8) before approving."""

    checklist = forms.BooleanField(
        label=_("Tôi đã kiểm tra tin bài không có nội dung bị cấm theo danh mục dưới đây"),
        error_messages={"required": _("Hãy xác nhận đã kiểm tra danh mục nội dung bị cấm.")},
    )
    checklist_items = rules.PROHIBITED_CONTENT_CHECKLIST


def limit_units(fields, sites) -> None:
    """Offer only the directory units of the sites the user may work on (EDT-6)."""
    from congtt.directory.models import Unit

    if "unit" in fields:
        fields["unit"].queryset = Unit.objects.filter(site__in=sites).order_by("site_id", "order", "name")


class SubmissionForm(WagtailAdminModelForm):
    docx_file = forms.FileField(
        label=_("Nhập nội dung từ tệp Word (.docx)"),
        required=False,
        help_text=_(
            "Nội dung, ảnh trong tệp được chuyển vào ô nội dung; chữ mã TCVN3/VNI được tự chuyển sang Unicode."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from congtt.content.models import SectionPage

        user = self.for_user
        ids = site_ids_with_permission(user, "editorial.add_submission") if user else set()
        sites = Site.objects.order_by("site_name")
        if ids is not ALL:
            sites = sites.filter(pk__in=ids)
        if "site" in self.fields:
            self.fields["site"].queryset = sites
            self.fields["site"].empty_label = None
            if self.instance.pk:
                self.fields["site"].disabled = True
        if "section" in self.fields:
            roots = [site.root_page for site in sites.select_related("root_page")]
            sections = Page.objects.type(SectionPage).filter(depth=3)
            if ids is not ALL:
                from django.db.models import Q

                condition = Q(pk__in=[])
                for root in roots:
                    condition |= Q(path__startswith=root.path)
                sections = sections.filter(condition)
            else:
                sections = sections.filter(locale__language_code="vi")
            self.fields["section"].queryset = sections.order_by("path")
            self.fields["section"].widget = forms.Select(choices=self.fields["section"].choices)
        limit_units(self.fields, sites)
        if "officer" in self.fields and not self.instance.pk and user is not None:
            self.fields["officer"].queryset = get_user_model().objects.filter(pk=user.pk)
            self.initial.setdefault("officer", user.pk)
        if not self.instance.pk and user is not None:
            from .models import OfficerUnit

            link = OfficerUnit.objects.filter(user=user, site__in=sites).order_by("site__site_name").first()
            if link is not None:  # EDT-6: an officer files for their own unit by default
                self.initial.setdefault("site", link.site_id)
                self.initial.setdefault("unit", link.unit_id)

    def clean_docx_file(self):
        uploaded = self.cleaned_data.get("docx_file")
        if uploaded:
            try:
                validate_docx(uploaded)
            except DocxInvalid as exc:
                raise forms.ValidationError(str(exc)) from exc
        return uploaded

    def clean(self):
        cleaned = super().clean()
        site = cleaned.get("site") or (self.instance.site if self.instance.site_id else None)
        section = cleaned.get("section")
        if site and section:
            from .workflow import site_for_page

            if site_for_page(section) != site:
                self.add_error("section", _("Chuyên mục không thuộc trang đã chọn."))
        if site and self.for_user is not None and "unit" in self.fields:
            self._clean_unit(cleaned, site)
        return cleaned

    def _clean_unit(self, cleaned, site):
        """EDT-6: no unit given → the officer's; a unit officer may file only for their own unit."""
        from . import officers

        unit, unit_name = cleaned.get("unit"), cleaned.get("unit_name", "")
        if unit is None and not unit_name.strip():
            cleaned["unit"] = unit = officers.unit_of(self.for_user, site)
        error = officers.unit_error(self.for_user, site, unit, unit_name)
        if error:
            self.add_error("unit", error)

    def save(self, commit=True):
        from . import services

        instance = super().save(commit=False)
        if not instance.pk and self.for_user is not None:
            instance.created_by = self.for_user
        uploaded = self.cleaned_data.get("docx_file")
        if uploaded:
            services.import_docx(instance, uploaded, self.for_user)
        if commit:
            instance.save()
            self.save_m2m()
        return instance


class RoleForm(forms.Form):
    user = forms.CharField(
        label=_("Tên đăng nhập hoặc thư điện tử"),
        max_length=254,
        help_text=_("Tài khoản phải có sẵn (do quản trị hệ thống tạo)."),
    )
    role = forms.ChoiceField(label=_("Vai trò"), choices=ROLE_CHOICES)
    fields = forms.ModelMultipleChoiceField(
        label=_("Lĩnh vực phụ trách (thành viên)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from . import fields

        queryset = fields.field_queryset()
        if queryset is None:
            del self.fields["fields"]
        else:
            self.fields["fields"].queryset = queryset

    def clean_user(self):
        value = self.cleaned_data["user"].strip()
        users = get_user_model().objects.filter(is_active=True)
        user = users.filter(username__iexact=value).first() or users.filter(email__iexact=value).first()
        if user is None:
            raise forms.ValidationError(
                _("Không tìm thấy tài khoản đang hoạt động với tên hoặc thư điện tử này.")
            )
        return user


class SiteLimitedForm(WagtailAdminModelForm):
    """Admin form of a per-site record: the site choice is limited to the user's sites."""

    site_permission = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        ids = site_ids_with_permission(user, self.site_permission) if user else set()
        if "site" in self.fields:
            sites = Site.objects.order_by("site_name")
            self.fields["site"].queryset = sites if ids is ALL else sites.filter(pk__in=ids)
            self.fields["site"].empty_label = None
            if self.instance.pk:
                self.fields["site"].disabled = True


class DeadlineRuleForm(SiteLimitedForm):
    site_permission = "editorial.add_deadlinerule"


class PublicationDeadlineForm(SiteLimitedForm):
    site_permission = "editorial.add_publicationdeadline"

    def save(self, commit=True):
        from .deadlines import due_date_for

        instance = super().save(commit=False)
        instance.due_date = due_date_for(instance.site, instance.kind, instance.source_date)
        if commit:
            instance.save()
            self.save_m2m()
        return instance


class DelegationForm(SiteLimitedForm):
    site_permission = "editorial.add_delegation"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from congtt.network.models import SiteRoleGroup

        if "deputy" in self.fields:
            groups = SiteRoleGroup.objects.filter(
                role="deputy", site__in=self.fields["site"].queryset
            ).values("group")
            self.fields["deputy"].queryset = get_user_model().objects.filter(groups__in=groups).distinct()

    def clean(self):
        cleaned = super().clean()
        site, deputy = cleaned.get("site"), cleaned.get("deputy")
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
        if (
            site
            and deputy
            and not deputy.groups.filter(site_role__site=site, site_role__role="deputy").exists()
        ):
            self.add_error("deputy", _("Người được ủy quyền phải là Phó Trưởng ban biên tập của trang này."))
        return cleaned


class UnitQuotaForm(SiteLimitedForm):
    site_permission = "editorial.add_unitquota"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields:
            limit_units(self.fields, self.fields["site"].queryset)


class OfficerUnitForm(SiteLimitedForm):
    site_permission = "editorial.add_officerunit"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields:
            limit_units(self.fields, self.fields["site"].queryset)


class BoardMeetingForm(SiteLimitedForm):
    site_permission = "editorial.add_boardmeeting"


class ContributorForm(SiteLimitedForm):
    """Cộng tác viên (EDT-10): units of the user's sites; saving applies the contributor group."""

    site_permission = "editorial.add_contributor"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields:
            limit_units(self.fields, self.fields["site"].queryset)
        if "user" in self.fields:
            self.fields["user"].queryset = (
                get_user_model().objects.filter(is_active=True).order_by("username")
            )
        if "fields" in self.fields:
            from . import fields

            self.fields["fields"].queryset = fields.field_queryset()

    def save(self, commit=True):
        from .contributors import sync_group

        instance = super().save(commit=commit)
        if commit:
            previous = self.initial.get("user")
            if previous and previous != instance.user_id:
                self._revoke_previous(instance, previous)
            sync_group(instance, actor=self.for_user)
        return instance

    def _revoke_previous(self, instance, user_id):
        """The account was unlinked or replaced: the old account leaves the contributor group."""
        from .contributors import sync_group

        old = type(instance)(
            pk=instance.pk, site=instance.site, user_id=user_id, name=instance.name, is_active=False
        )
        sync_group(old, actor=self.for_user)
