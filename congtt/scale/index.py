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


WEIGHTS = "ABCD"
SEP = "\x1f"


def add_bulk(model, objs, texts=None):
    """Index ``objs``; ``texts(obj)`` may give ({weight: [text]} for title, body, autocomplete) directly.

    One statement per batch whatever its size: the texts travel as one string per column (and
    weight), split and ``unnest``-ed into rows by the server, so the client neither parses a
    query with thousands of placeholders nor escapes thousands of array elements.
    """
    backend = _pg_backend()
    if backend is None:
        get_search_backend().add_bulk(model, objs)
        return
    from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer
    from modelsearch.index import AutocompleteField, SearchField
    from modelsearch.utils import get_content_type_pk

    config = backend.config or "simple"
    if not config.replace("_", "").replace(".", "").isalnum():
        raise ValueError(f"unexpected text-search configuration {config!r}")
    columns = {"oid": [], "title_text": [], "body_text": [], "auto": []}
    for part in ("t", "b"):
        for w in WEIGHTS:
            columns[f"{part}{w}"] = []
    for obj in objs:
        if texts is not None:
            title, body, auto = texts(obj)
        else:
            title, body, auto = _texts(obj, backend, SearchField, AutocompleteField, ObjectIndexer)
        columns["oid"].append(str(obj.pk))
        for part, groups in (("t", title), ("b", body)):
            for w in WEIGHTS:
                columns[f"{part}{w}"].append(" ".join(t for t in groups.get(w, ()) if t))
        columns["auto"].append(" ".join(t for ts in auto.values() for t in ts if t))
        columns["title_text"].append(" ".join(t for ts in title.values() for t in ts if t))
        columns["body_text"].append(" ".join(t for ts in body.values() for t in ts if t))
    if not columns["oid"]:
        return

    def vector(part):
        return " || ".join(
            f"setweight(to_tsvector('{config}', coalesce(u.{part}{w}, '')), '{w}')" for w in WEIGHTS
        )

    names = list(columns)
    sql = f"""INSERT INTO {IndexEntry._meta.db_table}
        (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
        SELECT %s, u.oid, {vector("t")}, to_tsvector('simple', coalesce(u.auto, '')), {vector("b")}, 1.0,
               coalesce(u.title_text, ''), coalesce(u.body_text, '')
        FROM unnest({", ".join(["string_to_array(%s, chr(31))"] * len(names))}) AS u({", ".join(names)})
        ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title,
        title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
        title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text"""  # noqa: S608 (constants only)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        # one text parameter per column, split by the server (U+001F never occurs in page texts):
        # psycopg escapes array elements one by one in Python, a plain string in C
        values = [SEP.join(v.replace(SEP, " ") for v in columns[n]) for n in names]
        cursor.execute(sql, [get_content_type_pk(model), *values])


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
