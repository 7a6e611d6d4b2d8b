"""Data migration 0003: the gazette issues' documents become ordered links, none lost."""

import datetime as dt

import pytest

pytestmark = [pytest.mark.migration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BEFORE = [("legal", "0002_document_forms")]


def make_site(apps):
    root = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    return apps.get_model("wagtailcore", "Site").objects.create(
        hostname="thu.localhost", root_page_id=root.pk
    )


def make_docs(apps, site, dates):
    LegalDocument = apps.get_model("legal", "LegalDocument")
    form = apps.get_model("legal", "DocumentForm").objects.get(code="quyet-dinh")
    body = apps.get_model("legal", "IssuingBody").objects.create(name="Ủy ban nhân dân tỉnh Thử")
    return [
        LegalDocument.objects.create(
            site_id=site.pk,
            form=form,
            number=f"{i + 1}/2024/QĐ-UBND",
            number_folded=f"{i + 1}/2024/qd-ubnd",
            issuing_body=body,
            issue_date=date,
            summary=f"Văn bản thứ {i + 1}",
        )
        for i, date in enumerate(dates)
    ]


def test_gazette_links_carried_over_in_issue_date_order(migrator):
    old = migrator.migrate(BEFORE)
    site = make_site(old)
    GazetteIssue = old.get_model("legal", "GazetteIssue")
    late, early, same_day = make_docs(
        old, site, [dt.date(2024, 10, 30), dt.date(2024, 10, 1), dt.date(2024, 10, 30)]
    )
    issue = GazetteIssue.objects.create(site_id=site.pk, number=5, year=2024, date=dt.date(2024, 11, 1))
    Through = GazetteIssue.documents.through  # (a ParentalManyToManyField: add() waits for a cluster save)
    Through.objects.bulk_create(
        Through(gazetteissue_id=issue.pk, legaldocument_id=d.pk) for d in (late, early, same_day)
    )
    empty = GazetteIssue.objects.create(site_id=site.pk, number=6, year=2024, date=dt.date(2024, 11, 2))

    new = migrator.migrate_to_latest()
    links = new.get_model("legal", "GazetteIssueDocument").objects.order_by("issue_id", "sort_order")
    assert [(link.issue_id, link.document_id, link.sort_order) for link in links] == [
        (issue.pk, early.pk, 0),
        (issue.pk, late.pk, 1),
        (issue.pk, same_day.pk, 2),
    ]
    assert not links.filter(issue_id=empty.pk).exists()

    from congtt.legal.models import GazetteIssue as CurrentIssue  # the code of today reads them in order

    assert [d.pk for d in CurrentIssue.objects.get(pk=issue.pk).ordered_documents()] == [
        early.pk,
        late.pk,
        same_day.pk,
    ]
