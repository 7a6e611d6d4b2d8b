"""Operations and security records: account grants, access events, incidents, backups, job runs."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from congtt.network.roles import ROLE_CHOICES


def _validate_decision_file(file):
    from .uploads import validate_upload

    validate_upload(
        file, allowed_extensions=("pdf", "doc", "docx", "jpg", "jpeg", "png"), max_bytes=10 * 1024 * 1024
    )


class AccountGrant(models.Model):
    """The decision that granted an account its role on a site (SEC-1)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang công tác")
        LEFT = "left", _("Đã nghỉ việc")
        TRANSFERRED = "transferred", _("Đã chuyển công tác")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="account_grants",
        verbose_name=_("tài khoản"),
    )
    decision_number = models.CharField(_("số quyết định"), max_length=100)
    decision_date = models.DateField(_("ngày quyết định"))
    decision_file = models.FileField(
        _("tệp quyết định"),
        upload_to="ops/decisions/%Y/",
        blank=True,
        validators=[
            FileExtensionValidator(["pdf", "doc", "docx", "jpg", "jpeg", "png"]),
            _validate_decision_file,
        ],
    )
    site = models.ForeignKey(
        Site, on_delete=models.CASCADE, related_name="account_grants", verbose_name=_("trang")
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=ROLE_CHOICES)
    start_date = models.DateField(_("ngày bắt đầu"), default=timezone.localdate)
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    note = models.TextField(_("ghi chú"), blank=True)
    revoked_at = models.DateTimeField(_("thời điểm thu hồi"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("quyết định cấp tài khoản")
        verbose_name_plural = _("quyết định cấp tài khoản")
        ordering = ["-decision_date", "-pk"]

    def __str__(self):
        return f"{self.decision_number} – {self.user}"


class PasswordState(models.Model):
    """When a user's password was last changed (SEC-2)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_state"
    )
    changed_at = models.DateTimeField(_("đổi mật khẩu lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("trạng thái mật khẩu")
        verbose_name_plural = _("trạng thái mật khẩu")

    def __str__(self):
        return f"{self.user} {self.changed_at:%Y-%m-%d}"


class AccessEvent(models.Model):
    """A login, failed login or logout (SEC-3)."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Đăng nhập")
        LOGIN_FAILED = "login_failed", _("Đăng nhập thất bại")
        LOGOUT = "logout", _("Đăng xuất")
        LOCKED_OUT = "locked_out", _("Bị khóa do sai nhiều lần")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("tài khoản"),
    )
    username = models.CharField(_("tên đăng nhập"), max_length=150, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    user_agent = models.CharField(_("trình duyệt"), max_length=500, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, db_index=True)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    success = models.BooleanField(_("thành công"), default=True)

    class Meta:
        verbose_name = _("sự kiện truy cập")
        verbose_name_plural = _("nhật ký truy cập")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.username} {self.at:%Y-%m-%d %H:%M}"


class Incident(models.Model):
    """An incident (attack, fault) reported and handled (OPS-2)."""

    class Channel(models.TextChoices):
        HOTLINE = "hotline", _("Đường dây nóng")
        EMAIL = "email", _("Thư điện tử")
        MONITORING = "monitoring", _("Giám sát tự động")
        OTHER = "other", _("Khác")

    class Severity(models.TextChoices):
        LOW = "low", _("Thấp")
        MEDIUM = "medium", _("Trung bình")
        HIGH = "high", _("Cao")
        CRITICAL = "critical", _("Nghiêm trọng")

    reported_by = models.CharField(_("người báo"), max_length=200)
    channel = models.CharField(
        _("kênh tiếp nhận"), max_length=20, choices=Channel.choices, default=Channel.HOTLINE
    )
    reported_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    description = models.TextField(_("mô tả"))
    severity = models.CharField(_("mức độ"), max_length=20, choices=Severity.choices, default=Severity.MEDIUM)
    actions_taken = models.TextField(
        _("các biện pháp đã xử lý"), blank=True, help_text=_("Mỗi dòng một lần xử lý.")
    )
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("sự cố")
        verbose_name_plural = _("sự cố")
        ordering = ["-reported_at"]

    def __str__(self):
        return f"{self.reported_at:%d/%m/%Y} – {self.description[:60]}"

    @property
    def is_open(self):
        return self.closed_at is None

    def add_action(self, text: str, when=None):
        when = timezone.localtime(when or timezone.now())
        line = f"[{when:%d/%m/%Y %H:%M}] {text.strip()}"
        self.actions_taken = f"{self.actions_taken.rstrip()}\n{line}".strip()
        self.save(update_fields=["actions_taken"])


class BackupRecord(models.Model):
    """One backup attempt and its outcome (OPS-1)."""

    started_at = models.DateTimeField(_("bắt đầu"), default=timezone.now)
    finished_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)
    kind = models.CharField(_("loại"), max_length=10, default="full")  # full | db
    path = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    size_bytes = models.BigIntegerField(_("dung lượng"), default=0)
    ok = models.BooleanField(_("thành công"), default=False)
    error = models.TextField(_("lỗi"), blank=True)

    class Meta:
        verbose_name = _("bản sao lưu")
        verbose_name_plural = _("bản sao lưu")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.kind} {self.started_at:%Y-%m-%d %H:%M} {'OK' if self.ok else 'LỖI'}"


class JobRun(models.Model):
    """Last run of a scheduled job (one row per job name)."""

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    last_ok = models.BooleanField(default=True)
    last_error = models.TextField(blank=True)

    def __str__(self):
        return self.name


class ChangeRequest(models.Model):
    """A change to the system (upgrade, configuration, feature, security patch) and its approval (EDT-12).

    Transitions are made only through ``congtt.ops.changes`` so each is checked and audit-logged.
    """

    class Kind(models.TextChoices):
        UPGRADE = "upgrade", _("Nâng cấp")
        CONFIGURATION = "configuration", _("Thay đổi cấu hình")
        FEATURE = "feature", _("Tính năng mới")
        SECURITY_PATCH = "security_patch", _("Bản vá bảo mật")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Đề xuất")
        APPROVED = "approved", _("Đã phê duyệt")
        REFUSED = "refused", _("Từ chối")
        APPLIED = "applied", _("Đã triển khai")
        ROLLED_BACK = "rolled_back", _("Đã hoàn tác")

    title = models.CharField(_("tiêu đề"), max_length=255)
    description = models.TextField(_("mô tả"))
    kind = models.CharField(_("loại thay đổi"), max_length=20, choices=Kind.choices)
    version_from = models.CharField(_("từ phiên bản"), max_length=100, blank=True)
    version_to = models.CharField(_("lên phiên bản"), max_length=100, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="change_requests",
        verbose_name=_("người đề xuất"),
        editable=False,
    )
    requested_at = models.DateTimeField(_("đề xuất lúc"), default=timezone.now, editable=False)
    planned_date = models.DateField(_("ngày dự kiến"))
    risk = models.TextField(_("đánh giá rủi ro"))
    rollback_plan = models.TextField(_("phương án hoàn tác"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.PROPOSED, editable=False
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người phê duyệt"),
        editable=False,
    )
    decided_at = models.DateTimeField(_("thời điểm phê duyệt"), null=True, blank=True, editable=False)
    decision_note = models.TextField(_("ý kiến phê duyệt"), blank=True, editable=False)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người triển khai"),
        editable=False,
    )
    applied_at = models.DateTimeField(_("triển khai lúc"), null=True, blank=True, editable=False)
    rolled_back_at = models.DateTimeField(_("hoàn tác lúc"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("yêu cầu thay đổi hệ thống")
        verbose_name_plural = _("yêu cầu thay đổi hệ thống")
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"#{self.pk} {self.title}"
