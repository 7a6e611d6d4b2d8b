"""Page types every site is built from: home, section index, standard page, article, topic."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from congtt.editorial.rules import DEADLINE_KIND_CHOICES
from congtt.network.query_params import params_notice
from congtt.vntext import fold

from .blocks import ArticleBody, AuthorBlock

PAGE_SIZE = 20


def paginate(request, queryset, per_page=PAGE_SIZE):
    """A page of ``queryset`` for ``?page=``, never an error.

    A number that is not a page (``abc``, ``0``, ``-1``) gives the first page, one past the end the
    last page; either way ``page.notice`` says so in Vietnamese (empty when the number was fine).
    """
    paginator = Paginator(queryset, per_page)
    raw = request.GET.get("page")
    notice = ""
    try:
        number = paginator.validate_number(1 if raw is None or raw == "" else raw)
    except PageNotAnInteger:
        number, notice = 1, _("Số trang không hợp lệ; đang hiển thị trang đầu.")
    except EmptyPage:
        if int(raw) < 1:
            number, notice = 1, _("Số trang không hợp lệ; đang hiển thị trang đầu.")
        else:
            number, notice = paginator.num_pages, _("Không có trang này; đang hiển thị trang cuối.")
    page = paginator.page(number)
    page.notice = str(notice)
    return page


class FoldedSearchMixin:
    """Gives a page an accent-folded copy of its texts for the search index (``search_folded``)."""

    search_kind = _("Trang thông tin")

    def search_texts(self) -> list[str]:
        return [
            self.title,
            getattr(self, "search_description", ""),
            strip_tags(str(getattr(self, "intro", "") or "")),
        ]

    def search_folded(self) -> str:
        return fold(" ".join(t for t in self.search_texts() if t))

    def search_summary(self) -> str:
        return " ".join(
            strip_tags(str(getattr(self, "intro", "") or getattr(self, "search_description", ""))).split()
        )

    def search_date(self):
        return self.first_published_at


FOLDED = [index.SearchField("search_folded")]

# Reverse one-to-one names of this app's page types, so a child is routed with its specific fields in one query.
_SPECIFIC_RELATIONS = ("sectionpage", "standardpage", "topicpage", "articlepage")


class FastRouteMixin:
    """Route to a child page in one query (Wagtail's default takes two: the page, then ``.specific``)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = (
            self.get_children()
            .filter(slug=path_components[0])
            .select_related(*_SPECIFIC_RELATIONS, "articlepage__image")
            .first()
        )
        if child is None:
            raise Http404
        specific = None
        for name in _SPECIFIC_RELATIONS:
            try:
                specific = getattr(child, name)
                break
            except models.ObjectDoesNotExist:
                continue
        if specific is None or specific.content_type_id != child.content_type_id:
            specific = child.specific
        specific._cached_parent_obj = self
        return specific.route(request, path_components[1:])


class HomePage(FastRouteMixin, FoldedSearchMixin, Page):
    """The home page of a site in one edition (the root of the site's tree)."""

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), *FOLDED]

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from congtt.network.context import get_site_profile
        from congtt.network.services import component_sites_by_kind

        context = super().get_context(request, *args, **kwargs)
        profile = get_site_profile(request)
        if profile is not None and profile.is_portal:
            context["component_sites"] = component_sites_by_kind()
        context["sections"] = list(
            self.get_children().live().in_menu().only("id", "title", "path", "depth", "url_path", "locale_id")
        )
        from .services import home_news

        context.update(home_news(self, context["sections"]))
        return context


class SectionPage(FastRouteMixin, FoldedSearchMixin, Page):
    """A section (chuyên mục) listing its child pages, newest first, with pagination."""

    intro = RichTextField(_("giới thiệu chuyên mục"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), *FOLDED]

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request, *args, **kwargs):
        from .services import article_list, public, section_topics

        context = super().get_context(request, *args, **kwargs)
        articles = paginate(request, article_list(ArticlePage.objects.child_of(self)))
        if articles.paginator.count:
            context["articles"] = articles
            context["topics"] = section_topics(self)
        else:
            children = public(self.get_children().live()).order_by("-first_published_at", "-pk")
            context["children"] = paginate(request, children)
        context["params_notice"] = params_notice(request)
        return context


class StandardPage(FoldedSearchMixin, Page):
    """A plain page of text: introduction, functions and duties, contact, policies."""

    body = RichTextField(_("nội dung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]

    def search_texts(self):
        return [*super().search_texts(), strip_tags(self.body or "")]

    search_fields = [*Page.search_fields, index.SearchField("body"), *FOLDED]

    class Meta:
        verbose_name = _("trang nội dung")
        verbose_name_plural = _("trang nội dung")


class TopicPage(FoldedSearchMixin, Page):
    """A topic (chuyên đề) gathering articles of any section of the site."""

    intro = RichTextField(_("giới thiệu chuyên đề"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), *FOLDED]
    parent_page_types = ["content.SectionPage", "content.HomePage"]
    subpage_types = []
    search_kind = _("Chuyên đề")

    class Meta:
        verbose_name = _("chuyên đề")
        verbose_name_plural = _("chuyên đề")

    def get_context(self, request, *args, **kwargs):
        from .services import article_list

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, article_list(ArticlePage.objects.filter(topics=self)))
        context["params_notice"] = params_notice(request)
        return context


class ArticleKind(models.TextChoices):
    NEWS = "news", _("Tin bài")
    ANNOUNCEMENT = "announcement", _("Thông báo")
    PRESS = "press", _("Thông cáo báo chí")
    INTERVIEW = "interview", _("Phỏng vấn")
    GALLERY = "gallery", _("Tin ảnh")
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Âm thanh")


class ArticlePage(FoldedSearchMixin, RoutablePageMixin, Page):
    """A news item: article, announcement, press release, interview, photo gallery, video or audio."""

    kind = models.CharField(
        _("loại tin"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    summary = models.TextField(
        _("sapo (tóm tắt)"), blank=True, max_length=1000, help_text=_("Đoạn mở đầu in đậm, 1–3 câu.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_caption = models.CharField(_("chú thích ảnh đại diện"), max_length=500, blank=True)
    body = StreamField(ArticleBody(), verbose_name=_("nội dung"), blank=True, default=list)
    authors = StreamField(
        [("author", AuthorBlock())],
        verbose_name=_("tác giả"),
        blank=True,
        default=list,
        help_text=_("Một hoặc nhiều tác giả, theo thứ tự hiển thị."),
    )
    source_name = models.CharField(
        _("nguồn tin"),
        max_length=255,
        blank=True,
        help_text=_("Tên báo, cơ quan khi trích dẫn hoặc đăng lại."),
    )
    source_url = models.URLField(
        _("địa chỉ nguồn"), blank=True, help_text=_("Đường dẫn đến bài gốc (nếu có).")
    )
    date = models.DateTimeField(
        _("ngày đăng"), default=timezone.now, db_index=True, help_text=_("Ngày giờ hiển thị của tin bài.")
    )
    featured = models.BooleanField(_("tin nổi bật"), default=False, help_text=_("Hiện ở đầu trang chủ."))
    topics = ParentalManyToManyField(
        TopicPage, verbose_name=_("chuyên đề"), blank=True, related_name="articles"
    )
    related_articles = ParentalManyToManyField(
        "self",
        verbose_name=_("tin liên quan"),
        blank=True,
        symmetrical=False,
        help_text=_("Bỏ trống thì tự lấy tin cùng chuyên đề hoặc chuyên mục."),
    )
    view_count = models.PositiveIntegerField(_("lượt xem"), default=0, editable=False)
    # DL-2: an item made from a document with a legal publication deadline (dissemination, projects,
    # statistics, science, others) is tracked from that document's issue/approval date.
    deadline_kind = models.CharField(
        _("loại thông tin có hạn đăng"),
        max_length=30,
        blank=True,
        choices=DEADLINE_KIND_CHOICES,
        help_text=_(
            "Chọn khi tin bài đăng thông tin có thời hạn đăng theo quy định (tính theo ngày làm việc)."
        ),
    )
    source_document_date = models.DateField(
        _("ngày ban hành/phê duyệt văn bản gốc"),
        null=True,
        blank=True,
        help_text=_("Ngày ban hành, phê duyệt của văn bản làm căn cứ tính hạn đăng."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("date"), FieldPanel("featured")]),
                FieldPanel("summary"),
            ],
            heading=_("Thông tin chung"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("deadline_kind"), FieldPanel("source_document_date")])],
            heading=_("Hạn đăng tin"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_caption")], heading=_("Ảnh đại diện")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("source_name"),
                FieldPanel("source_url"),
            ],
            heading=_("Tác giả và nguồn tin"),
        ),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("related_articles")], heading=_("Chuyên đề và tin liên quan")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("kind"),
        index.FilterField("featured"),
        *FOLDED,
    ]
    parent_page_types = ["content.SectionPage"]
    subpage_types = []
    search_kind = _("Tin bài")

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.deadline_kind and not self.source_document_date:
            raise ValidationError(
                {
                    "source_document_date": _(
                        "Hãy nhập ngày ban hành/phê duyệt của văn bản gốc để tính hạn đăng."
                    )
                }
            )

    def search_texts(self):
        authors = " ".join(b.value.get("name", "") for b in self.authors or [])
        return [self.title, self.summary, body_text(self.body), self.source_name, authors]

    def search_summary(self):
        return self.summary

    def search_date(self):
        return self.date

    def get_context(self, request, *args, **kwargs):
        from .services import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        from .services import record_view

        if request.method == "GET" and not getattr(request, "is_preview", False):
            record_view(self, request)
        return super().serve(request, *args, **kwargs)

    @path("")
    def article(self, request):
        return self.render(request)

    @path("in/")
    def print_view(self, request):
        return self.render(request, template="content/article_print.html", context_overrides={"print": True})

    @path("luu/")
    def pdf(self, request):
        from .pdf import article_pdf_response

        return article_pdf_response(self, request)


def body_text(body) -> str:
    """Plain text of an article body (paragraphs, captions, titles, transcripts, table cells)."""
    parts = []
    for block in body or []:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif block.block_type in ("image", "media", "document"):
            parts.extend(str(value.get(k) or "") for k in ("caption", "title", "transcript"))
        elif block.block_type == "gallery":
            parts.append(value.get("title") or "")
            parts.extend(item.get("caption") or "" for item in value.get("images") or [])
        elif block.block_type == "table" and value:
            parts.extend(str(cell or "") for row in value.get("data") or [] for cell in row)
    return " ".join(" ".join(parts).split())
