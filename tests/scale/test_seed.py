"""seed_scale on a tiny size: valid page trees, pages render, search finds seeded items."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from congtt.citizen.models import Case
from congtt.content.models import ArticlePage
from congtt.legal.models import LegalDocument
from congtt.procedures.models import Procedure
from congtt.scale import words
from congtt.scale.seed import RARE_A, RARE_B, Counts, known_items, seed
from congtt.vntext import fold

pytestmark = pytest.mark.django_db

PORTAL = "langson.localhost"


@pytest.fixture
def seeded(portal):
    err = io.StringIO()
    timings = seed(Counts(sites=2, articles=50, legal=20, procedures=4, questions=20), out=err, batch=16)
    return timings, err.getvalue()


def test_counts_progress_and_valid_tree(seeded):
    timings, progress = seeded
    assert ArticlePage.objects.count() == 50
    assert LegalDocument.objects.count() == 20
    assert Procedure.objects.count() == 4
    assert Case.objects.count() == 20
    assert {k: n for k, (n, _s) in timings.items() if k != "total"} == {
        "sites": 2,
        "articles": 50,
        "legal": 20,
        "procedures": 4,
        "questions": 20,
    }
    assert "articles: 100% (50/50" in progress
    assert re.search(r"articles:\s+\d+% \(32/50", progress)  # one line per batch of 16 (≥ 5 % steps)
    assert Page.find_problems() == ([], [], [], [], [])
    # articles spread over both sites' news sections, numchild matches the rows
    sections = Page.objects.filter(slug="tin-tuc", depth=3)
    assert sum(s.numchild for s in sections) == 50 + sum(
        Page.objects.filter(path__startswith=s.path, depth=4).not_type(ArticlePage).count() for s in sections
    )
    assert ArticlePage.objects.values("path").distinct().count() == 50
    for page in ArticlePage.objects.all()[:5]:
        assert page.url_path == page.get_parent().url_path + page.slug + "/"


def test_second_run_adds_to_valid_trees(seeded):
    seed(Counts(sites=2, articles=10, legal=5, procedures=2, questions=5), out=io.StringIO(), batch=16)
    assert ArticlePage.objects.count() == 60
    assert LegalDocument.objects.count() == 25
    assert Page.find_problems() == ([], [], [], [], [])


def test_pages_render(seeded, client):
    from django.conf import settings

    settings.PAGECACHE_SECONDS = 0
    for page in ArticlePage.objects.order_by("?")[:4]:
        site_id, root, path = page.get_url_parts()
        host = root.split("://", 1)[1].split(":")[0]
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
        assert page.title in response.content.decode()
    assert client.get("/tin-tuc/", HTTP_HOST=PORTAL).status_code == 200
    doc = LegalDocument.objects.filter(site__hostname=PORTAL).first()
    assert client.get(doc.get_url(), HTTP_HOST=PORTAL).status_code == 200
    assert client.get("/van-ban/?form=quyet-dinh&year=2024", HTTP_HOST=PORTAL).status_code == 200


def test_texts_are_vietnamese_and_varied(seeded):
    article = ArticlePage.objects.exclude(title__startswith="Lễ hội").first()
    assert fold(article.title) != article.title.lower()  # diacritics
    assert len({len(a.body.raw_data) for a in ArticlePage.objects.all()}) > 2  # varied lengths
    years = {a.date.year for a in ArticlePage.objects.all()}
    assert len(years) >= 5  # spread over ten years
    assert all(re.match(r"^\d+/\d{4}/[A-ZĐ]+-[A-ZĐ]+$", d.number) for d in LegalDocument.objects.all())
    assert Case.objects.filter(published=True).exclude(answer="").exists()


def test_rare_words_never_occur_in_generated_text():
    vocabulary = set()
    for name in dir(words):
        if not name.isupper():
            continue
        value = getattr(words, name)
        items = (
            value
            if isinstance(value, list)
            else list(value) + list(value.values())
            if isinstance(value, dict)
            else []
        )
        for text in items:
            vocabulary.update(re.findall(r"\w+", fold(text)))
    assert not {fold(w) for w in RARE_A + RARE_B} & vocabulary
    queries = [k.query for k in known_items()]
    assert len(queries) == len(set(queries)) == 50
    assert all(len(q.split()) == 2 and q.isascii() for q in queries)


@pytest.mark.parametrize("accented", [False, True])
def test_search_finds_seeded_items(seeded, client, accented):
    known = [k for k in known_items() if k.kind == "article"][:2]
    known += [k for k in known_items() if k.kind in ("legal", "question")][:2]
    for item in known:
        query = item.words if accented else item.query
        response = client.get("/tim-kiem/", {"q": query}, HTTP_HOST=PORTAL)
        assert response.status_code == 200
        html = response.content.decode()
        a, b = item.words.split()
        assert f"<mark>{a.capitalize()}</mark> <mark>{b}</mark> {item.index}" in html, (query, item.kind)


def test_command_and_bad_input(portal):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "seed_scale",
        "--sites",
        "1",
        "--articles",
        "3",
        "--legal",
        "0",
        "--questions",
        "0",
        stdout=out,
        stderr=err,
    )
    assert "articles" in out.getvalue() and "/s" in out.getvalue()
    assert ArticlePage.objects.count() == 3
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("seed_scale", "--sites", "0", stdout=out, stderr=err)
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("seed_scale", "--articles", "-5", stdout=out, stderr=err)


def test_command_without_portal(db):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("seed_scale", stdout=io.StringIO(), stderr=io.StringIO())
