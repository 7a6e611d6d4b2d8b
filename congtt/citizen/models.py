"""Citizen interaction records: cases (questions and petitions), consultation on drafts,
ratings and a moderated forum. Rules live in ``rules.py`` and ``transitions.py``."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from congtt.vntext import fold

from .validators import validate_attachment

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 10


def new_tracking_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def attachment_path(instance, filename):
    """A path nobody can guess; served only through a staff view."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"citizen-private/{secrets.token_hex(16)}.{ext}"


class CitizenSettings(BaseSiteSetting):
    """Per-site deadlines and retention (QA-3, QA-5)."""

    days_competence = models.PositiveSmallIntegerField(
        _("hạn trả lời thuộc thẩm quyền (ngày làm việc)"), default=5
    )
    days_several = models.PositiveSmallIntegerField(
        _("hạn trả lời cần nhiều cơ quan (ngày làm việc)"), default=10
    )
    days_special = models.PositiveSmallIntegerField(
        _("hạn trả lời trường hợp đặc biệt (ngày làm việc)"), default=15
    )
    retention_days = models.PositiveSmallIntegerField(
        _("số ngày lưu dữ liệu cá nhân sau khi trả lời"), default=30
    )
    reminder_lead_days = models.PositiveSmallIntegerField(_("nhắc hạn trước (ngày làm việc)"), default=1)
    board_email = models.EmailField(_("thư điện tử ban biên tập"), blank=True)
    privacy_notice_version = models.CharField(
        _("phiên bản thông báo xử lý dữ liệu cá nhân"), max_length=20, default="2025-01"
    )

    class Meta:
        verbose_name = _("cấu hình hỏi đáp")
        verbose_name_plural = _("cấu hình hỏi đáp")

    @classmethod
    def get_for_site(cls, site):
        obj, _created = cls.objects.get_or_create(site=site)
        return obj


class ResponsibleUnit(models.Model):
    """A unit that answers cases (kept inside this app; the directory app may replace it)."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("trang")
    )
    name = models.CharField(_("tên đơn vị"), max_length=255)
    email = models.EmailField(_("thư điện tử"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="citizen_units", verbose_name=_("cán bộ xử lý")
    )

    panels = [FieldPanel("site"), FieldPanel("name"), FieldPanel("email"), FieldPanel("members")]

    class Meta:
        verbose_name = _("đơn vị xử lý")
        verbose_name_plural = _("đơn vị xử lý")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CaseField(models.Model):
    """A field (lĩnh vực) a case belongs to, per site."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("trang")
    )
    name = models.CharField(_("lĩnh vực"), max_length=200)

    panels = [FieldPanel("site"), FieldPanel("name")]

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Case(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        QUESTION = "question", _("Câu hỏi")
        PETITION = "petition", _("Phản ánh, kiến nghị")

    class State(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        REJECTED_SCOPE = "rejected_out_of_scope", _("Từ chối: ngoài phạm vi")
        REJECTED_COMPLAINT = "rejected_complaint", _("Từ chối: khiếu nại, tố cáo")
        FORWARDED = "forwarded", _("Đã chuyển đơn vị xử lý")
        DRAFTED = "answer_drafted", _("Đơn vị đã dự thảo trả lời")
        RETURNED = "returned", _("Trả lại đơn vị")
        APPROVED = "approved", _("Đã duyệt trả lời")
        ANSWERED = "answered", _("Đã trả lời")
        PUBLISHED = "published", _("Đã công khai")

    class Channel(models.TextChoices):
        WEB = "web", _("Trực tuyến")
        EMAIL = "email", _("Thư điện tử")
        PAPER = "paper", _("Văn bản giấy")
        IN_PERSON = "in_person", _("Trực tiếp")
        PHONE = "phone", _("Điện thoại")

    class NameDisplay(models.TextChoices):
        FULL = "full", _("Họ và tên")
        INITIALS = "initials", _("Chữ cái đầu")
        ANONYMOUS = "anonymous", _("Ẩn danh")

    class DeadlineClass(models.TextChoices):
        COMPETENCE = "competence", _("Thuộc thẩm quyền (5 ngày làm việc)")
        SEVERAL = "several", _("Cần nhiều cơ quan (10 ngày làm việc)")
        SPECIAL = "special", _("Trường hợp đặc biệt (15 ngày làm việc)")

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.PROTECT, related_name="+", verbose_name=_("trang")
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    code = models.CharField(
        _("mã tra cứu"), max_length=16, unique=True, default=new_tracking_code, editable=False
    )
    asker_name = models.CharField(_("họ và tên"), max_length=120)
    asker_email = models.EmailField(_("thư điện tử"), max_length=254, blank=True)
    asker_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    asker_address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    name_display = models.CharField(
        _("hiển thị tên khi công khai"),
        max_length=10,
        choices=NameDisplay.choices,
        default=NameDisplay.INITIALS,
    )
    field = models.ForeignKey(
        CaseField, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("lĩnh vực")
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    question = models.TextField(_("nội dung"), max_length=10000)
    attachment = models.FileField(
        _("tệp đính kèm"),
        upload_to=attachment_path,
        blank=True,
        validators=[validate_attachment],
        max_length=200,
    )
    consent = models.BooleanField(_("đồng ý xử lý dữ liệu cá nhân"), default=False)
    consent_at = models.DateTimeField(_("thời điểm đồng ý"), null=True, blank=True)
    privacy_notice_version = models.CharField(_("phiên bản thông báo"), max_length=20, blank=True)
    channel = models.CharField(
        _("kênh tiếp nhận"), max_length=12, choices=Channel.choices, default=Channel.WEB
    )
    state = models.CharField(_("trạng thái"), max_length=24, choices=State.choices, default=State.RECEIVED)
    deadline_class = models.CharField(
        _("loại thời hạn"), max_length=12, choices=DeadlineClass.choices, blank=True
    )
    unit = models.ForeignKey(
        ResponsibleUnit, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("đơn vị xử lý")
    )
    assigned_at = models.DateTimeField(_("ngày chuyển xử lý"), null=True, blank=True)
    due_date = models.DateField(_("hạn trả lời"), null=True, blank=True)
    extended_due_date = models.DateField(_("hạn gia hạn"), null=True, blank=True)
    progress_notice = models.TextField(_("thông báo tiến độ"), blank=True)
    notice = models.TextField(_("thông báo gửi công dân"), blank=True)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_at = models.DateTimeField(_("ngày trả lời"), null=True, blank=True)
    published = models.BooleanField(_("công khai"), default=False)
    published_at = models.DateTimeField(_("ngày công khai"), null=True, blank=True)
    reminded_on = models.DateField(_("ngày nhắc hạn"), null=True, blank=True)
    escalated_on = models.DateField(_("ngày báo quá hạn"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("ngày xóa dữ liệu cá nhân"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("ngày tiếp nhận"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    search_kind = _("Hỏi đáp")
    search_date_field = "published_at"
    search_fields = [
        index.SearchField("title"),
        index.SearchField("question"),
        index.SearchField("answer"),
        index.SearchField("search_folded"),
        index.FilterField("site_id"),
        index.FilterField("published"),
        index.FilterField("published_at"),
    ]
    panels = [
        FieldPanel("site"),
        FieldPanel("kind"),
        FieldPanel("channel"),
        MultiFieldPanel(
            [
                FieldPanel("asker_name"),
                FieldPanel("asker_email"),
                FieldPanel("asker_phone"),
                FieldPanel("asker_address"),
                FieldPanel("name_display"),
            ],
            heading=_("Người gửi"),
        ),
        FieldPanel("field"),
        FieldPanel("title"),
        FieldPanel("question"),
        FieldPanel("attachment"),
        FieldPanel("consent"),
    ]

    class Meta:
        verbose_name = _("hỏi đáp, phản ánh")
        verbose_name_plural = _("hỏi đáp, phản ánh")
        ordering = ["-created_at"]
        permissions = [
            ("handle_case", _("Phân loại, duyệt, gửi và công khai hỏi đáp (ban biên tập)")),
            ("answer_case", _("Dự thảo trả lời, gia hạn hỏi đáp (đơn vị)")),
        ]
        indexes = [models.Index(fields=["site", "state"]), models.Index(fields=["site", "published"])]

    def __str__(self):
        return f"{self.code} – {self.title}"

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.title or "", self.question or "", self.answer or ""]))
        if self.consent and not self.consent_at:
            self.consent_at = timezone.now()
        super().save(*args, **kwargs)

    def search_folded(self):
        return self.search_text

    @classmethod
    def public_search_queryset(cls, site):
        return cls.objects.filter(site=site, published=True)

    def get_url(self, request=None):
        # The Q&A page's URL is looked up once per site and cached (search lists up to 300 cases:
        # three queries per case made a common-word search take 900 queries).
        from congtt.legal.models import section_item_url

        return section_item_url(QuestionIndexPage, self.site_id, f"cau-hoi/{self.pk}/", request) or ""

    @property
    def effective_due_date(self):
        return self.extended_due_date or self.due_date

    @property
    def public_name(self):
        from .rules import display_name

        return display_name(self.asker_name, self.name_display)


class CaseEvent(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("hồ sơ"))
    from_state = models.CharField(_("từ trạng thái"), max_length=24, blank=True)
    to_state = models.CharField(_("sang trạng thái"), max_length=24)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("người thực hiện"),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        verbose_name = _("lịch sử xử lý")
        verbose_name_plural = _("lịch sử xử lý")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.case_id}: {self.from_state or '-'} → {self.to_state}"

    def get_to_state_display(self):
        return Case.State(self.to_state).label if self.to_state in Case.State.values else self.to_state


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không duyệt")


class Draft(index.Indexed, ClusterableModel):
    """A draft legal document put out for public comment (CON-1)."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("trang")
    )
    title = models.CharField(_("tên dự thảo"), max_length=255)
    drafting_unit = models.ForeignKey(
        ResponsibleUnit, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("đơn vị soạn thảo")
    )
    summary = models.TextField(_("tóm tắt"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("tệp dự thảo"),
    )
    opens_on = models.DateField(_("ngày bắt đầu lấy ý kiến"))
    closes_on = models.DateField(_("ngày kết thúc lấy ý kiến"))
    published = models.BooleanField(_("công bố"), default=False)
    intake_summary = RichTextField(_("tổng hợp, tiếp thu ý kiến"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    search_kind = _("Dự thảo")
    search_date_field = "opens_on"
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("search_folded"),
        index.FilterField("site_id"),
        index.FilterField("published"),
        index.FilterField("opens_on"),
    ]
    panels = [
        FieldPanel("site"),
        FieldPanel("title"),
        FieldPanel("drafting_unit"),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("opens_on"),
        FieldPanel("closes_on"),
        FieldPanel("published"),
        InlinePanel("articles", label=_("Điều khoản")),
        FieldPanel("intake_summary"),
    ]

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")
        ordering = ["-opens_on", "-pk"]

    def __str__(self):
        return self.title

    def search_folded(self):
        return fold(f"{self.title} {self.summary}")

    @classmethod
    def public_search_queryset(cls, site):
        return cls.objects.filter(site=site, published=True)

    def get_url(self, request=None):

        page = ConsultationIndexPage.objects.live().descendant_of(self.site.root_page).first()
        return f"{page.url}{self.pk}/" if page else ""

    def is_open(self, today=None):
        from .rules import draft_is_open

        return draft_is_open(self, today)

    def is_closed(self, today=None):
        today = today or timezone.localdate()
        return today > self.closes_on


class DraftArticle(Orderable):
    draft = ParentalKey(Draft, on_delete=models.CASCADE, related_name="articles")
    label = models.CharField(_("số điều"), max_length=40, help_text=_("Ví dụ: Điều 1"))
    heading = models.CharField(_("tên điều"), max_length=255, blank=True)
    text = models.TextField(_("nội dung"), blank=True)

    panels = [FieldPanel("label"), FieldPanel("heading"), FieldPanel("text")]

    def __str__(self):
        return f"{self.label}. {self.heading}" if self.heading else self.label


class DraftComment(models.Model):
    draft = models.ForeignKey(
        Draft, on_delete=models.CASCADE, related_name="comments", verbose_name=_("dự thảo")
    )
    article = models.ForeignKey(
        DraftArticle, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("điều khoản")
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    email = models.EmailField(_("thư điện tử"))
    organisation = models.CharField(_("cơ quan, tổ chức"), max_length=200, blank=True)
    text = models.TextField(_("ý kiến"), max_length=10000)
    consent_at = models.DateTimeField(_("thời điểm đồng ý"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ModerationStatus.choices, default=ModerationStatus.PENDING
    )
    created_at = models.DateTimeField(_("ngày gửi"), default=timezone.now)

    panels = [
        FieldPanel("status"),
        FieldPanel("article"),
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = _("ý kiến góp ý dự thảo")
        verbose_name_plural = _("ý kiến góp ý dự thảo")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"


class Rating(models.Model):
    """A visitor's rating of the portal (INT-2)."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("trang")
    )
    interface = models.PositiveSmallIntegerField(_("giao diện"))
    content = models.PositiveSmallIntegerField(_("nội dung"))
    quality = models.PositiveSmallIntegerField(_("chất lượng"))
    support = models.PositiveSmallIntegerField(_("hỗ trợ"))
    comment = models.TextField(_("góp ý"), blank=True, max_length=2000)
    page_path = models.CharField(_("trang được đánh giá"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        verbose_name = _("đánh giá")
        verbose_name_plural = _("đánh giá")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.interface}/{self.content}/{self.quality}/{self.support}"


class Topic(models.Model):
    """A discussion topic the board opens (INT-3)."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("trang")
    )
    title = models.CharField(_("chủ đề"), max_length=255)
    description = models.TextField(_("giới thiệu"), blank=True)
    is_open = models.BooleanField(_("đang mở thảo luận"), default=True)
    published = models.BooleanField(_("công bố"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [
        FieldPanel("site"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("is_open"),
        FieldPanel("published"),
    ]

    class Meta:
        verbose_name = _("chủ đề thảo luận")
        verbose_name_plural = _("chủ đề thảo luận")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts", verbose_name=_("chủ đề"))
    name = models.CharField(_("họ và tên"), max_length=120)
    email = models.EmailField(_("thư điện tử"))
    text = models.TextField(_("ý kiến"), max_length=5000)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ModerationStatus.choices, default=ModerationStatus.PENDING
    )
    created_at = models.DateTimeField(_("ngày gửi"), default=timezone.now)

    panels = [FieldPanel("status"), FieldPanel("name"), FieldPanel("text")]

    class Meta:
        verbose_name = _("bài thảo luận")
        verbose_name_plural = _("bài thảo luận")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"


from .pages import ConsultationIndexPage, QuestionIndexPage  # noqa: E402,F401  (page types live in pages.py)
