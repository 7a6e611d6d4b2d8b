"""Lĩnh vực routing (EDT-1, EDT-3): which board members review which item.

Before the shared ``legal.Field`` model exists every member of the site reviews.
"""

from congtt.network.models import SiteRoleGroup


def site_members(site):
    from django.contrib.auth import get_user_model

    if site is None:
        return get_user_model().objects.none()
    group = SiteRoleGroup.objects.filter(site=site, role="member").values("group")
    return get_user_model().objects.filter(groups__in=group, is_active=True).distinct()


def page_field_id(page):
    return None


def reviewers_for(page, site) -> list:
    return list(site_members(site))


def set_member_fields(site, user, field_ids) -> None:
    return None


def copy_submission_field(submission, article) -> None:
    return None


def field_queryset():
    """All lĩnh vực to choose from, or None before the shared model exists."""
    return None


def member_field_names(site) -> dict:
    """{user id: [field names]} of the site's members."""
    return {}
