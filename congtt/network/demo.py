"""The demo province (Lạng Sơn): the portal, departments, districts and communes."""

from django.conf import settings

from .models import SiteKind, SiteProfile
from .services import SiteRequest, create_site

PORTAL = {
    "agency_name": "Cổng thông tin điện tử tỉnh Lạng Sơn",
    "short_name": "Cổng TTĐT tỉnh",
    "governing_body": "Ủy ban nhân dân tỉnh Lạng Sơn",
    "titles": {"en": "Lang Son Provincial Portal", "zh": "谅山省电子信息门户网站"},
    "contact": {
        "address": "Số 2 đường Hùng Vương, phường Chi Lăng, tỉnh Lạng Sơn",
        "phone": "0205 3812 606",
        "email": "congttdt@langson.gov.vn",
        "responsible_person": "Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn",
        "responsible_title": "Cơ quan chủ quản",
        "hotline": "0205 3812 000",
    },
}

# (kind, name, parent label or None for the portal, English title, Chinese title, contact)
COMPONENTS = [
    (
        "department",
        "Sở Khoa học và Công nghệ",
        None,
        "Department of Science and Technology",
        "科学技术厅",
        {
            "address": "Số 55 đường Lê Lợi, phường Vĩnh Trại",
            "phone": "0205 3812 228",
            "email": "sokhcn@langson.gov.vn",
        },
    ),
    (
        "department",
        "Sở Ngoại vụ",
        None,
        "Department of Foreign Affairs",
        "外事厅",
        {
            "address": "Số 3 đường Hoàng Văn Thụ, phường Chi Lăng",
            "phone": "0205 3870 478",
            "email": "songoaivu@langson.gov.vn",
        },
    ),
    (
        "department",
        "Sở Nội vụ",
        None,
        "Department of Home Affairs",
        "内务厅",
        {
            "address": "Số 1 đường Lý Thái Tổ, phường Đông Kinh",
            "phone": "0205 3812 440",
            "email": "sonoivu@langson.gov.vn",
        },
    ),
    (
        "district",
        "Huyện Cao Lộc",
        None,
        "Cao Loc District",
        "高禄县",
        {"address": "Khối 4, thị trấn Cao Lộc", "phone": "0205 3861 236", "email": "caoloc@langson.gov.vn"},
    ),
    (
        "district",
        "Huyện Bình Gia",
        None,
        "Binh Gia District",
        "平嘉县",
        {"address": "Khu 2, thị trấn Bình Gia", "phone": "0205 3834 220", "email": "binhgia@langson.gov.vn"},
    ),
    (
        "commune",
        "Xã Song Giáp",
        "Huyện Cao Lộc",
        "Song Giap Commune",
        "双甲社",
        {
            "address": "Thôn Nà Sla, xã Song Giáp",
            "phone": "0205 3863 111",
            "email": "songgiap.caoloc@langson.gov.vn",
        },
    ),
    (
        "commune",
        "Xã Hồng Phong",
        "Huyện Bình Gia",
        "Hong Phong Commune",
        "洪丰社",
        {
            "address": "Thôn Pá Phiêng, xã Hồng Phong",
            "phone": "0205 3834 555",
            "email": "hongphong.binhgia@langson.gov.vn",
        },
    ),
]


def _set_foreign_titles(profile: SiteProfile, titles: dict[str, str]) -> None:
    for home in profile.site.root_page.get_translations():
        title = titles.get(home.locale.language_code)
        if title and home.title != title:
            home.title = title
            home.save_revision().publish()


def load(stdout=None) -> dict[str, SiteProfile]:
    """Create the demo network; sites that already exist are kept as they are."""
    domain = settings.PORTAL_DOMAIN
    kinds = {k.code: k for k in SiteKind.objects.all()}
    portal = SiteProfile.objects.filter(kind__is_portal=True).first()
    if portal is None:
        portal = create_site(
            SiteRequest(
                agency_name=PORTAL["agency_name"],
                kind=kinds["province"],
                hostname=domain,
                short_name=PORTAL["short_name"],
                governing_body=PORTAL["governing_body"],
                contact=PORTAL["contact"],
            )
        )
        _set_foreign_titles(portal, PORTAL["titles"])
    by_name = {p.agency_name: p for p in SiteProfile.objects.select_related("site")}
    for kind, name, parent_name, en, zh, contact in COMPONENTS:
        if name in by_name:
            continue
        parent = by_name[parent_name] if parent_name else portal
        profile = create_site(
            SiteRequest(
                agency_name=name,
                kind=kinds[kind],
                parent=parent,
                governing_body=parent.agency_name if kind == "commune" else "Ủy ban nhân dân tỉnh Lạng Sơn",
                contact={
                    **contact,
                    "responsible_person": f"Trưởng Ban biên tập {name}",
                    "hotline": "0205 3812 000",
                },
            )
        )
        _set_foreign_titles(profile, {"en": en, "zh": zh})
        by_name[name] = profile
        if stdout:
            stdout.write(f"  {profile.site.root_url}/  {name}")
    return by_name
