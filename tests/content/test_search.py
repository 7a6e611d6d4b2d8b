"""Site search (PUB-3): accents, phrases, filters, snippets, scope, bad input."""

import datetime as dt

import pytest

from congtt.content.search import clean_query, highlight, parse_query

from .conftest import DEPT, PORTAL, make_article, news_section

pytestmark = pytest.mark.django_db

QUY_CHE = "Quy chế hoạt động của Cổng thông tin điện tử tỉnh"


def search(client, host=PORTAL, **params):
    response = client.get("/tim-kiem/", params, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def articles(portal):
    section = news_section(portal)
    return {
        "quy_che": make_article(
            section, QUY_CHE, summary="Ủy ban ban hành quy chế về <script>cổng</script>.", days_ago=30
        ),
        "other": make_article(
            section, "Hội nghị về nông thôn mới", summary="Xây dựng nông thôn mới.", days_ago=2
        ),
        "draft": make_article(section, "Quy chế nháp chưa xuất bản", publish=False),
        "announce": make_article(section, "Thông báo quy chế tiếp công dân", kind="announcement", days_ago=1),
    }


def test_unaccented_query_finds_accented_text(client, articles):
    body = search(client, q="quy che cong thong tin")
    assert "hoạt động của" in body
    assert "Hội nghị về nông thôn mới" not in body


def test_accented_query_finds_it_too(client, articles):
    assert "hoạt động của" in search(client, q="Quy chế Cổng thông tin")


def test_exact_phrase_in_quotes(client, articles):
    assert "hoạt động của" in search(client, q='"cong thong tin dien tu"')
    assert "hoạt động của" not in search(client, q='"thong tin cong"')


def test_drafts_are_never_found(client, articles):
    body = search(client, q="quy che")
    assert "nháp chưa xuất bản" not in body
    assert "tiếp công dân" in body


def test_kind_filter(client, portal, articles):
    from wagtail.models import Page

    from congtt.content.models import StandardPage

    intro = StandardPage.objects.child_of(portal.site.root_page).get(slug="lien-he")
    intro.body = "<p>Quy chế tổ chức của cơ quan.</p>"
    intro.save_revision().publish()
    from wagtail.search import index

    index.insert_or_update_object(Page.objects.get(pk=intro.pk).specific)
    both = search(client, q="quy che")
    assert "Liên hệ" in both and "hoạt động của" in both
    only_pages = search(client, q="quy che", loai="trang")
    assert "Liên hệ" in only_pages and "hoạt động của" not in only_pages
    only_news = search(client, q="quy che", loai="tin-bai")
    assert "hoạt động của" in only_news


def test_date_filter(client, articles):
    from django.utils import timezone

    old_from = (timezone.localdate() - dt.timedelta(days=10)).isoformat()
    recent = search(client, q="quy che", tu_ngay=old_from)
    assert "tiếp công dân" in recent and "hoạt động của" not in recent
    older = search(client, q="quy che", den_ngay=old_from)
    assert "hoạt động của" in older and "tiếp công dân" not in older


def test_snippet_highlights_and_escapes(client, articles):
    body = search(client, q="quy che")
    assert "<mark>Quy</mark> <mark>chế</mark>" in body
    assert "&lt;script&gt;" in body and "<script>cổng" not in body


def test_other_sites_only_with_network_search(client, portal, department, articles):
    make_article(news_section(department), "Quy chế làm việc của Sở Khoa học")
    assert "làm việc của Sở" not in search(client, q="quy che")
    network = search(client, q="quy che", pham_vi="mang-luoi")
    assert "làm việc của Sở" in network and "Sở Khoa học và Công nghệ" in network
    # a component site cannot search the whole network
    dept = search(client, host=DEPT, q="quy che", pham_vi="mang-luoi")
    assert "Chỉ cổng thông tin tỉnh" in dept and "hoạt động của" not in dept


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "quy che", "loai": "khong-co"}, "Loại nội dung không có"),
        ({"q": "quy che", "tu_ngay": "31/02/2024"}, "không hợp lệ"),
        ({"q": "quy che", "den_ngay": "2024-13-45"}, "không hợp lệ"),
        ({"q": "quy che", "page": "99999999999999999999"}, ""),
        ({"q": "x" * 10000}, "Từ khóa quá dài"),
        ({"q": "\x00\u202e\ufeff𝕢𝕦𝕪 ✓ 🙂 中文"}, ""),
        ({"q": '"" AND OR NOT * ( ) : ^'}, ""),
        ({"q": "   "}, "Hãy nhập từ khóa"),
    ],
)
def test_bad_input_gives_a_normal_page(client, articles, params, message):
    body = search(client, **params)
    assert "<h1>Tìm kiếm</h1>" in body
    assert message in body


def test_huge_page_number_shows_last_page(client, articles):
    assert "tiếp công dân" in search(client, q="quy che", page="9999")


# --- plain functions ---------------------------------------------------------------------------


def test_highlight_maps_folded_terms_to_original_characters():
    html = highlight("Cổng thông tin <b>điện tử</b> Đồng Đăng", ["cong", "dien", "dong dang"])
    assert (
        html == "<mark>Cổng</mark> thông tin &lt;b&gt;<mark>điện</mark> tử&lt;/b&gt; <mark>Đồng Đăng</mark>"
    )


def test_highlight_matches_whole_words_only():
    assert "<mark>" not in highlight("tỉnh", ["tin"])


def test_highlight_window_around_first_match():
    text = "mở đầu " * 100 + "quy chế " + "kết thúc " * 100
    html = highlight(text, ["quy che"], 80)
    assert "<mark>quy chế</mark>" in html and html.startswith("…") and html.endswith("…")
    assert len(html) < 200


def test_parse_query_separates_phrases_and_terms():
    parsed = parse_query("“Cổng thông tin” quy chế")
    assert parsed.phrases == ["cong thong tin"]
    assert parsed.terms == ["quy", "chế"] and parsed.folded_terms == ["quy", "che"]


def test_clean_query_caps_length_and_strips_controls():
    text, messages = clean_query("a\x00b" + " từ" * 500)
    assert "\x00" not in text and len(text) <= 200 and messages


def test_accented_exact_match_ranks_first(client, portal):
    section = news_section(portal)
    make_article(section, "Quý chè Tân Cương", summary="Chè ngon.", days_ago=0)
    make_article(section, "Quy chế mới", summary="Văn bản mới.", days_ago=5)
    body = search(client, q="quy chế")
    assert body.index("mới</a>") < body.index("Tân Cương")
    assert "Tân Cương" in search(client, q="quy che")


def test_records_of_other_apps_join_search_by_protocol(client, portal, department, monkeypatch):
    """A non-page model with public_search_queryset/search_kind/get_url is searched, filtered and linked."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.search import index

    from congtt.content.search import searchable_models

    Document = get_document_model()
    assert Document not in searchable_models()

    published = Document(title="Quy chế mẫu về văn thư")
    published.file.save("quy-che.pdf", ContentFile(b"%PDF-1.4"), save=True)
    hidden = Document(title="Quy chế nội bộ chưa công bố")
    hidden.file.save("noi-bo.pdf", ContentFile(b"%PDF-1.4"), save=True)
    for doc in (published, hidden):
        index.insert_or_update_object(doc)

    def public_search_queryset(cls, site):
        return cls.objects.filter(pk=published.pk) if site.pk == portal.site.pk else cls.objects.none()

    monkeypatch.setattr(
        Document, "public_search_queryset", classmethod(public_search_queryset), raising=False
    )
    monkeypatch.setattr(Document, "search_kind", "Văn bản", raising=False)
    monkeypatch.setattr(Document, "get_url", lambda self, request=None: f"/van-ban/{self.pk}/", raising=False)
    assert Document in searchable_models()

    # (this stand-in has no search_folded field, so it is searched with accents)
    body = search(client, q="Quy chế văn thư")
    assert f'href="/van-ban/{published.pk}/"' in body and "Văn bản" in body
    assert "chưa công bố" not in search(client, q="Quy chế")
    assert "văn thư" in search(client, q="Quy chế", loai="wagtaildocs-document")
    assert "văn thư" not in search(client, q="Quy chế", loai="tin-bai")
    assert "văn thư" not in search(client, host=DEPT, q="Quy chế")
    sitemap = client.get("/sitemap.xml", HTTP_HOST=PORTAL).content.decode()
    assert f"http://langson.localhost/van-ban/{published.pk}/" in sitemap


@pytest.fixture
def legal_doc(portal):
    from django.utils import timezone

    from congtt.legal.models import DocumentForm, IssuingBody, LegalDocument

    return LegalDocument.objects.create(
        site=portal.site,
        form=DocumentForm.objects.get(code="quyet-dinh"),
        number="40/2024/QĐ-UBND",
        issuing_body=IssuingBody.objects.create(name="Ủy ban nhân dân tỉnh Lạng Sơn"),
        issue_date=dt.date(2024, 10, 25),
        summary="Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh",
        live=True,
        first_published_at=timezone.now(),
    )


def test_legal_document_hit_shows_its_issue_date(client, legal_doc):
    body = search(client, q="quy che hoat dong", loai="legal-legaldocument")
    hit = body[body.index(f"/van-ban/{legal_doc.pk}-") :]
    hit = hit[: hit.index("</li>")]
    assert '<time datetime="2024-10-25' in hit and "ngày 25 tháng 10 năm 2024" in hit


def test_date_filter_reads_the_legal_documents_issue_date(client, legal_doc):
    href = f"/van-ban/{legal_doc.pk}-"
    assert href in search(client, q="quy che hoat dong", tu_ngay="2024-10-25", den_ngay="2024-10-25")
    assert href not in search(client, q="quy che hoat dong", tu_ngay="2024-10-26")
    assert href not in search(client, q="quy che hoat dong", den_ngay="2024-10-24")


def test_record_kinds_with_a_natural_date_give_it_and_can_be_filtered_by_it():
    from congtt.content.search import sources

    dated = {s.key: s for s in sources() if s.date_field}
    expected = {
        "legal-legaldocument": "issue_date",
        "legal-gazetteissue": "date",
        "citizen-case": "published_at",
        "citizen-draft": "opens_on",
    }
    assert {key: dated[key].date_field for key in expected if key in dated} == expected
    assert not {"procedures-procedure", "directory-official"} & set(dated)  # no natural date
    for source in dated.values():
        if source.model is not None and hasattr(source.model, "get_filterable_search_fields"):
            filterable = {f.field_name for f in source.model.get_filterable_search_fields()}
            assert source.date_field in filterable, source.key  # else the date filter raises FilterFieldError


def test_only_the_shown_page_of_hits_is_highlighted_and_resolved(client, portal, monkeypatch):
    """Many matches: the title/snippet/URL of a hit are computed for the hits on the page only."""
    from congtt.content import search as search_module
    from congtt.content.models import PAGE_SIZE

    section = news_section(portal)
    for i in range(PAGE_SIZE + 5):
        make_article(section, f"Kế hoạch số {i} về chuyển đổi số", summary="Kế hoạch năm.", days_ago=i + 1)
    calls = []
    real = search_module.highlight
    monkeypatch.setattr(
        search_module, "highlight", lambda text, *a, **k: calls.append(text) or real(text, *a, **k)
    )
    first = search(client, q="ke hoach")
    assert first.count('class="snippet"') == PAGE_SIZE
    assert len(calls) == 2 * PAGE_SIZE  # title and snippet of each shown hit, nothing for the others
    calls.clear()
    second = search(client, q="ke hoach", page=2)
    assert "số 0 về" in first + second and "số 24 về" in first + second
    assert len(calls) == 2 * 5


def test_network_search_names_a_records_site_without_a_query_per_hit(client, portal, department):
    """Record hits (here legal documents) name their site from the sites already loaded."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from congtt.legal.models import DocumentForm, IssuingBody, LegalDocument

    form = DocumentForm.objects.get(code="quyet-dinh")
    body = IssuingBody.objects.create(name="Ủy ban nhân dân tỉnh Lạng Sơn")

    def add(start, n):
        for i in range(start, start + n):
            LegalDocument.objects.create(
                site=portal.site,
                form=form,
                number=f"{i}/2024/QĐ-UBND",
                issuing_body=body,
                issue_date=dt.date(2024, 10, 25),
                summary="Quy định về bảo tồn giống quýt",
                live=True,
                first_published_at=timezone.now(),
            )

    def site_lookups():
        """Queries that fetch one site by id: what naming a record's site cost per hit."""
        with CaptureQueriesContext(connection) as ctx:
            page = search(client, q="giong quyt", pham_vi="mang-luoi")
        by_id = '"wagtailcore_site"."id" = '
        return sum(
            by_id in q["sql"] and 'FROM "wagtailcore_site"' in q["sql"] for q in ctx.captured_queries
        ), page

    search(client, q="giong quyt", pham_vi="mang-luoi")  # the process's own caches warm
    add(0, 2)
    few, page = site_lookups()
    assert page.count("/van-ban/") >= 2 and portal.site.site_name in page
    add(2, 6)
    many, page = site_lookups()
    assert page.count("/van-ban/") >= 8
    assert few <= 1 and many <= 1  # not one per record hit (before: 3 and 9)
