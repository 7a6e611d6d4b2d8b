"""A small, fully specified data set for auditing report figures by hand (RPT-1, RPT-2).

Three sites: the provincial portal (P), Sở Khoa học và Công nghệ (D) and Huyện Cao Lộc (H). Every
record is listed here with its date, so each figure in tests/reports/test_report_figures.py can be
counted on paper. Times are local (Asia/Ho_Chi_Minh); boundary items sit at 23:30 on the last day of a
month/quarter and 00:15 on the first day of the next.
"""

import datetime as dt

from django.utils import timezone

from congtt.content.models import ArticlePage, SectionPage
from congtt.vntext import slugify_vi


def aware(d, hour=9, minute=0):
    return timezone.make_aware(dt.datetime(d.year, d.month, d.day, hour, minute))


def section(profile, slug="tin-tuc", title=None):
    home = profile.site.root_page
    found = SectionPage.objects.child_of(home).filter(slug=slug).first()
    if found:
        return found
    page = SectionPage(title=title, slug=slug)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def article(parent, title, when, authors=(), publish=True):
    page = ArticlePage(
        title=title,
        slug=slugify_vi(title),
        date=when,
        authors=[("author", {"name": n}) for n in authors],
        locale=parent.locale,
        live=publish,
    )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


# (site key, section slug, title, local datetime, authors)
ARTICLES = [
    ("D", "tin-tuc", "D1 cuối quý III", (2026, 9, 30, 23, 30), ["Nguyễn Văn An"]),
    ("D", "tin-tuc", "D2 đầu quý IV", (2026, 10, 1, 0, 15), ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("D", "chuyen-doi-so", "D3 giữa tháng", (2026, 10, 15, 9, 0), ["Trần Thị Bình"]),
    ("D", "tin-tuc", "D4 cuối tháng mười", (2026, 10, 31, 23, 30), []),
    ("D", "tin-tuc", "D5 đầu tháng mười một", (2026, 11, 1, 0, 15), ["Nguyễn Văn An"]),
    ("H", "tin-tuc", "H1 tháng mười", (2026, 10, 10, 9, 0), ["Lê Thị Cúc"]),
    ("H", "tin-tuc", "H2 cuối năm", (2026, 12, 31, 23, 30), ["Lê Thị Cúc"]),
    ("H", "tin-tuc", "H3 đầu năm sau", (2027, 1, 1, 0, 15), ["Lê Thị Cúc"]),
    ("P", "tin-tuc", "P1 tin của cổng", (2026, 10, 20, 9, 0), ["Nguyễn Văn An"]),
]
DRAFT_ARTICLE = ("D", "tin-tuc", "D nháp", (2026, 10, 10, 9, 0), ["Nguyễn Văn An"])

# (site key, day, visits, views)
VISITS = [
    ("D", dt.date(2026, 9, 30), 10, 20),
    ("D", dt.date(2026, 10, 1), 5, 9),
    ("D", dt.date(2026, 10, 31), 7, 11),
    ("D", dt.date(2026, 11, 1), 100, 200),
    ("H", dt.date(2026, 10, 15), 3, 4),
    ("P", dt.date(2026, 10, 2), 50, 80),
]

# (site key, due, published day or None)
DEADLINES = [
    ("D", dt.date(2026, 10, 1), dt.date(2026, 9, 30)),  # on time
    ("D", dt.date(2026, 10, 6), dt.date(2026, 10, 6)),  # on time (same day)
    ("D", dt.date(2026, 10, 7), dt.date(2026, 10, 9)),  # late
    ("D", dt.date(2026, 10, 31), None),  # due on the last day, never published: missed
    ("D", dt.date(2026, 9, 30), None),  # September: outside October, inside Q3
    ("H", dt.date(2026, 10, 20), None),  # missed
]

# (site key, created, state, answered, due, extended)
CASES = [
    ("D", dt.date(2026, 9, 30), "answered", dt.date(2026, 10, 1), dt.date(2026, 10, 14), None),
    ("D", dt.date(2026, 10, 1), "answered", dt.date(2026, 10, 6), dt.date(2026, 10, 8), None),
    ("D", dt.date(2026, 10, 2), "answered", dt.date(2026, 10, 20), dt.date(2026, 10, 9), None),
    (
        "D",
        dt.date(2026, 10, 2),
        "published",
        dt.date(2026, 10, 12),
        dt.date(2026, 10, 5),
        dt.date(2026, 10, 15),
    ),
    ("D", dt.date(2026, 10, 3), "forwarded", None, dt.date(2026, 10, 10), None),
    ("D", dt.date(2026, 10, 31), "received", None, dt.date(2026, 11, 12), None),
    ("H", dt.date(2026, 10, 10), "answered", dt.date(2026, 10, 31), dt.date(2026, 10, 31), None),
]
CASE_UNIT = "Phòng Quản lý khoa học"  # the D cases above are forwarded to this unit

# (site key, title, opens, closes, comment days)
DRAFTS = [
    (
        "D",
        "Dự thảo quy chế",
        dt.date(2026, 9, 20),
        dt.date(2026, 10, 20),
        [dt.date(2026, 9, 25), dt.date(2026, 10, 2), dt.date(2026, 10, 3)],
    ),
    ("P", "Dự thảo kế hoạch", dt.date(2026, 10, 25), dt.date(2026, 11, 10), [dt.date(2026, 11, 2)]),
]

# (site key, day, interface, content, quality, support)
RATINGS = [
    ("D", dt.date(2026, 10, 5), 5, 4, 4, 3),
    ("D", dt.date(2026, 10, 31), 3, 4, 2, 5),
    ("H", dt.date(2026, 11, 1), 4, 4, 4, 4),
]

# (site key, year, month, status, total)
STATEMENTS = [
    ("D", 2026, 10, "approved", 1_250_000),
    ("D", 2026, 11, "submitted", 300_000),
    ("H", 2026, 10, "approved", 500_000),
]


def build_dataset(portal, department, district):
    """Create every record above; returns {"P": site, "D": site, "H": site}."""
    from congtt.citizen.models import Case, Draft, DraftComment, Rating, ResponsibleUnit
    from congtt.editorial.models import PublicationDeadline, UnitQuota
    from congtt.reports.models import DailySiteStat
    from congtt.royalties.models import Statement

    profiles = {"P": portal, "D": department, "H": district}
    sites = {k: p.site for k, p in profiles.items()}
    section(department, "chuyen-doi-so", "Chuyển đổi số")
    for key, slug, title, (y, mo, d, h, mi), authors in [*ARTICLES, DRAFT_ARTICLE]:
        when = timezone.make_aware(dt.datetime(y, mo, d, h, mi))
        article(section(profiles[key], slug), title, when, authors, publish=(title != DRAFT_ARTICLE[2]))
    for key, day, visits, views in VISITS:
        DailySiteStat.objects.create(site=sites[key], date=day, visits=visits, views=views)
    kind = PublicationDeadline._meta.get_field("kind").choices[0][0]
    for key, due, published in DEADLINES:
        PublicationDeadline.objects.create(
            site=sites[key],
            title=f"Thông tin hạn {due:%d/%m}",
            kind=kind,
            source_date=due - dt.timedelta(days=3),
            due_date=due,
            published_at=aware(published) if published else None,
        )
    UnitQuota.objects.create(site=sites["D"], unit_name="Phòng Quản lý khoa học", monthly_target=20)
    unit = ResponsibleUnit.objects.create(site=sites["D"], name=CASE_UNIT)
    for key, created, state, answered, due, extended in CASES:
        Case.objects.create(
            unit=unit if key == "D" else None,
            site=sites[key],
            asker_name="Nguyễn Văn Hỏi",
            title="Hỏi về thủ tục",
            question="Nội dung câu hỏi",
            state=state,
            created_at=aware(created),
            answered_at=aware(answered) if answered else None,
            due_date=due,
            extended_due_date=extended,
        )
    for key, title, opens, closes, days in DRAFTS:
        draft = Draft.objects.create(
            site=sites[key], title=title, opens_on=opens, closes_on=closes, published=True
        )
        for day in days:
            DraftComment.objects.create(
                draft=draft, name="Lê B", email="b@example.com", text="Ý kiến", created_at=aware(day)
            )
    for key, day, *scores in RATINGS:
        Rating.objects.create(
            site=sites[key],
            interface=scores[0],
            content=scores[1],
            quality=scores[2],
            support=scores[3],
            created_at=aware(day),
        )
    for key, year, month, status, total in STATEMENTS:
        Statement.objects.create(site=sites[key], year=year, month=month, status=status, total=total)
    return sites
