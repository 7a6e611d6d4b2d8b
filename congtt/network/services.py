"""Creating and finding sites of the portal network.

The hostname and naming rules live in ``congtt.vntext.hostnames``; this module
applies them to the database: it validates a request for a new site, builds
its page tree in every edition, its editorial-board groups and its media
collection, all in one transaction.
"""

import uuid
from collections import OrderedDict
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page, Site

from congtt.vntext import nfc, validate_hostname
from congtt.vntext import propose_hostname as _propose

from .models import SiteKind, SiteProfile, SiteRoleGroup
from .roles import ROLES, model_permissions_by_role
from .sections import EDITIONS, SECTIONS

MEDIA_APPS = {"image": "wagtailimages", "document": "wagtaildocs"}


class SiteRequestInvalid(Exception):
    """A request for a new site broke a rule; ``errors`` maps field names to Vietnamese messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(m for msgs in errors.values() for m in msgs))
        self.errors = errors


@dataclass
class SiteRequest:
    agency_name: str
    kind: SiteKind
    parent: SiteProfile | None = None
    hostname: str = ""
    short_name: str = ""
    governing_body: str = ""
    contact: dict = field(default_factory=dict)

    def __post_init__(self):
        self.agency_name = " ".join(nfc(self.agency_name or "").split())
        self.short_name = nfc(self.short_name or "").strip()
        self.governing_body = nfc(self.governing_body or "").strip()
        self.hostname = (self.hostname or "").strip().lower().rstrip(".")


def propose_hostname(agency_name: str, kind: SiteKind, parent: SiteProfile | None) -> str:
    """The hostname the province's rules give a new site (NET-2).

    The label is the kind's style (abbreviation or full unaccented name); when
    that is taken, the full name (the rule allows either), then a number.
    """
    if parent is None:
        return ""
    name, parent_host = nfc(agency_name), parent.site.hostname
    candidates = [_propose(name, kind.label_style, parent_host), _propose(name, "full", parent_host)]
    taken = set(Site.objects.filter(hostname__in=candidates).values_list("hostname", flat=True))
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    label, rest = candidates[0].split(".", 1)
    number = 2
    while Site.objects.filter(hostname=f"{label}{number}.{rest}").exists():
        number += 1
    return f"{label}{number}.{rest}"


def portal_profile() -> SiteProfile | None:
    return SiteProfile.objects.select_related("site", "kind").filter(kind__is_portal=True).first()


def validate_site_request(req: SiteRequest) -> dict[str, list[str]]:
    """Every broken rule of ``req`` as {field: [message]}; empty when the site can be created."""
    errors: dict[str, list[str]] = {}

    def add(name, message):
        errors.setdefault(name, []).append(message)

    if not req.agency_name:
        add("agency_name", _("Hãy nhập tên cơ quan, đơn vị."))
    elif len(req.agency_name) > 255:
        add("agency_name", _("Tên cơ quan, đơn vị dài quá 255 ký tự."))
    elif not any(ch.isalpha() for ch in req.agency_name) or any(
        ord(ch) < 32 or ch in "<>{}" for ch in req.agency_name
    ):
        add("agency_name", _("Tên cơ quan, đơn vị chứa ký tự không hợp lệ."))
    if req.kind is None:
        add("kind", _("Hãy chọn loại trang."))
        return errors
    if req.kind.is_portal:
        if SiteProfile.objects.filter(kind__is_portal=True).exists():
            add("kind", _("Mạng lưới đã có cổng thông tin điện tử tỉnh; chỉ được có một cổng tỉnh."))
    elif req.parent is None:
        add("parent", _("Hãy chọn trang cấp trên (cổng tỉnh hoặc huyện)."))
    elif req.parent.status != SiteProfile.Status.ACTIVE:
        add("parent", _("Trang cấp trên đang ở trạng thái lưu trữ, không thể tạo trang con."))

    if not req.hostname and req.parent is not None and req.agency_name:
        req.hostname = propose_hostname(req.agency_name, req.kind, req.parent)
    if not req.hostname:
        add("hostname", _("Hãy nhập tên miền."))
        return errors
    for message in validate_hostname(req.hostname):
        add("hostname", message)
    if req.parent is not None and not req.hostname.endswith("." + req.parent.site.hostname):
        add(
            "hostname",
            _("Tên miền phải nằm dưới tên miền của trang cấp trên (%(parent)s).")
            % {"parent": req.parent.site.hostname},
        )
    existing = Site.objects.filter(hostname=req.hostname).first()
    if existing is not None:
        add(
            "hostname",
            _("Tên miền %(hostname)s đã được dùng cho “%(name)s”.")
            % {"hostname": req.hostname, "name": existing.site_name or existing.hostname},
        )
    return errors


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in EDITIONS}


@transaction.atomic
def create_site(req: SiteRequest, port: int | None = None) -> SiteProfile:
    """Create a site of the network with its tree, groups and collection; raise SiteRequestInvalid."""
    errors = validate_site_request(req)
    if errors:
        raise SiteRequestInvalid(errors)
    locales = ensure_locales()
    homes = _build_tree(req, locales)
    site = Site.objects.create(
        hostname=req.hostname,
        port=port if port is not None else settings.SITE_PORT,
        site_name=req.agency_name,
        root_page=homes["vi"],
        is_default_site=req.kind.is_portal,
    )
    collection = Collection.get_first_root_node().add_child(name=f"{req.agency_name} ({req.hostname})")
    profile = SiteProfile.objects.create(
        site=site,
        kind=req.kind,
        parent=req.parent,
        agency_name=req.agency_name,
        short_name=req.short_name,
        governing_body=req.governing_body,
        collection=collection,
        **req.contact,
    )
    _create_groups(site, list(homes.values()), collection)
    return profile


def _build_tree(req: SiteRequest, locales: dict[str, Locale]) -> dict[str, Page]:
    """Home and standard sections, live, in every edition, linked as translations.

    Pages are created live without revisions (the first edit makes one), which
    keeps creating a site to a few hundred queries.
    """
    from congtt.content.models import HomePage

    now = timezone.now()
    live = {"live": True, "first_published_at": now, "last_published_at": now}
    root = Page.get_first_root_node()
    home_key = uuid.uuid4()
    section_keys = {section.code: uuid.uuid4() for section in SECTIONS}
    homes = {}
    for code in EDITIONS:
        home = HomePage(
            title=req.agency_name,
            slug=req.hostname.replace(".", "-") + ("" if code == "vi" else f"-{code}"),
            locale=locales[code],
            translation_key=home_key,
            **live,
        )
        root.add_child(instance=home)
        homes[code] = home
        for section in SECTIONS:
            if section.portal_only and not req.kind.is_portal:
                continue
            model = apps.get_model(section.model)
            home.add_child(
                instance=model(
                    title=section.titles[code],
                    slug=section.slugs[code],
                    show_in_menus=section.in_menu,
                    locale=locales[code],
                    translation_key=section_keys[section.code],
                    **live,
                )
            )
    return homes


def _media_permissions(codenames) -> list[Permission]:
    return [
        Permission.objects.get(
            content_type__app_label=MEDIA_APPS[codename.rsplit("_", 1)[1]], codename=codename
        )
        for codename in codenames
    ]


def _create_groups(site: Site, homes: list[Page], collection: Collection) -> None:
    page_perms = {p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtailcore")}
    for role in ROLES:
        group = Group.objects.create(name=f"{role.name} · {site.hostname}")
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=home, permission=page_perms[codename])
            for home in homes
            for codename in role.page_permissions
        )
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection=collection, permission=perm)
            for perm in _media_permissions(role.collection_permissions)
        )
        SiteRoleGroup.objects.create(site=site, role=role.code, group=group)
    sync_role_permissions(site_ids=[site.pk])


def sync_role_permissions(site_ids=None) -> int:
    """Give every site role group exactly its role's model permissions; returns groups changed.

    Runs after each migrate (new apps bring new permissions) and when a site is created.
    """
    wanted = model_permissions_by_role(apps.get_app_configs())
    labels = {label for perms in wanted.values() for label in perms} | {"wagtailadmin.access_admin"}
    by_label = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in={label.split(".", 1)[1] for label in labels}
        )
    }
    role_groups = SiteRoleGroup.objects.select_related("group")
    if site_ids is not None:
        role_groups = role_groups.filter(site_id__in=site_ids)
    changed = 0
    for role_group in role_groups:
        target = {by_label[label] for label in wanted.get(role_group.role, ()) if label in by_label}
        target.add(by_label["wagtailadmin.access_admin"])
        current = set(role_group.group.permissions.all())
        if current != target:
            role_group.group.permissions.set(target)
            changed += 1
    return changed


def assign_role(user, site: Site, role_code: str) -> None:
    """Give ``user`` the role ``role_code`` on ``site`` (one admin action, EDT-1)."""
    user.groups.add(SiteRoleGroup.objects.get(site=site, role=role_code).group)


def sites_for_user(user):
    """The sites ``user`` may manage: all for network managers, else those of the user's roles."""
    profiles = SiteProfile.objects.select_related("site", "kind")
    if user.is_superuser or user.has_perm("network.manage_network"):
        return profiles
    return profiles.filter(site__role_groups__group__user=user).distinct()


def component_sites_by_kind() -> "OrderedDict[SiteKind, list[SiteProfile]]":
    """Active component sites grouped by kind, in kind order (shown on the provincial portal)."""
    grouped: OrderedDict = OrderedDict()
    profiles = (
        SiteProfile.objects.filter(status=SiteProfile.Status.ACTIVE, kind__is_portal=False)
        .select_related("site", "kind")
        .order_by("kind__order", "agency_name")
    )
    for profile in profiles:
        grouped.setdefault(profile.kind, []).append(profile)
    return grouped
