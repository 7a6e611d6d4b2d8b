"""Legal documents (CNT-3) and the electronic gazette (CNT-10).

Records are Wagtail snippets with draft/publish (DraftStateMixin + RevisionMixin); each belongs to one
site. Rules (number format, dates, status) live in ``rules.py``; listing filters in ``services.py``.
"""

import datetime as dt

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, Page, RevisionMixin
from wagtail.search import index

from congtt.network.query_params import params_notice
from congtt.vntext import fold, slugify_vi

from . import rules


def today() -> dt.date:
    return timezone.localdate()


class DocumentForm(models.Model):
    """Hình thức văn bản (Luật, Nghị định, Quyết định …): data, so a province can add its own."""

    name = models.CharField(_("tên hình thức"), max_length=80, unique=True)
    code = models.SlugField(_("mã"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("hình thức văn bản")
        verbose_name_plural = _("hình thức văn bản")

    def __str__(self):
        return self.name


class IssuingBody(models.Model):
    """Cơ quan ban hành (Quốc hội, Chính phủ, UBND tỉnh Lạng Sơn, Sở KH&CN …)."""

    name = models.CharField(_("tên cơ quan ban hành"), max_length=200, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")

    def __str__(self):
        return self.name


class Field(models.Model):
    """Lĩnh vực (shared by legal documents and administrative procedures)."""

    name = models.CharField(_("tên lĩnh vực"), max_length=120, unique=True)
    slug = models.SlugField(_("mã"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self):
        return self.name


class LegalDocumentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def for_site(self, site):
        return self.filter(site=site)

    def with_related(self):
        return self.select_related("form", "issuing_body", "field", "replaced_by")


class LegalDocument(LockableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="legal_documents"
    )
    form = models.ForeignKey(DocumentForm, verbose_name=_("hình thức"), on_delete=models.PROTECT)
    number = models.CharField(
        _("số/ký hiệu"), max_length=rules.MAX_NUMBER_LENGTH, help_text=_("Ví dụ: 40/2024/QĐ-UBND")
    )
    issuing_body = models.ForeignKey(
        IssuingBody, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT
    )
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    issue_date = models.DateField(_("ngày ban hành"))
    effective_date = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    expiry_date = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("bị thay thế bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    field = models.ForeignKey(
        Field, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(_("trích yếu"))
    body = RichTextField(_("toàn văn"), blank=True)
    # Folded copies (no diacritics, lower case) for filtering "quy che" → "Quy chế".
    number_folded = models.CharField(max_length=rules.MAX_NUMBER_LENGTH, editable=False, db_index=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LegalDocumentQuerySet.as_manager()

    search_kind = _("Văn bản")
    search_date_field = "issue_date"  # the date a search hit shows and the search's date filter reads
    search_fields = [
        index.SearchField("search_folded"),
        index.SearchField("summary"),
        index.SearchField("number"),
        index.AutocompleteField("summary"),
        index.FilterField("site_id"),
        index.FilterField("live"),
        index.FilterField("issue_date"),
    ]

    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("form"), FieldPanel("number")]),
        FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("signer")]),
        FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")]),
        FieldRowPanel([FieldPanel("field"), FieldPanel("replaced_by")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Tệp đính kèm")),
    ]

    class Meta:
        ordering = ["-issue_date", "-pk"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "issuing_body", "number"],
                name="legal_unique_number_per_site_body",
                violation_error_message=_("Cơ quan này đã có văn bản cùng số/ký hiệu trên trang."),
            )
        ]
        indexes = [
            models.Index(fields=["site", "live", "issue_date"], name="legal_site_live_issue"),
            models.Index(fields=["site", "live", "effective_date"], name="legal_site_live_effective"),
        ]

    def __str__(self):
        return f"{self.number} – {self.summary[:80]}"

    # --- rules -----------------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        number_errors = rules.validate_number(self.number)
        if number_errors:
            errors["number"] = number_errors
        else:
            self.number = rules.normalize_number(self.number)
        errors.update(rules.validate_dates(self.issue_date, self.effective_date, self.expiry_date))
        if self.replaced_by_id:
            if self.pk and self.replaced_by_id == self.pk:
                errors.setdefault("replaced_by", []).append(_("Văn bản không thể thay thế chính nó."))
            elif self.site_id and self.replaced_by.site_id != self.site_id:
                errors.setdefault("replaced_by", []).append(_("Văn bản thay thế phải thuộc cùng trang."))
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.number = rules.normalize_number(self.number)
        self.number_folded = fold(self.number)
        self.search_text = self.search_folded()
        super().save(*args, **kwargs)

    def search_folded(self) -> str:
        parts = [self.number, self.summary, self.signer]
        if self.issuing_body_id:
            parts.append(self.issuing_body.name)
        if self.form_id:
            parts.append(self.form.name)
        return fold(" ".join(p for p in parts if p))

    @property
    def status(self) -> str:
        return rules.compute_status(
            self.effective_date, self.expiry_date, replaced=bool(self.replaced_by_id), today=today()
        )

    @property
    def status_label(self) -> str:
        return rules.STATUS_LABELS[self.status]

    @property
    def slug(self) -> str:
        return slugify_vi(f"{self.form.name} {self.number}" if self.form_id else self.number, max_length=60)

    # --- search protocol -------------------------------------------------------------------
    @classmethod
    def public_search_queryset(cls, site):
        return cls.objects.published().filter(site=site).with_related()

    def get_url(self, request=None):
        return section_item_url(LegalDocumentIndexPage, self.site_id, f"{self.pk}-{self.slug}/", request)

    def get_admin_display_title(self):
        return str(self)


def section_item_url(page_model, site_id, suffix, request=None, current_site=None):
    """URL of ``suffix`` under the site's live ``page_model`` page (cached per site); None if missing."""
    key = f"legal:section-url:{page_model._meta.label_lower}:{site_id}"
    parts = cache.get(key)
    if parts is None:
        from wagtail.models import Site

        site = Site.objects.filter(pk=site_id).select_related("root_page").first()
        page = page_model.objects.live().descendant_of(site.root_page).first() if site else None
        url_parts = page.get_url_parts(request) if page else None
        parts = (url_parts[0], url_parts[1], url_parts[2]) if url_parts else False
        cache.set(key, parts, 600)
    if not parts:
        return None
    page_site_id, root_url, page_path = parts
    if request is not None:
        from congtt.network.context import get_site

        current = get_site(request)
        if current is not None and current.pk == page_site_id:
            return page_path + suffix
    return root_url + page_path + suffix


class LegalDocumentAttachment(Orderable):
    legal_document = ParentalKey(LegalDocument, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("tên hiển thị"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    @property
    def label(self):
        return self.title or self.document.title


# --- public pages ---------------------------------------------------------------------------------


class LegalDocumentIndexPage(RoutablePageMixin, Page):
    """/van-ban/: the site's published documents with combinable filters, sorting, pagination."""

    intro = RichTextField(_("giới thiệu"), blank=True, default="")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("trang văn bản")
        verbose_name_plural = _("trang văn bản")

    def search_folded(self):
        return fold(self.title)

    def documents_queryset(self, request):
        from congtt.network.context import get_site

        site = get_site(request)
        return LegalDocument.objects.published().filter(site=site)

    @path("")
    def listing(self, request):
        from .services import FILTER_KEYS, document_filter_choices, filter_documents, paginate_documents

        result = filter_documents(self.documents_queryset(request), request.GET, today=today())
        page_obj = paginate_documents(request, result.queryset.with_related())
        context = self.get_context(request)
        context.update(
            {
                "documents": page_obj,
                "filters": result.cleaned,
                "messages_": result.messages,
                "choices": document_filter_choices(),
                "statuses": rules.STATUS_LABELS.items(),
                "sorts": SORT_LABELS.items(),
                "querystring": result.querystring,
                "params_notice": params_notice(request, (*FILTER_KEYS, "page")),
            }
        )
        return TemplateResponse(request, "legal/legal_document_index_page.html", context)

    @re_path(r"^(?P<pk>\d{1,12})-(?P<slug>[-\w]*)/$")
    def detail(self, request, pk, slug):
        document = (
            self.documents_queryset(request)
            .with_related()
            .prefetch_related("attachments__document")
            .filter(pk=pk)
            .first()
        )
        if document is None:
            raise Http404
        if slug != document.slug:
            return redirect(
                self.url + self.reverse_subpage("detail", kwargs={"pk": pk, "slug": document.slug})
            )
        replaces = list(
            LegalDocument.objects.published()
            .filter(replaced_by=document)
            .select_related("form", "issuing_body")
        )
        context = self.get_context(request)
        context.update({"document": document, "replaces": replaces})
        return TemplateResponse(request, "legal/legal_document_detail.html", context)

    @re_path(r"^(?P<pk>\d{1,12})/$")
    def detail_short(self, request, pk):
        document = self.documents_queryset(request).select_related("form").filter(pk=pk).first()
        if document is None:
            raise Http404
        return redirect(self.url + self.reverse_subpage("detail", kwargs={"pk": pk, "slug": document.slug}))

    def document_url(self, document):
        return self.url + f"{document.pk}-{document.slug}/"


SORT_LABELS = {
    "-issue_date": _("Ngày ban hành (mới nhất)"),
    "issue_date": _("Ngày ban hành (cũ nhất)"),
    "-effective_date": _("Ngày hiệu lực (mới nhất)"),
    "effective_date": _("Ngày hiệu lực (cũ nhất)"),
    "number": _("Số/ký hiệu (A→Z)"),
    "-number": _("Số/ký hiệu (Z→A)"),
}


# --- gazette (CNT-10) -------------------------------------------------------------------------------


class GazetteIssueQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)


class GazetteIssue(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """Một số Công báo điện tử: số, năm, ngày, các văn bản đăng, tệp PDF."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="gazette_issues"
    )
    number = models.PositiveIntegerField(_("số"))
    year = models.PositiveSmallIntegerField(_("năm"))
    date = models.DateField(_("ngày phát hành"))
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    documents = models.ManyToManyField(
        LegalDocument,
        verbose_name=_("văn bản đăng trong số"),
        blank=True,
        through="GazetteIssueDocument",
        related_name="gazette_issues",
    )
    note = models.TextField(_("ghi chú"), blank=True)

    objects = GazetteIssueQuerySet.as_manager()

    search_kind = _("Công báo")
    search_date_field = "date"
    search_fields = [
        index.SearchField("search_folded"),
        index.FilterField("site_id"),
        index.FilterField("live"),
        index.FilterField("date"),
    ]
    panels = [
        FieldPanel("site"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("number"), FieldPanel("year"), FieldPanel("date")])],
            heading=_("Số công báo"),
        ),
        FieldPanel("pdf"),
        MultipleChooserPanel(
            "document_links", chooser_field_name="document", label=_("Văn bản đăng trong số")
        ),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("số công báo")
        verbose_name_plural = _("công báo")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "year", "number"],
                name="legal_unique_gazette_number",
                violation_error_message=_("Đã có số công báo này trong năm."),
            )
        ]

    def __str__(self):
        return f"Công báo số {self.number}/{self.year}"

    def clean(self):
        super().clean()
        if self.date and self.year and self.date.year != self.year:
            raise ValidationError({"date": _("Ngày phát hành phải thuộc năm của số công báo.")})

    def search_folded(self):
        return fold(f"{self} {self.note}")

    def ordered_documents(self):
        """The documents of the issue in the order the editor gave them."""
        return LegalDocument.objects.filter(gazette_links__issue=self).order_by(
            "gazette_links__sort_order", "gazette_links__pk"
        )

    @classmethod
    def public_search_queryset(cls, site):
        return cls.objects.published().filter(site=site)

    def get_url(self, request=None):
        return section_item_url(GazetteIndexPage, self.site_id, f"{self.pk}/", request)


class GazetteIssueDocument(Orderable):
    """A document published in a gazette issue, in the issue's order."""

    issue = ParentalKey(GazetteIssue, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey(
        LegalDocument, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="gazette_links"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản đăng trong số")
        verbose_name_plural = _("văn bản đăng trong số")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "document"],
                name="legal_gazette_document_once",
                violation_error_message=_("Văn bản này đã có trong số công báo."),
            )
        ]

    def clean(self):
        super().clean()
        try:
            issue_site = self.issue.site_id
        except GazetteIssue.DoesNotExist:
            issue_site = None
        if self.document_id and issue_site and self.document.site_id != issue_site:
            raise ValidationError({"document": _("Văn bản đăng công báo phải thuộc cùng trang.")})


class GazetteIndexPage(RoutablePageMixin, Page):
    """/cong-bao/: gazette issues by year, with a page per issue."""

    intro = RichTextField(_("giới thiệu"), blank=True, default="")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("trang công báo")
        verbose_name_plural = _("trang công báo")

    def search_folded(self):
        return fold(self.title)

    def issues_queryset(self, request):
        from congtt.network.context import get_site

        return GazetteIssue.objects.published().filter(site=get_site(request))

    @path("")
    def listing(self, request):
        from .services import paginate_documents

        issues = self.issues_queryset(request)
        years = list(issues.order_by("-year").values_list("year", flat=True).distinct())
        year, message = rules.parse_year(request.GET.get("year"))
        if message:
            year = None
        elif year is not None and year not in years:
            message = _("Không có số công báo nào trong năm %(year)s.") % {"year": year}
        if year is None and years and not message:
            year = years[0]
        if year is not None:
            issues = issues.filter(year=year)
        page_obj = paginate_documents(request, issues.select_related("pdf").order_by("-number"))
        context = self.get_context(request)
        context.update(
            {
                "issues": page_obj,
                "years": years,
                "year": year,
                "message": message,
                "querystring": f"year={year}" if year else "",
                "params_notice": params_notice(request, ("year", "page")),
            }
        )
        return TemplateResponse(request, "legal/gazette_index_page.html", context)

    @re_path(r"^(?P<pk>\d{1,12})/$")
    def issue(self, request, pk):
        issue = self.issues_queryset(request).select_related("pdf").filter(pk=pk).first()
        if issue is None:
            raise Http404
        documents = issue.ordered_documents().published().with_related()
        legal_index_url = section_item_url(LegalDocumentIndexPage, issue.site_id, "", request)
        context = self.get_context(request)
        context.update({"issue": issue, "documents": documents, "legal_index_url": legal_index_url})
        return TemplateResponse(request, "legal/gazette_issue.html", context)
