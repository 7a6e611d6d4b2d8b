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


def translator_emails() -> list[str]:
    """Who translates (TRN-2): ``EDITORIAL_TRANSLATOR_EMAILS``, else Sở Ngoại vụ's contact e-mail."""
    from django.conf import settings

    from congtt.network.models import SiteProfile

    emails = list(getattr(settings, "EDITORIAL_TRANSLATOR_EMAILS", []) or [])
    if not emails:
        profile = SiteProfile.objects.filter(site__hostname=f"sonv.{settings.PORTAL_DOMAIN}").first()
        if profile and profile.email:
            emails = [profile.email]
    return emails


def send_for_translation(page, user, languages=("en", "zh")) -> list:
    """Make draft copies of an approved (live) Vietnamese page in the foreign editions and tell the translators.

    The copies stay drafts (never published from here); each is translated in the editor and goes
    through the board's workflow of that edition's section before it is published.
    """
    from django.core.exceptions import PermissionDenied
    from django.db import transaction
    from django.utils.translation import gettext as _
    from wagtail.log_actions import log

    from .notifications import notify
    from .services import EditorialError, user_can
    from .takedown import board_users
    from .workflow import site_for_page

    page = Page.objects.get(pk=page.pk).specific  # the stored state, not a stale instance
    site = site_for_page(page)
    if site is None or not user_can(user, "editorial.convert_submission", site):
        raise PermissionDenied
    if page.locale.language_code != "vi" or not page.live:
        raise EditorialError(_("Chỉ gửi dịch được tin bài tiếng Việt đã được duyệt và xuất bản."))
    created = []
    with transaction.atomic():
        for code in languages:
            locale = Locale.objects.filter(language_code=code).first()
            if (
                locale is None
                or Page.objects.filter(translation_key=page.translation_key, locale=locale).exists()
            ):
                continue
            copy = page.copy_for_translation(locale, copy_parents=False)
            copy.save_revision(user=user, log_action=True)
            created.append(copy)
        if not created:
            raise EditorialError(_("Tin bài này đã có bản dịch ở mọi ngôn ngữ."))
        log(
            instance=page,
            action="editorial.send_translation",
            user=user,
            data={"languages": [c.locale.language_code for c in created]},
        )
    notify(
        [*translator_emails(), *board_users(site, roles=("secretary",))],
        _("[Dịch tin bài] %(title)s") % {"title": page.title},
        _("Tin bài “%(title)s” cần dịch sang: %(languages)s. Bản nháp đã được tạo trong trang quản trị.")
        % {"title": page.title, "languages": ", ".join(c.locale.language_code for c in created)},
    )
    return created
