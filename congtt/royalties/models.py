"""Royalty records (ROY-1…ROY-3). The arithmetic lives in ``rules``; transitions in ``services``."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel

from congtt.network.roles import ROLE_CHOICES

COEF = {"max_digits": 4, "decimal_places": 1, "validators": [MinValueValidator(Decimal("0.1"))]}


class RateFrame(ClusterableModel):
    """Khung nhuận bút of one site for one year: genres with coefficient ranges, the unit value, allowances."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(
        _("năm áp dụng"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    unit_value = models.PositiveIntegerField(
        _("giá trị một hệ số (đồng)"),
        help_text=_("Số tiền ứng với hệ số 1, tính bằng đồng, ví dụ 150000."),
    )
    basis = models.CharField(
        _("căn cứ"),
        max_length=500,
        blank=True,
        help_text=_("Ví dụ: Quyết định số 05/2015/QĐ-UBND ngày 21/01/2015 của UBND tỉnh."),
    )

    panels = [
        FieldRowPanel([FieldPanel("site"), FieldPanel("year"), FieldPanel("unit_value")]),
        FieldPanel("basis"),
        InlinePanel("genres", heading=_("Thể loại và khung hệ số"), label=_("thể loại"), min_num=1),
        InlinePanel("allowances", heading=_("Phụ cấp Ban biên tập (theo tháng)"), label=_("phụ cấp")),
    ]

    class Meta:
        verbose_name = _("khung nhuận bút")
        verbose_name_plural = _("khung nhuận bút")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["site", "year"], name="royalties_frame_site_year")]

    def __str__(self):
        return _("Khung nhuận bút %(year)s — %(site)s") % {"year": self.year, "site": self.site}


class GenreRate(models.Model):
    frame = ParentalKey(RateFrame, on_delete=models.CASCADE, related_name="genres")
    code = models.SlugField(_("mã"), max_length=30, help_text=_("Ví dụ: tin, bai, anh, video, dich."))
    name = models.CharField(_("thể loại"), max_length=100)
    coef_min = models.DecimalField(_("hệ số tối thiểu"), **COEF)
    coef_max = models.DecimalField(_("hệ số tối đa"), **COEF)

    class Meta:
        verbose_name = _("thể loại")
        verbose_name_plural = _("thể loại")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["frame", "code"], name="royalties_genre_code")]

    def __str__(self):
        return f"{self.name} ({self.coef_min}–{self.coef_max})"

    def clean(self):
        if self.coef_min is not None and self.coef_max is not None and self.coef_min > self.coef_max:
            raise ValidationError(_("Hệ số tối thiểu không được lớn hơn hệ số tối đa."))


class BoardAllowance(models.Model):
    frame = ParentalKey(RateFrame, on_delete=models.CASCADE, related_name="allowances")
    role = models.CharField(_("vai trò"), max_length=20, choices=ROLE_CHOICES)
    amount = models.PositiveIntegerField(_("phụ cấp mỗi tháng (đồng)"))

    class Meta:
        verbose_name = _("phụ cấp Ban biên tập")
        verbose_name_plural = _("phụ cấp Ban biên tập")
        constraints = [models.UniqueConstraint(fields=["frame", "role"], name="royalties_allowance_role")]

    def __str__(self):
        return f"{self.get_role_display()}: {self.amount}"


class Grading(ClusterableModel):
    """The deputy's or chief's grade of one published item (generic: any page; news articles first)."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("tin bài"),
        on_delete=models.CASCADE,
        related_name="royalty_grading",
    )
    genre = models.ForeignKey(
        GenreRate, verbose_name=_("thể loại"), on_delete=models.PROTECT, related_name="+"
    )
    coefficient = models.DecimalField(_("hệ số"), **COEF)
    published_on = models.DateField(_("ngày đăng"))
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người chấm"),
    )
    graded_at = models.DateTimeField(_("chấm lúc"), auto_now=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("chấm nhuận bút")
        verbose_name_plural = _("chấm nhuận bút")
        ordering = ["-published_on", "pk"]

    def __str__(self):
        return f"{self.page.title} — {self.coefficient}"


class Contribution(models.Model):
    class Role(models.TextChoices):
        AUTHOR = "author", _("Tác giả")
        PHOTOGRAPHER = "photographer", _("Người chụp ảnh")
        TRANSLATOR = "translator", _("Người dịch")
        OTHER = "other", _("Khác")

    grading = ParentalKey(Grading, on_delete=models.CASCADE, related_name="contributions")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.AUTHOR)
    name = models.CharField(_("họ và tên"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    share_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ hưởng (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("người hưởng nhuận bút")
        verbose_name_plural = _("người hưởng nhuận bút")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name} ({self.share_percent}%)"


class Statement(models.Model):
    """Bảng kê nhuận bút, phụ cấp of one site for one month: draft → submitted → approved."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Chờ phê duyệt")
        APPROVED = "approved", _("Đã phê duyệt")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    month = models.PositiveSmallIntegerField(
        _("tháng"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    number = models.CharField(_("số"), max_length=50, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    unit_value = models.PositiveIntegerField(_("giá trị một hệ số (đồng)"), default=0)
    total = models.BigIntegerField(_("tổng cộng (đồng)"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người lập"),
    )
    created_at = models.DateTimeField(_("lập lúc"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("trình lúc"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người phê duyệt"),
    )
    approved_at = models.DateTimeField(_("phê duyệt lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người trình"),
    )
    approved_under = models.ForeignKey(
        "editorial.Delegation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("phê duyệt theo ủy quyền"),
    )

    class Meta:
        verbose_name = _("bảng kê nhuận bút")
        verbose_name_plural = _("bảng kê nhuận bút")
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["site", "year", "month"], name="royalties_statement_month")
        ]
        permissions = [("approve_statement", _("Phê duyệt bảng kê nhuận bút"))]

    def __str__(self):
        return _("Bảng kê nhuận bút tháng %(m)02d/%(y)s") % {"m": self.month, "y": self.year}


class StatementLine(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField(default=0)
    person_name = models.CharField(_("họ và tên"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    items = models.JSONField(_("tin bài"), default=list)
    coefficient_sum = models.DecimalField(_("tổng hệ số"), max_digits=8, decimal_places=2, default=0)
    royalty = models.BigIntegerField(_("nhuận bút (đồng)"), default=0)
    allowance = models.BigIntegerField(_("phụ cấp (đồng)"), default=0)
    allowance_role = models.CharField(_("chức danh"), max_length=100, blank=True)
    total = models.BigIntegerField(_("cộng (đồng)"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("dòng bảng kê")
        verbose_name_plural = _("dòng bảng kê")

    def __str__(self):
        return f"{self.person_name}: {self.total}"
