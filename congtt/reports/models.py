from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel


class DailySiteStat(models.Model):
    """Visits and page views of one site on one day (written only by ``stats.flush``)."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("ngày"))
    visits = models.PositiveIntegerField(_("lượt truy cập"), default=0)
    views = models.PositiveIntegerField(_("lượt xem trang"), default=0)

    class Meta:
        verbose_name = _("thống kê truy cập theo ngày")
        verbose_name_plural = _("thống kê truy cập theo ngày")
        constraints = [models.UniqueConstraint(fields=["site", "date"], name="reports_sitestat_unique")]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return f"{self.site_id} {self.date}: {self.visits}/{self.views}"


class DailyPageStat(models.Model):
    """Views of one path of one site on one day."""

    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("ngày"))
    path = models.CharField(_("đường dẫn"), max_length=500)
    views = models.PositiveIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem trang theo ngày")
        verbose_name_plural = _("lượt xem trang theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["site", "date", "path"], name="reports_pagestat_unique")
        ]
        indexes = [models.Index(fields=["site", "path"])]

    def __str__(self):
        return f"{self.site_id} {self.date} {self.path}: {self.views}"


def validate_emc_script_url(value: str) -> None:
    """Only https URLs on a host listed in settings.EMC_SCRIPT_HOSTS (those are in the CSP script-src)."""
    parts = urlsplit(value)
    origin = f"{parts.scheme}://{parts.netloc}"
    allowed = list(getattr(settings, "EMC_SCRIPT_HOSTS", []))
    if parts.scheme != "https" or origin not in allowed:
        raise ValidationError(
            _("Địa chỉ mã EMC phải là https và thuộc máy chủ được phép: %(hosts)s."),
            params={"hosts": ", ".join(allowed) or _("(chưa cấu hình EMC_SCRIPT_HOSTS)")},
            code="emc_host",
        )


class AccessSettings(models.Model):
    """Per-site statistics settings: the EMC measurement script (PUB-8), stored as data, never raw HTML."""

    site = models.OneToOneField(
        "wagtailcore.Site", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="access_settings"
    )
    emc_script_url = models.URLField(
        _("địa chỉ mã đo EMC"),
        blank=True,
        validators=[validate_emc_script_url],
        help_text=_("Địa chỉ tệp JavaScript do Hệ thống EMC cấp, ví dụ https://f-emc.ngsp.gov.vn/…"),
    )
    emc_tracker_url = models.URLField(
        _("địa chỉ nhận số liệu EMC"),
        blank=True,
        validators=[validate_emc_script_url],
        help_text=_("Nếu EMC cấp địa chỉ “tracking” riêng; bỏ trống nếu không có."),
    )
    emc_site_id = models.CharField(
        _("mã trang trên EMC"),
        max_length=64,
        blank=True,
        validators=[RegexValidator(r"^[A-Za-z0-9_-]+$", _("Mã trang chỉ gồm chữ, số, “-” và “_”."))],
    )
    show_public_stats = models.BooleanField(_("hiện thống kê truy cập ở chân trang"), default=True)

    class Meta:
        verbose_name = _("cài đặt thống kê truy cập")
        verbose_name_plural = _("cài đặt thống kê truy cập")

    def __str__(self):
        return str(self.site)

    def clean(self):
        if bool(self.emc_script_url) != bool(self.emc_site_id):
            raise ValidationError(_("Nhập cả địa chỉ mã đo EMC và mã trang trên EMC, hoặc bỏ trống cả hai."))

    @property
    def emc_enabled(self) -> bool:
        return bool(self.emc_script_url and self.emc_site_id)


class Period(models.TextChoices):
    WEEK = "week", _("Tuần")
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    HALF = "half", _("6 tháng")
    YEAR = "year", _("Năm")


class ReportRun(models.Model):
    """One computed report (site or whole province, one period), built by a background task."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Lỗi")

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("trang"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Bỏ trống: báo cáo tổng hợp toàn tỉnh (chỉ quản trị mạng lưới)."),
    )
    period = models.CharField(_("kỳ báo cáo"), max_length=10, choices=Period.choices, default=Period.MONTH)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.CharField(_("ghi chú"), max_length=500, blank=True)
    result = models.JSONField(_("kết quả"), default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        ordering = ["-created_at"]

    def __str__(self):
        scope = self.site.hostname if self.site_id else _("Toàn tỉnh")
        return f"{scope} — {self.get_period_display()} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"


class CriteriaSet(ClusterableModel):
    """Bộ tiêu chí đánh giá, chấm điểm trang thành phần (NET-6)."""

    name = models.CharField(_("tên bộ tiêu chí"), max_length=255)
    year = models.PositiveSmallIntegerField(_("năm áp dụng"))
    description = models.TextField(_("mô tả"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("year"),
        FieldPanel("description"),
        InlinePanel("criteria", heading=_("Tiêu chí"), label=_("tiêu chí"), min_num=1),
    ]

    class Meta:
        verbose_name = _("bộ tiêu chí chấm điểm")
        verbose_name_plural = _("bộ tiêu chí chấm điểm")
        ordering = ["-year", "name"]

    def __str__(self):
        return f"{self.name} ({self.year})"


class Criterion(models.Model):
    class Measure(models.TextChoices):
        AUTOMATIC = "auto", _("Tự động từ số liệu")
        MANUAL = "manual", _("Chấm tay")

    criteria_set = ParentalKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("tiêu chí"), max_length=255)
    weight = models.PositiveSmallIntegerField(_("điểm tối đa (trọng số)"), default=10)
    measure = models.CharField(_("cách đo"), max_length=10, choices=Measure.choices, default=Measure.MANUAL)
    metric = models.CharField(
        _("chỉ số tự động"),
        max_length=50,
        blank=True,
        help_text=_("Khóa chỉ số đã đăng ký, ví dụ publications_per_month, deadline_compliance."),
    )
    target = models.FloatField(
        _("mức đạt tối đa"),
        default=1.0,
        help_text=_("Giá trị chỉ số ứng với điểm tối đa (ví dụ 20 tin/tháng, hoặc 1.0 = 100%)."),
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        from .scoring import METRICS

        if self.measure == self.Measure.AUTOMATIC and self.metric not in METRICS:
            raise ValidationError(
                {
                    "metric": _("Chỉ số tự động không tồn tại. Chọn một trong: %s.")
                    % ", ".join(sorted(METRICS))
                }
            )


class ScoringRound(models.Model):
    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT, related_name="rounds"
    )
    name = models.CharField(_("đợt chấm điểm"), max_length=255)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt chấm điểm")
        verbose_name_plural = _("đợt chấm điểm")
        ordering = ["-start"]

    def __str__(self):
        return self.name


class SiteScore(models.Model):
    """The score of one site on one criterion in one round (automatic: computed; manual: entered)."""

    round = models.ForeignKey(ScoringRound, on_delete=models.CASCADE, related_name="scores")
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    raw_value = models.FloatField(_("giá trị chỉ số"), null=True, blank=True)
    score = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("điểm")
        verbose_name_plural = _("điểm")
        constraints = [
            models.UniqueConstraint(fields=["round", "site", "criterion"], name="reports_sitescore_unique")
        ]

    def __str__(self):
        return f"{self.site_id} {self.criterion_id}: {self.score}"


def _forget_access_settings(sender, instance, **kwargs):
    from .stats import forget_site_summary

    forget_site_summary(instance.site_id)


models.signals.post_save.connect(_forget_access_settings, sender=AccessSettings)
models.signals.post_delete.connect(_forget_access_settings, sender=AccessSettings)
