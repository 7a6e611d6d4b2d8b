"""Search index rows in bulk.

On PostgreSQL the rows of ``wagtailsearch_indexentry`` are written with one INSERT per batch
whose tsvectors are computed by the server (``setweight(to_tsvector(config, text), weight)``
per weight group), the same content the backend's ``add_items`` stores, without building a
Django expression per object (which made ``add_bulk`` ~70 objects/s). ``title_norm`` is
refreshed once at the end (``finish``), not after every batch. Other databases use the
backend's ``add_bulk``.
"""

import time
from collections import defaultdict
from contextlib import contextmanager

from django.db import connection
from wagtail.search.backends import get_search_backend


def _pg_backend():
    backend = get_search_backend()
    if connection.vendor != "postgresql" or not hasattr(backend, "config"):
        return None
    return backend


def add_bulk(model, objs, texts=None):
    """Index ``objs``; ``texts(obj)`` may give ({weight: [text]} for title, body, autocomplete) directly."""
    backend = _pg_backend()
    if backend is None:
        get_search_backend().add_bulk(model, objs)
        return
    from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer
    from modelsearch.index import AutocompleteField, SearchField
    from modelsearch.utils import get_content_type_pk

    config = backend.config or "simple"
    ct = get_content_type_pk(model)
    rows, params = [], []

    def vector(groups, cfg):
        parts = []
        for w, values in groups.items():
            text = " ".join(t for t in values if t)
            if text:
                parts.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
                params.extend([cfg, text, w])
        return " || ".join(parts) if parts else "''::tsvector"

    for obj in objs:
        if texts is not None:
            title, body, auto = texts(obj)
        else:
            title, body, auto = _texts(obj, backend, SearchField, AutocompleteField, ObjectIndexer)
        title_text = [t for ts in title.values() for t in ts]
        body_text = [t for ts in body.values() for t in ts]
        params.extend([ct, str(obj.pk)])
        t_sql = vector(title, config)
        a_sql = vector(auto, "simple")
        b_sql = vector(body, config)
        params.extend([" ".join(t for t in title_text if t), " ".join(t for t in body_text if t)])
        rows.append(f"(%s, %s, {t_sql}, {a_sql}, {b_sql}, 1.0, %s, %s)")
    if not rows:
        return
    _insert(IndexEntry._meta.db_table, rows, params)


def _texts(obj, backend, SearchField, AutocompleteField, ObjectIndexer):  # noqa: N803
    indexer = ObjectIndexer(obj, backend)
    title, body, auto = defaultdict(list), defaultdict(list), defaultdict(list)
    for field in indexer.search_fields:
        for current, weight, value in indexer.prepare_field(obj, field):
            value = (value or "").strip()
            if isinstance(current, SearchField):
                (title if current.field_name == "title" else body)[weight].append(value)
            elif isinstance(current, AutocompleteField):
                auto[weight].append(value)
    return title, body, auto


def weight(boost=None) -> str:
    from modelsearch.backends.database.postgres.weights import get_weight

    return get_weight(boost)


def _insert(table, rows, params):
    # the table name comes from the model and every value is a parameter
    sql = f"""INSERT INTO {table}
            (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            VALUES {", ".join(rows)}
            ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title,
            title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
            title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text"""  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute(sql, params)


def finish():
    """Refresh ``title_norm`` of the new rows once (the backend does it after every batch)."""
    backend = _pg_backend()
    if backend is not None:
        from modelsearch.backends.database.postgres.postgres import PostgresIndex

        PostgresIndex(backend)._refresh_title_norms()


DEFER_AT = 20_000  # rows: above this, dropping the GIN indexes and rebuilding them once is faster


@contextmanager
def deferred_gin_indexes(rows: int, out=None):
    """On PostgreSQL with many rows to add, drop the index table's GIN indexes and rebuild them after.

    Rebuilt even when seeding fails half way (the definitions are read from pg_indexes first).
    """
    if connection.vendor != "postgresql" or rows < DEFER_AT:
        yield
        return
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    table = IndexEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexdef ILIKE %s",
            [table, "% USING gin %"],
        )
        definitions = cursor.fetchall()
        for name, _definition in definitions:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
    try:
        yield
    finally:
        start = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '256MB'")
            for _name, definition in definitions:
                cursor.execute(definition.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
        if out is not None:
            out.write(f"search GIN indexes rebuilt in {time.perf_counter() - start:.1f} s\n")
