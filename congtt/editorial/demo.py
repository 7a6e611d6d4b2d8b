"""Demo editorial data for Lạng Sơn: workflows, unit quotas, submissions, a publication deadline,
contributors, unit officers (accounts with the password ``DEMO_PASSWORD``, listed in the README), board
meetings (a recent one on the portal, one over 6 months old on Sở KH&CN so its warning shows).
Idempotent."""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from .deadlines import due_date_for
from .models import (
    BoardMeeting,
    Channel,
    Contributor,
    OfficerUnit,
    PublicationDeadline,
    Submission,
    UnitQuota,
)
from .workflow import setup_site_workflow

UNITS = ["Văn phòng Sở", "Phòng Quản lý khoa học", "Trung tâm Thông tin và Thống kê khoa học"]

SUBMISSIONS = [
    (
        "Nghiệm thu đề tài ứng dụng công nghệ sinh học trong nhân giống hồi",
        "Phòng Quản lý khoa học",
        Channel.WEB,
        "<p>Hội đồng khoa học tỉnh đã nghiệm thu đề tài nhân giống cây hồi bằng công nghệ nuôi cấy mô, "
        "góp phần phát triển vùng nguyên liệu hồi của tỉnh Lạng Sơn.</p>",
    ),
    (
        "Đề nghị đăng thông báo tuyển chọn nhiệm vụ khoa học năm 2027",
        "Văn phòng Sở",
        Channel.EMAIL,
        "<p>Sở Khoa học và Công nghệ thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và "
        "công nghệ cấp tỉnh bắt đầu thực hiện từ năm 2027.</p>",
    ),
]


CONTRIBUTORS = [
    # name, unit, e-mail, phone, decision number, active
    (
        "Hoàng Thị Mai",
        "Phòng Quản lý khoa học",
        "htmai@sokhcn.langson.gov.vn",
        "0205 3812 301",
        "15/QĐ-SKHCN",
        True,
    ),
    (
        "Lưu Văn Bình",
        "Trung tâm Thông tin và Thống kê khoa học",
        "lvbinh@sokhcn.langson.gov.vn",
        "",
        "15/QĐ-SKHCN",
        True,
    ),
    ("Nông Thị Hạnh", "Văn phòng Sở", "", "0205 3812 302", "07/QĐ-SKHCN", False),
]


def load_contributors(site):
    from congtt.directory.models import Unit

    for name, unit_name, email, phone, decision, active in CONTRIBUTORS:
        unit = Unit.objects.filter(site=site, name=unit_name).first()
        Contributor.objects.get_or_create(
            site=site,
            name=name,
            defaults={
                "unit": unit,
                "unit_name": unit_name,
                "email": email,
                "phone": phone,
                "decision_number": decision,
                "decision_date": dt.date(2026, 1, 5) if active else dt.date(2024, 3, 1),
                "starts_on": dt.date(2026, 1, 10) if active else dt.date(2024, 3, 1),
                "ends_on": None if active else dt.date(2025, 12, 31),
                "is_active": active,
            },
        )


# The demo accounts' password (README, "Tài khoản mẫu"); set only when the account is created, so a
# password changed afterwards is kept. Demo data only: never load the demo on a production site.
DEMO_PASSWORD = "LangSon-mau-2026"  # noqa: S105 -- the documented demo password, not a secret

# (host prefix, username, first name, last name, directory unit)
OFFICERS = [
    ("sokhcn", "canbo.qlkh.sokhcn", "Thu", "Hà Thị", "Phòng Quản lý khoa học"),
    ("sokhcn", "canbo.vanphong.sokhcn", "Tuấn", "Vy Văn", "Văn phòng Sở"),
    ("", "canbo.ttt.langson", "Ngọc", "Lăng Thị", "Trung tâm Thông tin"),
]


def _site(prefix):
    host = f"{prefix}.{settings.PORTAL_DOMAIN}" if prefix else settings.PORTAL_DOMAIN
    return Site.objects.filter(hostname=host).first()


def load_officers():
    """Unit officers (EDT-6): an account per officer, in the site's unit-officer group and linked to its
    directory unit. Skipped where the site or the unit is missing; running again creates nothing."""
    from django.contrib.auth import get_user_model

    from congtt.directory.models import Unit
    from congtt.network.models import SiteRoleGroup

    User = get_user_model()
    for prefix, username, first_name, last_name, unit_name in OFFICERS:
        site = _site(prefix)
        unit = Unit.objects.filter(site=site, name=unit_name).first() if site else None
        group = SiteRoleGroup.objects.filter(site=site, role="officer").select_related("group").first()
        if unit is None or group is None:
            continue
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username,
                email=f"{username}@langson.gov.vn",
                password=DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
        user.groups.add(group.group)
        OfficerUnit.objects.get_or_create(user=user, site=site, defaults={"unit": unit})


# (host prefix, days before today, chair, attendees, conclusions)
MEETINGS = [
    (
        "",
        30,
        "Phó Chủ tịch UBND tỉnh, Trưởng Ban biên tập",
        "Các thành viên Ban biên tập Cổng thông tin điện tử tỉnh",
        "Đánh giá hoạt động của Cổng 6 tháng; thống nhất kế hoạch tuyên truyền dịp Tết Nguyên đán; "
        "đôn đốc các sở, ngành gửi tin, bài đúng định mức.",
    ),
    (
        "sokhcn",
        240,
        "Giám đốc Sở Khoa học và Công nghệ, Trưởng Ban biên tập",
        "Văn phòng Sở, Phòng Quản lý khoa học, Trung tâm Thông tin và Thống kê khoa học",
        "Rà soát chuyên mục Khoa học và công nghệ; phân công cộng tác viên các phòng, đơn vị.",
    ),
]


def load_meetings():
    """One board meeting per demo site listed, only when the site has none yet."""
    today = timezone.localdate()
    for prefix, days_ago, chair, attendees, conclusions in MEETINGS:
        site = _site(prefix)
        if site is None or BoardMeeting.objects.filter(site=site).exists():
            continue
        BoardMeeting.objects.create(
            site=site,
            held_on=today - dt.timedelta(days=days_ago),
            chair=chair,
            attendees=attendees,
            conclusions=conclusions,
        )


def load(stdout=None):
    for site in Site.objects.select_related("root_page"):
        setup_site_workflow(site)
    load_meetings()
    load_officers()
    site = _site("sokhcn")
    if site is None:
        return
    from congtt.directory.models import Unit

    for name in UNITS:
        # linked to the directory unit where there is one, so its officers find their row (EDT-7)
        unit = Unit.objects.filter(site=site, name=name).first()
        UnitQuota.objects.get_or_create(site=site, unit_name=name, defaults={"unit": unit})
    news = site.root_page.get_children().filter(slug="tin-tuc").first()
    for title, unit, channel, content in SUBMISSIONS:
        Submission.objects.get_or_create(
            site=site,
            title=title,
            defaults={"unit_name": unit, "channel": channel, "content": content, "section": news},
        )
    PublicationDeadline.objects.get_or_create(
        site=site,
        title="Quyết định phê duyệt danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2027",
        defaults={
            "kind": "science",
            "source_date": dt.date(2026, 11, 16),
            "due_date": due_date_for(site, "science", dt.date(2026, 11, 16)),
        },
    )
    load_contributors(site)
    if stdout:
        stdout.write(
            "editorial: quy trình biên tập, định mức, phiếu đề nghị mẫu, cộng tác viên, cán bộ đơn vị\n"
        )
