"""Small builders for directory records in tests."""

import datetime

from congtt.directory.models import Hotline, Official, ReceptionEntry, ScheduleEntry, Unit


def unit(site, name, parent=None, **kw):
    return Unit.objects.create(site=site, name=name, parent=parent, **kw)


def official(site, name, position="Chuyên viên", unit=None, **kw):
    return Official.objects.create(site=site, name=name, position=position, unit=unit, **kw)


def entry(site, date, content="Họp giao ban", hour=8, **kw):
    return ScheduleEntry.objects.create(
        site=site, date=date, start_time=datetime.time(hour, 0), content=content, **kw
    )


def reception(site, date, place="Trụ sở tiếp công dân tỉnh", **kw):
    return ReceptionEntry.objects.create(
        site=site, date=date, start_time=datetime.time(8, 0), place=place, **kw
    )


def hotline(site, name="Đường dây nóng", number="0205 3812 000", **kw):
    return Hotline.objects.create(site=site, name=name, number=number, **kw)
