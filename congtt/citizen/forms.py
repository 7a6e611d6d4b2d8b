"""Public forms (every one protected by ``antispam.ProtectedForm``) and admin action forms."""

import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .antispam import ProtectedForm
from .models import Case, CaseField, ResponsibleUnit
from .validators import validate_attachment

PHONE_RE = re.compile(r"^\+?[0-9 .()-]{8,20}$")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean_text(value):
    return CONTROL_RE.sub("", value or "").strip()


class ConsentMixin(forms.Form):
    consent = forms.BooleanField(
        required=True,
        label=gettext_lazy(
            "Tôi đồng ý để cơ quan xử lý dữ liệu cá nhân của tôi theo thông báo xử lý dữ liệu cá nhân."
        ),
        error_messages={
            "required": gettext_lazy("Bạn cần đồng ý với thông báo xử lý dữ liệu cá nhân để gửi.")
        },
    )


class AskForm(ConsentMixin, ProtectedForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại"), choices=Case.Kind.choices, initial=Case.Kind.QUESTION
    )
    asker_name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=120)
    asker_email = forms.EmailField(label=gettext_lazy("Thư điện tử"), max_length=254)
    asker_phone = forms.CharField(label=gettext_lazy("Điện thoại"), max_length=20, required=False)
    asker_address = forms.CharField(label=gettext_lazy("Địa chỉ"), max_length=255, required=False)
    name_display = forms.ChoiceField(
        label=gettext_lazy("Khi công khai câu hỏi, hiển thị tên của tôi dưới dạng"),
        choices=Case.NameDisplay.choices,
        initial=Case.NameDisplay.INITIALS,
    )
    field = forms.ModelChoiceField(
        label=gettext_lazy("Lĩnh vực"), queryset=CaseField.objects.none(), required=False
    )
    title = forms.CharField(label=gettext_lazy("Tiêu đề"), max_length=255)
    question = forms.CharField(
        label=gettext_lazy("Nội dung"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8})
    )
    attachment = forms.FileField(
        label=gettext_lazy("Tệp đính kèm (PDF, DOC, DOCX, JPG, PNG; tối đa 10 MB)"),
        required=False,
        validators=[validate_attachment],
    )

    def __init__(self, *args, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        self.fields["field"].queryset = CaseField.objects.filter(site=site)
        for name in ("asker_name", "title", "question"):
            self.fields[name].error_messages["required"] = {
                "asker_name": _("Hãy nhập họ và tên."),
                "title": _("Hãy nhập tiêu đề."),
                "question": _("Hãy nhập nội dung câu hỏi."),
            }[name]
        self.fields["asker_email"].error_messages.update(
            required=_("Hãy nhập thư điện tử để nhận mã tra cứu và kết quả."),
            invalid=_("Địa chỉ thư điện tử không hợp lệ."),
        )
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = _("Nội dung quá dài (tối đa %(limit_value)d ký tự).")

    def clean_asker_name(self):
        value = _clean_text(self.cleaned_data["asker_name"])
        if not any(ch.isalpha() for ch in value):
            raise forms.ValidationError(_("Họ và tên không hợp lệ."))
        return value

    def clean_asker_phone(self):
        value = _clean_text(self.cleaned_data.get("asker_phone"))
        if value and not PHONE_RE.match(value):
            raise forms.ValidationError(_("Số điện thoại không hợp lệ."))
        return value

    def clean_title(self):
        return _clean_text(self.cleaned_data["title"])

    def clean_question(self):
        value = _clean_text(self.cleaned_data["question"])
        if len(value) < 10:
            raise forms.ValidationError(_("Nội dung câu hỏi quá ngắn."))
        return value


class LookupForm(ProtectedForm):
    code = forms.CharField(label=gettext_lazy("Mã tra cứu"), max_length=16)
    email = forms.EmailField(label=gettext_lazy("Thư điện tử đã dùng khi gửi"), max_length=254)

    def clean_code(self):
        return re.sub(r"[^A-Z0-9]", "", (self.cleaned_data.get("code") or "").upper())


class DraftCommentForm(ConsentMixin, ProtectedForm):
    article = forms.ChoiceField(label=gettext_lazy("Góp ý cho"), required=False)
    name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=120)
    email = forms.EmailField(label=gettext_lazy("Thư điện tử"), max_length=254)
    organisation = forms.CharField(
        label=gettext_lazy("Cơ quan, tổ chức (nếu có)"), max_length=200, required=False
    )
    text = forms.CharField(
        label=gettext_lazy("Ý kiến góp ý"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, draft=None, articles=None, **kwargs):
        super().__init__(*args, **kwargs)
        if articles is None:
            articles = list(draft.articles.all()) if draft else []
        self._articles = {str(a.pk): a for a in articles}
        self.fields["article"].choices = [("", _("Toàn bộ dự thảo"))] + [
            (str(a.pk), str(a)) for a in articles
        ]
        self.fields["name"].error_messages["required"] = _("Hãy nhập họ và tên.")
        self.fields["text"].error_messages["required"] = _("Hãy nhập ý kiến góp ý.")
        self.fields["email"].error_messages.update(
            required=_("Hãy nhập thư điện tử."), invalid=_("Địa chỉ thư điện tử không hợp lệ.")
        )
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = _("Nội dung quá dài (tối đa %(limit_value)d ký tự).")

    def clean_article(self):
        return self._articles.get(self.cleaned_data.get("article") or "")

    def clean_text(self):
        return _clean_text(self.cleaned_data["text"])


SCORE_CHOICES = [(i, str(i)) for i in range(1, 6)]


class RatingForm(ProtectedForm):
    interface = forms.TypedChoiceField(
        label=gettext_lazy("Giao diện"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    content = forms.TypedChoiceField(
        label=gettext_lazy("Nội dung"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    quality = forms.TypedChoiceField(
        label=gettext_lazy("Chất lượng thông tin"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
    )
    support = forms.TypedChoiceField(
        label=gettext_lazy("Hỗ trợ người dùng"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=gettext_lazy("Góp ý thêm"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    page_path = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("interface", "content", "quality", "support"):
            self.fields[name].error_messages.update(
                required=_("Hãy chọn điểm từ 1 đến 5."), invalid_choice=_("Điểm phải từ 1 đến 5.")
            )
        self.fields["comment"].error_messages["max_length"] = _(
            "Nội dung quá dài (tối đa %(limit_value)d ký tự)."
        )


class PostForm(ProtectedForm):
    name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=120)
    email = forms.EmailField(label=gettext_lazy("Thư điện tử (không công khai)"), max_length=254)
    text = forms.CharField(
        label=gettext_lazy("Ý kiến"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Hãy nhập họ và tên.")
        self.fields["text"].error_messages["required"] = _("Hãy nhập ý kiến.")
        self.fields["email"].error_messages.update(
            required=_("Hãy nhập thư điện tử."), invalid=_("Địa chỉ thư điện tử không hợp lệ.")
        )
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = _("Nội dung quá dài (tối đa %(limit_value)d ký tự).")

    def clean_text(self):
        return _clean_text(self.cleaned_data["text"])


# --- admin action forms ---------------------------------------------------------------


class ForwardForm(forms.Form):
    unit = forms.ModelChoiceField(label=gettext_lazy("Đơn vị xử lý"), queryset=ResponsibleUnit.objects.none())
    deadline_class = forms.ChoiceField(
        label=gettext_lazy("Loại thời hạn"), choices=Case.DeadlineClass.choices
    )

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = ResponsibleUnit.objects.filter(site_id=case.site_id)


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("Lý do"),
        choices=[
            ("out_of_scope", gettext_lazy("Ngoài phạm vi")),
            ("complaint", gettext_lazy("Khiếu nại, tố cáo")),
        ],
    )
    notice = forms.CharField(
        label=gettext_lazy("Thông báo gửi công dân"), widget=forms.Textarea(attrs={"rows": 4})
    )


class AnswerForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 10}))


class NoteForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}))


class ExtendForm(forms.Form):
    new_date = forms.DateField(label=gettext_lazy("Hạn mới"), widget=forms.DateInput(attrs={"type": "date"}))
    notice = forms.CharField(
        label=gettext_lazy("Thông báo tiến độ gửi công dân"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EmptyForm(forms.Form):
    pass


ACTION_FORMS = {
    "forward": ForwardForm,
    "reject": RejectForm,
    "draft_answer": AnswerForm,
    "return_answer": NoteForm,
    "approve_answer": EmptyForm,
    "send_answer": EmptyForm,
    "publish": EmptyForm,
    "unpublish": EmptyForm,
    "extend": ExtendForm,
}
ACTION_LABELS = {
    "forward": gettext_lazy("Chuyển đơn vị xử lý"),
    "reject": gettext_lazy("Từ chối tiếp nhận"),
    "draft_answer": gettext_lazy("Dự thảo trả lời"),
    "return_answer": gettext_lazy("Trả lại đơn vị"),
    "approve_answer": gettext_lazy("Duyệt trả lời"),
    "send_answer": gettext_lazy("Gửi trả lời cho công dân"),
    "publish": gettext_lazy("Công khai trên trang"),
    "unpublish": gettext_lazy("Thôi công khai"),
    "extend": gettext_lazy("Gia hạn, thông báo tiến độ"),
}
