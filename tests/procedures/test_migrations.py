"""Data migration 0002: procedures' legal basis becomes ordered links, none lost, and back again."""

import datetime as dt

import pytest

from tests.legal.test_migrations import make_docs, make_site

BEFORE = [("procedures", "0001_initial")]
AFTER = [("procedures", "0002_legal_basis_order")]


def make_procedure(apps, site, code):
    Field = apps.get_model("legal", "Field")
    field, _ = Field.objects.get_or_create(slug="ho-tich", defaults={"name": "Hộ tịch"})
    return apps.get_model("procedures", "Procedure").objects.create(
        site_id=site.pk, code=code, name=f"Thủ tục {code}", field=field, responsible_unit="UBND cấp xã"
    )


@pytest.mark.migration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_legal_basis_carried_over_in_the_pages_order(migrator):
    old = migrator.migrate(BEFORE)
    site = make_site(old)
    oldest, newest, middle = make_docs(
        old, site, [dt.date(2013, 11, 28), dt.date(2022, 6, 1), dt.date(2014, 1, 1)]
    )
    first = make_procedure(old, site, "1.001193")
    second = make_procedure(old, site, "1.000894")
    Through = old.get_model("procedures", "Procedure").legal_basis.through  # (a ParentalManyToManyField)
    Through.objects.bulk_create(
        Through(procedure_id=p.pk, legaldocument_id=d.pk)
        for p, d in [(first, oldest), (first, newest), (first, middle), (second, middle)]
    )
    bare = make_procedure(old, site, "1.000656")

    new = migrator.migrate_to_latest()
    links = new.get_model("procedures", "ProcedureLegalBasis").objects.order_by("procedure_id", "sort_order")
    assert [(link.procedure_id, link.document_id, link.sort_order, link.note) for link in links] == [
        (first.pk, newest.pk, 0, ""),  # newest first, as the procedure page listed them
        (first.pk, middle.pk, 1, ""),
        (first.pk, oldest.pk, 2, ""),
        (second.pk, middle.pk, 0, ""),
    ]
    assert not links.filter(procedure_id=bare.pk).exists()


@pytest.mark.migration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrating_back_keeps_the_links(migrator):
    new = migrator.migrate(AFTER)
    site = make_site(new)
    doc_a, doc_b = make_docs(new, site, [dt.date(2020, 1, 1), dt.date(2021, 1, 1)])
    procedure = make_procedure(new, site, "1.001193")
    Link = new.get_model("procedures", "ProcedureLegalBasis")
    Link.objects.create(procedure=procedure, document=doc_a, sort_order=0, note="Điều 5")
    Link.objects.create(procedure=procedure, document=doc_b, sort_order=1)

    old = migrator.migrate(BEFORE)
    basis = old.get_model("procedures", "Procedure").objects.get(pk=procedure.pk).legal_basis
    assert sorted(basis.values_list("pk", flat=True)) == sorted([doc_a.pk, doc_b.pk])


@pytest.mark.django_db(
    transaction=True
)  # no serialized_rollback: it sees the database as the test before left it
def test_migrated_data_is_back_for_the_next_test():
    """Runs after the migration tests above (pytest-django keeps file order among transactional tests)."""
    from wagtail.models import Locale, Page

    from congtt.legal.models import DocumentForm
    from congtt.network.models import SiteKind

    assert Page.objects.filter(depth=1).exists() and Locale.objects.filter(language_code="vi").exists()
    assert SiteKind.objects.filter(code="province").exists() and DocumentForm.objects.count() == 15
