import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from congtt.content.models import ArticlePage, SectionPage
from congtt.network.services import assign_role
from congtt.royalties.models import BoardAllowance, GenreRate, RateFrame
from congtt.vntext import slugify_vi


def make_article(profile, title, when: dt.date, publish=True):
    section = SectionPage.objects.child_of(profile.site.root_page).get(slug="tin-tuc")
    article = ArticlePage(
        title=title,
        slug=slugify_vi(title),
        date=timezone.make_aware(dt.datetime(when.year, when.month, when.day, 9, 0)),
        locale=section.locale,
        live=publish,
    )
    section.add_child(instance=article)
    if publish:
        article.save_revision().publish()
    article.refresh_from_db()
    return article


def make_user(username, first, last):
    return get_user_model().objects.create_user(
        username=username, password="mat-khau-rat-dai-123", first_name=first, last_name=last
    )


def make_frame(site, year=2026, unit_value=150_000, allowances=None):
    frame = RateFrame.objects.create(site=site, year=year, unit_value=unit_value, basis="QĐ 05/2015/QĐ-UBND")
    for code, name, low, high in [
        ("tin", "Tin", "1.0", "3.0"),
        ("bai", "Bài", "3.0", "10.0"),
        ("anh", "Ảnh", "0.5", "2.0"),
        ("video", "Video", "2.0", "8.0"),
        ("dich", "Dịch", "1.0", "5.0"),
    ]:
        GenreRate.objects.create(
            frame=frame, code=code, name=name, coef_min=Decimal(low), coef_max=Decimal(high)
        )
    for role, amount in (allowances or {}).items():
        BoardAllowance.objects.create(frame=frame, role=role, amount=amount)
    return frame


@pytest.fixture
def board(department):
    site = department.site
    users = {
        "chief": make_user("hoa", "Phạm Thị", "Hoa"),
        "deputy": make_user("giang", "Đỗ Minh", "Giang"),
        "secretary": make_user("lan", "Vũ Thị", "Lan"),
        "member": make_user("minh", "Bùi Văn", "Minh"),
    }
    for role, user in users.items():
        assign_role(user, site, role)
    return users
