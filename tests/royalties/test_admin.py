import datetime as dt

from congtt.network.services import assign_role
from congtt.royalties.models import Grading, RateFrame, Statement

from .conftest import make_article, make_frame, make_user

OCT = dt.date(2026, 10, 5)


def test_chief_grades_in_the_admin_and_other_sites_are_refused(client, department, district, board):
    make_frame(department.site)
    article = make_article(department, "Tin chấm trong quản trị", OCT)
    client.force_login(board["chief"])
    listing = client.get("/quan-tri/royalties/grading/", {"thang": "10/2026"})
    assert listing.status_code == 200
    assert "Tin chấm trong quản trị" in listing.content.decode()
    url = f"/quan-tri/royalties/grading/{article.pk}/"
    bad = client.post(
        url,
        {
            "genre": "tin",
            "coefficient": "2.0",
            "share-TOTAL_FORMS": "2",
            "share-INITIAL_FORMS": "0",
            "share-0-role": "author",
            "share-0-name": "Nguyễn Văn An",
            "share-0-share_percent": "60",
        },
    )
    assert "Tổng tỷ lệ hưởng phải bằng 100% (hiện là 60%)" in bad.content.decode()
    assert not Grading.objects.exists()
    ok = client.post(
        url,
        {
            "genre": "tin",
            "coefficient": "2.0",
            "share-TOTAL_FORMS": "2",
            "share-INITIAL_FORMS": "0",
            "share-0-role": "author",
            "share-0-name": "Nguyễn Văn An",
            "share-0-share_percent": "60",
            "share-1-role": "photographer",
            "share-1-name": "Trần Thị Bình",
            "share-1-share_percent": "40",
        },
    )
    assert ok.status_code == 302
    assert Grading.objects.get().contributions.count() == 2
    other = make_user("c2", "Lý", "Chín")
    assign_role(other, district.site, "chief")
    client.force_login(other)
    assert client.get(url).status_code in (302, 403)  # Wagtail turns PermissionDenied into a redirect
    client.force_login(board["member"])
    assert client.get("/quan-tri/royalties/grading/").status_code in (302, 403)


def test_statement_screens_generate_approve_export_and_scope(client, department, district, board):
    make_frame(department.site, allowances={"chief": 500_000})
    client.force_login(board["secretary"])
    response = client.post(
        "/quan-tri/royalties/statements/", {"site": department.site.pk, "month": "13/2026"}
    )
    assert "MM/YYYY" in response.content.decode()
    assert not Statement.objects.exists()
    response = client.post(
        "/quan-tri/royalties/statements/", {"site": department.site.pk, "month": "10/2026"}
    )
    statement = Statement.objects.get()
    assert response.status_code == 302 and statement.total == 500_000
    client.post(f"/quan-tri/royalties/statements/{statement.pk}/approve/")
    statement.refresh_from_db()
    assert statement.status == Statement.Status.DRAFT  # the secretary cannot approve
    client.post(f"/quan-tri/royalties/statements/{statement.pk}/submit/")
    client.force_login(board["chief"])
    client.post(f"/quan-tri/royalties/statements/{statement.pk}/approve/")
    statement.refresh_from_db()
    assert statement.status == Statement.Status.APPROVED
    export = client.get(f"/quan-tri/royalties/statements/{statement.pk}/tai/docx/")
    assert export.status_code == 200 and export["Content-Disposition"].endswith('.docx"')
    other = make_user("c2", "Lý", "Chín")
    assign_role(other, district.site, "secretary")
    client.force_login(other)
    assert client.get(f"/quan-tri/royalties/statements/{statement.pk}/").status_code == 404
    assert client.get(f"/quan-tri/royalties/statements/{statement.pk}/tai/xlsx/").status_code == 404
    listing = client.get("/quan-tri/royalties/statements/").content.decode()
    assert f"/quan-tri/royalties/statements/{statement.pk}/" not in listing


def test_rate_frame_admin_is_scoped(client, department, district, board):
    make_frame(department.site)
    make_frame(district.site, year=2025)
    client.force_login(board["secretary"])
    listing = client.get("/quan-tri/royalties/frames/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "2026" in body and "2025" not in body
    other_frame = RateFrame.objects.get(site=district.site)
    assert client.get(f"/quan-tri/royalties/frames/edit/{other_frame.pk}/").status_code in (403, 404, 302)
    add = client.get("/quan-tri/royalties/frames/new/")
    assert add.status_code == 200
    assert f'value="{district.site.pk}"' not in add.content.decode()
