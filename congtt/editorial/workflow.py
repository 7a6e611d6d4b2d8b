"""Who acts at each step of the board's workflow, and what an action does (EDT-1, EDT-3, EDT-5).

Wagtail's workflows are global; the board's steps decide per site, when a user
acts, whether the user holds the right role on the site of the page.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, Site, TaskState, Workflow, WorkflowPage, WorkflowTask

from congtt.network.models import SiteRoleGroup

from . import rules

logger = logging.getLogger(__name__)

WORKFLOW_NAME = "Quy trình biên tập · {hostname}"


def site_for_page(page) -> Site | None:
    """The site whose home (in any edition) is an ancestor of ``page``."""
    cache = getattr(page, "_editorial_site", False)
    if cache is not False:
        return cache
    home_path = page.path[: Page.steplen * 2]
    home = Page.objects.filter(path=home_path).only("translation_key").first()
    site = None
    if home is not None:
        site = Site.objects.filter(root_page__translation_key=home.translation_key).first()
    page._editorial_site = site
    return site


def user_roles(user, site) -> set[str]:
    if site is None or not user.is_authenticated or not user.is_active:
        return set()
    cache = user.__dict__.setdefault("_editorial_roles", {})
    if site.pk not in cache:
        cache[site.pk] = set(
            SiteRoleGroup.objects.filter(site=site, group__user=user).values_list("role", flat=True)
        )
    return cache[site.pk]


def current_delegation(site, user, day=None):
    """The chief's delegation of final approval that ``user`` holds on ``site`` today, or None."""
    from .models import Delegation

    day = day or timezone.localdate()
    return Delegation.objects.filter(site=site, deputy=user, starts_on__lte=day, ends_on__gte=day).first()


def active_delegation(site, user, day=None) -> bool:
    return current_delegation(site, user, day) is not None


def page_field_id(page):
    """The lĩnh vực of a page for routing its review, or None."""
    from . import fields

    return fields.page_field_id(page)


def reviewers_for(page, site) -> list:
    """Users who review ``page``: the site's members of its field, else every member of the site."""
    from . import fields

    return fields.reviewers_for(page, site)


def user_may_act(task, obj, user) -> bool:
    from .models import ChiefApprovalTask, FieldReviewTask, PublishTask

    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    site = site_for_page(obj)
    roles = user_roles(user, site)
    if isinstance(task, FieldReviewTask):
        return "member" in roles and any(u.pk == user.pk for u in reviewers_for(obj, site))
    if isinstance(task, ChiefApprovalTask):
        return "chief" in roles or ("deputy" in roles and active_delegation(site, user))
    if isinstance(task, PublishTask):
        return bool(roles & {"secretary", "admin"})
    return False


def actions_for(task, obj, user):
    from .models import FieldReviewTask

    if not user_may_act(task, obj, user):
        return []
    # On the last step (publish) Wagtail's editor adds "và xuất bản" to the approve label itself.
    approve = _("Đồng ý")
    actions = [("reject", _("Trả lại (chọn lý do)"), True)]
    if isinstance(task, FieldReviewTask):
        # The reviewer confirms the prohibited-content checklist (EDT-8) in the dialog.
        actions.append(("approve", approve, True))
    else:
        actions += [
            ("approve", approve, False),
            ("approve", _("%(action)s kèm ý kiến") % {"action": approve}, True),
        ]
    return actions


@transaction.atomic
def perform_action(task, task_state, user, action_name, reason="", comment="", **kwargs):
    """Approve or return ``task_state``; a return needs one of the EDT-5 reasons. Logged in the page history."""
    from .models import Decision

    page = task_state.workflow_state.content_object
    if not user_may_act(task, page, user):
        raise PermissionDenied
    comment = (comment or "").strip()
    if action_name == "reject":
        if reason not in rules.REFUSAL_REASON_LABELS:
            raise ValidationError(_("Hãy chọn lý do trả lại."))
        label = str(rules.REFUSAL_REASON_LABELS[reason])
        full = _("Lý do: %(reason)s.") % {"reason": label} + (f" {comment}" if comment else "")
        Decision.objects.create(
            page=page,
            task_state=task_state,
            step=task.name,
            action="reject",
            reason=reason,
            comment=comment,
            user=user,
        )
        log(
            instance=page,
            action="editorial.return",
            user=user,
            data={"step": task.name, "reason": reason, "reason_label": label, "comment": comment},
        )
        task_state.reject(user=user, comment=full)
    elif action_name == "approve":
        Decision.objects.create(
            page=page, task_state=task_state, step=task.name, action="approve", comment=comment, user=user
        )
        task_state.approve(user=user, comment=comment)
    else:
        raise PermissionDenied


STEP_ROLES = {
    "FieldReviewTask": ("member",),
    "ChiefApprovalTask": ("chief", "deputy"),
    "PublishTask": ("secretary", "admin"),
}


def _pages_of_user_sites(user, roles):
    """A subquery of page ids (as text) under the homes of the sites where ``user`` holds one of ``roles``."""
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast

    site_ids = SiteRoleGroup.objects.filter(group__user=user, role__in=roles).values("site_id")
    keys = Site.objects.filter(pk__in=site_ids).values("root_page__translation_key")
    condition = Q(pk__in=[])
    for path in Page.objects.filter(depth=2, translation_key__in=keys).values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    return Page.objects.filter(condition).annotate(pk_text=Cast("pk", CharField())).values("pk_text")


def states_user_can_moderate(task, user):
    """In-progress states of ``task`` the user may act on; only pages of the user's own sites are examined."""
    if not user.is_authenticated or not user.is_active:
        return task.task_states.none()
    states = task.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
    if not user.is_superuser:
        roles = STEP_ROLES.get(type(task).__name__, ())
        states = states.filter(workflow_state__object_id__in=_pages_of_user_sites(user, roles))
    candidates = list(states.select_related("workflow_state"))
    allowed = [
        state.pk for state in candidates if user_may_act(task, state.workflow_state.content_object, user)
    ]
    return task.task_states.filter(pk__in=allowed)


# --- setting workflows up --------------------------------------------------------------------------


def board_tasks():
    """The three shared steps (who acts is decided per site at the time of acting)."""
    from .models import ChiefApprovalTask, FieldReviewTask, PublishTask

    review = FieldReviewTask.objects.filter(active=True).first() or FieldReviewTask.objects.create(
        name="Thẩm định theo lĩnh vực"
    )
    chief = ChiefApprovalTask.objects.filter(active=True).first() or ChiefApprovalTask.objects.create(
        name="Trưởng ban duyệt"
    )
    publish = PublishTask.objects.filter(active=True).first() or PublishTask.objects.create(name="Xuất bản")
    return [review, chief, publish]


def news_sections(site) -> list[Page]:
    """The news section of ``site`` in every edition."""
    from congtt.network.sections import SECTIONS

    news = next(section for section in SECTIONS if section.code == "news")
    vi = site.root_page.get_children().filter(slug=news.slugs["vi"]).first()
    if vi is None:
        return []
    return list(Page.objects.filter(translation_key=vi.translation_key))


@transaction.atomic
def setup_site_workflow(site) -> Workflow:
    """The site's board workflow, assigned to its news section in every edition; idempotent."""
    name = WORKFLOW_NAME.format(hostname=site.hostname)
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
        for order, task in enumerate(board_tasks()):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    for section in news_sections(site):
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return workflow


def actors_for(task, page) -> list:
    """Users who may act on ``task`` for ``page`` (for notifications)."""
    from django.contrib.auth import get_user_model

    from .models import ChiefApprovalTask, FieldReviewTask, PublishTask

    site = site_for_page(page)
    if site is None:
        return []
    if isinstance(task, FieldReviewTask):
        return reviewers_for(page, site)
    roles = {ChiefApprovalTask: ["chief", "deputy"], PublishTask: ["secretary", "admin"]}.get(type(task), [])
    groups = SiteRoleGroup.objects.filter(site=site, role__in=roles).values("group")
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).distinct()
    return [u for u in users if user_may_act(task, page, u)]
