import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from congtt.legal.models import DocumentForm, Field, IssuingBody, LegalDocument


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def taxonomy(db):
    return {
        "qd": DocumentForm.objects.get(code="quyet-dinh"),
        "nd": DocumentForm.objects.get(code="nghi-dinh"),
        "cv": DocumentForm.objects.get(code="cong-van"),
        "ubnd": IssuingBody.objects.get_or_create(name="Ủy ban nhân dân tỉnh Lạng Sơn")[0],
        "cp": IssuingBody.objects.get_or_create(name="Chính phủ")[0],
        "ttt": Field.objects.get_or_create(slug="thong-tin", defaults={"name": "Thông tin và Truyền thông"})[
            0
        ],
        "khcn": Field.objects.get_or_create(slug="khcn", defaults={"name": "Khoa học và Công nghệ"})[0],
    }


@pytest.fixture
def make_doc(taxonomy):
    counter = {"n": 0}

    def make(
        site,
        *,
        number=None,
        form="qd",
        body="ubnd",
        field="ttt",
        issue=dt.date(2024, 10, 25),
        effective=None,
        expiry=None,
        summary="Ban hành Quy chế hoạt động của Cổng thông tin điện tử",
        live=True,
        replaced_by=None,
        **extra,
    ):
        counter["n"] += 1
        now = timezone.now()
        doc = LegalDocument(
            site=site.site if hasattr(site, "site") else site,
            form=taxonomy[form],
            number=number or f"{counter['n']}/QĐ-UBND",
            issuing_body=taxonomy[body],
            field=taxonomy[field] if field else None,
            issue_date=issue,
            effective_date=effective,
            expiry_date=expiry,
            summary=summary,
            replaced_by=replaced_by,
            live=live,
            first_published_at=now if live else None,
            **extra,
        )
        doc.save()
        return doc

    return make
