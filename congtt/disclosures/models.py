"""Disclosed information (CNT-7 … CNT-13) as pages, and the disclosure catalogue (CNT-9) as records.

One ``DisclosurePage`` type serves every kind: its ``kind`` picks which typed
block (``blocks.KIND_BLOCKS``) holds the kind's own fields; ``rules.check_details``
keeps the two consistent. ``DisclosureIndexPage`` lists them by kind and year.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import blocks as wblocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from congtt.content.models import paginate
from congtt.directory.models import SearchableQuerySet
from congtt.network.query_params import params_notice
from congtt.vntext import fold

from . import rules
from .blocks import KIND_BLOCKS, KIND_CHOICES


def _current_year():
    return timezone.localdate().year


class DisclosureIndexPage(Page):
    """A listing of disclosed information, optionally of one kind, filterable by kind and year."""

    intro = RichTextField(_("giới thiệu"), blank=True)
    default_kind = models.CharField(
        _("chỉ hiển thị loại"),
        max_length=20,
        choices=KIND_CHOICES,
        blank=True,
        help_text=_("Để trống để liệt kê mọi loại thông tin công khai đặt dưới trang này."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("default_kind")]
    parent_page_types = ["content.HomePage", "content.SectionPage"]
    subpage_types = ["disclosures.DisclosurePage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("chuyên mục công khai thông tin")
        verbose_name_plural = _("chuyên mục công khai thông tin")

    def route(self, request, path_components):
        """Route to a disclosed item in one query (Wagtail's default takes two: the page, then ``.specific``)."""
        if path_components:
            item = DisclosurePage.objects.child_of(self).filter(slug=path_components[0]).first()
            if item is not None:
                item._cached_parent_obj = self
                return item.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = DisclosurePage.objects.live().public().child_of(self)
        if self.default_kind:
            items = items.filter(kind=self.default_kind)
        pairs = set(items.order_by().values_list("year", "kind").distinct())
        years = sorted({year for year, _kind in pairs if year}, reverse=True)
        kind_codes = {kind for _year, kind in pairs} if not self.default_kind else set()
        kinds = [(code, label) for code, label in KIND_CHOICES if code in kind_codes]
        selection = rules.parse_filters(request.GET, [c for c, _l in KIND_CHOICES])
        if selection.kind and not self.default_kind:
            items = items.filter(kind=selection.kind)
        if selection.year:
            items = items.filter(year=selection.year)
        items = items.order_by("-date", "-first_published_at", "-pk")
        page_obj = paginate(request, items)
        params = {k: v for k, v in (("loai", selection.kind), ("nam", selection.year)) if v}
        context.update(
            {
                "items": page_obj,
                "years": years,
                "kinds": kinds,
                "selected_kind": selection.kind,
                "selected_year": selection.year,
                "filter_messages": selection.messages,
                "params_notice": params_notice(request, ("loai", "nam", "page")),
                "filter_params": urlencode(params),
                "kind_labels": dict(KIND_CHOICES),
            }
        )
        return context


class DisclosurePage(Page):
    """One item of disclosed information: common fields plus the typed fields of its kind."""

    kind = models.CharField(_("loại thông tin"), max_length=20, choices=KIND_CHOICES, default="plan")
    year = models.PositiveSmallIntegerField(_("năm"), default=_current_year, db_index=True)
    date = models.DateField(_("ngày công bố"), default=datetime.date.today)
    issuer = models.CharField(_("cơ quan công bố"), max_length=255, blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    details = StreamField(
        KIND_BLOCKS,
        verbose_name=_("thông tin theo loại"),
        help_text=_("Chọn đúng một khối cùng loại với “Loại thông tin”."),
        max_num=1,
        blank=True,
    )
    body = RichTextField(_("nội dung chi tiết"), blank=True)
    documents = StreamField(
        [
            (
                "document",
                wblocks.StructBlock(
                    [
                        ("file", DocumentChooserBlock(label=_("tệp"))),
                        ("caption", wblocks.CharBlock(label=_("mô tả"), required=False)),
                    ],
                    label=_("tài liệu"),
                ),
            )
        ],
        verbose_name=_("tài liệu đính kèm"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("year"), FieldPanel("date"), FieldPanel("issuer")],
            heading=_("Phân loại"),
        ),
        FieldPanel("summary"),
        FieldPanel("details"),
        FieldPanel("body"),
        FieldPanel("documents"),
    ]
    parent_page_types = ["disclosures.DisclosureIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_folded"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]
    search_kind = _("Công khai thông tin")

    class Meta:
        verbose_name = _("thông tin công khai")
        verbose_name_plural = _("thông tin công khai")

    def clean(self):
        super().clean()
        error = rules.check_details(self.kind, [block.block_type for block in self.details])
        if error:
            raise ValidationError({"details": error})

    def search_folded(self):
        return fold(f"{self.title} {self.summary} {self.body} {self.issuer}")

    def search_date(self):
        return self.date

    @property
    def kind_label(self):
        return dict(KIND_CHOICES).get(self.kind, self.kind)


class DisclosureCatalogueEntry(index.Indexed, models.Model):
    """One line of the catalogue of information the agency must disclose (CNT-9)."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", verbose_name=_("trang"))
    information = models.CharField(_("loại thông tin"), max_length=255)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    location_page = models.ForeignKey(
        Page,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chuyên mục đăng tải"),
    )
    location_text = models.CharField(_("nơi công khai khác"), max_length=255, blank=True)
    form = models.CharField(_("hình thức công khai"), max_length=255)
    timing = models.CharField(_("thời điểm, thời hạn công khai"), max_length=255)
    retention = models.CharField(_("thời gian lưu giữ"), max_length=255)
    unit = models.CharField(_("đơn vị chịu trách nhiệm"), max_length=255, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    objects = SearchableQuerySet.as_manager()

    search_fields = [
        index.SearchField("information"),
        index.SearchField("search_folded"),
        index.FilterField("site"),
    ]
    search_kind = _("Danh mục công khai")

    class Meta:
        ordering = ["order", "information"]
        verbose_name = _("mục thông tin phải công khai")
        verbose_name_plural = _("danh mục thông tin phải công khai")

    def __str__(self):
        return self.information

    def clean(self):
        if self.location_page_id and self.site_id:
            root = self.site.root_page
            page = self.location_page
            homes = Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True)
            if not any(page.path.startswith(path) for path in homes):
                raise ValidationError(
                    {"location_page": _("Chuyên mục đăng tải phải thuộc trang của đơn vị.")}
                )

    def search_folded(self):
        return fold(f"{self.information} {self.form} {self.legal_basis}")

    @classmethod
    def public_search_queryset(cls, site):
        return cls.objects.filter(site=site)

    def get_url(self, request=None):
        page = (
            DisclosureCataloguePage.objects.live().filter(path__startswith=self.site.root_page.path).first()
        )
        return page.get_url(request) if page else None


class DisclosureCataloguePage(Page):
    """Danh mục thông tin công khai: the site's catalogue entries as a table (CNT-9)."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang danh mục thông tin công khai")
        verbose_name_plural = _("trang danh mục thông tin công khai")

    def get_context(self, request, *args, **kwargs):
        from congtt.network.context import get_site

        context = super().get_context(request, *args, **kwargs)
        context["entries"] = list(
            DisclosureCatalogueEntry.objects.filter(site=get_site(request))
            .select_related("location_page")
            .order_by("order", "information")
        )
        return context
