"""When to invalidate: page publish/unpublish/move/delete, records of a site, network changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import store

# Saves of a live page that only touch draft bookkeeping do not change what readers see.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_id",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "locked_by_id",
        "live_revision",
        "live_revision_id",
    }
)

_home_sites: dict = {}  # edition-home tree path -> (global version, [site ids])


def site_ids_for_page(page) -> list[int]:
    """The sites whose tree holds ``page`` in any edition.

    A site's root is its Vietnamese home; the en/zh homes are its translations
    (same translation_key) beside it at depth 2, so the home of any page is the
    depth-2 ancestor in its tree path.
    """
    path = getattr(page, "path", "") or ""
    if len(path) < Page.steplen * 2:
        return list(Site.objects.values_list("pk", flat=True))
    home_path = path[: Page.steplen * 2]
    global_v = store.global_version()
    cached = _home_sites.get(home_path)
    if cached and cached[0] == global_v:
        return cached[1]
    key = Page.objects.filter(path=home_path).values_list("translation_key", flat=True).first()
    ids = (
        list(Site.objects.filter(root_page__translation_key=key).values_list("pk", flat=True)) if key else []
    )
    if len(_home_sites) > 5000:
        _home_sites.clear()
    _home_sites[home_path] = (global_v, ids)
    return ids


def invalidate_page(page) -> None:
    for site_id in site_ids_for_page(page):
        store.invalidate_site(site_id)


def on_publish_change(sender, instance, **kwargs):
    invalidate_page(instance)


def on_page_move(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    for page in (parent_page_before, parent_page_after, instance):
        if page is not None:
            invalidate_page(page)


def on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:  # loaddata
        return
    if isinstance(instance, (Site, Locale)) or _is_network_record(instance):
        store.invalidate_all()
    elif isinstance(instance, Page):
        if instance.live and not (update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS):
            invalidate_page(instance)
    elif hasattr(instance, "site_id"):
        store.invalidate_site(instance.site_id)


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, (Site, Locale)) or _is_network_record(instance):
        store.invalidate_all()
    elif isinstance(instance, Page):
        invalidate_page(instance)
    elif hasattr(instance, "site_id"):
        store.invalidate_site(instance.site_id)


def _is_network_record(instance) -> bool:
    """Site profiles and kinds appear on every site (network lists, header of component sites)."""
    from congtt.network.models import SiteKind, SiteProfile

    return isinstance(instance, (SiteProfile, SiteKind))


def connect() -> None:
    page_published.connect(on_publish_change, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_publish_change, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="pagecache_moved")
    post_save.connect(on_save, dispatch_uid="pagecache_saved")
    post_delete.connect(on_delete, dispatch_uid="pagecache_deleted")
