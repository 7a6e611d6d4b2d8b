"""RSS 2.0 feeds (PUB-7): latest news of the current site and edition, and per section."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from congtt.network.context import get_edition_home, get_site_profile

from .models import ArticlePage, SectionPage

FEED_SIZE = 30


class LatestNewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, section_id=None):
        self.request = request
        home = get_edition_home(request)
        if home is None:
            raise Http404
        if section_id is None:
            return home
        section = SectionPage.objects.live().public().descendant_of(home).filter(pk=section_id).first()
        if section is None:
            raise Http404
        return section

    def title(self, obj):
        profile = get_site_profile(self.request)
        name = get_edition_home(self.request).title if profile is None else profile.agency_name
        if obj.specific_class is SectionPage:
            return f"{obj.title} – {name}"
        return _("Tin mới nhất – %(site)s") % {"site": name}

    def link(self, obj):
        return obj.get_url(self.request)

    def description(self, obj):
        return _("Tin bài mới nhất của %(name)s") % {"name": obj.title}

    def items(self, obj):
        articles = ArticlePage.objects.live().public()
        articles = (
            articles.child_of(obj) if obj.specific_class is SectionPage else articles.descendant_of(obj)
        )
        return list(articles.order_by("-date", "-pk")[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.date

    def item_author_name(self, item):
        names = [block.value.get("name") for block in item.authors or [] if block.value.get("name")]
        return ", ".join(names) or item.source_name or None

    def item_guid(self, item):
        return item.get_full_url(self.request)

    item_guid_is_permalink = True
