import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.rich_text import RichText

from congtt.content.models import ArticlePage
from congtt.editorial import services
from congtt.editorial.models import Submission
from congtt.editorial.syndication import propose_to_portal
from congtt.network.services import assign_role

from .conftest import make_user

pytestmark = pytest.mark.django_db


def published(section, title="Hội thảo khoa học về cây hồi"):
    article = ArticlePage(
        title=title,
        slug="hoi-thao",
        summary="Sapo",
        body=[("paragraph", RichText("<p>Nội dung gốc.</p>"))],
        authors=[("author", {"name": "Lương Thị Hoa", "role": "Phóng viên"})],
        source_name="Sở KH&CN Lạng Sơn",
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    return article


def test_component_site_proposes_and_portal_board_publishes_with_author_and_source(
    client, board, site_a, news_a, portal
):
    article = published(news_a)
    with pytest.raises(PermissionDenied):
        propose_to_portal(article, board["a"]["contributor"])
    with pytest.raises(PermissionDenied):
        propose_to_portal(article, board["b"]["chief"])
    client.force_login(board["a"]["secretary"])
    assert (
        "Đề xuất lên Cổng tỉnh"
        in client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    )
    client.post(reverse("editorial_propose", args=[article.pk]))
    proposal = Submission.objects.get()
    assert (
        proposal.site == portal.site
        and proposal.channel == "network"
        and proposal.source_page_id == article.pk
    )
    assert proposal.authors == "Lương Thị Hoa" and proposal.unit_name == "Sở Khoa học và Công nghệ"
    with pytest.raises(services.EditorialError, match="đã được đề xuất"):
        propose_to_portal(article, board["a"]["secretary"])
    # the component board cannot convert on the portal; the portal's board can
    with pytest.raises(PermissionDenied):
        services.convert_submission(proposal, board["a"]["chief"])
    portal_member = make_user("member_portal")
    assign_role(portal_member, portal.site, "member")
    proposal.section = portal.site.root_page.get_children().get(slug="tin-tuc")
    proposal.save()
    copy = services.convert_submission(proposal, portal_member)
    assert copy.authors[0].value["name"] == "Lương Thị Hoa"
    assert copy.source_name == "Sở KH&CN Lạng Sơn" and copy.source_url.endswith("/tin-tuc/hoi-thao/")
    assert copy.get_parent().get_parent().pk == portal.site.root_page_id
