"""Show a typed block's values the Vietnamese way (dates, times, decimals)."""

import datetime
from decimal import Decimal

from django import template
from django.utils import timezone

from congtt.network.templatetags.portal_tags import vn_date

register = template.Library()


@register.filter
def is_plain(value):
    """True for values shown as text (not rich text, lists or images rendered by their block)."""
    return isinstance(value, str | int | Decimal | float | datetime.date)


@register.filter
def show(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return f"{value:%H:%M}, {vn_date(value.date())}"
    if isinstance(value, datetime.date):
        return vn_date(value)
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    return value
