"""Officers and their units (EDT-6): a unit officer files submissions for their own unit and sees its
submissions; the board (who may convert submissions on the site) is not limited."""

from django.db.models import Q
from django.utils.translation import gettext as _

from congtt.network.scoping import ALL, site_ids_with_permission, user_site_ids

from .models import OfficerUnit


def unit_of(user, site):
    """The directory unit ``user`` works for on ``site``, or None."""
    if user is None or not user.is_authenticated or site is None:
        return None
    link = OfficerUnit.objects.filter(user=user, site=site).select_related("unit").first()
    return link.unit if link else None


def officer_site_ids(user) -> set[int]:
    """Ids of the sites where ``user`` is linked to a unit and still holds a role: there they may see their
    own unit's quota (EDT-7) even without the board's view of every unit."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    linked = set(OfficerUnit.objects.filter(user=user).values_list("site_id", flat=True))
    if not linked:
        return set()
    roles = user_site_ids(user)
    return linked if roles is ALL else linked & roles


def _board_site_ids(user):
    return site_ids_with_permission(user, "editorial.convert_submission")


def limited_unit(user, site):
    """The unit ``user`` is limited to on ``site`` (their own, unless they are on the board), or None."""
    unit = unit_of(user, site)
    if unit is None:
        return None
    board = _board_site_ids(user)
    return None if board is ALL or site.pk in board else unit


def unit_error(user, site, unit, unit_name: str = "") -> str:
    """Why ``user`` may not file for ``unit`` (or the outside unit ``unit_name``) on ``site``; '' if allowed."""
    own = limited_unit(user, site)
    if own is None:
        return ""
    if (unit is None and unit_name.strip()) or (unit is not None and unit.pk != own.pk):
        return _("Anh/chị chỉ được gửi phiếu cho đơn vị của mình: %(unit)s.") % {"unit": own.name}
    return ""


def visible_submissions(user, queryset):
    """Limit ``queryset`` to the unit's submissions (and the user's own) on sites where ``user`` is a
    unit officer rather than a board member."""
    links = list(OfficerUnit.objects.filter(user=user).values_list("site_id", "unit_id"))
    if not links:
        return queryset
    board = _board_site_ids(user)
    if board is ALL:
        return queryset
    for site_id, unit_id in links:
        if site_id in board:
            continue
        queryset = queryset.exclude(Q(site_id=site_id) & ~(Q(unit_id=unit_id) | Q(officer=user)))
    return queryset
