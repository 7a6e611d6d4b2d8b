import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.search import index

from congtt.content.models import ArticlePage, SectionPage, TopicPage
from congtt.vntext import slugify_vi

PORTAL = "langson.localhost"
DEPT = "sokhcn.langson.localhost"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def news_section(profile, language="vi"):
    root = profile.site.root_page
    section = SectionPage.objects.child_of(root).get(slug="tin-tuc")
    if language != "vi":
        from wagtail.models import Locale

        section = section.get_translation(Locale.objects.get(language_code=language))
    return section


def make_image(title="Ảnh thử"):
    from PIL import Image as PILImage

    buf = io.BytesIO()
    PILImage.new("RGB", (64, 40), (200, 30, 30)).save(buf, "PNG")
    image = get_image_model()(title=title, collection=Collection.get_first_root_node())
    image.file = ImageFile(buf, name=f"{slugify_vi(title)}.png")
    image.save()
    return image


def make_article(parent, title, publish=True, days_ago=0, **kwargs):
    kwargs.setdefault("summary", f"Tóm tắt của {title}")
    topics = kwargs.pop("topics", [])
    related = kwargs.pop("related", [])
    article = ArticlePage(
        title=title,
        slug=kwargs.pop("slug", slugify_vi(title)),
        date=timezone.now() - dt.timedelta(days=days_ago),
        locale=parent.locale,
        **kwargs,
    )
    article.topics = topics
    article.related_articles = related
    parent.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
    else:
        article.live = False
        article.save()
    article.refresh_from_db()
    index.insert_or_update_object(article)
    return article


def make_topic(parent, title):
    topic = TopicPage(title=title, slug=slugify_vi(title), locale=parent.locale)
    parent.add_child(instance=topic)
    topic.save_revision().publish()
    topic.refresh_from_db()
    index.insert_or_update_object(topic)
    return topic
