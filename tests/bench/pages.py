"""The URLs of every public page type (issue 3 "Speed"), found in the database, for the page
benchmark and the query-count test: ``public_pages(n)`` gives up to ``n`` distinct URLs a type."""

from urllib.parse import urlsplit

from django.db.models import Count, Q
from wagtail.models import Site

from congtt.content.models import ArticlePage, TopicPage
from congtt.directory.models import DirectoryPage, OrganisationPage, SchedulePage
from congtt.disclosures.models import DisclosurePage
from congtt.legal.models import DocumentForm, GazetteIndexPage, LegalDocument, LegalDocumentIndexPage
from congtt.network.services import portal_profile
from congtt.procedures.models import Procedure, ProcedureIndexPage

YEARS = range(2016, 2027)


def _split(url):
    parts = urlsplit(url)
    return parts.hostname, parts.path + (f"?{parts.query}" if parts.query else "")


def _page_urls(queryset, n):
    return [_split(p.get_full_url()) for p in queryset.live().public().order_by("-pk")[:n]]


def _section(model, host):
    page = model.objects.live().filter(url_path__startswith=_root_path(host)).first()
    return _split(page.get_full_url())[1] if page else None


def _root_path(host):
    site = Site.objects.select_related("root_page").get(hostname=host)
    return site.root_page.url_path


def component_host(portal):
    """A component site with news (the seeded ones have most)."""
    sites = Site.objects.exclude(pk=portal.pk).exclude(is_default_site=True).order_by("pk")
    for site in sites:
        if ArticlePage.objects.live().filter(path__startswith=site.root_page.path).exists():
            return site.hostname
    return sites.first().hostname


def public_pages(n=20):
    """{page type: [(host, path), …]} with up to ``n`` distinct items each."""
    portal = portal_profile().site
    host = portal.hostname
    component = component_host(portal)
    under_portal = Q(path__startswith=portal.root_page.path)
    articles = ArticlePage.objects.filter(under_portal)
    forms = list(DocumentForm.objects.annotate(n=Count("legaldocument")).order_by("-n")[:3])
    legal = LegalDocument.objects.filter(site=portal, live=True).order_by("-pk")[:n]
    procedures = Procedure.objects.filter(site=portal, live=True).order_by("-pk")[:n]
    legal_index = _section(LegalDocumentIndexPage, host)
    procedure_index = _section(ProcedureIndexPage, host)
    directory = _section(DirectoryPage, host)
    schedule = _section(SchedulePage, host)
    words = ["nguyen", "van", "so", "phong", "tran", "ha", "thi", "le", "uy ban", "hoang"]
    pages = {
        "home (portal)": [(host, "/")],
        "home (component site)": [(component, "/")],
        "home (en edition)": [(host, "/en/")],
        "section": [(host, "/tin-tuc/"), (component, "/tin-tuc/")]
        + [(h, f"/tin-tuc/?page={i}") for i in range(2, n) for h in (host, component)][: n - 2],
        "article": _page_urls(articles.exclude(kind="announcement"), n),
        "announcement": _page_urls(articles.filter(kind="announcement"), n),
        "topic": _page_urls(TopicPage.objects.all(), n),
        "legal listing, 2 filters": [
            (host, f"{legal_index}?form={forms[i % len(forms)].code}&year={YEARS[i % len(YEARS)]}")
            for i in range(n)
        ]
        if legal_index and forms
        else [],
        "legal document": [(host, _split(d.get_url())[1]) for d in legal],
        "gazette listing": [(host, p) for p in [_section(GazetteIndexPage, host)] if p],
        "procedure listing": [(host, f"{procedure_index}?page={1 + i}") for i in range(3)]
        if procedure_index
        else [],
        "procedure": [(host, _split(p.get_url())[1]) for p in procedures],
        "organisation": [(h, _section(OrganisationPage, h)) for h in (host, component)],
        "directory, search": [(host, f"{directory}?q={w}") for w in words] if directory else [],
        "schedule": [(h, _section(SchedulePage, h)) for h in (host, component)] if schedule else [],
        "disclosure": _page_urls(DisclosurePage.objects.all(), n),
        "search": [
            (host, f"/tim-kiem/?q={w}") for w in ("chuyen doi so", "thu tuc", "quyet dinh", "ke hoach")
        ],
        "rss": [(host, "/rss/"), (component, "/rss/")],
        "sitemap": [(host, "/sitemap.xml"), (component, "/sitemap.xml")],
    }
    return {name: [(h, p) for h, p in urls if p] for name, urls in pages.items()}
