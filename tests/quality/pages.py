"""WHAT the quality gates check, as data. To add a page type, add one PageType line below.

Paths are relative to an edition's home: "/" is the home page, and "{news}" is replaced by the slug of
the section with code "news" in that edition (see congtt/network/sections.py), so "/{news}/" becomes
"/tin-tuc/" (vi), "/en/news/" and "/zh/news/". Every path is checked on every site in SITES and every
edition in EDITIONS, unless the PageType restricts them.

- ``lighthouse``: the path (one per page type) that Lighthouse scores (home, article, legal listing,
  search, Q&A form…);
- ``follow``: a CSS-like prefix — the page type's URL is the first link on the page at that path whose
  href starts with the section's own path (used for detail pages: "the first article of /tin-tuc/");
- ``scan``: paths whose query parameters (or forms) sqlmap and wapiti attack (sampled: vi, portal);
- ``status``: the expected HTTP status (a 404 page is a page type too).
"""

from dataclasses import dataclass, field

from congtt.network.sections import EDITIONS as _EDITIONS
from congtt.network.sections import SECTIONS

PORTAL = "langson.localhost"
COMPONENT = "sokhcn.langson.localhost"
SITES = (PORTAL, COMPONENT)
EDITIONS = _EDITIONS  # ("vi", "en", "zh"): vi at "/", the others at "/en/", "/zh/"


ARTICLE_CARD = r'<h3><a href="([^"#]+)"'


@dataclass(frozen=True)
class PageType:
    name: str
    paths: tuple[str, ...] = ()
    lighthouse: str | None = None
    # section path whose first child link is this page type (detail pages), or (listing, link prefix)
    follow: str | tuple[str, str] | None = None
    scan: tuple[str, ...] = ()
    status: int = 200
    # regex whose group 1 is a followed link's href; default: any <a href> (a card title for articles)
    link: str | None = None
    suffix: str = ""  # appended to a followed link: "in/" turns an article into its print view
    sites: tuple[str, ...] = SITES
    editions: tuple[str, ...] = EDITIONS
    wcag_exceptions: tuple[str, ...] = field(default=())  # axe rule ids, each with a reason in a comment
    lighthouse_skip: tuple[str, ...] = ()  # Lighthouse audit ids not applicable, with a reason


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", ("/",), lighthouse="/"),
    PageType(
        "section",
        ("/{news}/", "/{schedule}/", "/{news}/?page=2", "/{news}/?page=abc"),
        lighthouse="/{news}/",
        scan=("/{news}/?page=1",),
    ),
    PageType("standard", ("/{intro}/", "/{contact}/")),
    PageType(
        "search",
        ("/tim-kiem/", "/tim-kiem/?q=lien+he", "/tim-kiem/?q=khong+co+ket+qua+nao+xyz", "/tim-kiem/?q="),
        lighthouse="/tim-kiem/?q=lien+he",
        # Search results carry <meta name="robots" content="noindex"> on purpose (no index of indexes).
        lighthouse_skip=("is-crawlable",),
        scan=("/tim-kiem/?q=gioi+thieu&page=1",),
    ),
    PageType("not_found", ("/trang-khong-ton-tai-xyz/",), status=404),
    # --- page types of the feature branches (merged 06:00 UTC)
    # An article is the first card title of /tin-tuc/ (the section's first links are its topics).
    PageType("article", follow="/{news}/", lighthouse="@follow", link=ARTICLE_CARD),
    PageType("topic", follow="/{news}/"),
    PageType(
        "legal_listing",
        ("/{legal}/", "/{legal}/?q=quyet+dinh&sort=-issued", "/{legal}/?year=abc&page=999"),
        lighthouse="/{legal}/",
        scan=("/{legal}/?q=a&number=1&year=2024&page=1",),
    ),
    PageType("legal_document", follow="/{legal}/"),
    PageType("gazette", ("/{gazette}/",), sites=(PORTAL,)),
    PageType(
        "procedure_listing",
        ("/{procedures}/", "/{procedures}/?q=dang+ky"),
        scan=("/{procedures}/?q=a&page=1",),
    ),
    PageType("procedure", follow="/{procedures}/"),
    PageType("qa_listing", ("/{qa}/", "/{qa}/tra-cuu/")),
    PageType("qa_form", ("/{qa}/gui-cau-hoi/",), lighthouse="/{qa}/gui-cau-hoi/"),
    PageType("question", follow=("/{qa}/", "/{qa}/cau-hoi/")),
    PageType("consultation", ("/{consultation}/",)),
    PageType("draft", follow="/{consultation}/"),
    PageType("citizen", ("/danh-gia/", "/dien-dan/")),
    # --- organisation, directory, schedules, disclosures, gazette issues, print view
    PageType("leader", follow=("/{intro}/", "/{intro}/lanh-dao/")),
    PageType("directory", ("/{directory}/", "/{directory}/?q=nguyen"), scan=("/{directory}/?q=a",)),
    PageType("schedule", ("/{schedule}/tiep-cong-dan/", "/{schedule}/duong-day-nong/")),
    PageType("disclosure_catalogue", ("/{disclosure_catalogue}/",)),
    # The demo publishes disclosures in the Vietnamese edition only.
    PageType("disclosures", ("/cong-khai-thong-tin/",), editions=("vi",)),
    PageType("disclosure", follow="/cong-khai-thong-tin/", editions=("vi",)),
    PageType("gazette_issue", follow="/{gazette}/", sites=(PORTAL,)),
    PageType("article_print", follow="/{news}/", link=ARTICLE_CARD, suffix="in/"),
)

# The public REST API's list endpoints with query parameters (sqlmap; schemathesis covers the rest).
API_SCANS: tuple[str, ...] = (
    "/api/v1/sites/?page=1",
    "/api/v1/articles/?page=1",
    "/api/v1/legal-documents/?page=1",
    "/api/v1/procedures/?page=1",
)


def slugs(edition: str) -> dict[str, str]:
    return {s.code: s.slugs.get(edition, s.slugs["vi"]) for s in SECTIONS}


def edition_path(edition: str, path: str) -> str:
    """'/{news}/' in 'en' -> '/en/news/'."""
    path = path.format(**slugs(edition))
    return path if edition == "vi" else f"/{edition}{path}"


@dataclass(frozen=True)
class Target:
    page_type: str
    host: str
    edition: str
    path: str  # absolute path on the host, with the edition prefix
    status: int = 200


def targets(page_types=PAGE_TYPES) -> list[Target]:
    """Every (page type × site × edition × path) to check; detail pages are found later (``follow``)."""
    found = []
    for pt in page_types:
        for host in pt.sites:
            for edition in pt.editions:
                for path in pt.paths:
                    found.append(Target(pt.name, host, edition, edition_path(edition, path), pt.status))
    return found
