"""Administrative procedures and online public services catalogue (CNT-4)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, Page, RevisionMixin
from wagtail.search import index

from congtt.legal.models import section_item_url
from congtt.network.query_params import params_notice
from congtt.ops import counters
from congtt.vntext import fold, slugify_vi

from . import rules

LEVEL_CHOICES = list(rules.LEVELS.items())
SERVICE_LEVEL_CHOICES = list(rules.SERVICE_LEVELS.items())
# Buffered usage counters (congtt.ops.counters), registered in ProceduresConfig.ready.
VIEWS = "procedures.views"
CLICKS = "procedures.clicks"


class ProcedureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)


class Procedure(LockableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("trang"), on_delete=models.CASCADE, related_name="procedures"
    )
    code = models.CharField(_("mã thủ tục (quốc gia)"), max_length=20, help_text=_("Ví dụ: 1.001234"))
    name = models.CharField(_("tên thủ tục"), max_length=500)
    field = models.ForeignKey(
        "legal.Field", verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="procedures"
    )
    level = models.CharField(_("cấp thực hiện"), max_length=20, choices=LEVEL_CHOICES, default="province")
    service_level = models.CharField(
        _("mức độ dịch vụ"), max_length=20, choices=SERVICE_LEVEL_CHOICES, default="partial"
    )
    responsible_unit = models.CharField(_("cơ quan thực hiện"), max_length=300)
    processing_time = models.CharField(_("thời hạn giải quyết"), max_length=300, blank=True)
    fees = models.TextField(_("phí, lệ phí"), blank=True)
    steps = RichTextField(_("trình tự thực hiện"), blank=True)
    dossier = RichTextField(_("thành phần hồ sơ"), blank=True)
    requirements = RichTextField(_("yêu cầu, điều kiện"), blank=True)
    legal_basis = models.ManyToManyField(
        "legal.LegalDocument",
        verbose_name=_("căn cứ pháp lý"),
        blank=True,
        through="ProcedureLegalBasis",
        related_name="procedures",
    )
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0, editable=False)
    click_count = models.PositiveIntegerField(_("lượt nộp trực tuyến"), default=0, editable=False)
    search_text = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProcedureQuerySet.as_manager()

    search_kind = _("Thủ tục hành chính")
    search_fields = [
        index.SearchField("search_folded"),
        index.SearchField("name"),
        index.SearchField("code"),
        index.FilterField("site_id"),
        index.FilterField("live"),
    ]
    panels = [
        FieldPanel("site"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("field")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("service_level")]),
        FieldRowPanel([FieldPanel("responsible_unit"), FieldPanel("processing_time")]),
        FieldPanel("fees"),
        FieldPanel("steps"),
        FieldPanel("dossier"),
        FieldPanel("requirements"),
        MultipleChooserPanel("legal_basis_links", chooser_field_name="document", label=_("Căn cứ pháp lý")),
        InlinePanel("form_files", label=_("Biểu mẫu, tờ khai")),
    ]

    class Meta:
        ordering = ["field__order", "name"]
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "code"],
                name="procedures_unique_code_per_site",
                violation_error_message=_("Trang đã có thủ tục với mã này."),
            )
        ]
        indexes = [models.Index(fields=["site", "live", "field"], name="proc_site_live_field")]

    def __str__(self):
        return f"{self.code} – {self.name}"

    def clean(self):
        super().clean()
        errors = rules.validate_code(self.code)
        if errors:
            raise ValidationError({"code": errors})
        self.code = rules.normalize_code(self.code)

    def save(self, *args, **kwargs):
        self.code = rules.normalize_code(self.code)
        self.search_text = self.search_folded()
        super().save(*args, **kwargs)

    def search_folded(self):
        parts = [self.code, self.name, self.responsible_unit]
        if self.field_id:
            parts.append(self.field.name)
        return fold(" ".join(p for p in parts if p))

    @property
    def slug(self):
        return slugify_vi(self.name, max_length=60)

    def published_basis(self):
        """The links to the procedure's published legal documents, in the editor's order.

        Reads the ``published_basis_links`` prefetch (see ``basis_prefetch``) when the queryset has it."""
        cached = getattr(self, "published_basis_links", None)
        if cached is not None:
            return cached
        return list(basis_links().filter(procedure=self))

    @property
    def national_url(self):
        return rules.national_portal_url(self.code)

    @property
    def level_label(self):
        return rules.LEVELS.get(self.level, self.level)

    @property
    def service_level_label(self):
        return rules.SERVICE_LEVELS.get(self.service_level, self.service_level)

    @property
    def total_views(self):
        return counters.total(VIEWS, self)

    @property
    def total_clicks(self):
        return counters.total(CLICKS, self)

    @classmethod
    def public_search_queryset(cls, site):
        return cls.objects.published().filter(site=site).select_related("field")

    def get_url(self, request=None):
        return section_item_url(ProcedureIndexPage, self.site_id, f"{self.pk}-{self.slug}/", request)


def basis_links():
    """Links to published legal documents, in order, with what the page and the API show of them."""
    return (
        ProcedureLegalBasis.objects.filter(document__live=True)
        .select_related("document__form")
        .order_by("sort_order", "pk")
    )


def basis_prefetch():
    """``prefetch_related`` argument: each procedure's ``published_basis_links`` in one query."""
    return models.Prefetch("legal_basis_links", queryset=basis_links(), to_attr="published_basis_links")


class ProcedureLegalBasis(Orderable):
    """A legal document the procedure rests on (căn cứ pháp lý), in the order the editor gives."""

    procedure = ParentalKey(Procedure, on_delete=models.CASCADE, related_name="legal_basis_links")
    document = models.ForeignKey(
        "legal.LegalDocument",
        verbose_name=_("văn bản"),
        on_delete=models.CASCADE,
        related_name="procedure_links",
    )
    note = models.CharField(
        _("điều, khoản"),
        max_length=120,
        blank=True,
        help_text=_("Phần văn bản làm căn cứ, nếu cần. Ví dụ: Điều 5, khoản 2"),
    )

    panels = [FieldPanel("document"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "document"],
                name="procedures_basis_document_once",
                violation_error_message=_("Văn bản này đã có trong căn cứ pháp lý của thủ tục."),
            )
        ]

    def clean(self):
        super().clean()
        try:
            procedure_site = self.procedure.site_id
        except Procedure.DoesNotExist:
            procedure_site = None
        if self.document_id and procedure_site and self.document.site_id != procedure_site:
            raise ValidationError(
                {"document": _("Văn bản làm căn cứ pháp lý phải thuộc cùng trang với thủ tục.")}
            )


class ProcedureFormFile(Orderable):
    procedure = ParentalKey(Procedure, on_delete=models.CASCADE, related_name="form_files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("tên biểu mẫu"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("biểu mẫu")
        verbose_name_plural = _("biểu mẫu")

    @property
    def label(self):
        return self.title or self.document.title


class ProcedureIndexPage(RoutablePageMixin, Page):
    """/thu-tuc-hanh-chinh/: the site's procedures by field, with filters and a page per procedure."""

    intro = RichTextField(_("giới thiệu"), blank=True, default="")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("trang thủ tục hành chính")
        verbose_name_plural = _("trang thủ tục hành chính")

    def search_folded(self):
        return fold(self.title)

    def procedures_queryset(self, request):
        from congtt.network.context import get_site

        return Procedure.objects.published().filter(site=get_site(request))

    @path("")
    def listing(self, request):
        from .services import FILTER_KEYS, filter_procedures, group_by_field

        result = filter_procedures(self.procedures_queryset(request), request.GET)
        from congtt.content.models import paginate

        page_obj = paginate(request, result.queryset.select_related("field"), per_page=50)
        context = self.get_context(request)
        context.update(
            {
                "procedures": page_obj,
                "groups": group_by_field(page_obj.object_list),
                "filters": result.cleaned,
                "messages_": result.messages,
                "fields": result.fields,
                "levels": rules.LEVELS.items(),
                "service_levels": rules.SERVICE_LEVELS.items(),
                "querystring": result.querystring,
                "params_notice": params_notice(request, (*FILTER_KEYS, "page")),
            }
        )
        return TemplateResponse(request, "procedures/procedure_index_page.html", context)

    @re_path(r"^(?P<pk>\d{1,12})-(?P<slug>[-\w]*)/$")
    def detail(self, request, pk, slug):
        procedure = (
            self.procedures_queryset(request)
            .select_related("field")
            .prefetch_related("form_files__document", basis_prefetch())
            .filter(pk=pk)
            .first()
        )
        if procedure is None:
            raise Http404
        if slug != procedure.slug:
            return redirect(self.url + f"{procedure.pk}-{procedure.slug}/")
        counters.count(VIEWS, procedure.pk, request)
        from congtt.legal.models import LegalDocumentIndexPage

        basis = procedure.published_basis()
        legal_index_url = (
            section_item_url(LegalDocumentIndexPage, procedure.site_id, "", request) if basis else None
        )
        context = self.get_context(request)
        context.update({"procedure": procedure, "basis": basis, "legal_index_url": legal_index_url})
        return TemplateResponse(request, "procedures/procedure_detail.html", context)

    @re_path(r"^(?P<pk>\d{1,12})/nop-truc-tuyen/$")
    def apply_online(self, request, pk):
        procedure = self.procedures_queryset(request).only("pk", "code").filter(pk=pk).first()
        if procedure is None or not procedure.national_url:
            raise Http404
        counters.count(CLICKS, procedure.pk)  # a no-store redirect: never replayed
        response = HttpResponseRedirect(procedure.national_url)
        response["Cache-Control"] = "no-store"
        return response
