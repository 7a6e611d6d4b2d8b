from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from congtt.content.models import ArticlePage
from congtt.editorial.translations import stale_translations, untranslated

pytestmark = pytest.mark.django_db


def test_foreign_pages_older_than_source_are_listed(client, board, site_a, site_b):
    intro_vi = site_a.root_page.get_children().get(slug="gioi-thieu")
    intro_en = Page.objects.get(translation_key=intro_vi.translation_key, locale__language_code="en")
    # all editions were published together: nothing stale
    assert not [r for r in stale_translations(site_a) if r["page"].pk == intro_en.pk]
    Page.objects.filter(pk=intro_vi.pk).update(last_published_at=timezone.now() + timedelta(hours=1))
    rows = [r for r in stale_translations(site_a) if r["page"].pk == intro_en.pk]
    assert len(rows) == 1 and rows[0]["language"] == "en" and rows[0]["source"].pk == intro_vi.pk
    client.force_login(board["a"]["secretary"])
    page = client.get(reverse("editorial_translations")).content.decode()
    assert "Introduction" in page
    client.force_login(board["a"]["contributor"])
    assert client.get(reverse("editorial_translations")).status_code in (302, 403)


def test_untranslated_articles(site_a, news_a):
    article = ArticlePage(title="Tin chưa dịch", slug="tin-chua-dich")
    news_a.add_child(instance=article)
    article.save_revision().publish()
    assert [p.pk for p in untranslated(site_a, "en", ArticlePage)] == [article.pk]


def test_board_sends_an_approved_article_for_translation(board, site_a, news_a, mailoutbox, settings):
    from django.core.exceptions import PermissionDenied
    from wagtail.models import PageLogEntry

    from congtt.editorial.services import EditorialError
    from congtt.editorial.translations import send_for_translation

    settings.EDITORIAL_TRANSLATOR_EMAILS = ["dich@sonv.langson.gov.vn"]
    article = ArticlePage(title="Tin cần dịch", slug="tin-can-dich", live=False)
    news_a.add_child(instance=article)
    with pytest.raises(EditorialError):  # not approved/published yet
        send_for_translation(article, board["a"]["secretary"])
    article.save_revision().publish()
    for user in (board["a"]["contributor"], board["b"]["chief"]):
        with pytest.raises(PermissionDenied):
            send_for_translation(article, user)
    copies = send_for_translation(article, board["a"]["secretary"])
    assert sorted(c.locale.language_code for c in copies) == ["en", "zh"]
    assert all(not c.live and c.translation_key == article.translation_key for c in copies)
    assert {c.get_parent().translation_key for c in copies} == {news_a.translation_key}
    assert any("dich@sonv.langson.gov.vn" in m.to for m in mailoutbox)
    assert PageLogEntry.objects.filter(page=article, action="editorial.send_translation").exists()
    with pytest.raises(EditorialError, match="đã có bản dịch"):
        send_for_translation(article, board["a"]["secretary"])
    # the drafts show as not yet published in the report
    stale = {r["page"].pk for r in stale_translations(site_a)}
    assert {c.pk for c in copies} <= stale


def test_send_for_translation_from_the_page_editor(client, board, site_a, news_a):
    article = ArticlePage(title="Tin gửi dịch", slug="tin-gui-dich")
    news_a.add_child(instance=article)
    article.save_revision().publish()
    client.force_login(board["a"]["chief"])
    assert (
        "Gửi dịch (Anh, Trung)"
        in client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    )
    url = reverse("editorial_send_translation", args=[article.pk])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert Page.objects.filter(translation_key=article.translation_key).count() == 3
