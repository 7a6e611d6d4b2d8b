"""Portal network: the provincial portal and its component sites (NET-1, NET-2, NET-5)."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Collection, Orderable, Site

from .roles import ROLE_CHOICES


class SiteKind(models.Model):
    """A kind of site (provincial portal, department, district, commune, unit).

    Kinds are data: the administrative map changes (districts were abolished
    in 2025), so a kind says only how its hostname label is formed.
    """

    class LabelStyle(models.TextChoices):
        ABBREVIATION = "abbreviation", _("Viết tắt (ví dụ: Sở Khoa học và Công nghệ → sokhcn)")
        FULL = "full", _("Tên đầy đủ không dấu (ví dụ: Huyện Bình Gia → binhgia)")

    code = models.SlugField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên loại"), max_length=100)
    label_style = models.CharField(
        _("cách đặt nhãn tên miền"),
        max_length=20,
        choices=LabelStyle.choices,
        default=LabelStyle.ABBREVIATION,
    )
    is_portal = models.BooleanField(_("là cổng tỉnh"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("loại trang")
        verbose_name_plural = _("loại trang")

    def __str__(self):
        return str(self.name)


class SiteProfile(ClusterableModel):
    """What the network knows of one Wagtail Site: agency, kind, place, contacts."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang hoạt động")
        ARCHIVED = "archived", _("Lưu trữ (đơn vị đã giải thể/sáp nhập)")

    class Theme(models.TextChoices):
        RED = "red", _("Đỏ (mặc định)")
        BLUE = "blue", _("Xanh dương")
        GREEN = "green", _("Xanh lá")

    site = models.OneToOneField(
        Site, on_delete=models.CASCADE, related_name="profile", verbose_name=_("trang")
    )
    kind = models.ForeignKey(
        SiteKind, on_delete=models.PROTECT, related_name="profiles", verbose_name=_("loại")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("trang cấp trên"),
    )
    agency_name = models.CharField(_("tên cơ quan, đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    governing_body = models.CharField(
        _("cơ quan chủ quản"),
        max_length=255,
        blank=True,
        help_text=_("Dòng trên tên cơ quan ở đầu trang, ví dụ: UBND TỈNH LẠNG SƠN."),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    collection = models.ForeignKey(
        Collection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thư mục ảnh và tài liệu"),
    )
    approval_number = models.CharField(_("số quyết định cho phép"), max_length=100, blank=True)
    approval_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    responsible_person = models.CharField(_("người chịu trách nhiệm"), max_length=255, blank=True)
    responsible_title = models.CharField(_("chức vụ người chịu trách nhiệm"), max_length=255, blank=True)
    hotline = models.CharField(_("đường dây nóng báo sự cố"), max_length=50, blank=True)
    theme = models.CharField(_("màu giao diện"), max_length=10, choices=Theme.choices, default=Theme.RED)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("agency_name"),
                FieldPanel("short_name"),
                FieldPanel("governing_body"),
                FieldPanel("status"),
            ],
            heading=_("Cơ quan"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("responsible_person"),
                FieldPanel("responsible_title"),
                FieldPanel("hotline"),
            ],
            heading=_("Thông tin liên hệ ở chân trang"),
        ),
        MultiFieldPanel(
            [FieldPanel("approval_number"), FieldPanel("approval_date")], heading=_("Quyết định")
        ),
        FieldPanel("theme"),
        InlinePanel("contact_officers", heading=_("Cán bộ đầu mối"), label=_("cán bộ đầu mối")),
    ]

    class Meta:
        ordering = ["kind__order", "agency_name"]
        verbose_name = _("cổng/trang thành phần")
        verbose_name_plural = _("cổng/trang thành phần")
        permissions = [("manage_network", _("Quản lý mạng lưới trang thành phần"))]

    def __str__(self):
        return self.agency_name

    @property
    def hostname(self) -> str:
        return self.site.hostname

    @property
    def is_portal(self) -> bool:
        return self.kind.is_portal


class ContactOfficer(Orderable):
    """Contact officer (cán bộ đầu mối) of a component site for the provincial office (NET-5)."""

    profile = ParentalKey(SiteProfile, on_delete=models.CASCADE, related_name="contact_officers")
    name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("phone"), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = _("cán bộ đầu mối")
        verbose_name_plural = _("cán bộ đầu mối")

    def __str__(self):
        return self.name


class SiteRoleGroup(models.Model):
    """The group that holds one editorial role on one site (EDT-1)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="role_groups")
    role = models.CharField(_("vai trò"), max_length=20, choices=ROLE_CHOICES)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="site_role")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["site", "role"], name="unique_role_per_site")]
        verbose_name = _("nhóm vai trò")
        verbose_name_plural = _("nhóm vai trò")

    def __str__(self):
        return self.group.name
