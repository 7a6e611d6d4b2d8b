"""Syndication (NET-4): a component site proposes a published item to the provincial portal.

The proposal is a submission on the portal (channel "network") carrying the
original's content, authors and source; the provincial board converts it into
a draft in a provincial section and it goes through the portal's workflow.
"""

import html

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from congtt.network.models import SiteProfile

from .models import Channel, Submission
from .notifications import notify
from .services import EditorialError, user_can


def body_to_html(body) -> str:
    parts = []
    for block in body or []:
        if block.block_type == "paragraph":
            parts.append(block.value.source)
        elif block.block_type == "image" and block.value.get("image"):
            alt = html.escape(block.value.get("alt") or block.value.get("caption") or "")
            parts.append(
                f'<embed alt="{alt}" embedtype="image" format="fullwidth" id="{block.value["image"].pk}"/>'
            )
    return "".join(parts)


@transaction.atomic
def propose_to_portal(article, user) -> Submission:
    from .workflow import site_for_page

    site = site_for_page(article)
    portal = SiteProfile.objects.select_related("site").filter(kind__is_portal=True).first()
    if site is None or portal is None or not user_can(user, "editorial.convert_submission", site):
        raise PermissionDenied
    if portal.site_id == site.pk:
        raise EditorialError(_("Tin của Cổng tỉnh không cần đề xuất đăng lại."))
    if not article.live:
        raise EditorialError(_("Chỉ đề xuất được tin bài đã xuất bản."))
    if Submission.objects.filter(site=portal.site, source_page=article).exclude(status="rejected").exists():
        raise EditorialError(_("Tin bài này đã được đề xuất lên Cổng tỉnh."))
    origin = site.profile
    documents = [b.value["document"] for b in article.body or [] if b.block_type == "document"]
    submission = Submission.objects.create(
        site=portal.site,
        title=article.title,
        summary=article.summary,
        content=body_to_html(article.body),
        authors=", ".join(b.value.get("name", "") for b in article.authors or []),
        source=article.source_name or origin.agency_name,
        unit_name=origin.agency_name,
        officer=user,
        channel=Channel.NETWORK,
        source_page=article,
        created_by=user,
    )
    submission.attachments.set(documents)
    from .takedown import board_users

    notify(
        board_users(portal.site, roles=("chief", "secretary", "member")),
        _("[Ban biên tập] %(site)s đề xuất đăng lại: %(title)s")
        % {"site": origin.agency_name, "title": article.title},
        _(
            "“%(title)s” của %(site)s được đề xuất đăng trên Cổng tỉnh. Xem phiếu đề nghị trong trang quản trị."
        )
        % {"title": article.title, "site": origin.agency_name},
    )
    return submission
