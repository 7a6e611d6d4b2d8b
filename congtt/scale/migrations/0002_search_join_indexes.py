"""Indexes on ``id::varchar(50)`` of the big searchable tables (PostgreSQL only).

The search backend joins its index rows to the searched table on
``("table"."id")::varchar(50) = "wagtailsearch_indexentry"."object_id"``. Without an index on that
expression, PostgreSQL found the few matching index rows through the GIN index and then scanned
every page of the site (or of the network) to join them: 50 ms for 7,000 articles on one site,
linear in the articles. With these indexes it joins the matching rows by index lookups (< 5 ms).
"""

from django.db import migrations

INDEXES = [  # (index name, table, primary key column)
    ("scale_page_id_text", "wagtailcore_page", "id"),
    ("scale_articlepage_id_text", "content_articlepage", "page_ptr_id"),
    ("scale_legal_id_text", "legal_legaldocument", "id"),
    ("scale_procedure_id_text", "procedures_procedure", "id"),
    ("scale_case_id_text", "citizen_case", "id"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON "{table}" ((("{column}")::varchar(50)))'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("scale", "0001_search_vector_index"),
        ("content", "0002_topicpage_articlepage"),
        ("legal", "0002_document_forms"),
        ("procedures", "0001_initial"),
        ("citizen", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
