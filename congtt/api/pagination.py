"""Pagination and identifier bounds shared by every router of the public API."""

from ninja import Field, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination

MAX_PAGE = 100_000
MAX_ID = 2**63 - 1  # larger ids overflow database integers (SQLite raises, PostgreSQL rejects)


class BoundedPageNumberPagination(PageNumberPagination):
    """Page numbers with an upper bound, so a huge ``?page=`` is a 422, never a database overflow."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=100)


def check_id(value: int | None, name: str, status: int = 400) -> None:
    """A JSON error answer for an identifier no row can have (zero, negative, beyond 64 bits)."""
    if value is not None and not 0 < value <= MAX_ID:
        raise HttpError(status, f"Tham số {name} không hợp lệ.")
