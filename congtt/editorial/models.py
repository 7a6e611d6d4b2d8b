"""Editorial board records: submissions, workflow tasks, decisions, delegations (EDT-1…EDT-6)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import Page, Site, Task, TaskState

from . import rules

SUBMISSION_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "image",
    "blockquote",
]


class Channel(models.TextChoices):
    WEB = "web", _("Phiếu đề nghị trên cổng")
    EMAIL = "email", _("Thư điện tử")
    EXCHANGE = "exchange", _("Trục liên thông văn bản")
    SOCIAL = "social", _("Mạng xã hội")
    PAPER = "paper", _("Văn bản giấy")
    NETWORK = "network", _("Trang thành phần đề xuất (đăng lại)")
    OTHER = "other", _("Khác")


def unit_field(verbose_name):
    """The directory unit of a :class:`UnitLinkMixin` record (empty for an outside unit)."""
    return models.ForeignKey(
        "directory.Unit",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Đơn vị trong danh bạ của trang; để trống nếu là đơn vị ngoài."),
    )


def unit_name_field(verbose_name):
    """The unit's name of a :class:`UnitLinkMixin` record: typed for an outside unit, else copied."""
    return models.CharField(
        verbose_name,
        max_length=255,
        blank=True,
        help_text=_("Ghi tên khi đơn vị không có trong danh bạ; tự điền theo đơn vị đã chọn."),
    )


class UnitLinkMixin:
    """A record sent by (or counted for) a unit: ``unit`` from the directory, or ``unit_name`` for an outside
    unit; the name follows the linked unit (EDT-6). ``unit_required``: one of the two must be given."""

    unit_required = False

    def save(self, *args, **kwargs):
        if self.unit_id:
            self.unit_name = self.unit.name
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.unit_id and self.site_id and self.unit.site_id != self.site_id:
            raise ValidationError({"unit": _("Đơn vị không thuộc trang đã chọn.")})
        if self.unit_required and not self.unit_id and not self.unit_name.strip():
            raise ValidationError({"unit_name": _("Hãy chọn đơn vị hoặc ghi tên đơn vị.")})


class Submission(UnitLinkMixin, models.Model):
    """Phiếu đề nghị đăng tin: an item proposed for publication on one site (EDT-2, EDT-6)."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        CONVERTED = "converted", _("Đã chuyển thành tin bài nháp")
        WITHDRAWN = "withdrawn", _("Đơn vị rút lại")
        REJECTED = "rejected", _("Không đăng")

    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("trang")
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    section = models.ForeignKey(
        Page,
        verbose_name=_("chuyên mục đề nghị đăng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("tóm tắt (sapo)"), blank=True, max_length=1000)
    content = RichTextField(_("nội dung"), blank=True, features=SUBMISSION_FEATURES)
    attachments = models.ManyToManyField(
        "wagtaildocs.Document", verbose_name=_("tệp đính kèm"), blank=True, related_name="+"
    )
    original_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp gốc"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Bản gốc nhận được: tệp .docx, thư điện tử (.eml), bản quét văn bản giấy…"),
    )
    authors = models.CharField(
        _("tác giả"), max_length=255, blank=True, help_text=_("Nhiều tác giả cách nhau bằng dấu phẩy.")
    )
    source = models.CharField(_("nguồn tin"), max_length=255, blank=True)
    unit = unit_field(_("đơn vị gửi"))
    unit_name = unit_name_field(_("tên đơn vị gửi"))
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ gửi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editorial_submissions",
    )
    sender = models.CharField(
        _("người gửi (ngoài hệ thống)"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: địa chỉ thư điện tử."),
    )
    channel = models.CharField(
        _("kênh tiếp nhận"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    field = models.ForeignKey(
        "legal.Field",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tin bài được chuyển cho thành viên ban biên tập phụ trách lĩnh vực này thẩm định."),
    )
    item_type = models.CharField(
        _("thể loại"),
        max_length=10,
        choices=[("news", _("Tin")), ("article", _("Bài viết"))],
        default="news",
        help_text=_("Dùng để tính định mức tin, bài của đơn vị."),
    )
    message_id = models.CharField(_("mã thư"), max_length=255, blank=True, db_index=True, editable=False)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    status_note = models.TextField(_("ghi chú xử lý"), blank=True)
    source_page = models.ForeignKey(
        Page,
        verbose_name=_("tin gốc (trang thành phần)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    article = models.ForeignKey(
        Page, verbose_name=_("tin bài"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("ngày tiếp nhận"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("phiếu đề nghị đăng tin")
        verbose_name_plural = _("phiếu đề nghị đăng tin")
        permissions = [("convert_submission", _("Chuyển phiếu đề nghị thành tin bài"))]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "message_id"],
                condition=~models.Q(message_id=""),
                name="editorial_submission_unique_message",
            )
        ]

    def __str__(self):
        return self.title

    def author_names(self) -> list[str]:
        return rules.author_list(self.authors)


class Delegation(models.Model):
    """The chief editor delegates final approval to a deputy for a period (EDT-1, EDT-3)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("phó trưởng ban")
    )
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến hết ngày"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("ủy quyền duyệt tin")
        verbose_name_plural = _("ủy quyền duyệt tin")

    def __str__(self):
        return f"{self.deputy} ({self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y})"


class Decision(models.Model):
    """A step's decision on an item, with its reason (EDT-3, EDT-5): the board's own history."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Đồng ý")
        RETURN = "reject", _("Trả lại")
        TAKEDOWN = "takedown", _("Gỡ tin")

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    task_state = models.ForeignKey(
        TaskState, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    step = models.CharField(_("bước"), max_length=255)
    action = models.CharField(_("quyết định"), max_length=20, choices=Action.choices)
    reason = models.CharField(_("lý do"), max_length=30, choices=rules.REFUSAL_REASONS, blank=True)
    comment = models.TextField(_("ý kiến"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("người"),
    )
    created_at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ý kiến xử lý")
        verbose_name_plural = _("ý kiến xử lý")

    def __str__(self):
        return f"{self.get_action_display()} · {self.step}"


class EditorialTask(Task):
    """Base of the board's workflow steps: who may act is decided per site, at the time of acting."""

    admin_form_fields = Task.admin_form_fields

    class Meta:
        abstract = True

    # ``user_may_act`` is implemented by each step in ``congtt.editorial.workflow``.
    def user_may_act(self, obj, user) -> bool:
        from .workflow import user_may_act

        return user_may_act(self, obj, user)

    def user_can_access_editor(self, obj, user):
        return self.user_may_act(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_may_act(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_may_act(obj, user)

    def get_actions(self, obj, user):
        from .workflow import actions_for

        return actions_for(self, obj, user)

    def get_form_for_action(self, action):
        from .forms import ApproveForm, ReturnForm

        return ReturnForm if action == "reject" else ApproveForm

    def get_template_for_action(self, action):
        return "editorial/workflow_action_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        from .workflow import perform_action

        return perform_action(self, task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from .workflow import states_user_can_moderate

        return states_user_can_moderate(self, user)


class FieldReviewTask(EditorialTask):
    def get_form_for_action(self, action):
        from .forms import ReturnForm, ReviewApproveForm

        return ReturnForm if action == "reject" else ReviewApproveForm

    class Meta:
        verbose_name = _("Thẩm định theo lĩnh vực")
        verbose_name_plural = _("Thẩm định theo lĩnh vực")

    @classmethod
    def get_description(cls):
        return _("Thành viên ban biên tập phụ trách lĩnh vực của tin bài thẩm định (hạn 2 ngày làm việc).")


class ChiefApprovalTask(EditorialTask):
    class Meta:
        verbose_name = _("Trưởng ban duyệt")
        verbose_name_plural = _("Trưởng ban duyệt")

    @classmethod
    def get_description(cls):
        return _("Trưởng ban biên tập (hoặc Phó Trưởng ban được ủy quyền) duyệt tin bài.")


class PublishTask(EditorialTask):
    class Meta:
        verbose_name = _("Xuất bản")
        verbose_name_plural = _("Xuất bản")

    @classmethod
    def get_description(cls):
        return _("Thư ký ban biên tập hoặc quản trị trang xuất bản tin bài đã được duyệt.")


class DeadlineRule(models.Model):
    """A site's own publication deadline for one kind of information (DL-2); default from ``rules``."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    kind = models.CharField(_("loại thông tin"), max_length=30, choices=rules.DEADLINE_KIND_CHOICES)
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))

    class Meta:
        verbose_name = _("thời hạn đăng tải")
        verbose_name_plural = _("thời hạn đăng tải")
        constraints = [
            models.UniqueConstraint(fields=["site", "kind"], name="editorial_unique_deadline_rule")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.working_days}"


class PublicationDeadline(models.Model):
    """The publication deadline of one item (page or record) counted from its source document (DL-2, DL-3)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Chưa đăng, còn hạn")
        OVERDUE = "overdue", _("Chưa đăng, quá hạn")
        ON_TIME = "on_time", _("Đăng đúng hạn")
        LATE = "late", _("Đăng trễ hạn")

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    title = models.CharField(_("tên thông tin"), max_length=500)
    kind = models.CharField(_("loại thông tin"), max_length=30, choices=rules.DEADLINE_KIND_CHOICES)
    source_date = models.DateField(_("ngày ban hành/phê duyệt văn bản gốc"))
    due_date = models.DateField(_("hạn đăng"), db_index=True)
    published_at = models.DateTimeField(_("ngày đăng"), null=True, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người chịu trách nhiệm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_on = models.DateField(_("ngày nhắc gần nhất"), null=True, blank=True, editable=False)
    missed_reported_on = models.DateField(_("ngày báo quá hạn"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        ordering = ["due_date"]
        verbose_name = _("hạn đăng thông tin")
        verbose_name_plural = _("hạn đăng thông tin")

    def __str__(self):
        return self.title

    @property
    def state(self) -> str:
        from congtt.workdays.services import to_local_date

        today = timezone.localdate()
        if self.published_at:
            return self.State.LATE if to_local_date(self.published_at) > self.due_date else self.State.ON_TIME
        return self.State.OVERDUE if today > self.due_date else self.State.PENDING

    def get_state_display(self):
        return self.State(self.state).label


class UnitQuota(UnitLinkMixin, models.Model):
    """A unit expected to contribute to a site every week (EDT-7; default 1 news + 1 article)."""

    unit_required = True

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    unit = unit_field(_("đơn vị"))
    unit_name = unit_name_field(_("tên đơn vị"))
    weekly_news = models.PositiveSmallIntegerField(_("số tin mỗi tuần"), default=rules.WEEKLY_NEWS_QUOTA)
    weekly_articles = models.PositiveSmallIntegerField(
        _("số bài viết mỗi tuần"), default=rules.WEEKLY_ARTICLE_QUOTA
    )
    monthly_target = models.PositiveSmallIntegerField(
        _("chỉ tiêu tin, bài mỗi tháng"), default=0, help_text=_("0: bằng 4 lần định mức tuần.")
    )

    class Meta:
        ordering = ["unit_name"]
        verbose_name = _("định mức tin, bài của đơn vị")
        verbose_name_plural = _("định mức tin, bài của đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["site", "unit_name"], name="editorial_unique_unit_quota")
        ]

    def __str__(self):
        return self.unit_name


class MemberField(models.Model):
    """A board member's lĩnh vực on one site: items of that field are routed to the member for review (EDT-1)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editorial_fields",
        verbose_name=_("thành viên"),
    )
    field = models.ForeignKey(
        "legal.Field", on_delete=models.CASCADE, related_name="+", verbose_name=_("lĩnh vực")
    )

    class Meta:
        verbose_name = _("lĩnh vực phụ trách")
        verbose_name_plural = _("lĩnh vực phụ trách")
        constraints = [
            models.UniqueConstraint(fields=["site", "user", "field"], name="editorial_unique_member_field")
        ]

    def __str__(self):
        return f"{self.user} · {self.field}"


class ViolationReport(models.Model):
    """A report that a published page violates the law or the portal's rules (EDT-8)."""

    class Category(models.TextChoices):
        PROHIBITED = "prohibited", _("Nội dung bị cấm (chống phá, kích động, đồi trụy…)")
        FALSE = "false", _("Thông tin sai sự thật")
        SECRET = "secret", _("Lộ bí mật nhà nước, bí mật cá nhân")
        COPYRIGHT = "copyright", _("Vi phạm bản quyền")
        OUTDATED = "outdated", _("Thông tin hết hiệu lực, lỗi thời")
        OTHER = "other", _("Khác")

    class Status(models.TextChoices):
        NEW = "new", _("Mới")
        TAKEN_DOWN = "taken_down", _("Đã gỡ tin")
        DISMISSED = "dismissed", _("Không vi phạm")

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    page = models.ForeignKey(
        Page,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("trang bị báo cáo"),
    )
    page_title = models.CharField(_("tiêu đề trang"), max_length=255)
    page_url = models.CharField(_("địa chỉ trang"), max_length=500)
    category = models.CharField(_("loại vi phạm"), max_length=20, choices=Category.choices)
    description = models.TextField(_("mô tả"), max_length=3000)
    reporter_name = models.CharField(_("họ tên người báo cáo"), max_length=255, blank=True)
    reporter_email = models.EmailField(_("thư điện tử người báo cáo"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xử lý"),
    )
    handled_at = models.DateTimeField(_("thời điểm xử lý"), null=True, blank=True)
    note = models.TextField(_("ghi chú xử lý"), blank=True)
    created_at = models.DateTimeField(_("thời điểm báo cáo"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("báo cáo vi phạm")
        verbose_name_plural = _("báo cáo vi phạm")

    def __str__(self):
        return f"{self.page_title} ({self.get_category_display()})"


class BoardMeeting(models.Model):
    """A meeting of a site's editorial board (EDT-11): at least one every 6 months."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    held_on = models.DateField(_("ngày họp"), db_index=True)
    chair = models.CharField(_("người chủ trì"), max_length=255)
    attendees = models.TextField(_("thành phần tham dự"), blank=True)
    conclusions = models.TextField(_("nội dung, kết luận"))
    minutes = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("biên bản họp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tệp biên bản trong thư mục tài liệu của trang."),
    )
    reminded_on = models.DateField(_("ngày nhắc họp kỳ sau"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("cuộc họp ban biên tập")
        verbose_name_plural = _("cuộc họp ban biên tập")

    def __str__(self):
        return _("Họp ban biên tập ngày %(day)s") % {"day": self.held_on.strftime("%d/%m/%Y")}

    def clean(self):
        from django.core.exceptions import ValidationError

        from .meetings import minutes_in_site_collection

        if self.held_on and self.held_on > timezone.localdate():
            raise ValidationError({"held_on": _("Ngày họp không được sau hôm nay.")})
        if self.minutes_id and self.site_id and not minutes_in_site_collection(self.minutes, self.site):
            raise ValidationError({"minutes": _("Biên bản phải nằm trong thư mục tài liệu của trang.")})


class Contributor(UnitLinkMixin, models.Model):
    """Cộng tác viên of one site (EDT-10): appointed by a decision, belongs to a directory unit, covers fields.

    When ``user`` is set, the site's contributor group follows ``is_active`` and ``ends_on``
    (:func:`congtt.editorial.contributors.sync_group`)."""

    unit_required = True

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    name = models.CharField(_("họ và tên"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editorial_contributors",
        help_text=_(
            "Khi có tài khoản, người này được cấp vai trò cộng tác viên của trang trong thời gian hoạt động."
        ),
    )
    unit = unit_field(_("đơn vị"))
    unit_name = unit_name_field(_("tên đơn vị"))
    fields = models.ManyToManyField(
        "legal.Field", verbose_name=_("lĩnh vực phụ trách"), blank=True, related_name="+"
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    decision_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp quyết định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tệp quyết định công nhận trong thư mục tài liệu của trang."),
    )
    starts_on = models.DateField(_("ngày bắt đầu"), default=timezone.localdate)
    ends_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True, db_index=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    class Meta:
        ordering = ["site_id", "unit_name", "name"]
        verbose_name = _("cộng tác viên")
        verbose_name_plural = _("cộng tác viên")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "user"],
                condition=models.Q(user__isnull=False),
                name="editorial_unique_contributor_user",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.unit_name})" if self.unit_name else self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        from .meetings import minutes_in_site_collection

        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})
        if (
            self.decision_file_id
            and self.site_id
            and not minutes_in_site_collection(self.decision_file, self.site)
        ):
            raise ValidationError(
                {"decision_file": _("Tệp quyết định phải nằm trong thư mục tài liệu của trang.")}
            )
        if (
            self.user_id
            and self.site_id
            and Contributor.objects.filter(site_id=self.site_id, user_id=self.user_id)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError({"user": _("Tài khoản này đã có trong danh sách cộng tác viên của trang.")})

    def in_service(self, today=None) -> bool:
        """Active and within its start/end dates on ``today``."""
        today = today or timezone.localdate()
        return (
            self.is_active
            and (self.starts_on is None or self.starts_on <= today)
            and (self.ends_on is None or self.ends_on >= today)
        )


class OfficerUnit(models.Model):
    """The directory unit a user works for on one site (EDT-6): their submissions are filed for it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="officer_units",
        verbose_name=_("cán bộ"),
    )
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    unit = models.ForeignKey(
        "directory.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("đơn vị")
    )

    class Meta:
        ordering = ["site_id", "unit__name"]
        verbose_name = _("đơn vị của cán bộ")
        verbose_name_plural = _("đơn vị của cán bộ")
        constraints = [models.UniqueConstraint(fields=["user", "site"], name="editorial_unique_officer_unit")]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} – {self.unit.name}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.unit_id and self.site_id and self.unit.site_id != self.site_id:
            raise ValidationError({"unit": _("Đơn vị không thuộc trang đã chọn.")})
