"""CalendarOverride model, get_calendar() caching and the admin snippet."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from congtt.workdays import services
from congtt.workdays.calendar import WorkCalendar
from congtt.workdays.models import CalendarOverride

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.delete(services.VERSION_KEY)
    yield
    cache.delete(services.VERSION_KEY)


def make(d, kind, reason="Thông báo của Bộ Nội vụ"):
    obj = CalendarOverride(date=d, kind=kind, reason=reason)
    obj.full_clean()
    obj.save()
    return obj


def test_clean_rejects_working_day_on_a_working_day():
    obj = CalendarOverride(date=date(2025, 1, 2), kind="working_day", reason="x")
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    assert "kind" in exc.value.message_dict
    assert "đã là ngày làm việc" in exc.value.message_dict["kind"][0]


def test_clean_rejects_working_day_on_library_swapped_saturday():
    # Saturday 26/4/2025 is already a working day (swap known to the library).
    obj = CalendarOverride(date=date(2025, 4, 26), kind="working_day", reason="x")
    with pytest.raises(ValidationError):
        obj.full_clean()


def test_clean_rejects_day_off_on_weekend():
    obj = CalendarOverride(date=date(2025, 1, 4), kind="day_off", reason="x")
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    message = exc.value.message_dict["kind"][0]
    assert "đã là ngày nghỉ" in message
    assert "cuối tuần" in message


def test_clean_rejects_day_off_on_holiday():
    obj = CalendarOverride(date=date(2025, 9, 2), kind="day_off", reason="x")
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    assert "Quốc khánh" in exc.value.message_dict["kind"][0]


def test_clean_accepts_valid_overrides():
    CalendarOverride(date=date(2025, 1, 2), kind="day_off", reason="Nghỉ bắc cầu").full_clean()
    CalendarOverride(date=date(2025, 1, 4), kind="working_day", reason="Làm bù").full_clean()


def test_date_is_unique():
    make(date(2025, 1, 2), "day_off")
    with pytest.raises(ValidationError):
        CalendarOverride(date=date(2025, 1, 2), kind="day_off", reason="x").full_clean()


def test_str_and_ordering():
    b = make(date(2025, 1, 4), "working_day")
    a = make(date(2025, 1, 2), "day_off")
    assert list(CalendarOverride.objects.all()) == [a, b]
    assert str(a) == "02/01/2025 – Ngày nghỉ bổ sung"


def test_get_calendar_without_overrides():
    cal = services.get_calendar()
    assert isinstance(cal, WorkCalendar)
    assert cal.overrides == {}
    assert services.add_working_days(date(2024, 10, 25), 3) == date(2024, 10, 30)


def test_get_calendar_sees_new_override_immediately():
    bridge = date(2025, 1, 2)
    assert services.is_working_day(bridge)  # warms the cache
    assert services.add_working_days(date(2024, 12, 31), 1) == bridge

    make(bridge, "day_off")
    assert not services.is_working_day(bridge)
    assert services.add_working_days(date(2024, 12, 31), 1) == date(2025, 1, 3)
    assert services.working_days_between(date(2024, 12, 31), date(2025, 1, 3)) == 1

    saturday = date(2025, 1, 4)
    obj = make(saturday, "working_day")
    assert services.is_working_day(saturday)
    assert services.next_working_day(date(2025, 1, 3)) == saturday

    # Editing the kind is seen too.
    obj.kind = "day_off"
    obj.save()
    assert not services.is_working_day(saturday)


def test_get_calendar_after_deletion():
    bridge = date(2025, 1, 2)
    obj = make(bridge, "day_off")
    assert not services.is_working_day(bridge)
    obj.delete()
    assert services.is_working_day(bridge)
    make(date(2025, 1, 4), "working_day")
    CalendarOverride.objects.filter(date=date(2025, 1, 4)).delete()  # queryset delete sends post_delete
    assert not services.is_working_day(date(2025, 1, 4))


def test_get_calendar_is_cached():
    make(date(2025, 1, 2), "day_off")
    services.get_calendar()
    first = services.get_calendar()
    # An update that bypasses signals is not seen until the version is bumped.
    CalendarOverride.objects.filter(date=date(2025, 1, 2)).update(kind="working_day")
    assert services.get_calendar() is first
    services.invalidate_calendar()
    assert services.get_calendar().is_working_day(date(2025, 1, 2))


def test_services_convert_aware_datetimes_to_local_date():
    # 17:30 UTC on Friday 24/1/2025 is 00:30 on Saturday 25/1 in Hà Nội.
    moment = datetime(2025, 1, 24, 17, 30, tzinfo=ZoneInfo("UTC"))
    assert not services.is_working_day(moment)
    assert services.add_working_days(moment, 0) == date(2025, 2, 3)


def test_snippet_admin_listing(admin_client):
    make(date(2025, 1, 2), "day_off", reason="Nghỉ bắc cầu sau Tết Dương lịch")
    make(date(2024, 1, 6), "working_day", reason="Làm bù năm 2024")
    from wagtail.snippets.models import get_snippet_models

    assert CalendarOverride in get_snippet_models()
    from django.urls import reverse

    url = reverse(CalendarOverride.snippet_viewset.get_url_name("list"))
    response = admin_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nghỉ bắc cầu sau Tết Dương lịch" in content
    assert "Làm bù năm 2024" in content

    response = admin_client.get(url, {"year": "2025"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nghỉ bắc cầu sau Tết Dương lịch" in content
    assert "Làm bù năm 2024" not in content

    response = admin_client.get(url, {"kind": "working_day"})
    content = response.content.decode()
    assert "Làm bù năm 2024" in content
    assert "Nghỉ bắc cầu sau Tết Dương lịch" not in content


def test_snippet_admin_create_rejects_invalid(admin_client):
    from django.urls import reverse

    url = reverse(CalendarOverride.snippet_viewset.get_url_name("add"))
    response = admin_client.post(url, {"date": "2025-01-04", "kind": "day_off", "reason": "x"})
    assert response.status_code == 200  # form re-displayed with the error
    assert not CalendarOverride.objects.exists()
    response = admin_client.post(url, {"date": "2025-01-02", "kind": "day_off", "reason": "Nghỉ bắc cầu"})
    assert response.status_code == 302
    assert not services.is_working_day(date(2025, 1, 2))
