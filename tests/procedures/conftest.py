import pytest
from django.core.cache import cache
from django.utils import timezone

from congtt.legal.models import Field
from congtt.procedures.models import Procedure


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fields(db):
    return {
        "ho-tich": Field.objects.create(name="Hộ tịch", slug="ho-tich", order=1),
        "khcn": Field.objects.create(name="Khoa học và Công nghệ", slug="khcn", order=2),
    }


@pytest.fixture
def make_proc(fields):
    counter = {"n": 0}

    def make(
        site,
        *,
        code=None,
        name="Đăng ký khai sinh",
        field="ho-tich",
        level="commune",
        service_level="full",
        live=True,
    ):
        counter["n"] += 1
        procedure = Procedure(
            site=site.site if hasattr(site, "site") else site,
            code=code or f"1.{counter['n']:06d}",
            name=name,
            field=fields[field],
            level=level,
            service_level=service_level,
            responsible_unit="UBND cấp xã",
            live=live,
            first_published_at=timezone.now() if live else None,
        )
        procedure.save()
        return procedure

    return make
