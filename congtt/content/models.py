"""Page types every site is built from: home, section index, standard page."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

PAGE_SIZE = 20


def paginate(request, queryset, per_page=PAGE_SIZE):
    """A page of ``queryset`` for ``?page=``; bad or huge numbers give the last or first page."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class HomePage(Page):
    """The home page of a site in one edition (the root of the site's tree)."""

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

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
        context["sections"] = self.get_children().live().in_menu().specific()
        return context


class SectionPage(Page):
    """A section (chuyên mục) listing its child pages, newest first, with pagination."""

    intro = RichTextField(_("giới thiệu chuyên mục"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().order_by("-first_published_at", "-pk")
        context["children"] = paginate(request, children)
        return context


class StandardPage(Page):
    """A plain page of text: introduction, functions and duties, contact, policies."""

    body = RichTextField(_("nội dung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("trang nội dung")
        verbose_name_plural = _("trang nội dung")
