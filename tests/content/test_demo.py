"""The demo news covers every kind an editor publishes, with hosted video and audio that play."""

import pytest

from congtt.content import demo
from congtt.content.models import ArticleKind, ArticlePage

pytestmark = pytest.mark.django_db

PORTAL = "langson.localhost"


def test_demo_news_has_every_kind_and_playable_media(client, portal, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    demo.load()
    kinds = set(ArticlePage.objects.values_list("kind", flat=True))
    assert kinds >= {k.value for k in ArticleKind}
    for kind, tag, mime in (("video", "<video", "video/webm"), ("audio", "<audio", "audio/mp4")):
        article = ArticlePage.objects.get(kind=kind, locale__language_code="vi")
        body = client.get(article.url, HTTP_HOST=PORTAL).content.decode()
        assert tag in body and f'type="{mime}"' in body
        media = next(block.value["file"] for block in article.body if block.block_type == "media")
        response = client.get(media.url, HTTP_HOST=PORTAL)
        assert response.status_code == 200
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert len(content) == media.file.size > 5000
    before = ArticlePage.objects.count()
    demo.load()
    assert ArticlePage.objects.count() == before
