"""Lĩnh vực routing (EDT-1, EDT-3): which board members review which item.

An item's field comes from the submission it was made from. The site's members
who hold that field review it; when the item has no field, or nobody on the
site holds it, every member of the site may review.
"""

from django.db import transaction

from congtt.network.models import SiteRoleGroup


def site_members(site):
    from django.contrib.auth import get_user_model

    if site is None:
        return get_user_model().objects.none()
    group = SiteRoleGroup.objects.filter(site=site, role="member").values("group")
    return get_user_model().objects.filter(groups__in=group, is_active=True).distinct()


def page_field_id(page):
    from .models import Submission

    cache = getattr(page, "_editorial_field", False)
    if cache is False:
        cache = Submission.objects.filter(article_id=page.pk).values_list("field_id", flat=True).first()
        page._editorial_field = cache
    return cache


def reviewers_for(page, site) -> list:
    members = site_members(site)
    field_id = page_field_id(page)
    if field_id is not None:
        holders = list(members.filter(editorial_fields__site=site, editorial_fields__field_id=field_id))
        if holders:
            return holders
    return list(members)


@transaction.atomic
def set_member_fields(site, user, field_ids) -> None:
    from .models import MemberField

    field_ids = set(field_ids or ())
    MemberField.objects.filter(site=site, user=user).exclude(field_id__in=field_ids).delete()
    existing = set(MemberField.objects.filter(site=site, user=user).values_list("field_id", flat=True))
    MemberField.objects.bulk_create(
        MemberField(site=site, user=user, field_id=field_id) for field_id in field_ids - existing
    )


def copy_submission_field(submission, article) -> None:
    """Nothing to copy: the field is read from the submission (kept for callers)."""
    return None


def field_queryset():
    from congtt.legal.models import Field

    return Field.objects.order_by("order", "name")


def member_field_names(site) -> dict:
    """{user id: [field names]} of the site's members."""
    from .models import MemberField

    names: dict = {}
    for user_id, name in (
        MemberField.objects.filter(site=site)
        .values_list("user_id", "field__name")
        .order_by("field__order", "field__name")
    ):
        names.setdefault(user_id, []).append(name)
    return names
