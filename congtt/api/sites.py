from django.conf import settings
from ninja import Router, Schema
from ninja.pagination import paginate

from congtt.network.models import SiteProfile
from congtt.vntext import clean_text

from .pagination import BoundedPageNumberPagination

router = Router()


class SiteOut(Schema):
    name: str
    kind: str
    kind_name: str
    hostname: str
    url: str
    parent: str | None
    status: str
    languages: list[str]


@router.get("", response=list[SiteOut], summary="Danh sách cổng và trang thành phần / The portal network")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_sites(request, kind: str | None = None):
    profiles = SiteProfile.objects.select_related("site", "kind", "parent__site").order_by(
        "kind__order", "agency_name"
    )
    kind = clean_text(kind, 40)  # NUL and other invisible characters never reach the database
    if kind:
        profiles = profiles.filter(kind__code=kind)
    languages = [code for code, _ in settings.LANGUAGES]
    return [
        SiteOut(
            name=p.agency_name,
            kind=p.kind.code,
            kind_name=str(p.kind.name),
            hostname=p.site.hostname,
            url=p.site.root_url + "/",
            parent=p.parent.site.hostname if p.parent_id else None,
            status=p.status,
            languages=languages,
        )
        for p in profiles
    ]
