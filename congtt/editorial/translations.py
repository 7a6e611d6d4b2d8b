"""Foreign editions kept current (TRN-2, TRN-3): which translated pages are older than their Vietnamese source.

Sending pages to the translators and reviewing translations use wagtail-localize's
own "Dịch" action and the site's workflow (foreign news sections carry the same
board workflow); this module reports what has fallen behind.
"""

from wagtail.models import Locale, Page


def stale_translations(site) -> list[dict]:
    """Translations (en/zh) whose Vietnamese source was published after them, or that were never published."""
    vi_home = site.root_page
    fields = ("pk", "title", "translation_key", "last_published_at", "live", "locale_id", "path", "depth")
    source = {
        page.translation_key: page
        for page in Page.objects.descendant_of(vi_home, inclusive=True).live().only(*fields)
    }
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    rows = []
    for home in Page.objects.filter(translation_key=vi_home.translation_key).exclude(pk=vi_home.pk):
        for page in Page.objects.descendant_of(home, inclusive=True).only(*fields).order_by("path"):
            original = source.get(page.translation_key)
            if original is None or original.last_published_at is None:
                continue
            if (
                not page.live
                or page.last_published_at is None
                or page.last_published_at < original.last_published_at
            ):
                rows.append({"page": page, "source": original, "language": locales.get(page.locale_id, "")})
    return rows


def untranslated(site, language: str, model=None) -> list:
    """Live Vietnamese pages of ``site`` that have no page in ``language`` yet."""
    vi_home = site.root_page
    queryset = Page.objects.descendant_of(vi_home).live()
    if model is not None:
        queryset = queryset.type(model)
    translated = Page.objects.filter(locale__language_code=language).values("translation_key")
    return list(queryset.exclude(translation_key__in=translated).order_by("path"))
